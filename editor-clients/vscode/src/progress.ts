import * as vscode from 'vscode';
import {
  ClientCapabilities, FeatureState, LanguageClient, ProgressToken, StaticFeature, WorkDoneProgress,
  WorkDoneProgressBegin, WorkDoneProgressCreateParams, WorkDoneProgressCreateRequest, WorkDoneProgressReport,
} from 'vscode-languageclient/node';

/**
 * Shows the server's indexing (window/workDoneProgress) where users see it: a status bar item with
 * the percentage, the status bar's progress spinner, and a notification when indexing takes more
 * than a moment or was asked for with "PaperLink: Reindex".
 *
 * vscode-languageclient's own handler shows only a quiet window progress and is registered after
 * the `initialized` notification (so the server's first indexing can be missed). This feature
 * installs its handler before the client starts and again after the built-in features, replacing it.
 */
export class IndexingProgress implements StaticFeature {
  private readonly status: vscode.StatusBarItem;
  private notifyNext = false;
  private active = 0;

  constructor(private readonly client: LanguageClient) {
    this.status = vscode.window.createStatusBarItem('paperlink.status', vscode.StatusBarAlignment.Left, 10);
    this.status.name = 'PaperLink';
    this.status.command = 'paperlink.showLog';
    this.set('$(loading~spin) PaperLink', 'starting the language server…');
    this.status.show();
    client.onRequest(WorkDoneProgressCreateRequest.type, p => this.create(p)); // pending until the connection exists
  }

  fillClientCapabilities(capabilities: ClientCapabilities): void {
    (capabilities.window ??= {}).workDoneProgress = true;
  }

  initialize(): void {
    this.client.onRequest(WorkDoneProgressCreateRequest.type, p => this.create(p));
  }

  getState(): FeatureState {
    return { kind: 'static' };
  }

  clear(): void {
    this.active = 0;
  }

  dispose(): void {
    this.status.dispose();
  }

  /** The next indexing run is shown as a notification from its start (used by the Reindex command). */
  notifyNextRun(): void {
    this.notifyNext = true;
  }

  /** Text, tooltip and screen-reader label of the status bar item (the label carries the message too). */
  private set(text: string, detail: string): void {
    this.status.text = text;
    this.status.tooltip = `PaperLink: ${detail}`;
    this.status.accessibilityInformation = { label: `PaperLink: ${detail}` };
  }

  /** At rest: the index state in the item itself ("PaperLink · 1,234 papers"), the whole message in its tooltip. */
  idle(detail: string): void {
    const papers = /^([\d,]+ papers?)\b/.exec(detail);
    this.set(papers ? `$(book) PaperLink · ${papers[1]}` : '$(book) PaperLink', detail);
  }

  /** The server answered initialize; its first indexing run follows. */
  started(detail: string): void {
    if (this.active === 0) this.idle(detail);
  }

  failed(detail: string): void {
    this.set('$(error) PaperLink', detail);
  }

  private create(params: WorkDoneProgressCreateParams): void {
    const token = params.token;
    const notify = this.notifyNext;
    this.notifyNext = false;
    let title = 'PaperLink: indexing';
    let percent = 0;
    let message = '';
    let finish: () => void = () => undefined;
    const finished = new Promise<void>(resolve => (finish = resolve));
    const reporters: Array<vscode.Progress<{ message?: string; increment?: number }>> = [];
    const reported = new Map<object, number>();
    const show = (location: vscode.ProgressLocation) => {
      void vscode.window.withProgress({ location, title, cancellable: false }, async progress => {
        reporters.push(progress);
        reported.set(progress, 0);
        update();
        await finished;
      });
    };
    const update = () => {
      this.set(`$(sync~spin) PaperLink ${percent}%`, `${title.replace(/^PaperLink: /, '')} ${percent}%${message ? ': ' + message : ''}`);
      for (const r of reporters) {
        const increment = Math.max(0, percent - (reported.get(r) ?? 0));
        reported.set(r, percent);
        r.report({ message: `${percent}%${message ? ' ' + message : ''}`, increment });
      }
    };
    let timer: NodeJS.Timeout | undefined;
    const sub = this.client.onProgress(WorkDoneProgress.type, token as ProgressToken, value => {
      if (value.kind === 'begin') {
        const b = value as WorkDoneProgressBegin;
        title = b.title.startsWith('PaperLink') ? b.title : `PaperLink: ${b.title}`;
        percent = b.percentage ?? 0;
        message = b.message ?? '';
        this.active++;
        show(vscode.ProgressLocation.Window);
        if (notify) {
          show(vscode.ProgressLocation.Notification);
        } else {
          timer = setTimeout(() => show(vscode.ProgressLocation.Notification), 1500);
        }
        update();
      } else if (value.kind === 'report') {
        const r = value as WorkDoneProgressReport;
        if (typeof r.percentage === 'number') percent = Math.max(percent, Math.min(100, r.percentage));
        if (r.message) message = r.message;
        update();
      } else {
        if (timer) clearTimeout(timer);
        this.active = Math.max(0, this.active - 1);
        finish();
        sub.dispose();
        this.idle(value.message ?? 'index up to date');
        if (notify && value.message) {
          void vscode.window.showInformationMessage(value.message.startsWith('PaperLink') ? value.message : `PaperLink: ${value.message}`);
        }
      }
    });
  }
}

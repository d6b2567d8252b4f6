import * as vscode from 'vscode';
import { CodeAction, CodeActionRequest, LanguageClient, Position as LspPosition, WorkspaceEdit } from 'vscode-languageclient/node';

/**
 * "PaperLink: Related papers for selection": the papers the server finds related to the selection
 * (or to the sentence at the cursor) in a quick pick; the chosen one is cited where the server's
 * "Cite …" code action puts a citation: before the sentence's full stop, in the document's syntax.
 *
 * The list comes from the server's own request `paperlink/relatedPapers` ({textDocument, range,
 * limit?} → [{key, title, authors, year, score, why, citation}]). The place of the citation is not
 * computed here: the extension asks for the code actions (kind refactor.rewrite) of the same range
 * and applies the one whose edit inserts the chosen paper's citation. The server offers five such
 * actions; for a paper further down the list, the citation goes where those actions insert theirs,
 * with the same "~" or space before it. With no action at all (a server without them), it goes at
 * the end of the selection.
 */
export const RELATED_PAPERS = 'paperlink/relatedPapers';

/** One paper of the `paperlink/relatedPapers` answer. */
export interface RelatedPaper {
  key: string;
  title: string;
  authors: string[];
  year: string;
  score: number;
  why: string;
  /** What citing it inserts in this document, e.g. `\cite{he2016deep}` or `[@he2016deep]`. */
  citation: string;
}

interface RelatedItem extends vscode.QuickPickItem {
  paper: RelatedPaper;
}

export class RelatedPapers {
  constructor(private readonly client: LanguageClient, private readonly output: vscode.LogOutputChannel) {}

  async run(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('PaperLink: open a LaTeX or Markdown note and select a sentence first.');
      return;
    }
    const doc = editor.document;
    const c2p = this.client.code2ProtocolConverter;
    const params = {
      textDocument: c2p.asTextDocumentIdentifier(doc),
      range: c2p.asRange(requestRange(doc, editor.selection)),
    };
    const pick = vscode.window.createQuickPick<RelatedItem>();
    pick.title = 'PaperLink: Related papers';
    pick.placeholder = editor.selection.isEmpty
      ? 'Papers related to the sentence at the cursor: pick one to cite it'
      : 'Papers related to the selection: pick one to cite it';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.busy = true;
    const chosen = new Promise<RelatedItem | undefined>(resolve => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0] ?? pick.activeItems[0]));
      pick.onDidHide(() => resolve(undefined));
    });
    pick.show();
    let papers: RelatedPaper[] = [];
    try {
      papers = unique((await this.client.sendRequest<RelatedPaper[] | null>(RELATED_PAPERS, params)) ?? []);
    } catch (e) {
      const msg = `PaperLink: ${RELATED_PAPERS} failed: ${e instanceof Error ? e.message : String(e)}`;
      this.output.error(msg);
      pick.hide();
      void vscode.window.showErrorMessage(msg);
      return;
    }
    if (papers.length === 0) {
      pick.hide();
      void vscode.window.showInformationMessage(
        'PaperLink: no related papers for this passage. Is a corpus configured (paperlink.corpus)?');
      return;
    }
    pick.items = papers.map(paper => ({ paper, label: paper.title, description: byline(paper), detail: paper.why }));
    pick.busy = false;
    const item = await chosen;
    pick.dispose();
    if (!item) return;
    await this.cite(doc, params, item.paper, papers);
  }

  /** Inserts the paper's citation as the server's code action for the same range would. */
  private async cite(doc: vscode.TextDocument, params: { textDocument: { uri: string }; range: { start: LspPosition; end: LspPosition } },
    paper: RelatedPaper, papers: RelatedPaper[]): Promise<void> {
    let actions: unknown[] = [];
    try {
      actions = (await this.client.sendRequest(CodeActionRequest.type, {
        textDocument: params.textDocument, range: params.range, context: { diagnostics: [], only: ['refactor.rewrite'] },
      })) ?? [];
    } catch (e) {
      this.output.warn(`code actions for the citation place failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    let place: LspPosition | undefined;
    let prefix = '';
    for (const a of actions) {
      if (!CodeAction.is(a) || !a.edit?.changes) continue;
      const documents = Object.values(a.edit.changes);
      if (documents.length !== 1 || documents[0].length !== 1) continue;
      const edit = documents[0][0];
      if (edit.newText.endsWith(paper.citation)) {
        return this.apply(a.edit, paper);
      }
      // another paper's action: where and with what before it the citations go
      const other = papers.find(p => edit.newText.endsWith(p.citation));
      if (other && !place) {
        place = edit.range.start;
        prefix = edit.newText.slice(0, edit.newText.length - other.citation.length);
      }
    }
    const at = place ?? params.range.end;
    await this.apply({ changes: { [params.textDocument.uri]: [{ range: { start: at, end: at }, newText: prefix + paper.citation }] } }, paper);
    if (!place) this.output.info(`no "Cite …" code action for ${paper.key}: its citation went at the end of the selection in ${doc.uri.toString()}`);
  }

  private async apply(edit: WorkspaceEdit, paper: RelatedPaper): Promise<void> {
    const done = await vscode.workspace.applyEdit(await this.client.protocol2CodeConverter.asWorkspaceEdit(edit));
    if (done) {
      vscode.window.setStatusBarMessage(`PaperLink: cited ${paper.key}`, 4000);
    } else {
      void vscode.window.showErrorMessage(`PaperLink: could not insert ${paper.citation} (the document changed?)`);
    }
  }
}

/**
 * The range the server is asked about: the cursor (the server takes its sentence), or the
 * selection with its end moved back over trailing blanks and a closing full stop (or ? !). From just
 * after a sentence's full stop the server reads on into the next sentence, so a selected line
 * "… recognition." would be cited at the end of the sentence after it.
 */
export function requestRange(doc: vscode.TextDocument, selection: vscode.Selection): vscode.Range {
  if (selection.isEmpty) return new vscode.Range(selection.active, selection.active);
  const text = doc.getText(selection);
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  while (end > 0 && /[.?!]/.test(text[end - 1])) end--;
  const start = doc.offsetAt(selection.start);
  return new vscode.Range(selection.start, doc.positionAt(start + end));
}

/** "Kaiming He, Xiangyu Zhang, Shaoqing Ren et al. · 2016" */
function byline(p: RelatedPaper): string {
  const authors = p.authors ?? [];
  const names = authors.length > 3 ? `${authors.slice(0, 3).join(', ')} et al.` : authors.join(', ');
  return [names, p.year ? String(p.year) : ''].filter(s => s !== '').join(' · ');
}

/** A paper both in the document's bibliography and in the corpus may come twice: keep its first. */
function unique(papers: RelatedPaper[]): RelatedPaper[] {
  const seen = new Set<string>();
  return papers.filter(p => {
    if (seen.has(p.key)) return false;
    seen.add(p.key);
    return true;
  });
}

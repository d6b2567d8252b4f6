import * as path from 'path';
import * as vscode from 'vscode';
import {
  CompletionItem, CompletionList, CompletionRequest, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  LanguageClient,
} from 'vscode-languageclient/node';

/**
 * "PaperLink: Search papers": a quick pick over the corpus that inserts a citation.
 *
 * The server has no search command of its own (no workspace/executeCommand, no workspace/symbol),
 * so the search goes through the protocol it does offer: citation-key completion, which matches
 * keys by prefix and papers by title and author words, the document's own bibliography first. The
 * extension opens a scratch document on the server (never shown in the editor, never on disk):
 * the active document's text followed by `\cite{<query>` (LaTeX) or `[@<query>` (Markdown), and
 * asks for completion at its end. Each word typed in the quick pick is one query; the results of
 * the words are intersected, so that "vaswani attention" narrows the list.
 */
export const SCRATCH_NAME = '.paperlink-search';

export function isScratch(uri: string): boolean {
  return uri.includes(`/${SCRATCH_NAME}-`);
}

interface PaperItem extends vscode.QuickPickItem {
  key: string;
}

type Flavour = 'latex' | 'markdown';

function flavour(doc: vscode.TextDocument | undefined): Flavour {
  if (!doc) return 'latex';
  if (['markdown', 'quarto', 'rmd', 'rmarkdown', 'pandoc'].includes(doc.languageId)) return 'markdown';
  if (/\.(md|qmd|rmd|markdown)$/i.test(doc.fileName)) return 'markdown';
  return 'latex';
}

let scratchSeq = 0;

export class PaperSearch {
  constructor(private readonly client: LanguageClient) {}

  /** Papers whose key, title or authors match every word of the query (at most the server's completion limit). */
  async search(query: string, context: vscode.TextDocument | undefined, token?: vscode.CancellationToken): Promise<PaperItem[]> {
    const words = query.split(/[\s,{}\[\]@;]+/).filter(w => w.length > 0).slice(0, 4);
    if (words.length === 0) return [];
    const kind = flavour(context);
    const dir = context && context.uri.scheme === 'file' ? path.dirname(context.uri.fsPath)
      : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
    const ext = kind === 'latex' ? '.tex' : '.md';
    const uri = vscode.Uri.file(path.join(dir, `${SCRATCH_NAME}-${process.pid}-${++scratchSeq}${ext}`)).toString();
    const base = context ? context.getText() : '';
    let result: Map<string, PaperItem> | undefined;
    for (const word of words) {
      if (token?.isCancellationRequested) return [];
      const items = await this.complete(uri, kind, base, word);
      const found = new Map(items.map(i => [i.key, i] as const));
      result = result === undefined ? found : new Map([...result].filter(([k]) => found.has(k)));
    }
    return [...(result ?? new Map()).values()];
  }

  private async complete(uri: string, kind: Flavour, base: string, word: string): Promise<PaperItem[]> {
    const [open, close] = kind === 'latex' ? ['\\cite{', '}'] : ['[@', ']'];
    const text = `${base}\n\n${open}${word}${close}\n`;
    const lines = text.split(/\r?\n/);
    const position = { line: lines.length - 2, character: lines[lines.length - 2].length - close.length };
    await this.client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: kind, version: 1, text },
    });
    try {
      const answer = await this.client.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      const items: CompletionItem[] = answer === null ? [] : Array.isArray(answer) ? answer : (answer as CompletionList).items;
      return items.map(i => ({
        key: i.label,
        label: i.label,
        description: i.detail ?? '',
        detail: i.labelDetails?.description ?? '',
      }));
    } finally {
      await this.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
  }

  /** Shows the quick pick and inserts the chosen paper's citation at the cursor. */
  async run(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    const pick = vscode.window.createQuickPick<PaperItem>();
    pick.title = 'PaperLink: Search papers';
    pick.placeholder = 'Words of a title, author names or a key (e.g. "vaswani attention")';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    let seq = 0;
    let cancel: vscode.CancellationTokenSource | undefined;
    const refresh = async (value: string) => {
      const mine = ++seq;
      cancel?.cancel();
      cancel = new vscode.CancellationTokenSource();
      pick.busy = true;
      try {
        const items = await this.search(value, doc, cancel.token);
        if (mine === seq) {
          pick.items = items;
          pick.busy = false;
        }
      } catch (e) {
        if (mine === seq) {
          pick.busy = false;
          pick.items = [];
          pick.placeholder = `Search failed: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
    };
    let debounce: NodeJS.Timeout | undefined;
    pick.onDidChangeValue(v => {
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => void refresh(v), 150);
    });
    const chosen = await new Promise<PaperItem | undefined>(resolve => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0] ?? pick.activeItems[0]));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    if (!chosen) return;
    const target = vscode.window.activeTextEditor ?? editor;
    if (!target) {
      await vscode.env.clipboard.writeText(chosen.key);
      void vscode.window.showInformationMessage(`PaperLink: no editor open; copied ${chosen.key} to the clipboard.`);
      return;
    }
    await insertCitation(target, chosen.key);
  }
}

/** Writes the citation of a key at each cursor: just the key inside an open citation, else a whole citation in the document's style. */
export async function insertCitation(editor: vscode.TextEditor, key: string): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('paperlink', editor.document);
  await editor.edit(edit => {
    for (const sel of editor.selections) {
      const before = editor.document.getText(new vscode.Range(new vscode.Position(Math.max(0, sel.start.line - 3), 0), sel.start));
      edit.replace(sel, citationText(key, before, flavour(editor.document), cfg.get('insertionStyle', 'auto'), cfg.get('latexCommand', 'cite')));
    }
  });
}

export function citationText(key: string, before: string, kind: Flavour, style: string, latexCommand: string): string {
  const openLatex = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]]*\]|\([^)]*\))*\{([^{}]*)$/.exec(before);
  if (openLatex) {
    const typed = openLatex[1];
    return typed.trim() === '' || /,\s*$/.test(typed) ? key : `, ${key}`;
  }
  const openPandoc = /\[[^\]]*@[^\]\s;]*$/.test(before) && /@$/.test(before);
  if (openPandoc) return pandocKey(key);
  let s = style;
  if (s === 'auto') s = kind === 'latex' ? 'latex' : 'pandoc';
  switch (s) {
    case 'latex': return `\\${latexCommand || 'cite'}{${key}}`;
    case 'pandoc-bare': return `@${pandocKey(key)}`;
    default: return `[@${pandocKey(key)}]`;
  }
}

/** As the server writes keys: bare when pandoc can read them so, else @{key}. */
function pandocKey(key: string): string {
  const plain = /^[\p{L}\p{N}](?:[\p{L}\p{N}_:.#$%&\-+?<>~/]*[\p{L}\p{N}])?$/u.test(key);
  return plain ? key : `{${key}}`;
}

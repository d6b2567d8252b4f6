import * as vscode from 'vscode';

/** Settings only the extension reads (how to start the server); they are not sent to the server. */
const CLIENT_ONLY = new Set(['java', 'server', 'trace']);

/**
 * The `paperlink` section as the server reads it (corpus, indexDir, insertionStyle, latexCommand,
 * titleCompletion, hover.abstractMaxChars, completion.limit, related.*, diagnostics.unusedEntries, zotero), without the extension's own settings
 * and without empty values, so that the server's defaults and command-line values stay in force.
 */
export function serverSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration('paperlink', scope);
  const out: Record<string, unknown> = {};
  const corpus = cfg.get<string[] | string>('corpus');
  if (Array.isArray(corpus) ? corpus.length > 0 : typeof corpus === 'string' && corpus.trim() !== '') {
    out.corpus = corpus;
  }
  const indexDir = cfg.get<string>('indexDir');
  if (indexDir && indexDir.trim()) out.indexDir = indexDir;
  for (const key of ['insertionStyle', 'latexCommand', 'titleCompletion']) {
    const v = cfg.get<string>(key);
    if (typeof v === 'string' && v.trim()) out[key] = v;
  }
  const abstractMaxChars = cfg.get<number>('hover.abstractMaxChars');
  if (typeof abstractMaxChars === 'number') out.hover = { abstractMaxChars };
  const limit = cfg.get<number>('completion.limit');
  if (typeof limit === 'number') out.completion = { limit };
  const related: Record<string, unknown> = {};
  for (const key of ['inCompletion', 'embeddings']) {
    const v = cfg.get<boolean>(`related.${key}`);
    if (typeof v === 'boolean') related[key] = v;
  }
  const paragraphWeight = cfg.get<number>('related.paragraphWeight');
  if (typeof paragraphWeight === 'number') related.paragraphWeight = paragraphWeight;
  if (Object.keys(related).length > 0) out.related = related;
  const unusedEntries = cfg.get<string>('diagnostics.unusedEntries');
  if (typeof unusedEntries === 'string' && unusedEntries !== 'auto') out.diagnostics = { unusedEntries };
  const zotero = zoteroSetting(cfg);
  if (zotero) out.zotero = zotero;
  return out;
}

/**
 * paperlink.zotero.enabled, .dataDirectory, .libraries, .collections as the server's `zotero` object
 * ({enabled, dataDirectory, libraries, collections}); nothing while Zotero was never turned on or off
 * here, so that the server's default (off) and its command line (serve --zotero) stay in force.
 */
function zoteroSetting(cfg: vscode.WorkspaceConfiguration): Record<string, unknown> | undefined {
  const enabled = cfg.get<boolean>('zotero.enabled', false);
  const set = cfg.inspect<boolean>('zotero.enabled');
  const explicit = set !== undefined && [set.globalValue, set.workspaceValue, set.workspaceFolderValue]
    .some(v => typeof v === 'boolean');
  if (!enabled && !explicit) return undefined;
  const zotero: Record<string, unknown> = { enabled };
  const dir = cfg.get<string>('zotero.dataDirectory', '');
  if (typeof dir === 'string' && dir.trim()) zotero.dataDirectory = dir.trim();
  for (const key of ['libraries', 'collections']) {
    const v = cfg.get<string[]>(`zotero.${key}`, []);
    zotero[key] = Array.isArray(v) ? v.filter(x => typeof x === 'string' && x.trim() !== '') : [];
  }
  return zotero;
}

/** Whether a settings change needs a new server process (Java, JVM options, jar) rather than a didChangeConfiguration. */
export function needsRestart(e: vscode.ConfigurationChangeEvent): boolean {
  return [...CLIENT_ONLY].filter(k => k !== 'trace').some(k => e.affectsConfiguration(`paperlink.${k}`));
}

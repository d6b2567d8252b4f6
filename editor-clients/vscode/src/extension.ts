import * as fs from 'fs';
import * as readline from 'readline';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification, LanguageClient, LanguageClientOptions, RevealOutputChannelOn, ServerOptions, State,
  TransportKind,
} from 'vscode-languageclient/node';
import { findJava, noJavaMessage } from './java';
import { IndexingProgress } from './progress';
import { RelatedPapers } from './related';
import { isScratch, PaperSearch } from './search';
import { needsRestart, serverSettings } from './settings';

/** The documents PaperLink serves: the languageIds the server understands, plus file patterns for ids it does not know. */
const DOCUMENTS: LanguageClientOptions['documentSelector'] = ['file', 'untitled'].flatMap(scheme => [
  ...['latex', 'tex', 'markdown', 'quarto', 'rmd', 'bibtex', 'biblatex', 'typst', 'org'].map(language => ({ scheme, language })),
  { scheme, pattern: '**/*.{tex,ltx,md,qmd,Rmd,rmd,bib,bibtex,biblatex,typ,org}' },
]);

let client: LanguageClient | undefined;
let progress: IndexingProgress | undefined;
let output: vscode.LogOutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('PaperLink', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('paperlink.reindex', reindex),
    vscode.commands.registerCommand('paperlink.searchPapers', async () => {
      const c = await running();
      if (c) await new PaperSearch(c).run();
    }),
    vscode.commands.registerCommand('paperlink.relatedPapers', async () => {
      const c = await running();
      if (c) await new RelatedPapers(c, output).run();
    }),
    vscode.commands.registerCommand('paperlink.restart', () => restart(context)),
    vscode.commands.registerCommand('paperlink.showLog', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (!e.affectsConfiguration('paperlink')) return;
      if (needsRestart(e)) {
        void restart(context);
      } else if (client?.state === State.Running) {
        // the server re-reads the section (and re-indexes when corpus or indexDir changed)
        void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { paperlink: serverSettings() } });
      }
    }),
    { dispose: () => void stop() },
  );
  await start(context);
}

export function deactivate(): Thenable<void> | undefined {
  return stop();
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  progress?.dispose();
  progress = undefined;
  if (c && c.state !== State.Stopped) {
    try {
      await c.stop(5000);
    } catch (e) {
      output.appendLine(`stopping the server: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}

/** The running client, or undefined after telling the user why there is none. */
async function running(): Promise<LanguageClient | undefined> {
  if (client && client.state === State.Running) return client;
  void vscode.window.showErrorMessage('PaperLink: the language server is not running. See the PaperLink output for why.', 'Show log')
    .then(a => a && output.show(true));
  return undefined;
}

async function reindex(): Promise<void> {
  const c = await running();
  if (!c) return;
  // The server has no reindex command; a configuration change makes it pull the `paperlink`
  // section again and re-index in the background (only new and changed files are read again).
  progress?.notifyNextRun();
  await c.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
}

function lines(input: NodeJS.ReadableStream, each: (line: string) => void): void {
  readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', each);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('paperlink');
  const search = await findJava(cfg.get<string>('java.home', ''));
  output.appendLine(`Java: ${search.tried.join('; ')}`);
  if (!search.found) {
    const msg = noJavaMessage(search);
    output.appendLine(msg);
    // not awaited: activation must not wait for the user to dismiss the message
    void vscode.window.showErrorMessage(msg, 'Open Settings', 'Show log').then(action => {
      if (action === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'paperlink.java.home');
      if (action === 'Show log') output.show(true);
    });
    return;
  }
  const jar = cfg.get<string>('server.jar', '') || context.asAbsolutePath('server/paperlink.jar');
  if (!fs.existsSync(jar)) {
    const msg = `PaperLink: the server jar ${jar} is missing. Reinstall the extension, or set "paperlink.server.jar".`;
    output.appendLine(msg);
    void vscode.window.showErrorMessage(msg);
    return;
  }
  const jvm = cfg.get<string[]>('java.options', ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xmx448m', '-XX:+ExitOnOutOfMemoryError']);
  const args = [...jvm, '--enable-native-access=ALL-UNNAMED', '-jar', jar, 'serve'];
  output.appendLine(`Starting: ${search.found.java} ${args.join(' ')}`);
  const serverOptions: ServerOptions = { command: search.found.java, args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENTS,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    stdioOptions: {
      stdout: (input, channel) => lines(input, l => channel.info(l)),
      // The server's own log lines ("[paperlink info] …") also come as window/logMessage: keep the stderr copy at
      // debug level instead of showing every one twice, once as an error. Anything else (the JVM's own errors) is an error.
      stderr: (input, channel) => lines(input, l => (/^\[paperlink \w+\]/.test(l) ? channel.debug(l) : channel.error(l))),
    },
    initializationOptions: () => ({ paperlink: serverSettings() }),
    middleware: {
      workspace: {
        // the server pulls the section with workspace/configuration: answer with what it reads
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) return answer;
          return params.items.map((item, i) => item.section === 'paperlink'
            ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : answer[i]);
        },
      },
      // the scratch documents of "Search papers" get no diagnostics in the Problems view
      handleDiagnostics: (uri, diagnostics, next) => {
        if (!isScratch(uri.toString())) next(uri, diagnostics);
      },
    },
  };
  const c = new LanguageClient('paperlink', 'PaperLink', serverOptions, clientOptions);
  progress = new IndexingProgress(c);
  c.registerFeature(progress);
  client = c;
  try {
    const t0 = Date.now();
    await c.start();
    const started = `server started in ${Date.now() - t0} ms (Java ${search.found.version} from ${search.found.origin})`;
    output.appendLine(`PaperLink ${started}`);
    progress?.started(started);
  } catch (e) {
    const msg = `PaperLink: the language server did not start: ${e instanceof Error ? e.message : String(e)}`;
    output.appendLine(msg);
    progress?.failed(msg);
    void vscode.window.showErrorMessage(msg, 'Show log').then(a => a && output.show(true));
  }
}

// npm test: drives the real paperlink.jar over stdio with the protocol stack vscode-languageclient
// itself uses (vscode-languageserver-protocol + vscode-jsonrpc), without a VS Code: initialize with
// the settings the extension sends, indexing progress, completion, completionItem/resolve, hover.
// Also checks the extension's Java lookup (src/java.ts, compiled to out/test/java.js by pretest).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const rpc = require('vscode-languageserver-protocol/node');
const { findJava, noJavaMessage } = require('../out/test/java.js');

const HERE = __dirname;
const JAR = [process.env.PAPERLINK_JAR, path.join(HERE, '..', 'server', 'paperlink.jar'),
  path.join(HERE, '..', '..', '..', 'server', 'target', 'paperlink.jar')].find(p => p && fs.existsSync(p));

let tmp, ws, corpus, proc, conn, java, stderr = '';
const progress = [];
let indexed;

before(async () => {
  assert.ok(JAR, 'paperlink.jar not found: build it with (cd ../.. && ./mvnw -B -q -DskipTests package) or set PAPERLINK_JAR');
  const home = process.env.PAPERLINK_JAVA || '';
  let found = (await findJava(home)).found;
  // then any JDK under /usr/lib/jvm (newest first), as test/run.sh does
  const jvms = fs.existsSync('/usr/lib/jvm') ? fs.readdirSync('/usr/lib/jvm').sort().reverse().map(d => path.join('/usr/lib/jvm', d)) : [];
  for (const dir of jvms) if (!found) found = (await findJava(dir, { PATH: '' })).found;
  assert.ok(found, 'no Java 21+ found (set PAPERLINK_JAVA or JAVA_HOME)');
  java = found.java;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paperlink-proto-'));
  fs.cpSync(path.join(HERE, 'fixture'), tmp, { recursive: true });
  ws = path.join(tmp, 'workspace');
  corpus = path.join(tmp, 'corpus');
  proc = cp.spawn(java, ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-jar', JAR, 'serve'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache'), PAPERLINK_INDEX_DIR: path.join(tmp, 'cache', 'index') },
  });
  proc.stderr.on('data', d => { stderr += d; });
  conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  let indexedResolve;
  indexed = new Promise(r => { indexedResolve = r; });
  conn.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
  // the server numbers its indexing runs: the first one of a fresh process is paperlink/index/1
  conn.onProgress(rpc.WorkDoneProgress.type, 'paperlink/index/1', v => {
    progress.push(v);
    if (v.kind === 'end') indexedResolve(v);
  });
  conn.onNotification(rpc.LogMessageNotification.type, () => {});
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, () => {});
  conn.onRequest(rpc.RegistrationRequest.type, () => null);
  conn.listen();
});

after(async () => {
  if (proc && proc.exitCode === null) proc.kill('SIGKILL');
  conn?.dispose();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the Java lookup says what it tried when no Java 21+ fits', async () => {
  const search = await findJava('/nonexistent/jdk', { PATH: '', JAVA_HOME: '' });
  assert.strictEqual(search.found, undefined);
  assert.deepStrictEqual(search.tried, [
    'setting paperlink.java.home: /nonexistent/jdk (not found)', 'JAVA_HOME: not set', 'PATH: no java on PATH']);
  assert.match(noJavaMessage(search), /Java 21 or newer.*paperlink\.java\.home/);
  const java17 = '/usr/lib/jvm/java-17-openjdk-amd64';
  if (fs.existsSync(java17)) {
    const old = await findJava(java17, { PATH: '' });
    assert.strictEqual(old.found, undefined);
    assert.match(old.tried[0], /\(Java 17\)$/);
  }
  const ok = await findJava('', { JAVA_HOME: path.dirname(path.dirname(java)), PATH: '' });
  assert.ok(ok.found && ok.found.version >= 21 && ok.found.origin === 'JAVA_HOME', JSON.stringify(ok));
});

test('initialize, indexing progress, completion (LaTeX, corpus, Markdown), resolve, hover, definition, shutdown', async () => {
  const t0 = Date.now();
  const wsUri = 'file://' + ws;
  const init = await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: wsUri,
    workspaceFolders: [{ uri: wsUri, name: 'workspace' }],
    capabilities: { window: { workDoneProgress: true }, textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    // what the extension sends (src/settings.ts): the corpus setting and an isolated index
    initializationOptions: { paperlink: { corpus: [path.join(corpus, 'library.bib')], indexDir: path.join(tmp, 'index'), hover: { abstractMaxChars: 600 } } },
  });
  const initMs = Date.now() - t0;
  assert.strictEqual(init.serverInfo.name, 'paperlink');
  assert.ok(init.capabilities.hoverProvider);
  assert.ok(init.capabilities.completionProvider.triggerCharacters.includes('{'));
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  const end = await Promise.race([indexed, new Promise((_, rej) => setTimeout(() => rej(new Error('no indexing progress end in 30 s')), 30000).unref())]);
  const indexMs = Date.now() - t0;
  assert.strictEqual(progress[0].kind, 'begin');
  assert.strictEqual(end.kind, 'end');

  const uri = 'file://' + path.join(ws, 'note.tex');
  const text = fs.readFileSync(path.join(ws, 'note.tex'), 'utf8').replace('altogether:', 'altogether \\cite{vasw}');
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'latex', version: 1, text } });
  const lines = text.split('\n');
  const line = lines.findIndex(l => l.includes('\\cite{vasw}'));
  const character = lines[line].indexOf('vasw}') + 4;

  const comp = await conn.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  const items = Array.isArray(comp) ? comp : comp.items;
  assert.deepStrictEqual(items.map(i => i.label), ['vaswani2017attention']);
  assert.strictEqual(items[0].labelDetails.description, 'Attention Is All You Need');
  const resolved = await conn.sendRequest(rpc.CompletionResolveRequest.type, items[0]);
  assert.match(resolved.documentation.value, /dominant sequence transduction models/);

  // a corpus paper (from the corpus setting), found by a title word inside \cite{
  const text2 = text.replace('\\cite{vasw}', '\\cite{stochastic}');
  await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: text2 }] });
  const comp2 = await conn.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri }, position: { line, character: lines[line].indexOf('\\cite{') + 6 + 'stochastic'.length } });
  assert.deepStrictEqual((Array.isArray(comp2) ? comp2 : comp2.items).map(i => i.label), ['kingma2015adam']);

  const heLine = lines.findIndex(l => l.includes('he2016deep'));
  const hover = await conn.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: { line: heLine, character: lines[heLine].indexOf('he2016deep') + 3 } });
  assert.match(hover.contents.value, /Deep Residual Learning for Image Recognition/);
  assert.match(hover.contents.value, /residual learning framework/);

  const def = await conn.sendRequest(rpc.DefinitionRequest.type, { textDocument: { uri }, position: { line: heLine, character: lines[heLine].indexOf('he2016deep') + 3 } });
  const bibLines = fs.readFileSync(path.join(ws, 'refs.bib'), 'utf8').split('\n');
  assert.strictEqual(def.length, 1);
  assert.strictEqual(def[0].uri, 'file://' + path.join(ws, 'refs.bib'));
  assert.strictEqual(def[0].range.start.line, bibLines.findIndex(l => l.includes('{he2016deep,')));

  // Markdown (pandoc citations), the note's bibliography from its YAML front matter
  const mdUri = 'file://' + path.join(ws, 'note.md');
  const md = fs.readFileSync(path.join(ws, 'note.md'), 'utf8') + '\nLong short-term memory [@hoch] helps.\n';
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: mdUri, languageId: 'markdown', version: 1, text: md } });
  const mdLines = md.split('\n');
  const mdLine = mdLines.findIndex(l => l.includes('[@hoch]'));
  const comp3 = await conn.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri: mdUri }, position: { line: mdLine, character: mdLines[mdLine].indexOf('[@hoch') + 6 } });
  assert.deepStrictEqual((Array.isArray(comp3) ? comp3 : comp3.items).map(i => i.label), ['hochreiter1997long']);

  await conn.sendRequest(rpc.ShutdownRequest.type);
  const exited = new Promise(r => proc.on('exit', r));
  await conn.sendNotification(rpc.ExitNotification.type);
  assert.strictEqual(await exited, 0);
  console.log(`# initialize ${initMs} ms, indexed ${indexMs} ms (${progress.length} progress messages: ${JSON.stringify(end)}), total ${Date.now() - t0} ms`);
});

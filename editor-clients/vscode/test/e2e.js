// Drives a real VS Code (code-server's workbench) in Debian's headless Chromium with playwright-core,
// as a user would: open the LaTeX note, type \cite{ and a few letters, accept the suggestion, hover the
// key, go to its definition; then the commands PaperLink: Search papers and PaperLink: Reindex, Go to Symbol in
// Workspace and Rename Symbol (F2) across files; then, in a
// second window on a note with the demo corpus, PaperLink: Related papers for selection (from the editor's
// context menu) and completion in an empty \cite{}.
// Usage: node test/e2e.js <workbench url with ?folder=...> <output dir> <workbench url of the related-papers folder>
// (test/run.sh starts code-server)
// Writes one line per check ("ok ..." / "FAIL ...") to stdout and <output dir>/results.txt, screenshots beside.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [url, out, relatedUrl] = process.argv.slice(2);
const results = path.join(out, 'results.txt');
fs.writeFileSync(results, '');
const t0 = Date.now();
const ms = t => `${Date.now() - t} ms`;
let page, shot = 0;

function check(ok, what, detail) {
  const line = `${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`;
  console.log(line);
  fs.appendFileSync(results, line + '\n');
  return ok;
}
async function screenshot(name) {
  const file = path.join(out, `${++shot}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`     screenshot ${path.relative(process.cwd(), file)}`);
}
/** The editor's lines, as text (non-breaking spaces normalised). */
async function editorText() {
  const lines = await page.$$eval('.editor-instance .monaco-editor .view-line', els =>
    els.map(e => ({ top: parseFloat(e.style.top) || 0, text: e.textContent })));
  return lines.sort((a, b) => a.top - b.top).map(l => l.text.replace(/\u00a0/g, ' ')).join('\n');
}
/** The editor's text once it satisfies the predicate, or after timeoutMs as it is then (a loaded machine renders late). */
async function editorTextWhen(predicate, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  let text = await editorText();
  while (!predicate(text) && Date.now() < end) {
    await page.waitForTimeout(100);
    text = await editorText();
  }
  return text;
}
async function command(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 15000 });
  await page.keyboard.press('Enter');
}
async function goToLine(n) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}
/** The status bar item of the extension: its screen-reader label carries the indexing state. */
async function statusLabel() {
  return page.$$eval('.statusbar-item', els => els.map(e => e.getAttribute('aria-label') || '').find(l => l.startsWith('PaperLink')) || '');
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // playwright adds --headless and a fresh temporary --user-data-dir (under $TMPDIR) itself
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(20000);
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60000 });
    console.log(`     workbench up in ${ms(t0)}`);

    // open the note with Quick Open, as a user would
    await page.waitForTimeout(1000);
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('note.tex');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="note.tex"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.editor-instance .monaco-editor .view-lines');
    const tOpen = Date.now();

    // the server is up and has indexed the workspace and the corpus (the status bar item says so)
    const seen = new Set();
    let label = '';
    for (let i = 0; i < 600 && !/papers?;/.test(label); i++) {
      label = await statusLabel();
      if (label) seen.add(label);
      await page.waitForTimeout(50);
    }
    console.log(`     status bar states seen: ${JSON.stringify([...seen])}`);
    check(/\d+ papers?;/.test(label), 'the status bar shows the finished indexing run', `${JSON.stringify(label)} (${ms(tOpen)} after opening the note)`);
    const itemText = await page.$$eval('.statusbar-item', els => els.map(e => e.textContent || '').find(t => t.includes('PaperLink')) || '');
    check(/PaperLink · \d+ papers?/.test(itemText), 'the status bar item itself shows the index state', JSON.stringify(itemText));
    // PaperLink: Show log is registered (the palette offers it) and opens the PaperLink output
    await command('PaperLink: Show log');
    const logShown = await page.waitForSelector('.part.panel .monaco-editor', { state: 'visible', timeout: 10000 }).then(() => true).catch(() => false);
    check(logShown, 'PaperLink: Show log is in the command palette and opens the output panel');
    await page.keyboard.press('Control+J'); // the panel closed again

    // 1. completion: type \cite{vasw on the line "Then attention replaced recurrence altogether:"
    await page.click('.editor-instance .monaco-editor .view-lines');
    const text0 = await editorText();
    const line = text0.split('\n').findIndex(l => l.includes('altogether:')) + 1;
    await goToLine(line);
    await page.keyboard.press('End');
    let t = Date.now();
    await page.keyboard.type(' \\cite{vasw', { delay: 60 });
    const row = '.suggest-widget.visible .monaco-list-row';
    let rows = [];
    try {
      await page.waitForSelector(`${row}[aria-label*="vaswani2017attention"]`, { timeout: 15000 });
    } catch { /* reported below */ }
    rows = await page.$$eval(row, els => els.map(e => e.getAttribute('aria-label')));
    // Ctrl+Space on an open suggest widget shows the item's details: the card completionItem/resolve fills in
    await page.keyboard.press('Control+Space');
    const details = await page.waitForFunction(() => {
      const d = document.querySelector('.suggest-details-container .suggest-details');
      return d && /dominant sequence/.test(d.textContent) ? d.textContent : false;
    }, null, { timeout: 10000 }).then(h => h.jsonValue()).catch(() => '');
    await screenshot('completion');
    check(rows.some(r => r && r.includes('vaswani2017attention')), 'the suggest widget lists vaswani2017attention after typing \\cite{vasw',
      `${JSON.stringify(rows)} (${ms(t)})`);
    const rowText = await page.$$eval(row, els => els.map(e => e.textContent));
    check(rowText.some(r => r.includes('Attention Is All You Need')), 'the suggestion shows the title', JSON.stringify(rowText));
    check(/dominant sequence transduction models/.test(details), 'its details show the abstract (completionItem/resolve)', JSON.stringify(String(details).slice(0, 120)));
    await page.keyboard.press('Enter');
    const text1 = await editorTextWhen(text => text.includes('\\cite{vaswani2017attention}'));
    const citeLine = text1.split('\n').find(l => l.includes('altogether')) || '';
    check(citeLine.includes('\\cite{vaswani2017attention}'), 'accepting it writes the key into the buffer', JSON.stringify(citeLine));

    // 2. hover: the mouse over the key just inserted
    t = Date.now();
    const key = page.locator('.editor-instance .view-line span', { hasText: /^vaswani2017attention$/ }).last();
    let hover = '';
    try {
      await key.hover();
      await page.waitForSelector('.monaco-hover-content', { state: 'visible', timeout: 5000 });
    } catch {
      // fall back to the keyboard: the cursor is at the key's end; "Show Hover" is Ctrl+K Ctrl+I
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.waitForSelector('.monaco-hover-content', { state: 'visible', timeout: 10000 }).catch(() => {});
    }
    await page.waitForFunction(() => /dominant sequence/.test(document.querySelector('.monaco-hover-content')?.textContent || ''),
      null, { timeout: 10000 }).catch(() => {});
    hover = await page.$eval('.monaco-hover-content', e => e.textContent).catch(() => '');
    await screenshot('hover');
    check(/Attention Is All You Need/.test(hover), 'the hover shows the title', `${JSON.stringify(hover.slice(0, 160))}… (${ms(t)})`);
    check(/dominant sequence transduction models/.test(hover), 'the hover shows the abstract');
    check(/Vaswani/.test(hover) && /2017/.test(hover), 'the hover shows authors and year');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');

    // 3. go to definition (F12 on the key) opens refs.bib at the entry's line
    t = Date.now();
    await key.click();
    await page.keyboard.press('F12');
    let where = '';
    await page.waitForSelector('.tab.active[aria-label*="refs.bib"]', { timeout: 10000 }).catch(() => {});
    for (let i = 0; i < 40 && !/^Ln 3,/.test(where); i++) {
      where = await page.$eval('.tab.active', e => e.getAttribute('aria-label')).catch(() => '') + '';
      where = (await page.$$eval('.statusbar-item', els => els.map(e => e.textContent.trim()).find(x => /^Ln \d+, Col \d+/.test(x)) || '')) || where;
      await page.waitForTimeout(100);
    }
    const activeTab = await page.$eval('.tab.active', e => e.getAttribute('aria-label')).catch(() => '');
    await screenshot('definition');
    check(/refs\.bib/.test(activeTab) && /^Ln 3,/.test(where), 'go to definition opens refs.bib on the entry\'s line (3)',
      `${JSON.stringify(activeTab)} ${JSON.stringify(where)} (${ms(t)})`);
    await page.click('.tab[aria-label*="note.tex"]'); // back to the note
    await page.waitForSelector('.tab.active[aria-label*="note.tex"]');

    // 4. PaperLink: Search papers, on an empty line: a corpus paper (the paperlink.corpus setting) by a title word
    await goToLine(line + 1);
    await page.keyboard.press('Home');
    t = Date.now();
    await command('PaperLink: Search papers');
    await page.waitForSelector('.quick-input-widget input[placeholder*="title"]', { state: 'visible' });
    await page.keyboard.type('stochastic optim', { delay: 30 });
    let found = true;
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="kingma2015adam"]', { timeout: 15000 }).catch(() => { found = false; });
    await screenshot('search');
    const picks = await page.$$eval('.quick-input-list .monaco-list-row', els => els.map(e => e.getAttribute('aria-label')));
    check(found, 'Search papers lists kingma2015adam (from the corpus setting) for "stochastic optim"', `${JSON.stringify(picks)} (${ms(t)})`);
    await page.keyboard.press('Enter');
    const text2 = await editorTextWhen(text => text.split('\n').some(l => l.trim() === '\\cite{kingma2015adam}'));
    check(text2.split('\n').some(l => l.trim() === '\\cite{kingma2015adam}'), 'choosing it inserts \\cite{kingma2015adam} at the cursor',
      JSON.stringify(text2.split('\n')[line]));

    // 5. PaperLink: Reindex shows the indexing progress and its result
    t = Date.now();
    await command('PaperLink: Reindex');
    const toasts = () => page.$$eval('.notifications-toasts .notification-toast .notification-list-item-message',
      els => els.map(e => e.textContent)).catch(() => []);
    let seenToasts = new Set(), now = [], progressShot = false;
    for (let i = 0; i < 200 && !now.some(m => /papers?;/.test(m)); i++) {
      now = await toasts();
      now.forEach(m => seenToasts.add(m));
      if (now.some(m => /indexing/.test(m)) && !progressShot) { progressShot = true; await screenshot('reindex-progress'); }
      await page.waitForTimeout(50);
    }
    const result = now.find(m => /papers?;/.test(m)) || '';
    check(/^PaperLink: \d+ papers?;/.test(result), 'Reindex shows its progress and reports the finished run in a notification',
      `${JSON.stringify([...seenToasts])} (${ms(t)})`);
    // the progress notification goes away once the run has ended
    let stuck = [];
    for (let i = 0; i < 60; i++) {
      stuck = (await toasts()).filter(m => /indexing/.test(m));
      if (stuck.length === 0) break;
      await page.waitForTimeout(100);
    }
    await screenshot('reindex-done');
    check(stuck.length === 0, 'the progress notification closes when indexing ends', JSON.stringify(stuck));

    // 5b. issue 12: accepting the completion of a corpus paper (kingma2015adam: in paperlink.corpus, not in
    // refs.bib) runs the item's command, paperlink.addToBibliography; VS Code applies the server's
    // workspace/applyEdit to refs.bib, and after File: Save All the file on disk has the entry after its own.
    {
      const bib = path.join(new URL(url).searchParams.get('folder'), 'refs.bib');
      const before = fs.readFileSync(bib, 'utf8');
      await page.click('.tab[aria-label*="note.tex"]');
      await page.waitForSelector('.tab.active[aria-label*="note.tex"]');
      await goToLine(line + 1);
      await page.keyboard.press('End');
      t = Date.now();
      await page.keyboard.type(' \\cite{kingm', { delay: 60 });
      // editor.quickSuggestions is off here (run.sh): once the '{' list filters down to nothing, typed
      // letters ask no more; Ctrl+Space asks for the typed key, as a user does (with quick suggestions on,
      // VS Code's default, the letters ask themselves)
      await page.keyboard.press('Control+Space');
      let offered = true;
      await page.waitForSelector(`${row}[aria-label*="kingma2015adam"]`, { timeout: 15000 }).catch(() => { offered = false; });
      await screenshot('corpus-completion');
      await page.keyboard.press('Enter');
      const cited = await editorTextWhen(text => text.includes('\\cite{kingma2015adam} \\cite{kingma2015adam}'));
      check(offered && cited.includes('\\cite{kingma2015adam} \\cite{kingma2015adam}'),
        'the suggest widget offers kingma2015adam (a corpus paper) and accepting it cites it', JSON.stringify(cited.split('\n')[line]));
      let dirty = false;
      for (let i = 0; i < 100 && !dirty; i++) {
        dirty = await page.$$eval('.tab.dirty', els => els.some(e => /refs\.bib/.test(e.getAttribute('aria-label') || ''))).catch(() => false);
        if (!dirty) await page.waitForTimeout(100);
      }
      await screenshot('bib-edited');
      check(dirty, 'its command has VS Code edit refs.bib (workspace/applyEdit): the refs.bib tab is modified', ms(t));
      await command('File: Save All');
      let after = before;
      for (let i = 0; i < 50 && after === before; i++) {
        await page.waitForTimeout(100);
        after = fs.readFileSync(bib, 'utf8');
      }
      check(after.startsWith(before) && /\n@inproceedings\{kingma2015adam,\n  author +=\s*\{Kingma, Diederik P\. and Ba, Jimmy\}/.test(after.slice(before.length)),
        'after File: Save All, refs.bib on disk has the entry after its own entries, untouched', JSON.stringify(after.slice(before.length, before.length + 140)));
    }

    // 5c. Go to Symbol in Workspace (Ctrl+T): a paper of the workspace's refs.bib by a title word; Enter opens its entry
    const folder = decodeURIComponent(new URL(url).searchParams.get('folder'));
    t = Date.now();
    await page.click('.tab[aria-label*="note.tex"]');
    await page.keyboard.press('Control+T');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('residual', { delay: 30 });
    const symRow = '.quick-input-list .monaco-list-row';
    const symFound = await page.waitForSelector(`${symRow}[aria-label*="Deep Residual Learning"]`, { timeout: 15000 })
      .then(() => true).catch(() => false);
    const symRows = await page.$$eval(symRow, els => els.map(e => e.getAttribute('aria-label') || ''));
    await screenshot('workspace-symbol');
    check(symFound, 'Go to Symbol in Workspace lists he2016deep — Deep Residual Learning… for "residual"', `${JSON.stringify(symRows)} (${ms(t)})`);
    if (symFound) await page.click(`${symRow}[aria-label*="Deep Residual Learning"]`); else await page.keyboard.press('Escape');
    const symTab = await page.waitForSelector('.tab.active[aria-label*="refs.bib"]', { timeout: 10000 }).then(() => true).catch(() => false);
    check(symTab, 'choosing it opens refs.bib (the entry)');
    await page.click('.tab[aria-label*="note.tex"]');
    await page.waitForSelector('.tab.active[aria-label*="note.tex"]');

    // 5d. Rename Symbol (F2) on \cite{he2016deep} in note.tex: refs.bib, note.md and paper.typ (not open) change too; Save All writes them
    const textR = await editorText();
    const heLine = textR.split('\n').findIndex(l => l.includes('\\cite{he2016deep}')) + 1;
    await goToLine(heLine);
    t = Date.now();
    await page.locator('.editor-instance .view-line span', { hasText: /^he2016deep$/ }).first().click();
    await page.keyboard.press('F2');
    const renameBox = await page.waitForSelector('.rename-box input, .rename-box .rename-input', { state: 'visible', timeout: 10000 })
      .then(() => true).catch(() => false);
    await screenshot('rename-box');
    check(renameBox, 'F2 on the key opens the rename box (prepareRename)', ms(t));
    if (renameBox) {
      // typed into the rename box itself (fill focuses it): keys sent to the page went to the editor
      // once, when the box had not taken the focus yet, and replaced the whole note
      const input = page.locator('.rename-box input, .rename-box .rename-input').first();
      await input.fill('he2016residual').catch(e => console.log(`     rename box: ${e.message.split('\n')[0]}`));
      await input.press('Enter').catch(e => console.log(`     rename box: ${e.message.split('\n')[0]}`));
    }
    const textR2 = await editorTextWhen(text => text.includes('\\cite{he2016residual}'), 10000);
    check(textR2.includes('\\cite{he2016residual}'), 'the citation in note.tex is renamed', JSON.stringify(textR2.split('\n')[heLine - 1]));
    await command('File: Save All');
    const onDisk = f => fs.readFileSync(path.join(folder, f), 'utf8');
    let disk = {};
    for (let i = 0; i < 100; i++) {
      disk = Object.fromEntries(['refs.bib', 'note.md', 'paper.typ', 'note.tex'].map(f => [f, onDisk(f)]));
      if (Object.values(disk).every(x => x.includes('he2016residual') && !x.includes('he2016deep'))) break;
      await page.waitForTimeout(100);
    }
    await screenshot('rename-saved');
    for (const [f, x] of Object.entries(disk)) {
      check(x.includes('he2016residual') && !x.includes('he2016deep'), `after Save All, ${f} on disk has he2016residual instead of he2016deep`,
        JSON.stringify((x.split('\n').find(l => l.includes('he2016')) || '').trim()));
    }

    // 5e. issue 14: paperlink.zotero.enabled and .dataDirectory written into the workspace's settings.json while the
    // server runs (didChangeConfiguration), pointing at a copy of a real Zotero 7 data directory with its PDF in
    // storage/ (editor-clients/zotero-fixture.sh, E2E_ZOTERO_*): \cite{tewel lists the Better BibTeX key, and the
    // hover over the key (typed out) shows the abstract and an "Open PDF" link to the PDF.
    const zoteroData = process.env.E2E_ZOTERO_DATA;
    if (!zoteroData) {
      console.log('     (no Zotero fixture: editor-clients/zotero-fixture.sh said why; the Zotero checks are left out)');
    } else {
      const zkey = process.env.E2E_ZOTERO_KEY;
      const file = process.env.E2E_WORKSPACE_SETTINGS;
      const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
      settings['paperlink.zotero.enabled'] = true;
      settings['paperlink.zotero.dataDirectory'] = zoteroData;
      fs.writeFileSync(file, JSON.stringify(settings, null, 2));
      t = Date.now();
      // a new line before \end{document} of note.tex
      await page.click('.editor-instance .monaco-editor .view-lines');
      const endLine = (await editorText()).split('\n').findIndex(l => l.includes('\\end{document}')) + 1;
      await goToLine(endLine);
      await page.keyboard.press('Home');
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.type('Consistent subjects \\cite{tewel', { delay: 40 });
      // asked again (Escape, Ctrl+Space) until the server has read the database after the settings change
      let zrows = [];
      for (let i = 0; i < 40 && !zrows.some(r => r && r.includes(zkey)); i++) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Space');
        await page.waitForSelector(`${row}[aria-label*="${zkey}"]`, { timeout: 750 }).catch(() => {});
        zrows = await page.$$eval(row, els => els.map(e => e.getAttribute('aria-label')));
      }
      await screenshot('zotero-completion');
      check(zrows.some(r => r && r.includes(zkey)), `with paperlink.zotero.* set, the suggest widget lists ${zkey} after typing \\cite{tewel`,
        `${JSON.stringify(zrows)} (${ms(t)} after writing the settings)`);
      // the rest of the key typed, not the suggestion accepted: accepting a paper the document's bibliography
      // lacks adds it to refs.bib (issue 12), and the hover would then show that entry, not the Zotero item
      await page.keyboard.press('Escape');
      await page.keyboard.type(zkey.slice('tewel'.length), { delay: 20 });
      await page.keyboard.press('Escape');
      let textZ = await editorTextWhen(text => text.includes(`\\cite{${zkey}`));
      if (!textZ.includes(`\\cite{${zkey}}`)) {
        await page.keyboard.type('}');
        textZ = await editorTextWhen(text => text.includes(`\\cite{${zkey}}`));
      }
      check(textZ.split('\n').some(l => l.includes(`Consistent subjects \\cite{${zkey}}`)), 'the note cites the Better BibTeX key',
        JSON.stringify(textZ.split('\n').find(l => l.includes('Consistent subjects')) || ''));
      t = Date.now();
      const zk = page.locator('.editor-instance .view-line span', { hasText: new RegExp(`^${zkey}$`) }).last();
      const abstract = process.env.E2E_ZOTERO_ABSTRACT;
      try {
        await zk.hover();
        await page.waitForSelector('.monaco-hover-content', { state: 'visible', timeout: 5000 });
      } catch {
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        await page.waitForSelector('.monaco-hover-content', { state: 'visible', timeout: 10000 }).catch(() => {});
      }
      await page.waitForFunction(a => (document.querySelector('.monaco-hover-content')?.textContent || '').includes(a),
        abstract, { timeout: 10000 }).catch(() => {});
      const zhover = await page.$eval('.monaco-hover-content', e => e.textContent).catch(() => '');
      const links = await page.$$eval('.monaco-hover-content a', as => as.map(a => ({ text: (a.textContent || '').trim(),
        href: [a.getAttribute('data-href'), a.getAttribute('href'), a.getAttribute('title')].filter(Boolean).join(' ') })));
      await screenshot('zotero-hover');
      check(zhover.includes(process.env.E2E_ZOTERO_TITLE) && zhover.includes(abstract), 'the hover over it shows the Zotero item\'s title and abstract',
        `${JSON.stringify(zhover.slice(0, 160))}… (${ms(t)})`);
      const pdfUri = require('url').pathToFileURL(process.env.E2E_ZOTERO_PDF).href;
      const open = links.find(l => l.text === 'Open PDF');
      check(open !== undefined && (open.href.includes(pdfUri) || decodeURIComponent(open.href).includes(process.env.E2E_ZOTERO_PDF)),
        'the hover has an "Open PDF" link to the PDF in storage/ (file://)', JSON.stringify(open || links));
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    }

    // 6. no usable Java: paperlink.java.home → a Java 17 (JAVA_HOME is unset and PATH has no 21+ in test/run.sh);
    // the extension restarts the server on that change and must say what it tried and how to fix it
    const oldJava = process.env.E2E_OLD_JAVA;
    if (!oldJava) {
      console.log('     (no Java older than 21 on this machine: the "no Java" check is left out)');
    } else {
      const file = process.env.E2E_WORKSPACE_SETTINGS;
      const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
      settings['paperlink.java.home'] = oldJava;
      fs.writeFileSync(file, JSON.stringify(settings, null, 2));
      t = Date.now();
      let error = '';
      for (let i = 0; i < 300 && !error; i++) {
        error = (await toasts()).find(m => /needs Java 21/.test(m)) || '';
        if (!error) await page.waitForTimeout(100);
      }
      await page.waitForTimeout(800); // the toast fades in
      await screenshot('no-java');
      check(error.includes(`Tried: setting paperlink.java.home: ${oldJava} (Java `) && error.includes('JAVA_HOME') && /Install a JDK 21\+/.test(error),
        'with only an old Java the extension says what it tried and how to fix it', `${JSON.stringify(error)} (${ms(t)})`);
    }

    // 7. PaperLink: Related papers for selection, in a second window on its own workspace (test/fixture/related:
    // related.tex and no bibliography of its own) with the demo corpus (demo/) in paperlink.corpus: select the
    // line "Residual connections … image recognition." (Home, Shift+End: the full stop is selected too), run
    // the command from the editor's context menu, pick Deep Residual Learning for Image Recognition.
    await page.close();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(20000);
    t = Date.now();
    await page.goto(relatedUrl);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60000 });
    await page.waitForTimeout(1000);
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('related.tex');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="related.tex"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tab.active[aria-label*="related.tex"]');
    label = '';
    for (let i = 0; i < 600 && !/papers?;/.test(label); i++) {
      label = await statusLabel();
      await page.waitForTimeout(50);
    }
    check(/^PaperLink: 10 papers;/.test(label), 'the second window indexes the demo corpus (10 papers)', `${JSON.stringify(label)} (${ms(t)} after opening it)`);
    const relText = await editorTextWhen(text => text.includes('image recognition.'));
    const sentenceLine = relText.split('\n').findIndex(l => l.endsWith('learn image recognition.')) + 1;
    await page.click('.editor-instance .monaco-editor .view-lines');
    await goToLine(sentenceLine);
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    t = Date.now();
    // right-click inside the selection (on a word of it) opens the editor's context menu
    await page.locator('.editor-instance .view-line', { hasText: /image.recognition\.$/ }).locator('span', { hasText: /convolutional/ })
      .last().click({ button: 'right' });
    const menuItem = page.locator('.monaco-menu .action-item .action-label', { hasText: /^Related papers for selection$/ });
    const inMenu = await menuItem.first().waitFor({ state: 'visible', timeout: 10000 }).then(() => true).catch(() => false);
    await screenshot('related-context-menu');
    check(inMenu, 'the editor context menu of a LaTeX note offers "Related papers for selection"');
    if (inMenu) {
      await menuItem.first().click();
    } else {
      await page.keyboard.press('Escape');
      await command('PaperLink: Related papers for selection');
    }
    const relRow = '.quick-input-list .monaco-list-row';
    const relFound = await page.waitForSelector(`${relRow}[aria-label*="Deep Residual Learning for Image Recognition"]`, { timeout: 15000 })
      .then(() => true).catch(() => false);
    const relRows = await page.$$eval(relRow, els => els.map(e => e.getAttribute('aria-label') || ''));
    await screenshot('related-pick');
    check(relFound && relRows[0].startsWith('Deep Residual Learning for Image Recognition'),
      'the quick pick (paperlink/relatedPapers) lists Deep Residual Learning for Image Recognition first', `${JSON.stringify(relRows)} (${ms(t)})`);
    check(/Kaiming He, Xiangyu Zhang, Shaoqing Ren et al\. · 2016/.test(relRows[0] || '') && /shares: residual/.test(relRows[0] || ''),
      'its description says authors · year and its detail why (shared words)', JSON.stringify(relRows[0]));
    if (relFound) await page.click(`${relRow}[aria-label*="Deep Residual Learning for Image Recognition"]`);
    const text3 = await editorTextWhen(text => text.includes('he2016deep'));
    const lines3 = text3.split('\n');
    check(lines3[sentenceLine - 1] === 'Residual connections let very deep convolutional networks learn image recognition~\\cite{he2016deep}.'
      && lines3[sentenceLine] === 'Then attention took over language modelling.',
      'choosing it inserts ~\\cite{he2016deep} before the selected sentence\'s full stop', JSON.stringify(lines3.slice(sentenceLine - 1, sentenceLine + 1)));

    // 8. completion in the empty \cite{} after the same sentence: the related papers come first, he2016deep on top
    const emptyCiteLine = lines3.findIndex(l => l.endsWith('\\cite{}.')) + 1;
    await goToLine(emptyCiteLine);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft'); // between { and }
    t = Date.now();
    await page.keyboard.press('Control+Space');
    const relSuggest = await page.waitForSelector(`${row}[aria-label*="he2016deep"]`, { timeout: 15000 }).then(() => true).catch(() => false);
    const suggestRows = await page.$$eval(row, els => els
      .sort((a, b) => (parseFloat(a.style.top) || 0) - (parseFloat(b.style.top) || 0))
      .map(e => e.getAttribute('aria-label') || ''));
    await page.keyboard.press('Control+Space'); // the details of the focused (first) suggestion
    const relDetails = await page.waitForFunction(() => {
      const d = document.querySelector('.suggest-details-container .suggest-details');
      return d && /related/.test(d.textContent) ? d.textContent : false;
    }, null, { timeout: 10000 }).then(h => h.jsonValue()).catch(() => '');
    await screenshot('related-completion');
    check(relSuggest && suggestRows[0].startsWith('he2016deep'), 'completion in \\cite{} after the sentence offers he2016deep first',
      `${JSON.stringify(suggestRows)} (${ms(t)})`);
    check(/^related · 2016 · He/.test(String(relDetails)), 'its details start with "related · 2016 · He"', JSON.stringify(String(relDetails).slice(0, 80)));
    // the second Control+Space may have closed the list instead of opening the details (seen once in CI): open it again
    if (!(await page.$(`${row}[aria-label*="he2016deep"]`))) {
      await page.keyboard.press('Control+Space');
      await page.waitForSelector(`${row}[aria-label*="he2016deep"]`, { timeout: 15000 }).catch(() => null);
    }
    await page.keyboard.press('Enter');
    const text4 = await editorTextWhen(text => text.includes('\\cite{he2016deep}.\n') || text.endsWith('\\cite{he2016deep}.'));
    check(text4.split('\n')[emptyCiteLine - 1] === 'Residual connections let very deep convolutional networks learn image recognition \\cite{he2016deep}.',
      'accepting it writes \\cite{he2016deep}', JSON.stringify(text4.split('\n')[emptyCiteLine - 1]));

  } catch (e) {
    check(false, 'the test ran to its end', String(e && e.stack || e).split('\n').slice(0, 3).join(' '));
    try { await screenshot('error'); } catch { /* browser gone */ }
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`     driver done in ${ms(t0)}`);
})();

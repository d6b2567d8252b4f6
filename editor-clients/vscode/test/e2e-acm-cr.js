// The ACM-CR window of the VS Code end-to-end test: a folder with acm.tex (written by
// editor-clients/acm-cr-fixture.sh from ACM-CR topics: real citation sentences) and the 113k ACM papers of
// the collection as paperlink.corpus, the fixture's prebuilt words-only index as paperlink.indexDir.
// Per case of the fixture's cases.tsv: Ctrl+Space inside the empty \cite{} after the sentence must list the
// cited DOI among the first 5 suggestions, its details starting with "related", and Enter writes it; then
// "Refactor..." on the same sentence without its marker, choosing the "Cite <title> …" code action, must
// leave ~\cite{DOI} before the sentence's full stop.
// Usage: node test/e2e-acm-cr.js <workbench url with ?folder=...> <output dir> <cases.tsv>
// (test/run.sh runs it in its code-server after e2e.js). Appends "ok …"/"FAIL …" lines to <output dir>/results.txt.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [url, out, casesFile] = process.argv.slice(2);
const results = path.join(out, 'results.txt');
const t0 = Date.now();
const ms = t => `${Date.now() - t} ms`;
let page, shot = 0;

function check(ok, what, detail) {
  const line = `${ok ? 'ok  ' : 'FAIL'} acm-cr: ${what}${detail ? ` — ${detail}` : ''}`;
  console.log(line);
  fs.appendFileSync(results, line + '\n');
  return ok;
}
async function screenshot(name) {
  const file = path.join(out, `acm-cr-${++shot}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`     screenshot ${path.relative(process.cwd(), file)}`);
}
async function editorText() {
  const lines = await page.$$eval('.editor-instance .monaco-editor .view-line', els =>
    els.map(e => ({ top: parseFloat(e.style.top) || 0, text: e.textContent })));
  return lines.sort((a, b) => a.top - b.top).map(l => l.text.replace(/\u00a0/g, ' ')).join('\n');
}
/** The text of line n (1-based) once it satisfies the predicate, or after timeoutMs as it is then. */
async function lineWhen(n, predicate, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  let l = (await editorText()).split('\n')[n - 1] || '';
  while (!predicate(l) && Date.now() < end) {
    await page.waitForTimeout(100);
    l = (await editorText()).split('\n')[n - 1] || '';
  }
  return l;
}
/** Go to line:column (1-based) with Ctrl+G. */
async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}
async function statusLabel() {
  return page.$$eval('.statusbar-item', els => els.map(e => e.getAttribute('aria-label') || '').find(l => l.startsWith('PaperLink')) || '');
}

const cases = fs.readFileSync(casesFile, 'utf8').split('\n').filter(Boolean).map(l => {
  const [topic, doi, citeLine, actionLine, expected, title] = l.split('\t');
  return { topic, doi, citeLine: +citeLine, actionLine: +actionLine, expected, title };
});

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(20000);
    let t = Date.now();
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60000 });
    await page.waitForTimeout(1000);
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('acm.tex');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="acm.tex"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tab.active[aria-label*="acm.tex"]');
    // the end of the server's first index run, in the status bar: the prebuilt index is taken as it is
    let label = '';
    for (let i = 0; i < 1200 && !/papers?;/.test(label); i++) {
      label = await statusLabel();
      await page.waitForTimeout(50);
    }
    check(/^PaperLink: [1-9]\d* papers; 0 files read/.test(label),
      'the server opens the prebuilt ACM-CR index up to date (paperlink.indexDir, paperlink.corpus)', `${JSON.stringify(label)} (${ms(t)} after opening the window)`);
    await page.click('.editor-instance .monaco-editor .view-lines');
    const row = '.suggest-widget.visible .monaco-list-row';

    for (const c of cases) {
      const name = `topic ${c.topic}`;
      // completion: Ctrl+Space between the braces of \cite{}
      const citeText = await lineWhen(c.citeLine, l => l.includes('\\cite{}'));
      await goTo(c.citeLine, citeText.indexOf('\\cite{}') + 7);
      t = Date.now();
      await page.keyboard.press('Control+Space');
      const listed = await page.waitForSelector(`${row}[aria-label*="${c.doi}"]`, { timeout: 15000 }).then(() => true).catch(() => false);
      const took = ms(t);
      const rows = await page.$$eval(row, els => els
        .sort((a, b) => (parseFloat(a.style.top) || 0) - (parseFloat(b.style.top) || 0))
        .map(e => e.getAttribute('aria-label') || ''));
      const rank = rows.findIndex(r => r.startsWith(c.doi)) + 1;
      // the details of that suggestion: move the focus down to it; Ctrl+Space shows them (the widget keeps them
      // open once shown, so only when they are not there already: a second Ctrl+Space would close them)
      for (let i = 1; i < rank; i++) await page.keyboard.press('ArrowDown');
      const detailsOf = timeout => page.waitForFunction(doi => {
        const focused = document.querySelector('.suggest-widget.visible .monaco-list-row.focused');
        const d = document.querySelector('.suggest-details-container .suggest-details');
        return focused && (focused.getAttribute('aria-label') || '').startsWith(doi) && d && d.offsetParent && /related/.test(d.textContent)
          ? d.textContent : false;
      }, c.doi, { timeout }).then(h => h.jsonValue()).catch(() => '');
      let details = await detailsOf(1500);
      if (!details) {
        await page.keyboard.press('Control+Space');
        details = await detailsOf(10000);
      }
      await screenshot(`${c.topic}-completion`);
      check(listed && rank >= 1 && rank <= 5 && /^related/.test(String(details)),
        `${name}: Ctrl+Space in \\cite{} after the sentence lists ${c.doi} among the first 5, its details "related …"`,
        `rank ${rank || 'none'} of ${rows.length} (${took}): ${JSON.stringify(rows.slice(0, 5))} | details ${JSON.stringify(String(details).slice(0, 60))}`);
      if (rank >= 1 && rank <= 5) {
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('Escape');
      }
      const accepted = await lineWhen(c.citeLine, l => l.includes(`\\cite{${c.doi}}`));
      check(accepted.includes(`\\cite{${c.doi}}`), `${name}: Enter writes \\cite{${c.doi}}`, JSON.stringify(accepted));
      if (accepted !== citeText) {
        await page.keyboard.press('Control+Z');
        await lineWhen(c.citeLine, l => l === citeText);
      }

      // the code action: Refactor... on the sentence, its "Cite <title> (…)" entry
      await goTo(c.actionLine, 10);
      t = Date.now();
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('Refactor...');
      await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label^="Refactor..."]', { timeout: 15000 });
      await page.click('.quick-input-list .monaco-list-row[aria-label^="Refactor..."]');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: `Cite ${c.title}` }).first();
      const offered = await item.waitFor({ state: 'visible', timeout: 15000 }).then(() => true).catch(() => false);
      const items = await page.$$eval('.action-widget .monaco-list-row', els => els.map(e => e.textContent.trim())).catch(() => []);
      await screenshot(`${c.topic}-code-action`);
      if (offered) await item.click();
      else await page.keyboard.press('Escape');
      const done = await lineWhen(c.actionLine, l => l === c.expected);
      check(done === c.expected, `${name}: Refactor... on the sentence, "Cite ${c.title} …": ~\\cite{${c.doi}} before its full stop`,
        `${ms(t)}, ${items.length} actions: ${JSON.stringify(items)} | line ${JSON.stringify(done)}`);
    }
  } catch (e) {
    check(false, 'the ACM-CR driver ran to its end', String(e && e.stack || e).split('\n').slice(0, 3).join(' '));
    try { await screenshot('error'); } catch { /* browser gone */ }
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`     acm-cr driver done in ${ms(t0)}`);
})();

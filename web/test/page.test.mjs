// Browser test of the page `dateline serve` hands out, as a user sees it in
// Chromium: the bundled samples ingested into a fresh database, the real
// server, the built page.
//   node web/test/page.test.mjs DATELINE REPO_DIR BUILD_DIR
// DATELINE is the built binary, REPO_DIR holds samples/, BUILD_DIR holds web/
// (made by `make web`) and receives web-test/page.png. Exits 1 with one FAIL
// line per failed check; the server and the browser are always stopped.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [dateline, repo, build] = process.argv.slice(2);
if (!dateline || !repo || !build) {
  console.error('usage: node page.test.mjs DATELINE REPO_DIR BUILD_DIR');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WEB = path.join(build, 'web');
const SHOTS = path.join(build, 'web-test');
const TIMEOUT = 20000;

let failures = 0;
function fail(msg) { failures++; console.log('FAIL ' + msg); }
function ok(msg) { console.log('ok   ' + msg); }
function check(cond, msg, detail) { if (cond) ok(msg); else fail(msg + (detail ? ': ' + detail : '')); return cond; }

// An article written for this test: non-ASCII text before the sentence that
// codes (so byte and character offsets differ), and markup that must show as
// text, never run.
const UNSAFE_ID = 'web-test-unsafe-bogota';
const UNSAFE = {
  id: UNSAFE_ID,
  url: 'https://webtest.example/2025/03/11/bogota-students',
  title: 'Police detain students in Bogotá <script>window.__pwned = "title"</script>',
  date: '2025-03-11',
  text: 'BOGOTÁ, Colombia — Señora Inés Muñoz, whose son studies at the Universidad Pedagógica, ' +
    'held up a sign that read "<script>window.__pwned = 1</script><img src=x onerror=window.__pwned=2>" ' +
    'outside the ministry on Monday.\n\n' +
    'Police arrested 12 students who marched on the Education Ministry in Bogotá on Monday, ' +
    'the city\'s police chief said.\n\n' +
    'The students were protesting against cuts to university grants, and said they would march again on Friday.',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function getJson(base, p) {
  const res = await fetch(base + p);
  if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
  return res.json();
}

function utf8Slice(text, span) {
  return Buffer.from(text, 'utf8').subarray(span[0], span[1]).toString('utf8');
}

const squash = (s) => s.replace(/\s+/g, '');

let server = null;
let serverLog = '';
let browser = null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-web-test-'));

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    try { server.kill('SIGTERM'); } catch (e) { /* already gone */ }
  }
}
process.on('exit', stopServer);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stopServer(); process.exit(1); });

async function waitForServer(base) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`dateline serve exited with ${server.exitCode}: ${serverLog.slice(-800)}`);
    try {
      const res = await fetch(base + '/api/stats');
      if (res.ok) return;
    } catch (e) { /* not listening yet */ }
    await sleep(200);
  }
  throw new Error('dateline serve did not answer /api/stats within 30 s: ' + serverLog.slice(-800));
}

// Waits until fn (run in the page) returns a truthy value; on timeout returns
// null and the caller reports what the page shows instead.
async function waitFor(page, fn, arg, timeout = TIMEOUT) {
  try {
    const h = await page.waitForFunction(fn, arg, { timeout, polling: 100 });
    return await h.jsonValue();
  } catch (e) {
    return null;
  }
}

const tableState = (page) => page.evaluate(() => [...document.querySelectorAll('#rows tr')].map((tr) => ({
  id: Number(tr.dataset.id),
  date: tr.querySelector('td.date').textContent,
  type: tr.querySelector('td.type').textContent,
})));

async function main() {
  for (const [p, what] of [[dateline, 'the dateline binary'], [path.join(WEB, 'index.html'), 'the built page (run make web)'],
    [CHROMIUM, 'chromium (apt-get install chromium)']]) {
    if (!fs.existsSync(p)) throw new Error(`${what} is missing: ${p}`);
  }

  // 1. A database from the bundled samples and the crafted article.
  const db = path.join(tmp, 'web-test.db');
  const crafted = path.join(tmp, 'unsafe.jsonl');
  fs.writeFileSync(crafted, JSON.stringify(UNSAFE) + '\n');
  const ing = spawnSync(dateline, ['ingest', path.join(repo, 'samples'), crafted, '--db', db], { encoding: 'utf8' });
  if (ing.status !== 0) throw new Error(`dateline ingest exited ${ing.status}: ${ing.stderr.slice(-800)}`);
  ok('ingested samples/ and the crafted article');

  // 2. The real server on a free port.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(dateline, ['serve', '--db', db, '--port', String(port), '--web', WEB], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  await waitForServer(base);
  ok(`dateline serve answers on ${base}`);

  // What the API says, to compare the page with.
  const stats = await getJson(base, '/api/stats');
  const all = (await getJson(base, '/api/events?limit=1000')).events;
  if (all.length === 0) throw new Error('the API returns no events for the samples; nothing to show');
  const placed = all.filter((e) => e.location && Number.isFinite(e.location.lat) && Number.isFinite(e.location.lon));
  const days = new Set(all.map((e) => (e.date || '').slice(0, 10)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)));

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const pageErrors = [];
  const offsite = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });

  // 3. The page loads with the samples' events.
  await page.goto(base + '/', { waitUntil: 'load' });
  const firstCount = await waitFor(page, () => document.querySelectorAll('#rows tr').length || null);
  const pageSize = 50;
  check(firstCount === Math.min(all.length, pageSize), 'the table lists the stored events',
    `want ${Math.min(all.length, pageSize)} rows, got ${firstCount}`);
  const summary = await page.textContent('#summary');
  check(summary.includes(`${stats.events} event`), 'the header counts the stored events', `got ${JSON.stringify(summary)}`);

  // 4. Points on the map: every placed event in some circle.
  const drawn = await waitFor(page, (want) => {
    const pts = [...document.querySelectorAll('#map g.point')];
    const n = pts.reduce((s, g) => s + Number(g.dataset.count), 0);
    return pts.length > 0 && n === want ? { circles: document.querySelectorAll('#map g.point circle').length, n } : null;
  }, placed.length);
  check(drawn && drawn.circles > 0, 'points are drawn on the map for every placed event',
    drawn ? '' : `want ${placed.length} events in circles, got ${await page.evaluate(() => [...document.querySelectorAll('#map g.point')].reduce((s, g) => s + Number(g.dataset.count), 0))}`);
  const countries = await waitFor(page, () => document.querySelectorAll('#map path.country').length || null);
  check(countries > 100, 'the world map is drawn offline from world-atlas', `${countries} countries`);

  // 5. The timeline has one bar per day with events.
  const bars = await waitFor(page, (want) => {
    const n = document.querySelectorAll('#timeline rect.bar').length;
    return n === want ? n : null;
  }, days.size);
  check(bars === days.size, 'the timeline has a bar per day', `want ${days.size}, got ${await page.evaluate(() => document.querySelectorAll('#timeline rect.bar').length)}`);

  // 6. A type in the type filter narrows the table to that type.
  const shownTypes = new Map();
  for (const e of all) { const t = e.plover && e.plover.type; if (t) shownTypes.set(t, (shownTypes.get(t) || 0) + 1); }
  const options = await page.evaluate(() => [...document.querySelectorAll('#f-type option')].map((o) => o.value).filter(Boolean));
  const narrower = options.filter((t) => (shownTypes.get(t) || 0) > 0 && shownTypes.get(t) < firstCount)
    .sort((a, b) => shownTypes.get(b) - shownTypes.get(a));
  if (!check(narrower.length > 0, 'the type filter offers the stored types', `options ${options.join(',')}`)) {
    // nothing to choose
  } else {
    const type = narrower[0];
    await page.selectOption('#f-type', type);
    const narrowed = await waitFor(page, ([t, before]) => {
      const rows = [...document.querySelectorAll('#rows tr')];
      return rows.length > 0 && rows.length < before && rows.every((r) => r.querySelector('td.type').textContent === t) ? rows.length : null;
    }, [type, firstCount]);
    const rows = await tableState(page);
    check(narrowed !== null, `choosing type ${type} narrows the table to ${type} rows`,
      `${rows.length} rows of types ${[...new Set(rows.map((r) => r.type))].join(',')} (before: ${firstCount})`);
    check(narrowed === shownTypes.get(type), `the table then holds the ${type} events the API returns`, `want ${shownTypes.get(type)}, got ${narrowed}`);
    await page.selectOption('#f-type', '');
    await waitFor(page, (n) => document.querySelectorAll('#rows tr').length === n || null, firstCount);
  }

  // 7. Clicking a row shows its evidence highlighted inside the article text.
  async function openAndCheck(eventId, label) {
    let row = page.locator(`#rows tr[data-id="${eventId}"]`);
    while ((await row.count()) === 0 && await page.isVisible('#load-more')) {
      await page.click('#load-more');
      await sleep(300);
      row = page.locator(`#rows tr[data-id="${eventId}"]`);
    }
    if (!check((await row.count()) === 1, `${label}: its row is in the table`)) return null;
    await row.click();
    const detail = await getJson(base, `/api/events/${eventId}`);
    const m = detail.mentions && detail.mentions[0];
    if (!check(m && Array.isArray(m.span), `${label}: the API gives a mention with a span`)) return null;
    const article = await getJson(base, `/api/articles/${encodeURIComponent(m.article_id)}`);
    const want = utf8Slice(article.text, m.span);
    const got = await waitFor(page, (id) => {
      const box = document.querySelector('#panel-body .article-text');
      if (!box || box.dataset.articleId !== id) return null;
      const marks = [...box.querySelectorAll('mark')];
      return marks.length ? { mark: marks.map((x) => x.textContent).join(''), text: box.textContent } : null;
    }, m.article_id);
    if (!check(got !== null, `${label}: the panel shows the article with a highlight`)) return null;
    check(squash(got.mark) === squash(want), `${label}: the highlight is exactly the evidence sentence`,
      `want ${JSON.stringify(want)}, got ${JSON.stringify(got.mark)}`);
    return { article, got };
  }

  const sample = all.find((e) => e.article !== UNSAFE_ID && e.num_sources > 1) || all.find((e) => e.article !== UNSAFE_ID);
  await openAndCheck(sample.id, `sample event ${sample.id}`);
  const reports = await page.evaluate(() => [...document.querySelectorAll('#panel-body ul.reports a')].map((a) => ({ href: a.href, rel: a.rel })));
  check(reports.length > 0 && reports.every((a) => a.rel.includes('noopener') && a.rel.includes('noreferrer')),
    'the panel links each report with rel="noopener noreferrer"', JSON.stringify(reports));
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'page.png') });

  // 8. The crafted article: markup shows as text and never runs, and byte spans
  // after non-ASCII text still land on the sentence.
  // Its event furthest into the text, so non-ASCII bytes come before the span.
  const unsafe = all.filter((e) => e.article === UNSAFE_ID && Array.isArray(e.span)).sort((a, b) => b.span[0] - a.span[0])[0];
  if (check(unsafe, 'the crafted article was coded into an event')) {
    const before = Buffer.from(UNSAFE.text, 'utf8').subarray(0, unsafe.span[0]).toString('utf8');
    check(/[^\x00-\x7f]/.test(before), 'the crafted event\'s sentence comes after non-ASCII text (bytes and characters differ)',
      `span ${unsafe.span}`);
    const shown = await openAndCheck(unsafe.id, 'crafted non-ASCII article');
    if (shown) {
      check(shown.got.text.includes('<script>window.__pwned = 1</script>'), 'a <script> in an article shows as text');
      const title = await page.textContent('#panel-body .article-title');
      check(title.includes('<script>'), 'a <script> in a title shows as text', JSON.stringify(title));
    }
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned,
      elements: document.querySelectorAll('#panel-body script, #panel-body img, #rows script, #rows img').length,
    }));
    check(injected.pwned === undefined && injected.elements === 0, 'article markup never runs or becomes elements', JSON.stringify(injected));
  }

  // 9. Clicking a point opens the event (or the list of events there).
  const single = page.locator('#map g.point[data-count="1"]').first();
  const anyPoint = (await single.count()) ? single : page.locator('#map g.point').first();
  await page.click('#panel-body .close').catch(() => {});
  await anyPoint.click({ force: true });
  const opened = await waitFor(page, () => {
    const b = document.querySelector('#panel-body');
    const zoomed = (document.querySelector('#map g.world').getAttribute('transform') || '').includes('scale');
    return (b && !b.hidden && b.querySelector('.headline')) || zoomed ? true : null;
  });
  check(opened, 'clicking a point opens its event, its list, or zooms into it');

  // 10. The brush on the timeline narrows the table to the chosen days.
  if (days.size > 1) {
    const box = await page.locator('#timeline rect.bar').first().boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x - 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 2, y, { steps: 4 });
    await page.mouse.up();
    const ranged = await waitFor(page, (before) => {
      const label = document.querySelector('#range-label').textContent;
      const m = label.match(/^(\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))?$/);
      if (!m) return null;
      const rows = [...document.querySelectorAll('#rows tr')].map((r) => r.querySelector('td.date').textContent);
      const from = m[1], to = m[2] || m[1];
      return rows.length > 0 && rows.length < before && rows.every((d) => d >= from && d <= to) ? { from, to, n: rows.length } : null;
    }, firstCount);
    check(ranged, 'brushing the timeline narrows the table to those days', `label ${JSON.stringify(await page.textContent('#range-label'))}`);
    await page.click('#f-clear');
    await waitFor(page, (n) => document.querySelectorAll('#rows tr').length === n || null, firstCount);
  }

  // 11. No match: the page says so.
  await page.fill('#f-text', 'qqzzxxnonexistentword');
  const empty = await waitFor(page, () => (!document.querySelector('#table-empty').hidden &&
    /No events/.test(document.querySelector('#map-note').textContent)) || null);
  check(empty, 'a filter with no match says "No events match" in the table and on the map');
  await page.fill('#f-text', '');

  check(pageErrors.length === 0, 'no script errors in the page', pageErrors.join(' | '));
  check(offsite.length === 0, 'nothing fetched from outside dateline serve', offsite.join(' '));

  // 12. API errors are shown, not swallowed (a second tab whose events calls fail).
  const broken = await context.newPage();
  await broken.route('**/api/events?**', (r) => r.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"store failure (injected by the test)"}' }));
  await broken.goto(base + '/');
  const shownError = await waitFor(broken, () => {
    const s = document.querySelector('#status');
    return s && !s.hidden && s.textContent.includes('store failure (injected by the test)') ? s.textContent : null;
  });
  check(shownError, 'an API error is shown to the user');

  // 13. Narrow window: the page still lays out (map and table visible, no horizontal page scroll).
  const narrow = await browser.newPage({ viewport: { width: 420, height: 800 } });
  await narrow.goto(base + '/');
  await waitFor(narrow, () => document.querySelectorAll('#rows tr').length || null);
  const fits = await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  check(fits, 'at 420 px wide the page does not scroll sideways');
  await narrow.screenshot({ path: path.join(SHOTS, 'page-narrow.png'), fullPage: true });
}

let code = 0;
try {
  await main();
} catch (e) {
  fail(e.message);
} finally {
  if (browser) await browser.close().catch(() => {});
  stopServer();
  if (server) {
    const gone = await Promise.race([new Promise((r) => server.once('exit', () => r(true))), sleep(5000).then(() => server.exitCode !== null)]);
    if (!gone) server.kill('SIGKILL');
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(failures ? `${failures} failure(s)` : 'all passed');
  code = failures ? 1 : 0;
}
process.exit(code);

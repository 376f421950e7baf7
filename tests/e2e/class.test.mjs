// class.test.mjs — owns the end-to-end checks of the classroom kit: the class view (files
// through the file input, a malformed one named, grouping by experiment, medians, pasted
// codes, oversize and wrong-schema files, the reference run labelled, CSV), result links
// opening the read-only view, and a learner's own run going to the class view by code and
// by link. Result codes are made here with node's zlib, independently of the app, from the
// format the README documents.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import { useSuite } from './suite.mjs';
import { checkedPage, screenshot } from './browser.mjs';
import { WAIT_MS, waitForFinished } from './app.mjs';

const TIMEOUT = 180_000;
const s = useSuite();

const REFERENCE = readFileSync(new URL('../../www/reference/16-core-chromium156.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const LABEL = 'recorded elsewhere: 16-core machine, Chromium 156, 2026-11-27';
const CHROME_131 = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_133 = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const EDGE_131 = `${CHROME_131} Edg/131.0.2903.86`;

/** A learner's run: reference run `line` (1-based) as if measured on `cores` cores in `ua`. */
function learner(line, cores, ua) {
  const doc = structuredClone(REFERENCE[line - 1]);
  doc.environment.hardware_concurrency = cores;
  doc.environment.user_agent = ua;
  return doc;
}

/** A result code, version 1: "cp1." + base64url(zlib(minified JSON)), no padding. */
const codeOf = (doc) => `cp1.${zlib.deflateSync(Buffer.from(JSON.stringify(doc)), { level: 9 }).toString('base64url')}`;

const file = (name, doc) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2)),
});

const sel = {
  view: '[data-testid=class-view]',
  files: '[data-testid=class-files]',
  idle: '[data-testid=class-status][data-busy=false]',
  group: '[data-testid=class-group]',
  row: '[data-testid=class-row]',
  error: '[data-testid=class-error]',
};

/** Waits until the intake is idle and the table has `rows` rows; returns the rows per group. */
async function settled(page, rows) {
  await page.waitForFunction(
    ([idle, row, n]) => document.querySelector(idle) && document.querySelectorAll(row).length === n,
    [sel.idle, sel.row, rows],
    { timeout: WAIT_MS },
  );
  return page.$$eval(sel.group, (gs) =>
    gs.map((g) => ({
      experiment: g.dataset.experiment,
      sources: [...g.querySelectorAll('[data-testid=class-row]')].map((r) => r.dataset.source),
    })),
  );
}

const errors = (page) => page.$$eval(sel.error, (es) => es.map((e) => e.textContent));

test('class view: three files of two experiments and a malformed one, then codes, bad files, CSV', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'class-view', async (page) => {
    await page.goto(`${s.server.url}/?view=class`);
    await page.waitForSelector(sel.view);
    assert.equal(await page.$('[data-testid=run]'), null, 'the class view starts no engine and shows no Run');
    await page.setInputFiles(sel.files, [
      file('alice.json', learner(3, 4, CHROME_131)),
      file('bob.json', learner(2, 2, FIREFOX_133)),
      file('carol.json', learner(7, 8, CHROME_131)),
      file('broken.json', '{ "schema": "concurrency-playground/results@1", "runs": [ {'),
    ]);
    let groups = await settled(page, 3);
    assert.deepEqual(groups, [
      { experiment: 'fib n=34 tasks=64', sources: ['bob.json', 'alice.json'] },
      { experiment: 'fib n=32 tasks=32', sources: ['carol.json'] },
    ], 'three rows in two groups, the larger first, sorted by cores');
    let errs = await errors(page);
    assert.equal(errs.length, 1, `one error: ${errs}`);
    assert.match(errs[0], /^broken\.json: not valid JSON/);

    // The class median of the first group: sequential's median of bob's and alice's runs.
    const median = await page.$eval(`${sel.group} [data-testid=class-median] td[data-model=sequential]`, (td) => td.textContent);
    const seq = (line) => REFERENCE[line - 1].runs.find((r) => r.model === 'sequential').wall_ms;
    assert.equal(median, ((seq(2) + seq(3)) / 2).toFixed(1));
    // Carol's run is a different experiment: flagged.
    const carolFlags = await page.$eval('[data-testid=class-row][data-source="carol.json"]', (r) => r.textContent);
    assert.match(carolFlags, /a different experiment from the class's \(fib n=34 tasks=64\)/);

    // The reference run beside each group, labelled; and its points in the chart.
    const labels = await page.$$eval('[data-testid=class-reference-label]', (ls) => ls.map((l) => l.textContent));
    assert.equal(labels.length, 2);
    for (const l of labels) assert.ok(l.includes(LABEL), l);
    assert.equal(await page.$$eval('[data-testid=class-chart]', (c) => c.length), 2, 'a chart per experiment');
    const refPoints = await page.$$eval(`${sel.group}:first-of-type .class-point.reference`, (p) => p.length);
    assert.equal(refPoints, 6, 'the six reference runs of that experiment, drawn apart');
    await screenshot(page, 'class-view');

    // Paste: one good code (a broken line, as a chat app makes) and one damaged code.
    const good = codeOf(learner(4, 8, EDGE_131));
    const damaged = `${good.slice(0, 40)}${good[40] === 'A' ? 'B' : 'A'}${good.slice(41)}`;
    await page.fill('[data-testid=class-codes]', `${good.slice(0, 50)}\n${good.slice(50)}\n\n${damaged}`);
    await page.click('[data-testid=class-add-codes]');
    groups = await settled(page, 4);
    assert.deepEqual(groups[0].sources, ['bob.json', 'alice.json', 'code 1'], 'one more row, in its group');
    errs = await errors(page);
    assert.equal(errs.length, 2, `${errs}`);
    assert.match(errs[1], /^code 2 \(cp1\.\S+…\): the result code is corrupted/);

    // A 50 MB file, another schema, a newer version, and the same file again: named, nothing lost.
    const dir = await mkdtemp(path.join(tmpdir(), 'cp-class-'));
    try {
      const big = path.join(dir, 'huge.json');
      const handle = await open(big, 'w');
      await handle.truncate(50 * 1024 * 1024);
      await handle.close();
      await page.setInputFiles(sel.files, [big]);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=class-error]').length === n, 3);
      await page.setInputFiles(sel.files, [
        file('vega.json', { schema: 'vega-lite/v5' }),
        file('future.json', { ...learner(5, 4, CHROME_131), schema: 'concurrency-playground/results@2' }),
        file('alice-again.json', learner(3, 4, CHROME_131)),
      ]);
      await settled(page, 4);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=class-error]').length === n, 6);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    errs = await errors(page);
    assert.match(errs[2], /^huge\.json: the file is 52428800 bytes; the class view reads results files up to/);
    assert.match(errs[3], /^vega\.json: the schema "vega-lite\/v5" is not a playground results file/);
    assert.match(errs[4], /^future\.json: results version "2" is not supported here/);
    assert.match(errs[5], /^alice-again\.json: already added \(as alice\.json\)/);

    // CSV: a row per run, a median row per group, the reference rows marked.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=class-csv]')]);
    assert.equal(dl.suggestedFilename(), 'class-results.csv');
    const csv = (await readFile(await dl.path(), 'utf8')).trim().split('\n');
    assert.match(csv[0], /^experiment,source,recorded_elsewhere,cores,threads,browser,isolation,runs,flags,sequential_wall_ms,sequential_speedup,threads_wall_ms/);
    assert.equal(csv.length, 1 + 4 + 2 + 2);
    assert.equal(csv.filter((l) => l.includes(',class median,')).length, 2);
    assert.equal(csv.filter((l) => /^[^,]*,reference run \d+,yes,16,/.test(l)).length, 2);

    // Removing a row keeps the others.
    await page.click('[data-testid=class-row][data-source="carol.json"] button.remove');
    groups = await settled(page, 3);
    assert.equal(groups.length, 1);

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'class-view-phone');
  }),
);

test('a result link opens the read-only view of that run, the reference beside it', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'result-link', async (page) => {
    const doc = learner(3, 4, CHROME_131);
    await page.goto(`${s.server.url}/?workload=fetch#results=${codeOf(doc)}`);
    await page.waitForSelector('[data-testid=shared-results][data-state=ok]');
    assert.equal(await page.$('[data-testid=run]'), null, 'read-only: no Run button');
    const wall = await page.textContent('[data-testid=wall-threads]');
    assert.equal(wall, `${REFERENCE[2].runs[1].wall_ms.toFixed(1)} ms`);
    const banner = await page.textContent('.shared-banner');
    assert.match(banner, /Shared results, read-only\. Measured by someone else: Chrome 131, 4 logical cores/);
    const yourself = await page.getAttribute('[data-testid=run-yourself]', 'href');
    assert.match(yourself, /\?workload=fib&models=sequential%2Cthreads&n=34&repeat=3&tasks=64$/);
    await page.waitForSelector('[data-testid=reference-run]');
    assert.ok((await page.textContent('[data-testid=reference-label]')).includes(LABEL));
    assert.equal(await page.getAttribute('[data-testid=reference-run]', 'data-reference-position'), '5', 'the 16-thread run');
    await screenshot(page, 'result-link');

    await page.goto(`${s.server.url}/#results=cp1.AAAA`);
    await page.waitForSelector('[data-testid=shared-results][data-state=broken]');
    assert.match(await page.textContent('[data-testid=shared-error]'), /This result link cannot be read: the result code is (incomplete|corrupted)/);
    await page.goto(`${s.server.url}/#results=cp9.AAAA`);
    await page.waitForSelector('[data-testid=shared-results][data-state=broken]');
    assert.match(await page.textContent('[data-testid=shared-error]'), /result code version 9 is not supported here/);
  }),
);

test("a learner's run goes to the class view by result code and by link", { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'learner-share', async (page) => {
    await s.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.server.url });
    await page.goto(`${s.server.url}/?models=sequential,threads&n=24&tasks=8&threads=2&autorun=1`);
    await waitForFinished(page);
    await page.click('[data-testid=copy-result-code]');
    await page.waitForSelector('.result-share [role=status]');
    const code = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(code, /^cp1\.[A-Za-z0-9_-]+$/);
    const decoded = JSON.parse(zlib.inflateSync(Buffer.from(code.slice(4), 'base64url')).toString('utf8'));
    assert.equal(decoded.schema, 'concurrency-playground/results@1');
    assert.deepEqual(decoded.runs.map((r) => r.tasks.length), [0, 0], 'a summary code has no tasks');
    assert.deepEqual(decoded.runs.map((r) => r.task_count), [8, 8]);

    await page.click('[data-testid=copy-result-link]');
    await page.waitForFunction(() => document.querySelector('.result-share [role=status]')?.textContent.startsWith('Link copied'));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${s.server.url}/?`) && link.includes('#results=cp1.'), link);

    // A clipboard that refuses: the code is shown, selected, to copy by hand.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    await page.click('[data-testid=copy-result-code]');
    await page.waitForSelector('[data-testid=share-by-hand]');
    const byHand = await page.$eval('[data-testid=share-by-hand]', (t) => ({
      value: t.value,
      selected: t.selectionStart === 0 && t.selectionEnd === t.value.length,
      focused: document.activeElement === t,
    }));
    assert.deepEqual(byHand, { value: code, selected: true, focused: true });

    // The matching reference run beside the learner's own results, labelled.
    await page.waitForSelector('[data-testid=reference-beside] [data-testid=reference-run]');
    assert.ok((await page.textContent('[data-testid=reference-label]')).includes(LABEL));
    assert.match(await page.textContent('[data-testid=reference-other-settings]'), /the closest has fib n=/);

    // The page links to the class view.
    await page.click('[data-testid=open-class-view]');
    await page.waitForSelector(sel.view);
    await page.fill('[data-testid=class-codes]', code);
    await page.click('[data-testid=class-add-codes]');
    const groups = await settled(page, 1);
    assert.deepEqual(groups, [{ experiment: 'fib n=24 tasks=8', sources: ['code 1'] }]);

    await page.goto(link);
    await page.waitForSelector('[data-testid=shared-results][data-state=ok]');
    const tasks = await page.$$eval('[data-testid=result-threads] [data-testid=timeline] rect.task', (r) => r.length);
    assert.equal(tasks, 8, 'the link carries the tasks: the timeline is drawn');
  }),
);

/** Starts recording the gaps between the page's animation frames (ms). */
const recordFrames = (page) =>
  page.evaluate(() => {
    window.__gaps = [];
    window.__stopFrames = false;
    let last = performance.now();
    const tick = (t) => {
      window.__gaps.push(t - last);
      last = t;
      if (!window.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
const longestFrameGap = (page) =>
  page.evaluate(() => {
    window.__stopFrames = true;
    return Math.max(...window.__gaps);
  });

test('many files at once: the page keeps drawing; too many are refused by count; a drop adds files', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'class-many', async (page) => {
    await page.goto(`${s.server.url}/?view=class`);
    await page.waitForSelector(sel.view);
    // Files on disk, handed over by path: files given as buffers are built by a script in the
    // page, which would itself block the page for a second and hide what the app does.
    const dir = await mkdtemp(path.join(tmpdir(), 'cp-class-many-'));
    try {
      // 200 files (the most a class holds), each a distinct learner's 28 KB run.
      const many = [];
      for (let i = 1; i <= 200; i++) {
        const name = path.join(dir, `learner-${i}.json`);
        await writeFile(name, JSON.stringify(learner(7, i, CHROME_131), null, 2));
        many.push(name);
      }
      await recordFrames(page);
      const started = Date.now();
      await page.setInputFiles(sel.files, many);
      await settled(page, 200);
      const took = Date.now() - started;
      const gap = await longestFrameGap(page);
      console.log(`200 files: ${took} ms to read and show; longest gap between frames ${gap.toFixed(0)} ms`);
      assert.ok(gap < 500, `the page kept drawing while reading (longest frame gap ${gap.toFixed(0)} ms)`);
      assert.deepEqual(await errors(page), []);

      // One file more than the class holds: refused by name, nothing lost.
      await page.setInputFiles(sel.files, [file('late.json', learner(7, 300, CHROME_131))]);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=class-error]').length === 1);
      assert.match((await errors(page))[0], /^late\.json: not added: too many files: the class view holds up to 200 files and has 200/);
      assert.equal(await page.$$eval(sel.row, (r) => r.length), 200);

      // 500 files at once are refused as a batch, before any is read.
      await page.click('[data-testid=class-clear]');
      await settled(page, 0);
      const fiveHundred = [];
      for (let i = 1; i <= 500; i++) {
        const name = path.join(dir, `f${i}.json`);
        await writeFile(name, '{}');
        fiveHundred.push(name);
      }
      await page.setInputFiles(sel.files, fiveHundred);
      await page.waitForSelector(sel.error);
      assert.match((await errors(page))[0], /^f1\.json, f2\.json, f3\.json and 497 more: not added: 500 files at once are too many: the class view holds up to 200 files/);

      // A 13.5 MB file of 90 runs (JSON lines) is parsed a chunk at a time.
      const big = path.join(dir, 'big.jsonl');
      const lines = Array.from({ length: 90 }, (_, i) => JSON.stringify(learner(9, i + 1, FIREFOX_133))).join('\n');
      await writeFile(big, lines);
      await recordFrames(page);
      await page.setInputFiles(sel.files, [big]);
      await settled(page, 90);
      const bigGap = await longestFrameGap(page);
      console.log(`a ${(lines.length / 1e6).toFixed(1)} MB file: longest gap between frames ${bigGap.toFixed(0)} ms`);
      assert.ok(bigGap < 500, `the page kept drawing while parsing (longest frame gap ${bigGap.toFixed(0)} ms)`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // Drag and drop.
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      const zone = document.querySelector('[data-testid=class-drop]');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, JSON.stringify(learner(3, 4, CHROME_131)));
    const groups = await settled(page, 91);
    assert.ok(groups.some((g) => g.sources.includes('dropped.json')));
  }),
);

test('projector mode: large type, high contrast, few controls, on every view; unknown views named', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'present', async (page) => {
    await page.goto(`${s.server.url}/?models=sequential,threads&n=24&tasks=8&threads=2&present=1&autorun=1`);
    await page.waitForSelector('main.app.present');
    await waitForFinished(page);
    const look = await page.evaluate(() => {
      const app = document.querySelector('main.app');
      const shown = (q) => [...document.querySelectorAll(q)].some((e) => e.getClientRects().length > 0);
      return {
        fontPx: parseFloat(getComputedStyle(app).fontSize),
        background: getComputedStyle(document.documentElement).backgroundColor,
        colour: getComputedStyle(app).color,
        fields: shown('.settings .fields'),
        models: shown('.settings fieldset.models'),
        side: shown('.side'),
        sweep: shown('.sweep'),
        run: shown('[data-testid=run]'),
        results: shown('[data-testid=result-threads]'),
        reference: shown('[data-testid=reference-beside]'),
      };
    });
    assert.ok(look.fontPx >= 21, `large type (${look.fontPx}px)`);
    assert.equal(look.background, 'rgb(255, 255, 255)');
    assert.equal(look.colour, 'rgb(0, 0, 0)');
    assert.deepEqual(
      { fields: look.fields, models: look.models, side: look.side, sweep: look.sweep },
      { fields: false, models: false, side: false, sweep: false },
      'settings, sharing and the sweep are hidden',
    );
    assert.ok(look.run && look.results && look.reference, 'Run, the results and the reference run stay');
    await screenshot(page, 'present');

    // The class view and a result link are projector pages too.
    await page.goto(`${s.server.url}/?view=class&present=1`);
    await page.waitForSelector(`main.app.present ${sel.view}`);
    assert.ok((await page.getAttribute('[data-testid=back-to-playground]', 'href')).endsWith('/?present=1'));
    await page.goto(`${s.server.url}/?present=1#results=${codeOf(learner(3, 4, CHROME_131))}`);
    await page.waitForSelector('main.app.present [data-testid=shared-results][data-state=ok]');
    await screenshot(page, 'present-result-link');

    // An unknown view is reported by name; the playground is shown.
    await page.goto(`${s.server.url}/?view=teacher`);
    const message = await page.textContent('[data-testid=config-errors] li[data-key=view]');
    assert.equal(message, 'view: unknown view "teacher" (accepted: class); showing the playground');
    await page.waitForSelector('[data-testid=run]');
  }),
);

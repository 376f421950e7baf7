// charts.test.mjs — owns the end-to-end checks of the results view: one comparison bar per
// model, one timeline lane per lane in the results JSON and one bar per task, the thread
// sweep, and the exports (JSON, CSV, SVG, PNG) downloading files that parse. Takes the
// screenshot of the results view that people look at (tests/e2e/artifacts/results-view.png).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { useSuite } from './suite.mjs';
import { downloadJson, checkedPage, screenshot } from './browser.mjs';
import { WAIT_MS, sel, waitForFinished, runOf, lanesOf } from './app.mjs';

const TIMEOUT = 180_000;

const s = useSuite();

/** Clicks `selector`, returns the downloaded file's name and text. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

test('charts match the results: bars per model, lanes and bars per task; exports parse', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'charts', async (page) => {
    const models = ['sequential', 'threads', 'async', 'gil'];
    await page.goto(`${s.server.url}/?models=${models.join(',')}&n=28&tasks=6&threads=2&autorun=1`);
    await waitForFinished(page);
    const results = await downloadJson(page, sel.download);

    const bars = await page.$$eval('[data-testid=comparison-chart] g.bar', (gs) => gs.map((g) => g.dataset.model));
    assert.deepEqual(bars, models, 'one bar per model, in run order');

    for (const model of models) {
      const run = runOf(results, model);
      const timeline = `[data-testid=result-${model}] [data-testid=timeline]`;
      const lanes = await page.$$eval(`${timeline} g.lane`, (gs) => gs.map((g) => g.dataset.lane));
      assert.deepEqual([...lanes].sort(), lanesOf(run), `${model}: one lane per lane in the JSON`);
      const rects = await page.$$eval(`${timeline} rect.task`, (rs) => rs.length);
      assert.equal(rects, run.tasks.length, `${model}: one bar per task`);
    }
    const waits = await page.$$eval('[data-testid=result-gil] rect.wait', (rs) => rs.length);
    const jsonWaits = runOf(results, 'gil').tasks.reduce((n, t) => n + (t.waits?.length ?? 0), 0);
    assert.equal(waits, jsonWaits, 'every wait for the GIL is drawn');
    assert.ok((await page.textContent('[data-testid=explanations]')).length > 20, 'the run is explained');
    await screenshot(page, 'results-view');

    const csv = await download(page, '[data-testid=download-csv]');
    assert.equal(csv.name, 'concurrency-playground-results.csv');
    const lines = csv.bytes.toString('utf8').trim().split('\n');
    assert.match(lines[0], /^model,workload,run_status,wall_ms,task,lane/);
    assert.equal(lines.length - 1, models.length * 6, 'one CSV row per task');

    const svg = await download(page, '[data-testid=svg-comparison]');
    assert.equal(svg.name, 'comparison.svg');
    const svgText = svg.bytes.toString('utf8');
    assert.match(svgText, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((svgText.match(/class="bar/g) ?? []).length, models.length);
    // Its styles are the page's own: the light colours and the charts' rules.
    const barColour = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bar').trim());
    assert.ok(svgText.includes(`--bar: ${barColour}`), `the page's bar colour ${barColour} is in the SVG's styles`);
    assert.match(svgText, /\.chart \.bar rect \{ fill: var\(--bar\); \}/, "the page's rule for the bars");
    // The SVG is well-formed: the browser parses it without an error.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return doc.querySelector('parsererror') === null && doc.documentElement.nodeName === 'svg';
    }, svgText);
    assert.ok(parsed, 'the SVG parses');

    const png = await download(page, '[data-testid=png-timeline-threads]');
    assert.equal(png.name, 'timeline-threads.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
    assert.ok(png.bytes.length > 1000, 'the PNG has content');
  }));

test('thread sweep: points for 1..k threads and an Amdahl fit', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'sweep', async (page) => {
    await page.goto(`${s.server.url}/?models=threads&n=27&tasks=8&threads=2`);
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    await page.fill('[data-testid=sweep-max]', '3');
    await page.click('[data-testid=sweep-run]');
    await page.waitForSelector('[data-testid=sweep-result][data-points="3"]', { timeout: WAIT_MS });
    await page.waitForSelector('[data-testid=sweep-run]:enabled', { timeout: WAIT_MS });
    const rows = await page.$$eval('.sweep-result tbody tr', (trs) => trs.map((tr) => tr.children[0].textContent));
    assert.deepEqual(rows, ['1', '2', '3']);
    assert.match(await page.textContent('[data-testid=amdahl]'), /serial fraction of \d+%/);
    assert.equal(await page.$$eval('#chart-sweep circle.point', (cs) => cs.length), 3);
  }));

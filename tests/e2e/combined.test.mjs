// combined.test.mjs — owns the end-to-end checks of the combined timeline (every model on one
// time axis): a lane group per model with the lanes of the results JSON, bars on one scale
// (widths proportional to the JSON durations), "Download trace" matching the JSON, the replay
// (and its reduced-motion end state), keyboard focus with the task's details, and the SVG
// export; and where the results show after a Run click, at 1280x900 and 800x700.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { useSuite } from './suite.mjs';
import { downloadJson, downloadJsonWithName, checkedPage } from './browser.mjs';
import { WAIT_MS, sel, waitForFinished, runOf, lanesOf } from './app.mjs';

const TIMEOUT = 180_000;
const MODELS = ['sequential', 'threads', 'async'];
const QUERY = `models=${MODELS.join(',')}&n=30&tasks=8&threads=2`;
const CHART = '[data-testid=combined-timeline]';

const s = useSuite();

/** Runs the three models; returns the results JSON. */
async function runThree(page) {
  await page.goto(`${s.server.url}/?${QUERY}&autorun=1`);
  await waitForFinished(page);
  await page.waitForSelector(CHART, { timeout: WAIT_MS });
  return downloadJson(page, sel.download);
}

/** What the chart draws: its scale and, per model, its lanes and each task's x extent. */
function drawn(page) {
  return page.$eval(CHART, (svg) => {
    const groups = [...svg.querySelectorAll('g.ct-group')].map((g) => ({
      model: g.dataset.model,
      work: [...g.querySelectorAll('g.lane[data-kind=work]')].map((l) => l.dataset.lane),
      tasks: [...g.querySelectorAll('g.ct-task')].map((t) => {
        const rects = [...t.querySelectorAll('rect')];
        const x0 = Math.min(...rects.map((r) => Number(r.getAttribute('x'))));
        const x1 = Math.max(...rects.map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width'))));
        return { task: Number(t.dataset.task), x0, x1 };
      }),
    }));
    return {
      axisMs: Number(svg.dataset.axisMs),
      plotX: Number(svg.dataset.plotX),
      plotW: Number(svg.dataset.plotW),
      segments: Number(svg.dataset.segments),
      groups,
    };
  });
}

test('combined timeline: a lane group per model, one scale for all, trace matches the JSON', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'combined', async (page) => {
    const results = await runThree(page);
    const chart = await drawn(page);
    assert.deepEqual(chart.groups.map((g) => g.model), MODELS, 'one lane group per model, in run order');
    const pxPerMs = chart.plotW / chart.axisMs;
    const lastEnd = {};
    for (const g of chart.groups) {
      const run = runOf(results, g.model);
      assert.deepEqual([...g.work].sort(), lanesOf(run), `${g.model}: the lanes of the JSON`);
      assert.equal(g.tasks.length, run.tasks.length, `${g.model}: a bar per task`);
      for (const t of run.tasks) {
        const bar = g.tasks.find((b) => b.task === t.index);
        assert.ok(bar, `${g.model}: task ${t.index} is drawn`);
        // One scale: the same px per ms for every model (0.5 px minimum width, rounding).
        const want = (t.end_ms - t.start_ms) * pxPerMs;
        assert.ok(Math.abs(bar.x1 - bar.x0 - want) <= 1, `${g.model} task ${t.index}: width ${bar.x1 - bar.x0} vs ${want}`);
        assert.ok(Math.abs(bar.x0 - (chart.plotX + t.start_ms * pxPerMs)) <= 1, `${g.model} task ${t.index}: starts at its ms`);
      }
      lastEnd[g.model] = Math.max(...g.tasks.map((b) => b.x1));
    }
    // The model whose last task ends first in the JSON ends left in the chart too. On a busy
    // 2-core machine two models can finish within a millisecond of each other, so the order is
    // checked between the models whose last tasks end furthest apart.
    const lastTaskEnd = (r) => Math.max(...r.tasks.map((t) => t.end_ms));
    const byEnd = [...results.runs].sort((a, b) => lastTaskEnd(a) - lastTaskEnd(b));
    const [fastest, slowest] = [byEnd[0], byEnd[byEnd.length - 1]];
    assert.ok(lastTaskEnd(slowest) - lastTaskEnd(fastest) > 2 / pxPerMs, 'the models end apart');
    assert.ok(lastEnd[fastest.model] < lastEnd[slowest.model],
      `the first to end (${fastest.model}) ends left of the last (${slowest.model}): ${lastEnd[fastest.model]} < ${lastEnd[slowest.model]}`);

    // Fit to the fastest: the axis ends where the fastest model ends.
    await page.click('[data-testid=fit-fastest]');
    const fitted = await drawn(page);
    const ends = await page.$$eval(`${CHART} g.ct-group`, (gs) => gs.map((g) => Number(g.dataset.endMs)));
    assert.equal(fitted.axisMs, Math.min(...ends), 'fitted to the model that ends first');
    assert.ok(fitted.axisMs < chart.axisMs);
    await page.click('[data-testid=fit-slowest]');

    // The trace: one named process per model, a complete event per task with its times.
    const { json: trace, filename } = await downloadJsonWithName(page, '[data-testid=download-trace]');
    assert.equal(filename, `trace-fib-${MODELS.join('-')}.json`);
    assert.ok(Array.isArray(trace.traceEvents));
    results.runs.forEach((run, i) => {
      const pid = i + 1;
      const name = trace.traceEvents.find((e) => e.ph === 'M' && e.name === 'process_name' && e.pid === pid);
      assert.equal(name?.args?.name, run.model, `process ${pid} is ${run.model}`);
      const tasks = trace.traceEvents.filter((e) => e.ph === 'X' && e.pid === pid && e.cat === 'compute');
      assert.equal(tasks.length, run.tasks.length, `${run.model}: an event per task`);
      for (const t of run.tasks) {
        const e = tasks.find((ev) => ev.args.index === t.index);
        assert.ok(e, `${run.model}: task ${t.index} has an event`);
        assert.ok(Math.abs(e.ts - t.start_ms * 1000) < 1e-3, `${run.model} task ${t.index}: ts`);
        assert.ok(Math.abs(e.dur - (t.end_ms - t.start_ms) * 1000) < 1e-3, `${run.model} task ${t.index}: dur`);
        const thread = trace.traceEvents.find((m) => m.ph === 'M' && m.name === 'thread_name' && m.pid === pid && m.tid === e.tid);
        assert.ok(thread?.args?.name.startsWith(t.lane), `${run.model} task ${t.index}: on its lane's thread`);
      }
      const wall = trace.traceEvents.find((e) => e.ph === 'X' && e.pid === pid && e.name === 'wall time');
      assert.ok(Math.abs(wall.dur - run.wall_ms * 1000) < 1e-3, `${run.model}: wall time`);
    });

    // Keyboard: one tab stop, arrows move between tasks, the details follow.
    await page.focus(`${CHART} g.ct-task[tabindex="0"]`);
    const first = await page.evaluate(() => document.activeElement.dataset.task);
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement.dataset.task);
    assert.notEqual(second, first, 'ArrowRight moves to the next task');
    assert.match(await page.textContent('[data-testid=combined-details]'), new RegExp(`task ${second}: [\\d.]+–[\\d.]+ ms`));
    await page.keyboard.press('ArrowDown');
    const lane = await page.evaluate(() => document.activeElement.closest('g.ct-group').dataset.model);
    assert.equal(lane, 'threads', 'ArrowDown moves to the next lane (the next model here)');

    // The SVG export keeps the chart's lanes and parses.
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=svg-combined-timeline]')]);
    const svg = await readFile(await file.path(), 'utf8');
    const ok = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return doc.querySelector('parsererror') === null && doc.querySelectorAll('g.ct-group').length;
    }, svg);
    assert.equal(ok, MODELS.length, 'the exported SVG parses, with a group per model');
  }));

test('replay: plays from 0 at the chosen speed, the slider shows any moment; reduced motion shows the end at once', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'replay', async (page) => {
    const results = await runThree(page);
    const full = (await drawn(page)).segments;
    // State, drawn segments and playhead read together (a replay moves on between reads).
    const snap = () => page.evaluate(() => ({
      state: document.querySelector('[data-testid=replay]').dataset.state,
      segments: Number(document.querySelector('[data-testid=combined-timeline]').dataset.segments),
      playhead: document.querySelector('[data-testid=combined-timeline] g.playhead')?.dataset.ms ?? null,
    }));
    assert.deepEqual(await snap(), { state: 'end', segments: full, playhead: null });

    // 1/100x: a run of tens of ms takes seconds, so it is still early when read.
    await page.selectOption('[data-testid=replay-speed]', '0.01');
    await page.click('[data-testid=replay-play]');
    await page.waitForSelector('[data-testid=replay][data-state=playing]', { timeout: 5_000 });
    const early = await snap();
    assert.ok(early.state !== 'playing' || early.segments < full, `the replay starts from 0: ${JSON.stringify(early)}`);
    await page.click('[data-testid=replay-play]');
    await page.waitForSelector('[data-testid=replay]:is([data-state=paused], [data-state=end])', { timeout: 5_000 });

    // The slider holds the moment: the tasks that had started by then are drawn (cut there),
    // plus the overheads, which are not part of the race.
    const duration = Math.max(...results.runs.map((r) => Math.max(r.wall_ms, ...r.tasks.map((t) => t.end_ms))));
    const at = duration / 2;
    await page.$eval('[data-testid=replay-scrub]', (el, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, at);
    await page.waitForSelector('[data-testid=replay][data-state=paused]', { timeout: 5_000 });
    const started = results.runs.reduce((n, r) => n + r.tasks.filter((t) => t.start_ms < at).length, 0);
    const overheads = results.runs.reduce((n, r) => n + Object.keys(r.overheads_ms).length, 0);
    const held = await snap();
    assert.equal(held.segments, started + overheads, `at ${at} ms: the tasks started by then`);
    assert.ok(Math.abs(Number(held.playhead) - at) < 1e-6, `the playhead is at ${at} ms: ${held.playhead}`);

    // 1x from there to the end: the whole run again.
    await page.selectOption('[data-testid=replay-speed]', '1');
    await page.click('[data-testid=replay-play]');
    await page.waitForSelector('[data-testid=replay][data-state=end]', { timeout: 10_000 });
    assert.deepEqual(await snap(), { state: 'end', segments: full, playhead: null }, 'the replay ends with the whole run');

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.selectOption('[data-testid=replay-speed]', '0.01');
    await page.click('[data-testid=replay-play]');
    assert.deepEqual(await snap(), { state: 'end', segments: full, playhead: null }, 'reduced motion: the end state at once');
  }));

test('results where the eye is at 800x700: a Run click scrolls to the run status, the comparison chart in view after the run', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'layout-800', async (page) => {
    // Up to 1100 px the results sit under the settings and the browser panel, off the first
    // screen: a click on Run used to change nothing in view while the run went on below.
    await page.setViewportSize({ width: 800, height: 700 });
    await page.goto(`${s.server.url}/?${QUERY}`);
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    assert.equal(await inView(page, '[data-testid=run-phase]'), false, 'the run status is below the window at load');
    await page.click(sel.run);
    await waitForFinished(page);
    await page.waitForSelector('[data-testid=comparison-chart]', { timeout: WAIT_MS });
    // The scroll is smooth: give it time to end.
    await page.waitForFunction(() => new Promise((done) => {
      const y = scrollY;
      setTimeout(() => done(scrollY === y), 200);
    }), null, { timeout: WAIT_MS });
    assert.ok(await page.evaluate(() => scrollY) > 0, 'the page scrolled');
    assert.ok(await inView(page, '[data-testid=run-phase]'), 'the run status is in view');
    assert.ok(await inView(page, '[data-testid=comparison-chart]'), 'the comparison chart is in view');
  }));

/** Whether the whole element is inside the viewport (no scrolling needed to see it). */
function inView(page, selector) {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  });
}

test('results where the eye is: Run in view at load, both charts in view after a run (1280x900)', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'layout', async (page) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${s.server.url}/?${QUERY}`);
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    assert.ok(await inView(page, sel.run), 'the Run button is in view at load');
    await page.click(sel.run);
    await waitForFinished(page);
    await page.waitForSelector(CHART, { timeout: WAIT_MS });
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');
    assert.ok(await inView(page, '[data-testid=comparison-chart]'), 'the comparison chart is in view');
    assert.ok(await inView(page, CHART), 'the combined timeline is in view');
    assert.ok(await inView(page, sel.run), 'Run is still in view');

    // Phone width: the page does not scroll sideways (the chart scrolls in its own box).
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than a phone`);
    // Dark mode: the chart's words follow the page's colours.
    await page.emulateMedia({ colorScheme: 'dark' });
    const [text, bg] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('[data-testid=combined-timeline] .model-name')).fill,
      getComputedStyle(document.body).backgroundColor,
    ]);
    assert.notEqual(text, bg);
    assert.equal(text, 'rgb(230, 232, 235)', 'light text on the dark page');
  }));

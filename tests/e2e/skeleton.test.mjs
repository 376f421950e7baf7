// skeleton.test.mjs — owns the end-to-end checks of the walking skeleton: cross-origin
// isolation and the thread pool, fib results under every model, URL validation messages,
// the embed messages, the JSON download, and the fallback when the page is not isolated.
//
// Runs against the built app in dist/ (trunk build --release) in the engine driver.mjs selects.
// One isolated server, one non-isolated server and one browser for the whole file; each
// test opens its own page. Waits are on the app's DOM contract (see app.mjs), never sleeps.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useSuite } from './suite.mjs';
import { downloadJson, screenshot, checkedPage } from './browser.mjs';
import { useNoDipBrowser } from './fresh.mjs';
import {
  SCHEMA, MODELS, WAIT_MS, sel, waitForPool, waitForFinished, resultCards, runOf,
  assertFibRunOk, anyOverlap, lanesOf, runEmbedded,
} from './app.mjs';

const TIMEOUT = 120_000;

const s = useSuite();

const withPage = (name, body) => checkedPage(s.browser, name, body);
const noDip = useNoDipBrowser(s);

const textOf = async (page, selector) => (await page.textContent(selector))?.trim();

test('a. the page is cross-origin isolated, and the thread pool waits for the first run', { timeout: TIMEOUT }, () =>
  withPage('isolation', async (page) => {
    await page.goto(`${s.server.url}/`);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'crossOriginIsolated');
    await waitForPool(page, 'on-demand');
    assert.equal(await textOf(page, sel.envIsolated), 'yes', 'env-isolated');
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    assert.ok(await page.has(sel.phase('idle')), 'no autorun: the run phase stays idle');
  }));

test('b. fib(32) x 8 under every model: right values, lanes and overlap', { timeout: TIMEOUT }, () =>
  withPage('results', async (page) => {
    // n=32 x 8 (about 4 ms a task, 16 ms on each of 2 threads). fib(25) takes about 0.15 ms,
    // less than it takes rayon to wake its second thread, so the thread tasks overlapped in
    // only 1 run of 10; fib(30) x 6 (1.5 ms a task) overlapped in 20 of 20 here, but in CI
    // (2026-11-27) once not at all, one thread's 9 ms of work fitting into the other's pause.
    // Overlap must be seen, not hoped for.
    const n = 32;
    const tasks = 8;
    await page.goto(
      `${s.server.url}/?workload=fib&models=sequential,threads,async&n=${n}&tasks=${tasks}&threads=2&repeat=1&autorun=1`,
    );
    await waitForFinished(page);
    await screenshot(page, 'results');

    assert.deepEqual(await resultCards(page), MODELS.map((model) => ({ model, status: 'ok' })), 'result cards');

    const results = await downloadJson(page, sel.download);
    assert.equal(results.schema, SCHEMA);
    // The page's own answer against the known value (assertFibRunOk checks every task
    // against the test's fib helper).
    assert.equal(runOf(results, 'sequential').tasks[0].value, '2178309', 'fib(32) as the page computed it');
    assert.deepEqual(results.runs.map((r) => r.model), MODELS, 'one run per model, in order');
    for (const model of MODELS) assertFibRunOk(runOf(results, model), { n, tasks });

    const threads = runOf(results, 'threads');
    const threadLanes = lanesOf(threads);
    assert.ok(threadLanes.every((l) => /^thread-\d+$/.test(l)), `threads lanes: ${threadLanes}`);
    assert.ok(threadLanes.length >= 2, `threads used ${threadLanes.length} lane(s): ${threadLanes}`);
    assert.ok(anyOverlap(threads.tasks), 'threads: no two tasks overlapped in time');

    for (const model of ['sequential', 'async']) {
      assert.deepEqual(lanesOf(runOf(results, model)), ['engine'], `${model} lanes`);
    }
    assert.ok(!anyOverlap(runOf(results, 'sequential').tasks), 'sequential tasks overlapped in time');
    // Speedups are deliberately not asserted: timing belongs in benchmarks.
  }));

test('c. invalid URL values are named, and the run uses the defaults', { timeout: TIMEOUT }, () =>
  withPage('config-errors', async (page) => {
    await page.goto(`${s.server.url}/?n=abc&threads=0&models=threads,bogus&tasks=4&autorun=1`);
    await waitForFinished(page);

    const messages = (await page.$$eval(sel.configErrors, (lis) => lis.map((li) => li.textContent.trim())));
    assert.equal(messages.length, 3, `one message per bad key, got:\n${messages.join('\n')}`);
    const about = (key) => messages.filter((m) => new RegExp(`^${key}\\b`).test(m));
    for (const [key, bad] of [['n', 'abc'], ['threads', '0'], ['models', 'bogus']]) {
      const found = about(key);
      assert.equal(found.length, 1, `exactly one message about ${key}, got:\n${messages.join('\n')}`);
      assert.ok(found[0].includes(bad), `the ${key} message quotes the bad value ${bad}: ${found[0]}`);
    }

    // The UI falls back to each key's default: n=35, threads=2, all three models.
    assert.equal(await page.inputValue(sel.field('n')), '35', 'field-n shows the default');
    assert.equal(await page.inputValue(sel.field('threads')), '2', 'field-threads shows the default');
    assert.equal(await page.inputValue(sel.field('tasks')), '4', 'field-tasks keeps the valid value');
    for (const model of MODELS) assert.ok(await page.isChecked(sel.model(model)), `model-${model} checked`);

    assert.deepEqual(await resultCards(page), MODELS.map((model) => ({ model, status: 'ok' })), 'result cards');
    const results = await downloadJson(page, sel.download);
    assert.equal(results.config.n, 35);
    assert.equal(results.config.threads, 2);
    assert.equal(results.config.tasks, 4);
    assert.deepEqual(results.config.models, MODELS);
    for (const model of MODELS) assertFibRunOk(runOf(results, model), { n: 35, tasks: 4 });
  }));

test('d. embedded in an iframe, the app posts ready and run-finished', { timeout: TIMEOUT }, () =>
  withPage('embed', async (page) => {
    const src = '/?n=22&tasks=4&threads=2&autorun=1';
    await page.goto(`${s.server.url}/__fixtures/embed-parent.html?src=${encodeURIComponent(src)}`);
    await page.waitForFunction(
      () => window.__messages.some((m) => m.type === 'ready')
        && window.__messages.some((m) => m.type === 'run-finished'),
      null,
      { timeout: WAIT_MS },
    );
    const messages = await page.evaluate(() => window.__messages);
    const types = messages.map((m) => m.type);
    assert.equal(types.filter((t) => t === 'ready').length, 1, `one ready message: ${types}`);
    assert.ok(types.indexOf('ready') < types.indexOf('run-finished'), `ready before run-finished: ${types}`);
    const finished = messages.filter((m) => m.type === 'run-finished');
    assert.equal(finished.length, 1, `one run, one run-finished: ${types}`);

    const results = finished[0].payload;
    assert.equal(results.schema, SCHEMA);
    assert.equal(results.runs[0].tasks[0].value, '17711', 'fib(22) as the embedded page computed it');
    assert.equal(results.environment.cross_origin_isolated, true, 'the iframe of an isolated page is isolated');
    assert.deepEqual(results.runs.map((r) => r.model), MODELS, 'default models');
    for (const run of results.runs) assertFibRunOk(run, { n: 22, tasks: 4 });
  }));

test('e. Run button, then the download matches what is shown', { timeout: TIMEOUT }, () =>
  withPage('download', async (page) => {
    await page.goto(`${s.server.url}/?models=sequential,threads,async&n=27&tasks=4&threads=2`);
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    assert.ok(await page.has(sel.phase('idle')), 'idle before Run');

    // Record, on every DOM change, whether the Run button was enabled while running.
    await page.evaluate(([runSel, phaseSel]) => {
      const seen = (window.__runWhileRunning = { disabled: 0, enabled: 0 });
      new MutationObserver(() => {
        const phase = document.querySelector(phaseSel)?.getAttribute('data-phase');
        const button = document.querySelector(runSel);
        if (phase === 'running' && button) seen[button.disabled ? 'disabled' : 'enabled'] += 1;
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    }, [sel.run, sel.phase()]);

    await page.click(sel.run);
    await waitForFinished(page);
    const seen = await page.evaluate(() => window.__runWhileRunning);
    assert.ok(seen.disabled > 0, 'saw the running phase with the Run button disabled');
    assert.equal(seen.enabled, 0, 'the Run button was enabled while a run was in progress');
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });

    const cards = await resultCards(page);
    assert.deepEqual(cards.map((c) => c.model), MODELS, 'one card per model');
    const results = await downloadJson(page, sel.download);
    assert.equal(results.schema, SCHEMA);
    assert.equal(results.runs.length, cards.length, 'runs in the JSON vs cards shown');
    assert.deepEqual(
      results.runs.map((r) => ({ model: r.model, status: r.status })),
      cards,
      'models and statuses in the JSON vs the cards shown',
    );
    assert.deepEqual(results.config.models, MODELS);
    for (const run of results.runs) assertFibRunOk(run, { n: 27, tasks: 4 });
  }));

test('f. embedded in a page that is not isolated: threads is skipped with a reason, the others run', { timeout: TIMEOUT }, () =>
  checkedPage(noDip.browser, 'not-isolated', async (page) => {
    // The app's service worker makes its own page isolated after one reload (see
    // deploy.test.mjs); in a browser without Document-Isolation-Policy (Firefox, Safari, here
    // Chromium with the feature off) an iframe in a parent without COOP/COEP can never be.
    const n = 20;
    const { results } = await runEmbedded(page, s.plainServer.url, `models=sequential,threads,async&n=${n}&tasks=4&threads=2&autorun=1`);
    const frame = page.childFrames()[0];
    assert.equal(await frame.evaluate(() => crossOriginIsolated), false, 'crossOriginIsolated');
    assert.equal(await frame.textContent(sel.envIsolated), 'no', 'env-isolated');
    assert.ok(await frame.has(sel.pool('unavailable')), 'pool-status unavailable');
    assert.ok(await frame.has('[data-testid=isolation-banner]'), 'the banner explains why');

    assert.equal(results.schema, SCHEMA);
    assert.equal(results.environment.cross_origin_isolated, false);
    assert.equal(results.environment.threads_available, false);
    assert.deepEqual(results.runs.map((r) => r.model), MODELS, 'a skipped model is reported, not dropped');
    const threads = runOf(results, 'threads');
    assert.equal(threads.status, 'skipped');
    assert.equal(typeof threads.skipped_reason, 'string', 'skipped_reason is a string');
    assert.ok(threads.skipped_reason.trim().length > 0, 'skipped_reason is not empty');
    for (const model of ['sequential', 'async']) assertFibRunOk(runOf(results, model), { n, tasks: 4 });
  }));

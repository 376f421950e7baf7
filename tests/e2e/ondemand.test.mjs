// ondemand.test.mjs — owns the end-to-end checks that the engine starts on demand: a plain load
// (top level or embedded) requests neither the engine's script nor its WebAssembly, the
// "Your browser" panel says what is known before a run and what the run found after it, the
// first run starts the engine (threads on 2 overlapping lanes, its start reported on its own),
// the run status names the start and Stop works during it, `ready` reaches an embedding page
// without an engine, a page that is not isolated shows its banner at load, a pointer on Run
// (or focus) starts the engine early, and a run whose models need no engine (fetch on the
// page, main-thread) neither starts one nor waits for one. What the server was asked for comes from the test
// server's own request log (server.mjs: responses are never cached, so every load reaches it).
// The reducer's side is tested natively (crates/core/src/state/engine_tests.rs). Chromium only (not in
// scripts/test.sh's Firefox list): it reads frames through Playwright's own frame.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { useSuite } from './suite.mjs';
import { downloadJson, checkedPage } from './browser.mjs';
import { useNoDipBrowser } from './fresh.mjs';
import { startServer } from './server.mjs';
import { WAIT_MS, sel, waitForPool, waitForFinished, runOf, assertFibRunOk, anyOverlap, lanesOf } from './app.mjs';

const TIMEOUT = 120_000;
/** The engine's files: the loader shim the page starts, its glue, its module. */
const ENGINE_FILE = /\/(engine_loader\.js|engine\.js|engine_bg\.wasm)$/;
/**
 * How long a page is left alone before checking that it requested no engine: an absence can
 * only be seen over time. Before this change the engine was requested right after the server
 * started, within a few ms of the Run button being enabled.
 */
const QUIET_MS = 1500;
/** How long the slow server holds the engine's module back (the Stop test). */
const SLOW_ENGINE_MS = 4000;

const s = useSuite();
const noDip = useNoDipBrowser(s);

// A server of its own whose engine module arrives late: a run then waits visibly for it.
let slow;
before(async () => {
  slow = await startServer({ isolated: true, delay: (p) => (p.endsWith('/engine_bg.wasm') ? SLOW_ENGINE_MS : 0) });
});
after(async () => {
  await slow?.close();
});

/** The engine files `server` was asked for since request number `from`. */
const engineRequests = (server, from) => server.requests.slice(from).filter((r) => ENGINE_FILE.test(r.path));

const text = async (page, selector) => (await page.textContent(selector))?.trim();

test('a plain load requests no engine; the panel says what is known; the first run starts it and runs threads on 2 lanes', {
  timeout: TIMEOUT,
}, () =>
  checkedPage(s.browser, 'ondemand-first-run', async (page) => {
    const from = s.server.requests.length;
    // fib(32) x 8: ~16 ms on each thread, enough that the two threads' tasks overlap.
    await page.goto(`${s.server.url}/?models=sequential,threads&n=32&tasks=8&threads=2&repeat=1`);
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    await waitForPool(page, 'on-demand');
    await page.waitForTimeout(QUIET_MS);
    assert.deepEqual(engineRequests(s.server, from), [], 'no engine file on a plain load');
    assert.ok(s.server.requests.slice(from).some((r) => r.path.endsWith('/app_bg.wasm')), 'the log sees the page load');

    // Before a run: isolation, cores, and that the engine and its pool start with the run.
    assert.equal(await text(page, sel.envIsolated), 'yes');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    assert.equal(await text(page, '[data-testid=env-cores]'), String(cores));
    assert.match(await text(page, sel.pool()), /^possible here; not started yet: the engine starts a pool of 2 threads with the first run that needs it$/);
    assert.match(await text(page, '[data-testid=env-engine]'), /^not loaded yet: it is downloaded and started with the first run that needs it$/);
    assert.equal(await page.has('[data-testid=isolation-banner]'), false);
    assert.equal(await page.has('[data-testid=engine-banner]'), false);

    await page.click(sel.run);
    await waitForFinished(page);
    const results = await downloadJson(page, sel.download);
    for (const model of ['sequential', 'threads']) assertFibRunOk(runOf(results, model), { n: 32, tasks: 8 });
    const threads = runOf(results, 'threads');
    assert.deepEqual(lanesOf(threads), ['thread-1', 'thread-2'], 'threads ran on both pool threads');
    assert.ok(anyOverlap(threads.tasks), 'two thread tasks overlapped in time');
    // The pool's start and warm-up are reported on their own, outside the models' times.
    assert.equal(results.environment.threads_available, true);
    assert.equal(results.environment.pool_threads, 2);
    assert.ok(results.environment.pool_start_ms > 0, `pool_start_ms ${results.environment.pool_start_ms}`);
    assert.ok(threads.overheads_ms.pool_start > 0 && threads.overheads_ms.warm_up >= 0, JSON.stringify(threads.overheads_ms));

    // After the run: what the page says today about a started pool.
    assert.match(await text(page, sel.pool('ready')), /^available: 2 threads, started in \d+ ms, warmed up in \d+ ms$/);
    assert.match(await text(page, '[data-testid=env-engine]'), /^loaded in \d+ ms$/);
    const engine = engineRequests(s.server, from).map((r) => r.path);
    assert.equal(engine.filter((p) => p.endsWith('/engine_loader.js')).length, 1, `one engine started: ${engine}`);
    assert.ok(engine.some((p) => p.endsWith('/engine_bg.wasm')), `the run loaded the engine: ${engine}`);
  }));

test('while the first run starts the engine, the status says so, and Stop ends the run', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'ondemand-stop', async (page) => {
    await page.goto(`${slow.url}/?models=sequential,threads&n=20&tasks=4&threads=2&repeat=1`);
    await page.click(`${sel.run}:enabled`, { timeout: WAIT_MS });
    await page.waitForSelector(sel.phase('preparing'), { state: 'attached', timeout: WAIT_MS });
    assert.match(await text(page, sel.phase()), /^Starting the engine and its 2 threads \(not counted in any model's time\)…$/);
    assert.equal(await page.has(sel.pool('starting')), true, 'the panel says the pool is starting');
    assert.equal(await page.isDisabled(sel.run), true, 'one run at a time');
    await page.click('[data-testid=stop]');
    await waitForFinished(page);
    const stopped = await downloadJson(page, sel.download);
    assert.deepEqual(stopped.runs.map((r) => [r.model, r.status]), [['sequential', 'cancelled'], ['threads', 'cancelled']]);
    assert.equal(stopped.environment.threads_available, false);
    assert.match(stopped.environment.threads_unavailable_reason, /stopped while the engine and its pool were starting/);

    // The engine went on starting: the next run uses it.
    await waitForPool(page, 'ready');
    await page.click(`${sel.run}:enabled`);
    await page.waitForSelector(`${sel.result('threads')}[data-status=ok]`, { state: 'attached', timeout: WAIT_MS });
    await waitForFinished(page);
    const again = await downloadJson(page, sel.download);
    for (const model of ['sequential', 'threads']) assertFibRunOk(runOf(again, model), { n: 20, tasks: 4 });
  }));

test('an embedding page hears `ready` without any engine request; Run then starts the engine', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'ondemand-embed', async (page) => {
    const from = s.server.requests.length;
    const src = '/?embed=1&models=sequential,threads&n=20&tasks=4&threads=2&repeat=1';
    await page.goto(`${s.server.url}/__fixtures/embed-parent.html?src=${encodeURIComponent(src)}`);
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'ready'), null, { timeout: WAIT_MS });
    await page.waitForTimeout(QUIET_MS);
    assert.deepEqual(engineRequests(s.server, from), [], 'ready came, and no engine was requested');
    const readyAt = await page.evaluate(() => window.__messageTimes[window.__messages.findIndex((m) => m.type === 'ready')]);

    const frame = page.childFrames()[0];
    await frame.click(`${sel.run}:enabled`);
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'run-finished'), null, { timeout: WAIT_MS });
    const engine = engineRequests(s.server, from);
    assert.ok(engine.length > 0 && engine.every((r) => r.at >= readyAt), `the engine came after ready: ${JSON.stringify(engine)}`);
    const types = await page.evaluate(() => window.__messages.map((m) => m.type));
    assert.equal(types.filter((t) => t === 'ready').length, 1, `one ready: ${types}`);
    const results = (await page.evaluate(() => window.__messages.find((m) => m.type === 'run-finished').payload));
    for (const model of ['sequential', 'threads']) assertFibRunOk(runOf(results, model), { n: 20, tasks: 4 });
  }));

test('a page that is not isolated shows its banner at load, without starting an engine', { timeout: TIMEOUT }, () =>
  checkedPage(noDip.browser, 'ondemand-not-isolated', async (page) => {
    const from = s.plainServer.requests.length;
    const src = '/?models=sequential,threads&n=20&tasks=4&threads=2&repeat=1';
    await page.goto(`${s.plainServer.url}/__fixtures/embed-parent.html?src=${encodeURIComponent(src)}`);
    const frame = await (await page.waitForSelector('#app')).contentFrame();
    await frame.waitForSelector('[data-testid=isolation-banner]', { timeout: WAIT_MS });
    assert.equal(await frame.evaluate(() => crossOriginIsolated), false);
    assert.match(await frame.textContent('[data-testid=isolation-banner]'), /^Threads are off here\. .*not cross-origin isolated/);
    assert.match(await frame.textContent(sel.pool('unavailable')), /^unavailable: this page is embedded in another page and is not cross-origin isolated/);
    assert.match(await frame.textContent('[data-testid=env-engine]'), /^not loaded yet/);
    await frame.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    await page.waitForTimeout(QUIET_MS);
    assert.deepEqual(engineRequests(s.plainServer, from), [], 'threads are known to be off without an engine');

    // The run starts the engine for the models that need no threads; the banner stays.
    await frame.click(sel.run);
    await frame.waitForSelector(sel.phase('finished'), { state: 'attached', timeout: WAIT_MS });
    assert.equal(await frame.getAttribute(sel.result('sequential'), 'data-status'), 'ok');
    assert.equal(await frame.getAttribute(sel.result('threads'), 'data-status'), 'skipped');
    assert.ok(await frame.$('[data-testid=isolation-banner]'), 'the banner is still there');
    assert.ok(engineRequests(s.plainServer, from).length > 0, 'the run started the engine');
  }));

test('a pointer on Run (or focus) starts the engine before the click', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'ondemand-intent', async (page) => {
    const from = s.server.requests.length;
    await page.goto(`${s.server.url}/?models=threads&n=20&tasks=4&threads=2&repeat=1`);
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    await waitForPool(page, 'on-demand');
    await page.focus(sel.run);
    await waitForPool(page, 'ready');
    assert.ok(await page.has(sel.phase('idle')), 'focus starts no run');
    assert.ok(engineRequests(s.server, from).length > 0);
    await page.click(sel.run);
    await waitForFinished(page);
    const results = await downloadJson(page, sel.download);
    assertFibRunOk(runOf(results, 'threads'), { n: 20, tasks: 4 });
    const engine = engineRequests(s.server, from).filter((r) => r.path.endsWith('/engine_loader.js'));
    assert.equal(engine.length, 1, 'the run used the engine the focus started');
  }));

test('a run whose models need no engine (fetch on the page, main-thread) neither starts one nor waits for it', {
  timeout: TIMEOUT,
}, () =>
  checkedPage(s.browser, 'ondemand-page-only', async (page) => {
    const from = s.server.requests.length;
    // The async-io lesson's models: both fetch models wait on the page; main-thread blocks it.
    await page.goto(`${s.server.url}/?workload=fetch&models=sequential,async,main-thread&requests=6&latency=50&threads=2`);
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    await page.focus(sel.run);
    await page.click(sel.run);
    await waitForFinished(page);
    const results = await downloadJson(page, sel.download);
    for (const model of ['sequential', 'async', 'main-thread']) {
      const run = runOf(results, model);
      assert.equal(run.status, 'ok', `${model}: ${JSON.stringify(run)}`);
      assert.equal(run.error, null, `${model}: ${run.error}`);
      assert.equal(run.tasks.length, 6, model);
      for (const t of run.tasks) {
        assert.equal(t.status, 'ok', `${model} task ${t.index}: ${t.error}`);
        assert.ok(t.end_ms - t.start_ms >= 49, `${model} task ${t.index} waited ${t.end_ms - t.start_ms} ms`);
        // A blocking request from the page never reaches the service worker: main-thread
        // blocks on a timer instead, and says so.
        assert.equal(t.simulated_wait === true, model === 'main-thread', `${model} task ${t.index}: simulated_wait`);
      }
    }
    // Threads could run here; no pool was started, and none was used.
    assert.equal(results.environment.threads_available, true);
    assert.equal(results.environment.pool_threads, null);
    assert.equal(results.environment.engine_round_trip_ms, null);
    await page.waitForTimeout(QUIET_MS);
    assert.deepEqual(engineRequests(s.server, from), [], 'no engine file for this run, nor for the focus on Run');
    await waitForPool(page, 'on-demand');

    // A model that runs in the engine starts it with the next run.
    await page.click(sel.model('threads'));
    await page.click(sel.run);
    await page.waitForSelector(`${sel.result('threads')}[data-status=ok]`, { state: 'attached', timeout: WAIT_MS });
    await waitForPool(page, 'ready');
    assert.ok(engineRequests(s.server, from).some((r) => r.path.endsWith('/engine_bg.wasm')), 'the engine was loaded');
  }));

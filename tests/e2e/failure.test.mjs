// failure.test.mjs — owns the end-to-end checks of a worker that fails: with the engine's
// WebAssembly module or its script missing on the host, the page names the failure in the pool
// status within seconds of the first run (which starts the engine) instead of "starting"
// forever, the run still runs the model that needs no engine (`main-thread`) and ends every
// engine and process model with the failure as its error, an embedding page gets its
// `run-finished` as for any failed run, and once the file is back the next run starts a fresh
// engine; on a page that is not isolated, the engine's failure leads the page (the engine
// banner), not the isolation notice. (A host whose Content-Security-Policy refuses blob:
// workers: deploy.test.mjs.)
// The worker-failure logic itself is tested natively (crates/core/src/runner/failure.rs,
// waiters_tests.rs). Chromium only (not in scripts/test.sh's Firefox list): the texts checked
// quote Chromium's error events.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { useSuite, DIST } from './suite.mjs';
import { downloadJson, checkedPage } from './browser.mjs';
import { useNoDipBrowser } from './fresh.mjs';
import { startServer } from './server.mjs';
import { WAIT_MS, sel, waitForPool, waitForFinished, runOf, assertFibRunOk, runEmbedded } from './app.mjs';

const TIMEOUT = 120_000;
/** The failure must show soon, not after a long time-out. */
const FAILURE_SHOWN_MS = 10_000;

const s = useSuite();
const noDip = useNoDipBrowser(s);

// A copy of the built site per missing file, each on its own server: a missing file is
// then missing for every request (the page's, its workers', past the service worker), with
// no routing that a service worker might bypass. Each server is a new origin, so no service
// worker of another test answers there.
const sites = {};
before(async () => {
  for (const file of ['engine_bg.wasm', 'engine.js']) {
    const root = await mkdtemp(path.join(tmpdir(), 'cp-failure-'));
    const gone = new Set([file, `${file}.br`]);
    await cp(DIST, root, { recursive: true, filter: (src) => !gone.has(path.basename(src)) });
    sites[file] = {
      root,
      server: await startServer({ root, isolated: true }),
      // The same copy from a host without isolation headers.
      plain: await startServer({ root, isolated: false }),
    };
  }
});
after(async () => {
  for (const { root, server, plain } of Object.values(sites)) {
    await server.close();
    await plain.close();
    await rm(root, { recursive: true, force: true });
  }
});

const ENGINE_FAILED = /^the engine worker failed: /;
// What each missing file makes the browser say: the module's loader throws on the 404 of the
// WebAssembly (an ErrorEvent), a missing script is a plain `error` event.
const WHY = {
  'engine_bg.wasm': /it stopped with an error: Uncaught Error: failed to fetch Wasm: 404 .*engine_bg\.wasm.* \(at engine\.js:\d+\)/,
  'engine.js': /its script could not be loaded/,
};
// The browser logs the 404s itself; nothing else may reach the console.
const ALLOW = [/Failed to load resource: the server responded with a status of 404/];

const QUERY = 'models=sequential,threads,async,processes,main-thread&n=20&tasks=4&threads=2&repeat=1';

for (const file of Object.keys(WHY)) {
  test(`with ${file} missing, the page names the engine's failure and still runs what needs no engine`, {
    timeout: TIMEOUT,
  }, () =>
    checkedPage(s.browser, `failure-${file}`, async (page) => {
      const { server, root } = sites[file];
      await page.goto(`${server.url}/?${QUERY}`);
      // The engine starts with the first run: nothing is missed before it.
      await waitForPool(page, 'on-demand');
      assert.equal(await page.$('[data-testid=engine-banner]'), null, 'no engine, no failure yet');
      const t0 = Date.now();
      await page.click(`${sel.run}:enabled`);
      await page.waitForSelector(sel.pool('unavailable'), { state: 'attached', timeout: FAILURE_SHOWN_MS });
      const shownMs = Date.now() - t0;
      const status = await page.textContent(sel.pool());
      assert.match(status, /unavailable: the engine worker failed: /, status);
      assert.match(status, WHY[file], status);
      // The page is isolated: the banner blames the engine, not isolation.
      const banner = await page.textContent('[data-testid=engine-banner]');
      assert.match(banner, /^The engine could not start\. /, banner);
      assert.match(banner, WHY[file], banner);
      assert.equal(await page.$('[data-testid=isolation-banner]'), null, 'no "threads are off: not isolated" banner');

      await waitForFinished(page);
      const results = await downloadJson(page, sel.download);
      assertFibRunOk(runOf(results, 'main-thread'), { n: 20, tasks: 4 });
      for (const model of ['sequential', 'threads', 'async']) {
        const run = runOf(results, model);
        assert.equal(run.status, 'failed', `${model}: ${JSON.stringify(run)}`);
        assert.match(run.error, ENGINE_FAILED, `${model}: ${run.error}`);
        assert.match(run.error, WHY[file], `${model}: ${run.error}`);
        const card = await page.textContent(sel.result(model));
        assert.ok(card.includes(`Failed: ${run.error}`), `${model}'s card names the failure: ${card}`);
      }
      // The process workers are the same binary: they fail to load too, named as processes.
      const processes = runOf(results, 'processes');
      assert.equal(processes.status, 'failed');
      assert.match(processes.error, /^process \d failed: /, processes.error);
      assert.match(processes.error, WHY[file], processes.error);
      assert.equal(results.environment.threads_available, false);
      assert.match(results.environment.threads_unavailable_reason, ENGINE_FAILED);
      console.log(`${file} missing: shown ${shownMs} ms after pressing Run: ${status}`);

      // The file is back (the host was fixed): the next run on this page starts a new
      // engine instead of reusing the failed one, and every model runs.
      await copyFile(path.join(DIST, file), path.join(root, file));
      try {
        await page.click(`${sel.run}:enabled`);
        await page.waitForSelector(`${sel.result('sequential')}[data-status=ok]`, { state: 'attached', timeout: WAIT_MS });
        await waitForFinished(page);
        await waitForPool(page, 'ready');
      } finally {
        await rm(path.join(root, file));
      }
      const again = await downloadJson(page, sel.download);
      for (const model of ['sequential', 'threads', 'async', 'processes', 'main-thread']) {
        assertFibRunOk(runOf(again, model), { n: 20, tasks: 4 });
      }
      assert.equal(again.environment.threads_available, true);
    }, { allow: ALLOW }));
}

test('an embedding page gets `ready` and `run-finished` as for any failed run when the engine fails', {
  timeout: TIMEOUT,
}, () =>
  checkedPage(s.browser, 'failure-embed', async (page) => {
    const file = 'engine_bg.wasm';
    const { messages, results } = await runEmbedded(
      page, sites[file].server.url, 'autorun=1&models=sequential,main-thread&n=20&tasks=4&repeat=1');
    const types = messages.map((m) => m.type);
    assert.ok(types.indexOf('ready') >= 0 && types.indexOf('ready') < types.indexOf('run-finished'), `${types}`);
    assert.equal(results.schema, 'concurrency-playground/results@1');
    const sequential = runOf(results, 'sequential');
    assert.equal(sequential.status, 'failed');
    assert.match(sequential.error, ENGINE_FAILED);
    assert.match(sequential.error, WHY[file]);
    assertFibRunOk(runOf(results, 'main-thread'), { n: 20, tasks: 4 });
  }, { allow: ALLOW }));

test('with engine_bg.wasm missing on a page that is not isolated, the engine banner leads, not the isolation notice', {
  timeout: TIMEOUT,
}, () =>
  checkedPage(noDip.browser, 'failure-not-isolated', async (page) => {
    const file = 'engine_bg.wasm';
    // A frame of a page without isolation, in a Chromium without Document-Isolation-Policy: the
    // one way this suite gets a page that is not isolated (a top-level page on localhost gets
    // its headers from the service worker).
    const src = '/?models=sequential,threads,main-thread&n=20&tasks=4&threads=2&repeat=1';
    await page.goto(`${sites[file].plain.url}/__fixtures/embed-parent.html?src=${encodeURIComponent(src)}`);
    const frame = await (await page.waitForSelector('#app')).contentFrame();
    await frame.waitForSelector('[data-testid=isolation-banner]', { timeout: WAIT_MS });
    assert.equal(await frame.evaluate(() => crossOriginIsolated), false);
    assert.equal(await frame.$('[data-testid=engine-banner]'), null, 'no engine, no failure yet');

    await frame.click(`${sel.run}:enabled`);
    await frame.waitForSelector('[data-testid=engine-banner]', { state: 'attached', timeout: FAILURE_SHOWN_MS });
    const banner = await frame.textContent('[data-testid=engine-banner]');
    assert.match(banner, /^The engine could not start\. /, banner);
    assert.match(banner, WHY[file], banner);
    assert.match(banner, /Threads are also off here: this page is not cross-origin isolated/, banner);
    assert.equal(await frame.$('[data-testid=isolation-banner]'), null, 'the engine\'s failure leads, not the isolation notice');
    assert.match(await frame.textContent(sel.pool('unavailable')), /^unavailable: the engine worker failed: /);
    const engine = await frame.textContent('[data-testid=env-engine]');
    assert.match(engine, /^did not start: the engine worker failed: /, engine);
    assert.match(engine, WHY[file], engine);

    await frame.waitForSelector(sel.phase('finished'), { state: 'attached', timeout: WAIT_MS });
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'run-finished'), null, { timeout: WAIT_MS });
    const results = await page.evaluate(() => window.__messages.find((m) => m.type === 'run-finished').payload);
    assertFibRunOk(runOf(results, 'main-thread'), { n: 20, tasks: 4 });
    for (const model of ['sequential', 'threads']) {
      const run = runOf(results, model);
      assert.equal(run.status, 'failed', `${model}: ${JSON.stringify(run)}`);
      assert.match(run.error, ENGINE_FAILED, `${model}: ${run.error}`);
    }
    assert.ok(await frame.$('[data-testid=engine-banner]'), 'the banner stays after the run');
  }, { allow: ALLOW }));

/**
 * Keep every worker the page creates in `window.__workers` ({ url, worker }), so a test can
 * hand the page the events a failing worker sends. Rayon's helper threads start inside the
 * engine, not here.
 */
async function recordWorkers(page) {
  await page.addInitScript(() => {
    const Native = window.Worker;
    window.__workers = [];
    window.Worker = class extends Native {
      constructor(url, options) {
        super(url, options);
        window.__workers.push({ url: String(url), worker: this });
      }
    };
  });
}

/**
 * Hand worker `k` (in creation order; `kind`: `engine` or `process`) what the browser delivers
 * when a worker fails: `crash`, the ErrorEvent of a WebAssembly trap (release builds abort on
 * panic, so a panic is one); `garbage`, a message that is not the protocol's (a time of JSON
 * null, as serde_json writes NaN: the engine's TrialDone, a process's Codec). Dispatched on the
 * page's Worker object, so the page's handlers see exactly what the browser would give them;
 * a real trap cannot be provoked from outside.
 */
function fail(page, k, how, kind) {
  return page.evaluate(([k, how, kind]) => {
    const { worker } = window.__workers[k];
    const event = how === 'crash'
      ? new ErrorEvent('error', {
        message: 'Uncaught RuntimeError: unreachable', filename: `${location.origin}/engine.js`, lineno: 1, cancelable: true,
      })
      : new MessageEvent('message', {
        data: JSON.stringify(kind === 'engine'
          ? { 'trial-done': { trial_id: 1, end: { wall_ms: null, overheads_ms: {}, error: null } } }
          : { codec: { trial_id: 1, index: 0, codec_ms: null } }),
      });
    worker.dispatchEvent(event);
  }, [k, how, kind]);
}

const TRAP = 'it stopped with an error: Uncaught RuntimeError: unreachable (at engine.js:1)';
const GARBAGE = /it sent a message the page cannot read: not a message this side understands: invalid type: null, expected f64/;

for (const [how, why] of [['crash', TRAP], ['garbage', GARBAGE]]) {
  test(`an engine that fails mid-run (${how}) ends the run with the reason at once; the next run gets a new engine`, { timeout: TIMEOUT }, () =>
    checkedPage(s.browser, `failure-engine-${how}`, async (page) => {
      await recordWorkers(page);
      // Long enough (seconds on this VM) that only the failure can end it soon.
      await page.goto(`${s.server.url}/?models=sequential&n=32&tasks=200&threads=2&repeat=1`);
      await waitForPool(page, 'on-demand');
      await page.click(`${sel.run}:enabled`);
      await page.waitForSelector('[data-testid=progress-sequential]:not([value="0"])', { state: 'attached', timeout: WAIT_MS });
      const t0 = Date.now();
      await fail(page, 0, how, 'engine');
      await waitForFinished(page);
      const endedMs = Date.now() - t0;
      assert.ok(endedMs < 5_000, `the run ended ${endedMs} ms after the failure`);
      console.log(`engine ${how}: the run ended ${endedMs} ms after the failure`);
      const results = await downloadJson(page, sel.download);
      const run = runOf(results, 'sequential');
      assert.equal(run.status, 'failed');
      assert.match(run.error, ENGINE_FAILED);
      assert.ok(why instanceof RegExp ? why.test(run.error) : run.error.endsWith(why), run.error);
      const status = await page.textContent(sel.pool());
      assert.ok(status.includes(run.error), `the pool status names it: ${status}`);

      await page.fill(sel.field('tasks'), '4');
      await page.click(`${sel.run}:enabled`);
      await page.waitForSelector(`${sel.result('sequential')}[data-status=ok]`, { state: 'attached', timeout: WAIT_MS });
      await waitForFinished(page);
      assertFibRunOk(runOf(await downloadJson(page, sel.download), 'sequential'), { n: 32, tasks: 4 });
    }));
}

for (const [how, why] of [['crash', TRAP], ['garbage', GARBAGE]]) {
  test(`a process that fails mid-run (${how}) ends the run with an error naming it`, { timeout: TIMEOUT }, () =>
    checkedPage(s.browser, `failure-process-${how}`, async (page) => {
      await recordWorkers(page);
      await page.goto(`${s.server.url}/?models=processes&n=32&tasks=200&threads=2&repeat=1`);
      await waitForPool(page, 'on-demand');
      await page.click(`${sel.run}:enabled`);
      await page.waitForSelector('[data-testid=progress-processes]:not([value="0"])', { state: 'attached', timeout: WAIT_MS });
      // A run of processes alone starts no engine: workers 0 and 1 are the processes.
      const t0 = Date.now();
      await fail(page, 1, how, 'process');
      await waitForFinished(page);
      const endedMs = Date.now() - t0;
      assert.ok(endedMs < 5_000, `the run ended ${endedMs} ms after the failure`);
      console.log(`process ${how}: the run ended ${endedMs} ms after the failure`);
      const run = runOf(await downloadJson(page, sel.download), 'processes');
      assert.equal(run.status, 'failed');
      assert.match(run.error, /^process 2 failed: /, run.error);
      assert.ok(why instanceof RegExp ? why.test(run.error) : run.error.endsWith(why), run.error);
      assert.ok((await page.textContent(sel.result('processes'))).includes(`Failed: ${run.error}`));
      // Only the processes failed, and no engine was started for them.
      await waitForPool(page, 'on-demand');
    }));
}

// fetch.test.mjs — owns the end-to-end checks of the I/O workload: requests really wait on
// the simulated server (a service worker) under every model, including from rayon's worker
// threads; the models overlap requests as they claim; failures are recorded per request.
//
// The test server has no /api/delay route: a request that is not answered by the app's
// service worker gets a 404 from it. So every `ok` request below, with a duration of at
// least the configured latency, was served by the simulated server.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useSuite } from './suite.mjs';
import { downloadJson, checkedPage } from './browser.mjs';
import { MODELS, WAIT_MS, sel, waitForFinished, resultCards, runOf, lanesOf } from './app.mjs';

const TIMEOUT = 120_000;
// Chromium logs every HTTP error status and refused connection as a console error.
const NETWORK_ERRORS = [/Failed to load resource/, /ERR_CONNECTION_REFUSED/, /NetworkError/];

const s = useSuite();

/** The most tasks in progress at one instant. */
function maxInFlight(tasks) {
  const events = tasks.flatMap((t) => [[t.start_ms, 1], [t.end_ms, -1]]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let best = 0;
  for (const [, d] of events) best = Math.max(best, (now += d));
  return best;
}

async function runFetch(page, query) {
  await page.goto(`${s.server.url}/?workload=fetch&models=sequential,threads,async&autorun=1&${query}`);
  await waitForFinished(page);
  return downloadJson(page, sel.download);
}

test('20 requests x 150 ms: every model waits on the simulated server, as predicted', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'fetch-latency', async (page) => {
    const [N, L, P] = [20, 150, 5];
    const results = await runFetch(page, `requests=${N}&latency=${L}&threads=${P}`);
    assert.deepEqual(await resultCards(page), MODELS.map((model) => ({ model, status: 'ok' })));
    assert.equal(results.config.workload, 'fetch');

    for (const model of MODELS) {
      const run = runOf(results, model);
      assert.equal(run.tasks.length, N, `${model}: one task per request`);
      for (const t of run.tasks) {
        const what = `${model} request ${t.index}`;
        assert.equal(t.status, 'ok', `${what}: ${t.error}`);
        assert.equal(t.http_status, 200, what);
        assert.equal(t.bytes, 2048, what);
        // 1 ms of slack: the service worker's timer and the task's clock are different clocks.
        assert.ok(t.end_ms - t.start_ms >= L - 1, `${what} took ${t.end_ms - t.start_ms} ms < latency ${L}`);
      }
    }

    const seq = runOf(results, 'sequential');
    assert.deepEqual(lanesOf(seq), ['page']);
    assert.equal(maxInFlight(seq.tasks), 1, 'sequential: one request at a time');
    assert.ok(seq.wall_ms >= N * L, `sequential ${seq.wall_ms} ms >= N x L = ${N * L}`);
    assert.equal(seq.predicted_ms, N * L);

    const asyncRun = runOf(results, 'async');
    assert.deepEqual(lanesOf(asyncRun), ['page']);
    assert.ok(maxInFlight(asyncRun.tasks) >= N / 2, `async overlapped ${maxInFlight(asyncRun.tasks)} requests`);
    assert.ok(asyncRun.wall_ms < (N * L) / 5, `async ${asyncRun.wall_ms} ms well under N x L / 5 = ${(N * L) / 5}`);

    // The thread model's requests come from rayon's nested blob workers: served by the same
    // service worker, P at a time.
    const threads = runOf(results, 'threads');
    const lanes = lanesOf(threads);
    assert.ok(lanes.every((l) => /^thread-\d+$/.test(l)) && lanes.length >= 2, `threads lanes: ${lanes}`);
    assert.ok(maxInFlight(threads.tasks) <= P, `threads: at most ${P} in flight`);
    assert.ok(maxInFlight(threads.tasks) >= 2, 'threads: requests overlapped');
    const ideal = Math.ceil(N / P) * L;
    assert.equal(threads.predicted_ms, ideal);
    assert.ok(
      threads.wall_ms >= ideal * 0.95 && threads.wall_ms <= ideal * 2.5,
      `threads ${threads.wall_ms} ms is about N / P x L = ${ideal}`,
    );
  }));

test('a server that answers 500: every request fails with the status, the run completes', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'fetch-500', async (page) => {
    const url = `${s.server.url}/api/delay?ms=20&status=500`;
    const results = await runFetch(page, `requests=4&threads=2&url=${encodeURIComponent(url)}`);
    assert.equal(results.config.url, url);
    for (const model of MODELS) {
      const run = runOf(results, model);
      assert.equal(run.status, 'ok', `${model} finished`);
      assert.equal(run.predicted_ms, undefined, `${model}: no prediction for a URL of one's own`);
      assert.match(run.error, /^4 of 4 tasks failed/, `${model}: ${run.error}`);
      for (const t of run.tasks) {
        assert.equal(t.status, 'failed');
        assert.equal(t.http_status, 500);
        assert.match(t.error, /HTTP 500/);
      }
      const shown = await page.textContent(`[data-testid=failures-${model}]`);
      assert.match(shown, /4 of 4 tasks failed/, `${model}: the failures are shown`);
    }
  }, { allow: NETWORK_ERRORS }));

test('an unreachable host: each request records why, the page stays usable', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'fetch-unreachable', async (page) => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const url = 'http://127.0.0.1:9/data';
    const results = await runFetch(page, `requests=3&threads=2&url=${encodeURIComponent(url)}`);
    for (const model of MODELS) {
      const run = runOf(results, model);
      assert.equal(run.status, 'ok', `${model} finished`);
      assert.equal(run.tasks.length, 3);
      for (const t of run.tasks) {
        assert.equal(t.status, 'failed');
        assert.equal(t.http_status, undefined, 'no response, no status');
        assert.match(t.error, /no response from http:\/\/127\.0\.0\.1:9\/data/);
        assert.match(t.error, /Access-Control-Allow-Origin/, 'the message says what a server must send');
      }
    }
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
  }, { allow: NETWORK_ERRORS }));

// app.mjs — owns what the e2e tests know about the app: its DOM contract (data-testid
// selectors and attributes), how to wait on it, and checks on the results JSON
// (schema concurrency-playground/results@1, see shared CONTRACT.md). Tests import from
// here so a change to the contract is made in one place.

import assert from 'node:assert/strict';

export const SCHEMA = 'concurrency-playground/results@1';
export const MODELS = ['sequential', 'threads', 'async'];

/** Long enough for a cold engine start plus a run in a slow CI VM; no test sleeps. */
export const WAIT_MS = 90_000;

export const sel = {
  run: '[data-testid=run]',
  field: (name) => `[data-testid=field-${name}]`,
  model: (id) => `[data-testid=model-${id}]`,
  configErrors: '[data-testid=config-errors] li',
  envIsolated: '[data-testid=env-isolated]',
  pool: (status) => `[data-testid=pool-status]${status ? `[data-status=${status}]` : ''}`,
  phase: (phase) => `[data-testid=run-phase]${phase ? `[data-phase=${phase}]` : ''}`,
  result: (model) => `[data-testid=result-${model}]`,
  download: '[data-testid=download-json]',
};

/** fib(0) = 0, fib(1) = 1, as a decimal string (BigInt, so any n is exact). */
export function fib(n) {
  let a = 0n;
  let b = 1n;
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a.toString();
}

export async function waitForPool(page, status) {
  await page.waitForSelector(sel.pool(status), { state: 'attached', timeout: WAIT_MS });
}

export async function waitForFinished(page) {
  await page.waitForSelector(sel.phase('finished'), { state: 'attached', timeout: WAIT_MS });
}

/**
 * Click `runSelector` (Run) in `page` and wait until the run it starts has finished. The page
 * itself records each phase it takes from the click on: waiting for the short-lived `running`
 * phase from outside can miss it (a run of ~100 ms between two of Playwright's 500 ms polls),
 * and waiting for `finished` alone would also accept a previous run's.
 */
export async function runToFinish(page, runSelector = sel.run) {
  await page.evaluate((phaseSel) => {
    const seen = (window.__phasesSinceRun = []);
    new MutationObserver(() => {
      const phase = document.querySelector(phaseSel)?.getAttribute('data-phase');
      if (phase && phase !== seen.at(-1)) seen.push(phase);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });
  }, sel.phase());
  await page.click(runSelector);
  await page.waitForFunction(() => {
    const seen = window.__phasesSinceRun;
    return seen.includes('running') && seen.at(-1) === 'finished';
  }, null, { timeout: WAIT_MS });
}

/** The result cards of the known models, in document order: [{ model, status }]. */
export async function resultCards(page) {
  const selector = MODELS.map(sel.result).join(', ');
  return page.$$eval(selector, (els) =>
    els.map((el) => ({
      model: el.getAttribute('data-testid').replace(/^result-/, ''),
      status: el.getAttribute('data-status'),
    })),
  );
}

export const overlaps = (a, b) => a.start_ms < b.end_ms && b.start_ms < a.end_ms;

export function anyOverlap(tasks) {
  for (let i = 0; i < tasks.length; i++) {
    for (let j = i + 1; j < tasks.length; j++) if (overlaps(tasks[i], tasks[j])) return true;
  }
  return false;
}

/** The one run of `model` in `results` (the tests use repeat=1). */
export function runOf(results, model) {
  const runs = results.runs.filter((r) => r.model === model);
  assert.equal(runs.length, 1, `expected exactly one run of ${model}, got ${runs.length}`);
  return runs[0];
}

/**
 * Assert that `run` is a successful fib run of `tasks` tasks, each ok with value fib(n),
 * indices 0..tasks-1, and sane times (finite, start <= end, within the run's wall time).
 */
export function assertFibRunOk(run, { n, tasks }) {
  const want = fib(n);
  assert.equal(run.status, 'ok', `${run.model}: status ${run.status} (error: ${run.error})`);
  assert.equal(run.workload, 'fib', `${run.model}: workload`);
  assert.ok(Number.isFinite(run.wall_ms) && run.wall_ms >= 0, `${run.model}: wall_ms ${run.wall_ms}`);
  assert.equal(run.tasks.length, tasks, `${run.model}: number of tasks`);
  assert.deepEqual(
    run.tasks.map((t) => t.index).sort((a, b) => a - b),
    [...Array(tasks).keys()],
    `${run.model}: task indices`,
  );
  for (const t of run.tasks) {
    const what = `${run.model} task ${t.index}`;
    assert.equal(t.status, 'ok', `${what}: status ${t.status} (error: ${t.error})`);
    assert.equal(t.value, want, `${what}: value of fib(${n})`);
    assert.equal(typeof t.lane, 'string', `${what}: lane`);
    assert.ok(Number.isFinite(t.start_ms) && Number.isFinite(t.end_ms), `${what}: times`);
    assert.ok(t.start_ms >= 0 && t.start_ms <= t.end_ms, `${what}: 0 <= start ${t.start_ms} <= end ${t.end_ms}`);
    // Task times are relative to the run's start; a task cannot end after the run did.
    // 1 ms of slack for float rounding between clocks.
    assert.ok(t.end_ms <= run.wall_ms + 1, `${what}: end ${t.end_ms} after the run's wall ${run.wall_ms}`);
  }
}

export const lanesOf = (run) => [...new Set(run.tasks.map((t) => t.lane))].sort();

/**
 * Open the app embedded in the fixture parent page served from `base` and wait until it
 * posted `run-finished` (the query should carry autorun=1). Returns the parent's messages
 * and the results of the run. The parent page is never cross-origin isolated by the app's
 * service worker, so on a server without COOP/COEP the embedded app is not isolated either.
 */
export async function runEmbedded(page, base, appQuery) {
  const src = `/?${appQuery}`;
  await page.goto(`${base}/__fixtures/embed-parent.html?src=${encodeURIComponent(src)}`);
  await page.waitForFunction(
    () => window.__messages.some((m) => m.type === 'run-finished'),
    null,
    { timeout: WAIT_MS },
  );
  const messages = await page.evaluate(() => window.__messages);
  const finished = messages.filter((m) => m.type === 'run-finished');
  return { messages, results: finished[finished.length - 1].payload };
}

/** The paths of every request `page` makes from now on (a live array). */
export function recordRequests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

/**
 * Make every request of `page` for `file` answer 404, as a host missing that file would. Only
 * requests the page itself sends: page.route does not see those a service worker handles, nor
 * a worker's own (failure.test.mjs serves a copy of the site without the file for those).
 */
export function answer404(page, file) {
  return page.route(`**/${file}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
}

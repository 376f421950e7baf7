// embed.test.mjs — owns the end-to-end checks of the playground embedded in docs pages of other
// origins: an ordinary page (no special headers, a plain iframe without `allow`) on one origin,
// the app on another, served three ways (the dev server's headers, a host applying
// dist/_headers, a plain static host where the service worker adds them), in fresh
// incognito-like contexts. Threads run through Document-Isolation-Policy; in a frame of another
// site without storage or service worker the app still starts, and the fetch workload waits on
// timers; in a browser without DIP the thread models are skipped with a reason saying what to do;
// an autorun frame scrolled out of view, where Chromium draws no frames, still finishes its run.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { DIST } from './suite.mjs';
import { checkedPage } from './browser.mjs';
import { useEmbedHosts } from './fresh.mjs';
import { WAIT_MS, runOf, lanesOf, anyOverlap, assertFibRunOk } from './app.mjs';

const TIMEOUT = 180_000;
const HOSTS = ['dev', 'headers-file', 'plain'];

const site = useEmbedHosts(DIST);

/**
 * Open the plain docs page at `parentBase` embedding `appUrl` (its query should autorun) and
 * wait for `run-finished`. Returns { results, messages, loads, frame }.
 */
async function embedRun(page, parentBase, appUrl) {
  await page.goto(`${parentBase}/__fixtures/embed-plain.html?src=${encodeURIComponent(appUrl)}`);
  await page.waitForFunction(() => window.__messages.some((m) => m.type === 'run-finished'), null, {
    timeout: WAIT_MS,
  });
  const { messages, loads } = await page.evaluate(() => ({ messages: window.__messages, loads: window.__frameLoads }));
  const finished = messages.filter((m) => m.type === 'run-finished');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  return { results: finished[finished.length - 1].payload, messages, loads, frame };
}

// Tasks of ~4 ms each, 16 ms on each of 2 threads, so both threads take some and overlap
// (fib(27) was too short to overlap reliably; fib(30) overlapped but with little margin).
const FIB_N = 32;
const FIB = `models=sequential,threads,processes&n=${FIB_N}&tasks=8&threads=2&autorun=1`;

for (const host of ['dev', 'headers-file']) {
  test(`another site's docs page, fresh context, ${host} host: starts without storage or service worker, threads and timer fetches run`, { timeout: TIMEOUT }, () =>
    checkedPage(site.browser, `cross-site-${host}`, async (page) => {
      // Docs on localhost, app on 127.0.0.1: two sites, so third-party storage is blocked.
      const app = site.hosts[host].url;
      const fib = await embedRun(page, site.hosts.parent.localUrl, `${app}/?${FIB}`);
      assert.equal(fib.loads, 1, 'no reload without a service worker');
      const env = fib.results.environment;
      assert.equal(env.cross_origin_isolated, true, 'isolated by Document-Isolation-Policy');
      assert.equal(env.isolation, 'document-isolation-policy');
      assert.equal(env.isolation_by_service_worker, false);
      for (const model of ['sequential', 'threads', 'processes']) assertFibRunOk(runOf(fib.results, model), { n: FIB_N, tasks: 8 });
      assert.ok(lanesOf(runOf(fib.results, 'threads')).length >= 2, 'threads on at least 2 lanes');
      assert.equal(await fib.frame.getAttribute('[data-testid=server-status]', 'data-status'), 'unavailable');
      assert.ok(await fib.frame.$('[data-testid=progress-in-memory]'), 'says progress is kept for this visit only');

      // The fetch workload without a service worker: simulated waiting on timers.
      const [n, latency] = [6, 120];
      const query = `workload=fetch&models=sequential,async,threads,gil,processes,main-thread&requests=${n}&latency=${latency}&threads=2&autorun=1`;
      const { results } = await embedRun(page, site.hosts.parent.localUrl, `${app}/?${query}`);
      assert.equal(results.environment.latency_source, 'timers');
      for (const run of results.runs) {
        assert.equal(run.status, 'ok', `${run.model}: ${run.error}`);
        assert.equal(run.tasks.length, n);
        for (const t of run.tasks) {
          assert.equal(t.simulated_wait, true, `${run.model} task ${t.index} is labelled a simulated wait`);
          assert.ok(t.end_ms - t.start_ms >= latency - 1, `${run.model} task ${t.index} waited ${t.end_ms - t.start_ms} ms`);
        }
      }
      const seq = runOf(results, 'sequential').wall_ms;
      const asy = runOf(results, 'async').wall_ms;
      const thr = runOf(results, 'threads');
      assert.ok(seq >= n * latency, `sequential ${seq} ms >= N x L = ${n * latency}`);
      assert.ok(asy >= latency && asy < 2.5 * latency, `async ${asy} ms is about L = ${latency}`);
      assert.ok(thr.wall_ms >= (n / 2) * latency, `threads ${thr.wall_ms} ms >= N/P x L`);
      assert.ok(lanesOf(thr).length >= 2 && anyOverlap(thr.tasks), 'blocking waits overlap on 2 threads');
      // main-thread blocks the page for every wait, one after another.
      const main = runOf(results, 'main-thread').wall_ms;
      assert.ok(main >= n * latency, `main-thread ${main} ms >= N x L`);
      assert.ok(runOf(results, 'gil').wall_ms < 0.75 * n * latency, 'the GIL is let go while waiting');
      assert.ok(lanesOf(runOf(results, 'processes')).length >= 2, 'processes wait in their own workers');
    }));
}

for (const host of HOSTS) {
  test(`a plain docs page on another origin, iframe without allow, ${host} host: threads run`, { timeout: TIMEOUT }, () =>
    checkedPage(site.browser, `plain-parent-${host}`, async (page) => {
      // Another port of the same host: another origin, the same site (the service worker may run).
      const { results, loads } = await embedRun(page, site.hosts.parent.url, `${site.hosts[host].url}/?${FIB}`);
      assert.ok(loads <= 2, `the frame loaded ${loads} times (at most one reload)`);
      const env = results.environment;
      assert.equal(env.cross_origin_isolated, true);
      assert.equal(env.isolation, 'document-isolation-policy');
      assert.equal(env.isolation_by_service_worker, host === 'plain', 'the service worker added the headers');
      for (const model of ['sequential', 'threads', 'processes']) assertFibRunOk(runOf(results, model), { n: FIB_N, tasks: 8 });
      const threads = runOf(results, 'threads');
      assert.ok(lanesOf(threads).length >= 2, `threads on ${lanesOf(threads)}`);
      assert.ok(anyOverlap(threads.tasks), 'thread tasks overlap');
    }));
}

for (const host of HOSTS) {
  test(`a browser without Document-Isolation-Policy, ${host} host: threads skipped with what to do, the rest runs`, { timeout: TIMEOUT }, () =>
    checkedPage(site.noDip, `no-dip-${host}`, async (page) => {
      const query = 'models=sequential,threads,gil,processes&n=22&tasks=4&threads=2&autorun=1';
      const { results, loads, frame } = await embedRun(page, site.hosts.parent.url, `${site.hosts[host].url}/?${query}`);
      assert.ok(loads <= 2, `the frame loaded ${loads} times (at most one reload)`);
      assert.equal(results.environment.cross_origin_isolated, false);
      assert.equal(results.environment.isolation, 'none');
      for (const model of ['threads', 'gil']) {
        const r = runOf(results, model);
        assert.equal(r.status, 'skipped');
        assert.match(r.skipped_reason, /embedded/);
        assert.match(r.skipped_reason, /Open the playground in its own tab/);
        const link = r.skipped_reason.match(/https?:\/\/\S+/)?.[0];
        assert.ok(link && link.includes('models=sequential') && link.includes('n=22'), `a link with every setting: ${link}`);
      }
      for (const model of ['sequential', 'processes']) assertFibRunOk(runOf(results, model), { n: 22, tasks: 4 });
      assert.ok(await frame.$('[data-testid=isolation-banner]'), 'the banner explains why threads are off');
    }));
}

test('docs/embed.html served from another origin embeds the playground given by ?app=', { timeout: TIMEOUT }, () =>
  checkedPage(site.browser, 'docs-example-other-origin', async (page) => {
    // The docs page from the plain server on localhost, the app from the dev-style host.
    const app = `${site.hosts.dev.url}/`;
    await page.goto(`${site.hosts.parent.localUrl}/docs/embed.html?app=${encodeURIComponent(app)}`);
    const src = await page.getAttribute('#playground', 'src');
    assert.ok(src.startsWith(app) && src.includes('embed=1'), `the frame points at the app: ${src}`);
    await page.locator('#playground').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('log').textContent.startsWith('ready'), null, { timeout: WAIT_MS });
    const frame = page.frames().find((f) => f.url().startsWith(app));
    assert.ok(frame, 'the frame loaded the app');
    assert.equal(await frame.evaluate(() => crossOriginIsolated), true, 'isolated inside the docs page');
  }));

test('an autorun frame far below the fold of another site\'s docs page still finishes its run', { timeout: TIMEOUT }, () =>
  checkedPage(site.browser, 'offscreen-embed', async (page) => {
    // Chromium runs no animation frames in a frame of another site that is out of view, and the
    // run used to wait for one between models (crates/page/src/runner/meter.rs `next_frame`): the parent
    // heard `ready` and never `run-finished`. The docs page's frame starts 6000 px down here.
    await page.addInitScript(() => {
      if (window.top !== window) return;
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = 'iframe { margin-top: 6000px; }';
        document.head.append(style);
      });
    });
    const [n, tasks, models] = [27, 8, ['sequential', 'threads', 'async']];
    const query = `autorun=1&workload=fib&n=${n}&tasks=${tasks}&threads=2&models=${models.join(',')}`;
    const { results } = await embedRun(page, site.hosts.parent.localUrl, `${site.hosts.dev.url}/?${query}`);
    const inView = await page.evaluate(() => document.getElementById('app').getBoundingClientRect().top < innerHeight);
    assert.equal(inView, false, 'the frame stayed out of view');
    for (const model of models) assertFibRunOk(runOf(results, model), { n, tasks });
    assert.ok(lanesOf(runOf(results, 'threads')).length >= 2, 'threads on 2 lanes');
  }));

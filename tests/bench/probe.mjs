// probe.mjs — owns how the benchmark drives one page load of the app and what it observes in
// the page: the first render of the Run button, long tasks and timer gaps on the page's thread,
// and the results JSON of a run (read from the embed fixture's window.__messages).
//
// Blocking is reported for the run (Run pressed -> run-finished received by the parent) and, as
// after_*, for the 300 ms after it (the page rendering the results).
//
// Every frame of the browser context gets PROBE_SCRIPT before its own scripts run. All times it
// records are absolute (performance.timeOrigin + now), so frames with different time origins
// (the embed parent and the app inside it) can be compared on one clock.

import { launch } from '../e2e/browser.mjs';
import { startServer } from '../e2e/server.mjs';

export const LOAD_TIMEOUT_MS = 240_000;
const RUN = '[data-testid=run]';
const SETTLED = (what) => `[data-testid=${what}]:not([data-status=starting])`;
const POOL_UP = '[data-testid=pool-status][data-status=ready], [data-testid=pool-status][data-status=unavailable]';

// Runs in every frame. Records: `firstRun` (ms since this document's navigation start when the
// Run button was first attached), `finishedAt` (embed parent: run-finished arrived), every long task (>= 50 ms, as the browser reports them), and
// every gap of more than 25 ms between ticks of a 10 ms interval timer (the page's thread was
// busy: a shorter measure of blocking than long tasks, which start at 50 ms).
const PROBE_SCRIPT = `(() => {
  const abs = (t) => performance.timeOrigin + t;
  const b = (window.__bench = { firstRun: null, longtasks: [], gaps: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: abs(e.startTime), ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { b.longtasks = null; }
  const mo = new MutationObserver(() => {
    if (document.querySelector('${RUN}')) { b.firstRun = performance.now(); mo.disconnect(); }
  });
  mo.observe(document, { childList: true, subtree: true });
  addEventListener('message', (e) => {
    if (e.data?.type === 'run-finished' && b.finishedAt == null) b.finishedAt = abs(performance.now());
  });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 25) b.gaps.push({ start: abs(last), ms: now - last - 10 });
    last = now;
  }, 10);
})();`;

/** Quiet time that ends a first visit: no request for this long (ms). */
const IDLE_MS = 2_000;

/**
 * A first visit: a new browser profile (nothing cached, no service worker) opens the app at
 * `url` and does nothing; every request of the page and its workers (the service worker
 * installing, the engine if the page starts it) is recorded until the network has been idle for
 * IDLE_MS. Returns the site-relative paths requested under `url`'s origin, sorted, once each.
 */
export async function firstVisit(url, { timeout = LOAD_TIMEOUT_MS } = {}) {
  const browser = await launch();
  try {
    const origin = new URL(url).origin;
    const seen = new Set();
    let last = Date.now();
    // The context sees the requests of every page, worker and service worker it runs.
    browser.context.on('request', (r) => {
      last = Date.now();
      const u = new URL(r.url());
      // blob: workers (rayon's helpers) are made from files already counted.
      if (u.protocol !== 'blob:' && u.origin === origin) seen.add(decodeURIComponent(u.pathname).replace(/^\//, ''));
    });
    browser.context.on('requestfinished', () => { last = Date.now(); });
    const page = await browser.newPage();
    const started = Date.now();
    await page.goto(url);
    await page.waitForSelector(RUN, { state: 'attached', timeout });
    while (Date.now() - last < IDLE_MS) {
      if (Date.now() - started > timeout) throw new Error(`the network was never idle for ${IDLE_MS} ms`);
      await page.waitForTimeout(200);
    }
    if (page.__errors.length) throw new Error(`page errors: ${page.__errors.join('; ')}`);
    return [...seen].filter((p) => p !== '').sort();
  } finally {
    await browser.close();
  }
}

/** Serve `root` (a built site) with COOP/COEP, start the browser; returns { url, load, firstRender, close }. */
export async function openBench(root) {
  const server = await startServer({ root, isolated: true });
  const browser = await launch();
  await browser.context.addInitScript({ content: PROBE_SCRIPT });

  /** Long tasks and timer gaps of every frame of `page` that fall in [from, to] (absolute ms). */
  async function blocking(page, from, to) {
    const all = { longtask_ms: 0, longtasks: 0, longtask_api: true, gap_ms: 0 };
    for (const frame of page.frames()) {
      const b = await frame.evaluate(() => window.__bench).catch(() => null);
      if (!b) continue;
      const inside = (e) => e.start + e.ms > from && e.start < to;
      if (b.longtasks === null) all.longtask_api = false;
      for (const e of (b.longtasks ?? []).filter(inside)) {
        all.longtasks += 1;
        all.longtask_ms = Math.max(all.longtask_ms, e.ms);
      }
      for (const e of b.gaps.filter(inside)) all.gap_ms = Math.max(all.gap_ms, e.ms);
    }
    return all;
  }

  /**
   * Load the app with `query` in the embed fixture's iframe, wait until the simulated server has
   * settled, start the engine (focus on Run) and wait for its pool, press Run, and wait for the
   * run-finished message.
   * Returns { results, blocking } (blocking: the page thread during the run, see above).
   */
  async function load(query, { timeout = LOAD_TIMEOUT_MS } = {}) {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/__fixtures/embed-parent.html?src=${encodeURIComponent(`/?${query}`)}`);
      const frame = await (await page.waitForSelector('#app')).contentFrame();
      for (const s of [`${RUN}:enabled`, SETTLED('pool-status'), SETTLED('server-status')]) {
        await frame.waitForSelector(s, { state: 'attached', timeout });
      }
      // The engine starts on demand (with the first run, or early when Run gets a pointer or
      // focus): start it the way a learner's pointer does and wait for its pool, so that the
      // run measured below is the run alone, as when the engine started with the page.
      await frame.focus(RUN);
      await frame.waitForSelector(POOL_UP, { state: 'attached', timeout });
      const now = () => frame.evaluate(() => performance.timeOrigin + performance.now());
      const t0 = await now();
      await frame.click(RUN, { timeout });
      const handle = await page.waitForFunction(
        () => window.__messages.find((m) => m.type === 'run-finished')?.payload,
        null,
        { timeout },
      );
      const results = await handle.jsonValue();
      // Include what the page does right after the run (rendering the results).
      await page.waitForTimeout(300);
      const t1 = await now();
      if (page.__errors.length) throw new Error(`page errors: ${page.__errors.join('; ')}`);
      const finishedAt = await page.evaluate(() => window.__bench.finishedAt);
      const [during, after] = [await blocking(page, t0, finishedAt), await blocking(page, finishedAt, t1)];
      return { results, blocking: { ...during, after_longtask_ms: after.longtask_ms, after_gap_ms: after.gap_ms } };
    } finally {
      await page.close();
    }
  }

  /**
   * Open the app itself (top level, no iframe) and measure the first render: ms from navigation
   * start to the Run button being attached, with where the time went (resource timings).
   */
  async function firstRender(query) {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/?${query}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__bench?.firstRun != null, null, { timeout: LOAD_TIMEOUT_MS });
      return await page.evaluate(() => {
        const end = (name) => performance.getEntriesByType('resource')
          .find((r) => r.name.endsWith(name))?.responseEnd ?? null;
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          first_render_ms: window.__bench.firstRun,
          html_ms: nav?.responseEnd ?? null,
          app_js_ms: end('/app.js'),
          app_wasm_ms: end('/app_bg.wasm'),
        };
      });
    } finally {
      await page.close();
    }
  }

  return {
    url: server.url,
    load,
    firstRender,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

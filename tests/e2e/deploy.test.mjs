// deploy.test.mjs — owns the end-to-end checks of sharing, embedding and static deploys:
// on a plain static server (no COOP/COEP headers) the service worker makes the page
// cross-origin isolated after exactly one reload and threads work; embedded in a page that
// is not isolated, the app still runs what it can and talks to its parent (ready,
// run-finished, resize); a link with settings restores them in the controls; on a host whose
// Content-Security-Policy refuses blob: workers, the page names what failed and runs the rest.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useSuite, DIST } from './suite.mjs';
import { checkedPage, downloadJson } from './browser.mjs';
import { ENGINE } from './driver.mjs';
import { startServer } from './server.mjs';
import { useNoDipBrowser } from './fresh.mjs';
import { WAIT_MS, sel, waitForPool, waitForFinished, runOf, lanesOf, assertFibRunOk, runEmbedded } from './app.mjs';

const TIMEOUT = 120_000;

const s = useSuite();
// Without Document-Isolation-Policy (Firefox, Safari): a frame of a plain page stays unisolated.
const noDip = useNoDipBrowser(s);

test('a plain static server: one reload makes the page isolated, and threads work', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'static-isolation', async (page) => {
    // Count document loads (not the app's own address-bar updates, which
    // Playwright also reports as navigations).
    let navigations = 0;
    page.onLoad(() => {
      navigations += 1;
    });
    await page.goto(`${s.plainServer.url}/?models=threads&n=27&tasks=4&threads=2&autorun=1`);
    await waitForFinished(page);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'isolated by the service worker');
    assert.equal(navigations, 2, 'the first load and exactly one reload');
    const how = '[data-testid=env-isolation]';
    assert.equal(await page.getAttribute(how, 'data-isolation'), 'coop-coep', 'top level: COOP/COEP');
    assert.match(await page.textContent(how), /added by the service worker/);
    assert.equal(await page.getAttribute(sel.result('threads'), 'data-status'), 'ok');

    // Loading again needs no reload: the service worker is already in control.
    navigations = 0;
    await page.goto(`${s.plainServer.url}/?models=threads&n=20&tasks=4&threads=2`);
    // Isolated at once: threads are possible, and the engine waits for the first run.
    await waitForPool(page, 'on-demand');
    await page.waitForLoad();
    assert.equal(navigations, 1, 'no reload once the service worker is in control');
  }));

test('embedded in a page without isolation, in a browser without Document-Isolation-Policy: runs what it can, and the parent hears ready, run-finished, resize', { timeout: TIMEOUT }, () =>
  checkedPage(noDip.browser, 'embed-not-isolated', async (page) => {
    const { messages, results } = await runEmbedded(
      page,
      s.plainServer.url,
      'models=sequential,threads,gil,processes&n=22&tasks=4&threads=2&embed=1&autorun=1',
    );
    const types = messages.map((m) => m.type);
    assert.equal(types.filter((t) => t === 'ready').length, 1, `one ready: ${types}`);
    assert.ok(types.includes('resize'), `resize messages reach the parent: ${types}`);
    const resize = messages.find((m) => m.type === 'resize');
    assert.ok(resize.height > 100, `a plausible height: ${resize.height}`);

    assert.equal(results.environment.cross_origin_isolated, false);
    for (const model of ['threads', 'gil']) {
      const r = runOf(results, model);
      assert.equal(r.status, 'skipped', `${model} needs shared memory`);
      assert.match(r.skipped_reason, /cross-origin isolated/);
    }
    for (const model of ['sequential', 'processes']) assertFibRunOk(runOf(results, model), { n: 22, tasks: 4 });
    assert.ok(lanesOf(runOf(results, 'processes')).length >= 2);

    const frame = page.childFrames()[0];
    const open = await frame.getAttribute('.open-full', 'href');
    assert.ok(open && !open.includes('embed=1'), `"open the full playground" drops embed: ${open}`);
    assert.ok(await frame.has('[data-testid=isolation-banner]'), 'the banner explains why threads are off');
  }));

test('a link restores every setting in the controls, and bad values never become markup', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'link-restore', async (page) => {
    const query = 'workload=fetch&models=async,gil&requests=37&latency=80&jitter=15&concurrency=4&threads=3&repeat=2&switch_ms=9';
    await page.goto(`${s.plainServer.url}/?${query}`);
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    assert.equal(await page.inputValue(sel.field('workload')), 'fetch');
    for (const [key, value] of [['requests', '37'], ['latency', '80'], ['jitter', '15'], ['concurrency', '4'], ['threads', '3'], ['repeat', '2'], ['switch_ms', '9']]) {
      assert.equal(await page.inputValue(sel.field(key)), value, `field-${key}`);
    }
    assert.ok(await page.isChecked(sel.model('async')));
    assert.ok(await page.isChecked(sel.model('gil')));
    assert.ok(!(await page.isChecked(sel.model('sequential'))));
    // The address bar keeps the settings (it is rewritten from them).
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('requests'), '37');
    assert.equal(url.searchParams.get('models'), 'async,gil');

    // A changed control updates the address bar.
    await page.fill(sel.field('requests'), '12');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('requests') === '12');

    // A hostile value is reported as text, not rendered.
    await page.goto(`${s.plainServer.url}/?n=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}`);
    await page.waitForSelector(sel.configErrors);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
    assert.equal(await page.$$eval('[data-testid=config-errors] img', (els) => els.length), 0, 'no element was made');
    assert.match(await page.textContent(sel.configErrors), /<img src=x/);
  }));

test('a host whose Content-Security-Policy refuses blob: workers: the page names what failed, in time, and runs the rest', {
  timeout: TIMEOUT,
}, () =>
  checkedPage(s.browser, 'strict-csp', async (page) => {
    // `worker-src 'self'` allows the engine's own script, not the blob: workers started inside
    // it: rayon's pool threads, and (in Firefox, which has no Atomics.waitAsync) the helper
    // workers wasm-bindgen's futures wait with. Nothing may wait for them forever.
    const strict = await startServer({
      root: DIST,
      isolated: true,
      headers: () => ({ 'Content-Security-Policy': "worker-src 'self'" }),
    });
    try {
      await page.goto(`${strict.url}/?models=sequential,threads,main-thread&n=20&tasks=4&threads=2&repeat=1`);
      await waitForPool(page, 'on-demand');
      const t0 = Date.now();
      await page.click(`${sel.run}:enabled`);
      await waitForFinished(page);
      const tookMs = Date.now() - t0;
      const results = await downloadJson(page, sel.download);
      assertFibRunOk(runOf(results, 'main-thread'), { n: 20, tasks: 4 });
      assert.equal(results.environment.threads_available, false);
      const threads = runOf(results, 'threads');
      // What happens depends on a feature, not on the engine's name: with Atomics.waitAsync
      // (Chromium, Firefox 142+) the engine's futures need no blob: helper worker, so the
      // engine runs on and hears the policy refuse the pool; without it (Firefox 140) they
      // never wake.
      const waitAsync = await page.evaluate(() => typeof Atomics.waitAsync === 'function');
      if (waitAsync) {
        // The engine runs on and names the refusal at once: Chromium reports the policy's
        // violation to the engine's scope; Firefox only fails the refused worker, which the
        // engine's own blob: probe hears three seconds after the pool did not start.
        const refused = ENGINE === 'firefox'
          ? /the browser refused the thread pool's workers: they are blob: workers, and a site's Content-Security-Policy/
          : /Content-Security-Policy blocked the thread pool: its worker-src directive does not allow blob: URLs/;
        assert.match(await page.textContent('[data-testid=pool-banner]'), /^Threads could not start\. /);
        assert.match(await page.textContent('[data-testid=pool-banner]'), refused);
        assert.equal(await page.has('[data-testid=engine-banner]'), false, 'the engine itself works');
        assert.equal(threads.status, 'skipped', JSON.stringify(threads));
        assert.match(threads.skipped_reason, refused);
        assertFibRunOk(runOf(results, 'sequential'), { n: 20, tasks: 4 });
        assert.ok(tookMs < 10_000, `named in time: the run ended ${tookMs} ms after Run`);
      } else {
        // The engine's futures never wake: the page gives up on it after 20 s (and on a second
        // engine after 20 s more), and says why.
        const silent = /the engine worker failed: it loaded, then did not answer for 20 s .*Content-Security-Policy/;
        assert.match(await page.textContent('[data-testid=engine-banner]'), silent);
        for (const model of ['sequential', 'threads']) {
          const run = runOf(results, model);
          assert.equal(run.status, 'failed', `${model}: ${JSON.stringify(run)}`);
          assert.match(run.error, silent, `${model}: ${run.error}`);
        }
      }
      console.log(`${ENGINE}, strict policy: run ended ${tookMs} ms after Run; threads: ${threads.skipped_reason ?? threads.error}`);
    } finally {
      await strict.close();
    }
  }, { allow: [/Content Security Policy/] }));

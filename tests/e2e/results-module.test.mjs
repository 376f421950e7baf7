// results-module.test.mjs — owns the end-to-end checks of the results module's lazy loading
// (src/bin/results.rs, crates/page/src/remote_view.rs): a visit that never runs does not request it
// (results.js, results_bg.wasm are not first-load files), a run or a sweep loads it once and its
// views render in the page's layout, clicks in them reach only its own handlers, and a module
// that cannot be loaded is named on the page while settings, Run and Stop keep working. What
// the views show is the other files' (skeleton, combined, charts, compact...).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useSuite } from './suite.mjs';
import { checkedPage } from './browser.mjs';
import { WAIT_MS, sel, waitForFinished, runToFinish, recordRequests, answer404 } from './app.mjs';

const TIMEOUT = 120_000;
const s = useSuite();

const RESULTS_FILES = /\/(results\.js|results_bg\.wasm)$/;

const resultsFiles = (seen) => seen.filter((p) => RESULTS_FILES.test(p)).sort();

test('a visit that never runs does not request the results module; a run loads it once', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'results-module', async (page) => {
    const seen = recordRequests(page);
    await page.goto(`${s.server.url}/?models=sequential,threads&n=18&tasks=4&threads=2`);
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    // Nothing is fetched in the background either: wait until no request for 2 s.
    for (let count = -1; count !== seen.length;) {
      count = seen.length;
      await page.waitForTimeout(2_000);
    }
    assert.ok(seen.some((p) => p.endsWith('/app_bg.wasm')), `the page's module is requested: ${seen}`);
    assert.deepEqual(resultsFiles(seen), [], 'no results module before a run');
    assert.equal(await page.$('.remote-host'), null, 'no results view yet');

    await page.click(sel.run);
    await waitForFinished(page);
    await page.waitForSelector(`.results-col > .remote-host[data-slot=results] > section.results ${sel.result('threads')}`,
      { timeout: WAIT_MS });
    assert.deepEqual(resultsFiles(seen), ['/results.js', '/results_bg.wasm'], 'a run loads the module, once');
    assert.equal(await page.$('[data-testid=remote-loading]'), null, 'the loading note is gone');
    assert.equal(await page.$('[data-testid=remote-failed]'), null);
    await page.waitForSelector('.remote-host [data-testid=reference-beside]', { timeout: WAIT_MS });
    // One results section, not one per update.
    assert.equal(await page.$$eval('section.results', (x) => x.length), 1);

    // A second run and a sweep reuse the loaded module: no new request, the views update.
    seen.length = 0;
    await runToFinish(page);
    await page.waitForSelector(sel.result('threads'), { timeout: WAIT_MS });
    await page.fill('[data-testid=sweep-max]', '2');
    await page.click('[data-testid=sweep-run]');
    await page.waitForSelector('.sweep > .remote-host[data-slot=sweep] [data-testid=sweep-result][data-points="2"]',
      { timeout: WAIT_MS });
    assert.deepEqual(resultsFiles(seen), [], 'loaded once per page');
    assert.equal(await page.$$eval('section.results', (x) => x.length), 1);
  }));

test("clicks in the results view run its handlers only, never the page's", { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'results-module-events', async (page) => {
    await page.goto(`${s.server.url}/?models=sequential,threads&n=18&tasks=4&threads=2&autorun=1`);
    await waitForFinished(page);
    await page.waitForSelector(`${sel.result('threads')} [data-testid=svg-timeline-threads]`, { timeout: WAIT_MS });
    // The two Yew instances number their apps apart (crates/views/src/remote.rs): the host carries the
    // results module's number, the body (the page's app root) the page's.
    const ids = await page.evaluate(() => [document.body.__yew_subtree_id,
      ...[...document.querySelectorAll('.remote-host')].map((h) => h.__yew_subtree_id)]);
    assert.equal(typeof ids[0], 'number', `the page's root is numbered: ${ids}`);
    assert.ok(ids.length > 1 && ids.slice(1).every((id) => typeof id === 'number' && id > ids[0]), `${ids}`);
    // Everything the page's own module shows: any change to it (outside the hosts) is recorded.
    const url = page.url();
    const form = () => page.$$eval('form.settings input, form.settings select', (els) =>
      els.map((e) => `${e.getAttribute('data-testid')}=${e.type === 'checkbox' ? e.checked : e.value}`));
    const before = await form();
    await page.evaluate(() => {
      window.__outside = [];
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          // The heartbeat moves 20 times a second (orchestra/meter.rs): the page's own clock, not a change.
          if (!el?.closest('.remote-host, .heartbeat')) {
            window.__outside.push(`${r.type} ${r.target.nodeName}.${r.target.className ?? ''}`);
          }
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    // Every listening element of the results view: buttons, summaries, the combined timeline.
    for (const target of ['[data-testid=download-json]', '[data-testid=download-csv]',
      '[data-testid=svg-timeline-threads]', '[data-testid=png-comparison]']) {
      await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click(target)]);
    }
    for (const summary of await page.$$('.remote-host summary')) {
      if (await summary.isVisible()) await summary.click();
    }
    await page.waitForTimeout(300); // let any wrongly run handler re-render the page
    assert.deepEqual(await page.evaluate(() => window.__outside), [], 'the page did not change');
    assert.equal(page.url(), url, 'the settings did not change');
    assert.deepEqual(await form(), before);
    assert.equal(await page.$('[data-testid=run-phase][data-phase=finished]') !== null, true);
  }));

for (const [file, what] of [['results.js', 'results.js could not be loaded'], ['results_bg.wasm', 'results_bg.wasm could not be started']]) {
  test(`a results module that fails to load (${file} missing) is named; the page still works`, { timeout: TIMEOUT }, () =>
    checkedPage(s.browser, `results-missing-${file}`, async (page) => {
      // The plain server: its origin has no service worker yet when the route is set, and the
      // page's static routes send scripts and WASM to the network, where page.route sees them.
      await answer404(page, file);
      await page.goto(`${s.plainServer.url}/?models=sequential&n=18&tasks=3`);
      await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
      await page.click(sel.run);
      const failed = '[data-testid=remote-failed][data-slot=results]';
      await page.waitForSelector(failed, { timeout: WAIT_MS });
      const text = await page.textContent(failed);
      assert.ok(text.includes(`${s.plainServer.url}/${what}`), text);
      assert.match(text, /^The results view could not be shown: .*Check the connection and reload the page/);
      await waitForFinished(page);
      assert.equal(await page.$('section.results'), null);

      // Settings still change the address, and Run and Stop still work.
      await page.fill(sel.field('n'), '40');
      await page.fill(sel.field('tasks'), '30');
      await page.waitForFunction(() => location.search.includes('n=40') && location.search.includes('tasks=30'),
        null, { timeout: WAIT_MS });
      await page.click(sel.run);
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid=progress-sequential]')?.value) >= 1,
        null, { timeout: WAIT_MS });
      // 30 x fib(40) takes several seconds here: a run that ends soon after Stop was stopped.
      const t0 = Date.now();
      await page.click('[data-testid=stop]');
      await waitForFinished(page);
      assert.ok(Date.now() - t0 < 5_000, `the run ended ${Date.now() - t0} ms after Stop`);
      assert.ok(await page.$(failed), 'the message stays');
    }, { allow: [/404|Failed to load|Failed to fetch|MIME|WebAssembly/i] }));
}

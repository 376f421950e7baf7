// lazy.test.mjs — owns the end-to-end checks of the classroom module's lazy loading: a
// playground visit never requests it (class.js, class_bg.wasm are not first-load files), the
// class view and a result link load it and render, and a module that cannot be loaded is named
// on the page instead of leaving it blank. The pages' behaviour is class.test.mjs's.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useSuite } from './suite.mjs';
import { checkedPage } from './browser.mjs';
import { WAIT_MS, sel as appSel, waitForPool, recordRequests, answer404 } from './app.mjs';

const TIMEOUT = 120_000;
const s = useSuite();

const CLASS_FILES = /\/(class\.js|class_bg\.wasm)$/;
const classFiles = (seen) => [...new Set(seen.filter((p) => CLASS_FILES.test(p)))].sort();

test('a playground visit does not request the classroom module; the classroom pages do', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'lazy-class', async (page) => {
    const seen = recordRequests(page);
    await page.goto(`${s.server.url}/`);
    await waitForPool(page, 'on-demand');
    await page.waitForSelector(`${appSel.run}:enabled`, { timeout: WAIT_MS });
    assert.ok(seen.some((p) => p.endsWith('/app_bg.wasm')), `the page's module is requested: ${seen}`);
    assert.deepEqual(classFiles(seen), [], 'no classroom module on a playground visit');

    seen.length = 0;
    await page.goto(`${s.server.url}/?view=class`);
    await page.waitForSelector('[data-testid=class-view]', { timeout: WAIT_MS });
    assert.deepEqual(classFiles(seen), ['/class.js', '/class_bg.wasm'], 'the class view loads it');
    assert.equal(await page.$('[data-testid=classroom-loading]'), null, 'the loading note is gone');
    assert.equal(await page.$$eval('main', (m) => m.length), 1, 'one page, not two');

    seen.length = 0;
    await page.goto(`${s.server.url}/#results=cp1.AAAA`);
    await page.waitForSelector('[data-testid=shared-results][data-state=broken]', { timeout: WAIT_MS });
    assert.deepEqual(classFiles(seen), ['/class.js', '/class_bg.wasm'], 'a result link loads it');
  }));

for (const [file, what] of [['class.js', 'class.js could not be loaded'], ['class_bg.wasm', 'class_bg.wasm could not be started']]) {
  test(`a classroom module that fails to load (${file} missing) is named on the page`, { timeout: TIMEOUT }, () =>
    checkedPage(s.browser, `lazy-missing-${file}`, async (page) => {
      // The plain server's origin: the playground visit above registered the service worker
      // on the other one, and page.route does not see requests a service worker handles
      // (it passes the module import through). The classroom pages register none.
      await answer404(page, file);
      await page.goto(`${s.plainServer.url}/?view=class`);
      const failed = '[data-testid=classroom-load-failed]';
      await page.waitForSelector(failed, { timeout: WAIT_MS });
      const text = await page.textContent(failed);
      assert.ok(text.includes(`${s.plainServer.url}/${what}`), text);
      assert.match(text, /The classroom page could not be shown: .*Check the connection and reload the page/);
      assert.equal(await page.$('[data-testid=class-view]'), null);
    }, { allow: [/404|Failed to load|Failed to fetch|MIME|WebAssembly/i] }));
}

test('a result link pasted into the address bar (only the fragment changes) loads its page', { timeout: TIMEOUT }, () =>
  checkedPage(s.browser, 'lazy-hashchange', async (page) => {
    const seen = recordRequests(page);
    await page.goto(`${s.server.url}/`);
    await page.waitForSelector(`${appSel.run}:enabled`, { timeout: WAIT_MS });
    await page.evaluate(() => { location.hash = 'results=cp1.AAAA'; });
    await page.waitForSelector('[data-testid=shared-results][data-state=broken]', { timeout: WAIT_MS });
    assert.deepEqual(classFiles(seen), ['/class.js', '/class_bg.wasm']);

    // From the class view (the classroom module's page) too: the page's module still listens.
    await page.goto(`${s.server.url}/?view=class`);
    await page.waitForSelector('[data-testid=class-view]', { timeout: WAIT_MS });
    await page.evaluate(() => { location.hash = 'results=cp1.AAAA'; });
    await page.waitForSelector('[data-testid=shared-results][data-state=broken]', { timeout: WAIT_MS });
  }));

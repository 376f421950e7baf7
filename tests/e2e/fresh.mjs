// fresh.mjs — owns launching Chromium for the embedding tests with a fresh, incognito-like
// context (what `browser.newContext()` gives): third-party storage is blocked there, so a
// frame of another site gets no localStorage and no service worker, as in Chromium's
// incognito windows, Safari and strict tracking protection. Also the hosts the embedding tests
// serve the app from. Their pages are checked with browser.mjs's checkedPage.
//
// Kept apart from browser.mjs (the persistent-profile launcher of the other suites).

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH, wrapPage } from './driver-chromium.mjs';
import { ENGINE } from './driver.mjs';
import { startServer } from './server.mjs';
import { headersFromFile } from './headers-file.mjs';

/** The headers `scripts/serve.sh` (trunk serve, Trunk.toml `[serve] headers`) sends. */
export const DEV_SERVER_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Document-Isolation-Policy': 'isolate-and-require-corp',
};

/**
 * The three ways to host the built app in `dist`: `dev` sends the dev server's headers on every
 * file, `headers-file` applies dist/_headers like Netlify or Cloudflare Pages, `plain` sends
 * none (the service worker must add them). Returns { dev, 'headers-file', plain, parent, close },
 * each server with `url` (127.0.0.1) and `localUrl` (localhost); `parent` is a plain server for
 * the docs pages that embed the app.
 */
export async function startHosts(dist) {
  const fromFile = headersFromFile(path.join(dist, '_headers'));
  const hosts = {
    dev: await startServer({ root: dist, isolated: false, headers: () => DEV_SERVER_HEADERS }),
    'headers-file': await startServer({ root: dist, isolated: false, headers: fromFile }),
    plain: await startServer({ root: dist, isolated: false }),
    parent: await startServer({ root: dist, isolated: false }),
  };
  return {
    ...hosts,
    close: () => Promise.all(Object.values(hosts).map((h) => h.close())),
  };
}

/**
 * Registers hooks that start, for the tests of one file, the hosts of the build in `dist`
 * (`startHosts`), a Chromium of fresh contexts (`browser`) and one without
 * Document-Isolation-Policy (`noDip`: threads are off in a frame there, as in Firefox and
 * Safari). Returns the holder they fill: { hosts, browser, noDip }.
 */
export function useEmbedHosts(dist) {
  const env = { hosts: null, browser: null, noDip: null };
  before(async () => {
    assert.ok(existsSync(path.join(dist, 'index.html')), `${dist} has no build: run \`scripts/build.sh\` first`);
    env.hosts = await startHosts(dist);
    env.browser = await launchFresh();
    env.noDip = await launchNoDip();
  });
  after(async () => {
    await env.browser?.close();
    await env.noDip?.close();
    await env.hosts?.close();
  });
  return env;
}

/**
 * A Chromium without Document-Isolation-Policy: there, as in Chromium < 137, Firefox and Safari,
 * a frame of a page that is not isolated cannot be isolated.
 */
const launchNoDip = () => launchFresh(['--disable-features=DocumentIsolationPolicy']);

/**
 * Start Chromium (with `extraArgs`, e.g. `--disable-features=DocumentIsolationPolicy`).
 * `newPage()` opens a page in a new fresh context, closed with the page.
 */
export async function launchFresh(extraArgs = []) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
  return {
    newPage: async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const raw = await context.newPage();
      raw.once('close', () => context.close().catch(() => {}));
      // The driver's page interface (driver.mjs), with Playwright's page behind it.
      return wrapPage(raw);
    },
    close: () => browser.close(),
  };
}

/**
 * Registers hooks that start, for the tests of one file, a Chromium without
 * Document-Isolation-Policy (`--disable-features=DocumentIsolationPolicy`): there, as in Firefox
 * and Safari, a frame of a page that is not isolated cannot be isolated, so the non-isolated
 * fallback can be tested. Returns a holder whose `browser` works with browser.mjs's checkedPage.
 */
export function useNoDipBrowser(suite) {
  // Firefox has no Document-Isolation-Policy at all: there the suite's own browser is the
  // browser without DIP, and the Firefox subset tests the fallback in Firefox itself.
  if (ENGINE === 'firefox') return { get browser() { return suite.browser; } };
  const holder = { browser: null };
  before(async () => {
    holder.browser = await launchNoDip();
  });
  after(async () => {
    await holder.browser?.close();
  });
  return holder;
}

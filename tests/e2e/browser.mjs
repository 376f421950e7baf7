// browser.mjs — owns starting and stopping the browser for the end-to-end tests, plus the
// small page helpers the tests share (error collection, JSON downloads, screenshots).
//
// Uses Debian's Chromium (/usr/bin/chromium) through playwright-core; never downloads a
// browser. Each launch gets a fresh temporary profile (removed on close) so runs don't leak
// state (service workers, storage) into each other.

import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS_DIR = fileURLToPath(new URL('./artifacts/', import.meta.url));

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Record console errors, uncaught exceptions and crashes of a page (its frames and its workers) in
 * `page.__errors`, as strings, so a test can assert that none happened.
 */
function collectErrors(page) {
  if (page.__errors) return page;
  const errors = [];
  page.__errors = errors;
  const where = (msg) => {
    const loc = msg.location?.();
    return loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
  };
  // Chromium reports the console of the page's frames and of its (nested) workers here too.
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}${where(msg)}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err?.stack || err}`));
  page.on('crash', () => errors.push('crash: the page crashed'));
  return page;
}

/**
 * Start Chromium with a fresh temporary profile.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext,
 *   newPage: () => Promise<import('playwright-core').Page>, close: () => Promise<void> }>}
 */
export async function launch() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'cp-e2e-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  for (const page of context.pages()) collectErrors(page);
  context.on('page', collectErrors);

  return {
    context,
    newPage: async () => collectErrors(await context.newPage()),
    close: async () => {
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Click the element at `selector` and return the parsed JSON of the file it downloads. */
export async function downloadJson(page, selector, { timeout = 30_000 } = {}) {
  return (await downloadJsonWithName(page, selector, { timeout })).json;
}

/** Like `downloadJson`, but returns `{ json, filename }`. */
export async function downloadJsonWithName(page, selector, { timeout = 30_000 } = {}) {
  // Fail at once, with the page's own message, if the click throws in the page instead of
  // waiting out the timeout for a download that will never come.
  let onPageError;
  const pageError = new Promise((_, reject) => {
    onPageError = (err) => reject(new Error(`uncaught page error after clicking ${selector}: ${err?.message ?? err}`));
    page.on('pageerror', onPageError);
  });
  let download;
  try {
    [download] = await Promise.race([
      Promise.all([page.waitForEvent('download', { timeout }), page.click(selector, { timeout })]),
      pageError,
    ]);
  } finally {
    page.off('pageerror', onPageError);
  }
  const failure = await download.failure();
  if (failure) throw new Error(`download from ${selector} failed: ${failure}`);
  const file = await download.path();
  const text = await readFile(file, 'utf8');
  try {
    return { json: JSON.parse(text), filename: download.suggestedFilename() };
  } catch (err) {
    throw new Error(`download from ${selector} is not JSON (${err.message}): ${text.slice(0, 200)}`);
  }
}

/** Save a full-page screenshot to tests/e2e/artifacts/<name>.png; returns the path. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Open a page of `browser`, run `body(page)`, then assert the page logged no console error
 * and threw no uncaught exception (errors matching one of `allow`, an array of RegExps, are
 * expected and ignored). On failure, save a screenshot `fail-<name>` and report the errors.
 */
export async function checkedPage(browser, name, body, { allow = [] } = {}) {
  const page = await browser.newPage();
  const unexpected = () => page.__errors.filter((e) => !allow.some((re) => re.test(e)));
  try {
    await body(page);
    assert.deepEqual(unexpected(), [], `${name}: console errors or uncaught exceptions`);
  } catch (err) {
    await screenshot(page, `fail-${name}`).catch(() => {});
    if (page.__errors.length) err.message += `\npage errors:\n  ${page.__errors.join('\n  ')}`;
    throw err;
  } finally {
    await page.close();
  }
}

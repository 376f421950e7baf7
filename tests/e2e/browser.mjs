// browser.mjs — owns the small page helpers the end-to-end tests share on top of the page
// interface of driver.mjs: JSON downloads, screenshots, and a page that must log no error.
// Engine-neutral: what differs between Chromium and Firefox lives in driver-*.mjs. The helpers
// also take a raw Playwright page (from `launch` below or a test's own Chromium), so tools
// and Chromium-only tests written against Playwright keep using them.
//
// `launch` and `CHROMIUM_PATH` are kept here under their old names for such code (the
// benchmark, screens.mjs): Chromium through playwright-core, Playwright's own pages with their
// errors in `page.errors` (also `page.__errors`). Tests open pages through suite.mjs instead.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { wrapPage } from './driver-chromium.mjs';

export { CHROMIUM_PATH, launchPlaywright as launch } from './driver-chromium.mjs';

export const ARTIFACTS_DIR = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Click the element at `selector` and return the parsed JSON of the file it downloads. */
export async function downloadJson(page, selector, { timeout = 30_000 } = {}) {
  return (await downloadJsonWithName(page, selector, { timeout })).json;
}

/** Like `downloadJson`, but returns `{ json, filename }`. */
export async function downloadJsonWithName(page, selector, { timeout = 30_000 } = {}) {
  const { filename, bytes } = await interfaceOf(page).download(selector, { timeout });
  const text = bytes.toString('utf8');
  try {
    return { json: JSON.parse(text), filename };
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

/** `page` itself if it has the interface of driver.mjs, else (a raw Playwright page) wrapped. */
function interfaceOf(page) {
  return typeof page.download === 'function' ? page : wrapPage(page);
}

/** The errors collected for `page` (`errors`; `__errors` on pages made elsewhere). */
const errorsOf = (page) => page.errors ?? page.__errors ?? [];

/**
 * Open a page of `browser`, run `body(page)`, then assert the page logged no console error
 * and threw no uncaught exception (errors matching one of `allow`, an array of RegExps, are
 * expected and ignored). On failure, save a screenshot `fail-<name>` and report the errors.
 */
export async function checkedPage(browser, name, body, { allow = [] } = {}) {
  const page = await browser.newPage();
  const unexpected = () => errorsOf(page).filter((e) => !allow.some((re) => re.test(e)));
  try {
    await body(page);
    assert.deepEqual(unexpected(), [], `${name}: console errors or uncaught exceptions`);
  } catch (err) {
    await screenshot(page, `fail-${name}`).catch(() => {});
    if (errorsOf(page).length) err.message += `\npage errors:\n  ${errorsOf(page).join('\n  ')}`;
    throw err;
  } finally {
    await page.close();
  }
}

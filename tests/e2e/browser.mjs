// browser.mjs — owns the small page helpers the end-to-end tests share on top of the page
// interface of driver.mjs: JSON downloads, screenshots, and a page that must log no error.
// Engine-neutral: what differs between Chromium and Firefox lives in driver-*.mjs.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS_DIR = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Click the element at `selector` and return the parsed JSON of the file it downloads. */
export async function downloadJson(page, selector, { timeout = 30_000 } = {}) {
  return (await downloadJsonWithName(page, selector, { timeout })).json;
}

/** Like `downloadJson`, but returns `{ json, filename }`. */
export async function downloadJsonWithName(page, selector, { timeout = 30_000 } = {}) {
  const { filename, bytes } = await page.download(selector, { timeout });
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
  await page.screenshot(file);
  return file;
}

/**
 * Open a page of `browser`, run `body(page)`, then assert the page logged no console error
 * and threw no uncaught exception (errors matching one of `allow`, an array of RegExps, are
 * expected and ignored). On failure, save a screenshot `fail-<name>` and report the errors.
 */
export async function checkedPage(browser, name, body, { allow = [] } = {}) {
  const page = await browser.newPage();
  const unexpected = () => page.errors.filter((e) => !allow.some((re) => re.test(e)));
  try {
    await body(page);
    assert.deepEqual(unexpected(), [], `${name}: console errors or uncaught exceptions`);
  } catch (err) {
    await screenshot(page, `fail-${name}`).catch(() => {});
    if (page.errors.length) err.message += `\npage errors:\n  ${page.errors.join('\n  ')}`;
    throw err;
  } finally {
    await page.close();
  }
}

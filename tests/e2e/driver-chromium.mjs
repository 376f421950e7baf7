// driver-chromium.mjs — owns driving Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH)
// through playwright-core: the launch with the flags the suite needs, and the page interface
// of driver.mjs on top of Playwright's Page. Never downloads a browser. Each launch gets a
// fresh temporary profile (removed on close) so runs don't leak state (service workers,
// storage) into each other.

import { chromium } from 'playwright-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The flags every Chromium of the tests starts with (also fresh.mjs's launches). */
export const CHROMIUM_ARGS = [
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
 * Make `wrapper` answer, for any member it does not have itself, with the Playwright object it
 * wraps (methods bound to it). Tests written against Playwright's Page or Frame (`page.$`,
 * `page.frames()`, `page.keyboard`, `page.waitForEvent`, `page.__errors`) then run unchanged
 * in Chromium; in Firefox only the interface of driver.mjs exists, so such a test stays out of
 * the Firefox subset (see tests/e2e/README.md).
 */
function withFallback(wrapper, target) {
  return new Proxy(wrapper, {
    get(obj, prop) {
      if (prop in obj) return Reflect.get(obj, prop, obj);
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has: (obj, prop) => prop in obj || prop in target,
  });
}

/**
 * The frame methods of the interface, on a Playwright Page or Frame. Where a method has
 * Playwright's name, it also takes Playwright's options and returns what Playwright returns,
 * so that a test written against Playwright means what it meant there.
 */
class Frame {
  constructor(target) {
    this.target = target;
  }

  evaluate(fn, arg) {
    return this.target.evaluate(fn, arg);
  }

  waitForFunction(fn, arg, options) {
    return this.target.waitForFunction(fn, arg, options);
  }

  waitForSelector(selector, options) {
    return this.target.waitForSelector(selector, options);
  }

  async has(selector) {
    return (await this.target.$(selector)) !== null;
  }

  $$eval(selector, fn, arg) {
    return this.target.$$eval(selector, fn, arg);
  }

  textContent(selector, options) {
    return this.target.textContent(selector, options);
  }

  inputValue(selector, options) {
    return this.target.inputValue(selector, options);
  }

  isChecked(selector, options) {
    return this.target.isChecked(selector, options);
  }

  getAttribute(selector, name, options) {
    return this.target.getAttribute(selector, name, options);
  }
}

class Page extends Frame {
  constructor(page) {
    super(page);
    this.raw = page;
    this.errors = page.__errors;
  }

  /** The old name of `errors` (Playwright-style tests read it on the page). */
  get __errors() {
    return this.errors;
  }

  goto(url, options) {
    return this.raw.goto(url, options);
  }

  reload(options) {
    return this.raw.reload(options);
  }

  url() {
    return this.raw.url();
  }

  click(selector, options) {
    return this.raw.click(selector, options);
  }

  fill(selector, value, options) {
    return this.raw.fill(selector, value, options);
  }

  childFrames() {
    return this.raw.frames().filter((f) => f !== this.raw.mainFrame()).map(wrapFrame);
  }

  onLoad(callback) {
    this.raw.on('load', () => callback());
  }

  async waitForLoad() {
    await this.raw.waitForLoadState('load');
  }

  async download(selector, { timeout = 30_000 } = {}) {
    // Fail at once, with the page's own message, if the click throws in the page instead of
    // waiting out the timeout for a download that will never come.
    let onPageError;
    const pageError = new Promise((_, reject) => {
      onPageError = (err) => reject(new Error(`uncaught page error after clicking ${selector}: ${err?.message ?? err}`));
      this.raw.on('pageerror', onPageError);
    });
    let download;
    try {
      [download] = await Promise.race([
        Promise.all([this.raw.waitForEvent('download', { timeout }), this.raw.click(selector, { timeout })]),
        pageError,
      ]);
    } finally {
      this.raw.off('pageerror', onPageError);
    }
    const failure = await download.failure();
    if (failure) throw new Error(`download from ${selector} failed: ${failure}`);
    return { filename: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  /** `screenshot(file)`: the full page to `file`; or Playwright's `screenshot(options)`. */
  screenshot(fileOrOptions) {
    const options = typeof fileOrOptions === 'string' ? { path: fileOrOptions, fullPage: true } : fileOrOptions;
    return this.raw.screenshot(options);
  }

  close(options) {
    return this.raw.close(options);
  }
}

function wrapFrame(frame) {
  return withFallback(new Frame(frame), frame);
}

/**
 * A Playwright page (from `launchPlaywright`, or any with its errors collected) with the
 * interface of driver.mjs, falling back to Playwright's own page for every other member.
 */
export function wrapPage(page) {
  return withFallback(new Page(collectErrors(page)), page);
}

/**
 * Record console errors, uncaught exceptions and crashes of a page (its frames and its workers)
 * in `page.__errors`, as strings.
 */
function collectErrors(page) {
  if (page.__errors) return page;
  const errors = [];
  page.__errors = errors;
  // The interface's name too, so helpers that take either kind of page read `page.errors`.
  page.errors = errors;
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
 * Start Chromium with a fresh temporary profile, for code that uses Playwright itself (the
 * benchmark): its pages are Playwright's, with their errors in `page.__errors`. `extraArgs`
 * come after the suite's flags (e.g. `--js-flags=...`).
 * @returns {Promise<{ context: import('playwright-core').BrowserContext,
 *   newPage: () => Promise<import('playwright-core').Page>, close: () => Promise<void> }>}
 */
export async function launchPlaywright(extraArgs = []) {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'cp-e2e-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...extraArgs],
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

/**
 * Start Chromium for the tests: pages with the interface of driver.mjs (and Playwright's page
 * behind it); `context` is Playwright's BrowserContext (e.g. `context.grantPermissions`).
 */
export async function launch() {
  const browser = await launchPlaywright();
  return {
    engine: 'chromium',
    context: browser.context,
    newPage: async () => wrapPage(await browser.newPage()),
    close: browser.close,
  };
}

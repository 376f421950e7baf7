// driver-firefox.mjs — owns driving Debian's firefox-esr (/usr/bin/firefox-esr, or FIREFOX_PATH)
// through puppeteer-core over WebDriver BiDi: the launch with the preferences the suite needs,
// and the page interface of driver.mjs on top of Puppeteer's Page. Never downloads a browser.
// puppeteer-core makes a fresh temporary profile for each launch and removes it on close;
// downloads go to a temporary folder of this launch, also removed on close.

import puppeteer from 'puppeteer-core';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

const DEFAULT_TIMEOUT = 30_000;

/**
 * Preferences on top of puppeteer-core's own test profile (which already turns off app and
 * add-on updates, safe browsing, the data-reporting policy and points the remote-settings
 * server at a dummy host).
 *
 * Not needed: `dom.serviceWorkers.testing.enabled`. It allows service workers on insecure
 * origins, but http://127.0.0.1 is a secure context (W3C Secure Contexts, "Is origin
 * potentially trustworthy?": 127.0.0.0/8), and firefox-esr 140 registers the app's worker
 * there without it (tested: isSecureContext, registration, and interception of a sync XHR
 * from a nested blob worker).
 */
function preferences(downloadDir) {
  return {
    // Downloads: save every file straight into this launch's folder without asking, so
    // `download()` can read it (puppeteer-core has no download event to wait on).
    'browser.download.folderList': 2,
    'browser.download.dir': downloadDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    // Stay off the network: nothing but the local test servers should be contacted, both to
    // keep runs reproducible and because CI machines may have no route out. (Which services
    // connect on their own: Mozilla's support article "How to stop Firefox from making
    // automatic connections". Checked: sampling `ss -tnp` for 15 s with the app open showed
    // no socket of firefox-esr but its loopback BiDi listener.)
    'network.captive-portal-service.enabled': false, // probes detectportal.firefox.com at start
    'network.connectivity-service.enabled': false, // probes for IPv4/IPv6 connectivity
    'network.trr.mode': 5, // DNS over HTTPS off by choice (no resolver probes)
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'browser.ping-centre.telemetry': false,
    'extensions.systemAddon.update.enabled': false,
    'browser.region.network.url': '', // the region lookup at first start
    'browser.region.update.enabled': false,
  };
}

/** Resolves when `check()` returns a truthy value (which it returns), or rejects after `timeout` ms. */
async function poll(check, { timeout, interval = 50, what }) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The frame methods of the interface, on a Puppeteer Frame. */
class Frame {
  constructor(frame) {
    this.frame = frame;
  }

  evaluate(fn, arg) {
    return this.frame.evaluate(fn, arg);
  }

  // Polled every 100 ms, not on puppeteer's default of animation frames: a headless
  // firefox-esr 153 can go without frames for a long time (a fresh machine's run waited 90 s
  // for a progress value the page had shown after 4 s), and a timer keeps ticking.
  async waitForFunction(fn, arg, { timeout = DEFAULT_TIMEOUT } = {}) {
    await this.frame.waitForFunction(fn, { timeout, polling: 100 }, arg);
  }

  async waitForSelector(selector, { timeout = DEFAULT_TIMEOUT, state = 'visible' } = {}) {
    // Playwright's states and default (visible); Puppeteer's default is `attached`.
    const how = { attached: {}, visible: { visible: true }, hidden: { hidden: true } }[state];
    if (!how) throw new Error(`waitForSelector(${selector}): state "${state}" is not in the page interface (attached, visible, hidden)`);
    const handle = await this.frame.waitForSelector(selector, { timeout, ...how });
    await handle?.dispose();
  }

  async has(selector) {
    const handle = await this.frame.$(selector);
    await handle?.dispose();
    return handle !== null;
  }

  $$eval(selector, fn, arg) {
    return this.frame.$$eval(selector, fn, arg);
  }

  /** fn(element, arg) on the first match, once there is one (Playwright's getters wait too). */
  async #onFirst(selector, fn, arg) {
    const handle = await this.frame.waitForSelector(selector, { timeout: DEFAULT_TIMEOUT });
    try {
      return await handle.evaluate(fn, arg);
    } finally {
      await handle.dispose();
    }
  }

  textContent(selector) {
    return this.#onFirst(selector, (el) => el.textContent);
  }

  inputValue(selector) {
    return this.#onFirst(selector, (el) => el.value);
  }

  isChecked(selector) {
    return this.#onFirst(selector, (el) => el.checked);
  }

  getAttribute(selector, name) {
    return this.#onFirst(selector, (el, n) => el.getAttribute(n), name);
  }
}

class Page extends Frame {
  constructor(page, downloadDir) {
    super(page.mainFrame());
    this.raw = page;
    this.downloadDir = downloadDir;
    this.errors = collectErrors(page);
  }

  /** The old name of `errors`. */
  get __errors() {
    return this.errors;
  }

  async goto(url) {
    await this.raw.goto(url);
  }

  async reload() {
    await this.raw.reload();
  }

  url() {
    return this.raw.url();
  }

  async click(selector, { timeout = DEFAULT_TIMEOUT } = {}) {
    // A locator waits until the element is visible, enabled and still, as Playwright's click does.
    await this.raw.locator(selector).setTimeout(timeout).click();
  }

  async fill(selector, value) {
    // One `input` event with the whole new value, then `change`, as Playwright's fill gives.
    // Not Puppeteer's Locator.fill: it clears a number field without an event and then types
    // key by key, and in Firefox the typed keys landed after the old value ("40" -> "4024").
    const handle = await this.frame.waitForSelector(`${selector}:enabled`, { timeout: DEFAULT_TIMEOUT });
    try {
      await handle.evaluate((el, v) => {
        el.focus();
        el.value = v;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: v }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
    } finally {
      await handle.dispose();
    }
  }

  childFrames() {
    return this.raw.mainFrame().childFrames().map((f) => new Frame(f));
  }

  onLoad(callback) {
    this.raw.on('load', () => callback());
  }

  async waitForLoad() {
    await this.raw.mainFrame().waitForFunction(() => document.readyState === 'complete', { timeout: DEFAULT_TIMEOUT });
  }

  async download(selector, { timeout = DEFAULT_TIMEOUT } = {}) {
    // Firefox first writes `name.part` (and an empty `name`), then renames it: the download
    // is complete when a new file is there and no `.part` file is left.
    const before = new Set(await readdir(this.downloadDir));
    let pageError = null;
    const onPageError = (err) => {
      pageError = err;
    };
    this.raw.on('pageerror', onPageError);
    let found;
    try {
      await this.click(selector, { timeout });
      found = await poll(
        async () => {
          if (pageError) throw new Error(`uncaught page error after clicking ${selector}: ${pageError?.message ?? pageError}`);
          const files = await readdir(this.downloadDir);
          if (files.some((f) => f.endsWith('.part'))) return null;
          const filename = files.find((f) => !before.has(f));
          if (!filename) return null;
          // Firefox may still rename a temporary file into place: one that is gone (or still
          // empty) by the time it is read was not the finished download; look again.
          const bytes = await readFile(path.join(this.downloadDir, filename)).catch((err) => {
            if (err.code === 'ENOENT') return null;
            throw err;
          });
          return bytes?.length ? { filename, bytes } : null;
        },
        { timeout, what: `a download after clicking ${selector}` },
      );
    } finally {
      this.raw.off('pageerror', onPageError);
    }
    // Removed, so the next download of the same name keeps its name (Firefox would add "(1)").
    await rm(path.join(this.downloadDir, found.filename));
    return found;
  }

  /** `screenshot(file)`: the full page to `file`; or `screenshot({ path, fullPage })`. */
  async screenshot(fileOrOptions) {
    const { path: file, fullPage = false } = typeof fileOrOptions === 'string' ? { path: fileOrOptions, fullPage: true } : fileOrOptions;
    await this.raw.screenshot({ path: file, fullPage });
  }

  async close() {
    await this.raw.close();
  }
}

/** Record console errors, uncaught exceptions and crashes of a page as strings. */
function collectErrors(page) {
  const errors = [];
  const where = (msg) => {
    const loc = msg.location?.();
    return loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
  };
  // Over BiDi, Firefox reports the console of the page's frames and of its workers here too.
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}${where(msg)}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err?.stack || err}`));
  page.on('error', (err) => errors.push(`crash: ${err?.message ?? err}`));
  return errors;
}

export async function launch() {
  const downloadDir = await mkdtemp(path.join(tmpdir(), 'cp-e2e-downloads-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: preferences(downloadDir),
    });
  } catch (err) {
    await rm(downloadDir, { recursive: true, force: true });
    throw err;
  }
  return {
    engine: 'firefox',
    newPage: async () => new Page(await browser.newPage(), downloadDir),
    close: async () => {
      try {
        await browser.close();
      } finally {
        await rm(downloadDir, { recursive: true, force: true });
      }
    },
  };
}

// driver.mjs — owns which browser engine the end-to-end tests drive and the one page interface
// they drive it through, so that one test code base runs in Chromium and in Firefox. It knows
// nothing about the app (that is app.mjs). Which files run in Firefox is scripts/test.sh's list
// (FIREFOX_FILES); within those, `chromiumOnly` / `notInFirefoxSubset` mark single tests.
//
// The engine is chosen by E2E_BROWSER: `chromium` (the default: Debian's Chromium through
// playwright-core, driver-chromium.mjs) or `firefox` (Debian's firefox-esr through
// puppeteer-core over WebDriver BiDi, driver-firefox.mjs). Neither downloads a browser.
//
// The page interface (both engines; a frame has the methods marked *):
//   goto(url)  reload()  url()                      load a page and wait for its `load` event
//   evaluate(fn, arg)*                               run fn(arg) in the page, return its value
//   waitForFunction(fn, arg, { timeout })*           until fn(arg) is truthy in the page
//   waitForSelector(selector, { timeout, state })*   until an element matches and is `visible`
//                                                    (the default), `attached` or `hidden`
//   has(selector)*                                   whether an element matches now
//   $$eval(selector, fn, arg)*                       fn(elements, arg) in the page
//   textContent(selector)*  inputValue(selector)*  isChecked(selector)*
//   getAttribute(selector, name)*                    of the first match, waiting for it
//   click(selector, { timeout })  fill(selector, value)
//                                                    once the element is visible and enabled
//   childFrames()                                    the frames inside the page (iframes)
//   onLoad(callback)                                 called on each document load of the page
//   waitForLoad()                                    until the current document has loaded
//   download(selector, { timeout })                  click; the file it downloads: { filename, bytes }
//   screenshot(file)  close()
//   errors                                           console errors, uncaught exceptions and
//                                                    crashes seen so far, as strings
//   raw                                              the library's own page: Chromium-only tests only
// Selectors are CSS. Waits without a timeout use 30 s, as Playwright does. `__errors` is the old
// name of `errors`. In Chromium a page (and a frame) also answers, for any member not listed
// here, with Playwright's own page (frame), so tests written against Playwright run unchanged
// there; such a file stays out of the Firefox subset.

export const ENGINES = ['chromium', 'firefox'];
export const ENGINE = process.env.E2E_BROWSER || 'chromium';
if (!ENGINES.includes(ENGINE)) {
  throw new Error(`E2E_BROWSER=${ENGINE} is not an engine the tests know; use one of: ${ENGINES.join(', ')}`);
}

/**
 * Start the selected engine with a fresh temporary profile (removed on close).
 * @returns {Promise<{ engine: string, newPage: () => Promise<object>, close: () => Promise<void> }>}
 */
export async function launch() {
  const { launch: launchEngine } = await import(ENGINE === 'firefox' ? './driver-firefox.mjs' : './driver-chromium.mjs');
  return launchEngine();
}

/**
 * Test options for a check that only Chromium can pass: in another engine the test is
 * reported as skipped with `reason`. Spread into the options: `{ timeout, ...chromiumOnly('why') }`.
 */
export function chromiumOnly(reason) {
  return ENGINE === 'chromium' ? {} : { skip: `Chromium-only: ${reason}` };
}

/**
 * Test options for a check that runs in Chromium only to keep the suite quick, though nothing
 * in it is Chromium-specific (E2E_FIREFOX_ALL=1 runs it in Firefox too).
 */
export function notInFirefoxSubset(reason) {
  if (ENGINE === 'chromium' || process.env.E2E_FIREFOX_ALL === '1') return {};
  return { skip: `not in the Firefox subset: ${reason}` };
}

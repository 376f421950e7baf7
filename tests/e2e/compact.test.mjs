// compact.test.mjs — owns the end-to-end checks of the compact embed (`embed=1`) that fits a
// docs page: at 800 x 700 inside a docs page of another origin, the Run button is on the first
// screen at load and a chart is there after a run (bounding boxes in the frame's viewport);
// `controls=` shows only the named controls and names an unknown one; `lock=1` leaves Run and
// Stop and nothing else; the Share panel's embed builder makes the snippet and previews its
// height. Screenshots (tests/e2e/artifacts/compact-*.png) at 800 x 700 and at phone width.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { DIST } from './suite.mjs';
import { ARTIFACTS_DIR, checkedPage } from './browser.mjs';
import { useEmbedHosts } from './fresh.mjs';
import { WAIT_MS, sel } from './app.mjs';

const TIMEOUT = 120_000;
const [W, H] = [800, 700];

const site = useEmbedHosts(DIST);

/** A viewport-sized screenshot (what a reader sees first) to artifacts/<name>.png. */
async function shot(page, name) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
}

/**
 * Open a docs page of another origin (localhost, the app on 127.0.0.1) with a `w` x `h` frame
 * of the app at `query`; returns the app's frame once its Run button is enabled.
 */
async function openEmbed(page, query, { w = W, h = H } = {}) {
  await page.setViewportSize({ width: w, height: h });
  const src = `${site.hosts.dev.url}/?${query}`;
  await page.goto(`${site.hosts.parent.localUrl}/__fixtures/embed-sized.html?w=${w}&h=${h}&src=${encodeURIComponent(src)}`);
  await page.waitForFunction(() => window.__messages.some((m) => m.type === 'ready'), null, { timeout: WAIT_MS });
  const frame = page.frames().find((f) => f.url().startsWith(site.hosts.dev.url));
  assert.ok(frame, 'the frame loaded the app');
  await frame.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
  return frame;
}

/** `selector`'s box in the frame's own viewport. */
function box(frame, selector) {
  return frame.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  });
}

function assertOnFirstScreen(b, what, { w = W, h = H } = {}) {
  assert.ok(b.height > 0, `${what} is drawn: ${JSON.stringify(b)}`);
  assert.ok(b.top >= 0 && b.bottom <= h && b.left >= 0 && b.right <= w, `${what} lies in the first ${w} x ${h}: ${JSON.stringify(b)}`);
}

async function runFinished(page, count) {
  await page.waitForFunction((n) => window.__messages.filter((m) => m.type === 'run-finished').length >= n, count, { timeout: WAIT_MS });
  const finished = await page.evaluate(() => window.__messages.filter((m) => m.type === 'run-finished'));
  return finished[finished.length - 1].payload;
}

/** The test ids of the inputs and selects a reader can see. */
function visibleControls(frame) {
  return frame.$$eval('form input, form select', (els) =>
    els.filter((el) => el.checkVisibility()).map((el) => el.getAttribute('data-testid')));
}

test('the compact embed at 800 x 700 in a docs page of another origin: Run on the first screen, then the charts', { timeout: TIMEOUT }, () =>
  checkedPage(site.browser, 'compact-first-screen', async (page) => {
    const frame = await openEmbed(page, 'models=sequential,threads,async&n=27&tasks=8&threads=2&embed=1');
    assert.equal(await frame.evaluate(() => innerHeight), H, 'the frame is 700 px tall');
    assertOnFirstScreen(await box(frame, sel.run), 'the Run button');
    for (const model of ['sequential', 'threads', 'async']) {
      assertOnFirstScreen(await box(frame, sel.model(model)), `the ${model} chip`);
      assert.equal(await frame.isChecked(sel.model(model)), true);
    }
    assert.equal(await frame.$eval('[data-testid=embed-settings]', (d) => d.open), false, 'settings are one click away');
    await shot(page, 'compact-800x700-load');

    await frame.click(sel.run);
    const results = await runFinished(page, 1);
    assert.deepEqual(results.runs.map((r) => r.status), ['ok', 'ok', 'ok']);
    await frame.waitForSelector('[data-testid=comparison-chart]');
    await frame.waitForSelector('#chart-combined');
    assertOnFirstScreen(await box(frame, '[data-testid=comparison-chart]'), 'the comparison chart');
    const timeline = await box(frame, '#chart-combined');
    assert.ok(timeline.top >= 0 && timeline.top < H - 100, `the combined timeline starts on the first screen: ${JSON.stringify(timeline)}`);
    // Explanations and cards wait behind one click.
    assert.equal(await frame.$eval('[data-testid=results-more]', (d) => d.open), false);
    assert.equal(await frame.isVisible(sel.result('threads')), false);
    await shot(page, 'compact-800x700-results');

    await frame.click('[data-testid=embed-settings] > summary');
    assert.ok(await frame.isVisible(sel.field('n')), 'one click shows the settings');
    await frame.click('[data-testid=results-more] > summary');
    assert.ok(await frame.isVisible(sel.result('threads')), 'one click shows the cards');
    const resizes = await page.evaluate(() => window.__messages.filter((m) => m.type === 'resize').map((m) => m.height));
    assert.ok(resizes.length >= 2 && resizes.every((h) => h > 100), `resize messages keep coming: ${resizes}`);
  }));

test('threads off in the frame: a one-line notice, and Run still on the first screen', { timeout: TIMEOUT }, () =>
  checkedPage(site.noDip, 'compact-no-threads', async (page) => {
    const frame = await openEmbed(page, 'models=sequential,threads,async&n=25&tasks=4&threads=2&embed=1');
    await frame.waitForSelector('[data-testid=isolation-banner]');
    const banner = await box(frame, '[data-testid=isolation-banner]');
    assert.ok(banner.height < 80, `the notice is one line or two: ${JSON.stringify(banner)}`);
    assert.equal(await frame.$eval('[data-testid=isolation-banner] details', (d) => d.open), false, 'the reason is one click away');
    assertOnFirstScreen(await box(frame, sel.run), 'the Run button');
    await shot(page, 'compact-800x700-no-threads');
  }));

test('controls= shows only the named controls, and they work', { timeout: TIMEOUT }, () =>
  checkedPage(site.browser, 'compact-controls', async (page) => {
    const frame = await openEmbed(page, 'models=sequential,async&n=20&tasks=4&threads=2&embed=1&controls=n,threads');
    assert.deepEqual((await visibleControls(frame)).sort(), ['field-n', 'field-threads']);
    assert.equal(await frame.$('[data-testid=embed-settings]'), null, 'no Settings disclosure');
    assert.equal(await frame.textContent('[data-testid=embed-models]'), 'SequentialAsync (one event loop)', 'the fixed models are named');
    await shot(page, 'compact-controls');
    await frame.fill(sel.field('n'), '22');
    await frame.click(sel.run);
    const results = await runFinished(page, 1);
    assert.equal(results.config.n, 22, 'the learner changed n');
    assert.deepEqual(results.runs.map((r) => r.model), ['sequential', 'async']);
    assert.ok(frame.url().includes('controls=n%2Cthreads') || frame.url().includes('controls=n,threads'), `round-trips in the URL: ${frame.url()}`);

    const models = await openEmbed(page, 'models=sequential&n=20&tasks=4&embed=1&controls=models');
    assert.deepEqual((await visibleControls(models)).sort(), ['model-async', 'model-gil', 'model-main-thread', 'model-processes', 'model-sequential', 'model-threads']);
  }));

test('lock=1: nothing changes the experiment, Run and Stop work', { timeout: TIMEOUT }, () =>
  checkedPage(site.browser, 'compact-lock', async (page) => {
    // Long enough (~1 s per model) that Stop lands while a model runs.
    const frame = await openEmbed(page, 'models=sequential,async&n=34&tasks=60&threads=2&embed=1&lock=1');
    await frame.click('[data-testid=embed-settings] > summary');
    const inputs = await frame.$$eval('form input, form select', (els) => els.map((el) => [el.getAttribute('data-testid'), el.disabled]));
    assert.ok(inputs.length >= 8, `the form's controls: ${inputs}`);
    for (const [id, disabled] of inputs) assert.equal(disabled, true, `${id} is read-only`);
    assert.ok(await frame.isVisible('[data-testid=locked-note]'), 'says the experiment is fixed');

    await frame.click(sel.run);
    await frame.waitForSelector(sel.phase('running'), { timeout: WAIT_MS });
    await frame.click('[data-testid=stop]');
    const stopped = await runFinished(page, 1);
    assert.ok(stopped.runs.some((r) => r.status === 'cancelled'), `Stop stopped it: ${stopped.runs.map((r) => r.status)}`);
    assert.equal(stopped.config.n, 34);
    await frame.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    assert.ok(frame.url().includes('lock=1'), `lock round-trips in the URL: ${frame.url()}`);
  }));

test('an unknown name in controls= is reported by name with the accepted list', { timeout: TIMEOUT }, () =>
  checkedPage(site.browser, 'compact-bad-controls', async (page) => {
    const frame = await openEmbed(page, 'n=20&tasks=4&embed=1&controls=n,colour');
    const errors = await frame.$$eval(sel.configErrors, (els) => els.map((el) => el.textContent));
    assert.equal(errors.length, 1, `${errors}`);
    assert.match(errors[0], /controls: unknown control "colour"/);
    assert.match(errors[0], /accepted: workload, models, n, tasks, threads/);
    assert.deepEqual(await visibleControls(frame), ['field-n'], 'the known control still shows');
  }));

test('at phone width the compact embed keeps Run on the first screen', { timeout: TIMEOUT }, () =>
  checkedPage(site.browser, 'compact-phone', async (page) => {
    const [w, h] = [390, 700];
    const frame = await openEmbed(page, 'models=sequential,threads,async&n=25&tasks=4&threads=2&embed=1', { w, h });
    assertOnFirstScreen(await box(frame, sel.run), 'the Run button', { w, h });
    await shot(page, 'compact-phone-load');
    await frame.click(sel.run);
    await runFinished(page, 1);
    // The comparison bars in their narrow drawing, its words at a readable size (the wide
    // drawing, scaled down to the phone, drew them at ~6 px).
    await frame.waitForSelector('[data-testid=comparison-chart-narrow]');
    assert.equal(await frame.isVisible('[data-testid=comparison-chart]'), false, 'the wide drawing is hidden');
    const sizes = await frame.$$eval('[data-testid=comparison-chart-narrow] text', (ts) =>
      ts.map((t) => t.getBoundingClientRect().height));
    assert.equal(sizes.length, 6, 'a name and a time per model');
    for (const h of sizes) assert.ok(h >= 11, `a label ${h.toFixed(1)} px tall`);
    await shot(page, 'compact-phone-results');
  }));

test('the Share panel makes the embed snippet with controls and lock, and previews its height', { timeout: TIMEOUT }, () =>
  checkedPage(site.browser, 'compact-builder', async (page) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.hosts.dev.url}/?models=sequential,async&n=20&tasks=4&threads=2`);
    await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
    await page.click('[data-testid=embed-builder] > summary');
    const snippet = () => page.inputValue('[data-testid=embed-snippet]');
    assert.match(await snippet(), /embed=1/);
    assert.doesNotMatch(await snippet(), /controls=|lock=/);
    assert.match(await snippet(), /height="700"/);
    await page.check('[data-testid=embed-control-n]');
    await page.check('[data-testid=embed-control-models]');
    await page.check('[data-testid=embed-lock]');
    const text = await snippet();
    assert.match(text, /controls=models%2Cn&amp;lock=1/, text);
    assert.match(text, /models=sequential%2Casync|models=sequential,async/, 'the experiment is in the snippet');

    await page.click('[data-testid=embed-preview]');
    await page.waitForFunction(() => document.querySelector('[data-testid=embed-height]').dataset.height !== '700', null, { timeout: WAIT_MS });
    const height = Number(await page.getAttribute('[data-testid=embed-height]', 'data-height'));
    assert.ok(height > 150 && height < 1500, `the preview reports a plausible height: ${height}`);
    assert.match(await snippet(), new RegExp(`height="${height}"`), 'the snippet takes the measured height');
    const preview = page.frames().find((f) => f !== page.mainFrame() && f.url().includes('embed=1'));
    assert.ok(preview, 'the preview shows the embed');
    await preview.waitForSelector('[data-testid=locked-note]');
    await page.locator('[data-testid=embed-builder]').scrollIntoViewIfNeeded();
    await shot(page, 'compact-builder');
  }));

// screens.mjs — owns the screenshots people look at when they change the layout: the page at
// 1280x900, 800x700 and 390x844, light and dark, at load and after a run, saved to
// tests/e2e/artifacts/screen-<size>-<scheme>-<when>.png (the viewport only: what a visitor
// sees without scrolling). Not a test; run it by hand after `scripts/build.sh`:
//
//     node tests/e2e/screens.mjs ['models=sequential,threads,async&n=30&tasks=8&threads=2']

import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { startServer } from './server.mjs';
import { launch, ARTIFACTS_DIR } from './browser.mjs';
import { DIST } from './suite.mjs';
import { sel, waitForFinished, WAIT_MS } from './app.mjs';

const SIZES = [
  [1280, 900],
  [800, 700],
  [390, 844],
];
const query = process.argv[2] || 'models=sequential,threads,async&n=30&tasks=8&threads=2';

const server = await startServer({ root: DIST, isolated: true });
const browser = await launch();
await mkdir(ARTIFACTS_DIR, { recursive: true });
try {
  for (const scheme of ['light', 'dark']) {
    for (const [width, height] of SIZES) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.url}/?${query}`);
      await page.waitForSelector(`${sel.run}:enabled`, { timeout: WAIT_MS });
      const shot = async (when) => {
        const file = path.join(ARTIFACTS_DIR, `screen-${width}-${scheme}-${when}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      };
      await shot('load');
      await page.click(sel.run);
      await waitForFinished(page);
      await page.waitForSelector('[data-testid=combined-timeline]', { timeout: WAIT_MS });
      await shot('run');
      const panel = path.join(ARTIFACTS_DIR, `screen-${width}-${scheme}-combined.png`);
      await page.locator('[data-testid=combined-panel]').screenshot({ path: panel });
      console.log(panel);
      if (page.__errors.length) console.log(`page errors: ${page.__errors.join('\n')}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

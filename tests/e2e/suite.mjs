// suite.mjs — owns the shared set-up of an e2e test file: the built app (dist/, or the folder
// named by E2E_DIST), one server that sends COOP/COEP, one that sends no special headers (an
// ordinary static host), and one browser of the engine driver.mjs selects; started before the
// file's tests, stopped after.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { launch } from './driver.mjs';

export const DIST = process.env.E2E_DIST || fileURLToPath(new URL('../../dist/', import.meta.url));

/** Registers the hooks; the returned object holds `server`, `plainServer` and `browser`. */
export function useSuite() {
  // The browser starts with the first page a test opens: a file whose tests are all skipped
  // in this engine starts none.
  let started = null;
  let launched = null;
  const own = {
    newPage: async () => {
      started ??= launch().then((b) => (launched = b));
      return (await started).newPage();
    },
  };
  // Any other member (Chromium: `context`, Playwright's BrowserContext) is the started
  // browser's, once a page has been opened.
  const browser = new Proxy(own, {
    get: (obj, prop) => (prop in obj ? obj[prop] : launched?.[prop]),
  });
  const s = { server: null, plainServer: null, browser };
  before(async () => {
    assert.ok(existsSync(path.join(DIST, 'index.html')), `${DIST} has no build: run \`scripts/build.sh\` first`);
    s.server = await startServer({ root: DIST, isolated: true });
    s.plainServer = await startServer({ root: DIST, isolated: false });
  });
  after(async () => {
    await (await started?.catch(() => null))?.close();
    await s.server?.close();
    await s.plainServer?.close();
  });
  return s;
}

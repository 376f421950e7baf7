// server.mjs — owns the static file server the end-to-end tests load the app from.
//
// Serves the built app (dist/) and the test fixture pages (tests/e2e/fixtures/, under
// /__fixtures/) on 127.0.0.1 only, with no caching. With `isolated: true` every response
// carries the headers that make a page cross-origin isolated (COOP/COEP/CORP), the way the
// dev server and a well-configured host do; with `isolated: false` it sends none of them,
// like an ordinary static host, so the tests can check the app's non-isolated fallback.
// `headers` adds headers per path (a function of the pathname, e.g. from dist/_headers, see
// headers-file.mjs). It listens on 127.0.0.1; `localUrl` reaches the same server as
// `localhost`, another site to the browser (for cross-site embedding tests). Every request's
// path and time (Date.now()) is kept in `requests`, in arrival order (what a page loaded,
// and when: responses are never cached, so every load reaches the server); `delay` holds a
// path's response back that many ms (a slow file, e.g. a slow engine start).
// No dependencies: node:http and node:fs only.

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_ROOT = fileURLToPath(new URL('../../dist/', import.meta.url));
const FIXTURES_ROOT = fileURLToPath(new URL('./fixtures/', import.meta.url));
const FIXTURES_PREFIX = '/__fixtures/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Map a URL path onto a file under `base`, or null if it escapes `base` or is malformed.
 * `relPath` is the decoded path below the mount point, without a leading slash.
 */
function resolveInside(base, relPath) {
  if (relPath.includes('\0')) return null;
  const full = path.resolve(base, '.' + path.posix.sep + relPath);
  const baseWithSep = base.endsWith(path.sep) ? base : base + path.sep;
  if (full !== base && !full.startsWith(baseWithSep)) return null;
  return full;
}

async function fileOrIndex(full) {
  try {
    const st = await stat(full);
    if (st.isFile()) return full;
    if (st.isDirectory()) {
      const index = path.join(full, 'index.html');
      const ist = await stat(index);
      if (ist.isFile()) return index;
    }
  } catch {
    // fall through: not found
  }
  return null;
}

/**
 * Start the server.
 * @param {{ root?: string|URL, isolated?: boolean, port?: number,
 *   headers?: (pathname: string) => Record<string, string>,
 *   delay?: (pathname: string) => number }} [options]
 * @returns {Promise<{ url: string, localUrl: string, requests: { path: string, at: number }[],
 *   close: () => Promise<void> }>} urls end without a slash.
 */
export async function startServer({
  root = DEFAULT_ROOT, isolated = true, port = 0, headers = () => ({}), delay = () => 0,
} = {}) {
  const rootDir = path.resolve(root instanceof URL ? fileURLToPath(root) : root);
  const fixturesDir = path.resolve(FIXTURES_ROOT);
  const requests = [];

  const server = http.createServer(async (req, res) => {
    let baseHeaders = { 'Cache-Control': 'no-store', ...(isolated ? ISOLATION_HEADERS : {}) };
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { ...baseHeaders, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request\n');
    }

    requests.push({ path: pathname, at: Date.now() });
    const wait = delay(pathname);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    baseHeaders = { ...baseHeaders, ...headers(pathname) };
    let base = rootDir;
    let rel = pathname.replace(/^\/+/, '');
    if (pathname.startsWith(FIXTURES_PREFIX)) {
      base = fixturesDir;
      rel = pathname.slice(FIXTURES_PREFIX.length);
    }

    const full = resolveInside(base, rel);
    const file = full && (await fileOrIndex(full));
    if (!file) return send(404, 'not found\n');

    try {
      const body = await readFile(file);
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { ...baseHeaders, 'Content-Type': type, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(500, 'read error\n');
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actualPort } = server.address();

  return {
    url: `http://127.0.0.1:${actualPort}`,
    localUrl: `http://localhost:${actualPort}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

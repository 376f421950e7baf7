// Concurrency Playground service worker. Two jobs, because only one service
// worker can control a page:
//
// 1. The simulated slow server: answers `GET <scope>api/delay?ms=&bytes=&status=`
//    after `ms` milliseconds with `bytes` bytes and the given HTTP status, so
//    the I/O workload has real latency without the internet, on a static
//    host, inside an iframe and in tests. Requests from the page, from the
//    engine worker and from rayon's nested blob workers all reach it (a
//    worker is controlled by the service worker of the page that created it).
//
// 2. Cross-origin isolation on hosts that cannot send headers: it re-serves
//    the app's own page and worker scripts with COOP/COEP (the coi-serviceworker
//    pattern, https://github.com/gzuidhof/coi-serviceworker) and
//    Document-Isolation-Policy, which in Chromium 137+ isolates the page
//    even inside a frame of a page that sends no headers
//    (https://github.com/WICG/document-isolation-policy). The page reloads
//    once after this worker takes control (see crates/web/src/server.rs).
//    Other pages under the scope (docs, test fixtures) are left untouched.
'use strict';

const MAX_MS = 60000;
const MAX_BYTES = 10 * 1024 * 1024;

self.addEventListener('install', (event) => {
  // Static routes (Chromium 123+): the page's styles, images, scripts and the
  // WASM modules go straight to the network, without starting this worker or
  // running its fetch handler, which would only pass them through (it adds
  // headers to documents and worker scripts alone, see below). Measured: see
  // the README's Performance section (first render).
  if (typeof event.addRoutes === 'function') {
    event.waitUntil(
      event
        .addRoutes([
          { condition: { requestDestination: 'style' }, source: 'network' },
          { condition: { requestDestination: 'image' }, source: 'network' },
          { condition: { requestDestination: 'script' }, source: 'network' },
          { condition: { urlPattern: { pathname: '*.wasm' } }, source: 'network' },
        ])
        .catch(() => {}),
    );
  }
  self.skipWaiting();
});
// Take control of already-open pages at once, so the first visit can use the
// simulated server without a reload.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || request.method !== 'GET') return;
  if (url.pathname === new URL('api/delay', scope).pathname) {
    event.respondWith(delayed(url.searchParams));
    return;
  }
  // Chromium rejects `only-if-cached` requests that are not same-origin mode.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  const appPage = url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`;
  // Only a document's and a worker's own response decide whether it is
  // isolated; the scripts, styles and images they load are same-origin and
  // need no headers, so they pass through untouched.
  const worker = request.destination === 'worker' || request.destination === 'sharedworker';
  if (request.mode === 'navigate' ? appPage : worker) {
    event.respondWith(isolated(request));
  }
});

// The response with the headers that make the page cross-origin isolated.
async function isolated(request) {
  const response = await fetch(request);
  if (response.status === 0) return response; // opaque: nothing to add
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Document-Isolation-Policy', 'isolate-and-require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function int(params, key, fallback, min, max) {
  const n = Number.parseInt(params.get(key) ?? '', 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, min), max) : fallback;
}

async function delayed(params) {
  const ms = int(params, 'ms', 0, 0, MAX_MS);
  const bytes = int(params, 'bytes', 1024, 0, MAX_BYTES);
  const status = int(params, 'status', 200, 200, 599);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return new Response('x'.repeat(bytes), {
    status,
    headers: {
      'Content-Type': 'text/plain',
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Delay-Ms': String(ms),
    },
  });
}

// Concurrency Playground service worker: the simulated slow server.
//
// Answers `GET <scope>api/delay?ms=&bytes=&status=` after `ms` milliseconds
// with `bytes` bytes and the given HTTP status, so the I/O workload has real
// latency without the internet, on a static host, inside an iframe and in
// tests. Requests from the page, from the engine worker and from rayon's
// nested blob workers all reach it (a worker is controlled by the service
// worker of the page that created it). Everything else goes to the network
// untouched.
'use strict';

const MAX_MS = 60000;
const MAX_BYTES = 10 * 1024 * 1024;

self.addEventListener('install', () => self.skipWaiting());
// Take control of already-open pages at once, so the first visit can use the
// simulated server without a reload.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const endpoint = new URL('api/delay', self.registration.scope);
  if (url.origin === endpoint.origin && url.pathname === endpoint.pathname) {
    event.respondWith(delayed(url.searchParams));
  }
});

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
      'X-Delay-Ms': String(ms),
    },
  });
}

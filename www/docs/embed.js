// embed.js — the example page's script (docs/embed.html): points the frame at the playground
// and shows the messages it posts. The playground is at `?app=<url>` when this page is served
// from another origin, else the site root above this page (where the build deploys it).
'use strict';

const EXPERIMENT = 'workload=fetch&models=sequential,threads,async,processes&requests=20&latency=150&threads=4&embed=1';

const frame = document.getElementById('playground');
const log = document.getElementById('log');
const where = document.getElementById('app-where');

const given = new URLSearchParams(location.search).get('app');
let app = null;
try {
  app = new URL(given || '../', location.href);
} catch {
  where.textContent = `Not a URL: ${given}. Give the playground's address as ?app=https://your.host/playground/`;
}
// Only http(s): never a javascript: or data: URL from the query.
if (app && (app.protocol === 'http:' || app.protocol === 'https:')) {
  app.search = EXPERIMENT;
  app.hash = '';
  frame.src = app.href;
  where.textContent = `The frame shows ${app.origin}${app.pathname}`;
} else if (app) {
  where.textContent = `Only http and https addresses are embedded (got ${app.protocol}).`;
}

addEventListener('message', (event) => {
  const m = event.data;
  if (!m || m.source !== 'concurrency-playground' || event.source !== frame.contentWindow) return;
  if (m.type === 'resize' && Number.isFinite(m.height)) frame.style.height = `${Math.ceil(m.height)}px`;
  if (m.type === 'ready') log.textContent = 'ready\n';
  if (m.type === 'run-finished') {
    const lines = m.payload.runs.map((r) =>
      `${r.model}: ${r.status}${r.wall_ms == null ? '' : `, ${r.wall_ms.toFixed(1)} ms`}`);
    log.textContent += `run finished\n  ${lines.join('\n  ')}\n`;
  }
});

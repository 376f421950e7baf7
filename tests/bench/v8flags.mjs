// v8flags.mjs — owns one investigation of the benchmark (issue 16): how fast `fib` runs in the
// browser under different V8 settings, and how much page loads of the same build disagree. Each
// variant is a fresh browser (fresh profile, so no code cache), LOADS page loads of
// `sequential` (and `threads` on 1 pool thread), and prints per-call times per load.
//
//   node tests/bench/v8flags.mjs [--n 32] [--tasks 20] [--loads 4] [--repeat 3] [VARIANT...]
//
// VARIANT: `default`, or V8 flags joined by commas (e.g. `--no-wasm-inlining`,
// `--liftoff-only`, `--no-liftoff`). Needs a release build in dist/. Prints, per variant and load:
// the median per call of `sequential` (engine worker) and of `threads` (one pool thread).

import { launch, downloadJson } from '../e2e/browser.mjs';
import { sel, waitForFinished } from '../e2e/app.mjs';
import { startServer } from '../e2e/server.mjs';

const argv = process.argv.slice(2);
const num = (name, dflt) => (argv.includes(name) ? Number(argv.splice(argv.indexOf(name), 2)[1]) : dflt);
const n = num('--n', 32);
const tasks = num('--tasks', 20);
const loads = num('--loads', 4);
const repeat = num('--repeat', 3);
const variants = argv.length ? argv : ['default'];

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function variant(server, flags) {
  // A fresh profile per variant (the launch's own), so no code cache carries over.
  const browser = await launch(flags === 'default' ? [] : [`--js-flags=${flags.split(',').join(' ')}`]);
  const rows = [];
  try {
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage();
      await page.goto(`${server.url}/?autorun=1&workload=fib&models=sequential,threads&threads=1` +
        `&n=${n}&tasks=${tasks}&repeat=${repeat}`);
      await waitForFinished(page);
      const results = await downloadJson(page, sel.download);
      await page.close();
      const run = (m) => results.runs.find((r) => r.model === m);
      const perCall = (r) => r.wall_ms_samples.map((ms) => ms / tasks);
      rows.push({
        load: i + 1,
        sequential: perCall(run('sequential')),
        threads: perCall(run('threads')),
        warm_up_ms: run('threads').overheads_ms?.warm_up,
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

const server = await startServer({ isolated: true });
try {
  console.log(`fib(${n}) per call, ms: median of ${repeat} runs of ${tasks} calls, per page load`);
  for (const v of variants) {
    const rows = await variant(server, v);
    const seq = rows.map((r) => median(r.sequential));
    const spread = Math.max(...seq) / Math.min(...seq) - 1;
    console.log(`\n${v}: sequential per load ${seq.map((x) => x.toFixed(2)).join(', ')} ` +
      `(spread ${(spread * 100).toFixed(1)}%); one pool thread ${rows.map((r) => median(r.threads).toFixed(2)).join(', ')}; ` +
      `warm-up ${rows.map((r) => r.warm_up_ms?.toFixed(0)).join(', ')} ms`);
    for (const r of rows) {
      console.log(`  load ${r.load}: sequential ${r.sequential.map((x) => x.toFixed(2)).join(' ')}; ` +
        `threads ${r.threads.map((x) => x.toFixed(2)).join(' ')}`);
    }
  }
} finally {
  await server.close();
}

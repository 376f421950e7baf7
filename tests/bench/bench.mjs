// bench.mjs — owns the benchmark run (issue 7): what is measured, in which order, with which
// settings (full or --quick), and the JSON document it writes. Printing and budgets are in
// report.mjs; page driving in probe.mjs; native and CPython baselines in baselines.mjs.
//
//   node tests/bench/bench.mjs [--quick] [--out target/bench/bench.json] [--native-bin PATH]
//                              [--native-cpu-bin PATH]
//
// Needs a release build in dist/ and the native example built (scripts/bench.sh does both).
// Full: the reference CPU experiment (20 x fib(35)), N = 10/100/1000; --quick: fib(30), N = 10/100.
// BENCH_QUICK=1 is --quick; BENCH_QUIET_WAIT (s) caps the wait for an idle CPU; E2E_DIST another build.
// Exits 1 only if something failed to run (a load, a model run); budgets are reported, not asserted.

import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { firstVisit, openBench } from './probe.mjs';
import { nativeFib, cpythonFib } from './baselines.mjs';
import { spread, dispatchUs, lanesOf, transferSizes, cpuBusy, smallFunctionShare } from './stats.mjs';
import { report, budgets } from './report.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const QUICK = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const OUT = path.resolve(opt('--out', path.join(ROOT, 'target/bench/bench.json')));
// The native baseline built for speed (profile native-speed), and optionally the same with
// `-C target-cpu=native` (reported on its own line; the ratios use the portable build).
const NATIVE_BIN = path.resolve(opt('--native-bin', path.join(ROOT, 'target/native-speed/examples/native_fib')));
const NATIVE_CPU_BIN = opt('--native-cpu-bin', null);
const DIST = path.resolve(process.env.E2E_DIST || path.join(ROOT, 'dist'));

const CORES = os.availableParallelism?.() ?? os.cpus().length;
const S = QUICK
  ? { n: 30, tasks: 16, repeat: 1, reps: 3, renders: 3, pools: 2, dispatch: 500, io: [10, 100], ioRepeat: 1 }
  : { n: 35, tasks: 20, repeat: 5, reps: 5, renders: 6, pools: 5, dispatch: 2000, io: [10, 100, 1000], ioRepeat: 3 };
S.latency = 150; // ms per request: the app's default
S.ioThreads = 8; // P for the blocking-threads fetch model (I/O pools are larger than the core count)

const log = (...a) => console.error('[bench]', ...a);
const problems = [];
const loads = [];

/**
 * Share of the CPU other processes use right now (see cpuBusy). Above 10%, waits for it to drop,
 * up to BENCH_QUIET_WAIT seconds in all (default: 120 for a full run, 0 with --quick).
 */
let quietBudgetMs = 1e3 * Number(process.env.BENCH_QUIET_WAIT ?? (QUICK ? 0 : 120));
async function quiet() {
  for (;;) {
    const t = Date.now();
    const b = await cpuBusy(1000);
    if (b == null || b <= 0.1 || quietBudgetMs <= 0) return b;
    log(`other processes use ${(b * 100).toFixed(0)}% of the CPU; waiting (${(quietBudgetMs / 1e3).toFixed(0)} s left)`);
    await sleep(4000);
    quietBudgetMs -= Date.now() - t;
  }
}

/** One page load (see probe.mjs), summarised; model runs that did not end ok are problems. */
async function load(bench, label, query) {
  const t = Date.now();
  const { results, blocking } = await bench.load(query);
  const runs = Object.fromEntries(results.runs.map((r) => [r.model, r]));
  for (const r of results.runs) {
    // The server is isolated, so the core models must run; a newer model may be skipped.
    const core = ['sequential', 'threads', 'async'].includes(r.model);
    if (r.status !== 'ok' && (core || r.status !== 'skipped')) {
      problems.push(`${label}: ${r.model} ${r.status}: ${r.error ?? r.skipped_reason}`);
    }
  }
  loads.push({
    label, query, blocking, environment: results.environment,
    runs: results.runs.map(({ tasks, ...r }) => ({ ...r, tasks: tasks.length })),
  });
  log(`${label}: ${results.runs.map((r) => `${r.model} ${r.wall_ms?.toFixed(1)} ms`).join(', ')} (${Date.now() - t} ms)`);
  return { results, runs, blocking };
}

async function main() {
  const started = new Date();
  const loadavg = [os.loadavg()];
  // Share of the CPU other processes use, sampled while this benchmark is idle (before each CPU phase).
  const busy = [await quiet()];
  log(`${QUICK ? 'quick' : 'full'} run on ${CORES} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const site = await snapshotDist();
  const engineFunctions = await smallFunctionShare(path.join(site, 'engine_bg.wasm'));

  // Baselines first: they need the CPU to themselves, as the browser runs will.
  log(`native fib(${S.n}) x ${S.tasks}, 1..${CORES} threads; CPU busy before: ${(busy[0] * 100).toFixed(0)}%`);
  const native = await nativeFib(NATIVE_BIN, { n: S.n, tasks: S.tasks, maxThreads: CORES, reps: S.reps });
  const nativeCpu = NATIVE_CPU_BIN
    ? await nativeFib(path.resolve(NATIVE_CPU_BIN), { n: S.n, tasks: S.tasks, maxThreads: 1, reps: S.reps })
    : null;
  log(`CPython fib(${S.n})`);
  const cpython = await cpythonFib({ n: S.n, reps: 3 });

  const bench = await openBench(site);
  let data;
  try {
    // What a visit that only looks loads: counted from its requests, not from a list of names.
    const requested = await firstVisit(`${bench.url}/?threads=2`);
    const transfer = await transferSizes(site, requested);
    const codeFiles = transfer.files.filter((f) => f.code && f.first);
    log(`first visit requested ${codeFiles.length} WASM + JS files, ${(transfer.wasm_js.gzip / 1024).toFixed(1)} KB gzip: ` +
      codeFiles.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)}`).join(', '));
    const renders = [];
    for (let i = 0; i < S.renders; i++) renders.push(await bench.firstRender('threads=2'));
    log(`first render: ${renders.map((r) => r.first_render_ms.toFixed(0)).join(', ')} ms`);

    // Pool start (per page load, 2 threads) and process-worker start (per run, 2 workers). A build
    // without the `processes` model rejects the models key and runs the defaults (threads among them).
    const pools = [];
    for (let i = 0; i < S.pools; i++) {
      pools.push(await load(bench, `pool ${i + 1}`, 'workload=fib&models=threads,processes&n=20&tasks=2&threads=2'));
    }

    // CPU: sequential vs threads on 1..cores threads, same n and tasks; async beside them at k.
    const fib = `workload=fib&n=${S.n}&tasks=${S.tasks}&repeat=${S.repeat}`;
    const scaling = [];
    for (let t = 1; t <= CORES; t++) {
      busy.push(await quiet());
      const models = t === CORES ? 'sequential,threads,async' : 'sequential,threads';
      const { runs } = await load(bench, `fib threads=${t}`, `${fib}&models=${models}&threads=${t}`);
      scaling.push({ threads: t, runs, native: native.scaling.find((s) => s.threads === t) });
    }
    loadavg.push(os.loadavg());

    const dispatch = await load(bench, 'dispatch',
      `workload=fib&n=5&tasks=${S.dispatch}&repeat=${S.repeat}&models=sequential,threads,async&threads=${CORES}`);

    // I/O: async for every N; the blocking-threads model on P threads; sequential only at N=10.
    const io = [];
    for (const N of S.io) {
      const models = N <= 10 ? 'sequential,async,threads' : 'async,threads';
      const repeat = N >= 1000 ? 1 : S.ioRepeat;
      const { runs } = await load(bench, `fetch N=${N}`,
        `workload=fetch&requests=${N}&latency=${S.latency}&threads=${S.ioThreads}&repeat=${repeat}&models=${models}`);
      io.push({ requests: N, runs });
    }
    loadavg.push(os.loadavg());

    data = summarise({ started, loadavg, transfer, engineFunctions, native, nativeCpu, cpython, renders, pools, scaling, dispatch, io, busy });
    data.budgets = budgets(data);
    const busiest = Math.max(...busy.filter(Number.isFinite));
    if (busiest > 0.1) {
      data.warnings.push(`other processes kept up to ${(busiest * 100).toFixed(0)}% of the CPU busy just before ` +
        'the CPU runs: those timings are inflated and noisy (native rayon\'s speedup shows how much)');
    }
  } finally {
    await bench.close();
  }
  await mkdir(path.dirname(OUT), { recursive: true });
  await writeFile(OUT, JSON.stringify(data, null, 2) + '\n');
  console.log(report(data));
  console.log(`\nwritten: ${path.relative(process.cwd(), OUT)}`);
  if (problems.length) {
    console.log(`\nFAILED TO RUN:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

/** Names and times of dist/'s files: changes if someone rebuilds it. */
async function distStamp() {
  const entries = await readdir(DIST, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
  const stats = await Promise.all(files.map(async (f) => `${f}:${(await stat(f).catch(() => ({}))).mtimeMs}`));
  return stats.sort().join('\n');
}

/**
 * Copy dist/ to target/bench/site/ and serve the copy, so a rebuild of dist/ during the run
 * cannot mix two builds. Retries while dist/ is missing or changes during the copy (up to 3 min).
 */
async function snapshotDist() {
  const site = path.join(path.dirname(OUT), 'site');
  for (let i = 0; ; i++) {
    try {
      const before = await distStamp();
      if (!before.includes(`${path.sep}index.html:`)) throw new Error('no index.html');
      await rm(site, { recursive: true, force: true });
      await cp(DIST, site, { recursive: true, filter: (src) => !path.basename(src).startsWith('.') });
      if ((await distStamp()) === before) return site;
      throw new Error('it changed while being copied');
    } catch (err) {
      if (i >= 36) throw new Error(`no stable build in ${DIST}: ${err.message}`);
      log(`waiting for a stable ${DIST} (${err.message})`);
      await sleep(5000);
    }
  }
}

function summarise({ started, loadavg, transfer, engineFunctions, native, nativeCpu, cpython, renders, pools, scaling, dispatch, io, busy }) {
  const wall = (run) => (run?.status === 'ok' ? run.wall_ms : null);
  const samples = (run) => (run?.status === 'ok' ? run.wall_ms_samples : []);
  const all = loads.map((l) => l.environment);

  const seqSamples = scaling.flatMap((s) => samples(s.runs.sequential)).map((ms) => ms / S.tasks);
  // Issue 16: each page load's own median per call of `sequential` (fresh engine, pool, warm-up).
  const seqPerLoad = scaling.map((s) => wall(s.runs.sequential)).filter(Number.isFinite).map((ms) => ms / S.tasks);
  const wasm = spread(seqSamples);
  // Cross-check: the same calls on one pool thread (threads model, 1 thread), which runs second.
  const oneThread = spread(samples(scaling[0]?.runs.threads).map((ms) => ms / S.tasks));
  const scalingRows = scaling.map(({ threads, runs, native: nat }) => {
    const seq = wall(runs.sequential);
    const thr = samples(runs.threads);
    return {
      threads, sequential_ms: seq, threads_ms: wall(runs.threads),
      speedup: seq && wall(runs.threads) ? seq / wall(runs.threads) : null,
      speedup_min: seq && thr.length ? seq / Math.max(...thr) : null,
      speedup_max: seq && thr.length ? seq / Math.min(...thr) : null,
      async_ms: wall(runs.async) ?? undefined,
      sequential_task_ms: runs.sequential?.status === 'ok' ? lanesOf(runs.sequential).task_ms?.median : null,
      threads_lanes: runs.threads?.status === 'ok' ? lanesOf(runs.threads) : null,
      native_speedup: nat?.speedup ?? null,
    };
  });

  const ioRows = io.map(({ requests, runs }) => {
    const a = runs.async;
    const th = runs.threads;
    const predicted = th?.predicted_ms ?? Math.ceil(requests / S.ioThreads) * S.latency;
    return {
      requests, latency_ms: S.latency,
      async_ms: wall(a), async_min: a?.wall_ms_min ?? null, async_max: a?.wall_ms_max ?? null,
      async_over_latency: wall(a) != null ? wall(a) / S.latency : null,
      // Where async's time above L goes: issuing the requests (last start) or answering them.
      async_last_start_ms: a?.status === 'ok' ? Math.max(...a.tasks.map((t) => t.start_ms)) : null,
      async_request_ms: a?.status === 'ok' ? spread(a.tasks.map((t) => t.end_ms - t.start_ms)) : null,
      sequential_ms: wall(runs.sequential) ?? undefined,
      threads: S.ioThreads, threads_ms: wall(th), threads_predicted_ms: predicted,
      threads_over_predicted: wall(th) != null ? wall(th) / predicted : null,
    };
  });

  const ok = (m) => dispatch.runs[m]?.status === 'ok';
  const computeUs = ok('sequential') ? dispatchUs(dispatch.runs.sequential).task_us : null;
  const dispatchRows = ['sequential', 'threads', 'async'].filter(ok)
    .map((m) => ({ model: m, wall_ms: dispatch.runs[m].wall_ms, ...dispatchUs(dispatch.runs[m], computeUs) }));

  const pageGaps = loads.flatMap((l) => l.runs.map((r) => r.page_longest_gap_ms)).filter(Number.isFinite);
  const gapByModel = {}; // the app's own meter, worst per model and workload
  for (const l of loads) {
    for (const r of l.runs.filter((r) => Number.isFinite(r.page_longest_gap_ms))) {
      const key = `${r.workload} ${r.model}`;
      gapByModel[key] = Math.max(gapByModel[key] ?? 0, r.page_longest_gap_ms);
    }
  }
  const block = (l) => Math.max(l.blocking.longtask_ms, l.blocking.gap_ms, l.blocking.after_longtask_ms, l.blocking.after_gap_ms);
  const worstBy = (key) => loads.reduce((w, l) => (key(l.blocking) > key(w.blocking) ? l : w));
  const worst = worstBy((b) => Math.max(b.longtask_ms, b.gap_ms));
  const worstAfter = worstBy((b) => Math.max(b.after_longtask_ms, b.after_gap_ms));
  const warm = renders.slice(1).map((r) => r.first_render_ms);

  return {
    schema: 'concurrency-playground/bench@1',
    mode: QUICK ? 'quick' : 'full',
    started_at: started.toISOString(),
    duration_s: (Date.now() - started) / 1e3,
    machine: {
      cores: CORES, cpu: os.cpus()[0]?.model, node: process.version,
      user_agent: all[0]?.user_agent, loadavg: loadavg.map((l) => l.map((x) => +x.toFixed(2))),
      other_cpu_busy: busy.map((b) => (b == null ? null : +b.toFixed(3))),
    },
    settings: S,
    fib: {
      n: S.n, tasks: S.tasks,
      wasm_per_call_ms: wasm,
      wasm_one_thread_per_call_ms: oneThread,
      wasm_per_call_by_load_ms: seqPerLoad,
      native_per_call_ms: native.per_call_ms,
      native: { sequential_ms: native.sequential_ms, min: native.sequential_ms_min, max: native.sequential_ms_max, reps: native.reps },
      native_cpu_per_call_ms: nativeCpu?.per_call_ms ?? null,
      native_cpu: nativeCpu && { sequential_ms: nativeCpu.sequential_ms, min: nativeCpu.sequential_ms_min, max: nativeCpu.sequential_ms_max },
      cpython,
      wasm_over_native: wasm ? wasm.median / native.per_call_ms : null,
      cpython_over_wasm: wasm && cpython ? cpython.per_call_ms / wasm.median : null,
      engine_small_functions: engineFunctions,
    },
    scaling: scalingRows,
    io: ioRows,
    overheads: {
      pool_start_2_threads_ms: spread(all.filter((e) => e.pool_threads === 2).map((e) => e.pool_start_ms)),
      pool_start_io_threads_ms: spread(all.filter((e) => e.pool_threads === S.ioThreads).map((e) => e.pool_start_ms)),
      warm_up_2_threads_ms: spread(pools.map((p) => p.runs.threads?.overheads_ms?.warm_up)),
      process_start_2_ms: spread(pools.map((p) => p.runs.processes?.overheads_ms?.process_start)),
      engine_round_trip_ms: spread(all.map((e) => e.engine_round_trip_ms)),
      dispatch: { n: 5, tasks: S.dispatch, rows: dispatchRows },
    },
    page: {
      first_render_ms: { cold: renders[0]?.first_render_ms, warm: spread(warm), loads: renders },
      transfer,
      longest_task_ms: Math.max(...loads.map((l) => l.blocking.longtask_ms)),
      longest_timer_gap_ms: Math.max(...loads.map((l) => l.blocking.gap_ms)),
      longtask_api: loads.every((l) => l.blocking.longtask_api),
      worst_load: worst.label,
      worst_loads: [...loads].sort((a, b) => block(b) - block(a)).slice(0, 3)
        .map((l) => ({ label: l.label, during_ms: Math.max(l.blocking.longtask_ms, l.blocking.gap_ms),
          after_ms: Math.max(l.blocking.after_longtask_ms, l.blocking.after_gap_ms) })),
      after_run_longest_task_ms: Math.max(...loads.map((l) => l.blocking.after_longtask_ms)),
      after_run_longest_timer_gap_ms: Math.max(...loads.map((l) => l.blocking.after_gap_ms)),
      worst_after_load: worstAfter.label,
      app_page_longest_gap_ms: pageGaps.length ? Math.max(...pageGaps) : null,
      app_page_longest_gap_by_model_ms: gapByModel,
    },
    loads,
    problems,
    warnings: [],
  };
}

main().catch((err) => {
  console.error(`[bench] failed: ${err.stack || err}`);
  process.exit(1);
});

// threads_cpu.mjs — owns one investigation of the benchmark (issue 16): where the CPU goes while
// the `threads` model runs. On 2 cores every thread of the browser that is not a pool thread
// takes its time from the pool, which native rayon never shares; this says which threads those
// are and how much they take. Linux only: it reads /proc.
//
//   node tests/bench/threads_cpu.mjs [--loads 3] [--dist dist] [QUERY]
//
// QUERY defaults to 20 x fib(37) on 2 threads, three repeats (each run ~0.55 s on the 2-core VM:
// long enough for the 10 ms resolution of /proc). Each load goes through probe.mjs (the
// benchmark's own page: the app in an iframe, the engine started and settled before Run). Every
// 50 ms the script reads the CPU time of every thread of every Chromium process
// (/proc/PID/task/TID/stat, user + system); afterwards it finds the longest stretch in which the
// dedicated workers (the pool and the engine) used at least 1.4 cores, and prints, per kind of
// thread (process type : thread name), the CPU it used in that stretch. Prints the run's tasks
// per lane and their mean time too.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { openBench } from './probe.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv.splice(argv.indexOf(name), 2)[1] : dflt);
const loads = Number(opt('--loads', 3));
const dist = path.resolve(opt('--dist', fileURLToPath(new URL('../../dist/', import.meta.url))));
const query = argv[0] ?? 'workload=fib&n=37&tasks=20&models=threads&threads=2&repeat=3';

const SAMPLE_MS = 50;
/** The kind of thread the pool's threads (and the engine) are, as Linux names them. */
const WORKERS = 'renderer:DedicatedWorker';
/** CPU clock ticks per second (USER_HZ: 100 on Linux). */
const TICKS_PER_S = 100;

/** CPU ms per thread of every Chromium process now: Map "pid/tid" -> { kind, ms }. */
function sample() {
  const now = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    if (!cmdline.includes('chrom')) continue;
    const type = cmdline.match(/--type=([a-z-]+)/)?.[1] ?? 'browser';
    let tids = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime: fields 14 and 15 of stat, 11 and 12 after the name.
        const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
        now.set(`${pid}/${tid}`, { kind: `${type}:${name}`, ms });
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return now;
}

/** Per kind of thread, CPU ms used between two samples (threads seen only in `b` count from 0). */
function used(a, b) {
  const out = new Map();
  for (const [key, { kind, ms }] of b) {
    const d = ms - (a.get(key)?.ms ?? 0);
    if (d > 0) out.set(kind, (out.get(kind) ?? 0) + d);
  }
  return out;
}

const bench = await openBench(dist);
try {
  for (let load = 1; load <= loads; load++) {
    const samples = [[performance.now(), sample()]];
    const timer = setInterval(() => samples.push([performance.now(), sample()]), SAMPLE_MS);
    const { results } = await bench.load(query);
    clearInterval(timer);
    // Threads that existed before the load count from the first sample; keep every thread seen,
    // so one that ended during the load still counts up to its last sample.
    const seen = [];
    const merged = new Map();
    for (const [t, s] of samples) {
      for (const [k, v] of s) merged.set(k, v);
      seen.push([t, new Map(merged)]);
    }
    let best = [0, 0];
    let from = null;
    for (let i = 1; i < seen.length; i++) {
      const dt = seen[i][0] - seen[i - 1][0];
      const workers = used(seen[i - 1][1], seen[i][1]).get(WORKERS) ?? 0;
      if (workers >= 1.4 * dt) {
        from ??= i - 1;
        if (i - from > best[1] - best[0]) best = [from, i];
      } else {
        from = null;
      }
    }
    console.log(`load ${load}: ${query}`);
    for (const run of results.runs) {
      const lanes = new Map();
      for (const t of run.tasks) lanes.set(t.lane, [...(lanes.get(t.lane) ?? []), t]);
      const words = [...lanes].map(([lane, ts]) => {
        const busy = ts.reduce((s, t) => s + t.end_ms - t.start_ms, 0);
        return `${lane} ${ts.length} tasks, ${(busy / ts.length).toFixed(1)} ms each`;
      });
      console.log(`  ${run.model}: ${run.wall_ms.toFixed(0)} ms (median repeat); ${words.join('; ')}`);
    }
    if (best[1] === best[0]) {
      console.log('  no stretch with the workers on 1.4 cores or more: a longer QUERY?');
      continue;
    }
    const [[t0, a], [t1, b]] = [seen[best[0]], seen[best[1]]];
    const span = t1 - t0;
    const rows = [...used(a, b)].sort((x, y) => y[1] - x[1]);
    const total = rows.reduce((s, [, ms]) => s + ms, 0);
    console.log(`  the workers' busiest stretch: ${span.toFixed(0)} ms (${(2 * span).toFixed(0)} ms of CPU on 2 cores), ${total.toFixed(0)} ms used:`);
    for (const [kind, ms] of rows.slice(0, 10)) {
      console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${(ms / span * 100).toFixed(0).padStart(3)} % of a core  ${kind}`);
    }
  }
} finally {
  await bench.close();
}

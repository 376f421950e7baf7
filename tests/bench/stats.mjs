// stats.mjs — owns the small numeric helpers of the benchmark: medians and spreads, the
// per-task dispatch cost of a run, and the transfer size of the built app (raw and gzip).

import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

export function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** { median, min, max, samples } of finite values, or null when there are none. */
export function spread(xs) {
  const s = xs.filter(Number.isFinite);
  if (!s.length) return null;
  return { median: median(s), min: Math.min(...s), max: Math.max(...s), samples: s };
}

/**
 * Per-task dispatch cost of a run, in µs: wall time not spent computing, on the critical path, per
 * task: (wall - busy / lanes) / tasks, where busy is the sum of the tasks' own times and lanes the
 * number of lanes (threads, or the one engine) that ran them. Tasks interleaved on one event loop
 * (async) overlap in time, so their own times include each other's; for them busy is
 * tasks x `computeUs` (the compute of one task, measured under `sequential`).
 */
const SLACK_MS = 0.01; // times are timeOrigin + now() differences: ~µs of float rounding

export function dispatchUs(run, computeUs) {
  const byLane = new Map();
  for (const t of run.tasks) byLane.set(t.lane, [...(byLane.get(t.lane) ?? []), t]);
  const lanes = byLane.size;
  const overlapped = [...byLane.values()].some((ts) =>
    ts.sort((a, b) => a.start_ms - b.start_ms).some((t, i) => i > 0 && t.start_ms < ts[i - 1].end_ms - SLACK_MS));
  const n = run.tasks.length;
  const own = run.tasks.reduce((sum, t) => sum + (t.end_ms - t.start_ms), 0);
  const busy = overlapped && computeUs != null ? (n * computeUs) / 1e3 : own;
  return {
    lanes,
    overlapped,
    task_us: (own / n) * 1e3,
    dispatch_us: ((run.wall_ms - busy / lanes) / n) * 1e3,
  };
}

/**
 * Where a parallel run's time went, from its tasks: the spread of task times, how many tasks each
 * lane ran, the busiest lane's time inside tasks (the rest of the wall time is waiting or
 * dispatch), when the last lane took its first task (wake-up), and how long a lane sat idle at
 * the end waiting for the slowest one (tail = wall - the earliest end of a lane's last task).
 */
export function lanesOf(run) {
  const lanes = new Map();
  for (const t of run.tasks) {
    const l = lanes.get(t.lane) ?? { first: Infinity, last: 0, tasks: 0, busy: 0 };
    lanes.set(t.lane, {
      first: Math.min(l.first, t.start_ms), last: Math.max(l.last, t.end_ms),
      tasks: l.tasks + 1, busy: l.busy + t.end_ms - t.start_ms,
    });
  }
  const ls = [...lanes.values()];
  const times = run.tasks.map((t) => t.end_ms - t.start_ms);
  return {
    task_ms: { ...spread(times), samples: undefined },
    tasks_per_lane: ls.map((l) => l.tasks).sort((a, b) => b - a),
    busiest_lane_ms: Math.max(...ls.map((l) => l.busy)),
    wake_ms: Math.max(...ls.map((l) => l.first)),
    tail_ms: run.wall_ms - Math.min(...ls.map((l) => l.last)),
  };
}

/**
 * The WASM and JS a first visit does not load: the classroom module (index.html builds it, the
 * page imports it only for the class view and result links, src/ui/lazy.rs).
 */
export const LAZY_FILES = /^(class\.js|class_bg\.wasm)$/;

/**
 * The WASM and JS the first run loads, not the page load: the engine worker, its module and the
 * thread pool's helper script (the engine starts on demand, src/orchestra/context.rs).
 */
export const ON_RUN_FILES = /^(engine_loader\.js|engine\.js|engine_bg\.wasm|snippets\/wasm-bindgen-rayon-[^/]+\/.*)$/;

/** The embedding guide (www/docs/): a page of its own, which no playground visit loads. */
export const DOCS_FILES = /^docs\//;

/**
 * Sizes of every file in `dist` (raw, gzip -9 and brotli -11), and totals for the WASM + JS of a
 * first visit (`wasm_js`: neither LAZY_FILES, ON_RUN_FILES nor the guide's DOCS_FILES), for the
 * lazily loaded WASM + JS (`lazy`, LAZY_FILES), for what the first run adds (`on_run`,
 * ON_RUN_FILES) and for all files. The precompressed copies scripts/build.sh writes beside them (.br, .gz) are not files
 * of the site: they are skipped.
 */
export async function transferSizes(dist) {
  const files = [];
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    // Skip trunk's own files (.trunk-lock, .stage/): not part of the site.
    if (!entry.isFile() || path.relative(dist, full).split(path.sep).some((p) => p.startsWith('.'))) continue;
    if (/\.(br|gz)$/.test(entry.name)) continue;
    const body = await readFile(full);
    const file = path.relative(dist, full).split(path.sep).join('/');
    files.push({
      file,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
      code: /\.(wasm|js)$/.test(entry.name),
      lazy: LAZY_FILES.test(file),
      on_run: ON_RUN_FILES.test(file),
      docs: DOCS_FILES.test(file),
    });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  const total = (fs) => ({
    raw: fs.reduce((s, f) => s + f.raw, 0),
    gzip: fs.reduce((s, f) => s + f.gzip, 0),
    brotli: fs.reduce((s, f) => s + f.brotli, 0),
  });
  return {
    files,
    wasm_js: total(files.filter((f) => f.code && !f.lazy && !f.on_run && !f.docs)),
    lazy: total(files.filter((f) => f.code && f.lazy)),
    on_run: total(files.filter((f) => f.code && f.on_run)),
    all: total(files),
  };
}

/**
 * Share of all cores busy during the next `ms` (from /proc/stat; null where there is none). Taken
 * while the benchmark itself is idle, it measures what other processes take from the runs.
 */
export async function cpuBusy(ms = 1000) {
  const read = async () => {
    const [, ...v] = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).map(Number);
    return { idle: v[3] + v[4], total: v.slice(0, 8).reduce((a, b) => a + b, 0) };
  };
  try {
    const a = await read();
    await sleep(ms);
    const b = await read();
    return b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
  } catch {
    return null;
  }
}

/** A LEB128 unsigned integer at `at` in `bytes`: [value, next offset]. */
function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/**
 * How many of a WASM module's functions have bodies under 50 bytes. V8 sizes its inlining
 * budget by this share (src/wasm/inlining-tree.h, `BudgetScaleFactor`: 25 % or less gives the
 * smallest budget, 50 % or more the largest), and below 25 % it does not inline a function into
 * itself, such as the recursive fib kernel: the kernel's speed in the browser depends on the
 * rest of the module. Returns { functions, small, share }.
 */
export async function smallFunctionShare(file) {
  const bytes = await readFile(file);
  let at = 8; // magic and version
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb128(bytes, at + 1);
    if (id === 10) {
      let [count, next] = leb128(bytes, body);
      let small = 0;
      for (let i = 0; i < count; i++) {
        const [length, start] = leb128(bytes, next);
        if (length < 50) small += 1;
        next = start + length;
      }
      return { functions: count, small, share: count ? small / count : 0 };
    }
    at = body + size;
  }
  return { functions: 0, small: 0, share: 0 };
}

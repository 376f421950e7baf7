// baselines.mjs — owns the two baselines outside the browser: the crate's fib compiled natively
// (examples/native_fib.rs, profile native-speed: per-call time and rayon's speedup) and the same
// recursive fib in CPython. Both run in the same benchmark run as the browser, with the same n.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The native example's JSON (see examples/native_fib.rs); `bin` is its release binary. */
export async function nativeFib(bin, { n, tasks, maxThreads, reps }) {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: cargo +nightly build --profile native-speed --example native_fib`);
  const args = ['--n', n, '--tasks', tasks, '--max-threads', maxThreads, '--reps', reps].map(String);
  const { stdout } = await run(bin, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

// fib exactly as in the reference article; one untimed call, then `reps` timed calls.
const PY = `
import json, platform, sys, time
def fib(n):
    return n if n < 2 else fib(n - 2) + fib(n - 1)
n, reps = int(sys.argv[1]), int(sys.argv[2])
fib(min(n, 20))
samples = []
for _ in range(reps):
    t = time.perf_counter(); fib(n); samples.append((time.perf_counter() - t) * 1e3)
samples.sort()
print(json.dumps({"version": platform.python_version(), "n": n, "reps": reps,
                  "per_call_ms": samples[len(samples) // 2], "min_ms": samples[0], "max_ms": samples[-1]}))
`;

/** CPython's time per fib(n) call (median of `reps`), or null when python3 is absent. */
export async function cpythonFib({ n, reps }) {
  try {
    const { stdout } = await run('python3', ['-c', PY, String(n), String(reps)], { timeout: 600_000 });
    return JSON.parse(stdout);
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

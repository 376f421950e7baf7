//! native_fib: owns the native baseline of the benchmark (`scripts/bench.sh`).
//!
//! Runs the crate's own `workloads::fib::fib` natively (release build) the way
//! the browser's models run it, and prints one JSON object:
//! - `per_call_ms`: a sequential loop of `tasks` calls of fib(n), divided by
//!   `tasks` (the browser's `sequential` wall / tasks); median of `reps`;
//! - `scaling[]`: for 1..=max_threads threads, the same `tasks` calls through
//!   rayon's `into_par_iter` on a pool of that size, split as the `threads`
//!   model splits them (`max_tasks_per_steal`), and the speedup over the
//!   sequential loop (the browser's `threads` vs `sequential`).
//!
//! Fair to both sides: every thread first calls fib for `WARM_UP` (the browser
//! warms up too; a CPU also needs a moment to reach its top clock), and the
//! timings are taken in rounds, each round timing the loop and then every
//! pool once, so that a slow moment of the machine hits all of them rather
//! than one. Build it with `--profile native-speed` (opt-level 3, fat LTO).
//!
//! Usage: cargo +nightly run --profile native-speed --example native_fib -- \
//!            --n 32 --tasks 16 --max-threads 2 --reps 5

use std::hint::black_box;
use std::time::{Duration, Instant};

use playground_core::workloads::fib::{fib, max_tasks_per_steal};
use rayon::prelude::*;

struct Args {
    n: u32,
    tasks: u32,
    max_threads: usize,
    reps: usize,
}

fn parse_args() -> Args {
    let mut args = Args {
        n: 32,
        tasks: 16,
        max_threads: std::thread::available_parallelism().map_or(1, |p| p.get()),
        reps: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(key) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{key} needs a value"));
        let num = || -> usize {
            value
                .parse()
                .unwrap_or_else(|e| panic!("{key} {value}: {e}"))
        };
        match key.as_str() {
            "--n" => args.n = num() as u32,
            "--tasks" => args.tasks = num() as u32,
            "--max-threads" => args.max_threads = num(),
            "--reps" => args.reps = num(),
            _ => panic!("unknown argument {key} (expected --n, --tasks, --max-threads, --reps)"),
        }
    }
    args.max_threads = args.max_threads.max(1);
    args.reps = args.reps.max(1);
    args
}

fn ms_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}

/// How long each thread calls fib before anything is timed.
const WARM_UP: Duration = Duration::from_millis(300);

fn warm_up() {
    let start = Instant::now();
    while start.elapsed() < WARM_UP {
        black_box(fib(black_box(25)));
    }
}

/// One timing of `f`, in ms.
fn time_ms(f: &dyn Fn() -> u64) -> f64 {
    let start = Instant::now();
    black_box(f());
    ms_since(start)
}

/// (median, min, max) of samples.
fn summary(mut samples: Vec<f64>) -> (f64, f64, f64) {
    samples.sort_by(f64::total_cmp);
    (
        samples[samples.len() / 2],
        samples[0],
        samples[samples.len() - 1],
    )
}

fn main() {
    let a = parse_args();
    let (n, tasks) = (a.n, a.tasks);

    let sequential = || (0..tasks).map(|_| fib(black_box(n))).sum::<u64>();
    let pools: Vec<rayon::ThreadPool> = (1..=a.max_threads)
        .map(|t| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(t)
                .build()
                .expect("a rayon pool");
            pool.broadcast(|_| warm_up());
            pool
        })
        .collect();
    warm_up();
    let max_len = max_tasks_per_steal(n).unwrap_or(usize::MAX);
    let parallel = |pool: &rayon::ThreadPool| {
        pool.install(|| {
            (0..tasks)
                .into_par_iter()
                .with_max_len(max_len)
                .map(|_| fib(black_box(n)))
                .sum()
        })
    };

    // Rounds: the loop, then each pool, `reps` times over.
    let mut seq_samples = Vec::with_capacity(a.reps);
    let mut par_samples = vec![Vec::with_capacity(a.reps); pools.len()];
    for _ in 0..a.reps {
        seq_samples.push(time_ms(&sequential));
        for (pool, samples) in pools.iter().zip(&mut par_samples) {
            samples.push(time_ms(&|| parallel(pool)));
        }
    }
    let (seq_ms, seq_min, seq_max) = summary(seq_samples);
    let scaling: Vec<serde_json::Value> = par_samples
        .into_iter()
        .enumerate()
        .map(|(i, samples)| {
            let (ms, min, max) = summary(samples);
            serde_json::json!({
                "threads": i + 1, "wall_ms": ms, "wall_ms_min": min, "wall_ms_max": max,
                "speedup": seq_ms / ms,
            })
        })
        .collect();

    let out = serde_json::json!({
        "n": n, "tasks": tasks, "reps": a.reps,
        "cores": std::thread::available_parallelism().map_or(1, |p| p.get()),
        "sequential_ms": seq_ms, "sequential_ms_min": seq_min, "sequential_ms_max": seq_max,
        "per_call_ms": seq_ms / f64::from(tasks),
        "scaling": scaling,
    });
    println!("{out}");
}

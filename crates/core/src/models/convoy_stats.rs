//! The numbers of a convoy run ([`ConvoyRun`]): the I/O thread's median
//! latencies, the requests per second, the CPU threads' rate, its lock
//! waits and the sweep, as the results JSON carries them. Pure.

use super::convoy::{Contended, ConvoyRun, CpuShare, Request, CPU_N};
use crate::report::{ConvoyStats, IoLatency, Summary, SweepPoint};

impl ConvoyRun {
    /// The first failed request's error.
    pub fn error(&self) -> Option<&str> {
        let sweep = self.sweep.iter().flat_map(|(_, c)| &c.requests);
        self.alone
            .iter()
            .chain(&self.contended.requests)
            .chain(sweep)
            .find_map(|r| r.error.as_deref())
    }

    /// The medians and rates, when every request succeeded.
    pub fn stats(&self, switch_ms: Option<u32>) -> Option<(IoLatency, ConvoyStats)> {
        if self.error().is_some() {
            return None;
        }
        let c = &self.contended;
        let latency = IoLatency {
            alone: median_latency(&self.alone)?,
            contended: median_latency(&c.requests)?,
        };
        let sweep = self
            .sweep
            .iter()
            .map(|(ms, p)| {
                Some(SweepPoint {
                    switch_ms: *ms,
                    latency_ms: median_latency(&p.requests)?,
                    io_per_s: per_s(p.requests.len() as f64, p.end_ms - p.start_ms),
                    cpu_per_s: cpu_per_s(p),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let stats = ConvoyStats {
            requests: u32::try_from(c.requests.len()).unwrap_or(u32::MAX),
            alone_per_s: per_s(
                self.alone.len() as f64,
                self.alone_end_ms - self.alone_start_ms,
            ),
            contended_per_s: per_s(c.requests.len() as f64, c.end_ms - c.start_ms),
            cpu_threads: u32::try_from(ran(c).count()).unwrap_or(u32::MAX),
            cpu_n: CPU_N,
            cpu_per_s: cpu_per_s(c),
            io_lock_wait_ms: c
                .requests
                .iter()
                .flat_map(|r| &r.waits)
                .map(|[s, e]| e - s)
                .sum(),
            switch_ms,
            sweep,
        };
        Some((latency, stats))
    }
}

fn median_latency(requests: &[Request]) -> Option<f64> {
    let latencies: Vec<f64> = requests.iter().map(|r| r.end_ms - r.start_ms).collect();
    Summary::of(&latencies).map(|s| s.median)
}

fn per_s(count: f64, elapsed_ms: f64) -> f64 {
    if elapsed_ms > 0.0 {
        count * 1000.0 / elapsed_ms
    } else {
        0.0
    }
}

/// The CPU threads that ran beside the I/O thread (with a pool smaller
/// than asked, a CPU job may only start once the I/O thread is done).
fn ran(phase: &Contended) -> impl Iterator<Item = &CpuShare> {
    phase.cpu.iter().filter(|c| c.start_ms < phase.end_ms)
}

/// CPU units per second, all CPU threads together (each over its own time).
fn cpu_per_s(phase: &Contended) -> f64 {
    ran(phase)
        .map(|c| per_s(c.units as f64, c.end_ms - c.start_ms))
        .sum()
}

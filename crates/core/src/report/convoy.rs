//! The `convoy` workload's numbers in the results JSON: `io_latency_ms`
//! (named in the public contract: the I/O thread's median request latency
//! alone and beside the CPU threads) and `convoy` (rates, the lock waits and
//! the switch-interval sweep), both additive fields of a run. Pure data.

use serde::{Deserialize, Serialize};

/// Median latency of the I/O thread's requests, ms.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct IoLatency {
    /// With no CPU thread running.
    pub alone: f64,
    /// Beside the CPU threads.
    pub contended: f64,
}

impl IoLatency {
    /// How many times the alone latency the contended one was; `None`
    /// when either is not a positive number.
    pub fn ratio(&self) -> Option<f64> {
        (self.alone.is_finite() && self.alone > 0.0 && self.contended.is_finite())
            .then(|| self.contended / self.alone)
    }
}

/// The rest of a convoy run's measurements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConvoyStats {
    /// Requests the I/O thread made in each phase.
    pub requests: u32,
    /// The I/O thread's requests per second alone.
    pub alone_per_s: f64,
    /// ... and beside the CPU threads.
    pub contended_per_s: f64,
    /// CPU threads that ran beside the I/O thread.
    pub cpu_threads: u32,
    /// The CPU threads' unit of work: one `fib(cpu_n)`.
    pub cpu_n: u32,
    /// Units the CPU threads finished per second, all together.
    pub cpu_per_s: f64,
    /// The I/O thread's total wait for the lock beside the CPU threads, ms.
    pub io_lock_wait_ms: f64,
    /// The lock's switch interval (`gil` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switch_ms: Option<u32>,
    /// The contended phase again at other switch intervals (`gil` only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sweep: Vec<SweepPoint>,
}

/// The contended phase at one switch interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepPoint {
    pub switch_ms: u32,
    /// Median request latency, ms.
    pub latency_ms: f64,
    pub io_per_s: f64,
    pub cpu_per_s: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latency_has_the_contract_shape_and_a_ratio() {
        let l = IoLatency {
            alone: 2.5,
            contended: 12.5,
        };
        let json = serde_json::to_value(l).expect("serialise");
        assert_eq!(json, serde_json::json!({"alone": 2.5, "contended": 12.5}));
        assert_eq!(l.ratio(), Some(5.0));
        let zero = IoLatency {
            alone: 0.0,
            contended: 1.0,
        };
        assert_eq!(zero.ratio(), None);
    }

    #[test]
    fn stats_leave_out_what_a_model_does_not_have() {
        let s = ConvoyStats {
            requests: 40,
            alone_per_s: 400.0,
            contended_per_s: 390.0,
            cpu_threads: 1,
            cpu_n: 25,
            cpu_per_s: 3000.0,
            io_lock_wait_ms: 0.0,
            switch_ms: None,
            sweep: Vec::new(),
        };
        let json = serde_json::to_value(&s).expect("serialise");
        assert!(json.get("switch_ms").is_none() && json.get("sweep").is_none());
        let back: ConvoyStats = serde_json::from_value(json).expect("parse");
        assert_eq!(back, s);
    }
}

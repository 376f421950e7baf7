//! What a workload measures besides its tasks: one typed value per run,
//! carried unchanged from the model (engine or page) to the results JSON.
//!
//! In `results@1` these are top-level fields of a run (`race`,
//! `io_latency_ms` and `convoy`, `loop_blocked_ms`), present only where the
//! workload produced them; [`WorkloadOutput`] is flattened there, so the
//! JSON keeps those names and places. Pure: no web APIs.

use serde::{Deserialize, Serialize};

use super::convoy::{ConvoyStats, IoLatency};

/// The `race` workload's final counts: what the counter should read, and
/// what it read without a lock, with an atomic add and with a mutex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaceCounts {
    pub expected: u64,
    pub unlocked: u64,
    pub atomic: u64,
    pub locked: u64,
}

impl RaceCounts {
    /// Updates lost by the unlocked counter.
    pub fn lost(&self) -> u64 {
        self.expected.saturating_sub(self.unlocked)
    }
}

/// A run's extra results, by workload. `None` for a workload with nothing
/// beyond its tasks (fib, pipeline, most fetches), or a run that ended
/// before it measured them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum WorkloadOutput {
    /// `race`: the counters' final values.
    Race { race: RaceCounts },
    /// `convoy`: the I/O thread's median request latency alone and beside
    /// the CPU threads (the contract's `io_latency_ms`), and the run's
    /// rates, lock waits and switch-interval sweep.
    Convoy {
        io_latency_ms: IoLatency,
        convoy: ConvoyStats,
    },
    /// fetch, `async` with `block_ms`: when the blocking call held the
    /// event loop (`[start, end]`, ms).
    BlockedLoop { loop_blocked_ms: [f64; 2] },
    /// Nothing beyond the tasks. (A struct variant, so that it is read
    /// from any run and written as no fields.)
    None {},
}

impl Default for WorkloadOutput {
    /// Nothing beyond the tasks.
    fn default() -> Self {
        WorkloadOutput::None {}
    }
}

impl WorkloadOutput {
    /// The `race` counters, if this is a race's output.
    pub fn race(&self) -> Option<RaceCounts> {
        match self {
            WorkloadOutput::Race { race } => Some(*race),
            WorkloadOutput::Convoy { .. }
            | WorkloadOutput::BlockedLoop { .. }
            | WorkloadOutput::None {} => None,
        }
    }

    /// The convoy's latencies and stats, if this is a convoy's output.
    pub fn convoy(&self) -> Option<(IoLatency, &ConvoyStats)> {
        match self {
            WorkloadOutput::Convoy {
                io_latency_ms,
                convoy,
            } => Some((*io_latency_ms, convoy)),
            WorkloadOutput::Race { .. }
            | WorkloadOutput::BlockedLoop { .. }
            | WorkloadOutput::None {} => None,
        }
    }

    /// When a blocking call held the event loop, if one did.
    pub fn loop_blocked_ms(&self) -> Option<[f64; 2]> {
        match self {
            WorkloadOutput::BlockedLoop { loop_blocked_ms } => Some(*loop_blocked_ms),
            WorkloadOutput::Race { .. }
            | WorkloadOutput::Convoy { .. }
            | WorkloadOutput::None {} => None,
        }
    }

    /// The output with its times made relative to `t0` (the dispatch).
    pub fn shifted(self, t0: f64) -> Self {
        match self {
            WorkloadOutput::BlockedLoop {
                loop_blocked_ms: [s, e],
            } => WorkloadOutput::BlockedLoop {
                loop_blocked_ms: [s - t0, e - t0],
            },
            other @ (WorkloadOutput::Race { .. }
            | WorkloadOutput::Convoy { .. }
            | WorkloadOutput::None {}) => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Holder {
        before: u32,
        #[serde(flatten)]
        output: WorkloadOutput,
        after: u32,
    }

    #[test]
    fn each_output_is_written_as_its_own_fields_and_read_back() {
        let outputs = [
            WorkloadOutput::None {},
            WorkloadOutput::Race {
                race: RaceCounts {
                    expected: 4,
                    unlocked: 3,
                    atomic: 4,
                    locked: 4,
                },
            },
            WorkloadOutput::BlockedLoop {
                loop_blocked_ms: [0.5, 400.5],
            },
        ];
        let texts = [
            r#"{"before":1,"after":2}"#,
            r#"{"before":1,"race":{"expected":4,"unlocked":3,"atomic":4,"locked":4},"after":2}"#,
            r#"{"before":1,"loop_blocked_ms":[0.5,400.5],"after":2}"#,
        ];
        for (output, text) in outputs.into_iter().zip(texts) {
            let holder = Holder {
                before: 1,
                output,
                after: 2,
            };
            assert_eq!(serde_json::to_string(&holder).expect("serialise"), text);
            let back: Holder = serde_json::from_str(text).expect("parse");
            assert_eq!(back, holder);
        }
    }

    #[test]
    fn only_the_blocked_loop_has_times_to_shift() {
        let blocked = WorkloadOutput::BlockedLoop {
            loop_blocked_ms: [1_000.5, 1_400.5],
        };
        assert_eq!(
            blocked.shifted(1_000.0).loop_blocked_ms(),
            Some([0.5, 400.5])
        );
        assert_eq!(
            WorkloadOutput::None {}.shifted(5.0),
            WorkloadOutput::None {}
        );
    }
}

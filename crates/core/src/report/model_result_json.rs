//! A model result as `results@1` spells it: its fields in the contract's
//! order, the workload's output as top-level fields (`race`,
//! `io_latency_ms` and `convoy`, `loop_blocked_ms`), each only where the
//! workload produced it.
//!
//! Written out field by field rather than with `#[serde(flatten)]` of the
//! untagged [`WorkloadOutput`]: flattening makes serde buffer every field
//! of the run through its generic `Content` type, which cost the page's
//! module 7 KB gzip. [`Borrowed`] writes a result without copying it;
//! [`Owned`] reads one.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::convoy::{ConvoyStats, IoLatency};
use super::model_result::{ModelResult, Overheads, RunStatus};
use super::output::{RaceCounts, WorkloadOutput};
use super::task::TaskRecord;
use crate::vocab::{ModelId, Workload};

/// A result, borrowed, as it is written.
#[derive(Serialize)]
struct Borrowed<'a> {
    model: ModelId,
    workload: Workload,
    status: RunStatus,
    skipped_reason: &'a Option<String>,
    error: &'a Option<String>,
    wall_ms: Option<f64>,
    wall_ms_samples: &'a [f64],
    wall_ms_min: Option<f64>,
    wall_ms_max: Option<f64>,
    overheads_ms: &'a Overheads,
    tasks: &'a [TaskRecord],
    #[serde(skip_serializing_if = "Option::is_none")]
    predicted_ms: Option<f64>,
    page_longest_gap_ms: Option<f64>,
    page_long_frames: Option<u32>,
    page_longest_task_ms: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    race: Option<RaceCounts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    io_latency_ms: Option<IoLatency>,
    #[serde(skip_serializing_if = "Option::is_none")]
    convoy: Option<&'a ConvoyStats>,
    #[serde(skip_serializing_if = "Option::is_none")]
    loop_blocked_ms: Option<[f64; 2]>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    overheads_below_resolution: &'a [String],
}

impl Serialize for ModelResult {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let convoy = self.output.convoy();
        Borrowed {
            model: self.model,
            workload: self.workload,
            status: self.status,
            skipped_reason: &self.skipped_reason,
            error: &self.error,
            wall_ms: self.wall_ms,
            wall_ms_samples: &self.wall_ms_samples,
            wall_ms_min: self.wall_ms_min,
            wall_ms_max: self.wall_ms_max,
            overheads_ms: &self.overheads_ms,
            tasks: &self.tasks,
            predicted_ms: self.predicted_ms,
            page_longest_gap_ms: self.page_longest_gap_ms,
            page_long_frames: self.page_long_frames,
            page_longest_task_ms: self.page_longest_task_ms,
            race: self.output.race(),
            io_latency_ms: convoy.map(|(latency, _)| latency),
            convoy: convoy.map(|(_, stats)| stats),
            loop_blocked_ms: self.output.loop_blocked_ms(),
            overheads_below_resolution: &self.overheads_below_resolution,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for ModelResult {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Owned::deserialize(d).map(ModelResult::from)
    }
}

/// A result as it is read (fields added after the first version default).
#[derive(Deserialize)]
struct Owned {
    model: ModelId,
    workload: Workload,
    status: RunStatus,
    skipped_reason: Option<String>,
    error: Option<String>,
    wall_ms: Option<f64>,
    #[serde(default)]
    wall_ms_samples: Vec<f64>,
    #[serde(default)]
    wall_ms_min: Option<f64>,
    #[serde(default)]
    wall_ms_max: Option<f64>,
    overheads_ms: Overheads,
    tasks: Vec<TaskRecord>,
    #[serde(default)]
    predicted_ms: Option<f64>,
    #[serde(default)]
    page_longest_gap_ms: Option<f64>,
    #[serde(default)]
    page_long_frames: Option<u32>,
    #[serde(default)]
    page_longest_task_ms: Option<f64>,
    #[serde(default)]
    race: Option<RaceCounts>,
    #[serde(default)]
    io_latency_ms: Option<IoLatency>,
    #[serde(default)]
    convoy: Option<ConvoyStats>,
    #[serde(default)]
    loop_blocked_ms: Option<[f64; 2]>,
    #[serde(default)]
    overheads_below_resolution: Vec<String>,
}

impl From<Owned> for ModelResult {
    fn from(j: Owned) -> Self {
        let output = match (j.race, j.io_latency_ms, j.convoy, j.loop_blocked_ms) {
            (Some(race), _, _, _) => WorkloadOutput::Race { race },
            (None, Some(io_latency_ms), Some(convoy), _) => WorkloadOutput::Convoy {
                io_latency_ms,
                convoy,
            },
            (None, _, _, Some(loop_blocked_ms)) => WorkloadOutput::BlockedLoop { loop_blocked_ms },
            (None, _, _, None) => WorkloadOutput::None {},
        };
        ModelResult {
            model: j.model,
            workload: j.workload,
            status: j.status,
            skipped_reason: j.skipped_reason,
            error: j.error,
            wall_ms: j.wall_ms,
            wall_ms_samples: j.wall_ms_samples,
            wall_ms_min: j.wall_ms_min,
            wall_ms_max: j.wall_ms_max,
            overheads_ms: j.overheads_ms,
            tasks: j.tasks,
            predicted_ms: j.predicted_ms,
            page_longest_gap_ms: j.page_longest_gap_ms,
            page_long_frames: j.page_long_frames,
            page_longest_task_ms: j.page_longest_task_ms,
            output,
            overheads_below_resolution: j.overheads_below_resolution,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(output: WorkloadOutput) -> ModelResult {
        ModelResult {
            output,
            ..ModelResult::finished(ModelId::Threads, Workload::Convoy, 12.5)
        }
    }

    #[test]
    fn each_output_is_written_as_its_contract_fields_and_read_back() {
        let convoy = ConvoyStats {
            requests: 4,
            alone_per_s: 400.0,
            contended_per_s: 100.0,
            cpu_threads: 1,
            cpu_n: 20,
            cpu_per_s: 900.0,
            io_lock_wait_ms: 8.0,
            switch_ms: None,
            sweep: Vec::new(),
        };
        let cases = [
            (
                WorkloadOutput::Race {
                    race: RaceCounts {
                        expected: 4,
                        unlocked: 3,
                        atomic: 4,
                        locked: 4,
                    },
                },
                &["race"][..],
            ),
            (
                WorkloadOutput::Convoy {
                    io_latency_ms: IoLatency {
                        alone: 2.0,
                        contended: 9.0,
                    },
                    convoy,
                },
                &["io_latency_ms", "convoy"][..],
            ),
            (
                WorkloadOutput::BlockedLoop {
                    loop_blocked_ms: [1.0, 2.0],
                },
                &["loop_blocked_ms"][..],
            ),
            (WorkloadOutput::None {}, &[][..]),
        ];
        let extra = ["race", "io_latency_ms", "convoy", "loop_blocked_ms"];
        for (output, fields) in cases {
            let result = with(output);
            let json = serde_json::to_value(&result).expect("serialise");
            for name in extra {
                assert_eq!(
                    json.get(name).is_some(),
                    fields.contains(&name),
                    "{name} in {json}"
                );
            }
            let back: ModelResult = serde_json::from_value(json).expect("deserialise");
            assert_eq!(back, result);
        }
    }
}

//! The typed messages between the page and one process worker of the
//! `processes` model (Python's `ProcessPoolExecutor`): a task in, its
//! result out, each with a payload of bytes, as arguments are pickled, then
//! the time the process spent decoding and encoding them.
//!
//! A process worker is the engine binary without a pool; it tells the two
//! protocols apart by the message's type (its JSON key; `task` is this
//! protocol's).
//! The payloads travel beside the JSON as bytes (see `wire`).

use serde::{Deserialize, Serialize};

use super::wire::Message;
use crate::report::TaskRecord;
use crate::workloads::fetch::PlannedRequest;

/// Identifies one run of the pool (answers repeat it).
pub type TrialId = u32;

/// What the page asks of a process.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProcessRequest {
    /// Run one task and send its result (with `payload` echoed back) as
    /// `TaskResult`, then its `Codec` time.
    Task {
        trial_id: TrialId,
        index: u32,
        item: TaskItem,
        /// Bytes carried with the task, as arguments are pickled in Python.
        /// Not in the JSON: they travel beside it ([`Message::bytes`]).
        #[serde(skip)]
        payload: Vec<u8>,
    },
}

impl ProcessRequest {
    /// The type (the JSON object's one key) of every request of this
    /// protocol.
    pub const TAG: &'static str = "task";
}

impl Message for ProcessRequest {
    fn bytes(&self) -> Option<&[u8]> {
        match self {
            ProcessRequest::Task { payload, .. } => Some(payload),
        }
    }

    fn bytes_slot(&mut self) -> Option<&mut Vec<u8>> {
        match self {
            ProcessRequest::Task { payload, .. } => Some(payload),
        }
    }
}

/// One task of a job, as sent to a process.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskItem {
    Fib { n: u32 },
    Fetch { request: PlannedRequest },
}

/// What a process tells the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProcessEvent {
    /// The module is instantiated and listening (the engine's `loaded`).
    Loaded { module_start_ms: f64 },
    /// A task finished (times on the shared clock, not relative).
    TaskResult {
        trial_id: TrialId,
        task: TaskRecord,
        /// The task's payload, echoed. Not in the JSON, as for the task.
        #[serde(skip)]
        payload: Vec<u8>,
    },
    /// Time the process spent decoding task `index` and encoding its
    /// `TaskResult`, ms. Sent right after that result: a message cannot
    /// carry the time spent encoding itself.
    Codec {
        trial_id: TrialId,
        index: u32,
        codec_ms: f64,
    },
}

impl Message for ProcessEvent {
    fn bytes(&self) -> Option<&[u8]> {
        match self {
            ProcessEvent::TaskResult { payload, .. } => Some(payload),
            ProcessEvent::Loaded { .. } | ProcessEvent::Codec { .. } => None,
        }
    }

    fn bytes_slot(&mut self) -> Option<&mut Vec<u8>> {
        match self {
            ProcessEvent::TaskResult { payload, .. } => Some(payload),
            ProcessEvent::Loaded { .. } | ProcessEvent::Codec { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_task_tag_is_the_serialised_type() {
        let req = ProcessRequest::Task {
            trial_id: 1,
            index: 0,
            item: TaskItem::Fib { n: 1 },
            payload: Vec::new(),
        };
        let text = super::super::wire::encode(&req).expect("serialise");
        assert_eq!(
            super::super::wire::tag(&text).expect("tag"),
            ProcessRequest::TAG
        );
    }
}

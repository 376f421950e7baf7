//! `processes`: isolated workers with their own memory, fed one task per
//! message, each task's payload copied both ways (Python's
//! `ProcessPoolExecutor`). The page starts the workers ([`Host::processes`]);
//! this module says what each workload sends them.

use playground_core::protocol::engine::Job;
use playground_core::protocol::process::TaskItem;
use playground_core::vocab::ModelId;

use crate::model::{Host, Model, NotHere, Trial};

/// The `processes` model.
pub struct Processes;

impl Model for Processes {
    const ID: ModelId = ModelId::Processes;

    async fn run<H: Host>(host: &H, job: &Job) -> Result<Trial, NotHere> {
        let items: Vec<TaskItem> = match job {
            Job::Fib { n, tasks } => (0..*tasks).map(|_| TaskItem::Fib { n: *n }).collect(),
            Job::Fetch { plan, .. } => plan
                .requests
                .iter()
                .map(|r| TaskItem::Fetch { request: r.clone() })
                .collect(),
            Job::Race { .. } | Job::Pipeline { .. } | Job::Convoy { .. } => {
                return Err(NotHere::workload(Self::ID, job))
            }
        };
        host.processes(Self::ID, job, items).await
    }
}

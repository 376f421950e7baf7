//! `main-thread`: the sequential loop on the page's own thread, blocking it
//! on purpose. Nothing else on the page runs meanwhile (no input, no
//! redraw, no timer): the browser's twin of a blocking call inside an
//! asyncio coroutine. Its fetch blocks on a spin of the same delays (a
//! synchronous request from the page never reaches the service worker),
//! labelled simulated.

use playground_core::protocol::engine::Job;
use playground_core::vocab::ModelId;

use crate::model::{Host, Model, NotHere, Trial};
use crate::sequential::{run_fetch_blocking, run_fib};

/// The `main-thread` model.
pub struct MainThread;

impl Model for MainThread {
    const ID: ModelId = ModelId::MainThread;

    async fn run<H: Host>(host: &H, job: &Job) -> Result<Trial, NotHere> {
        let lane = host.lane();
        match job {
            // No progress: a frozen page could not show it.
            Job::Fib { n, tasks } => Ok(Trial::tasks(run_fib(*n, *tasks, lane, &|_| {}))),
            Job::Fetch { plan, .. } => Ok(Trial::tasks(run_fetch_blocking(
                &plan.blocking_on_page(),
                lane,
            ))),
            Job::Race { .. } | Job::Pipeline { .. } | Job::Convoy { .. } => {
                Err(NotHere::workload(Self::ID, job))
            }
        }
    }
}

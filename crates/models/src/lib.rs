//! The models as they run in the browser: one module per model, each a
//! [`Model`] that runs every workload it supports its own way, and the one
//! list of them ([`run`]). What a model *is* (its id, what it needs, where
//! each workload runs, its prediction) is its registry entry in
//! `playground_core::models::registry`.

mod model;
mod pool;
#[cfg(feature = "threads")]
mod rayon_pool;

mod async_tasks;
mod gil;
mod main_thread;
mod processes;
mod sequential;
mod threads;

// What several models share: a workload's runs on a pool or one thread.
mod convoy_pool;
mod pipeline;
mod race;

pub use model::{Host, Model, NotHere, Trial};
pub use pool::{NoPool, Pool};
#[cfg(feature = "threads")]
pub use rayon_pool::RayonPool;

pub use sequential::run_fib as fib_loop;
pub use threads::run_fib as fib_on_pool;

use playground_core::protocol::engine::Job;
use playground_core::vocab::ModelId;

/// The registry's list of models: one line each (id => its `Model`). It
/// writes [`run`], whose match over `ModelId` has no catch-all arm, so a
/// new id does not compile until it is listed here.
macro_rules! models {
    ($($id:ident => $model:ty),* $(,)?) => {
        /// Runs one trial of `model`'s `job` on `host`.
        pub async fn run<H: Host>(model: ModelId, host: &H, job: &Job) -> Result<Trial, NotHere> {
            match model {
                $(ModelId::$id => <$model as Model>::run(host, job).await,)*
            }
        }

        // Each line's model is the one its id names.
        $(const _: () = assert!(matches!(<$model as Model>::ID, ModelId::$id));)*
    };
}

models! {
    Sequential => sequential::Sequential,
    Threads => threads::Threads,
    Async => async_tasks::Async,
    Gil => gil::Gil,
    Processes => processes::Processes,
    MainThread => main_thread::MainThread,
}

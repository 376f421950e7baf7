//! The engine: a dedicated worker that owns the rayon thread pool and runs
//! the CPU models, and, as a process of the `processes` model, single tasks.
//! Its messages are `playground_core::protocol`; it never touches the DOM.

mod outbox;
mod pool;
mod pool_start;
mod process;
mod worker;

pub use worker::start;

//! The pure half of running an experiment from the page: the events a run
//! reports, how a worker's failure is told, and what waits on the engine.
//! The browser half is `playground_page::runner`.

mod event;
pub mod failure;
pub mod waiters;

pub use event::RunEvent;

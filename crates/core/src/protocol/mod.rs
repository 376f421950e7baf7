//! The typed messages between the page, the engine worker, the process
//! workers and the lazily loaded modules, and how they travel (JSON text).

pub mod engine;
pub mod process;
pub mod remote;
pub mod settle;
pub mod wire;
#[cfg(test)]
mod wire_tests;

//! The work the models run: pure functions and plans, no threads, no web APIs.
//! Every model runs exactly these functions, so their answers can be compared.

pub mod fetch;
pub mod fib;
pub mod latency;

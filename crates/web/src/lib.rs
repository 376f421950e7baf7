//! Browser glue shared by the page, the engine and the lazily loaded views:
//! the shared clock, platform probes, the simulated server's start, fetch,
//! the one worker bridge, downloads and the address. Nothing here renders.

pub mod bridge;
pub mod browser;
pub mod clock;
pub mod export;
pub mod http;
pub mod jsutil;
pub mod platform;
pub mod route;
pub mod server;
pub mod storage;
pub mod wait_async;
pub mod wire_js;

//! The page: a Yew app on the page's own thread. It never blocks: CPU work
//! goes to the engine worker, waiting is done with futures. Running an
//! experiment is `orchestra`'s; this module renders state and emits actions.
//!
//! [`state`] (the reducer) and `run_events` (orchestration's events ->
//! actions) are pure and tested natively; everything else is browser glue
//! and compiles for wasm32 only.

mod run_events;
pub mod state;
mod status;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub(crate) mod browser;
#[cfg(target_arch = "wasm32")]
mod class;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod export;
#[cfg(target_arch = "wasm32")]
mod isolation;
#[cfg(target_arch = "wasm32")]
mod server;
#[cfg(target_arch = "wasm32")]
mod storage;

/// Mounts the app into the page's body.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // The classroom pages only read results: no engine, no simulated server.
    let first = class::route();
    match first.clone() {
        Some(route) => {
            yew::Renderer::<class::ClassroomPage>::with_props(class::PageProps { route }).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
    // A result link pasted into the address bar changes only the fragment,
    // which loads nothing: load the page it asks for.
    let window = gloo::utils::window();
    gloo::events::EventListener::new(&window.clone(), "hashchange", move |_| {
        if class::route() != first {
            let _ = window.location().reload();
        }
    })
    .forget();
}

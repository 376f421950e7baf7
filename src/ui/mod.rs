//! The page: a Yew app on the page's own thread. It never blocks: CPU work
//! goes to the engine worker, waiting is done with futures. Running an
//! experiment is `orchestra`'s; this module renders state and emits actions.
//!
//! [`state`] (the reducer) and `run_events` (orchestration's events ->
//! actions) are pure and tested natively; everything else is browser glue
//! and compiles for wasm32 only.

pub mod remote_protocol;
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
mod class_loader;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod export;
#[cfg(target_arch = "wasm32")]
mod isolation;
#[cfg(target_arch = "wasm32")]
mod lazy;
#[cfg(target_arch = "wasm32")]
mod reference;
#[cfg(target_arch = "wasm32")]
pub mod remote;
#[cfg(target_arch = "wasm32")]
mod remote_view;
#[cfg(target_arch = "wasm32")]
mod result_share;
#[cfg(target_arch = "wasm32")]
mod route;
#[cfg(target_arch = "wasm32")]
mod server;
#[cfg(target_arch = "wasm32")]
mod storage;

/// The page module's start: mounts the app into the page's body, or, where
/// the address asks for a classroom page, loads the classroom module
/// (`ui::lazy`), which renders it ([`start_classroom`]).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // The classroom pages only read results: no engine, no simulated server.
    let first = route::route();
    if first.is_some() {
        let present = route::settings().0.present;
        yew::Renderer::<class_loader::ClassroomLoader>::with_props(class_loader::LoaderProps {
            present,
        })
        .render();
    } else {
        yew::Renderer::<app::App>::new().render();
    }
    // A result link pasted into the address bar changes only the fragment,
    // which loads nothing: load the page it asks for.
    let window = gloo::utils::window();
    gloo::events::EventListener::new(&window.clone(), "hashchange", move |_| {
        if route::route() != first {
            let _ = window.location().reload();
        }
    })
    .forget();
}

/// The classroom module's start (`src/bin/class.rs`, loaded by the page's
/// module): mounts the classroom page the address asks for. None where the
/// address changed while the module loaded: the page's module reloads then.
#[cfg(target_arch = "wasm32")]
pub fn start_classroom() {
    if let Some(route) = route::route() {
        yew::Renderer::<class::ClassroomPage>::with_props(class::PageProps { route }).render();
    }
}

//! The views the page loads only when it needs them: the results view and
//! the sweep's result (the results module, `src/bin/results.rs`), and the
//! classroom pages (class view, result links; `src/bin/class.rs`).

pub mod class;
pub mod components;
pub mod reference;
pub mod remote;
pub mod result_share;

/// The classroom module's start (`src/bin/class.rs`, loaded by the page's
/// module): mounts the classroom page the address asks for. None where the
/// address changed while the module loaded: the page's module reloads then.
pub fn start_classroom() {
    if let Some(route) = playground_web::route::route() {
        yew::Renderer::<class::ClassroomPage>::with_props(class::PageProps { route }).render();
    }
}

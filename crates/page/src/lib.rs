//! The page: the Yew app on the page's own thread, and the runner that runs
//! an experiment from it (engine and process workers, where each model
//! runs, progress, Stop, results). It never blocks: CPU work goes to the
//! engine worker, waiting is done with futures. The reducer it renders is
//! `playground_core::state`; the results view is the lazily loaded
//! `playground_views`.

mod app;
mod class_loader;
mod components;
mod isolation;
mod lazy;
mod remote_view;
pub mod runner;
mod session;

/// The page module's start: mounts the app into the page's body, or, where
/// the address asks for a classroom page, loads the classroom module
/// (`crate::lazy`), which renders it ([`start_classroom`]).
pub fn start() {
    // The classroom pages only read results: no engine, no simulated server.
    let first = playground_web::route::route();
    if first.is_some() {
        let present = playground_web::route::settings().0.present;
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
        if playground_web::route::route() != first {
            let _ = window.location().reload();
        }
    })
    .forget();
}

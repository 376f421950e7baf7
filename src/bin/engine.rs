//! Entry point of the engine worker (built by Trunk as a `data-type="worker"`
//! binary, feature `engine`). It runs once per engine worker, not in rayon's
//! helper threads.

fn main() {
    // As in src/bin/app.rs: panic messages only where panics format.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    playground_web::wait_async::install();
    playground_engine::start();
}

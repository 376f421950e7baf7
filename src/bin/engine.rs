//! Entry point of the engine worker (built by Trunk as a `data-type="worker"`
//! binary). It runs once per engine worker, not in rayon's helper threads.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // The release build aborts on a panic without formatting a message
        // (Cargo.toml: panic = "immediate-abort"), so the hook that would
        // print it is linked only into builds that format panics.
        #[cfg(not(panic = "immediate-abort"))]
        console_error_panic_hook::set_once();
        playground_web::wait_async::install();
        playground_engine::start();
    }
}

//! Entry point of the engine worker (built by Trunk as a `data-type="worker"`
//! binary). It runs once per engine worker, not in rayon's helper threads.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        concurrency_playground::wait_async::install();
        concurrency_playground::engine::start();
    }
}

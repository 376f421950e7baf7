//! Entry point of the page (built by Trunk as the main binary).

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        concurrency_playground::wait_async::install();
        concurrency_playground::ui::start();
    }
}

//! Entry point of the page (built by Trunk as the main binary, feature `page`).

fn main() {
    // The release build aborts on a panic without formatting a message
    // (Cargo.toml: panic = "immediate-abort"), so the hook that would print
    // it is linked only into builds that format panics.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    playground_page::start();
}

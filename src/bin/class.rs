//! Entry point of the classroom module (built by Trunk as a `data-type="worker"`
//! binary that nothing loads at startup, feature `views`): the class view and
//! the read-only view of a result link. The page's module imports it when the
//! address asks for one of those pages (crates/page/src/lazy.rs); its main()
//! then renders the page.

fn main() {
    // As in src/bin/app.rs: panic messages only where panics format.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    playground_views::start_classroom();
}

//! Loading the modules built beside the page's and imported only when a
//! visit needs them: the classroom module (`src/bin/class.rs`: the class
//! view and the read-only view of a result link) and the results module
//! (`src/bin/results.rs`: everything a run's results show). Most visits
//! never open the classroom pages, and a visit that never runs needs no
//! results view, so the page's module links neither: it imports the
//! module's JS from beside the page (so it works under a sub-path and in
//! embeds) and runs its init once per page. Owns only that loading and its
//! errors; what the modules render is theirs (`playground_views::class`,
//! `playground_views::remote`), and what the page shows meanwhile is the
//! caller's (`class_loader`, `remote_view`).

use std::cell::RefCell;
use std::collections::HashMap;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use thiserror::Error;
use wasm_bindgen::prelude::*;

use playground_web::jsutil::describe;
use playground_web::platform;

// Why JavaScript: Rust has no dynamic `import()`; this is the whole of it.
#[wasm_bindgen(module = "/src/lazy.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = importModule)]
    async fn import_module(url: &str) -> Result<JsValue, JsValue>;
}

/// A module index.html builds beside the page's but does not load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lazy {
    /// The classroom pages.
    Classroom,
    /// The results view (and the sweep's result).
    Results,
}

impl Lazy {
    /// Its JS glue and WASM (index.html builds them; Trunk's names).
    fn files(self) -> (&'static str, &'static str) {
        match self {
            Lazy::Classroom => ("class.js", "class_bg.wasm"),
            Lazy::Results => ("results.js", "results_bg.wasm"),
        }
    }
}

/// Why a module could not be loaded.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum LoadError {
    #[error("{url} could not be loaded ({reason})")]
    Import { url: String, reason: String },
    #[error("{url} could not be started ({reason})")]
    Start { url: String, reason: String },
}

/// A loaded module: its JS namespace (its exports).
pub type Loaded = Result<JsValue, LoadError>;

thread_local! {
    /// One load per module and page, shared by everyone who waits for it
    /// (the results view and the sweep's result load the same module). A
    /// failed load stays failed: the browser keeps a failed `import()` of a
    /// URL failed too, so only a reload tries again.
    static LOADS: RefCell<HashMap<Lazy, Shared<LocalBoxFuture<'static, Loaded>>>> =
        RefCell::new(HashMap::new());
}

/// The module, imported and started (its `main` has run), on first call.
///
/// # Errors
/// [`LoadError::Import`] naming the JS file, or [`LoadError::Start`]
/// naming the WASM file, with the browser's reason.
pub async fn load(module: Lazy) -> Loaded {
    let shared = LOADS.with(|loads| {
        loads
            .borrow_mut()
            .entry(module)
            .or_insert_with(|| import_and_start(module).boxed_local().shared())
            .clone()
    });
    shared.await
}

/// Starts loading `module` now, for a view that is about to need it: a run
/// starting (`crate::app`) loads the results module while its engine warms up,
/// not while the models are timed. Whoever shows the view awaits the same
/// load and reports its failure.
pub fn preload(module: Lazy) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = load(module).await;
    });
}

async fn import_and_start(module: Lazy) -> Loaded {
    let base = platform::base_url();
    let (js, wasm) = module.files();
    let url = format!("{base}{js}");
    let namespace = import_module(&url).await.map_err(|e| LoadError::Import {
        url: url.clone(),
        reason: describe(&e),
    })?;
    init_module(&namespace)
        .await
        .map_err(|e| LoadError::Start {
            url: format!("{base}{wasm}"),
            reason: describe(&e),
        })?;
    Ok(namespace)
}

/// Runs an imported wasm-bindgen module's default export, its init (which
/// instantiates the WASM next to it and runs its `main`).
async fn init_module(module: &JsValue) -> Result<JsValue, JsValue> {
    let init: js_sys::Function = js_sys::Reflect::get(module, &"default".into())?.dyn_into()?;
    let started: js_sys::Promise = init.call0(module)?.dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(started).await
}

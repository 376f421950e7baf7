//! Loading the classroom module (`src/bin/class.rs`: the class view and
//! the read-only view of a result link) when the address asks for one of
//! its pages. Most visits never open them, so the page's module does not
//! link them: it shows a loading note, imports `class.js` from beside the
//! page (so it works under a sub-path and in embeds) and starts it; the
//! classroom module then renders the page in place of the note. Owns only
//! that loading and the message when it fails; rendering the pages is
//! `ui::class`'s.

use thiserror::Error;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::jsutil::describe;
use crate::platform;

// Why JavaScript: Rust has no dynamic `import()`; this is the whole of it.
#[wasm_bindgen(module = "/src/ui/lazy.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = importModule)]
    async fn import_module(url: &str) -> Result<JsValue, JsValue>;
}

/// Runs an imported wasm-bindgen module's default export, its init (which
/// instantiates the WASM next to it and runs its `main`).
async fn init_module(module: &JsValue) -> Result<JsValue, JsValue> {
    let init: js_sys::Function = js_sys::Reflect::get(module, &"default".into())?.dyn_into()?;
    let started: js_sys::Promise = init.call0(module)?.dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(started).await
}

/// The classroom module's files (index.html builds them; Trunk's names).
const CLASS_JS: &str = "class.js";
const CLASS_WASM: &str = "class_bg.wasm";

/// Why the classroom page could not be shown.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum LoadError {
    #[error("{url} could not be loaded ({reason})")]
    Import { url: String, reason: String },
    #[error("{url} could not be started ({reason})")]
    Start { url: String, reason: String },
}

/// Imports the classroom module and runs it (its `main` renders the page).
async fn load() -> Result<(), LoadError> {
    let base = platform::base_url();
    let url = format!("{base}{CLASS_JS}");
    let module = import_module(&url).await.map_err(|e| LoadError::Import {
        url: url.clone(),
        reason: describe(&e),
    })?;
    init_module(&module)
        .await
        .map_err(|e| LoadError::Start {
            url: format!("{base}{CLASS_WASM}"),
            reason: describe(&e),
        })
        .map(drop)
}

#[derive(Properties, PartialEq)]
pub struct LoaderProps {
    /// Projector mode (`present=1`), kept while loading and on failure.
    pub present: bool,
}

/// A note while the classroom module loads; the module's page replaces it
/// (Yew clears the body it mounts into). On failure, what failed.
#[function_component(ClassroomLoader)]
pub fn classroom_loader(props: &LoaderProps) -> Html {
    let failed = use_state(|| None::<LoadError>);
    {
        let failed = failed.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // On success the classroom module has replaced this component's
                // DOM: render nothing more.
                if let Err(e) = load().await {
                    failed.set(Some(e));
                }
            });
        });
    }
    let home = platform::base_url();
    html! {
        <main class={classes!("app", "classroom", props.present.then_some("present"))}>
            <header class="masthead">
                <h1><a class="home" href={home.clone()}>{ "Concurrency Playground" }</a></h1>
            </header>
            { match &*failed {
                None => html! {
                    <p class="note" role="status" data-testid="classroom-loading">{ "Loading the classroom page…" }</p>
                },
                Some(e) => html! {
                    <p class="failed" role="alert" data-testid="classroom-load-failed">
                        { format!("The classroom page could not be shown: {e}. Check the connection and reload the page. ") }
                        <a href={home}>{ "Open the playground" }</a>
                    </p>
                },
            } }
        </main>
    }
}

//! The page's side of a view the results module renders (`playground_views::remote`):
//! an empty host element that the page's Yew renders and never fills, and
//! beside it a note while the module loads (`crate::lazy`, started when this
//! component first shows, i.e. when a run or a sweep starts) or, if it
//! cannot be loaded or shown, what failed. Hands the module the slot's
//! props as JSON text (`playground_core::protocol::remote`) whenever they change. Owns
//! no results data: the page state keeps it.

use std::cell::RefCell;
use std::rc::Rc;

use thiserror::Error;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

use super::lazy::{self, Lazy, LoadError};
use playground_core::protocol::remote::{RemoteError, RemoteProps, Slot};
use playground_web::jsutil::describe;

/// Why a view is not shown.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum ViewError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Props(#[from] RemoteError),
    /// The module is loaded but its export failed or is missing.
    #[error("results.js could not show it ({0})")]
    Show(String),
}

#[derive(Clone, Debug, PartialEq)]
enum Module {
    Loading,
    Ready(JsValue),
    Failed(ViewError),
}

#[derive(Properties, PartialEq)]
pub struct RemoteViewProps {
    pub view: RemoteProps,
}

/// Calls the module's export `name` with `args`.
fn call(module: &JsValue, name: &str, args: &[JsValue]) -> Result<(), ViewError> {
    let show = |e: JsValue| ViewError::Show(describe(&e));
    let f: js_sys::Function = js_sys::Reflect::get(module, &name.into())
        .map_err(show)?
        .dyn_into()
        .map_err(|_| ViewError::Show(format!("it has no function `{name}`")))?;
    f.apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>())
        .map(drop)
        .map_err(show)
}

fn show(module: &JsValue, host: &Element, view: &RemoteProps) -> Result<(), ViewError> {
    let json = view.encode()?;
    let args = [host.into(), view.slot().as_str().into(), json.into()];
    call(module, "mountView", &args)
}

/// A view of the results module, in the page.
#[function_component(RemoteView)]
pub fn remote_view(props: &RemoteViewProps) -> Html {
    let host = use_node_ref();
    let module = use_state(|| Module::Loading);
    // The loaded module, for taking the view down when this component goes.
    let loaded: Rc<RefCell<Option<JsValue>>> = use_mut_ref(|| None);
    let slot: Slot = props.view.slot();
    {
        let (module, loaded) = (module.clone(), loaded.clone());
        use_effect_with((), move |_| {
            let keep = loaded.clone();
            wasm_bindgen_futures::spawn_local(async move {
                module.set(match lazy::load(Lazy::Results).await {
                    Ok(m) => {
                        *keep.borrow_mut() = Some(m.clone());
                        Module::Ready(m)
                    }
                    Err(e) => Module::Failed(e.into()),
                });
            });
            move || {
                if let Some(m) = loaded.borrow_mut().take() {
                    // The host is leaving the page: nothing is left to show a failure in.
                    let _ = call(&m, "unmountView", &[slot.as_str().into()]);
                }
            }
        });
    }
    {
        let (module, host) = (module.clone(), host.clone());
        let ready = matches!(*module, Module::Ready(_));
        use_effect_with((props.view.clone(), ready), move |(view, _)| {
            if let (Module::Ready(m), Some(host)) = (&*module, host.cast::<Element>()) {
                if let Err(e) = show(m, &host, view) {
                    module.set(Module::Failed(e));
                }
            }
        });
    }
    html! {
        <>
            if let Module::Loading = &*module {
                <p class="note" role="status" data-testid="remote-loading" data-slot={slot.as_str()}>
                    { "Loading the results view…" }
                </p>
            }
            if let Module::Failed(e) = &*module {
                <p class="failed" role="alert" data-testid="remote-failed" data-slot={slot.as_str()}>
                    { format!("The results view could not be shown: {e}. Check the connection and \
                               reload the page; the settings and Run still work here.") }
                </p>
            }
            // The results module renders into this element; the page's Yew renders
            // it without children, so it never touches what is inside.
            <div ref={host} class="remote-host" data-slot={slot.as_str()}></div>
        </>
    }
}

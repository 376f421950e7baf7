//! The results module's side of the views it renders into the page
//! (`src/bin/results.rs`): one Yew app per slot, mounted into the host
//! element the page's module renders (`playground_page::remote_view`) and given new props
//! on every update. Owns the registry of those apps and their root
//! component; the props and their text are `playground_core::protocol::remote`'s, the
//! views themselves `crate::components`'. Linked only into the results module:
//! nothing in the page's module may import it.

use std::cell::RefCell;
use std::collections::HashMap;

use web_sys::Element;
use yew::prelude::*;
use yew::AppHandle;

use super::components::{ResultsView, SweepResult};
use super::reference::OwnReference;
use playground_core::protocol::remote::{RemoteError, RemoteProps, Slot};

#[derive(Properties, PartialEq)]
pub struct RootProps {
    pub view: RemoteProps,
}

/// One slot's view.
#[function_component(RemoteRoot)]
fn remote_root(props: &RootProps) -> Html {
    match &props.view {
        RemoteProps::Results(p) => html! {
            <>
                <ResultsView results={p.results.clone()} finished={p.finished} compact={p.compact} />
                if p.finished {
                    <OwnReference results={p.results.clone()} />
                }
            </>
        },
        RemoteProps::Sweep(p) => html! { <SweepResult sweep={p.sweep.clone()} /> },
    }
}

thread_local! {
    /// The app of each slot, and the host it is mounted in.
    static APPS: RefCell<HashMap<Slot, (Element, AppHandle<RemoteRoot>)>> =
        RefCell::new(HashMap::new());
}

/// Why tree ids are reserved: Yew finds the handlers of a DOM event by the
/// id of the app ("subtree") an element belongs to, kept on the element
/// (`__yew_subtree_id`) and numbered from 1 in each WASM module. The page's
/// module's one app (`playground_page::start`, no portals) is 1, and it listens on the
/// body, above our hosts: were our first app 1 as well, the page's Yew
/// would take a click in the results view for one of its own elements and
/// run the page's handler with the same listener number. Mounting (and at
/// once destroying) this many empty apps first numbers ours above the
/// page's. (yew 0.23 `dom_bundle/subtree_root.rs`.)
const RESERVED_TREE_IDS: usize = 32;

#[function_component(Nothing)]
fn nothing() -> Html {
    html! {}
}

/// The results module's start (its `main`): numbers its apps apart from
/// the page's.
pub fn start() {
    let document = gloo::utils::document();
    for _ in 0..RESERVED_TREE_IDS {
        if let Ok(detached) = document.create_element("div") {
            yew::Renderer::<Nothing>::with_root(detached)
                .render()
                .destroy();
        }
    }
}

/// Shows the view of the slot named `slot` with the props in `json` in
/// `host`: mounts its app there on first call, or when the page's host
/// element is a new one; updates its props after.
///
/// # Errors
/// [`RemoteError`] for an unknown slot or props that do not read.
pub fn mount(host: Element, slot: &str, json: &str) -> Result<(), RemoteError> {
    let view = RemoteProps::decode(slot, json)?;
    let slot = view.slot();
    // Out of the registry while Yew renders, which may run other code.
    let old = APPS.with(|apps| apps.borrow_mut().remove(&slot));
    let entry = match old {
        Some((same, mut app)) if same == host => {
            app.update(RootProps { view });
            (same, app)
        }
        old => {
            if let Some((_, app)) = old {
                app.destroy();
            }
            let app =
                yew::Renderer::<RemoteRoot>::with_root_and_props(host.clone(), RootProps { view })
                    .render();
            (host, app)
        }
    };
    APPS.with(|apps| apps.borrow_mut().insert(slot, entry));
    Ok(())
}

/// Removes the view of the slot named `slot` (the page no longer shows its
/// host). Nothing to do for a slot without a view.
///
/// # Errors
/// [`RemoteError::UnknownSlot`] for a name that is no slot.
pub fn unmount(slot: &str) -> Result<(), RemoteError> {
    let slot = Slot::parse(slot)?;
    if let Some((_, app)) = APPS.with(|apps| apps.borrow_mut().remove(&slot)) {
        app.destroy();
    }
    Ok(())
}

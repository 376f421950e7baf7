//! What the app keeps between renders that is not state to render: the
//! engine, the responsiveness meter, the Stop signal and what must happen
//! only once (the embed's `ready`, autorun, the first lesson save, the
//! scroll after a clicked Run); and the page's start (the meter, the
//! simulated server, whether threads are possible here).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::channel::oneshot;

use crate::isolation;
use crate::runner::{EngineSlot, Meter};
use playground_core::state::Action;
use playground_web::server;

/// One page visit's handles (one per app, shared by its callbacks).
#[derive(Default)]
pub struct Session {
    /// The engine worker, once a run or a sweep has started one.
    pub engine: EngineSlot,
    /// The responsiveness meter, from the page's start.
    pub meter: RefCell<Option<Rc<Meter>>>,
    /// Stops the run in progress.
    pub stop: RefCell<Option<oneshot::Sender<()>>>,
    /// The embedding page was told `ready`.
    pub announced: Cell<bool>,
    /// The address's `autorun` was honoured.
    pub autorun_done: Cell<bool>,
    /// The lesson progress read at load has been seen (later changes save).
    pub lessons_loaded: Cell<bool>,
    /// The next run was started by a click: bring its status into view.
    pub reveal_on_start: Cell<bool>,
}

impl Session {
    /// Sets a once-flag; true the first time only.
    pub fn first(flag: &Cell<bool>) -> bool {
        !flag.replace(true)
    }
}

/// The page's start: the meter, then the simulated server and how the page
/// is isolated (a reload first, where the service worker must add the
/// headers), and the news of both as actions. Returns the meter.
pub fn start_page(dispatch: Rc<dyn Fn(Action)>) -> Rc<Meter> {
    let meter = Rc::new(Meter::start());
    wasm_bindgen_futures::spawn_local(async move {
        let server = server::start().await;
        match &server {
            Ok(control) => {
                if server::reload_for_isolation(*control) == server::Next::Reloading {
                    return;
                }
                isolation::detect(Ok(*control)).await;
            }
            Err(e) => {
                isolation::detect(Err(e)).await;
            }
        }
        // Before the server's news, which lets runs start: a run then knows
        // that threads are off here, and why.
        if let Some(reason) = isolation::why_not_isolated() {
            dispatch(Action::NotIsolated { reason });
        }
        dispatch(match server {
            Ok(_) => Action::ServerReady,
            Err(e) => Action::ServerFailed {
                reason: e.to_string(),
            },
        });
    });
    meter
}

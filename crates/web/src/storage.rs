//! Browser storage that may be refused. `localStorage` and `sessionStorage`
//! throw in frames of another site when the browser blocks third-party
//! storage (Chromium's incognito windows, Safari, strict tracking
//! protection), in sandboxed frames, and when full. Nothing here panics:
//! where the browser refuses, values are kept in memory for this visit and
//! [`persistent`] says so, so the page can tell the learner.
//!
//! Page thread only; never used from workers.

use std::cell::RefCell;
use std::collections::HashMap;

/// Which of the browser's stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    /// Kept across visits (`localStorage`).
    Local,
    /// Kept for the tab's session (`sessionStorage`).
    Session,
}

thread_local! {
    /// Values the browser would not store, for this visit only.
    static MEMORY: RefCell<HashMap<(Area, String), String>> = RefCell::default();
    /// What [`persistent`] found, per area.
    static PROBED: RefCell<HashMap<Area, bool>> = RefCell::default();
}

/// The browser's store for `area`, or `None` where it refuses.
fn browser_store(area: Area) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    // Both getters throw (SecurityError) where storage is blocked; web-sys
    // turns that into `Err` rather than an exception through WebAssembly.
    let store = match area {
        Area::Local => window.local_storage(),
        Area::Session => window.session_storage(),
    };
    store.ok().flatten()
}

/// Whether values in `area` outlive this page (the browser stores them).
/// Probed once per area and visit: pages render this on every update.
pub fn persistent(area: Area) -> bool {
    const PROBE: &str = "concurrency-playground:probe";
    let probe = || {
        browser_store(area).is_some_and(|s| {
            let ok = s.set_item(PROBE, "1").is_ok();
            let _ = s.remove_item(PROBE);
            ok
        })
    };
    PROBED.with(|p| *p.borrow_mut().entry(area).or_insert_with(probe))
}

/// The value of `key`: from the browser's store, else from memory.
pub fn get(area: Area, key: &str) -> Option<String> {
    let stored = browser_store(area).and_then(|s| s.get_item(key).ok().flatten());
    stored.or_else(|| MEMORY.with(|m| m.borrow().get(&(area, key.to_owned())).cloned()))
}

/// Stores `value` under `key`: in the browser's store, or in memory for
/// this visit where the browser refuses.
pub fn set(area: Area, key: &str, value: &str) {
    let stored = browser_store(area).is_some_and(|s| s.set_item(key, value).is_ok());
    MEMORY.with(|m| {
        let mut m = m.borrow_mut();
        if stored {
            m.remove(&(area, key.to_owned()));
        } else {
            m.insert((area, key.to_owned()), value.to_owned());
        }
    });
}

/// Stores `value` only if the browser keeps it; `false` where it refuses
/// (for flags that must survive a reload, such as "reloaded once already").
pub fn set_in_browser(area: Area, key: &str, value: &str) -> bool {
    browser_store(area).is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Forgets `key` in both places.
pub fn remove(area: Area, key: &str) {
    if let Some(s) = browser_store(area) {
        let _ = s.remove_item(key);
    }
    MEMORY.with(|m| m.borrow_mut().remove(&(area, key.to_owned())));
}

//! Which page the address asks for: the playground, or one of the
//! classroom kit's pages (`view=class`, a result link's `#results=`).
//! Decided at startup by the page's module, which loads the classroom
//! module for the latter (`playground_page::lazy`); rendering them is `playground_views::class`'s.

use crate::browser;
use crate::platform;
use playground_core::classroom::LINK_KEY;
use playground_core::config::{Settings, View};
use playground_core::state::AppState;

/// A classroom page the address asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `view=class`.
    Class,
    /// A result link: the fragment holding `results=`.
    Shared(String),
}

/// The page's settings and the messages about rejected ones, as the
/// playground reads them.
pub fn settings() -> (Settings, Vec<(String, String)>) {
    let state = AppState::from_query(&browser::query(), platform::hardware_concurrency());
    (state.settings, state.errors)
}

/// The classroom page the current address asks for, if any. A result link
/// wins over the query (it is how a learner's link is opened).
pub fn route() -> Option<Route> {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let holds_results = hash
        .trim_start_matches('#')
        .split('&')
        .any(|pair| pair.starts_with(&format!("{LINK_KEY}=")));
    if holds_results {
        return Some(Route::Shared(hash));
    }
    (settings().0.view == Some(View::Class)).then_some(Route::Class)
}

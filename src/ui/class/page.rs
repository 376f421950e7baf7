//! The classroom kit's own pages, chosen when the app starts: the class
//! view (`view=class`) and the read-only view of a result link
//! (`#results=…`). Neither starts the engine or the simulated server: they
//! only read results.

use yew::prelude::*;

use super::{ClassView, SharedResultsView};
use crate::classroom::LINK_KEY;
use crate::ui::browser;

/// Which page the address asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `view=class`.
    Class,
    /// A result link: the fragment holding `results=`.
    Shared(String),
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
    let query = browser::query();
    let class = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == "view")
        .is_some_and(|(_, v)| v == "class");
    class.then_some(Route::Class)
}

/// The address of the playground itself (no `view`, no fragment).
fn playground_href() -> String {
    browser::base_url()
}

fn masthead() -> Html {
    html! {
        <header class="masthead">
            <h1><a class="home" href={playground_href()}>{ "Concurrency Playground" }</a></h1>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub route: Route,
}

/// A classroom page with the app's masthead.
#[function_component(ClassroomPage)]
pub fn classroom_page(props: &PageProps) -> Html {
    html! {
        <main class="app classroom">
            { masthead() }
            { match &props.route {
                Route::Class => html! { <ClassView back_href={playground_href()} /> },
                Route::Shared(fragment) => html! { <SharedResultsView fragment={fragment.clone()} /> },
            } }
        </main>
    }
}

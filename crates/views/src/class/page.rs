//! The classroom kit's own pages, chosen when the app starts: the class
//! view (`view=class`) and the read-only view of a result link
//! (`#results=…`). Neither starts the engine or the simulated server: they
//! only read results. Both honour projector mode (`present=1`) and report
//! rejected URL settings like the playground does.

use yew::prelude::*;

use super::{ClassView, SharedResultsView};
use crate::components::ErrorList;
use playground_web::platform;
use playground_web::route::{settings, Route};

/// The playground's address, in projector mode when this page is.
fn playground_href(present: bool) -> String {
    let base = platform::base_url();
    if present {
        format!("{base}?present=1")
    } else {
        base
    }
}

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub route: Route,
}

/// A classroom page with the app's masthead.
#[function_component(ClassroomPage)]
pub fn classroom_page(props: &PageProps) -> Html {
    let (settings, errors) = use_memo((), |_| settings()).as_ref().clone();
    let home = playground_href(settings.present);
    html! {
        <main class={classes!("app", "classroom", settings.present.then_some("present"))}>
            <header class="masthead">
                <h1><a class="home" href={home.clone()}>{ "Concurrency Playground" }</a></h1>
            </header>
            <ErrorList {errors} />
            { match &props.route {
                Route::Class => html! { <ClassView back_href={home} /> },
                Route::Shared(fragment) => html! { <SharedResultsView fragment={fragment.clone()} /> },
            } }
        </main>
    }
}

//! What the page's module shows while the classroom module (`crate::lazy`)
//! loads for a classroom page, and which file failed if it cannot be
//! loaded. The classroom module's page then replaces it; rendering the
//! pages is `playground_views::class`'s.

use yew::prelude::*;

use super::lazy::{self, Lazy, LoadError};
use playground_web::platform;

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
                if let Err(e) = lazy::load(Lazy::Classroom).await {
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

//! The read-only view a result link opens (`#results=cp1.…`): the shared
//! run as the results view shows a run, where it was measured, the matching
//! reference run beside it, and a link to run the experiment yourself. No
//! engine is needed. A damaged link gets a message naming what is wrong.

use serde_json::Value;
use yew::prelude::*;

use super::table::GroupTable;
use crate::components::ResultsView;
use crate::reference::ReferenceBeside;
use playground_core::classroom::{
    experiment_query, from_fragment, group_runs, read_value, ClassDoc, ClassRow,
};
use playground_core::report::Results;

#[derive(Properties, PartialEq)]
pub struct SharedResultsProps {
    /// The page's URL fragment (with or without `#`).
    pub fragment: AttrValue,
}

/// What a link holds.
enum Shared {
    /// Readable by this version's results view too.
    Full(Box<Results>, ClassDoc),
    /// A results@1 document this version reads only in part (a newer app's).
    Partial(ClassDoc),
    Broken(String),
}

fn read(fragment: &str) -> Shared {
    let value: Value = match from_fragment(fragment) {
        None => return Shared::Broken("the link has no results in it".to_owned()),
        Some(Err(e)) => return Shared::Broken(e.to_string()),
        Some(Ok(v)) => v,
    };
    let doc = match read_value(value.clone(), None) {
        Ok(doc) => doc,
        Err(e) => return Shared::Broken(e.to_string()),
    };
    match serde_json::from_value::<Results>(value) {
        Ok(results) => Shared::Full(Box::new(results), doc),
        Err(_) => Shared::Partial(doc),
    }
}

#[function_component(SharedResultsView)]
pub fn shared_results_view(props: &SharedResultsProps) -> Html {
    let shared = use_memo(props.fragment.clone(), |f| read(f));
    let playground = playground_web::platform::base_url();
    let doc = match &*shared {
        Shared::Broken(why) => {
            return html! {
                <section class="shared-results" data-testid="shared-results" data-state="broken">
                    <div class="errors" role="alert" data-testid="shared-error">
                        <strong>{ "This result link cannot be read: " }</strong>{ why.clone() }
                        { format!(". A result link holds \"#results=cp{}.…\"; ask for the link again.",
                            playground_core::classroom::CODE_VERSION) }
                    </div>
                    <p><a href={playground}>{ "Open the playground" }</a></p>
                </section>
            };
        }
        Shared::Full(_, doc) | Shared::Partial(doc) => doc,
    };
    let row = ClassRow::from_doc(doc, "shared run");
    let yourself = format!("{playground}?{}", experiment_query(&doc.config));
    html! {
        <section class="shared-results" data-testid="shared-results" data-state="ok">
            <div class="banner shared-banner" role="note">
                <strong>{ "Shared results, read-only. " }</strong>
                { format!("Measured by someone else: {}, {} logical cores, isolation {}, {}. \
                           The results travel inside the link; nothing was sent to a server. ",
                    row.browser, row.cores.map(|c| c.to_string()).unwrap_or_else(|| "?".to_owned()),
                    row.isolation, row.experiment) }
                <a href={yourself} data-testid="run-yourself">{ "Run this experiment yourself" }</a>
                { " · " }
                <a href={playground}>{ "Open the playground" }</a>
            </div>
            { match &*shared {
                Shared::Full(results, _) => html! {
                    <ResultsView results={(**results).clone()} finished={true} />
                },
                _ => partial(&row),
            } }
            <ReferenceBeside run={row} name="Shared run" />
        </section>
    }
}

/// A newer app's results: the class table's row of them.
fn partial(row: &ClassRow) -> Html {
    let groups = group_runs(std::slice::from_ref(row));
    html! {
        <>
            <p class="note">{ "These results come from another version of the playground: here is their summary." }</p>
            { for groups.into_iter().map(|g| html! { <GroupTable group={g} /> }) }
        </>
    }
}

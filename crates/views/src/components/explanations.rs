//! "What happened": sentences generated from the measured results
//! (`teach::explain`), shown as text.

use yew::prelude::*;

use playground_core::report::Results;
use playground_core::teach::explain;

#[derive(Properties, PartialEq)]
pub struct ExplanationsProps {
    pub results: Results,
}

#[function_component(Explanations)]
pub fn explanations(props: &ExplanationsProps) -> Html {
    let sentences = explain(&props.results);
    if sentences.is_empty() {
        return html! {};
    }
    html! {
        <section class="explanations" aria-labelledby="explain-title" data-testid="explanations">
            <h3 id="explain-title">{ "What happened" }</h3>
            <ul>{ for sentences.into_iter().map(|s| html! { <li>{ s }</li> }) }</ul>
        </section>
    }
}

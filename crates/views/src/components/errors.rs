//! The list of rejected settings, each naming the key and the accepted range.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorListProps {
    /// (key, message) pairs.
    pub errors: Vec<(String, String)>,
}

/// Shows rejected settings; renders nothing when there are none.
#[function_component(ErrorList)]
pub fn error_list(props: &ErrorListProps) -> Html {
    if props.errors.is_empty() {
        return html! {};
    }
    html! {
        <section class="errors" role="alert">
            <h2>{ "Some settings were not accepted" }</h2>
            <ul data-testid="config-errors">
                { for props.errors.iter().map(|(key, message)| html! {
                    // Messages are rendered as text: a value from the URL is never markup.
                    <li data-key={key.clone()}>{ message }</li>
                }) }
            </ul>
        </section>
    }
}

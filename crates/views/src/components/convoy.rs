//! The convoy card: what the I/O thread's requests took alone and beside
//! the CPU threads, their ratio, the rates, and the switch-interval sweep
//! (`teach::convoy_facts`). Renders text only; owns no state.

use yew::prelude::*;

use playground_core::report::{ConvoyStats, IoLatency};
use playground_core::teach::{convoy_facts, sweep_rows};

#[derive(Properties, PartialEq)]
pub struct ConvoyCardProps {
    /// The model's public id, for test ids.
    pub model: AttrValue,
    pub latency: IoLatency,
    pub stats: ConvoyStats,
}

#[function_component(ConvoyCard)]
pub fn convoy_card(props: &ConvoyCardProps) -> Html {
    let facts = convoy_facts(&props.latency, &props.stats);
    let rows = sweep_rows(&props.stats);
    let model = &props.model;
    html! {
        <div class="convoy" data-testid={format!("convoy-{model}")}>
            <dl class="convoy-facts">
                { for facts.into_iter().map(|f| html! {
                    <>
                        <dt>{ f.label }</dt>
                        <dd data-testid={format!("convoy-{model}-{}", f.key)}>{ f.value }</dd>
                    </>
                }) }
            </dl>
            if !rows.is_empty() {
                <table class="convoy-sweep" data-testid={format!("convoy-sweep-{model}")}>
                    <caption>{ "The same requests at other switch intervals (Python: sys.setswitchinterval()): \
                                 shorter helps the I/O thread, and the CPU threads hand the lock over more often." }</caption>
                    <thead><tr>
                        <th scope="col">{ "Switch interval" }</th>
                        <th scope="col">{ "Request (median)" }</th>
                        <th scope="col">{ "Requests a second" }</th>
                        <th scope="col">{ format!("CPU: fib({}) a second", props.stats.cpu_n) }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.into_iter().map(|[a, b, c, d]| html! {
                            <tr><td>{ a }</td><td>{ b }</td><td>{ c }</td><td>{ d }</td></tr>
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}

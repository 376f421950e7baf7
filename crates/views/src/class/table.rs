//! One experiment's table in the class view: a row per run (source, cores,
//! browser, isolation, each model's wall time and speedup over
//! `sequential`, its flags), the class median row, and the matching
//! reference run, labelled as recorded elsewhere. Renders what
//! `classroom::group_runs` computed; no statistics here.

use yew::prelude::*;

use playground_core::classroom::{models_of, ClassRow, ExperimentGroup, REFERENCE_LABEL};

#[derive(Properties, PartialEq)]
pub struct GroupTableProps {
    pub group: ExperimentGroup,
    /// The reference run to show under the median, and whether it has the
    /// group's exact settings.
    #[prop_or_default]
    pub reference: Option<(ClassRow, bool)>,
    /// (source, position) of the row to remove; no remove buttons without.
    #[prop_or_default]
    pub on_remove: Option<Callback<(String, usize)>>,
}

fn ms(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}"))
        .unwrap_or_else(|| "–".to_owned())
}

fn times(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.2}x")).unwrap_or_default()
}

fn count(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_else(|| "?".to_owned())
}

#[function_component(GroupTable)]
pub fn group_table(props: &GroupTableProps) -> Html {
    let group = &props.group;
    let models = models_of(&group.runs);
    let columns = 5 + 2 * models.len() + 1;
    let model_cells = |run: &ClassRow| -> Html {
        html! { <>{ for models.iter().map(|m| {
            let r = run.model(m);
            let status = r.map(|r| r.status.clone()).unwrap_or_default();
            let wall = match r {
                Some(r) if r.wall_ms.is_some() => ms(r.wall_ms),
                Some(r) => r.status.clone(),
                None => "–".to_owned(),
            };
            html! {
                <>
                    <td class={classes!("num", (!status.is_empty() && status != "ok").then_some("not-run"))}
                        data-model={m.clone()}>{ wall }</td>
                    <td class="num">{ times(r.and_then(|r| r.speedup)) }</td>
                </>
            }
        }) }</> }
    };
    html! {
        <div class="table-scroll">
            <table class="class-table" data-testid="class-table">
                <thead>
                    <tr>
                        <th scope="col">{ "Source" }</th>
                        <th scope="col" class="num">{ "Cores" }</th>
                        <th scope="col" class="num">{ "Threads" }</th>
                        <th scope="col">{ "Browser" }</th>
                        <th scope="col">{ "Isolation" }</th>
                        { for models.iter().map(|m| html! {
                            <>
                                <th scope="col" class="num">{ format!("{m} (ms)") }</th>
                                <th scope="col" class="num" title={format!("sequential's time / {m}'s")}>{ "speedup" }</th>
                            </>
                        }) }
                        <th scope="col">{ "Flags" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for group.runs.iter().map(|run| {
                        let key = (run.source.clone(), run.position);
                        let on_remove = props.on_remove.as_ref().map(|c| c.reform(move |_| key.clone()));
                        html! {
                            <tr data-testid="class-row" data-source={run.source.clone()}
                                class={classes!((!run.flags.is_empty()).then_some("flagged"))}>
                                <th scope="row" class="source">
                                    { run.source.clone() }
                                    if let Some(on_remove) = on_remove {
                                        <button type="button" class="small remove" title={format!("Remove {}", run.source)}
                                                aria-label={format!("Remove {}", run.source)} onclick={on_remove}>{ "×" }</button>
                                    }
                                </th>
                                <td class="num">{ count(run.cores) }</td>
                                <td class="num">{ count(run.threads) }</td>
                                <td>{ run.browser.to_string() }</td>
                                <td>{ run.isolation.to_string() }</td>
                                { model_cells(run) }
                                <td class="flags">
                                    if !run.flags.is_empty() {
                                        <ul data-testid="class-flags">
                                            { for run.flags.iter().map(|f| html! { <li>{ f.to_string() }</li> }) }
                                        </ul>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                    <tr class="median" data-testid="class-median">
                        <th scope="row">{ "Class median" }</th>
                        <td colspan="4" class="note">{ format!("of {} run{}", group.runs.len(), if group.runs.len() == 1 { "" } else { "s" }) }</td>
                        { for models.iter().map(|m| {
                            let median = group.median(m);
                            html! {
                                <>
                                    <td class="num" data-model={m.clone()}>{ ms(median.and_then(|x| x.wall_ms)) }</td>
                                    <td class="num">{ times(median.and_then(|x| x.speedup)) }</td>
                                </>
                            }
                        }) }
                        <td></td>
                    </tr>
                    if let Some((reference, same)) = &props.reference {
                        <tr class="reference-label-row">
                            <td colspan={columns.to_string()} class="reference-label" data-testid="class-reference-label">
                                // Sticky, so a phone sees the label beside the scrolled table.
                                <span class="sticky-label">
                                    { REFERENCE_LABEL }
                                    if !same {
                                        { format!(". Its settings differ: {}.", reference.experiment) }
                                    }
                                </span>
                            </td>
                        </tr>
                        <tr class="reference" data-testid="class-reference">
                            <th scope="row">{ "Reference run" }</th>
                            <td class="num">{ count(reference.cores) }</td>
                            <td class="num">{ count(reference.threads) }</td>
                            <td>{ reference.browser.to_string() }</td>
                            <td>{ reference.isolation.to_string() }</td>
                            { model_cells(reference) }
                            <td class="flags">{ "recorded elsewhere" }</td>
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}

//! The class view (`view=class`): a teacher adds many learners' results
//! (file input, drop, pasted codes) and sees them side by side, grouped by
//! experiment, with the class median, flags, a speedup-against-cores chart
//! per experiment, the matching reference run, and a CSV export. Nothing
//! leaves the browser. Owns the class (the runs added so far) and the
//! messages; reading is `intake`'s, statistics `classroom`'s.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::chart::ClassChart;
use super::intake::{self, files_of, Item, Notice, Report};
use super::table::GroupTable;
use crate::components::ChartTools;
use crate::reference::{use_references, References};
use playground_core::classroom::{
    class_csv, group_runs, match_reference, speedup_series, split_codes, Class, ClassRow,
    ExperimentGroup, ReferenceMatch, MAX_FILES, MAX_FILE_BYTES,
};
use playground_web::browser;

/// What the view shows; the class itself lives in a shared cell that the
/// intake fills, and is copied here when the intake reports.
#[derive(Clone, Debug, Default, PartialEq)]
struct Shown {
    groups: Rc<Vec<ExperimentGroup>>,
    rows: usize,
    notices: Vec<Notice>,
    /// (done, total) while a batch is being read.
    busy: Option<(usize, usize)>,
}

enum Change {
    /// The class changed: regroup it.
    Class(Rc<Vec<ExperimentGroup>>, usize),
    Notices(Vec<Notice>),
    Busy(Option<(usize, usize)>),
    ClearNotices,
}

impl Reducible for Shown {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Class(groups, rows) => {
                next.groups = groups;
                next.rows = rows;
            }
            Change::Notices(mut notices) => next.notices.append(&mut notices),
            Change::Busy(busy) => next.busy = busy,
            Change::ClearNotices => next.notices.clear(),
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct ClassViewProps {
    /// Where "Back to the playground" leads.
    pub back_href: AttrValue,
}

#[function_component(ClassView)]
pub fn class_view(props: &ClassViewProps) -> Html {
    let class: Rc<RefCell<Class>> = use_mut_ref(Class::new);
    let shown = use_reducer(Shown::default);
    let references = use_references();
    let codes_ref = use_node_ref();
    let dragging = use_state(|| false);

    // Hands items to the intake; refuses a batch that cannot fit at all.
    let take: Rc<dyn Fn(Vec<Item>)> = {
        let (class, shown) = (class.clone(), shown.dispatcher());
        Rc::new(move |items: Vec<Item>| {
            if items.is_empty() {
                return;
            }
            let files: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    Item::File(f) => Some(f.name()),
                    Item::Code(_) => None,
                })
                .collect();
            if let Err(e) = class.borrow().check_batch(files.len()) {
                let text = format!("{}: not added: {e}", name_list(&files));
                shown.dispatch(Change::Notices(vec![Notice::error(text)]));
                return;
            }
            shown.dispatch(Change::Busy(Some((0, items.len()))));
            let (class, shown) = (class.clone(), shown.clone());
            let report: Rc<dyn Fn(Report)> = {
                let class = class.clone();
                Rc::new(move |r: Report| {
                    let c = class.borrow();
                    shown.dispatch(Change::Class(Rc::new(group_runs(c.runs())), c.runs().len()));
                    shown.dispatch(Change::Notices(r.notices));
                    shown.dispatch(Change::Busy((!r.finished).then_some((r.done, r.total))));
                })
            };
            wasm_bindgen_futures::spawn_local(intake::take_in(items, class, report));
        })
    };

    let on_files = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = files_of(input.files());
            // Cleared, so choosing the same file again is reported (as a duplicate).
            input.set_value("");
            take(files.into_iter().map(Item::File).collect());
        })
    };
    let on_drag = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser opens the dropped file instead.
            e.prevent_default();
            dragging.set(e.type_() != "dragleave");
        })
    };
    let on_drop = {
        let (take, dragging) = (take.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = files_of(e.data_transfer().and_then(|d| d.files()));
            take(files.into_iter().map(Item::File).collect());
        })
    };
    let on_codes = {
        let (take, codes_ref) = (take.clone(), codes_ref.clone());
        Callback::from(move |_| {
            let Some(area) = codes_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let pieces = split_codes(&area.value());
            area.set_value("");
            take(pieces.into_iter().map(Item::Code).collect());
        })
    };
    let on_remove = {
        let (class, shown) = (class.clone(), shown.dispatcher());
        Callback::from(move |(source, position): (String, usize)| {
            let mut c = class.borrow_mut();
            if c.remove_run(&source, position).is_some() {
                shown.dispatch(Change::Class(Rc::new(group_runs(c.runs())), c.runs().len()));
            }
        })
    };
    let on_clear = {
        let (class, shown) = (class.clone(), shown.dispatcher());
        Callback::from(move |_| {
            class.borrow_mut().clear();
            shown.dispatch(Change::Class(Rc::new(Vec::new()), 0));
            shown.dispatch(Change::ClearNotices);
        })
    };
    let on_clear_notices = {
        let shown = shown.dispatcher();
        Callback::from(move |_| shown.dispatch(Change::ClearNotices))
    };

    let reference_runs: Rc<Vec<ClassRow>> = match &references {
        References::Ready(runs) => runs.clone(),
        _ => Rc::new(Vec::new()),
    };
    let matched: Vec<Option<(ClassRow, bool)>> = shown
        .groups
        .iter()
        .map(|g| {
            let first = g.runs.first()?;
            match match_reference(first, &reference_runs)? {
                ReferenceMatch::SameExperiment(r) => Some((r.clone(), true)),
                ReferenceMatch::SameWorkload(r) => Some((r.clone(), false)),
            }
        })
        .collect();
    let on_csv = {
        let (groups, matched) = (shown.groups.clone(), matched.clone());
        Callback::from(move |_| {
            // The reference rows go in too (recorded_elsewhere = yes), after
            // the medians were taken without them.
            let with_reference: Vec<ExperimentGroup> = groups
                .iter()
                .zip(&matched)
                .map(|(g, r)| {
                    let mut g = g.clone();
                    g.runs.extend(r.iter().map(|(run, _)| run.clone()));
                    g
                })
                .collect();
            match class_csv(&with_reference) {
                Ok(text) => browser::download("class-results.csv", "text/csv", &text),
                Err(e) => web_sys::console::error_1(&format!("CSV export failed: {e}").into()),
            }
        })
    };

    let busy = shown.busy;
    html! {
        <section class="class-view" aria-labelledby="class-title" data-testid="class-view">
            <div class="class-head">
                <h2 id="class-title">{ "Class results" }</h2>
                <a href={props.back_href.clone()} data-testid="back-to-playground">{ "Back to the playground" }</a>
            </div>
            <p class="note">
                { "Add your learners' results files (\"Download results (JSON)\") or paste their result codes. \
                   Everything stays in this browser: nothing is uploaded. Runs of different experiments are \
                   grouped by their settings." }
            </p>
            <div class={classes!("panel", "class-intake", dragging.then_some("dragging"))}
                 ondragenter={on_drag.clone()} ondragover={on_drag.clone()} ondragleave={on_drag} ondrop={on_drop}
                 data-testid="class-drop">
                <div class="intake-files">
                    <label class="file-button">
                        { "Add results files" }
                        <input type="file" multiple=true accept=".json,.jsonl,application/json,text/plain"
                               data-testid="class-files" onchange={on_files} disabled={busy.is_some()} />
                    </label>
                    <p class="note">{ format!("…or drop them here. JSON or JSON lines, up to {} MB a file and {MAX_FILES} files.",
                        MAX_FILE_BYTES / (1024 * 1024)) }</p>
                </div>
                <div class="intake-codes">
                    <label for="class-codes">{ "Paste result codes" }</label>
                    <textarea id="class-codes" rows="3" ref={codes_ref} data-testid="class-codes"
                              placeholder="cp1.… (one or more codes or result links)" />
                    <button type="button" data-testid="class-add-codes" onclick={on_codes}>{ "Add codes" }</button>
                </div>
            </div>
            <p class="class-status" aria-live="polite" data-testid="class-status" data-busy={busy.is_some().to_string()}>
                { match busy {
                    Some((done, total)) => format!("Reading {done} of {total}…"),
                    None => format!("{} run{} in {} experiment{}.", shown.rows, if shown.rows == 1 { "" } else { "s" },
                        shown.groups.len(), if shown.groups.len() == 1 { "" } else { "s" }),
                } }
            </p>
            if !shown.notices.is_empty() {
                <div class="class-messages" role="status">
                    <ul data-testid="class-messages">
                        { for shown.notices.iter().map(|n| html! {
                            <li class={classes!(n.error.then_some("failed"))}
                                data-testid={if n.error { "class-error" } else { "class-info" }}>{ n.text.clone() }</li>
                        }) }
                    </ul>
                    <button type="button" class="small" onclick={on_clear_notices}>{ "Clear messages" }</button>
                </div>
            }
            if shown.rows > 0 {
                <div class="exports">
                    <button type="button" data-testid="class-csv" onclick={on_csv}>{ "Download table (CSV)" }</button>
                    <button type="button" data-testid="class-clear" onclick={on_clear}>{ "Remove all runs" }</button>
                </div>
            }
            if let References::Failed(reason) = &references {
                <p class="failed">{ reason.clone() }</p>
            }
            { for shown.groups.iter().zip(matched).enumerate().map(|(k, (group, reference))| {
                html! { <ExperimentSection index={k} group={group.clone()} {reference}
                            references={reference_runs.clone()} on_remove={on_remove.clone()} /> }
            }) }
        </section>
    }
}

/// "a.json", "a.json, b.json", or "a.json, b.json, c.json and 497 more".
fn name_list(names: &[String]) -> String {
    const SHOWN: usize = 3;
    let shown = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    match names.len().saturating_sub(SHOWN) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    index: usize,
    group: ExperimentGroup,
    reference: Option<(ClassRow, bool)>,
    references: Rc<Vec<ClassRow>>,
    on_remove: Callback<(String, usize)>,
}

/// One experiment: its table, and its chart with the reference runs of the
/// same experiment (or the one matched) as hollow points.
#[function_component(ExperimentSection)]
fn experiment_section(props: &SectionProps) -> Html {
    let group = &props.group;
    let mut runs = group.runs.clone();
    let same: Vec<ClassRow> = props
        .references
        .iter()
        .filter(|r| r.experiment == group.experiment)
        .cloned()
        .collect();
    if same.is_empty() {
        runs.extend(props.reference.iter().map(|(r, _)| r.clone()));
    } else {
        runs.extend(same);
    }
    let series = speedup_series(&runs);
    let id = format!("chart-class-{}", props.index + 1);
    html! {
        <section class="class-group" data-testid="class-group" data-experiment={group.experiment.to_string()}
                 aria-labelledby={format!("{id}-heading")}>
            <h3 id={format!("{id}-heading")}>
                { group.experiment.to_string() }
                <span class="note">{ format!(" · {} run{}{}", group.runs.len(), if group.runs.len() == 1 { "" } else { "s" },
                    if group.main { " · the class's main experiment" } else { "" }) }</span>
            </h3>
            <GroupTable group={group.clone()} reference={props.reference.clone()} on_remove={Some(props.on_remove.clone())} />
            if series.is_empty() {
                <p class="note">{ "No speedup to chart: these runs have no sequential time to compare with." }</p>
            } else {
                <ClassChart id={id.clone()} {series} />
                <ChartTools target={id.clone()} name={format!("class-speedup-{}", props.index + 1)} />
            }
        </section>
    }
}

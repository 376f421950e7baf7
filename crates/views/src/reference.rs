//! The reference runs recorded on a 16-core machine (`www/reference/`,
//! shipped with the app): fetched on first use, once per page, and shown
//! beside a run, always labelled as recorded elsewhere. Matching is
//! `classroom::match_reference`'s (pure).
//!
//! Beside the learner's own run in the playground and beside a run on the
//! classroom pages, so it lives here, in the page's module, and not in
//! `crate::class` (the lazily loaded classroom module's own code).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use thiserror::Error;

use playground_core::classroom::{
    match_reference, read_reference, read_value, ClassRow, FileError, ReferenceMatch,
    REFERENCE_LABEL, REFERENCE_PATH,
};
use playground_core::report::Results;

/// The reference runs as far as the page has them.
#[derive(Clone, Debug, PartialEq)]
pub enum References {
    Loading,
    Ready(Rc<Vec<ClassRow>>),
    Failed(String),
}

thread_local! {
    /// Loaded once per page; every view shares them.
    static LOADED: RefCell<Option<Rc<Vec<ClassRow>>>> = const { RefCell::new(None) };
}

/// The reference runs, loading them on first use.
#[hook]
pub fn use_references() -> References {
    let state = use_state(|| match LOADED.with(|l| l.borrow().clone()) {
        Some(runs) => References::Ready(runs),
        None => References::Loading,
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if *state == References::Loading {
                wasm_bindgen_futures::spawn_local(async move {
                    state.set(match fetch_reference(&reference_url()).await {
                        Ok(runs) => {
                            let runs = Rc::new(runs);
                            LOADED.with(|l| *l.borrow_mut() = Some(runs.clone()));
                            References::Ready(runs)
                        }
                        Err(e) => References::Failed(format!(
                            "The reference runs could not be loaded from {}: {e}.",
                            reference_url()
                        )),
                    });
                });
            }
        });
    }
    (*state).clone()
}

/// Why the reference runs are not shown.
#[derive(Debug, Error)]
enum LoadError {
    #[error("the request failed ({0})")]
    Request(#[from] gloo::net::Error),
    #[error("the server answered HTTP {0}")]
    Status(u16),
    #[error(transparent)]
    File(#[from] FileError),
}

/// Where the reference runs are.
fn reference_url() -> String {
    format!("{}{REFERENCE_PATH}", playground_web::platform::base_url())
}

async fn fetch_reference(url: &str) -> Result<Vec<ClassRow>, LoadError> {
    let response = gloo::net::http::Request::get(url).send().await?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    Ok(read_reference(&response.text().await?)?)
}

#[derive(Properties, PartialEq)]
pub struct OwnReferenceProps {
    pub results: Results,
}

/// The matching reference run beside the learner's own finished run.
#[function_component(OwnReference)]
pub fn own_reference(props: &OwnReferenceProps) -> Html {
    let row = use_memo(props.results.clone(), row_of);
    match &*row {
        Some(run) => html! { <ReferenceBeside run={run.clone()} name="Your run" /> },
        None => html! {},
    }
}

/// The class-table row of a results document (`None` only if the app's
/// own results do not read back, which its tests rule out).
fn row_of(results: &Results) -> Option<ClassRow> {
    let value = serde_json::to_value(results).ok()?;
    let doc = read_value(value, None).ok()?;
    Some(ClassRow::from_doc(&doc, "your run"))
}

#[derive(Properties, PartialEq)]
pub struct ReferenceBesideProps {
    /// The run to compare (a learner's own, or a shared one).
    pub run: ClassRow,
    /// What to call it in the table's head.
    #[prop_or(AttrValue::Static("This run"))]
    pub name: AttrValue,
}

/// The matching reference run beside `run`: wall time and speedup over
/// `sequential` per model, for both.
#[function_component(ReferenceBeside)]
pub fn reference_beside(props: &ReferenceBesideProps) -> Html {
    let references = use_references();
    let body = match &references {
        References::Loading => html! { <p class="note">{ "Loading the reference run…" }</p> },
        References::Failed(reason) => html! { <p class="failed">{ reason.clone() }</p> },
        References::Ready(runs) => match match_reference(&props.run, runs) {
            None => html! {
                <p class="note" data-testid="reference-none">{ format!(
                    "No reference run has the {} workload (the reference runs are of fib and fetch).",
                    props.run.experiment.workload) }</p>
            },
            Some(found) => comparison(&props.run, &props.name, found),
        },
    };
    html! {
        <section class="reference-beside" aria-labelledby="reference-title" data-testid="reference-beside">
            <h3 id="reference-title">{ "Beside a 16-core machine" }</h3>
            <p class="reference-label" data-testid="reference-label">{ REFERENCE_LABEL }</p>
            { body }
        </section>
    }
}

fn comparison(run: &ClassRow, name: &str, found: ReferenceMatch<'_>) -> Html {
    let reference = found.run();
    let ms = |v: Option<f64>| {
        v.map(|v| format!("{v:.1}"))
            .unwrap_or_else(|| "–".to_owned())
    };
    let times = |v: Option<f64>| v.map(|v| format!("{v:.2}x")).unwrap_or_default();
    let mut models: Vec<&str> = run.models.iter().map(|m| m.model.as_str()).collect();
    for m in &reference.models {
        if !models.contains(&m.model.as_str()) {
            models.push(&m.model);
        }
    }
    html! {
        <>
            if let ReferenceMatch::SameWorkload(_) = found {
                <p class="note" data-testid="reference-other-settings">{ format!(
                    "No reference run has exactly these settings; the closest has {}.",
                    reference.experiment) }</p>
            }
            <div class="table-scroll">
                <table class="tasks reference-table" data-testid="reference-run"
                       data-reference-position={reference.position.to_string()}>
                    <thead>
                        <tr><th scope="col">{ "Model" }</th>
                            <th scope="col">{ format!("{name} (ms)") }</th><th scope="col">{ "vs sequential" }</th>
                            <th scope="col" class="reference">{ "Reference (ms)" }</th>
                            <th scope="col" class="reference">{ "vs sequential" }</th></tr>
                    </thead>
                    <tbody>
                        { for models.iter().map(|m| {
                            let (mine, theirs) = (run.model(m), reference.model(m));
                            html! {
                                <tr>
                                    <th scope="row">{ *m }</th>
                                    <td>{ ms(mine.and_then(|x| x.wall_ms)) }</td>
                                    <td>{ times(mine.and_then(|x| x.speedup)) }</td>
                                    <td class="reference">{ ms(theirs.and_then(|x| x.wall_ms)) }</td>
                                    <td class="reference">{ times(theirs.and_then(|x| x.speedup)) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="note">{ format!(
                "{}: {} logical cores, {} threads, {}. {}: {} logical cores, {} threads, {}.",
                name,
                count(run.cores), count(run.threads), run.browser,
                "Reference", count(reference.cores), count(reference.threads), reference.browser) }</p>
        </>
    }
}

fn count(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_else(|| "?".to_owned())
}

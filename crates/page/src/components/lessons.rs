//! The lessons: pick one (its settings fill the form), read what it
//! teaches, rank the models before running (predict, then run), and compare
//! the prediction with what was measured. Texts come from `teach`'s data file.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use playground_core::models::ModelId;
use playground_core::teach::{lesson, lessons, Lesson, Prediction, Progress};
use playground_web::browser;

#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    /// The open lesson's id.
    pub open: Option<String>,
    /// The models of the finished run, fastest first (`None` until a run
    /// of the open lesson has finished).
    pub measured: Option<Vec<ModelId>>,
    pub progress: Progress,
    /// Open a lesson by id, or close it.
    pub on_open: Callback<Option<String>>,
    pub on_predict: Callback<Prediction>,
    pub on_reset: Callback<()>,
}

#[function_component(LessonPanel)]
pub fn lesson_panel(props: &LessonPanelProps) -> Html {
    let current = props.open.as_deref().and_then(lesson);
    let ids = lessons().iter().map(|l| l.id.as_str());
    let done = props.progress.done_count(ids);
    let on_reset = props.on_reset.clone();
    html! {
        <section class="panel lessons" aria-labelledby="lessons-title">
            if let Some(l) = current {
                <ActiveLesson lesson={l.clone()} measured={props.measured.clone()} progress={props.progress.clone()}
                              on_predict={props.on_predict.clone()} on_close={props.on_open.reform(|_| None)} />
            }
            <details open={current.is_none()}>
                <summary id="lessons-title">
                    { format!("Lessons ({done} of {} done)", lessons().len()) }
                </summary>
                <ol class="lesson-list">
                    { for lessons().iter().map(|l| {
                        let is_done = props.progress.lessons.get(&l.id).is_some_and(|e| e.done);
                        let id = l.id.clone();
                        html! {
                            <li>
                                <button type="button" class="link" data-testid={format!("lesson-open-{}", l.id)}
                                        onclick={props.on_open.reform(move |_| Some(id.clone()))}>
                                    { l.title.clone() }
                                </button>
                                if is_done { <span class="done" aria-label="done">{ " ✓" }</span> }
                            </li>
                        }
                    }) }
                </ol>
                <button type="button" class="small" data-testid="reset-progress"
                        onclick={Callback::from(move |_| on_reset.emit(()))}>{ "Reset progress" }</button>
                if !browser::progress_kept() {
                    <p class="note" data-testid="progress-in-memory">
                        { "This browser allows this page no storage here (a frame of another site, \
                           or a private window): progress and predictions are kept for this \
                           visit only." }
                    </p>
                }
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ActiveProps {
    lesson: Lesson,
    measured: Option<Vec<ModelId>>,
    progress: Progress,
    on_predict: Callback<Prediction>,
    on_close: Callback<()>,
}

#[function_component(ActiveLesson)]
fn active_lesson(props: &ActiveProps) -> Html {
    let l = &props.lesson;
    let saved = props
        .progress
        .lessons
        .get(&l.id)
        .and_then(|e| e.prediction.clone());
    let ranking = use_state(|| {
        saved
            .as_ref()
            .map_or_else(|| l.rank_models.clone(), |p| p.ranking.clone())
    });
    let guess = use_state(String::new);
    let measured = &props.measured;
    let mover = |i: usize, up: bool| {
        let ranking = ranking.clone();
        Callback::from(move |_| {
            let mut r = (*ranking).clone();
            let j = if up {
                i.checked_sub(1)
            } else {
                Some(i + 1).filter(|j| *j < r.len())
            };
            if let Some(j) = j {
                r.swap(i, j);
                ranking.set(r);
            }
        })
    };
    let on_guess = {
        let guess = guess.clone();
        Callback::from(move |e: InputEvent| {
            guess.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_save = {
        let (ranking, guess, on_predict) =
            (ranking.clone(), guess.clone(), props.on_predict.clone());
        Callback::from(move |_| {
            let guess_ms = guess
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|g| g.is_finite() && *g >= 0.0);
            on_predict.emit(Prediction {
                ranking: (*ranking).clone(),
                guess_ms,
            });
        })
    };
    let teacher_link = l.link(&browser::current_url());
    let on_close = props.on_close.clone();
    html! {
        <article class="active-lesson" data-testid="active-lesson" data-lesson={l.id.clone()}>
            <div class="lesson-head">
                <h2>{ l.title.clone() }</h2>
                <button type="button" class="small" onclick={Callback::from(move |_| on_close.emit(()))}>{ "Close lesson" }</button>
            </div>
            <p>{ l.summary.clone() }</p>
            if let Some(reference) = &l.python_reference {
                if l.sources.is_empty() {
                    <p class="note">{ format!("Reference (the Python articles): {reference}") }</p>
                } else {
                    // Figures newer than the articles, with their sources (our own
                    // compiled-in URLs, never anything from the page's address).
                    <p class="note" data-testid="lesson-sources">
                        { format!("{reference}. Sources: ") }
                        { for l.sources.iter().enumerate().map(|(i, url)| html! {
                            <>
                                if i > 0 { { ", " } }
                                <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ url.clone() }</a>
                            </>
                        }) }
                    </p>
                }
            }
            <div class="predict">
                <h3>{ "Predict first: rank the models, fastest first" }</h3>
                <ol data-testid="ranking">
                    { for ranking.iter().enumerate().map(|(i, m)| html! {
                        <li data-model={m.as_str()}>
                            <span class="rank-name">{ m.label() }</span>
                            <button type="button" class="small" aria-label={format!("Move {} up", m.label())}
                                    disabled={i == 0} onclick={mover(i, true)}>{ "↑" }</button>
                            <button type="button" class="small" aria-label={format!("Move {} down", m.label())}
                                    disabled={i + 1 == ranking.len()} onclick={mover(i, false)}>{ "↓" }</button>
                        </li>
                    }) }
                </ol>
                <label class="guess">{ "Your guess for the fastest (ms, optional) " }
                    <input type="number" min="0" data-testid="guess" value={(*guess).clone()} oninput={on_guess} />
                </label>
                <button type="button" data-testid="save-prediction" onclick={on_save}>{ "Save prediction" }</button>
                if let Some(p) = &saved {
                    <p data-testid="saved-prediction">
                        { format!("Your prediction: {}{}.", names(&p.ranking),
                            p.guess_ms.map(|g| format!(", the fastest in about {g:.0} ms")).unwrap_or_default()) }
                    </p>
                }
                if let Some(m) = measured {
                    <p data-testid="measured-ranking">{ format!("Measured: {}.", names(m)) }</p>
                    if let Some(p) = &saved {
                        <p class="verdict">{ verdict(&p.ranking, m) }</p>
                    }
                    <p>{ format!("What to look for: {}", l.expect) }</p>
                }
            </div>
            <p class="note">{ "Teacher link (opens this lesson and runs it): " }
                <input type="text" readonly=true class="teacher-link" aria-label="Teacher link" value={teacher_link} />
            </p>
        </article>
    }
}

fn names(models: &[ModelId]) -> String {
    models
        .iter()
        .map(|m| m.as_str())
        .collect::<Vec<_>>()
        .join(" < ")
}

/// How the prediction compares with the measured order (of the models both list).
fn verdict(predicted: &[ModelId], measured: &[ModelId]) -> String {
    let predicted: Vec<ModelId> = predicted
        .iter()
        .copied()
        .filter(|m| measured.contains(m))
        .collect();
    let first_right = predicted.first() == measured.first();
    if predicted == measured {
        "Your ranking matched the measurement exactly.".to_owned()
    } else if first_right {
        "You picked the winner; the rest of the order differed.".to_owned()
    } else {
        "The measurement differs from your prediction: the explanation above says why.".to_owned()
    }
}

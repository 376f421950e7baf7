//! The compact form of an embed (`embed=1`), made to fit a docs page: one
//! line saying what the experiment is, the models as chips and the Run
//! button; the settings one click away behind "Settings", or, when the page
//! names its `controls`, just those, in the open. With `lock=1` every
//! control is read-only and says so; Run stays.
//!
//! Renders [`SettingsFormProps`] like the full form (same fields, same test
//! ids, same callbacks); the reducer stays the one place that validates.

use yew::prelude::*;

use super::settings_form::{experiment, on_submit, run_button, workload_select, SettingsFormProps};
use playground_core::config::Key;
use playground_core::models::ModelId;

#[derive(Properties, PartialEq)]
pub struct EmbedFormProps {
    pub form: SettingsFormProps,
    /// What the experiment runs, in a few words (`Experiment::summary`).
    pub summary: AttrValue,
}

/// One model as a chip: a checkbox when the learner may choose models.
fn chip(props: &SettingsFormProps, model: ModelId) -> Html {
    let on_toggle = props.on_toggle.clone();
    let onchange = Callback::from(move |_: Event| on_toggle.emit(model));
    let chosen = props.models.contains(&model);
    html! {
        <label class={classes!("chip", chosen.then_some("on"))} title={model.help(props.workload)}>
            <input type="checkbox" data-testid={format!("model-{}", model.as_str())}
                   checked={chosen} disabled={props.locked} {onchange} />
            <span>{ model.label() }</span>
        </label>
    }
}

#[function_component(EmbedForm)]
pub fn embed_form(outer: &EmbedFormProps) -> Html {
    let props = &outer.form;
    let (title, intro, fields) = experiment(props);
    let title = title.trim_start_matches("Experiment: ");
    let models_shown = props.shows(Key::Models);
    // Listed controls other than the models show in the open; without a
    // list, every setting waits behind one click.
    let inline = props
        .shown
        .as_ref()
        .is_some_and(|list| list.iter().any(|c| *c != Key::Models));
    html! {
        <form class="panel settings embed-form" onsubmit={on_submit(props)} aria-label="Experiment"
              data-testid="embed-form" data-locked={props.locked.to_string()}>
            <p class="embed-what" data-testid="embed-summary">
                <strong>{ title }</strong>{ ": " }{ outer.summary.clone() }
            </p>
            <div class="embed-bar">
                if models_shown {
                    <fieldset class="chips">
                        <legend class="visually-hidden">{ "Models" }</legend>
                        { for ModelId::ALL.into_iter().map(|m| chip(props, m)) }
                    </fieldset>
                } else {
                    <p class="chips fixed" data-testid="embed-models">
                        { for props.models.iter().map(|m| html! {
                            <span class="chip on" title={m.help(props.workload)}>{ m.label() }</span>
                        }) }
                    </p>
                }
                { run_button(props) }
            </div>
            if props.locked {
                <p class="note locked" data-testid="locked-note">
                    { "This page fixes the experiment: press Run to measure it in your browser." }
                </p>
            }
            if inline {
                <div class="fields inline">{ workload_select(props) }{ fields }</div>
            } else if props.shown.is_none() {
                <details class="embed-settings" data-testid="embed-settings">
                    <summary>{ "Settings" }</summary>
                    <div class="form-head">{ workload_select(props) }</div>
                    <p class="note">{ intro }</p>
                    <div class="fields">{ fields }</div>
                    <ul class="model-help">
                        { for props.models.iter().map(|m| html! {
                            <li><strong>{ m.label() }</strong>{ ": " }{ m.help(props.workload) }</li>
                        }) }
                    </ul>
                </details>
            }
        </form>
    }
}

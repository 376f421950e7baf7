//! "Embed in a docs page": the docs author chooses which controls the embed
//! shows and whether it is locked, sees the iframe snippet for the current
//! experiment, and can preview the embed, whose `resize` messages set the
//! snippet's height (the height the preview reports, before and after a
//! run in it).
//!
//! View state only (the choices, the preview's height); the snippet's URL
//! keys are the contract's (`embed`, `controls`, `lock`).

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use playground_core::config::{controls_query, Key};
use playground_web::browser;

/// The snippet's height before the preview has reported one: the first
/// screen the compact embed is made for.
const DEFAULT_HEIGHT: u32 = 700;

/// The embed's URL: the current experiment with `embed=1`, the chosen
/// `controls` (none chosen: the default set) and `lock`.
fn embed_src(controls: &[Key], lock: bool) -> String {
    let Some(url) = browser::url_without_embed_keys() else {
        return browser::current_url();
    };
    let params = url.search_params();
    params.set("embed", "1");
    if !controls.is_empty() {
        params.set("controls", &controls_query(controls));
    }
    if lock {
        params.set("lock", "1");
    }
    url.set_hash("");
    url.href()
}

/// The iframe for a docs page.
fn snippet(src: &str, height: u32) -> String {
    let src = src.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{src}\"\n        title=\"Concurrency Playground\" loading=\"lazy\" \
         width=\"100%\" height=\"{height}\"\n        style=\"border:0\"></iframe>"
    )
}

#[function_component(EmbedBuilder)]
pub fn embed_builder() -> Html {
    let controls = use_state(Vec::<Key>::new);
    let lock = use_state(|| false);
    let preview = use_state(|| false);
    let height = use_state(|| None::<u32>);
    let frame = use_node_ref();

    // The preview frame's `resize` messages set the snippet's height.
    {
        let (height, frame) = (height.clone(), frame.clone());
        use_effect_with(*preview, move |open| {
            let listener = open.then(|| {
                EventListener::new(&gloo::utils::window(), "message", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    let from_preview = frame
                        .cast::<web_sys::HtmlIFrameElement>()
                        .and_then(|f| f.content_window())
                        .zip(event.source())
                        .is_some_and(|(w, s)| js_sys::Object::is(&w, &s));
                    let data = event.data();
                    let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                    let ours = field("source").and_then(|v| v.as_string()).as_deref()
                        == Some("concurrency-playground");
                    let resize =
                        field("type").and_then(|v| v.as_string()).as_deref() == Some("resize");
                    if let (true, true, true, Some(h)) = (
                        from_preview,
                        ours,
                        resize,
                        field("height").and_then(|v| v.as_f64()),
                    ) {
                        if h.is_finite() && h > 0.0 {
                            // A page height in CSS pixels: far below u32::MAX.
                            height.set(Some(h.ceil() as u32));
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }

    let src = embed_src(&controls, *lock);
    let shown_height = height.unwrap_or(DEFAULT_HEIGHT);
    let toggle = |control: Key| {
        let controls = controls.clone();
        Callback::from(move |_: Event| {
            let mut list: Vec<Key> = (*controls).clone();
            match list.iter().position(|c| *c == control) {
                Some(i) => {
                    list.remove(i);
                }
                None => list.push(control),
            }
            // Keep the form's order, whatever order they were ticked in.
            list.sort_by_key(|c| Key::ALL.iter().position(|a| a == c));
            controls.set(list);
        })
    };
    let on_lock = {
        let lock = lock.clone();
        Callback::from(move |e: Event| {
            lock.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_preview = {
        let (preview, height) = (preview.clone(), height.clone());
        Callback::from(move |_| {
            height.set(None);
            preview.set(!*preview);
        })
    };
    html! {
        <details class="embed-builder" data-testid="embed-builder">
            <summary>{ "Embed in a docs page" }</summary>
            <p class="note">{ "The embed shows what runs, the models and Run; after a run the charts \
                               come right below. Choose what else the reader may change:" }</p>
            <fieldset class="embed-choice">
                <legend>{ "Keys (none ticked: the models, and every setting behind one click)" }</legend>
                { for Key::ALL.into_iter().map(|c| html! {
                    <label class="chip">
                        <input type="checkbox" data-testid={format!("embed-control-{}", c.as_str())}
                               checked={controls.contains(&c)} onchange={toggle(c)} />
                        <span>{ c.as_str() }</span>
                    </label>
                }) }
            </fieldset>
            <label class="embed-lock">
                <input type="checkbox" data-testid="embed-lock" checked={*lock} onchange={on_lock} />
                { " Lock the experiment: readers can Run and Stop, not change it" }
            </label>
            <textarea readonly=true rows="4" data-testid="embed-snippet" aria-label="Embed snippet"
                      value={snippet(&src, shown_height)} />
            <p class="note" data-testid="embed-height" data-height={shown_height.to_string()}>
                { match *height {
                    Some(h) => format!("Height: {h} px, as the preview reports it now (press Run in \
                                        it to see the height with results). The frame posts its \
                                        height in resize messages as it changes."),
                    None => format!("Height: {DEFAULT_HEIGHT} px, the first screen the embed is made \
                                     for; preview it to measure."),
                } }
            </p>
            <button type="button" class="small" data-testid="embed-preview" onclick={on_preview}>
                { if *preview { "Close the preview" } else { "Preview" } }
            </button>
            if *preview {
                <iframe ref={frame} class="embed-preview" src={src} title="Preview of the embed"
                        height={shown_height.to_string()} />
            }
        </details>
    }
}

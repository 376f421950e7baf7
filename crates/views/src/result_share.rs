//! The learner's side of the classroom kit, after a run: "Copy result
//! code" (a short text to paste into the teacher's class view) and "Copy
//! link to these results" (a read-only view, the results in the URL
//! fragment, which is never sent to a server). Where the browser refuses
//! the clipboard, the text is shown, selected, to copy by hand.
//!
//! Part of the playground's results (so not in `crate::class`, which only the
//! lazily loaded classroom module links): it encodes, never decodes.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use thiserror::Error;

use playground_core::classroom::{encode, link_fragment, CodeError, Detail, LINK_KEY};
use playground_core::report::Results;
use playground_web::browser;

/// Longest result link made with the tasks in it; a longer run's link
/// carries the summary (as the result code does): chat apps and mail
/// clients cut very long links, though browsers take megabytes.
const MAX_LINK_CHARS: usize = 32_768;

#[derive(Properties, PartialEq)]
pub struct ResultShareProps {
    pub results: Results,
}

/// What the last button press gave.
#[derive(Clone, Debug, PartialEq)]
enum Copied {
    Nothing,
    /// Copied to the clipboard: what, and a note.
    Done(String),
    /// The clipboard was refused (or encoding failed): show this text.
    ByHand {
        what: String,
        text: String,
    },
    Failed(String),
}

#[function_component(ResultShare)]
pub fn result_share(props: &ResultShareProps) -> Html {
    let copied = use_state(|| Copied::Nothing);
    let area = use_node_ref();
    // Select the fallback text as soon as it is shown.
    {
        let area = area.clone();
        use_effect_with((*copied).clone(), move |c| {
            if let (Copied::ByHand { .. }, Some(el)) = (c, area.cast::<HtmlTextAreaElement>()) {
                let _ = el.focus();
                el.select();
            }
        });
    }
    let copy = |link: bool| {
        let (results, copied) = (props.results.clone(), copied.clone());
        Callback::from(move |_| {
            let (results, copied) = (results.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let made = if link {
                    result_link(&results).map(|(url, full)| {
                        let what = if full {
                            "Link copied: it opens these results, read-only."
                        } else {
                            "Link copied: it opens these results, read-only (without the task \
                             timelines: this run is too large for a link)."
                        };
                        (url, what)
                    })
                } else {
                    result_code(&results)
                        .map(|code| (code, "Result code copied: paste it into the class view."))
                };
                let (text, done) = match made {
                    Ok(made) => made,
                    Err(e) => {
                        copied.set(Copied::Failed(format!("Nothing was copied: {e}.")));
                        return;
                    }
                };
                copied.set(match browser::copy_to_clipboard(&text).await {
                    Ok(()) => Copied::Done(done.to_owned()),
                    Err(_) => Copied::ByHand {
                        what: if link { "link" } else { "result code" }.to_owned(),
                        text,
                    },
                });
            });
        })
    };
    html! {
        <div class="result-share" data-testid="result-share">
            <button type="button" data-testid="copy-result-code" onclick={copy(false)}>{ "Copy result code" }</button>
            <button type="button" data-testid="copy-result-link" onclick={copy(true)}>{ "Copy link to these results" }</button>
            { match &*copied {
                Copied::Nothing => html! {},
                Copied::Done(note) => html! { <span class="copy-note" role="status">{ note.clone() }</span> },
                Copied::Failed(e) => html! { <span class="failed" role="alert">{ e.clone() }</span> },
                Copied::ByHand { what, text } => html! {
                    <div class="copy-by-hand">
                        <label for="share-by-hand">{ format!("The browser did not allow copying: the {what} is selected below, copy it with Ctrl+C (⌘C).") }</label>
                        <textarea id="share-by-hand" ref={area} readonly=true rows="3"
                                  data-testid="share-by-hand" value={text.clone()} />
                    </div>
                },
            } }
        </div>
    }
}

/// Why a code or link could not be made (neither happens with the app's
/// own results; shown rather than ignored if it ever does).
#[derive(Debug, Error)]
enum ShareError {
    #[error("the results could not be written as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the results could not be encoded: {0}")]
    Code(#[from] CodeError),
}

fn as_value(results: &Results) -> Result<serde_json::Value, ShareError> {
    Ok(serde_json::to_value(results)?)
}

/// The result code (summary: no per-task arrays).
fn result_code(results: &Results) -> Result<String, ShareError> {
    Ok(encode(&as_value(results)?, Detail::Summary)?)
}

/// This page's address with the results in its fragment, and whether the
/// tasks are in it.
fn result_link(results: &Results) -> Result<(String, bool), ShareError> {
    let value = as_value(results)?;
    let page = browser::current_url();
    let page = page.split('#').next().unwrap_or_default().to_owned();
    let full = link_fragment(&value)?;
    if page.len() + full.len() <= MAX_LINK_CHARS {
        return Ok((format!("{page}{full}"), true));
    }
    let summary = encode(&value, Detail::Summary)?;
    Ok((format!("{page}#{LINK_KEY}={summary}"), false))
}

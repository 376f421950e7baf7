//! Sharing: copy the link (every setting is in it), the embed snippet, and
//! the banner that explains why threads are off when the page is not
//! cross-origin isolated.

use yew::prelude::*;

use crate::ui::browser;
use crate::ui::state::PoolStatus;

/// "Copy link" and the iframe snippet for docs pages.
#[function_component(SharePanel)]
pub fn share_panel() -> Html {
    let note = use_state(String::new);
    let on_copy = {
        let note = note.clone();
        Callback::from(move |_| {
            let note = note.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let url = browser::current_url();
                note.set(match browser::copy_to_clipboard(&url).await {
                    Ok(()) => "Link copied.".to_owned(),
                    Err(_) => {
                        "The browser did not allow copying: select the address bar and copy it."
                            .to_owned()
                    }
                });
            });
        })
    };
    html! {
        <section class="panel share" aria-labelledby="share-title">
            <h2 id="share-title">{ "Share" }</h2>
            <p class="note">{ "Every setting is in the link: whoever opens it gets the same experiment." }</p>
            <button type="button" data-testid="copy-link" onclick={on_copy}>{ "Copy link" }</button>
            <span class="copy-note" aria-live="polite">{ (*note).clone() }</span>
            <super::embed_builder::EmbedBuilder />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub pool: PoolStatus,
    /// In an embed: one line, the explanation one click away.
    #[prop_or_default]
    pub compact: bool,
}

/// Shown when threads are unavailable: what isolation is, and the way out;
/// or, on a page that is isolated, that the engine itself failed.
#[function_component(IsolationBanner)]
pub fn isolation_banner(props: &BannerProps) -> Html {
    let PoolStatus::Unavailable { reason } = &props.pool else {
        return html! {};
    };
    // Isolated, threads are allowed: the engine worker or its pool failed
    // (a missing or mistyped file, a crash). Opening another tab would not
    // help; saying "not isolated" would be wrong.
    if crate::platform::cross_origin_isolated() {
        return engine_failed_banner(reason, props.compact);
    }
    let open = html! {
        <a href={browser::full_playground_url()} target="_blank" rel="noopener">
            { "Open the playground in its own tab" }
        </a>
    };
    if props.compact {
        return html! {
            <aside class="banner compact" role="status" data-testid="isolation-banner">
                <strong>{ "Threads are off in this frame. " }</strong>{ open }
                <details>
                    <summary>{ "Why" }</summary>
                    <span class="reason">{ reason.clone() }</span>
                </details>
            </aside>
        };
    }
    html! {
        <aside class="banner" role="status" data-testid="isolation-banner">
            <strong>{ "Threads are off here. " }</strong>
            { "Web Worker threads share memory only on a cross-origin isolated page (COOP and \
               COEP headers; inside a frame of another page, Document-Isolation-Policy in \
               Chromium-based browsers). Every other model still runs; the thread models are \
               reported as skipped. " }
            { open }
            <span class="reason">{ format!(" ({reason})") }</span>
        </aside>
    }
}

/// The banner of an isolated page whose engine or thread pool did not start.
fn engine_failed_banner(reason: &str, compact: bool) -> Html {
    let advice = "The models that run in the engine report this as their error; main-thread \
                  still runs on the page. Reload the page to try again; if it happens again, \
                  the site may be missing one of the app's files or serving it with the wrong \
                  type.";
    if compact {
        return html! {
            <aside class="banner compact" role="status" data-testid="engine-banner">
                <strong>{ "The engine could not start. " }</strong>
                <details>
                    <summary>{ "Why" }</summary>
                    <span class="reason">{ format!("{reason}. {advice}") }</span>
                </details>
            </aside>
        };
    }
    html! {
        <aside class="banner" role="status" data-testid="engine-banner">
            <strong>{ "The engine could not start. " }</strong>
            { advice }
            <span class="reason">{ format!(" ({reason})") }</span>
        </aside>
    }
}

//! Sharing: copy the link (every setting is in it), the embed snippet, and
//! the banner that explains why threads are off when the page is not
//! cross-origin isolated, or that the engine or its pool failed.

use yew::prelude::*;

use playground_core::state::PoolStatus;
use playground_web::browser;

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
    /// The page is not cross-origin isolated (`AppState::not_isolated`).
    #[prop_or_default]
    pub not_isolated: bool,
    /// In an embed: one line, the explanation one click away.
    #[prop_or_default]
    pub compact: bool,
}

/// Shown when something the models need is missing, from the pool status:
/// a failed engine first (the thing to fix, isolated or not); else threads
/// that are off (what isolation is, and the way out), or, on an isolated
/// page, a pool that did not start.
#[function_component(IsolationBanner)]
pub fn isolation_banner(props: &BannerProps) -> Html {
    let reason = match &props.pool {
        PoolStatus::EngineFailed { reason } => {
            return engine_failed_banner(reason, props.not_isolated, props.compact);
        }
        PoolStatus::Unavailable { reason } => reason,
        _ => return html! {},
    };
    // Isolated, threads are allowed: the pool failed (a crash, a refused
    // worker). Opening another tab would not help; saying "not isolated"
    // would be wrong.
    if !props.not_isolated {
        return pool_failed_banner(reason, props.compact);
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

/// The banner of a page whose engine worker failed; on a page that is not
/// isolated, one more sentence: threads would stay off even with an engine.
fn engine_failed_banner(reason: &str, not_isolated: bool, compact: bool) -> Html {
    let mut advice = "The models that run in the engine report this as their error; main-thread \
                      still runs on the page. Reload the page to try again; if it happens again, \
                      the site may be missing one of the app's files or serving it with the \
                      wrong type."
        .to_owned();
    if not_isolated {
        advice.push_str(
            " Threads are also off here: this page is not cross-origin isolated (see \
             Threads, under Your browser).",
        );
    }
    banner(
        "engine-banner",
        "The engine could not start. ",
        reason,
        &advice,
        compact,
    )
}

/// The banner of an isolated page whose engine started but its thread pool
/// did not.
fn pool_failed_banner(reason: &str, compact: bool) -> Html {
    let advice = "The page is cross-origin isolated, but the engine's thread pool did not \
                  start: the thread models are reported as skipped; every other model still \
                  runs. Reload the page to try again; if that does not help, the reason says \
                  what the site must change.";
    banner(
        "pool-banner",
        "Threads could not start. ",
        reason,
        advice,
        compact,
    )
}

/// A banner that names a failure, its advice and its reason (in an embed:
/// one line, the rest one click away).
fn banner(
    testid: &'static str,
    title: &'static str,
    reason: &str,
    advice: &str,
    compact: bool,
) -> Html {
    if compact {
        return html! {
            <aside class="banner compact" role="status" data-testid={testid}>
                <strong>{ title }</strong>
                <details>
                    <summary>{ "Why" }</summary>
                    <span class="reason">{ format!("{reason}. {advice}") }</span>
                </details>
            </aside>
        };
    }
    html! {
        <aside class="banner" role="status" data-testid={testid}>
            <strong>{ title }</strong>
            { advice.to_owned() }
            <span class="reason">{ format!(" ({reason})") }</span>
        </aside>
    }
}

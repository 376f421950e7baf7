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
    let snippet = embed_snippet(&browser::current_url());
    html! {
        <section class="panel share" aria-labelledby="share-title">
            <h2 id="share-title">{ "Share" }</h2>
            <p class="note">{ "Every setting is in the link: whoever opens it gets the same experiment." }</p>
            <button type="button" data-testid="copy-link" onclick={on_copy}>{ "Copy link" }</button>
            <span class="copy-note" aria-live="polite">{ (*note).clone() }</span>
            <details>
                <summary>{ "Embed in a docs page" }</summary>
                <textarea readonly=true rows="5" data-testid="embed-snippet" aria-label="Embed snippet"
                          value={snippet} />
            </details>
        </section>
    }
}

/// An iframe that embeds the current experiment.
fn embed_snippet(url: &str) -> String {
    let src = match web_sys::Url::new(url) {
        Ok(u) => {
            u.search_params().set("embed", "1");
            u.href()
        }
        Err(_) => url.to_owned(),
    };
    let src = src.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{src}\" title=\"Concurrency Playground\" loading=\"lazy\"\n        \
         allow=\"cross-origin-isolated\" width=\"100%\" height=\"900\"\n        \
         style=\"border:0\"></iframe>"
    )
}

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub pool: PoolStatus,
}

/// Shown when threads are unavailable: what isolation is, and the way out.
#[function_component(IsolationBanner)]
pub fn isolation_banner(props: &BannerProps) -> Html {
    let PoolStatus::Unavailable { reason } = &props.pool else {
        return html! {};
    };
    html! {
        <aside class="banner" role="status" data-testid="isolation-banner">
            <strong>{ "Threads are off here. " }</strong>
            { "Web Worker threads share memory only on a cross-origin isolated page (COOP and \
               COEP headers; inside a frame of another page, Document-Isolation-Policy in \
               Chromium-based browsers). Every other model still runs; the thread models are \
               reported as skipped. " }
            <a href={browser::full_playground_url()} target="_blank" rel="noopener">
                { "Open the playground in its own tab" }
            </a>
            <span class="reason">{ format!(" ({reason})") }</span>
        </aside>
    }
}

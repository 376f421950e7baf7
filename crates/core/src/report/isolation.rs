//! How the page got cross-origin isolated, as far as it can tell: the
//! names of `environment.isolation` in the results JSON, and the pure rules
//! that turn what the page observed into them (the page gathers the facts in
//! `playground_page::isolation`).
//!
//! Two mechanisms isolate a page. COOP + COEP isolate a top-level page, and
//! a frame only if every page above it is isolated too and lets it (the
//! `cross-origin-isolated` permission). Document-Isolation-Policy (DIP,
//! Chromium 137+) isolates one document on its own, framed or not. The
//! playground's hosts send both, and a page cannot read its own response
//! headers or a cross-origin parent's state, so the rules use what it can
//! see: whether it is framed, the frame's permission, a same-origin parent's
//! state, the headers the host sends for the page's URL, and whether the
//! service worker served the page (it adds every missing header).

use serde::{Deserialize, Serialize};

/// `environment.isolation`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Isolation {
    CoopCoep,
    DocumentIsolationPolicy,
    None,
}

impl Isolation {
    /// A few words for the page.
    pub fn describe(self) -> &'static str {
        match self {
            Isolation::CoopCoep => "by COOP/COEP headers",
            Isolation::DocumentIsolationPolicy => "by Document-Isolation-Policy",
            Isolation::None => "not isolated",
        }
    }
}

/// What the page found about itself at start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub isolation: Isolation,
    pub by_service_worker: bool,
    /// The service worker is in control (the simulated server runs).
    pub service_worker: bool,
}

/// Which isolation headers a response carried.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Headers {
    /// `Cross-Origin-Opener-Policy: same-origin` and a COEP that requires
    /// CORP or credentialless.
    pub coop_coep: bool,
    /// `Document-Isolation-Policy` other than `none`.
    pub dip: bool,
}

/// What the page observed about itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// `crossOriginIsolated`.
    pub isolated: bool,
    /// The page is inside a frame.
    pub framed: bool,
    /// Whether the permissions policy lets this document be isolated by
    /// COOP/COEP (`cross-origin-isolated`); `None` where the browser does
    /// not say.
    pub frame_allowed: Option<bool>,
    /// The parent's `crossOriginIsolated`, when the parent is same-origin.
    pub parent_isolated: Option<bool>,
    /// The headers the host sends for this page's URL (asked once with a
    /// plain request, which the service worker leaves alone); `None` when
    /// that request failed.
    pub host: Option<Headers>,
    /// The page's navigation went through the playground's service worker,
    /// which adds COOP/COEP and DIP to the app's page.
    pub served_by_service_worker: bool,
}

/// The mechanism, and whether the service worker supplied its headers.
pub fn classify(f: &Facts) -> (Isolation, bool) {
    if !f.isolated {
        return (Isolation::None, false);
    }
    let sw = f.served_by_service_worker;
    // Unknown host headers: assume what the playground's hosts send.
    let host = f.host.unwrap_or(Headers {
        coop_coep: true,
        dip: true,
    });
    let served = Headers {
        coop_coep: host.coop_coep || sw,
        dip: host.dip || sw,
    };
    let mechanism = if !f.framed {
        // Top level, COOP/COEP isolate on their own; DIP only if alone.
        if !served.coop_coep && served.dip {
            Isolation::DocumentIsolationPolicy
        } else {
            Isolation::CoopCoep
        }
    } else if f.frame_allowed == Some(false) || f.parent_isolated == Some(false) {
        // COOP/COEP cannot isolate this frame: only DIP can have.
        Isolation::DocumentIsolationPolicy
    } else if f.parent_isolated == Some(true) && served.coop_coep {
        Isolation::CoopCoep
    } else if served.dip {
        // A parent it cannot see; DIP isolates a frame whatever its parent.
        Isolation::DocumentIsolationPolicy
    } else {
        Isolation::CoopCoep
    };
    let from_host = match mechanism {
        Isolation::CoopCoep => host.coop_coep,
        Isolation::DocumentIsolationPolicy => host.dip,
        Isolation::None => true,
    };
    // The worker sets the headers on every page it serves; it counts as
    // their source unless the host is known to send them too.
    (mechanism, sw && !(f.host.is_some() && from_host))
}

/// Why threads are off, as the learner is told: the page's own reason when
/// it is not cross-origin isolated (it knows why: framed, no service
/// worker), since the engine only sees that shared memory is missing;
/// otherwise the engine's.
pub fn threads_off_reason(engine_reason: String, not_isolated: Option<&str>) -> String {
    not_isolated.map_or(engine_reason, str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_reason_replaces_the_engines_only_when_not_isolated() {
        let engine = "shared memory is missing".to_owned();
        assert_eq!(threads_off_reason(engine.clone(), None), engine);
        assert_eq!(threads_off_reason(engine, Some("framed")), "framed");
    }

    const BOTH: Headers = Headers {
        coop_coep: true,
        dip: true,
    };
    const NONE: Headers = Headers {
        coop_coep: false,
        dip: false,
    };

    fn facts(framed: bool, host: Headers, sw: bool) -> Facts {
        Facts {
            isolated: true,
            framed,
            frame_allowed: Some(!framed),
            parent_isolated: None,
            host: Some(host),
            served_by_service_worker: sw,
        }
    }

    #[test]
    fn not_isolated_is_none_whatever_else() {
        let f = Facts {
            isolated: false,
            ..facts(true, BOTH, true)
        };
        assert_eq!(classify(&f), (Isolation::None, false));
    }

    #[test]
    fn top_level_with_headers_from_the_host() {
        assert_eq!(
            classify(&facts(false, BOTH, false)),
            (Isolation::CoopCoep, false)
        );
        let dip_only = Headers {
            coop_coep: false,
            dip: true,
        };
        assert_eq!(
            classify(&facts(false, dip_only, false)),
            (Isolation::DocumentIsolationPolicy, false)
        );
    }

    #[test]
    fn a_plain_host_isolated_by_the_service_worker() {
        assert_eq!(
            classify(&facts(false, NONE, true)),
            (Isolation::CoopCoep, true)
        );
        assert_eq!(
            classify(&facts(true, NONE, true)),
            (Isolation::DocumentIsolationPolicy, true)
        );
        // A host that sends the headers itself: the worker added nothing new.
        assert_eq!(
            classify(&facts(true, BOTH, true)),
            (Isolation::DocumentIsolationPolicy, false)
        );
    }

    #[test]
    fn a_frame_without_the_permission_or_in_a_plain_parent_is_dip() {
        assert_eq!(
            classify(&facts(true, BOTH, false)).0,
            Isolation::DocumentIsolationPolicy
        );
        let in_plain_parent = Facts {
            frame_allowed: Some(true),
            parent_isolated: Some(false),
            ..facts(true, BOTH, false)
        };
        assert_eq!(
            classify(&in_plain_parent).0,
            Isolation::DocumentIsolationPolicy
        );
    }

    #[test]
    fn a_frame_in_an_isolated_parent_that_allows_it_is_coop_coep() {
        let f = Facts {
            frame_allowed: Some(true),
            parent_isolated: Some(true),
            ..facts(true, BOTH, false)
        };
        assert_eq!(classify(&f).0, Isolation::CoopCoep);
        // A parent it cannot see: credited to DIP when the page carries it.
        let unseen = Facts {
            parent_isolated: None,
            ..f
        };
        assert_eq!(classify(&unseen).0, Isolation::DocumentIsolationPolicy);
        let no_dip = Facts {
            host: Some(Headers {
                coop_coep: true,
                dip: false,
            }),
            ..unseen
        };
        assert_eq!(classify(&no_dip).0, Isolation::CoopCoep);
    }

    #[test]
    fn names_match_the_contract() {
        let names: Vec<String> = [
            Isolation::CoopCoep,
            Isolation::DocumentIsolationPolicy,
            Isolation::None,
        ]
        .iter()
        .map(|i| serde_json::to_string(i).expect("serialise"))
        .collect();
        assert_eq!(
            names,
            ["\"coop-coep\"", "\"document-isolation-policy\"", "\"none\""]
        );
    }
}

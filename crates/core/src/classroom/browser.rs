//! The browser a run came from, from its user-agent string: a short name
//! and the major version ("Chrome 131", "Firefox 133"), for the class
//! table. A user agent can claim anything; this is a label, never a test
//! of what the browser can do.

use std::fmt;

/// A browser's short name and major version.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Browser {
    /// `Chrome`, `Chrome headless`, `Edge`, `Opera`, `Samsung Internet`,
    /// `Firefox`, `Safari`, or `other`.
    pub name: String,
    pub major: Option<u32>,
}

impl fmt::Display for Browser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.major {
            Some(v) => write!(f, "{} {v}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// Tokens to look for, most specific first: Edge, Opera and Samsung
/// Internet also say `Chrome/`, and Chrome also says `Safari/`.
const TOKENS: [(&str, &str); 9] = [
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("HeadlessChrome/", "Chrome headless"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
];

/// The browser named by a user-agent string.
pub fn parse_user_agent(ua: &str) -> Browser {
    for (token, name) in TOKENS {
        if let Some(at) = ua.find(token) {
            return Browser {
                name: name.to_owned(),
                major: major_after(&ua[at + token.len()..]),
            };
        }
    }
    if ua.contains("Safari/") {
        let major = ua
            .find("Version/")
            .and_then(|at| major_after(&ua[at + 8..]));
        return Browser {
            name: "Safari".to_owned(),
            major,
        };
    }
    Browser {
        name: "other".to_owned(),
        major: None,
    }
}

fn major_after(rest: &str) -> Option<u32> {
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short(ua: &str) -> String {
        parse_user_agent(ua).to_string()
    }

    #[test]
    fn common_browsers_get_a_short_name_and_major_version() {
        assert_eq!(
            short("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.8078.108 Safari/537.36"),
            "Chrome headless 156"
        );
        assert_eq!(
            short("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
            "Chrome 131"
        );
        assert_eq!(
            short("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86"),
            "Edge 131"
        );
        assert_eq!(
            short("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"),
            "Firefox 133"
        );
        assert_eq!(
            short("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"),
            "Safari 18"
        );
        assert_eq!(
            short("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0"),
            "Opera 115"
        );
    }

    #[test]
    fn anything_else_is_other() {
        assert_eq!(short(""), "other");
        assert_eq!(short("curl/8.5.0"), "other");
        assert_eq!(parse_user_agent("Firefox/").major, None);
    }
}

//! Pasted text -> the result codes in it: a teacher pastes a whole chat
//! log's worth of codes (and result links) at once. Each piece is decoded
//! on its own, so one damaged code never stops the others. Pure.

use super::code::LINK_KEY;

/// Pieces of `text` to decode as one code each, in order.
///
/// Codes are separated by whitespace. A word that starts a code (`cp` +
/// digits + `.`) or holds a result link (`…#results=cp1.…`) starts a new
/// piece; other words join the piece before them, because chat apps break
/// long codes into lines. Words before the first code form a piece of their
/// own, which then fails to decode and is named in the error.
pub fn split_codes(text: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut open = false;
    for word in text.split_whitespace() {
        match code_start(word) {
            Some(code) => {
                pieces.push(code.to_owned());
                open = true;
            }
            None if open || !pieces.is_empty() => {
                if let Some(last) = pieces.last_mut() {
                    if open {
                        last.push_str(word);
                    } else {
                        last.push(' ');
                        last.push_str(word);
                    }
                }
            }
            None => pieces.push(word.to_owned()),
        }
    }
    pieces
}

/// The code that `word` starts, if it starts one (a link's code after
/// `results=`, up to the next `&`).
fn code_start(word: &str) -> Option<&str> {
    let key = format!("{LINK_KEY}=");
    if let Some(at) = word.find(&key) {
        let rest = &word[at + key.len()..];
        return Some(rest.split('&').next().unwrap_or(rest));
    }
    let rest = word.strip_prefix("cp")?;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && rest[digits..].starts_with('.')).then_some(word)
}

/// The first characters of a code, to name it in a message (`cp1.eNqtV…`).
pub fn code_excerpt(code: &str) -> String {
    const SHOWN: usize = 12;
    let compact: String = code.split_whitespace().collect();
    if compact.chars().count() <= SHOWN {
        compact
    } else {
        let start: String = compact.chars().take(SHOWN).collect();
        format!("{start}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_split_on_whitespace_and_rejoin_broken_lines() {
        assert_eq!(split_codes(""), Vec::<String>::new());
        assert_eq!(split_codes("cp1.abc\ncp1.def"), vec!["cp1.abc", "cp1.def"]);
        // A chat app broke the second code into two lines.
        assert_eq!(
            split_codes("  cp1.abc  cp1.de\nf\tgh cp2.x"),
            vec!["cp1.abc", "cp1.defgh", "cp2.x"]
        );
        // A result link gives its code.
        assert_eq!(
            split_codes("see https://h/p/?a=1#results=cp1.xyz&b=2 cp1.q"),
            vec!["see", "cp1.xyz", "cp1.q"]
        );
    }

    #[test]
    fn text_before_any_code_is_one_piece_of_its_own() {
        assert_eq!(
            split_codes("hello there cp1.abc"),
            vec!["hello there", "cp1.abc"]
        );
        assert_eq!(split_codes("cp.abc cpx"), vec!["cp.abc cpx"]);
    }

    #[test]
    fn an_excerpt_names_a_code_by_its_start() {
        assert_eq!(code_excerpt("cp1.abc"), "cp1.abc");
        assert_eq!(code_excerpt("cp1.abcdefghijk"), "cp1.abcdefgh…");
        assert_eq!(code_excerpt("cp1.ab\ncdefghijk"), "cp1.abcdefgh…");
    }
}

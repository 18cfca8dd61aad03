//! Small text helpers shared by every layer: making file text safe to show, and wording
//! parser errors for people.

/// Removes control characters (and with them every terminal escape sequence's introducer)
/// from text that came from a file, keeping newlines and turning tabs into spaces.
///
/// ESC, CSI (U+009B) and the other C0/C1 controls are dropped, so no escape sequence can
/// reach a terminal; the printable remainder of a sequence is harmless text.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{1b}' => skip_escape(&mut chars),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Like [`sanitize`], but folds line breaks into spaces, for one-line places.
pub fn sanitize_line(text: &str) -> String {
    sanitize(text).replace('\n', " ")
}

/// Like [`sanitize_line`], with every run of whitespace made one space and none at either
/// end: for text shown on one line of its own, such as a message or a note in a list.
pub fn one_line(text: &str) -> String {
    sanitize_line(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Skips the body of an escape sequence whose ESC was just read: CSI (`ESC [` … final byte),
/// OSC/DCS/APC/PM/SOS strings (up to BEL or ESC \), or a single following character.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A `serde_json` error message without its trailing "at line L column C" (which callers show
/// in their own words).
pub fn serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The 1-based line and column of a byte offset in `bytes`.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, offset - line_start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_survive() {
        let hostile = "a\u{1b}[2J\u{1b}]0;title\u{7}b\u{9b}31mc\u{7}\u{0}d\u{1b}Pdcs\u{1b}\\e";
        let clean = sanitize(hostile);
        assert_eq!(clean, "ab31mcde");
        assert!(!clean.chars().any(char::is_control));
    }

    #[test]
    fn newlines_are_kept_and_tabs_become_spaces() {
        assert_eq!(sanitize("a\r\nb\rc\td"), "a\nb\nc    d");
        assert_eq!(sanitize_line("a\nb"), "a b");
    }

    #[test]
    fn one_line_folds_every_run_of_whitespace() {
        assert_eq!(one_line("  a\r\n\tb \u{1b}[1m c\n"), "a b c");
        assert_eq!(one_line(" \n "), "");
    }

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_column(b"ab\ncd", 0), (1, 1));
        assert_eq!(line_column(b"ab\ncd", 4), (2, 2));
    }
}

//! Small text helpers shared by every layer: making file text safe to show, and wording
//! parser errors for people.

use std::fmt::Write as _;

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
            c if is_unsafe(c) => {}
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

/// Whether `c` changes the direction of the text around it: the embeddings and overrides
/// (U+202A–U+202E), the isolates (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
    )
}

/// Whether `c` must never reach a terminal raw: a C0 or C1 control or a bidi control.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Makes JSON text safe to print without changing what it means: every control and bidi
/// character (which valid JSON can only hold inside strings) is written as a `\uXXXX`
/// escape, so a C1 control or a direction override in a string never reaches a terminal.
pub fn json_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r') {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Why the bytes of a file cannot be JSON text, found before parsing so the message names
/// what the file is rather than what the parser expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadStart {
    /// The byte offset of the problem.
    pub offset: usize,
    /// What is wrong, in words.
    pub message: String,
}

/// The JSON text of a file's bytes: UTF-8, with a byte-order mark at the start skipped.
/// An empty file, UTF-16 text, invalid UTF-8 or a start no JSON value can have is reported
/// as what it is.
pub fn json_text(bytes: &[u8]) -> Result<&str, BadStart> {
    let bad = |offset, message: &str| BadStart {
        offset,
        message: message.to_string(),
    };
    if !bytes.is_empty() && bytes.iter().all(|b| *b == 0) {
        return Err(bad(
            0,
            "the file holds nothing but zero bytes, as a file can be after a crash or a \
             power cut; use its backup (.bak) or another copy",
        ));
    }
    if bytes.starts_with(&[0xff, 0xfe, 0, 0]) || bytes.starts_with(&[0, 0, 0xfe, 0xff]) {
        return Err(bad(
            0,
            "the file looks like UTF-32 text; save it as UTF-8 (without a byte-order mark \
             or with the UTF-8 one)",
        ));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) || looks_utf16(bytes) {
        return Err(bad(
            0,
            "the file looks like UTF-16 text; save it as UTF-8 (without a byte-order mark \
             or with the UTF-8 one)",
        ));
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let skipped = bytes.len() - body.len();
    let Some(first) = body.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Err(bad(0, "the file is empty"));
    };
    let start = body[first];
    let rest = &body[first..];
    let json_start = matches!(start, b'{' | b'[' | b'"' | b'-' | b'0'..=b'9')
        || [&b"true"[..], b"false", b"null"]
            .iter()
            .any(|word| rest.starts_with(word));
    if !json_start {
        let head = &rest[..rest.len().min(16)];
        let shown = match std::str::from_utf8(head) {
            Ok(t) if !first_line(t).chars().any(is_unsafe) => format!("\"{}\"", first_line(t)),
            _ => {
                let hex: Vec<String> = head.iter().take(8).map(|b| format!("{b:02x}")).collect();
                format!("the bytes {}", hex.join(" "))
            }
        };
        return Err(bad(
            skipped + first,
            &format!("the file is not JSON: it starts with {shown}"),
        ));
    }
    std::str::from_utf8(body)
        .map_err(|e| bad(skipped + e.valid_up_to(), "the file is not UTF-8 text"))
}

fn first_line(text: &str) -> &str {
    text.split(['\n', '\r']).next().unwrap_or(text)
}

/// Whether the bytes look like UTF-16 without a byte-order mark: ASCII text with a zero
/// byte beside every character.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    let zeros = |skip: usize| head.iter().skip(skip).step_by(2).all(|b| *b == 0);
    let text = |skip: usize| head.iter().skip(skip).step_by(2).all(|b| *b != 0);
    head.len() >= 4 && ((zeros(0) && text(1)) || (zeros(1) && text(0)))
}

/// Reads a JSON object into a map, refusing a key that appears twice (serde's own map
/// reading keeps the last one silently). For `#[serde(deserialize_with)]` on every map field
/// of the file formats; struct fields need nothing, since serde refuses a repeated field
/// itself ([`serde_message`] words both alike).
pub fn unique_keys<'de, D, M, V>(d: D) -> Result<M, D::Error>
where
    D: serde::Deserializer<'de>,
    M: FromIterator<(String, V)>,
    V: serde::Deserialize<'de>,
{
    struct Entries<V>(std::marker::PhantomData<V>);
    impl<'de, V: serde::Deserialize<'de>> serde::de::Visitor<'de> for Entries<V> {
        type Value = Vec<(String, V)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut entries: Vec<(String, V)> = Vec::with_capacity(map.size_hint().unwrap_or(0));
            let mut seen = std::collections::HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !seen.insert(key.clone()) {
                    return Err(serde::de::Error::custom(repeated_key(&key)));
                }
                entries.push((key, map.next_value()?));
            }
            Ok(entries)
        }
    }
    let entries = d.deserialize_map(Entries(std::marker::PhantomData))?;
    Ok(entries.into_iter().collect())
}

/// The words for a key that appears twice in one object.
fn repeated_key(key: &str) -> String {
    format!(
        "the key \"{}\" appears twice in the same object; keep one of them",
        sanitize_line(key)
    )
}

/// The one field of a file read to learn its format before anything else.
#[derive(serde::Deserialize)]
struct FormatOnly {
    format: Option<String>,
}

/// The `format` a JSON object names, read without building the rest of the file; `None`
/// when the text is not an object or has no string `format`.
pub fn format_of(text: &str) -> Option<String> {
    serde_json::from_str::<FormatOnly>(text).ok()?.format
}

/// A `serde_json` error message without its trailing "at line L column C" (which callers show
/// in their own words).
pub fn serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde refuses a repeated struct field as "duplicate field `x`": word it as a repeated
    // map key is worded.
    if let Some(rest) = text.strip_prefix("duplicate field `")
        && let Some((field, _)) = rest.split_once('`')
    {
        return repeated_key(field);
    }
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
    fn every_bidi_control_is_removed() {
        let hostile = "a\u{202e}b\u{2066}c\u{2069}d\u{200e}e\u{200f}f\u{61c}g\u{2067}h";
        assert_eq!(sanitize(hostile), "abcdefgh");
        assert_eq!(one_line("\u{85}x\u{9b}1m"), "x1m");
    }

    #[test]
    fn json_made_safe_keeps_its_meaning() {
        let json = serde_json::to_string(&"a\u{9b}b\u{202e}c\u{1b}d").expect("json");
        let safe = json_safe(&json);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        let back: String = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, "a\u{9b}b\u{202e}c\u{1b}d");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(json_text(b"\xef\xbb\xbf{\"a\": 1}"), Ok("{\"a\": 1}"));
        assert_eq!(json_text(b" \n{}"), Ok(" \n{}"));
    }

    #[test]
    fn a_bad_start_is_named_for_what_it_is() {
        let message = |bytes: &[u8]| json_text(bytes).expect_err("refused").message;
        assert_eq!(message(b""), "the file is empty");
        assert_eq!(message(b" \r\n\t"), "the file is empty");
        assert_eq!(message(b"\xef\xbb\xbf"), "the file is empty");
        assert!(message(&[0; 100]).starts_with("the file holds nothing but zero bytes"));
        assert!(message(b"\xff\xfe\0\0{\0\0\0").starts_with("the file looks like UTF-32 text"));
        assert!(message(b"\xff\xfe{\0}\0").starts_with("the file looks like UTF-16 text"));
        assert!(message(b"{\0\"\0a\0\"\0").starts_with("the file looks like UTF-16 text"));
        assert_eq!(
            message(b"\x89PNG\r\n\x1a\n\0\0"),
            "the file is not JSON: it starts with the bytes 89 50 4e 47 0d 0a 1a 0a"
        );
        assert_eq!(
            message(b"format: supplycheck"),
            "the file is not JSON: it starts with \"format: supplych\""
        );
        let err = json_text(b"{\"a\": \"\xe9\"}").expect_err("refused");
        assert_eq!(
            (err.offset, err.message.as_str()),
            (7, "the file is not UTF-8 text")
        );
    }

    #[test]
    fn a_repeated_key_is_named_with_its_place() {
        #[derive(Debug, serde::Deserialize)]
        struct Holder {
            #[serde(deserialize_with = "unique_keys")]
            #[allow(dead_code, reason = "read only to be checked")]
            map: std::collections::BTreeMap<String, u8>,
        }
        serde_json::from_str::<Holder>(r#"{"map": {"a": 1, "b": 2}}"#).expect("unique");
        let err = serde_json::from_str::<Holder>("{\"map\": {\"x\": 1,\n \"x\": 2}}")
            .expect_err("refused");
        assert_eq!(err.line(), 2);
        assert!(
            serde_message(&err).starts_with("the key \"x\" appears twice in the same object"),
            "{err}"
        );
        let field = serde_json::from_str::<Holder>(r#"{"map": {}, "map": {}}"#)
            .expect_err("a repeated field");
        assert_eq!(
            serde_message(&field),
            "the key \"map\" appears twice in the same object; keep one of them"
        );
        assert_eq!(
            format_of(r#"{"format": "x/1", "rest": [1, 2]}"#).as_deref(),
            Some("x/1")
        );
        assert_eq!(format_of("[1]"), None);
    }

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_column(b"ab\ncd", 0), (1, 1));
        assert_eq!(line_column(b"ab\ncd", 4), (2, 2));
    }
}

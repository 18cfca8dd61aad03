//! The board pack in Markdown: the decision paper ([`super::paper`]) as headings, short
//! tables and lists and text bars, so that it reads as well in a terminal pager as on a
//! rendered page. Every piece of text is escaped so that it cannot make Markdown of its own.

use std::fmt::Write as _;

use super::paper::{self, Block, Records, Span, Table};
use crate::pack::BoardPack;

pub use super::paper::bar;

/// Escapes text for a place inside one line of Markdown — a heading, a table cell, the
/// middle of a paragraph — so that it cannot make links, emphasis, code, HTML, entities or
/// table cells of its own, nor (at the start) a heading, quote, list item or underline.
/// Line breaks become spaces and control characters are removed. Text that starts a
/// paragraph, a list item or a quoted line goes through [`escape_start`].
pub fn escape(text: &str) -> String {
    let inline = inline(text);
    // What only means something at the start of a line: a heading, a quote, a list item,
    // a setext underline or a thematic break. (`*` and `_` are escaped wherever they stand.)
    if inline.starts_with(['#', '>', '-', '+', '=']) {
        format!("\\{inline}")
    } else {
        inline
    }
}

/// [`escape`] for text that never starts a line — a table cell, a field after its name —
/// where `#`, `>`, `-`, `+` and `=` mean nothing and are left as they are ("= 0").
pub fn inline(text: &str) -> String {
    let text = crate::text::sanitize_line(text);
    let text = text.trim_start();
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // `&` only matters where it could start an entity such as `&amp;` or `&#60;`.
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#');
        if entity || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// [`escape`] for text at the start of a paragraph, a list item or a quoted line, where a
/// number followed by `.` or `)` and a space would also start a numbered list.
pub fn escape_start(text: &str) -> String {
    let out = escape(text);
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &out.as_bytes()[digits..];
    let ordered_list = (1..=9).contains(&digits)
        && matches!(rest.first(), Some(b'.' | b')'))
        && rest.get(1).is_none_or(u8::is_ascii_whitespace);
    if ordered_list {
        format!("{}\\{}", &out[..digits], &out[digits..])
    } else {
        out
    }
}

/// Text as an inline code span: a backtick fence longer than any run of backticks inside,
/// so the text cannot close it; control characters are removed and line breaks become
/// spaces.
pub fn code(text: &str) -> String {
    let text = crate::text::sanitize_line(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

/// Text that may span lines, indented to continue a list item.
fn block(text: &str, indent: &str) -> String {
    text.lines()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                format!("{indent}{}", escape_start(l.trim_end()))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text that may span lines as a quotation, each line behind `indent` and `>`.
fn quote(text: &str, indent: &str) -> String {
    block(text, &format!("{indent}> ")).replace("\n\n", &format!("\n{indent}>\n"))
}

/// Writes the board pack as Markdown; with `appendix`, every answer follows the board part.
pub fn render(pack: &BoardPack, appendix: bool) -> String {
    let mut out = String::new();
    for b in paper::paper(pack, appendix) {
        write_block(&mut out, &b);
    }
    out
}

fn write_block(out: &mut String, b: &Block) {
    match b {
        Block::Heading(level, text) => {
            let hashes = "#".repeat(usize::from(*level).clamp(1, 6));
            let _ = writeln!(out, "{hashes} {}\n", escape(text));
        }
        Block::Para(spans) => {
            let _ = writeln!(out, "{}\n", spans_start(spans));
        }
        Block::Lines(lines) => {
            let text: Vec<String> = lines.iter().map(|l| spans_start(l)).collect();
            // Two spaces before a line break keep the lines apart when rendered.
            let _ = writeln!(out, "{}\n", text.join("  \n"));
        }
        Block::Bullets(items) => {
            for item in items {
                let _ = writeln!(out, "- {}", spans_start(item));
            }
            out.push('\n');
        }
        Block::Table(t) => table(out, t),
        Block::Records(r) => records(out, r),
        Block::Quote(text) => {
            let _ = writeln!(out, "{}\n", quote(text, ""));
        }
        Block::PageBreak => {}
    }
}

/// Spans at the start of a paragraph or list item.
fn spans_start(spans: &[Span]) -> String {
    let mut out = String::new();
    for (n, s) in spans.iter().enumerate() {
        let esc = |t: &str| {
            if n == 0 {
                escape_start(t)
            } else {
                // `escape` drops leading spaces, which between spans are part of the text.
                let spaces = &t[..t.len() - t.trim_start().len()];
                format!(
                    "{}{}",
                    " ".repeat(usize::from(!spaces.is_empty())),
                    inline(t)
                )
            }
        };
        match s {
            Span::Plain(t) => out.push_str(&esc(t)),
            Span::Strong(t) if !t.is_empty() => {
                let _ = write!(out, "**{}**", inline(t));
            }
            Span::Emph(t) if !t.is_empty() => {
                let _ = write!(out, "_{}_", inline(t));
            }
            Span::Code(t) => out.push_str(&code(t)),
            Span::Strong(_) | Span::Emph(_) => {}
        }
    }
    out
}

fn table(out: &mut String, t: &Table) {
    let row = |cells: Vec<String>| {
        let mut line = String::from("|");
        for c in cells {
            if c.is_empty() {
                line.push_str(" |");
            } else {
                let _ = write!(line, " {c} |");
            }
        }
        line
    };
    let _ = writeln!(out, "{}", row(t.header.iter().map(|c| inline(c)).collect()));
    let _ = writeln!(out, "|{}", "---|".repeat(t.header.len()));
    for (n, cells) in t.rows.iter().enumerate() {
        let cells = cells
            .iter()
            .map(|c| match (c.is_empty(), t.marked == Some(n)) {
                (true, _) => String::new(),
                (false, true) => format!("**{}**", inline(c)),
                (false, false) => inline(c),
            })
            .collect();
        let _ = writeln!(out, "{}", row(cells));
    }
    out.push('\n');
}

fn records(out: &mut String, r: &Records) {
    for (n, row) in r.rows.iter().enumerate() {
        let _ = writeln!(out, "{}. **{}**  ", n + 1, inline(&row.title));
        let fields: Vec<String> = r
            .columns
            .iter()
            .zip(&row.columns)
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}: {}", inline(v)))
            .collect();
        let mut lines = vec![format!("   {}", fields.join(" · "))];
        for (k, v) in &row.details {
            lines.push(format!("   {k}: {}", inline(v)));
        }
        let _ = writeln!(out, "{}", lines.join("  \n"));
        if let Some(note) = &row.note {
            let _ = writeln!(out, "\n{}", quote(note, "   "));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_with_the_score() {
        assert_eq!(bar(Some(0.52)), "█████░░░░░ 52 %");
        assert_eq!(bar(Some(1.0)), "██████████ 100 %");
        assert_eq!(bar(None), "░░░░░░░░░░ –");
    }

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(escape("a|b *c* [x](y) <b>"), r"a\|b \*c\* \[x\](y) \<b>");
        assert_eq!(escape("# not a heading"), r"\# not a heading");
        assert_eq!(
            escape("*not a list"),
            r"\*not a list",
            "one backslash, not two"
        );
        assert_eq!(escape("_x_"), r"\_x\_");
        assert_eq!(inline("= 0"), "= 0", "a cell never starts a line");
        assert_eq!(inline("a|b <c>"), r"a\|b \<c>");
        assert_eq!(escape("==="), r"\===");
        assert_eq!(escape_start("1. not a list"), r"1\. not a list");
        assert_eq!(escape_start("12) not a list"), r"12\) not a list");
        assert_eq!(escape_start("1.0.0"), "1.0.0");
        assert_eq!(escape_start("7."), r"7\.");
        assert_eq!(escape("1. Planning"), "1. Planning");
        assert_eq!(
            escape("> no quote & no &amp; &#60;"),
            r"\> no quote & no \&amp; \&#60;"
        );
        assert_eq!(escape("a\nb\u{1b}[1m"), "a b");
    }

    #[test]
    fn code_spans_cannot_be_closed_from_inside() {
        assert_eq!(code("a/b"), "`a/b`");
        assert_eq!(code("x` <b>"), "``x` <b>``");
        assert_eq!(code("`x``"), "``` `x`` ```");
    }

    #[test]
    fn spans_are_escaped_and_only_the_first_can_start_a_list() {
        let spans = [
            Span::Plain("1. first".into()),
            Span::Strong("*bold*".into()),
            Span::Code("a`b".into()),
            Span::Emph("_x_".into()),
            Span::Plain(" 2. later".into()),
        ];
        assert_eq!(
            spans_start(&spans),
            r"1\. first**\*bold\***``a`b``_\_x\__ 2. later"
        );
    }
}

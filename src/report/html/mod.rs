//! The board pack as one self-contained HTML page: inline CSS (light and dark screen
//! themes, a narrow-screen layout, clean A4 print with page numbers), inline SVG charts, no
//! scripts, fonts or links to anything outside the page.
//!
//! The markup is written with [`maud`], which escapes every value put into it; text from a
//! file or a user goes in as [`Text`], which escapes `'` as well. Only the style sheet goes
//! in as it is: `style.css` and `since.css` beside this file, and the printed page's running
//! foot, whose assessment name goes through [`css_string`]. The `"\n"`s between elements
//! keep the written page one block a line, so that it reads and compares well as text.
//!
//! The page is put together here: page one, the decision page (`page_one`); the board
//! part (`areas`, the board's answers in `items`, the action plan in `plan`, how to read
//! the figures in `sections`); with a portfolio, the supplier portfolio (`portfolio`, whose
//! top risks by supplier page one shows); and, when asked for, the appendix (what changed item by item
//! in `compared`, every answer in `items`). Nothing is shown twice.

mod areas;
mod compared;
mod items;
mod page_one;
mod plan;
mod portfolio;
mod sections;
mod workshop;

use maud::{DOCTYPE, Markup, PreEscaped, Render, html};

use crate::pack::{BoardPack, clip, display_time, percent};

/// The style sheet of every board pack.
const STYLE: &str = include_str!("style.css");

/// The style sheet's additions for a pack compared with an earlier assessment ("Since …"
/// and the earlier scores on the bar chart); left out otherwise.
const SINCE_STYLE: &str = include_str!("since.css");

/// Writes the board pack as one self-contained HTML page; `appendix` adds everything item by
/// item (what changed, with a comparison, and every answer).
pub fn render(pack: &BoardPack, appendix: bool) -> String {
    let a = &pack.assessment;
    let page = html! {
        (DOCTYPE) "\n"
        html lang="en" {
            "\n"
            head {
                "\n"
                meta charset="utf-8"; "\n"
                meta name="viewport" content="width=device-width, initial-scale=1"; "\n"
                meta name="color-scheme" content="light dark"; "\n"
                title { "Board pack: " (Text(&a.name)) } "\n"
                style { (PreEscaped(stylesheet(pack))) } "\n"
            }
            "\n"
            body {
                "\n"
                (page_one::page_one(pack))
                (sections::contents(pack, appendix))
                main {
                    "\n"
                    (areas::areas(pack))
                    (items::board_answers(pack))
                    (workshop::board_part(pack, appendix))
                    (plan::plan(pack))
                    (sections::method(pack))
                    (portfolio::section(pack))
                    @if appendix {
                        (sections::sources(pack))
                        @if let Some(c) = &pack.comparison {
                            (compared::since(pack, c))
                        }
                        (workshop::appendix(pack))
                        (items::every_answer(pack))
                    }
                }
                "\n"
                footer {
                    "Board pack written by supplycheck from assessment " code { (Text(&a.id)) }
                    ", last changed " (Text(display_time(&a.updated))) "."
                    @if !appendix {
                        " Appendix left out (" code { "--appendix" } " adds it)."
                    }
                }
                "\n"
            }
            "\n"
        }
        "\n"
    };
    page.into_string()
}

/// The whole style sheet: the common one, the printed page's running foot, and with a
/// comparison the additions for it.
fn stylesheet(pack: &BoardPack) -> String {
    let since = if pack.comparison.is_some() {
        format!("\n{SINCE_STYLE}")
    } else {
        String::new()
    };
    let suppliers = if pack.later.portfolio.is_some() {
        format!("\n{}", portfolio::STYLE)
    } else {
        String::new()
    };
    format!(
        "\n{STYLE}{}{since}{suppliers}",
        page_boxes(&pack.assessment.name)
    )
}

/// The printed page's running foot: the paper's name and the page number.
fn page_boxes(name: &str) -> String {
    format!(
        "@page {{\n  @bottom-left {{ content: \"Board pack \\b7  {}\"; font: 7.5pt system-ui, \
         sans-serif; color: #4d5866; }}\n  @bottom-right {{ content: \"Page \" counter(page) \
         \" of \" counter(pages); font: 7.5pt system-ui, sans-serif; color: #4d5866; }}\n}}\n",
        css_string(&clip(name, 90))
    )
}

/// Text from a file or a user, escaped for element content and quoted attribute values:
/// maud's own escaping, and `'` besides.
pub struct Text<T: AsRef<str>>(pub T);

impl<T: AsRef<str>> Render for Text<T> {
    fn render_to(&self, buffer: &mut String) {
        escape_into(self.0.as_ref(), buffer);
    }
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(text, &mut out);
    out
}

/// Appends `text` to `out`, escaped for HTML element content and quoted attribute values.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Text as the inside of a double-quoted CSS string in a `<style>` element: everything but
/// ASCII letters, digits and spaces becomes a hex escape, so no quote, backslash, `<` or
/// line break can end the string or the element.
pub fn css_string(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == ' ' {
                c.to_string()
            } else {
                format!("\\{:x} ", u32::from(c))
            }
        })
        .collect()
}

/// A percentage that does not break between number and sign.
fn pct(score: Option<f64>) -> String {
    percent(score).replace(' ', "\u{a0}")
}

/// Text whose line breaks become `<br>`.
fn lines(text: &str) -> Markup {
    html! {
        @for (n, line) in text.lines().enumerate() {
            @if n > 0 { br; "\n" }
            (Text(line))
        }
    }
}

/// The CSS class of a level (`l0`–`l3`, `lnone`).
fn level_class(level: Option<u8>) -> String {
    level.map_or_else(|| "lnone".to_string(), |l| format!("l{}", l.min(3)))
}

/// A level as a pill ("L2"), or nothing.
fn pill(level: Option<u8>) -> Markup {
    html! {
        @if let Some(l) = level {
            span class=(format!("pill {}", level_class(Some(l)))) { "L" (l) }
        }
    }
}

/// A level as a pill, or a muted dash.
fn pill_or_dash(level: Option<u8>) -> Markup {
    html! {
        @if level.is_some() { (pill(level)) } @else { span class="muted" { "–" } }
    }
}

/// The small line under a question: its section, its source references and (in the
/// appendix) its id.
fn ref_line(section: Option<&str>, refs: &[String], item: Option<&str>) -> Markup {
    let mut parts: Vec<Markup> = Vec::new();
    if let Some(s) = section {
        parts.push(html! { (Text(s)) });
    }
    if !refs.is_empty() {
        parts.push(html! { (Text(refs.join(", "))) });
    }
    if let Some(id) = item {
        parts.push(html! { span class="id" { (Text(id)) } });
    }
    html! {
        div class="ref" {
            @for (n, part) in parts.iter().enumerate() {
                @if n > 0 { " · " }
                (part)
            }
        }
    }
}

/// A note in its box, or nothing.
fn note(note: Option<&String>) -> Markup {
    html! {
        @if let Some(n) = note { div class="note" { (lines(n)) } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Assessment;
    use crate::questionnaire::Questionnaire;

    const EXAMPLE: &str = include_str!("../../../tests/fixtures/worked-example.json");

    fn example() -> Questionnaire {
        Questionnaire::load_str(EXAMPLE, "worked-example.json")
            .expect("fixture loads")
            .0
    }

    fn page(q: &Questionnaire, a: &Assessment) -> String {
        render(&BoardPack::from_questionnaires(&[q], a), true)
    }

    #[test]
    fn an_empty_assessment_says_to_assess_and_paints_no_area_as_failing() {
        let q = example();
        let a = Assessment::new("e".into(), "E".into(), String::new(), None, &[&q]);
        let html = page(&q, &a);
        assert!(html.contains("Nothing is assessed yet: the first action is to assess"));
        assert!(!html.contains("Nothing to follow up"));
        assert!(
            html.contains("<tr class=\"lna\">"),
            "the area reads not assessed"
        );
        assert!(
            !html.contains("<tr class=\"l0\">"),
            "not painted as level 0"
        );
        assert!(html.contains("Assess: "));
        assert!(!html.contains("NaN"));
    }

    #[test]
    fn the_appendix_is_there_only_when_asked_for() {
        let q = example();
        let a = Assessment::new("t".into(), "T".into(), String::new(), None, &[&q]);
        let pack = BoardPack::from_questionnaires(&[&q], &a);
        let with = render(&pack, true);
        let without = render(&pack, false);
        assert!(with.contains("id=\"answers\""));
        assert!(with.contains("id=\"sources\""));
        assert!(!without.contains("id=\"answers\""));
        assert!(!without.contains("id=\"sources\""));
        assert!(without.contains("Appendix left out"));
        assert!(without.contains("id=\"decision\"") && without.contains("id=\"actions\""));
    }

    #[test]
    fn qualitative_answers_show_words_not_percentages() {
        let q = example();
        let mut a = Assessment::new("t".into(), "T".into(), String::new(), None, &[&q]);
        a.answers
            .entry("worked-example/c".into())
            .or_default()
            .choose_option("partial");
        let html = page(&q, &a);
        assert!(html.contains("Partially implemented"));
        assert!(!html.contains("Partially implemented (33"));
        assert!(!html.contains("class=\"val\""));
    }

    #[test]
    fn the_printed_foot_cannot_end_the_style_sheet() {
        let q = example();
        let a = Assessment::new(
            "t".into(),
            "Acme </style><script>x</script>".into(),
            String::new(),
            None,
            &[&q],
        );
        let html = page(&q, &a);
        assert_eq!(html.matches("</style>").count(), 1);
        assert!(html.contains("@bottom-left { content: \"Board pack \\b7  Acme \\3c \\2f style"));
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn escape_covers_the_five_specials() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn css_strings_cannot_end_the_string_or_the_style_element() {
        let s = css_string("Acme \"Co\" </style>\\\n–");
        assert_eq!(s, "Acme \\22 Co\\22  \\3c \\2f style\\3e \\5c \\a \\2013 ");
        for c in ['"', '<', '>', '\n', '\''] {
            assert!(!s.contains(c), "{c:?} is escaped");
        }
    }

    #[test]
    fn clip_shortens_long_labels() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }

    #[test]
    fn text_escapes_what_escape_does() {
        let hostile = r#"<b>"Acme" & 'Co'</b>"#;
        assert_eq!(html! { (Text(hostile)) }.into_string(), escape(hostile));
        assert_eq!(
            html! { p title=(Text(hostile)) { (Text(hostile)) } }.into_string(),
            format!("<p title=\"{0}\">{0}</p>", escape(hostile))
        );
    }

    #[test]
    fn line_breaks_become_br_and_every_line_is_escaped() {
        assert_eq!(
            lines("a < b\nc & d").into_string(),
            "a &lt; b<br>\nc &amp; d"
        );
    }
}

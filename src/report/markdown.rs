//! The board pack in Markdown: headings, short tables and lists, text bars, so that it
//! reads as well in a terminal pager as on a rendered page.

use std::fmt::Write as _;

use super::since;
use crate::compare::ItemChange;
use crate::figures::{Level, answered_counts, coverage};
use crate::pack::{
    Action, BoardPack, ItemRow, Status, count, display_time, level_text, level_words, number,
    percent,
};

/// How many cells a text bar has.
const BAR_CELLS: usize = 10;

/// A text bar for a score, e.g. `█████░░░░░ 52 %`; empty cells and "–" without a score.
pub fn bar(score: Option<f64>) -> String {
    let filled = score.map_or(0, |s| cells(s, BAR_CELLS));
    format!(
        "{}{} {}",
        "█".repeat(filled),
        "░".repeat(BAR_CELLS - filled),
        percent(score)
    )
}

/// How many of `n` cells a score in [0, 1] fills, rounded.
fn cells(score: f64, n: usize) -> usize {
    let exact = score.clamp(0.0, 1.0) * n as f64;
    (0..=n)
        .min_by(|a, b| {
            (*a as f64 - exact)
                .abs()
                .total_cmp(&(*b as f64 - exact).abs())
        })
        .unwrap_or(0)
}

/// Escapes text for a place inside one line of Markdown — a heading, a table cell, the
/// middle of a paragraph — so that it cannot make links, emphasis, code, HTML, entities or
/// table cells of its own, nor (at the start) a heading, quote, list item or underline.
/// Line breaks become spaces and control characters are removed. Text that starts a
/// paragraph, a list item or a quoted line goes through [`escape_start`].
pub fn escape(text: &str) -> String {
    let text = crate::text::sanitize_line(text);
    let text = text.trim_start();
    let mut out = String::with_capacity(text.len() + 8);
    // What only means something at the start of a line: a heading, a quote, a list item,
    // a setext underline or a thematic break.
    if text.starts_with(['#', '>', '-', '+', '=', '*', '_']) {
        out.push('\\');
    }
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

/// Writes the board pack as Markdown.
pub fn render(pack: &BoardPack) -> String {
    let mut out = String::new();
    cover(&mut out, pack);
    since(&mut out, pack);
    areas(&mut out, pack);
    weakest_links(&mut out, pack);
    board_answers(&mut out, pack);
    action_plan(&mut out, pack);
    every_answer(&mut out, pack);
    method(&mut out, pack);
    out
}

fn cover(out: &mut String, pack: &BoardPack) {
    let a = &pack.assessment;
    let _ = writeln!(out, "# Supplier security board pack: {}\n", escape(&a.name));
    if !a.organisation.is_empty() {
        let _ = writeln!(out, "**{}**  ", escape(&a.organisation));
    }
    let _ = writeln!(
        out,
        "Assessment {}, created {}, last changed {}.  ",
        code(&a.id),
        escape(&display_time(&a.created)),
        escape(&display_time(&a.updated))
    );
    if let Some(r) = &a.respondent {
        let _ = writeln!(out, "Answers given by {}.", escape(r));
    }
    let o = &pack.overall;
    let meaning = o
        .level
        .map(|l| format!(": {}", Level::at_most_3(l).meaning()))
        .unwrap_or_default();
    let _ = writeln!(out, "\n## Summary\n");
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| Overall maturity level | **{}**{meaning} |",
        level_text(o)
    );
    let _ = writeln!(
        out,
        "| Overall score | `{}` · {} |",
        bar(o.score),
        coverage(o.coverage)
    );
    let _ = writeln!(
        out,
        "| Items answered | {} · {} N/A; {} of {} scored items apply ({} not yet assessed) |",
        answered_counts(o),
        o.na,
        o.applicable,
        o.total,
        pack.not_assessed
    );
    let _ = writeln!(
        out,
        "| Score of the answered items alone | {} |",
        percent(o.answered_score)
    );
    let _ = writeln!(
        out,
        "| Weakest links | {} below the pass mark |",
        pack.weakest_links.len()
    );
    let _ = writeln!(
        out,
        "| Action plan | {} to follow up ({} flagged) |",
        count(pack.action_plan.len(), "item", "items"),
        pack.flagged()
    );
    let _ = writeln!(out, "\nQuestionnaires:\n");
    for q in &pack.questionnaires {
        let _ = write!(
            out,
            "- {} ({}), version {}",
            escape_start(&q.title),
            code(&q.id),
            escape(&q.version)
        );
        if q.answered_version != q.version {
            let _ = write!(
                out,
                " (answered against version {})",
                escape(&q.answered_version)
            );
        }
        if !q.source.is_empty() {
            let _ = write!(out, ". Source: {}", escape(&q.source));
        }
        out.push('\n');
    }
}

/// What changed since the earlier assessment, when the pack is compared with one.
fn since(out: &mut String, pack: &BoardPack) {
    let Some(c) = &pack.comparison else {
        return;
    };
    let _ = writeln!(out, "\n## Since {}\n", escape(&c.before.name));
    let _ = writeln!(
        out,
        "Compared with the earlier assessment {}, {}, last changed {}. Changes are in \
         percentage points, between the whole percentages shown.\n",
        code(&c.before.id),
        escape(&c.before.name),
        escape(&display_time(&c.before.updated))
    );
    let o = &c.overall;
    let _ = writeln!(out, "| | Earlier | Now | Change |\n|---|---|---|---|");
    let _ = writeln!(
        out,
        "| Overall maturity level | {} | {} | {} |",
        level_words(o.level_before),
        level_words(o.level_after),
        since::level_change_text(o)
    );
    let _ = writeln!(
        out,
        "| Overall score | {} | {} | {} |",
        percent(o.score_before),
        percent(o.score_after),
        since::change_text(o)
    );
    let _ = writeln!(
        out,
        "| Known | {} | {} | |",
        percent(o.coverage_before),
        percent(o.coverage_after)
    );
    let reading = since::reading(c);
    let _ = writeln!(out, "\n{}\n", escape_start(&reading.lead));
    for point in &reading.points {
        let _ = writeln!(out, "- {}", escape_start(point));
    }
    let _ = writeln!(out, "\n### Area by area\n");
    if c.sections.is_empty() {
        let _ = writeln!(out, "No areas: the questionnaires are not available.");
    } else {
        let _ = writeln!(out, "| Area | Level | Score | Change |\n|---|---|---|---|");
        for s in &c.sections {
            let gone = if pack.areas.iter().any(|a| a.id == s.id) {
                ""
            } else {
                " (only in the earlier assessment)"
            };
            let _ = writeln!(
                out,
                "| {}{gone} | {} | {} | {} |",
                escape(&s.title),
                since::level_move(&s.change),
                since::score_move(&s.change),
                since::change_text(&s.change)
            );
        }
    }
    let lists = since::move_lists(c);
    let empty: Vec<String> = lists
        .iter()
        .filter(|l| l.items.is_empty())
        .map(|l| format!("**{}:** none.", l.title))
        .collect();
    if !empty.is_empty() {
        let _ = writeln!(out, "\n{}", empty.join(" "));
    }
    for l in lists {
        if l.items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n### {}: {}\n",
            l.title,
            count(l.items.len(), "item", "items")
        );
        if l.listed {
            for (n, i) in l.items.iter().enumerate() {
                write_move(out, pack, n + 1, i);
            }
        } else {
            let _ = writeln!(
                out,
                "Too many to list here; \"Every answer\" gives each item's answer now."
            );
        }
    }
}

/// One item's answer before and after, numbered.
fn write_move(out: &mut String, pack: &BoardPack, n: usize, i: &ItemChange) {
    let answer = |text: &str, value: Option<f64>| match (text.is_empty(), value) {
        (true, _) => "_not answered_".to_string(),
        (false, Some(v)) => with_value(text, v),
        (false, None) => escape(&since::short_answer(text)),
    };
    let place = pack
        .item(&i.item)
        .map(|row| format!("{} · ", escape(&row.section)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{n}. **{}**  \n   {} → {} · {place}{}",
        escape(&i.prompt),
        answer(&i.answer_before, i.value_before),
        answer(&i.answer_after, i.value_after),
        code(&i.item)
    );
}

fn areas(out: &mut String, pack: &BoardPack) {
    let _ = writeln!(out, "\n## Scores by area\n");
    if pack.areas.is_empty() {
        let _ = writeln!(
            out,
            "No areas: the assessment's questionnaires are not available."
        );
        return;
    }
    let _ = writeln!(
        out,
        "| Area | Level | Score | Known | Answered |\n|---|---|---|---|---|"
    );
    for area in &pack.areas {
        let f = &area.figures;
        let _ = writeln!(
            out,
            "| {} | {} | `{}` | {} | {} |",
            escape(&area.title),
            level_text(f),
            bar(f.score),
            percent(f.coverage),
            answered_counts(f)
        );
    }
}

fn weakest_links(out: &mut String, pack: &BoardPack) {
    let _ = writeln!(out, "\n## The weakest links\n");
    if pack.weakest_links.is_empty() {
        let _ = writeln!(out, "No answered item is below the pass mark.");
    }
    for (n, link) in pack.weakest_links.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}**  \n   {} · level {} · weight {} · {} · {}",
            n + 1,
            escape(&link.prompt),
            with_value(&link.answer, link.value),
            link.level,
            number(link.weight),
            escape(&link.section),
            refs(&link.refs, &link.item),
        );
    }
    if pack.not_assessed > 0 {
        let _ = writeln!(
            out,
            "\nNot yet assessed: {}.",
            count(pack.not_assessed, "scored item", "scored items")
        );
    }
}

fn board_answers(out: &mut String, pack: &BoardPack) {
    if pack.board_answers.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## The board's answers\n");
    for b in &pack.board_answers {
        let _ = writeln!(out, "**{}**\n", escape(&b.prompt));
        match &b.answer {
            Some(text) => {
                let _ = writeln!(out, "{}\n", block(text, "> ").replace("\n\n", "\n>\n"));
            }
            None => {
                let _ = writeln!(out, "_Not yet answered._\n");
            }
        }
    }
}

fn action_plan(out: &mut String, pack: &BoardPack) {
    let _ = writeln!(out, "\n## Action plan\n");
    if pack.action_plan.is_empty() {
        let _ = writeln!(out, "Nothing to follow up: no gaps and no flagged items.");
        return;
    }
    for (n, action) in pack.action_plan.iter().enumerate() {
        write_action(out, n + 1, action);
    }
}

fn write_action(out: &mut String, n: usize, x: &Action) {
    let why = match (x.is_gap, x.flag) {
        (true, true) => "Gap, flagged",
        (true, false) => "Gap",
        _ => "Flagged",
    };
    let _ = writeln!(out, "{n}. **{}**  ", escape(&x.prompt));
    let answer = match (x.answer.is_empty(), x.value) {
        (true, _) => "not yet answered".to_string(),
        (false, Some(v)) => with_value(&x.answer, v),
        (false, None) => escape(&x.answer),
    };
    let level = x.level.map(|l| format!(" · level {l}")).unwrap_or_default();
    let _ = writeln!(
        out,
        "   {why}: {answer}{level} · {} · {}  ",
        escape(&x.section),
        refs(&x.refs, &x.item)
    );
    let _ = writeln!(
        out,
        "   Owner: {}",
        x.owner
            .as_deref()
            .map_or_else(|| "_not assigned_".to_string(), escape)
    );
    if let Some(note) = &x.note {
        let _ = writeln!(
            out,
            "\n{}",
            block(note, "   > ").replace("\n\n", "\n   >\n")
        );
    }
    out.push('\n');
}

fn every_answer(out: &mut String, pack: &BoardPack) {
    let _ = writeln!(out, "\n## Every answer\n");
    for area in &pack.areas {
        let _ = writeln!(
            out,
            "### {}: {}\n",
            escape(&area.questionnaire),
            escape(&area.title)
        );
        for row in pack.items_of(&area.id) {
            write_row(out, row);
        }
        out.push('\n');
    }
}

fn write_row(out: &mut String, row: &ItemRow) {
    let mark = match row.status {
        Status::Unanswered => "○",
        Status::NotApplicable | Status::ByRule => "–",
        Status::Achieved | Status::Text => "✓",
        Status::BelowPassMark => "✗",
    };
    let answer = match row.status {
        Status::Unanswered => "_not yet answered_".to_string(),
        Status::Text => "answered below".to_string(),
        _ => match row.value {
            Some(v) => with_value(&row.answer, v),
            None => escape(&row.answer),
        },
    };
    let flag = if row.flag { " ⚑ flagged" } else { "" };
    let level = row
        .level
        .map(|l| format!("{} ", crate::figures::level_short(Some(l))))
        .unwrap_or_default();
    let mut lines = vec![
        format!("- {mark} {level}{}: {answer}{flag}", escape(&row.prompt)),
        format!("  {}", refs(&row.refs, &row.item)),
    ];
    if let Some(owner) = &row.owner {
        lines.push(format!("  Owner: {}", escape(owner)));
    }
    if row.note.is_some() {
        lines.push("  Note:".to_string());
    }
    // Two spaces before a line break keep the lines apart when the Markdown is rendered.
    let _ = writeln!(out, "{}", lines.join("  \n"));
    if row.status == Status::Text {
        let _ = writeln!(
            out,
            "{}",
            block(&row.answer, "  > ").replace("\n\n", "\n  >\n")
        );
    }
    if let Some(note) = &row.note {
        let _ = writeln!(out, "{}", block(note, "  > ").replace("\n\n", "\n  >\n"));
    }
}

fn method(out: &mut String, pack: &BoardPack) {
    let _ = writeln!(out, "## How to read the figures\n");
    let _ = writeln!(out, "{}\n", pack.scoring_rule);
    let marks: Vec<String> = pack
        .questionnaires
        .iter()
        .map(|q| format!("{} {}", escape(&q.id), percent(Some(q.pass_mark))))
        .collect();
    if !marks.is_empty() {
        let _ = writeln!(out, "Pass marks: {}.", marks.join(", "));
    }
    let _ = writeln!(
        out,
        "Marks in \"Every answer\": ✓ achieved (or answered, for a text item), ✗ below the \
         pass mark, – not applicable, ○ not yet answered. L1–L3 is the level an item evidences."
    );
}

/// An answer with its value, e.g. "Partially implemented (33 %)".
fn with_value(answer: &str, value: f64) -> String {
    format!("{} ({})", escape(answer), percent(Some(value)))
}

/// The source references and the item's full name, e.g. "CFCS 1.3 · `q/item`".
fn refs(refs: &[String], item: &str) -> String {
    if refs.is_empty() {
        code(item)
    } else {
        format!(
            "{} · {}",
            refs.iter()
                .map(|r| escape(r))
                .collect::<Vec<_>>()
                .join(", "),
            code(item)
        )
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
    fn numbers_drop_needless_decimals() {
        assert_eq!(number(1.0), "1");
        assert_eq!(number(1.5), "1.5");
    }
}

//! How a figure or an answer is put in words, once for every surface (the app, plain mode,
//! the command line and every report format): levels, percentages, counts, times, and an
//! answer as people read it; and text wrapped or cut to fit a width.
//!
//! A score reads as a whole percentage rounded half up ("54 %"); a change is the difference
//! of the two whole percentages shown ("54 % → 58 %" is "▲ +4"); a level reads "2 Managed".

mod subject;
mod workshop;

pub use subject::{BY_RULE, condition_words, describe_in, not_asked, subject_words, supplier_line};
pub use workshop::{disagreement_summary, settlement};

use std::cmp::Ordering;
use std::fmt;

use serde::Serialize;
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

use crate::assessment::Answer;
pub use crate::level::Level;
use crate::questionnaire::{Item, ItemKind, Questionnaire};
use crate::scoring::{self, Figures, ItemValue};
use crate::text::{sanitize, sanitize_line};

/// Where an item's answer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// No answer yet.
    Unanswered,
    /// Answered N/A: left out of the figures.
    NotApplicable,
    /// Not asked: the item's `when` condition does not hold (N/A by rule, never the user's).
    ByRule,
    /// A scored item answered and achieved.
    Achieved,
    /// A scored item answered below the pass mark.
    BelowPassMark,
    /// A text item answered.
    Text,
}

/// How one check of a checklist was answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckRow {
    /// What is checked.
    pub text: String,
    /// Ticked.
    pub ticked: bool,
    /// Marked not applicable.
    pub na: bool,
}

/// `text` with its first letter in capitals: a sentence made from a message.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// An item's answer as people read it: "Largely implemented", "3 of 6 checks in place",
/// "Not applicable", a text answer, or "" when unanswered.
pub fn describe_answer(q: &Questionnaire, item: &Item, answer: Option<&Answer>) -> String {
    let (status, _) = status_of(q, scoring::item_value(q, item, answer));
    answer_label(q, item, answer, status)
}

/// Where an item stands, and its value when it has one.
pub fn status_of(q: &Questionnaire, value: ItemValue) -> (Status, Option<f64>) {
    match value {
        ItemValue::Unanswered | ItemValue::Text(false) => (Status::Unanswered, None),
        ItemValue::NotApplicable => (Status::NotApplicable, None),
        ItemValue::ByRule => (Status::ByRule, None),
        ItemValue::Text(true) => (Status::Text, None),
        ItemValue::Value(v) if v >= q.pass_mark => (Status::Achieved, Some(v)),
        ItemValue::Value(v) => (Status::BelowPassMark, Some(v)),
        ItemValue::Unknown => (Status::BelowPassMark, Some(0.0)),
    }
}

/// The answer to an item as people read it.
pub fn answer_label(
    q: &Questionnaire,
    item: &Item,
    answer: Option<&Answer>,
    status: Status,
) -> String {
    if status == Status::ByRule {
        return BY_RULE.to_string();
    }
    let Some(answer) = answer else {
        return String::new();
    };
    match status {
        Status::ByRule => BY_RULE.to_string(),
        Status::Unanswered => String::new(),
        Status::NotApplicable => "Not applicable".to_string(),
        Status::Text => sanitize(answer.text().unwrap_or_default())
            .trim()
            .to_string(),
        Status::Achieved | Status::BelowPassMark => match item.kind {
            ItemKind::Choice => answer
                .choice()
                .and_then(|key| q.options(item).iter().find(|o| o.key == key))
                .map(|o| sanitize_line(&o.label))
                .unwrap_or_default(),
            ItemKind::Checklist => {
                let rows = check_rows(item, Some(answer));
                let applicable = rows.iter().filter(|c| !c.na).count();
                let ticked = rows.iter().filter(|c| c.ticked && !c.na).count();
                let word = if applicable == 1 { "check" } else { "checks" };
                format!("{ticked} of {applicable} {word} in place")
            }
            ItemKind::Text => String::new(),
        },
    }
}

pub fn check_rows(item: &Item, answer: Option<&Answer>) -> Vec<CheckRow> {
    if item.kind != ItemKind::Checklist {
        return Vec::new();
    }
    item.checks
        .iter()
        .map(|c| CheckRow {
            text: sanitize_line(&c.text),
            ticked: answer.is_some_and(|a| a.is_ticked(&c.id)),
            na: answer.is_some_and(|a| a.is_check_na(&c.id)),
        })
        .collect()
}

/// A stored RFC 3339 time as people read it, e.g. "22 November 2026, 10:00 UTC"; the
/// stored text itself when it cannot be read as a time.
pub fn display_time(stored: &str) -> String {
    stored.parse::<jiff::Timestamp>().map_or_else(
        |_| sanitize_line(stored),
        |t| t.strftime("%-d %B %Y, %H:%M UTC").to_string(),
    )
}

/// A day as people read it: "31 January 2027".
pub fn day(d: jiff::civil::Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

/// Where a follow-up stands, in words: "open", "in progress", "done".
pub fn follow_up_status(s: crate::record::Status) -> &'static str {
    match s {
        crate::record::Status::Open => "open",
        crate::record::Status::InProgress => "in progress",
        crate::record::Status::Done => "done",
    }
}

/// A heading that says what a group of items is: "Below the pass mark at level 1",
/// "Achieved at level 2", "Not yet assessed", "Not applicable", "Board answers".
pub fn group_heading(status: Status, level: Option<u8>) -> String {
    let at = |what: &str| match level {
        Some(l) => format!("{what} at level {}", Level::at_most_3(l).number()),
        None => what.to_string(),
    };
    match status {
        Status::BelowPassMark => at("Below the pass mark"),
        Status::Achieved => at("Achieved"),
        Status::Unanswered => "Not yet assessed".to_string(),
        Status::NotApplicable => "Not applicable".to_string(),
        Status::ByRule => "Not asked of this supplier (N/A by rule)".to_string(),
        Status::Text => "Board answers".to_string(),
    }
}

/// What is shown where there is no figure: no score, no level, no change.
pub const NONE: &str = "–";

/// A score as the whole percentage shown, rounded half up: 0.125 → 13, 0.535 → 54,
/// 0.445 → 45. Scores come from sums of decimals (0.535 is 53.499999… hundredths in binary),
/// so the percentage is first rounded to nine decimals, then half up to a whole number.
pub fn whole_percent(score: f64) -> i64 {
    let hundredths = (score * 100.0 * 1e9).round() / 1e9;
    #[allow(clippy::cast_possible_truncation)] // a score is in [0, 1]; a percent in [0, 100]
    let whole = (hundredths + 0.5).floor() as i64;
    whole
}

/// A score as a whole percentage with its sign ("54 %"), or "–" when there is none.
pub fn percent(score: Option<f64>) -> String {
    score.map_or_else(|| NONE.to_string(), |s| format!("{} %", whole_percent(s)))
}

/// A score as a whole percentage without its sign ("54"), or "–" when there is none: for
/// columns headed "%".
pub fn percent_number(score: Option<f64>) -> String {
    score.map_or_else(|| NONE.to_string(), |s| whole_percent(s).to_string())
}

/// The change between two scores as shown: the difference of the two whole percentages, so
/// "54 % → 58 %" is +4 and 0.5 → 0.501 (50 % → 50 %) is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreChange {
    /// After minus before, in whole percentage points; `None` when either side has no score.
    pub points: Option<i64>,
}

impl ScoreChange {
    /// The change from `before` to `after`.
    pub fn between(before: Option<f64>, after: Option<f64>) -> Self {
        Self {
            points: before
                .zip(after)
                .map(|(b, a)| whole_percent(a) - whole_percent(b)),
        }
    }

    /// Up (`Greater`), down (`Less`) or level (`Equal`); `None` without a change.
    pub fn direction(self) -> Option<Ordering> {
        self.points.map(|p| p.cmp(&0))
    }

    /// The change as a gap in words: "84 points", "1 point", "–" when there is none.
    pub fn in_points(self) -> String {
        match self.points {
            None | Some(0) => NONE.to_string(),
            Some(p) if p.abs() == 1 => format!("{p} point"),
            Some(p) => format!("{p} points"),
        }
    }

    /// The signed points alone: "+4", "-5", "0", or "–".
    pub fn signed(self) -> String {
        match self.points {
            Some(p) if p > 0 => format!("+{p}"),
            Some(p) => p.to_string(),
            None => NONE.to_string(),
        }
    }
}

impl fmt::Display for ScoreChange {
    /// "▲ +4" up, "▼ -5" down, "= 0" level, "–" without a change.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&arrow(self.points))
    }
}

/// A signed whole change as an arrow and its size: "▲ +4", "▼ -5", "= 0", or "–" for none.
pub fn arrow(points: Option<i64>) -> String {
    match points {
        Some(p) if p > 0 => format!("▲ +{p}"),
        Some(p) if p < 0 => format!("▼ {p}"),
        Some(_) => "= 0".to_string(),
        None => NONE.to_string(),
    }
}

/// A level change as an arrow: "▲ +2", "▼ -1", "= 0", or "–" when either side has none.
pub fn level_change(before: Option<u8>, after: Option<u8>) -> String {
    arrow(before.zip(after).map(|(b, a)| i64::from(a) - i64::from(b)))
}

/// How far respondents' values for one item lie apart, in whole percentage points of the
/// item's value ("67 points"), or "–" when they differ in another way (below half a point:
/// N/A against an answer, or text).
pub fn spread(value_spread: f64) -> String {
    match whole_percent(value_spread) {
        0 => NONE.to_string(),
        1 => "1 point".to_string(),
        p => format!("{p} points"),
    }
}

/// Which items an "answered" count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Every item, text items included; N/A counts as an answer. The questionnaire's
    /// progress.
    Items,
    /// Scored items only (text items are never scored); N/A counts as an answer. The
    /// figures' `answered` of `total`.
    ScoredItems,
}

impl Counted {
    /// What one counts, in the plural: "items" or "scored items".
    pub fn noun(self) -> &'static str {
        match self {
            Self::Items => "items",
            Self::ScoredItems => "scored items",
        }
    }
}

/// How many are answered, in words that say what is counted: "105 of 109 items answered",
/// "103 of 105 scored items answered".
pub fn answered(answered: usize, total: usize, counted: Counted) -> String {
    format!(
        "{} {} answered",
        answered_of(answered, total),
        counted.noun()
    )
}

/// An answered count without its noun, for a column that names it: "105 of 109".
pub fn answered_of(answered: usize, total: usize) -> String {
    format!("{answered} of {total}")
}

/// A weight without needless decimals: 1, 2, 1.5.
pub fn number(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Text cut to `width` columns (as a terminal shows it) with an ellipsis when cut; trailing
/// spaces before the ellipsis are dropped.
pub fn clip(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let (cut, _) = text.unicode_truncate(width - 1);
    format!("{}…", cut.trim_end())
}

/// Text cut to `width` columns with an ellipsis when cut, keeping the text up to the cut as
/// it is (for cells laid out side by side).
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let (cut, _) = text.unicode_truncate(width - 1);
    format!("{cut}…")
}

/// Text padded with spaces (or cut, with an ellipsis) to exactly `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let cut = fit(text, width);
    let w = cut.width();
    format!("{cut}{}", " ".repeat(width.saturating_sub(w)))
}

/// How many columns text takes on a terminal.
pub fn columns(text: &str) -> usize {
    text.width()
}

/// Text wrapped into lines of at most `width` columns, at spaces where possible (a word
/// longer than a line is broken), keeping its line breaks; an empty text is one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .break_words(true)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    text.split('\n')
        .flat_map(|paragraph| {
            let words = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
            if words.is_empty() {
                return vec![String::new()];
            }
            textwrap::wrap(&words, &options)
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect()
        })
        .collect()
}

/// Text wrapped to `width` columns in at most `max_lines` lines; what does not fit is cut
/// with an ellipsis at the end of the last line.
pub fn wrap_lines(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines = wrap(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
        width,
    );
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(clip(&rest, width));
    }
    lines
}

/// A count with its noun, singular or plural: "1 item", "2 items".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The known share as shown beside a score: "80 % known", or "– known" when nothing is
/// applicable.
pub fn coverage(coverage: Option<f64>) -> String {
    format!("{} known", percent(coverage))
}

/// A section's or the whole assessment's figures in one line, level, score and coverage
/// together: "Level 1 · 53 % · 80 % known"; "All N/A" when no scored item applies, "No
/// scored items" when there are none.
pub fn score_line(figures: &Figures) -> String {
    match figures.level {
        Some(l) => format!(
            "Level {} · {} · {}",
            Level::at_most_3(l).number(),
            percent(figures.score),
            coverage(figures.coverage)
        ),
        None if figures.total == 0 => "No scored items".to_string(),
        None => "All N/A".to_string(),
    }
}

/// How many applicable items are answered, and how many of those say "Don't know":
/// "answered 105 · 26 don't know".
pub fn answered_counts(figures: &Figures) -> String {
    format!(
        "answered {} · {} don't know",
        figures.answered, figures.unknown
    )
}

/// A time in whole minutes as people say it: "45 min", "2 h", "1 h 40 min".
pub fn minutes_words(minutes: u64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A duration in whole minutes, a started minute counting whole: 0 s is "0 min", 1 s to
/// 60 s "1 min", 61 s "2 min".
pub fn minutes_up(d: std::time::Duration) -> String {
    minutes_words(d.as_secs().div_ceil(60))
}

/// Where a session stands against its plan, for the status line: "12 min left · on time",
/// "time is up, 3 min over · 5 min behind".
pub fn pace_words(p: &crate::plan::Pace) -> String {
    let here = if p.left.is_zero() {
        if p.over.is_zero() {
            "time is up".to_string()
        } else {
            format!("time is up, {} over", minutes_up(p.over))
        }
    } else {
        format!("{} left", minutes_up(p.left))
    };
    let session = if p.on_time {
        "on time".to_string()
    } else {
        format!("{} behind", minutes_up(p.behind))
    };
    format!("{here} · {session}")
}

/// A level as "2 Managed", or "–" when there is none.
pub fn level_words(level: Option<u8>) -> String {
    level.map_or_else(|| NONE.to_string(), |l| Level::at_most_3(l).to_string())
}

/// An area's or the whole assessment's level as "2 Managed", or "–" when there is none.
pub fn level_text(figures: &Figures) -> String {
    level_words(figures.level)
}

/// A level as "Level 2 · Managed" (headings), or `none` when there is none.
pub fn level_heading(level: Option<u8>, none: &str) -> String {
    level.map_or_else(
        || none.to_string(),
        |l| {
            let l = Level::at_most_3(l);
            format!("Level {} · {}", l.number(), l.name())
        },
    )
}

/// A level as its digit alone "2" (a heat-map cell), or "–" when there is none.
pub fn level_digit(level: Option<u8>) -> String {
    level.map_or_else(
        || NONE.to_string(),
        |l| Level::at_most_3(l).number().to_string(),
    )
}

/// A level in its short form "L2", or "–" when there is none.
pub fn level_short(level: Option<u8>) -> String {
    level.map_or_else(|| NONE.to_string(), |l| Level::at_most_3(l).short())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_read_as_hours_and_minutes() {
        assert_eq!(minutes_words(45), "45 min");
        assert_eq!(minutes_words(120), "2 h");
        assert_eq!(minutes_words(100), "1 h 40 min");
        assert_eq!(minutes_words(0), "0 min");
    }

    #[test]
    fn a_pace_reads_as_time_left_and_whether_the_session_is_on_time() {
        use std::time::Duration;
        let pace = |left: u64, over: u64, behind: u64| crate::plan::Pace {
            section: "q/s".into(),
            index: 0,
            planned: Duration::from_secs(600),
            left: Duration::from_secs(left),
            over: Duration::from_secs(over),
            behind: Duration::from_secs(behind),
            on_time: behind == 0,
        };
        assert_eq!(pace_words(&pace(600, 0, 0)), "10 min left · on time");
        assert_eq!(pace_words(&pace(61, 0, 0)), "2 min left · on time");
        assert_eq!(pace_words(&pace(0, 0, 0)), "time is up · on time");
        assert_eq!(
            pace_words(&pace(0, 170, 3700)),
            "time is up, 3 min over · 1 h 2 min behind"
        );
        assert_eq!(minutes_up(Duration::from_secs(1)), "1 min");
    }

    #[test]
    fn a_percent_is_whole_and_rounded_half_up() {
        for (score, shown) in [
            (0.125, "13 %"),
            (0.535, "54 %"),
            (0.445, "45 %"),
            (0.575, "58 %"),
            (0.5, "50 %"),
            (0.501, "50 %"),
            (0.005, "1 %"),
            (0.004_999, "0 %"),
            (0.0, "0 %"),
            (1.0, "100 %"),
            (0.6675, "67 %"),
            (0.528_333, "53 %"),
            (0.145, "15 %"),
            (0.285, "29 %"),
            (0.565, "57 %"),
            (0.995, "100 %"),
        ] {
            assert_eq!(percent(Some(score)), shown, "{score}");
        }
        assert_eq!(percent(None), "–");
        assert_eq!(percent_number(Some(0.535)), "54");
        assert_eq!(percent_number(None), "–");
    }

    #[test]
    fn every_hundredth_and_half_hundredth_rounds_half_up() {
        for n in 0..=200_u32 {
            let score = f64::from(n) / 200.0;
            let expected = i64::from(n.div_ceil(2));
            assert_eq!(whole_percent(score), expected, "{score}");
        }
        // Sums of weighted values land a hair off the half.
        assert_eq!(whole_percent(f64::midpoint(0.33, 0.74)), 54);
        assert_eq!(whole_percent(0.1 + 0.025), 13);
    }

    #[test]
    fn a_change_is_the_difference_of_the_percentages_shown() {
        let change = ScoreChange::between(Some(0.535), Some(0.575));
        assert_eq!(change.points, Some(4));
        assert_eq!(change.to_string(), "▲ +4");
        assert_eq!(change.signed(), "+4");
        let level = ScoreChange::between(Some(0.5), Some(0.501));
        assert_eq!(level.points, Some(0));
        assert_eq!(level.to_string(), "= 0");
        assert_eq!(level.direction(), Some(Ordering::Equal));
        let down = ScoreChange::between(Some(0.445), Some(0.125));
        assert_eq!(down.to_string(), "▼ -32");
        assert_eq!(down.signed(), "-32");
        // 0.534 → 0.536 moves only 0.2 points, but shows 53 % → 54 %.
        assert_eq!(
            ScoreChange::between(Some(0.534), Some(0.536)).points,
            Some(1)
        );
        assert_eq!(ScoreChange::between(None, Some(0.5)).to_string(), "–");
        assert_eq!(ScoreChange::between(None, Some(0.5)).direction(), None);
        assert_eq!(level_change(Some(0), Some(2)), "▲ +2");
        assert_eq!(level_change(Some(2), Some(1)), "▼ -1");
        assert_eq!(level_change(Some(1), Some(1)), "= 0");
        assert_eq!(level_change(None, Some(1)), "–");
    }

    #[test]
    fn levels_counts_and_spreads_read_one_way() {
        assert_eq!(level_words(Some(2)), "2 Managed");
        assert_eq!(level_words(None), "–");
        assert_eq!(level_heading(Some(1), "No level"), "Level 1 · Performed");
        assert_eq!(level_heading(None, "No level"), "No level");
        assert_eq!(level_short(Some(3)), "L3");
        assert_eq!(level_short(None), "–");
        assert_eq!(
            answered(3, 5, Counted::ScoredItems),
            "3 of 5 scored items answered"
        );
        assert_eq!(answered(4, 6, Counted::Items), "4 of 6 items answered");
        assert_eq!(spread(1.0), "100 points");
        assert_eq!(spread(0.335), "34 points");
        assert_eq!(spread(0.01), "1 point");
        assert_eq!(spread(0.0), "–");
    }

    #[test]
    fn a_score_shows_its_level_and_coverage_beside_it() {
        let q = crate::test_support::worked_example_2();
        let a = crate::test_support::assessment(
            &q,
            "t",
            &crate::test_support::worked_example_2_answers(),
        );
        let r = scoring::score(&[&q], &a);
        assert_eq!(score_line(&r.overall), "Level 1 · 53 % · 80 % known");
        assert_eq!(answered_counts(&r.overall), "answered 4 · 0 don't know");
        assert_eq!(coverage(Some(0.8)), "80 % known");
        assert_eq!(coverage(None), "– known");
        let all_na = crate::test_support::assessment(
            &q,
            "n",
            &[
                ("b", crate::test_support::na()),
                ("d", crate::test_support::na()),
            ],
        );
        let r = scoring::score(&[&q], &all_na);
        assert_eq!(score_line(&r.overall), "Level 0 · 0 % · 0 % known");
    }

    #[test]
    fn text_is_cut_and_wrapped_by_columns() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("ab de", 4), "ab…");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("日本語です", 5), "日本…");
        assert_eq!(fit("ab de", 4), "ab …");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("abcdef", 4), "abc…");
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 5), ["a", "", "b"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("日本語です", 4), ["日本", "語で", "す"]);
        assert_eq!(
            wrap_lines("one two three four five", 9, 2),
            ["one two", "three fo…"]
        );
        assert_eq!(wrap_lines("", 9, 2), [""]);
    }
}

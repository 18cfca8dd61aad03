//! A workshop's record in words: how a disputed item was settled, and the disagreements in
//! one sentence.

use super::{count, day};

/// How a disputed item was settled, in words: "settled by Fiona on 30 November 2026, taking
/// Bob's answer", "settled by Fiona on 30 November 2026, a new answer written", or, without a
/// record, "still disputed". Names are made safe to show.
pub fn settlement(settled: Option<&crate::record::Settled>) -> String {
    let Some(s) = settled else {
        return "still disputed".to_string();
    };
    let on = day(s.at.to_zoned(jiff::tz::TimeZone::UTC).date());
    let by = crate::text::sanitize_line(&s.by);
    match s.from.as_deref() {
        Some(from) => format!(
            "settled by {by} on {on}, taking {}'s answer",
            crate::text::sanitize_line(from)
        ),
        None => format!("settled by {by} on {on}, a new answer written"),
    }
}

/// The workshop's disagreements in one sentence: "3 items were answered differently: 1 is
/// still disputed, 2 are settled; the widest spread is 67 points." `widest` is the widest
/// spread in words, when any answers have values that differ.
pub fn disagreement_summary(disputed: usize, settled: usize, widest: Option<&str>) -> String {
    let total = disputed + settled;
    let were = if total == 1 { "was" } else { "were" };
    let is = |n: usize| if n == 1 { "is" } else { "are" };
    let widest = widest
        .map(|w| format!("; the widest spread is {w}"))
        .unwrap_or_default();
    format!(
        "{} {were} answered differently: {disputed} {} still disputed, {settled} {} \
         settled{widest}.",
        count(total, "item", "items"),
        is(disputed),
        is(settled)
    )
}

//! The board pack as CSV: one row per item, RFC 4180 quoting, for spreadsheets.

use super::BoardPack;
use super::summary::ItemRow;

/// The header row.
pub const HEADER: [&str; 12] = [
    "questionnaire",
    "section",
    "item",
    "refs",
    "prompt",
    "level",
    "weight",
    "answer",
    "value",
    "note",
    "owner",
    "flag",
];

/// Writes one row per item of the assessment's questionnaires, with a header row.
/// Fields are quoted where RFC 4180 needs it (commas, quotes, line breaks); lines end in
/// CRLF.
pub fn render(pack: &BoardPack) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a failed row would only be left out.
    let _ = w.write_record(HEADER);
    for row in &pack.items {
        let _ = w.write_record(record(row));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn record(row: &ItemRow) -> [String; 12] {
    let answer = match row.status {
        super::summary::Status::Unanswered => String::new(),
        _ => row.answer.clone(),
    };
    [
        row.questionnaire.clone(),
        row.section.clone(),
        row.item.clone(),
        row.refs.join("; "),
        row.prompt.clone(),
        row.level.map(|l| l.to_string()).unwrap_or_default(),
        row.weight.map(super::markdown::number).unwrap_or_default(),
        answer,
        row.value.map(|v| v.to_string()).unwrap_or_default(),
        row.note.clone().unwrap_or_default(),
        row.owner.clone().unwrap_or_default(),
        if row.flag { "yes" } else { "" }.to_string(),
    ]
}

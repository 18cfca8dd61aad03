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

/// The two columns added at the end of each row when the pack is compared with an earlier
/// assessment: the item's answer and value then.
pub const EARLIER_HEADER: [&str; 2] = ["earlier_answer", "earlier_value"];

/// Writes one row per item of the assessment's questionnaires, with a header row.
/// Fields are quoted where RFC 4180 needs it (commas, quotes, line breaks); lines end in
/// CRLF. A pack compared with an earlier assessment has [`EARLIER_HEADER`]'s two columns
/// at the end of each row.
pub fn render(pack: &BoardPack) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let compared = pack.comparison.is_some();
    // Writing to memory cannot fail; a failed row would only be left out.
    let mut header: Vec<&str> = HEADER.to_vec();
    if compared {
        header.extend(EARLIER_HEADER);
    }
    let _ = w.write_record(&header);
    for (n, row) in pack.items.iter().enumerate() {
        let mut fields = record(row).to_vec();
        if compared {
            let earlier = pack.earlier_answers.get(n);
            fields.push(earlier.map(|e| e.answer.clone()).unwrap_or_default());
            fields.push(
                earlier
                    .and_then(|e| e.value)
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
            );
        }
        let _ = w.write_record(&fields);
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
        row.weight.map(super::summary::number).unwrap_or_default(),
        answer,
        row.value.map(|v| v.to_string()).unwrap_or_default(),
        row.note.clone().unwrap_or_default(),
        row.owner.clone().unwrap_or_default(),
        if row.flag { "yes" } else { "" }.to_string(),
    ]
}

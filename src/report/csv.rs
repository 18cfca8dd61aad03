//! The board pack as CSV: one row per item, RFC 4180 quoting, for spreadsheets.

use super::BoardPack;
use crate::pack::ItemRow;

/// The header row.
pub const HEADER: [&str; 18] = [
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
    "status",
    "due",
    "decision",
    "evidence",
    "organisation",
    "assessed_on",
];

/// The two columns added at the end of each row when the pack is compared with an earlier
/// assessment: the item's answer and value then.
pub const EARLIER_HEADER: [&str; 2] = ["earlier_answer", "earlier_value"];

/// The columns after a workshop's per-respondent answers: who settled the item and whose
/// answer was taken.
pub const SETTLED_HEADER: [&str; 2] = ["settled_by", "settled_from"];

/// The heading of a respondent's own answers: "answer: Ann".
pub fn respondent_column(name: &str) -> String {
    format!("answer: {name}")
}

/// The byte-order mark the file starts with, so that spreadsheets read it as UTF-8.
pub const BOM: &str = "\u{feff}";

/// Makes a cell safe to open in a spreadsheet (OWASP's rule against CSV injection): a cell
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
/// formula, so it gets a leading `'`. Control characters are removed.
pub fn neutralise(cell: &str) -> String {
    let starts_formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let clean = crate::text::sanitize(cell);
    if starts_formula || clean.starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean
    }
}

/// Writes one row per item of the assessment's questionnaires, with a header row, after a
/// UTF-8 byte-order mark. Every item has its follow-up `status` (`open`, `in-progress`,
/// `done`; an action of the plan without one is `open`), `due` day (`YYYY-MM-DD`),
/// `decision` and `evidence` (references joined by "; "); every row carries the
/// `organisation` and the day the assessment last changed (`assessed_on`, `YYYY-MM-DD`, UTC),
/// so that rows keep them when sorted or pasted elsewhere. A workshop's pack (with
/// respondents) then has a column per respondent, [`respondent_column`], holding their own
/// answer in words ([`BoardPack::respondent_answers`]; empty when they gave none), and
/// [`SETTLED_HEADER`]'s columns: who settled the item and whose answer was taken. Fields are
/// quoted where RFC 4180 needs it (commas, quotes, line breaks) and neutralised against
/// formulas ([`neutralise`]); lines end in CRLF. A pack compared with an earlier assessment
/// has [`EARLIER_HEADER`]'s two columns at the end of each row.
pub fn render(pack: &BoardPack) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let compared = pack.comparison.is_some();
    // Writing to memory cannot fail; a failed row would only be left out.
    let workshop = !pack.later.respondents.is_empty();
    let mut header: Vec<String> = HEADER.map(String::from).to_vec();
    if workshop {
        header.extend(
            pack.later
                .respondents
                .iter()
                .map(|p| respondent_column(&p.name)),
        );
        header.extend(SETTLED_HEADER.map(String::from));
    }
    if compared {
        header.extend(EARLIER_HEADER.map(String::from));
    }
    let header: Vec<String> = header.iter().map(|h| neutralise(h)).collect();
    let _ = w.write_record(&header);
    let assessed_on = pack
        .assessment
        .updated
        .parse::<jiff::Timestamp>()
        .map(|t| t.strftime("%Y-%m-%d").to_string())
        .unwrap_or_default();
    for (n, row) in pack.items.iter().enumerate() {
        let action = pack.plan.iter().any(|x| x.item == row.item);
        let mut fields = record(row).to_vec();
        fields.extend(follow_up(row, action));
        fields.push(pack.assessment.organisation.clone());
        fields.push(assessed_on.clone());
        if workshop {
            fields.extend(pack.respondent_answers(row).into_iter().map(|a| a.answer));
            let settled = pack.later.disagreements.iter().find(|d| d.item == row.item);
            fields.push(
                settled
                    .and_then(|d| d.settled_by.clone())
                    .unwrap_or_default(),
            );
            fields.push(
                settled
                    .and_then(|d| d.settled_from.clone())
                    .unwrap_or_default(),
            );
        }
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
        let _ = w.write_record(fields.iter().map(|f| neutralise(f)));
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8(bytes).unwrap_or_default())
}

/// An item's follow-up: its status (`open` for an action without one), due day, decision and
/// evidence.
fn follow_up(row: &ItemRow, action: bool) -> [String; 4] {
    let status = row
        .follow_up
        .or(action.then_some(crate::record::Status::Open));
    [
        status.map(|s| s.as_str().to_string()).unwrap_or_default(),
        row.due.clone().unwrap_or_default(),
        row.decision.clone().unwrap_or_default(),
        crate::pack::EvidenceRef::listed(&row.evidence),
    ]
}

fn record(row: &ItemRow) -> [String; 12] {
    let answer = match row.status {
        crate::pack::Status::Unanswered => String::new(),
        _ => row.answer.clone(),
    };
    [
        row.questionnaire.clone(),
        row.section.clone(),
        row.item.clone(),
        row.refs.join("; "),
        row.prompt.clone(),
        row.level.map(|l| l.to_string()).unwrap_or_default(),
        row.weight.map(crate::pack::number).unwrap_or_default(),
        answer,
        row.value.map(|v| v.to_string()).unwrap_or_default(),
        row.note.clone().unwrap_or_default(),
        row.owner.clone().unwrap_or_default(),
        if row.flag { "yes" } else { "" }.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for (cell, safe) in [
            (
                "=HYPERLINK(\"http://evil\")",
                "'=HYPERLINK(\"http://evil\")",
            ),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'    =1"),
            ("\r=1", "'\n=1"),
            ("\u{7}=1", "'=1"),
            ("plain = text", "plain = text"),
            ("0.33", "0.33"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), safe, "{cell:?}");
        }
    }

    #[test]
    fn the_file_starts_with_a_byte_order_mark() {
        let q = crate::test_support::worked_example();
        let mut a = crate::test_support::assessment(&q, "w", &[]);
        a.answers.insert(
            "worked-example/a".into(),
            crate::assessment::Answer {
                note: Some("=cmd|' /C calc'!A0".into()),
                owner: Some("-legal".into()),
                ..crate::test_support::choice("fully")
            },
        );
        let pack = BoardPack::from_questionnaires(&[&q], &a);
        let text = render(&pack);
        assert!(
            text.starts_with("\u{feff}questionnaire,section,item,"),
            "{text}"
        );
        let mut reader = ::csv::Reader::from_reader(&text.as_bytes()[BOM.len()..]);
        let row = reader
            .records()
            .map(|r| r.expect("row"))
            .find(|r| r[2].ends_with("/a"))
            .expect("item a");
        assert_eq!(&row[9], "'=cmd|' /C calc'!A0");
        assert_eq!(&row[10], "'-legal");
        for record in reader.records() {
            let record = record.expect("row");
            assert!(
                record
                    .iter()
                    .all(|cell| !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])),
                "{record:?}"
            );
        }
    }

    #[test]
    fn actions_carry_their_follow_up_and_every_row_the_organisation_and_day() {
        let q = crate::test_support::worked_example();
        let mut a = crate::test_support::assessment(&q, "w", &[]);
        a.organisation = "=Acme Ltd".into();
        a.updated = "2026-11-22T23:59:00Z".parse().expect("a time");
        a.answers.insert(
            "worked-example/c".into(),
            crate::assessment::Answer {
                due: Some("2027-01-31".parse().expect("a day")),
                status: Some(crate::record::Status::InProgress),
                decision: Some("Approve the budget".into()),
                evidence: vec![
                    crate::record::Evidence::new("SOC 2 report"),
                    crate::record::Evidence {
                        reference: "-policy.pdf".into(),
                        reviewed: Some("2026-10-01".parse().expect("a day")),
                    },
                ],
                ..crate::test_support::choice("partial")
            },
        );
        a.answers.insert(
            "worked-example/a".into(),
            crate::assessment::Answer {
                evidence: vec![crate::record::Evidence::new("SOC 2 report 2026")],
                ..crate::test_support::choice("fully")
            },
        );
        let text = render(&BoardPack::from_questionnaires(&[&q], &a));
        let mut reader = ::csv::Reader::from_reader(&text.as_bytes()[BOM.len()..]);
        let header = reader.headers().expect("header").clone();
        let col = |name: &str| header.iter().position(|h| h == name).expect(name);
        let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        let row = |id: &str| {
            rows.iter()
                .find(|r| r[2] == format!("worked-example/{id}"))
                .expect(id)
        };
        let c = row("c");
        assert_eq!(&c[col("status")], "in-progress");
        assert_eq!(&c[col("due")], "2027-01-31");
        assert_eq!(&c[col("decision")], "Approve the budget");
        assert_eq!(
            &c[col("evidence")],
            "SOC 2 report; -policy.pdf (reviewed 1 October 2026)"
        );
        let achieved = row("a");
        assert_eq!(&achieved[col("status")], "", "not an action");
        assert_eq!(
            &achieved[col("evidence")],
            "SOC 2 report 2026",
            "every item's evidence, not only an action's"
        );
        assert!(
            !header
                .iter()
                .any(|h| h.starts_with("answer: ") || h == "settled_by"),
            "no workshop columns without respondents"
        );
        for r in &rows {
            assert_eq!(&r[col("organisation")], "'=Acme Ltd", "neutralised");
            assert_eq!(&r[col("assessed_on")], "2026-11-22");
        }
    }
}

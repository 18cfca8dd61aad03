//! What plain mode says and offers: the walk through an assessment's items, every line it
//! prints and every menu it shows, as pure functions of the questionnaires and the answers.
//! Text from files is sanitised here, so nothing from a file reaches the terminal raw.

use crate::assessment::{Answer, Assessment};
use crate::figures::{Level, answered_counts, describe_answer, score_line};
use crate::questionnaire::{Item, ItemKind, Questionnaire};
use crate::roles::{self, ROLES};
use crate::scoring::{self, ItemValue, ScoreReport};
use crate::text::{sanitize, sanitize_line};
use crate::walk;

/// The prompt of an item's menu.
pub const ANSWER_PROMPT: &str = "Your answer";
/// The prompt of the checklist's ticks.
pub const TICKS_PROMPT: &str = "Tick what is in place";
/// The prompt of the menu after an answer.
pub const THEN_PROMPT: &str = "Next step";
/// The prompt of the owner menu.
pub const OWNER_PROMPT: &str = "Owner of the follow-up";
/// The prompt of the list of checks, to mark one N/A.
pub const CHECK_NA_PROMPT: &str = "Which check is not applicable";
/// Said when Ctrl-C (or a signal) ends the typing of a note: the line typed so far is not
/// kept by the prompt, so it is not saved.
pub const NOTE_NOT_SAVED: &str = "The note being typed was not saved (Ctrl-C leaves without \
     it); every answer given before it is saved.";
/// Said when Ctrl-C (or a signal) ends the typing of a text answer.
pub const ANSWER_NOT_SAVED: &str = "The answer being typed was not saved (Ctrl-C leaves \
     without it); every answer given before it is saved.";
/// The label of the menu entry that leaves plain mode, in every menu.
pub const LEAVE: &str = "Leave plain mode";

/// One item on the walk, with the questionnaire and section it sits in.
pub use crate::walk::Place;

/// An item's value under the assessment's answers.
pub fn value(p: &Place<'_>, a: &Assessment) -> ItemValue {
    scoring::value_in(p.questionnaire, p.item, a)
}

/// Every item of the questionnaires, in order.
pub fn places<'q>(questionnaires: &[&'q Questionnaire]) -> Vec<Place<'q>> {
    walk::items(questionnaires).collect()
}

/// Where the walk starts: the first item (scored, or a text item) without an answer.
/// `None` when every item has one.
pub fn first_unanswered(places: &[Place<'_>], a: &Assessment) -> Option<usize> {
    places.iter().position(|p| value(p, a).needs_answer())
}

/// How many items have no answer yet.
pub fn unanswered(places: &[Place<'_>], a: &Assessment) -> usize {
    places.iter().filter(|p| value(p, a).needs_answer()).count()
}

/// How many items are not asked in `a` (N/A by rule).
pub fn not_asked_count(places: &[Place<'_>], a: &Assessment) -> usize {
    places
        .iter()
        .filter(|p| value(p, a) == ItemValue::ByRule)
        .count()
}

/// The line said for an item that is not asked (its `when` condition does not hold), or
/// `None` when it is asked.
pub fn not_asked_line(p: &Place<'_>, a: &Assessment) -> Option<String> {
    (value(p, a) == ItemValue::ByRule).then(|| {
        format!(
            "{} — {}",
            header(p),
            crate::figures::not_asked(p.questionnaire, p.item)
        )
    })
}

/// The header line of an item: where it is and what kind of answer it takes.
pub fn header(p: &Place<'_>) -> String {
    let what = if p.item.is_scored() {
        format!("level {} practice", p.item.level())
    } else {
        "answer in words, not scored".to_string()
    };
    format!(
        "{} / {}: item {} of {}, {what}",
        sanitize_line(&p.questionnaire.title),
        sanitize_line(&p.section.title),
        p.item_index + 1,
        p.section.items.len()
    )
}

/// An answer in words ([`describe_answer`]), or "not answered yet".
pub fn answer_words(q: &Questionnaire, item: &Item, answer: Option<&Answer>) -> String {
    let words = describe_answer(q, item, answer);
    if words.is_empty() {
        "not answered yet".to_string()
    } else {
        words
    }
}

/// The lines that present an item: header, prompt, guidance, sources, the answer so far, and
/// note, owner, flag and respondents' answers when there are any. Wrapped to `width`.
pub fn item_lines(p: &Place<'_>, a: &Assessment, width: usize) -> Vec<String> {
    let answer = a.answer(&p.key);
    let mut paragraphs = vec![header(p), sanitize(&p.item.prompt)];
    if !p.item.guidance.trim().is_empty() {
        paragraphs.push(format!(
            "Why this matters: {}",
            sanitize(p.item.guidance.trim())
        ));
    }
    if !p.item.refs.is_empty() {
        paragraphs.push(format!(
            "Source: {}",
            sanitize_line(&p.item.refs.join(", "))
        ));
    }
    paragraphs.push(format!(
        "Answer so far: {}",
        answer_words(p.questionnaire, p.item, answer)
    ));
    if let Some(responses) = a.responses.get(p.key.as_str()) {
        let mut given: Vec<String> = responses
            .iter()
            .map(|r| {
                format!(
                    "{}: {}",
                    sanitize_line(&r.respondent),
                    answer_words(p.questionnaire, p.item, Some(&r.answer))
                )
            })
            .collect();
        // A respondent who gave this item no answer is named too.
        given.extend(
            a.respondents
                .iter()
                .filter(|who| !responses.iter().any(|r| r.respondent == who.name))
                .map(|who| format!("{}: {}", sanitize_line(&who.name), crate::pack::NO_ANSWER)),
        );
        let settled = match a.settled.get(p.key.as_str()) {
            None => "The respondents disagree.".to_string(),
            Some(s) => match &s.from {
                Some(from) => format!(
                    "The respondents disagreed; settled with {}'s answer.",
                    sanitize_line(from)
                ),
                None => "The respondents disagreed; settled with a new answer.".to_string(),
            },
        };
        paragraphs.push(format!("{settled} {}.", given.join("; ")));
    }
    if let Some(a) = answer {
        if let Some(note) = a.note.as_deref().filter(|n| !n.trim().is_empty()) {
            paragraphs.push(format!("Note: {}", sanitize(note)));
        }
        if let Some(owner) = &a.owner {
            paragraphs.push(format!("Owner: {}", roles::owner_label(owner)));
        }
        if a.flag {
            paragraphs.push("Flagged for follow-up.".to_string());
        }
    }
    let mut lines = vec![String::new()];
    for paragraph in paragraphs {
        lines.extend(wrap(&paragraph, width));
    }
    lines
}

/// An entry of an item's menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// Choose the option with this key (choice items).
    Option(String),
    /// Go on to tick the checks (checklists).
    Checks,
    /// Mark one check not applicable, or applicable again (checklists).
    CheckNa,
    /// Go on to write the answer (text items).
    Write,
    /// Answer the item N/A.
    NotApplicable,
    /// Leave the item as it is and go on.
    Skip,
    /// Leave plain mode.
    Leave,
}

/// An item's menu (entries and their labels) and the entry to preselect: the current answer,
/// or the first entry.
pub fn item_menu(
    q: &Questionnaire,
    item: &Item,
    answer: Option<&Answer>,
) -> (Vec<(Pick, String)>, usize) {
    let mut menu: Vec<(Pick, String)> = match item.kind {
        ItemKind::Choice => q
            .options(item)
            .iter()
            .map(|o| (Pick::Option(o.key.clone()), sanitize_line(&o.label)))
            .collect(),
        ItemKind::Checklist if item.allows_na() => vec![
            (Pick::Checks, "Answer the checks".to_string()),
            (
                Pick::CheckNa,
                "Mark one check not applicable (or applicable again)".to_string(),
            ),
        ],
        ItemKind::Checklist => vec![(Pick::Checks, "Answer the checks".to_string())],
        ItemKind::Text => {
            let label = if answer.is_some_and(|a| a.text().is_some()) {
                "Change the answer"
            } else {
                "Write the answer"
            };
            vec![(Pick::Write, label.to_string())]
        }
    };
    if item.kind != ItemKind::Text && item.allows_na() {
        menu.push((Pick::NotApplicable, "Not applicable".to_string()));
    }
    menu.push((Pick::Skip, "Skip (leave for later)".to_string()));
    menu.push((Pick::Leave, LEAVE.to_string()));
    let current = match answer {
        Some(a) if a.is_na() && item.kind != ItemKind::Text => Some(Pick::NotApplicable),
        Some(a) => a.choice().map(|key| Pick::Option(key.to_string())),
        None => None,
    };
    let default = current
        .and_then(|c| menu.iter().position(|(p, _)| *p == c))
        .unwrap_or(0);
    (menu, default)
}

/// The entries of a checklist's ticks (checks marked N/A say so) and which are ticked now.
pub fn check_entries(item: &Item, answer: Option<&Answer>) -> (Vec<String>, Vec<bool>) {
    item.checks
        .iter()
        .map(|c| {
            let na = answer.is_some_and(|a| a.is_check_na(&c.id));
            let ticked = answer.is_some_and(|a| a.is_ticked(&c.id));
            let label = if na {
                format!("{} (not applicable)", sanitize_line(&c.text))
            } else {
                sanitize_line(&c.text)
            };
            (label, ticked)
        })
        .unzip()
}

/// The `VALUE` and `--na-checks` of [`crate::assessment::apply_value`] for a checklist whose
/// checks at `ticked` (indexes) are ticked: a ticked check stops being N/A, the other N/A
/// checks stay so.
pub fn checks_value(item: &Item, ticked: &[usize], answer: Option<&Answer>) -> (String, String) {
    let ids: Vec<&str> = ticked
        .iter()
        .filter_map(|&i| item.checks.get(i))
        .map(|c| c.id.as_str())
        .collect();
    let na: Vec<&str> = answer
        .map(Answer::na_checks)
        .unwrap_or_default()
        .iter()
        .map(String::as_str)
        .filter(|id| !ids.contains(id))
        .collect();
    (ids.join(","), na.join(","))
}

/// The checks to pick one from, to mark it N/A (or applicable again): the index of each
/// check, and its text saying what it is now.
pub fn check_na_menu(item: &Item, answer: Option<&Answer>) -> Vec<(usize, String)> {
    item.checks
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let now = if answer.is_some_and(|a| a.is_check_na(&c.id)) {
                " (not applicable now: pick it to make it applicable again)"
            } else {
                ""
            };
            (n, format!("{}{now}", sanitize_line(&c.text)))
        })
        .collect()
}

/// What marking check `index` N/A (or applicable again) came to, in words.
pub fn check_na_words(item: &Item, index: usize, after: &Answer) -> String {
    let Some(check) = item.checks.get(index) else {
        return String::new();
    };
    let text = sanitize_line(&check.text);
    if after.is_check_na(&check.id) {
        format!("Not applicable: {text}")
    } else {
        format!("Applicable again: {text}")
    }
}

/// The checks ticked, in words, as a confirmation after the ticks.
pub fn ticked_words(item: &Item, ticked: &[usize]) -> String {
    let texts: Vec<String> = ticked
        .iter()
        .filter_map(|&i| item.checks.get(i))
        .map(|c| sanitize_line(&c.text))
        .collect();
    if texts.is_empty() {
        format!("Ticked none of {} checks.", item.checks.len())
    } else {
        format!(
            "Ticked {} of {}: {}.",
            texts.len(),
            item.checks.len(),
            texts.join("; ")
        )
    }
}

/// What a line typed over a stored text does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// The line is as offered: the stored text stays as it is.
    Unchanged,
    /// The line is empty: the text is removed.
    Removed,
    /// The new text.
    Set(String),
}

/// What a line typed over `original` (offered as one line, [`one_line`]) does. A text of
/// several lines is only replaced when the person changed it.
pub fn edited(original: Option<&str>, typed: &str) -> Edit {
    let typed = typed.trim();
    if typed == one_line(original).trim() {
        Edit::Unchanged
    } else if typed.is_empty() {
        Edit::Removed
    } else {
        Edit::Set(typed.to_string())
    }
}

impl Edit {
    /// The stored text after the edit.
    pub fn apply(self, original: Option<&str>) -> Option<String> {
        match self {
            Edit::Unchanged => original.map(String::from),
            Edit::Removed => None,
            Edit::Set(text) => Some(text),
        }
    }
}

/// A stored text as the one line offered for editing.
pub fn one_line(text: Option<&str>) -> String {
    text.map(sanitize_line).unwrap_or_default()
}

/// An entry of the menu after an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// Go on to the next item.
    Next,
    /// Write, change or remove the note.
    Note,
    /// Choose the role that owns the follow-up.
    Owner,
    /// Flag the item for follow-up, or take the flag off.
    Flag,
    /// Leave plain mode.
    Leave,
}

/// The menu after an answer; its first entry, going on, is the default. `last` is whether
/// going on ends the walk (the last item, or the last one without an answer).
pub fn then_menu(answer: Option<&Answer>, last: bool) -> Vec<(Then, String)> {
    let next = if last {
        "Finish and show the score"
    } else {
        "Next item"
    };
    let note = if answer.is_some_and(|a| a.note.is_some()) {
        "Change the note"
    } else {
        "Add a note"
    };
    let owner = match answer.and_then(|a| a.owner.as_deref()) {
        Some(o) => format!("Change the owner (now {})", roles::owner_label(o)),
        None => "Set the owner".to_string(),
    };
    let flag = if answer.is_some_and(|a| a.flag) {
        "Remove the flag"
    } else {
        "Flag for follow-up"
    };
    vec![
        (Then::Next, next.to_string()),
        (Then::Note, note.to_string()),
        (Then::Owner, owner),
        (Then::Flag, flag.to_string()),
        (Then::Leave, LEAVE.to_string()),
    ]
}

/// The owner menu: every role, a role of the user's own that the answer holds, and "No
/// owner"; preselected is the current owner, or the first role.
pub fn owner_menu(current: Option<&str>) -> (Vec<(Option<String>, String)>, usize) {
    let mut menu: Vec<(Option<String>, String)> = ROLES
        .iter()
        .map(|r| (Some(r.id.to_string()), r.label.to_string()))
        .collect();
    if let Some(own) = current.filter(|o| roles::role(o).is_none()) {
        menu.push((Some(own.to_string()), roles::owner_label(own)));
    }
    menu.push((None, "No owner".to_string()));
    let default = current
        .and_then(|c| menu.iter().position(|(id, _)| id.as_deref() == Some(c)))
        .unwrap_or(0);
    (menu, default)
}

/// What a flag change is, in words.
pub fn flag_words(flag: bool) -> &'static str {
    if flag {
        "Flagged for follow-up."
    } else {
        "The flag is off."
    }
}

/// An assessment in the list of assessments: name, organisation and progress.
pub fn listing(a: &Assessment, r: &ScoreReport) -> String {
    let who = if a.organisation.trim().is_empty() {
        sanitize_line(&a.name)
    } else {
        format!(
            "{}, {}",
            sanitize_line(&a.name),
            sanitize_line(&a.organisation)
        )
    };
    format!(
        "{who}: {}, {}",
        score_line(&r.overall),
        answered_counts(&r.overall)
    )
}

pub use crate::figures::percent;

/// The closing lines: overall level and score, and what is left to answer.
pub fn score_lines(a: &Assessment, r: &ScoreReport, unanswered: usize) -> Vec<String> {
    let level = r.overall.level.map_or_else(
        || "not yet assessed".to_string(),
        |l| {
            let l = Level::at_most_3(l);
            format!("level {l}: {}", l.meaning())
        },
    );
    let mut lines = vec![
        String::new(),
        format!("{}: overall maturity {level}.", sanitize_line(&a.name)),
        format!(
            "{}; {}; {}.",
            score_line(&r.overall),
            answered_counts(&r.overall),
            applicable_words(r.overall.applicable)
        ),
    ];
    match unanswered {
        0 => lines.push("Every item has an answer.".to_string()),
        1 => lines.push("1 item has no answer yet.".to_string()),
        n => lines.push(format!("{n} items have no answer yet.")),
    }
    lines.push(format!(
        "Every section's figures: supplycheck score {}",
        sanitize_line(&a.id)
    ));
    lines
}

/// How many scored items apply: "1 scored item applies", "5 scored items apply".
fn applicable_words(n: usize) -> String {
    if n == 1 {
        "1 scored item applies".to_string()
    } else {
        format!("{n} scored items apply")
    }
}

/// Text wrapped to `width` columns (at least 10) with [`crate::figures::wrap`].
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    crate::figures::wrap(text, width.max(10))
}

/// A menu entry that fits a terminal `columns` wide after a `prefix` columns wide (dialoguer's
/// `> ` or `> [x] `): longer text goes on to further lines, indented under the first.
/// dialoguer counts the lines of an entry by its line breaks, so a menu redraws cleanly.
pub fn menu_entry(label: &str, columns: usize, prefix: usize) -> String {
    let indent = " ".repeat(prefix);
    wrap(label, columns.saturating_sub(prefix + 1)).join(&format!("\n{indent}"))
}

#[cfg(test)]
fn str_width(s: &str) -> usize {
    crate::figures::columns(s)
}

#[cfg(test)]
mod tests;

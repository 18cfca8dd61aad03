//! What a workshop does to an assessment beside answering: settling disputed items (keeping
//! every respondent's answer and a record of each settlement), parking items, renaming.
//!
//! An item is **disputed** while it has `responses` (the respondents answered it differently)
//! and no `settled` record. Settling writes the record; the responses stay. The record always
//! describes the current answer: when a settled item's answer is changed, the record is
//! written again (whose answer the new one equals, or `null`), and when the answer is cleared
//! the record is removed, so the item is disputed again.

use super::{Answer, Assessment};
use crate::record::Settled;
use crate::stamp;

/// Who settles an item when no name is given.
pub const FACILITATOR: &str = "facilitator";

/// The longest name an assessment may have, in characters.
pub const MAX_NAME_CHARS: usize = 120;

impl Assessment {
    /// Sets the entry of item `full` to `answer`. Every respondent's answer in `responses`
    /// is kept; see [`Assessment::settle_by_answer`] for what a changed answer does to a
    /// settlement.
    pub fn set_answer(&mut self, full: &str, answer: Answer) {
        self.answers.insert(full.to_string(), answer);
    }

    /// Whether item `full` is disputed: the respondents' answers differ (`responses`) and the
    /// item is not settled.
    pub fn disputed(&self, full: &str) -> bool {
        self.responses.contains_key(full) && !self.settled.contains_key(full)
    }

    /// The disputed items, by full name, in name order.
    pub fn disputes(&self) -> Vec<&str> {
        self.responses
            .keys()
            .filter(|k| !self.settled.contains_key(*k))
            .map(String::as_str)
            .collect()
    }

    /// The first respondent whose answer to item `full` (in `responses`) is the same as
    /// `answer` (notes, owners and flags aside).
    pub fn whose_answer(&self, full: &str, answer: &Answer) -> Option<&str> {
        self.responses
            .get(full)?
            .iter()
            .find(|r| r.answer.same_value(answer))
            .map(|r| r.respondent.as_str())
    }

    /// Settles item `full` with `answer`'s value (the entry's note, owner and flag stay):
    /// records `settled` {by, at: now, from}, keeping every respondent's answer. Returns
    /// `false`, changing nothing, when the item has no responses or `answer` gives no answer.
    pub fn settle(&mut self, full: &str, answer: &Answer, by: &str, from: Option<&str>) -> bool {
        if !self.responses.contains_key(full) || !answer.is_answered() {
            return false;
        }
        self.answers
            .entry(full.to_string())
            .or_default()
            .copy_value_from(answer);
        self.settled.insert(
            full.to_string(),
            Settled {
                by: by.to_string(),
                at: stamp::now(),
                from: from.map(str::to_string),
            },
        );
        true
    }

    /// Keeps item `full`'s settlement true to its answer after the answer changed: an
    /// answered item with responses is settled by `by` with the answer it now has (`from`:
    /// the respondent whose answer equals it, else `null`), unless its record already says
    /// so; an unanswered one loses its record and is disputed again. Returns whether a
    /// dispute was settled by this.
    pub fn settle_by_answer(&mut self, full: &str, by: &str) -> bool {
        if !self.responses.contains_key(full) {
            return false;
        }
        let Some(answer) = self.answers.get(full).filter(|a| a.is_answered()).cloned() else {
            self.settled.remove(full);
            return false;
        };
        let from = self.whose_answer(full, &answer).map(str::to_string);
        match self.settled.get(full) {
            Some(s) if s.from == from => false,
            had => {
                let was_disputed = had.is_none();
                self.settle(full, &answer, by, from.as_deref());
                was_disputed
            }
        }
    }

    /// The parked items (left for later in a workshop), by full name, in name order.
    pub fn parked(&self) -> Vec<&str> {
        self.answers
            .iter()
            .filter(|(_, a)| a.is_parked())
            .map(|(k, _)| k.as_str())
            .collect()
    }

    /// The group of respondent `name`, from `respondents`.
    pub fn group_of(&self, name: &str) -> Option<&str> {
        self.respondents
            .iter()
            .find(|r| r.name == name)
            .and_then(|r| r.group.as_deref())
    }

    /// Gives the assessment a new name (trimmed). The id, and so the file, stay. An error
    /// says what is wrong with the name.
    pub fn rename(&mut self, name: &str) -> Result<(), String> {
        let name = check_name(name)?;
        self.name = name;
        Ok(())
    }
}

/// A name for an assessment, trimmed: refused when blank, longer than [`MAX_NAME_CHARS`]
/// or holding control characters.
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("the name is empty; give a name people recognise".into());
    }
    if name.chars().any(char::is_control) {
        return Err("the name holds control characters; give plain text".into());
    }
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        return Err(format!(
            "the name is {n} characters long; give at most {MAX_NAME_CHARS}"
        ));
    }
    Ok(name.to_string())
}

#[cfg(test)]
mod tests;

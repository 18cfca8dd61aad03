//! The prompts of plain mode: thin wrappers over dialoguer, drawn on standard output in its
//! plain theme (no colour, `>` marks the highlighted entry, `[x]` a tick). Each returns
//! `None` when the person leaves: Esc or `q` in a menu, or Ctrl-C anywhere.

use std::io;

use dialoguer::console::Term;
use dialoguer::theme::SimpleTheme;
use dialoguer::{Input, MultiSelect, Select};

/// Turns dialoguer's "interrupted" (Ctrl-C, or a signal while waiting for a key) into
/// leaving, ending the line the prompt was on; any other failure to talk to the terminal
/// is an error.
fn leave_on_interrupt<T>(
    term: &Term,
    result: dialoguer::Result<Option<T>>,
) -> anyhow::Result<Option<T>> {
    match result {
        Ok(answer) => Ok(answer),
        Err(dialoguer::Error::IO(e)) if e.kind() == io::ErrorKind::Interrupted => {
            let _ = term.write_line("");
            Ok(None)
        }
        Err(dialoguer::Error::IO(e)) => Err(anyhow::Error::new(e)
            .context("cannot read the answer from the terminal; start plain mode again")),
    }
}

/// The columns a menu entry's text has after dialoguer's prefix of `prefix` columns, and
/// the entries that fit on the screen at once (with the prompt, and the extra lines of
/// long entries).
fn fit(term: &Term, labels: &[String], prefix: usize) -> (Vec<String>, usize) {
    let (rows, columns) = term.size();
    let entries: Vec<String> = labels
        .iter()
        .map(|l| super::view::menu_entry(l, usize::from(columns), prefix))
        .collect();
    let extra: usize = entries.iter().map(|e| e.lines().count() - 1).sum();
    let room = usize::from(rows).saturating_sub(extra).max(3);
    (entries, room)
}

/// A menu: one of `labels`, starting at `default`.
pub fn select(
    term: &Term,
    prompt: &str,
    labels: &[String],
    default: usize,
) -> anyhow::Result<Option<usize>> {
    let (entries, room) = fit(term, labels, 2);
    leave_on_interrupt(
        term,
        Select::with_theme(&SimpleTheme)
            .with_prompt(prompt)
            .items(&entries)
            .default(default)
            .max_length(room)
            .interact_on_opt(term),
    )
}

/// Ticks: any of `labels`, ticked as `ticked` to start with. The caller says what was
/// ticked (dialoguer's one-line report of long entries reads badly).
pub fn ticks(
    term: &Term,
    prompt: &str,
    labels: &[String],
    ticked: &[bool],
) -> anyhow::Result<Option<Vec<usize>>> {
    let (entries, room) = fit(term, labels, 6);
    leave_on_interrupt(
        term,
        MultiSelect::with_theme(&SimpleTheme)
            .with_prompt(prompt)
            .items(&entries)
            .defaults(ticked)
            .report(false)
            .max_length(room)
            .interact_on_opt(term),
    )
}

/// One line of text, starting as `initial`; empty is allowed unless `required` says what to
/// ask for instead.
pub fn line(
    term: &Term,
    prompt: &str,
    initial: &str,
    required: Option<&'static str>,
) -> anyhow::Result<Option<String>> {
    let mut input = Input::<String>::with_theme(&SimpleTheme)
        .with_prompt(prompt)
        .with_initial_text(initial)
        .allow_empty(required.is_none());
    if let Some(what) = required {
        input = input.validate_with(move |s: &String| {
            if s.trim().is_empty() {
                Err(what)
            } else {
                Ok(())
            }
        });
    }
    leave_on_interrupt(term, input.interact_text_on(term).map(Some))
}

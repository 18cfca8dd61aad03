//! The one key table: which key does what, where. The dispatcher, the status-line hints and
//! the `?` help are all generated from [`BINDINGS`], so they never drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Where the keys are pressed: a screen, or the dialog or field that has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The home screen: the list of assessments.
    Home,
    /// The questionnaire: answering an item.
    Item,
    /// The results screen.
    Results,
    /// The board view.
    Board,
    /// The disagreements of a merged assessment.
    Disputes,
    /// The help overlay.
    Help,
    /// The note or text-answer editor.
    Editor,
    /// The new-assessment form.
    Form,
    /// A yes/no question.
    Confirm,
    /// A list to pick from (owner role, section).
    Picker,
    /// The search box and its results.
    Search,
    /// The file name a board pack is written to.
    FileName,
}

impl Context {
    /// Whether printable keys go into a text field here.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Editor | Context::Form | Context::Search | Context::FileName
        )
    }

    /// The heading of this context in the help.
    pub fn heading(self) -> &'static str {
        match self {
            Context::Home => "Home: your assessments",
            Context::Item => "Questionnaire",
            Context::Results => "Results",
            Context::Board => "Board view",
            Context::Disputes => "Disagreements (a merged assessment)",
            Context::Help => "This help",
            Context::Editor => "Writing a note or a text answer",
            Context::Form => "New assessment",
            Context::Confirm => "Questions (yes or no)",
            Context::Picker => "Picking from a list (owner, section, comparison)",
            Context::Search => "Search",
            Context::FileName => "Writing a board pack",
        }
    }

    /// Every context, in the order the help lists them.
    pub const ALL: [Context; 12] = [
        Context::Item,
        Context::Home,
        Context::Results,
        Context::Board,
        Context::Disputes,
        Context::Editor,
        Context::Search,
        Context::FileName,
        Context::Picker,
        Context::Form,
        Context::Confirm,
        Context::Help,
    ];
}

/// A key, as the table matches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character, without Ctrl or Alt (Shift is ignored).
    Char(char),
    /// A character with Ctrl held.
    Ctrl(char),
    /// A digit 1–9, which becomes [`Action::Choose`].
    Digit,
    /// A special key (arrows, Enter, Esc, Tab…).
    Code(KeyCode),
}

impl Key {
    /// Whether the key is pressed: `Some(0)`, or `Some(n)` for digit n of [`Key::Digit`].
    fn matches(self, event: &KeyEvent) -> Option<usize> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        match (self, event.code) {
            (Key::Char(c), KeyCode::Char(k)) if !ctrl && !alt && c == k => Some(0),
            (Key::Ctrl(c), KeyCode::Char(k)) if ctrl && c.eq_ignore_ascii_case(&k) => Some(0),
            (Key::Digit, KeyCode::Char(k)) if !ctrl && !alt => k
                .to_digit(10)
                .filter(|d| *d >= 1)
                .and_then(|d| usize::try_from(d).ok()),
            (Key::Code(c), code) if !ctrl && !alt && c == code => Some(0),
            _ => None,
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where the binding applies.
    pub contexts: &'static [Context],
    /// The keys that trigger it.
    pub keys: &'static [Key],
    /// What it does.
    pub action: Action,
    /// The keys as people read them, e.g. "↑/k".
    pub label: &'static str,
    /// What it does, for the help.
    pub help: &'static str,
    /// A short word for the status line, when the binding is worth a hint there.
    pub hint: Option<&'static str>,
}

mod table;

pub use table::BINDINGS;

/// The action a key press asks for in a context, if any. Printable keys in a text field
/// become [`Action::Input`].
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    for binding in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
        for key in binding.keys {
            if let Some(digit) = key.matches(event) {
                return Some(match (digit, &binding.action) {
                    (n @ 1.., Action::Choose(_)) => Action::Choose(n),
                    _ => binding.action.clone(),
                });
            }
        }
    }
    let ctrl_or_alt = event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match event.code {
        KeyCode::Char(c) if context.takes_text() && !ctrl_or_alt => Some(Action::Input(c)),
        _ => None,
    }
}

/// The status-line hints of a context: (keys, word) pairs.
pub fn hints(context: Context) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .filter_map(|b| b.hint.map(|h| (short_label(b.label), h)))
        .collect()
}

/// The first key of a label, for the status line ("Enter/e" → "Enter").
fn short_label(label: &'static str) -> &'static str {
    match label {
        "↑/k" => "↑↓",
        "n/Esc" | "→/n/Tab" => "n",
        "Esc/q" => "Esc",
        "Enter/e" => "e",
        "PgDn/j/↓/Space" => "PgDn",
        l => l,
    }
}

/// The help: for each context (the current one first), its bindings as (keys, what).
pub fn help(first: Context) -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    let everywhere = |b: &&Binding| b.contexts.len() == Context::ALL.len();
    let mut order = vec![first];
    order.extend(Context::ALL.iter().copied().filter(|c| *c != first));
    let mut out: Vec<_> = order
        .into_iter()
        .map(|c| {
            let rows = BINDINGS
                .iter()
                .filter(|b| b.contexts.contains(&c) && !everywhere(b))
                .filter(|b| !b.label.is_empty())
                .map(|b| (b.label, b.help))
                .collect();
            (c.heading(), rows)
        })
        .collect();
    out.insert(
        1,
        (
            "Everywhere",
            BINDINGS
                .iter()
                .filter(everywhere)
                .map(|b| (b.label, b.help))
                .collect(),
        ),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_product_keys_map_as_documented() {
        let item = |code| action_for(Context::Item, &key(code));
        assert_eq!(item(KeyCode::Char('j')), Some(Action::Down));
        assert_eq!(item(KeyCode::Up), Some(Action::Up));
        assert_eq!(item(KeyCode::Tab), Some(Action::NextItem));
        assert_eq!(item(KeyCode::BackTab), Some(Action::PrevItem));
        assert_eq!(item(KeyCode::Char('p')), Some(Action::PrevItem));
        assert_eq!(item(KeyCode::Char('3')), Some(Action::Choose(3)));
        assert_eq!(item(KeyCode::Char('0')), None);
        assert_eq!(item(KeyCode::Char(' ')), Some(Action::Toggle));
        assert_eq!(item(KeyCode::Enter), Some(Action::Edit));
        assert_eq!(item(KeyCode::Char('e')), Some(Action::Edit));
        assert_eq!(item(KeyCode::Char('b')), Some(Action::Board));
        assert_eq!(item(KeyCode::Esc), Some(Action::Back));
        assert_eq!(
            action_for(
                Context::Editor,
                &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn printable_keys_go_into_text_fields() {
        for c in ['q', 'n', '?', '1', ' ', 'É'] {
            assert_eq!(
                action_for(Context::Editor, &key(KeyCode::Char(c))),
                Some(Action::Input(c))
            );
        }
        assert_eq!(
            action_for(Context::Editor, &key(KeyCode::Esc)),
            Some(Action::Back)
        );
        assert_eq!(
            action_for(Context::Search, &key(KeyCode::Char('j'))),
            Some(Action::Input('j'))
        );
    }

    #[test]
    fn every_screen_has_help_and_hints() {
        for c in [
            Context::Home,
            Context::Item,
            Context::Results,
            Context::Board,
        ] {
            assert!(hints(c).iter().any(|(_, h)| *h == "help"), "{c:?}");
        }
        let help = help(Context::Item);
        assert_eq!(help[0].0, "Questionnaire");
        assert!(help[0].1.iter().any(|(k, _)| *k == "x"));
    }
}

//! The one key table: which key does what, where. The dispatcher, the status-line hints and
//! the `?` help are all generated from [`bindings`], so they never drift apart.

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
    /// A one-line field of the questionnaire: decision, due day, evidence, owner.
    Field,
    /// The perception gap of a merged assessment.
    Gap,
    /// The session plan dialog.
    Plan,
    /// The supplier portfolio.
    Portfolio,
    /// The service the portfolio is filtered by.
    ServiceFilter,
    /// The supplier dialog: tier and services.
    Supplier,
}

impl Context {
    /// Whether printable keys go into a text field here.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Editor
                | Context::Form
                | Context::Search
                | Context::FileName
                | Context::Field
                | Context::Plan
                | Context::ServiceFilter
                | Context::Supplier
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
            Context::Field => "A one-line field (decision, due day, evidence, owner)",
            Context::Gap => "Perception gap (a merged assessment with groups)",
            Context::Plan => "Session plan (sections and time boxes)",
            Context::Portfolio => "Supplier portfolio",
            Context::ServiceFilter => "Filtering the portfolio by service",
            Context::Supplier => "The supplier: tier and services",
        }
    }

    /// Every context, in the order the help lists them.
    pub const ALL: [Context; 18] = [
        Context::Item,
        Context::Field,
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
        Context::Gap,
        Context::Plan,
        Context::Portfolio,
        Context::ServiceFilter,
        Context::Supplier,
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
    /// A digit 1–9, 0 for 10, then the letters of [`pick_keys`]: becomes
    /// [`Action::Choose`] with the number it stands for.
    Pick,
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

/// A row of the key table.
macro_rules! bind {
    ($ctx:expr, [$($key:expr),+], $action:expr, $label:literal, $help:literal) => {
        Binding { contexts: $ctx, keys: &[$($key),+], action: $action, label: $label,
                  help: $help, hint: None }
    };
    ($ctx:expr, [$($key:expr),+], $action:expr, $label:literal, $help:literal, $hint:literal) => {
        Binding { contexts: $ctx, keys: &[$($key),+], action: $action, label: $label,
                  help: $help, hint: Some($hint) }
    };
}

mod supplier_table;
mod table;
mod workshop;

pub use workshop::WORKSHOP_BINDINGS;

/// The key table: every binding, in order. The first binding that matches in the current
/// context wins.
pub static BINDINGS: std::sync::LazyLock<Vec<Binding>> = std::sync::LazyLock::new(|| {
    [table::BINDINGS, supplier_table::BINDINGS, WORKSHOP_BINDINGS].concat()
});

/// Every row of the key table, in the order they are matched.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter()
}

/// The action a key press asks for in a context, if any. Printable keys in a text field
/// become [`Action::Input`].
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    for binding in bindings().filter(|b| b.contexts.contains(&context)) {
        for key in binding.keys {
            if *key == Key::Pick {
                if let Some(n) = pick_number(context, event) {
                    return Some(Action::Choose(n));
                }
                continue;
            }
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

/// The keys that pick entry 1, 2, … in a context: `1`–`9`, `0` for 10, then every letter
/// from `a` to `z` that is no other key there.
pub fn pick_keys(context: Context) -> Vec<char> {
    let taken: Vec<char> = bindings()
        .filter(|b| b.contexts.contains(&context))
        .flat_map(|b| b.keys.iter())
        .filter_map(|k| match k {
            Key::Char(c) => Some(*c),
            _ => None,
        })
        .collect();
    ('1'..='9')
        .chain(['0'])
        .chain(('a'..='z').filter(|c| !taken.contains(c)))
        .collect()
}

/// The key that picks entry `n` (1-based) in a context, if there is one.
pub fn pick_key(context: Context, n: usize) -> Option<char> {
    n.checked_sub(1)
        .and_then(|i| pick_keys(context).get(i).copied())
}

/// The entry (1-based) a key press picks in a context.
fn pick_number(context: Context, event: &KeyEvent) -> Option<usize> {
    if event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    let KeyCode::Char(c) = event.code else {
        return None;
    };
    pick_keys(context)
        .iter()
        .position(|k| *k == c)
        .map(|i| i + 1)
}

/// The status-line hints of a context: (keys, word) pairs.
pub fn hints(context: Context) -> Vec<(&'static str, &'static str)> {
    bindings()
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
        "1–9, 0, c…" => "1–9",
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
            let rows = bindings()
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
            bindings()
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
        assert_eq!(item(KeyCode::Char('0')), Some(Action::Choose(10)));
        assert_eq!(item(KeyCode::Char(' ')), Some(Action::Toggle));
        assert_eq!(item(KeyCode::Enter), Some(Action::ConfirmItem));
        assert_eq!(item(KeyCode::Char('e')), Some(Action::Edit));
        assert_eq!(item(KeyCode::Char('P')), Some(Action::Park));
        assert_eq!(item(KeyCode::Char('d')), Some(Action::Decision));
        assert_eq!(item(KeyCode::Char('t')), Some(Action::Due));
        assert_eq!(item(KeyCode::Char('s')), Some(Action::CycleStatus));
        assert_eq!(item(KeyCode::Char('v')), Some(Action::AddEvidence));
        assert_eq!(item(KeyCode::PageDown), Some(Action::PageDown));
        assert_eq!(item(KeyCode::PageUp), Some(Action::PageUp));
        assert_eq!(
            action_for(
                Context::Item,
                &KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL)
            ),
            Some(Action::Undo)
        );
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
    fn every_check_of_a_long_checklist_has_a_key_that_is_no_other_command() {
        let keys = pick_keys(Context::Item);
        assert_eq!(
            &keys[..11],
            &['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'c']
        );
        assert!(keys.len() >= 15, "checklists of 15 checks exist: {keys:?}");
        let item = |c| action_for(Context::Item, &key(KeyCode::Char(c)));
        for (n, c) in keys.iter().enumerate() {
            assert_eq!(item(*c), Some(Action::Choose(n + 1)), "{c}");
        }
        // The label in the help and hints names the first letter.
        let label = BINDINGS
            .iter()
            .find(|b| b.contexts.contains(&Context::Item) && b.keys == [Key::Pick])
            .map(|b| b.label);
        assert_eq!(label, Some("1–9, 0, c…"));
        assert_eq!(item('x'), Some(Action::ToggleNaCheck));
        let picker = |c| action_for(Context::Picker, &key(KeyCode::Char(c)));
        assert_eq!(picker('0'), Some(Action::Choose(10)));
        assert_eq!(picker('a'), Some(Action::Choose(11)));
        assert_eq!(picker('q'), Some(Action::Back));
        assert_eq!(pick_key(Context::Picker, 30), Some('w'));
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

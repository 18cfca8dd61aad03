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

use Context as C;

const SCREENS: &[Context] = &[C::Home, C::Item, C::Results, C::Board, C::Disputes];
const LISTS: &[Context] = &[
    C::Home,
    C::Item,
    C::Results,
    C::Disputes,
    C::Picker,
    C::Help,
];
/// The one-line text fields.
const FIELDS: &[Context] = &[C::Form, C::Search, C::FileName];
/// Every text field.
const TEXT: &[Context] = &[C::Editor, C::Form, C::Search, C::FileName];

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

/// The key table. The first binding that matches in the current context wins.
pub static BINDINGS: &[Binding] = &[
    // Everywhere.
    bind!(
        &Context::ALL,
        [Key::Ctrl('c')],
        Action::Quit,
        "Ctrl-C",
        "quit at once (everything is saved)"
    ),
    // The text fields: only Esc, Enter, Tab, arrows and Ctrl-chords are commands.
    bind!(
        &[C::Editor],
        [Key::Code(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "save the text and close the editor",
        "save & close"
    ),
    bind!(
        &[C::Editor],
        [Key::Ctrl('s')],
        Action::SaveField,
        "Ctrl-S",
        "save the text and keep writing",
        "save"
    ),
    bind!(
        &[C::Editor],
        [Key::Ctrl('x')],
        Action::DiscardField,
        "Ctrl-X",
        "throw away the changes made since the editor opened, and close it",
        "discard"
    ),
    bind!(
        &[C::Editor],
        [Key::Code(KeyCode::Enter)],
        Action::Newline,
        "Enter",
        "start a new line"
    ),
    bind!(
        &[C::Editor],
        [Key::Code(KeyCode::Tab)],
        Action::NextItem,
        "Tab",
        "save the text and go to the next item"
    ),
    bind!(
        &[C::Editor],
        [Key::Code(KeyCode::BackTab)],
        Action::PrevItem,
        "Shift-Tab",
        "save the text and go to the previous item"
    ),
    bind!(
        TEXT,
        [Key::Code(KeyCode::Left)],
        Action::Left,
        "←/→",
        "move the text cursor"
    ),
    bind!(
        TEXT,
        [Key::Code(KeyCode::Right)],
        Action::Right,
        "",
        "move the text cursor right"
    ),
    bind!(
        &[C::Editor],
        [Key::Code(KeyCode::Up)],
        Action::Up,
        "↑/↓",
        "move the text cursor a line up or down"
    ),
    bind!(
        &[C::Editor],
        [Key::Code(KeyCode::Down)],
        Action::Down,
        "",
        "move the text cursor a line down"
    ),
    bind!(
        TEXT,
        [Key::Code(KeyCode::Home)],
        Action::LineStart,
        "Home/End",
        "go to the start or end of the line"
    ),
    bind!(
        TEXT,
        [Key::Code(KeyCode::End)],
        Action::LineEnd,
        "",
        "go to the end of the line"
    ),
    bind!(
        TEXT,
        [Key::Code(KeyCode::Backspace)],
        Action::Backspace,
        "Backspace",
        "delete the character before the cursor"
    ),
    bind!(
        TEXT,
        [Key::Code(KeyCode::Delete)],
        Action::DeleteChar,
        "Delete",
        "delete the character under the cursor"
    ),
    bind!(
        &[C::Form],
        [Key::Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "next field; on the last field, create the assessment",
        "next / create"
    ),
    bind!(
        &[C::Form],
        [Key::Code(KeyCode::Tab), Key::Code(KeyCode::Down)],
        Action::Down,
        "Tab/↓",
        "next field"
    ),
    bind!(
        &[C::Form],
        [Key::Code(KeyCode::BackTab), Key::Code(KeyCode::Up)],
        Action::Up,
        "Shift-Tab/↑",
        "previous field"
    ),
    bind!(
        FIELDS,
        [Key::Code(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "cancel",
        "cancel"
    ),
    bind!(
        &[C::FileName],
        [Key::Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "write the file (the format follows the name: .html, .md, .csv or .json)",
        "write"
    ),
    bind!(
        &[C::Search],
        [Key::Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "go to the highlighted item",
        "go"
    ),
    bind!(
        &[C::Search],
        [Key::Code(KeyCode::Up)],
        Action::Up,
        "↑/↓",
        "highlight the previous or next match"
    ),
    bind!(
        &[C::Search],
        [Key::Code(KeyCode::Down)],
        Action::Down,
        "",
        "highlight the next match"
    ),
    // Questions and pickers.
    bind!(
        &[C::Confirm],
        [Key::Char('y'), Key::Char('Y')],
        Action::Confirm,
        "y",
        "yes",
        "yes"
    ),
    bind!(
        &[C::Confirm],
        [
            Key::Char('n'),
            Key::Char('N'),
            Key::Code(KeyCode::Esc),
            Key::Char('q')
        ],
        Action::Back,
        "n/Esc",
        "no",
        "no"
    ),
    bind!(
        &[C::Picker],
        [Key::Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "pick the highlighted entry",
        "pick"
    ),
    bind!(
        &[C::Picker],
        [Key::Digit],
        Action::Choose(0),
        "1–9",
        "pick entry N"
    ),
    bind!(
        &[C::Picker, C::Help],
        [Key::Code(KeyCode::Esc), Key::Char('q')],
        Action::Back,
        "Esc/q",
        "close",
        "close"
    ),
    bind!(
        &[C::Help],
        [Key::Char('?')],
        Action::Back,
        "?",
        "close the help"
    ),
    // Lists.
    bind!(
        LISTS,
        [Key::Code(KeyCode::Up), Key::Char('k')],
        Action::Up,
        "↑/k",
        "move up"
    ),
    bind!(
        LISTS,
        [Key::Code(KeyCode::Down), Key::Char('j')],
        Action::Down,
        "↓/j",
        "move down"
    ),
    // Home.
    bind!(
        &[C::Home],
        [Key::Code(KeyCode::Enter)],
        Action::Open,
        "Enter",
        "open the highlighted assessment",
        "open"
    ),
    bind!(
        &[C::Home],
        [Key::Char('n')],
        Action::New,
        "n",
        "new assessment (asks for its name and organisation)",
        "new"
    ),
    bind!(
        &[C::Home],
        [Key::Char('d')],
        Action::Delete,
        "d",
        "delete the highlighted assessment (asks first)",
        "delete"
    ),
    // The questionnaire.
    bind!(
        &[C::Item],
        [Key::Digit],
        Action::Choose(0),
        "1–9",
        "choose option N, or tick check N, saved at once",
        "answer"
    ),
    bind!(
        &[C::Item],
        [Key::Char(' ')],
        Action::Toggle,
        "Space",
        "choose the highlighted option, or tick the highlighted check"
    ),
    bind!(
        &[C::Item],
        [Key::Char('x')],
        Action::ToggleNaCheck,
        "x",
        "mark the highlighted check N/A (again to take it back)"
    ),
    bind!(
        &[C::Item],
        [
            Key::Code(KeyCode::Right),
            Key::Char('n'),
            Key::Code(KeyCode::Tab)
        ],
        Action::NextItem,
        "→/n/Tab",
        "next item",
        "next"
    ),
    bind!(
        &[C::Item],
        [
            Key::Code(KeyCode::Left),
            Key::Char('p'),
            Key::Code(KeyCode::BackTab)
        ],
        Action::PrevItem,
        "←/p/Shift-Tab",
        "previous item"
    ),
    bind!(
        &[C::Item],
        [Key::Char('a')],
        Action::NotApplicable,
        "a",
        "answer N/A (again to take it back)"
    ),
    bind!(
        &[C::Item],
        [Key::Char('u')],
        Action::NextUnanswered,
        "u",
        "next unanswered item",
        "unanswered"
    ),
    bind!(
        &[C::Item],
        [Key::Code(KeyCode::Enter), Key::Char('e')],
        Action::Edit,
        "Enter/e",
        "edit the note (for a text item, the answer)",
        "note"
    ),
    bind!(
        &[C::Item],
        [Key::Char('o')],
        Action::Owner,
        "o",
        "owner: the role that owns the follow-up",
        "owner"
    ),
    bind!(
        &[C::Item],
        [Key::Char('f')],
        Action::Flag,
        "f",
        "flag for follow-up (again to take it off)",
        "flag"
    ),
    bind!(
        &[C::Item],
        [Key::Char('/')],
        Action::Search,
        "/",
        "search the prompts",
        "search"
    ),
    bind!(
        &[C::Item],
        [Key::Char('g')],
        Action::GoToSection,
        "g",
        "go to a section",
        "section"
    ),
    bind!(
        &[C::Item],
        [Key::Char('D')],
        Action::Disagreements,
        "D",
        "disagreements between respondents, to settle them"
    ),
    // The disagreements of a merged assessment.
    bind!(
        &[C::Disputes],
        [Key::Digit],
        Action::Choose(0),
        "1–9",
        "settle the item with respondent N's answer, saved at once",
        "settle"
    ),
    bind!(
        &[C::Disputes],
        [Key::Code(KeyCode::Left), Key::Char('h')],
        Action::Left,
        "←/h",
        "highlight the previous respondent"
    ),
    bind!(
        &[C::Disputes],
        [Key::Code(KeyCode::Right), Key::Char('l')],
        Action::Right,
        "→/l",
        "highlight the next respondent"
    ),
    bind!(
        &[C::Disputes],
        [Key::Char(' ')],
        Action::Toggle,
        "Space",
        "settle the item with the highlighted respondent's answer"
    ),
    bind!(
        &[C::Disputes],
        [Key::Code(KeyCode::Enter)],
        Action::Open,
        "Enter",
        "go to the item in the questionnaire",
        "go to item"
    ),
    bind!(
        &[C::Results],
        [Key::Code(KeyCode::Enter)],
        Action::Open,
        "Enter",
        "go to the highlighted action's item",
        "go to item"
    ),
    bind!(
        &[C::Item, C::Board],
        [Key::Char('r')],
        Action::Results,
        "r",
        "results",
        "results"
    ),
    bind!(
        &[C::Item, C::Results],
        [Key::Char('b')],
        Action::Board,
        "b",
        "board view, to project",
        "board"
    ),
    bind!(
        SCREENS,
        [Key::Char('?')],
        Action::Help,
        "?",
        "help: every key",
        "help"
    ),
    bind!(
        &[C::Item, C::Results, C::Board, C::Disputes],
        [Key::Code(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "back"
    ),
    bind!(
        SCREENS,
        [Key::Char('q')],
        Action::BackOrQuit,
        "q",
        "back; quit from home (or from an assessment opened with `open`)",
        "back/quit"
    ),
    // Workshop commands, after `q` so that its hint comes first on a narrow status line.
    bind!(
        &[C::Home],
        [Key::Char('c')],
        Action::Compare,
        "c",
        "compare the highlighted assessment with another (opens its results)",
        "compare"
    ),
    bind!(
        &[C::Home],
        [Key::Char('w')],
        Action::WriteReport,
        "w",
        "write the highlighted assessment's board pack to a file (asks for its name)",
        "report"
    ),
    bind!(
        &[C::Results],
        [Key::Char('c')],
        Action::Compare,
        "c",
        "compare with another assessment (again to stop comparing)",
        "compare"
    ),
    bind!(
        &[C::Results, C::Board],
        [Key::Char('w')],
        Action::WriteReport,
        "w",
        "write the board pack to a file (asks for its name)",
        "report"
    ),
];

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

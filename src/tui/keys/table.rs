//! The key table itself: every binding, by context, with its label, help and hint.

use ratatui::crossterm::event::KeyCode;

use super::{Binding, Context, Key};
use crate::tui::action::Action;

use Context as C;

const SCREENS: &[Context] = &[
    C::Home,
    C::Item,
    C::Results,
    C::Board,
    C::Disputes,
    C::Portfolio,
];
const LISTS: &[Context] = &[
    C::Home,
    C::Item,
    C::Results,
    C::Disputes,
    C::Picker,
    C::Help,
    C::Portfolio,
];
/// The one-line text fields.
const FIELDS: &[Context] = &[
    C::Form,
    C::Search,
    C::FileName,
    C::Field,
    C::ServiceFilter,
    C::Supplier,
];
/// Every text field.
const TEXT: &[Context] = &[
    C::Editor,
    C::Form,
    C::Search,
    C::FileName,
    C::Field,
    C::ServiceFilter,
    C::Supplier,
];

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
        &[C::Field],
        [Key::Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "keep what is written (empty clears it), saved at once",
        "keep"
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
        [Key::Pick],
        Action::Choose(0),
        "1–9, 0, a…",
        "pick the entry with this key (0 is the tenth; letters beyond, as shown)"
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
        [Key::Char('P')],
        Action::Portfolio,
        "P",
        "supplier portfolio: every supplier assessment, concentration and stale reviews",
        "portfolio"
    ),
    bind!(
        &[C::Home],
        [Key::Char('d')],
        Action::Delete,
        "d",
        "delete the highlighted assessment (asks first)"
    ),
    // The questionnaire.
    bind!(
        &[C::Item],
        [Key::Pick],
        Action::Choose(0),
        "1–9, 0, c…",
        "choose option N, or tick check N, saved at once (0 is 10; from 11 the letter shown \
         beside the check)",
        "answer"
    ),
    bind!(
        &[C::Item],
        [Key::Code(KeyCode::Enter)],
        Action::ConfirmItem,
        "Enter",
        "choose the highlighted option and go to the next item (a checklist goes on as \
         ticked; a text item opens its answer)",
        "confirm"
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
        [Key::Char('e')],
        Action::Edit,
        "e",
        "write the note (for a text item, the answer)",
        "note"
    ),
    bind!(
        &[C::Item],
        [Key::Ctrl('z')],
        Action::Undo,
        "Ctrl-Z",
        "undo the last change (answer, settlement, note, owner, flag, park, follow-up), \
         up to 50 steps; saved at once",
        "undo"
    ),
    bind!(
        &[C::Results, C::Board, C::Disputes],
        [Key::Ctrl('z')],
        Action::Undo,
        "Ctrl-Z",
        "undo the last change (a settlement, an answer…), up to 50 steps; saved at once"
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
        [Key::Char('P')],
        Action::Park,
        "P",
        "park the item for later (again to take it back)",
        "park"
    ),
    bind!(
        &[C::Item],
        [Key::Char('d')],
        Action::Decision,
        "d",
        "the decision the board is asked to take on this item (one line)"
    ),
    bind!(
        &[C::Item],
        [Key::Char('t')],
        Action::Due,
        "t",
        "the day the follow-up is due (YYYY-MM-DD)"
    ),
    bind!(
        &[C::Item],
        [Key::Char('s')],
        Action::CycleStatus,
        "s",
        "the follow-up's status: open → in progress → done → none"
    ),
    bind!(
        &[C::Item],
        [Key::Char('v')],
        Action::AddEvidence,
        "v",
        "add a piece of evidence (a document name, a path or a link)"
    ),
    bind!(
        &[C::Item],
        [Key::Code(KeyCode::PageUp)],
        Action::PageUp,
        "PgUp/PgDn",
        "scroll the item's details (why this matters, source)"
    ),
    bind!(
        &[C::Item],
        [Key::Code(KeyCode::PageDown)],
        Action::PageDown,
        "",
        "scroll the item's details down"
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
        &[C::Disputes],
        [Key::Code(KeyCode::PageDown)],
        Action::PageDown,
        "PgDn/PgUp",
        "scroll the respondents' answers and the per-check table"
    ),
    bind!(
        &[C::Disputes],
        [Key::Code(KeyCode::PageUp)],
        Action::PageUp,
        "",
        "scroll the respondents' answers up"
    ),
    bind!(
        &[C::Board],
        [
            Key::Code(KeyCode::PageDown),
            Key::Code(KeyCode::Down),
            Key::Char('j'),
            Key::Char(' ')
        ],
        Action::PageDown,
        "PgDn/j/↓/Space",
        "next page of every panel that has more (after the last, the first again)",
        "more"
    ),
    bind!(
        &[C::Board],
        [
            Key::Code(KeyCode::PageUp),
            Key::Code(KeyCode::Up),
            Key::Char('k')
        ],
        Action::PageUp,
        "PgUp/k/↑",
        "previous page"
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
];

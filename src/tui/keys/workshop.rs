//! The key table's workshop rows: comparing, writing the pack, renaming, targets, the
//! disagreements' filter, the perception gap screen and the session plan dialog.

use ratatui::crossterm::event::KeyCode;

use super::{Binding, Context, Key};
use crate::tui::action::Action;

use Context as C;

/// The workshop rows of the key table, matched after [`super::BINDINGS`].
pub static WORKSHOP_BINDINGS: &[Binding] = &[
    // Workshop commands, after the main table's `q` so that its hint comes first on a
    // narrow status line.
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
        &[C::Results],
        [Key::Char('U')],
        Action::Upgrade,
        "U",
        "upgrade to a newer questionnaire version, when there is one (asks first)"
    ),
    bind!(
        &[C::Results, C::Board],
        [Key::Char('w')],
        Action::WriteReport,
        "w",
        "write the board pack to a file (asks for its name)",
        "report"
    ),
    bind!(
        &[C::Home],
        [Key::Char('R')],
        Action::Rename,
        "R",
        "rename the highlighted assessment (asks for the new name; saved at once)",
        "rename"
    ),
    bind!(
        &[C::Results],
        [Key::Char('t')],
        Action::Target,
        "t",
        "set the target level of an area, or the default of every area (saved at once)",
        "target"
    ),
    bind!(
        &[C::Disputes],
        [Key::Char('f')],
        Action::Filter,
        "f",
        "list all disagreements, the 10 widest or the 20 widest, in turn",
        "top N"
    ),
    bind!(
        &[C::Disputes],
        [Key::Char('e')],
        Action::Edit,
        "e",
        "a text item: write the answer, starting from the highlighted respondent's proposal"
    ),
    // The perception gap.
    bind!(
        &[C::Results],
        [Key::Char('G')],
        Action::PerceptionGap,
        "G",
        "perception gap: each respondent group's figures per area and where the board \
         answered highest above the others (a merged assessment with groups)",
        "gap"
    ),
    bind!(
        &[C::Gap],
        [Key::Code(KeyCode::Up), Key::Char('k')],
        Action::Up,
        "↑/k",
        "move up"
    ),
    bind!(
        &[C::Gap],
        [Key::Code(KeyCode::Down), Key::Char('j')],
        Action::Down,
        "↓/j",
        "move down"
    ),
    bind!(
        &[C::Gap],
        [Key::Code(KeyCode::PageDown)],
        Action::PageDown,
        "PgDn/PgUp",
        "a page down or up"
    ),
    bind!(
        &[C::Gap],
        [Key::Code(KeyCode::PageUp)],
        Action::PageUp,
        "",
        "a page up"
    ),
    bind!(
        &[C::Gap],
        [Key::Code(KeyCode::Enter)],
        Action::Open,
        "Enter",
        "go to the highlighted item in the questionnaire",
        "go to item"
    ),
    bind!(
        &[C::Gap],
        [Key::Code(KeyCode::Esc), Key::Char('q'), Key::Char('r')],
        Action::Back,
        "Esc/q/r",
        "back to the results",
        "results"
    ),
    bind!(
        &[C::Gap],
        [Key::Char('?')],
        Action::Help,
        "?",
        "help: every key",
        "help"
    ),
    // The session plan.
    bind!(
        &[C::Item, C::Results],
        [Key::Char('T')],
        Action::TimePlan,
        "T",
        "time plan: the sections this session covers and a time box for each (saved at \
         once; the status line then keeps time and u keeps to the plan)",
        "plan"
    ),
    bind!(
        &[C::Plan],
        [Key::Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "keep the plan (saved at once; Ctrl-Z takes it back)",
        "keep"
    ),
    bind!(
        &[C::Plan],
        [Key::Code(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "close, leaving the plan as it was",
        "cancel"
    ),
    bind!(
        &[C::Plan],
        [Key::Code(KeyCode::Down), Key::Code(KeyCode::Tab)],
        Action::Down,
        "↓/Tab",
        "next row"
    ),
    bind!(
        &[C::Plan],
        [Key::Code(KeyCode::Up), Key::Code(KeyCode::BackTab)],
        Action::Up,
        "↑/Shift-Tab",
        "previous row"
    ),
    bind!(
        &[C::Plan],
        [Key::Code(KeyCode::PageDown)],
        Action::NextSession,
        "PgDn",
        "the plan's next session (after the last, a new one)",
        "session"
    ),
    bind!(
        &[C::Plan],
        [Key::Code(KeyCode::Backspace)],
        Action::Backspace,
        "Backspace",
        "delete a character of the name, or a digit of the minutes"
    ),
    bind!(
        &[C::Plan],
        [Key::Code(KeyCode::Left)],
        Action::Left,
        "←/→",
        "move the cursor in the name"
    ),
    bind!(
        &[C::Plan],
        [Key::Code(KeyCode::Right)],
        Action::Right,
        "",
        "move the cursor right"
    ),
];

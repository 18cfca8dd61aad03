//! The keys of the supplier portfolio and of a supplier's tier and services.

use ratatui::crossterm::event::KeyCode;

use super::{Binding, Context, Key};
use crate::tui::action::Action;

use Context as C;

/// The bindings of the portfolio and the supplier dialog, after those of [`super::table`].
pub static BINDINGS: &[Binding] = &[
    // The supplier portfolio (P at home is with the home keys), and a supplier's tier.
    bind!(
        &[C::Portfolio],
        [Key::Code(KeyCode::Enter)],
        Action::Open,
        "Enter",
        "open the highlighted supplier's assessment",
        "open"
    ),
    bind!(
        &[C::Portfolio],
        [Key::Char('t')],
        Action::CycleTier,
        "t",
        "show one tier: all, critical, high, medium, low, in turn",
        "tier"
    ),
    bind!(
        &[C::Portfolio],
        [Key::Char('/')],
        Action::FilterService,
        "/",
        "show only the suppliers a service depends on (asks for it; empty shows all)",
        "service"
    ),
    bind!(
        &[C::Portfolio],
        [Key::Code(KeyCode::Tab)],
        Action::NextTab,
        "Tab",
        "switch between the suppliers and the concentration and stale reviews",
        "concentration"
    ),
    bind!(
        &[C::Portfolio],
        [Key::Code(KeyCode::Left), Key::Char('h')],
        Action::Left,
        "←/h",
        "previous page of the heat map's areas"
    ),
    bind!(
        &[C::Portfolio],
        [Key::Code(KeyCode::Right), Key::Char('l')],
        Action::Right,
        "→/l",
        "next page of the heat map's areas"
    ),
    bind!(
        &[C::Portfolio],
        [Key::Code(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "back to home"
    ),
    bind!(
        &[C::ServiceFilter],
        [Key::Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "show only the suppliers of this service (empty: every supplier)",
        "filter"
    ),
    bind!(
        &[C::Item],
        [Key::Char('S')],
        Action::EditSupplier,
        "S",
        "the supplier's tier and services (a supplier assessment; saved at once, answers kept)"
    ),
    bind!(
        &[C::Supplier],
        [Key::Code(KeyCode::Enter)],
        Action::Confirm,
        "Enter",
        "save the tier and services (the questions follow the tier at once)",
        "save"
    ),
    bind!(
        &[C::Supplier],
        [
            Key::Code(KeyCode::Tab),
            Key::Code(KeyCode::BackTab),
            Key::Code(KeyCode::Down),
            Key::Code(KeyCode::Up)
        ],
        Action::Down,
        "Tab/↑/↓",
        "the other field"
    ),
];

//! Every style the app draws with, in one place: a calm colour theme, and a monochrome one
//! for `NO_COLOR` that sets no colours at all (focus shows by reverse video, bold, `>` and
//! `[x]`, never by colour alone).

use ratatui::style::{Color, Modifier, Style};

/// The styles of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: guidance, sources, hints.
    pub dim: Style,
    /// Titles and headings.
    pub title: Style,
    /// The question being asked.
    pub prompt: Style,
    /// Borders of panels.
    pub border: Style,
    /// The border of the panel with focus.
    pub border_focus: Style,
    /// The highlighted row (cursor).
    pub cursor: Style,
    /// A chosen option or a ticked check.
    pub chosen: Style,
    /// A filled part of a bar or gauge.
    pub bar: Style,
    /// The empty part of a bar.
    pub bar_empty: Style,
    /// A good figure (level reached, saved).
    pub good: Style,
    /// A figure that needs attention (gap, flag).
    pub warn: Style,
    /// An error message.
    pub error: Style,
    /// The status line.
    pub status: Style,
    /// A key name in hints and help.
    pub key: Style,
    /// Large type on the board view.
    pub big: Style,
    /// The heat map's cells by level, 0 to 3 (the cell also shows the level's digit).
    pub heat: [Style; 4],
    /// Whether the theme uses colour (false under `NO_COLOR`).
    pub colour: bool,
}

impl Theme {
    /// The colour theme: calm, high contrast, legible on a projector.
    pub fn colour() -> Self {
        let base = Style::new();
        Self {
            text: base,
            dim: base.fg(Color::Gray),
            title: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            prompt: base.add_modifier(Modifier::BOLD),
            border: base.fg(Color::DarkGray),
            border_focus: base.fg(Color::Cyan),
            cursor: base.fg(Color::Black).bg(Color::Cyan),
            chosen: base.fg(Color::Green).add_modifier(Modifier::BOLD),
            bar: base.fg(Color::Cyan),
            bar_empty: base.fg(Color::DarkGray),
            good: base.fg(Color::Green),
            warn: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: base
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            status: base.fg(Color::White).bg(Color::DarkGray),
            key: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            big: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heat: [
                base.fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(Modifier::BOLD),
                base.fg(Color::Black).bg(Color::Yellow),
                base.fg(Color::Black).bg(Color::LightGreen),
                base.fg(Color::Black).bg(Color::Green),
            ],
            colour: true,
        }
    }

    /// The monochrome theme for `NO_COLOR`: no colour anywhere, only bold and reverse.
    pub fn monochrome() -> Self {
        let base = Style::new();
        let bold = base.add_modifier(Modifier::BOLD);
        Self {
            text: base,
            dim: base,
            title: bold,
            prompt: bold,
            border: base,
            border_focus: bold,
            cursor: base.add_modifier(Modifier::REVERSED),
            chosen: bold,
            bar: base,
            bar_empty: base,
            good: base,
            warn: bold,
            error: bold.add_modifier(Modifier::REVERSED),
            status: base.add_modifier(Modifier::REVERSED),
            key: bold,
            big: bold,
            heat: [bold, base, base, base],
            colour: false,
        }
    }

    /// The theme the environment asks for: monochrome when `NO_COLOR` is set and not empty.
    pub fn from_env() -> Self {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Self::monochrome()
        } else {
            Self::colour()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_monochrome_theme_sets_no_colour() {
        let t = Theme::monochrome();
        for s in [
            t.text,
            t.dim,
            t.title,
            t.prompt,
            t.border,
            t.border_focus,
            t.cursor,
            t.chosen,
            t.bar,
            t.bar_empty,
            t.good,
            t.warn,
            t.error,
            t.status,
            t.key,
            t.big,
            t.heat[0],
            t.heat[1],
            t.heat[2],
            t.heat[3],
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert_ne!(t.cursor, t.text, "focus must still show");
    }
}

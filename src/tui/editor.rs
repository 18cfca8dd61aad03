//! The text fields: notes and text answers (many lines) and the one-line fields of the
//! dialogs. The editing itself is `ratatui-textarea`'s; this wraps it with the few
//! operations the app's actions ask for, and soft wrapping for display. Pure state; the app
//! decides when the text is saved.

use ratatui_textarea::{CursorMove, DataCursor, TextArea};

use super::action::Action;

/// The state of a text field being edited.
#[derive(Debug, Clone)]
pub struct Editor {
    // Boxed: a text area is large, and fields sit in the app's modes and effects.
    area: Box<TextArea<'static>>,
}

impl Default for Editor {
    fn default() -> Self {
        Self::new("")
    }
}

/// Two fields are the same when they hold the same text with the cursor at the same place
/// (what can be undone does not count).
impl PartialEq for Editor {
    fn eq(&self, other: &Self) -> bool {
        self.area.lines() == other.area.lines() && self.area.cursor() == other.area.cursor()
    }
}

impl Eq for Editor {}

impl Editor {
    /// Applies a one-line editing action: typing, pasting (line breaks become spaces),
    /// deleting, moving along the line. `Ok(changed)` says whether the text changed; an
    /// action that is not one of these comes back as the error.
    pub fn edit_line(&mut self, action: Action) -> Result<bool, Action> {
        let moves_only = matches!(
            action,
            Action::Left | Action::Right | Action::LineStart | Action::LineEnd
        );
        match action {
            Action::Input(c) => self.insert(c),
            Action::Paste(text) => self.paste(&text.replace(['\r', '\n'], " ")),
            Action::Backspace => self.backspace(),
            Action::DeleteChar => self.delete(),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::LineStart => self.home(),
            Action::LineEnd => self.end(),
            other => return Err(other),
        }
        Ok(!moves_only)
    }

    /// An editor holding `text`, with the cursor at its end.
    pub fn new(text: &str) -> Self {
        let mut area = TextArea::new(text.split('\n').map(String::from).collect());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Self {
            area: Box::new(area),
        }
    }

    /// The text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The lines of the text.
    pub fn lines(&self) -> &[String] {
        self.area.lines()
    }

    /// The cursor as (line, character in the line).
    pub fn cursor(&self) -> (usize, usize) {
        let DataCursor(row, col) = self.area.cursor();
        (row, col)
    }

    /// Types a character at the cursor (control characters are ignored).
    pub fn insert(&mut self, c: char) {
        if c == '\n' {
            self.newline();
        } else if !c.is_control() {
            self.area.insert_char(c);
        }
    }

    /// Inserts pasted text at the cursor (control characters other than newlines dropped).
    pub fn paste(&mut self, text: &str) {
        for c in crate::text::sanitize(text).chars() {
            self.insert(c);
        }
    }

    /// Splits the line at the cursor.
    pub fn newline(&mut self) {
        self.area.insert_newline();
    }

    /// Deletes the character before the cursor, joining lines at the start of one.
    pub fn backspace(&mut self) {
        self.area.delete_char();
    }

    /// Deletes the character under the cursor, joining the next line at the end of one.
    pub fn delete(&mut self) {
        self.area.delete_next_char();
    }

    /// Moves the cursor one character left (to the end of the line above at a line start).
    pub fn left(&mut self) {
        self.area.move_cursor(CursorMove::Back);
    }

    /// Moves the cursor one character right (to the start of the next line at a line end).
    pub fn right(&mut self) {
        self.area.move_cursor(CursorMove::Forward);
    }

    /// Moves the cursor one line up.
    pub fn up(&mut self) {
        self.area.move_cursor(CursorMove::Up);
    }

    /// Moves the cursor one line down.
    pub fn down(&mut self) {
        self.area.move_cursor(CursorMove::Down);
    }

    /// Moves the cursor to the start of its line.
    pub fn home(&mut self) {
        self.area.move_cursor(CursorMove::Head);
    }

    /// Moves the cursor to the end of its line.
    pub fn end(&mut self) {
        self.area.move_cursor(CursorMove::End);
    }

    /// The text wrapped at `width` characters, and the cursor's (row, column) in it.
    pub fn wrapped(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let width = width.max(1);
        let (row, col) = self.cursor();
        let mut out = Vec::new();
        let mut cursor = (0, 0);
        for (r, line) in self.lines().iter().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            if r == row {
                cursor = (out.len() + col / width, col % width);
            }
            if chars.is_empty() {
                out.push(String::new());
            }
            for chunk in chars.chunks(width) {
                out.push(chunk.iter().collect());
            }
            if chars.len().is_multiple_of(width)
                && !chars.is_empty()
                && r == row
                && col == chars.len()
            {
                out.push(String::new());
            }
        }
        (out, cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_edits_say_whether_the_text_changed() {
        let mut e = Editor::new("ab");
        assert_eq!(e.edit_line(Action::Input('c')), Ok(true));
        assert_eq!(e.edit_line(Action::LineStart), Ok(false));
        assert_eq!(e.edit_line(Action::Paste("x\r\ny".into())), Ok(true));
        assert_eq!(e.text(), "x  yabc");
        assert_eq!(e.lines().len(), 1, "a pasted line break stays on the line");
        assert_eq!(e.edit_line(Action::Confirm), Err(Action::Confirm));
    }

    #[test]
    fn typing_editing_and_joining_lines() {
        let mut e = Editor::new("");
        for c in "ab".chars() {
            e.insert(c);
        }
        e.newline();
        e.insert('é');
        e.insert('\u{1b}');
        assert_eq!(e.text(), "ab\né");
        e.home();
        e.backspace();
        assert_eq!(e.text(), "abé");
        assert_eq!(e.cursor(), (0, 2));
        e.delete();
        assert_eq!(e.text(), "ab");
        e.paste("x\u{1b}[2Jy\nz");
        assert_eq!(e.text(), "abxy\nz");
    }

    #[test]
    fn the_cursor_moves_across_lines_and_stops_at_the_ends() {
        let mut e = Editor::new("abc\nd");
        assert_eq!(e.cursor(), (1, 1), "a new editor's cursor is at the end");
        e.up();
        assert_eq!(e.cursor(), (0, 1));
        e.end();
        e.right();
        assert_eq!(
            e.cursor(),
            (1, 0),
            "right at a line's end goes to the next line"
        );
        e.left();
        assert_eq!(
            e.cursor(),
            (0, 3),
            "left at a line's start goes to the end above"
        );
        e.down();
        e.down();
        assert_eq!(e.cursor(), (1, 1));
        e.delete();
        assert_eq!(e.text(), "abc\nd", "nothing after the end to delete");
        assert_eq!(Editor::new("x"), Editor::new("x"));
    }

    #[test]
    fn wrapping_places_the_cursor() {
        let e = Editor::new("abcdef\ngh");
        let (lines, cursor) = e.wrapped(4);
        assert_eq!(lines, ["abcd", "ef", "gh"]);
        assert_eq!(cursor, (2, 2));
        let e = Editor::new("abcd");
        let (lines, cursor) = e.wrapped(4);
        assert_eq!(lines, ["abcd", ""]);
        assert_eq!(cursor, (1, 0));
    }
}

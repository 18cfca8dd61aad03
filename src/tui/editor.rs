//! A small multi-line text editor for notes and text answers: the text as lines, a cursor,
//! and soft wrapping for display. Pure state; the app decides when the text is saved.

use super::action::Action;

/// The state of a text field being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    lines: Vec<String>,
    row: usize,
    col: usize,
}

impl Default for Editor {
    fn default() -> Self {
        Self::new("")
    }
}

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
        let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        let row = lines.len() - 1;
        let col = lines[row].chars().count();
        Self { lines, row, col }
    }

    /// The text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// The lines of the text.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The cursor as (line, character in the line).
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    fn byte_at(&self, row: usize, col: usize) -> usize {
        self.lines[row]
            .char_indices()
            .nth(col)
            .map_or(self.lines[row].len(), |(i, _)| i)
    }

    fn line_len(&self, row: usize) -> usize {
        self.lines[row].chars().count()
    }

    /// Types a character at the cursor (control characters are ignored).
    pub fn insert(&mut self, c: char) {
        if c == '\n' {
            self.newline();
            return;
        }
        if c.is_control() {
            return;
        }
        let at = self.byte_at(self.row, self.col);
        self.lines[self.row].insert(at, c);
        self.col += 1;
    }

    /// Inserts pasted text at the cursor (control characters other than newlines dropped).
    pub fn paste(&mut self, text: &str) {
        for c in crate::text::sanitize(text).chars() {
            self.insert(c);
        }
    }

    /// Splits the line at the cursor.
    pub fn newline(&mut self) {
        let at = self.byte_at(self.row, self.col);
        let rest = self.lines[self.row].split_off(at);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
    }

    /// Deletes the character before the cursor, joining lines at the start of one.
    pub fn backspace(&mut self) {
        if self.col > 0 {
            let at = self.byte_at(self.row, self.col - 1);
            self.lines[self.row].remove(at);
            self.col -= 1;
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.line_len(self.row);
            self.lines[self.row].push_str(&line);
        }
    }

    /// Deletes the character under the cursor, joining the next line at the end of one.
    pub fn delete(&mut self) {
        if self.col < self.line_len(self.row) {
            let at = self.byte_at(self.row, self.col);
            self.lines[self.row].remove(at);
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
        }
    }

    /// Moves the cursor one character left (to the end of the line above at a line start).
    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.line_len(self.row);
        }
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        if self.col < self.line_len(self.row) {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// Moves the cursor one line up.
    pub fn up(&mut self) {
        if self.row > 0 {
            self.row -= 1;
            self.col = self.col.min(self.line_len(self.row));
        }
    }

    /// Moves the cursor one line down.
    pub fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = self.col.min(self.line_len(self.row));
        }
    }

    /// Moves the cursor to the start of its line.
    pub fn home(&mut self) {
        self.col = 0;
    }

    /// Moves the cursor to the end of its line.
    pub fn end(&mut self) {
        self.col = self.line_len(self.row);
    }

    /// The text wrapped at `width` characters, and the cursor's (row, column) in it.
    pub fn wrapped(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let width = width.max(1);
        let mut out = Vec::new();
        let mut cursor = (0, 0);
        for (r, line) in self.lines.iter().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            if r == self.row {
                cursor = (out.len() + self.col / width, self.col % width);
            }
            if chars.is_empty() {
                out.push(String::new());
            }
            for chunk in chars.chunks(width) {
                out.push(chunk.iter().collect());
            }
            if chars.len().is_multiple_of(width)
                && !chars.is_empty()
                && r == self.row
                && self.col == chars.len()
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

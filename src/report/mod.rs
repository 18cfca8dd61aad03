//! The board pack written out: its content is worked out in the core ([`crate::pack`]); this
//! edge writes it as HTML, Markdown, CSV or JSON, and words what changed since an earlier
//! assessment ([`since`]). No terminal, no files: the caller writes the text where it goes.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod since;

pub use crate::pack::BoardPack;

/// The formats a board pack can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML page with inline CSS and SVG charts.
    Html,
    /// Markdown, readable as plain text.
    Markdown,
    /// One row per item, RFC 4180.
    Csv,
    /// The score report plus every answer, for other tools.
    Json,
}

impl Format {
    /// Whether the appendix (everything item by item) is in the pack unless asked
    /// otherwise: yes for every format here (HTML by choice; Markdown, CSV and JSON always
    /// list every answer). A format made for editing, such as a Word document, says no.
    pub fn appendix_by_default(self) -> bool {
        true
    }
}

/// How a board pack is written besides its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Include the appendix: everything item by item (`--appendix` / `--no-appendix`).
    pub appendix: bool,
}

impl Options {
    /// The defaults of a format.
    pub fn of(format: Format) -> Self {
        Self {
            appendix: format.appendix_by_default(),
        }
    }
}

/// Writes a board pack in a format, with the format's default options.
pub fn render(pack: &BoardPack, format: Format) -> String {
    render_with(pack, format, Options::of(format))
}

/// Writes a board pack in a format with the given options. The appendix option applies to
/// HTML (and to Word once it is written); Markdown, CSV and JSON carry every answer.
pub fn render_with(pack: &BoardPack, format: Format, options: Options) -> String {
    match format {
        Format::Html => html::render(pack, options.appendix),
        Format::Markdown => markdown::render(pack),
        Format::Csv => csv::render(pack),
        Format::Json => json::render(pack),
    }
}

//! The board pack written out: its content is worked out in the core ([`crate::pack`]); this
//! edge writes it as HTML, Markdown, CSV, JSON or a Word document, and words what changed
//! since an earlier assessment ([`since`]). Markdown and Word print the same decision paper
//! ([`paper`]). No terminal, no files: the caller writes the text where it goes.

pub mod csv;
pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod paper;
pub mod since;

pub use crate::pack::BoardPack;

/// The formats a board pack can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML page with inline CSS and SVG charts.
    Html,
    /// Markdown, readable as plain text; with the appendix (every answer).
    Markdown,
    /// One row per item, RFC 4180.
    Csv,
    /// The score report plus every answer, for other tools.
    Json,
}

/// Writes a board pack in a format.
pub fn render(pack: &BoardPack, format: Format) -> String {
    match format {
        Format::Html => html::render(pack),
        Format::Markdown => markdown::render(pack, true),
        Format::Csv => csv::render(pack),
        Format::Json => json::render(pack),
    }
}

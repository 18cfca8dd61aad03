//! The board pack as a Word document (`.docx`), made with [`docx_rs`]: the decision paper
//! ([`super::paper`]) with Word's built-in styles — Title, Heading 1 to 3 (style ids
//! `Heading1`…), Quote, List Bullet — so that a secretary's own template restyles it, and
//! real tables: the levels, the areas against their target (the bar chart as a table), what
//! matters most and the action plan.
//!
//! Each page's foot names the assessment and numbers the page ("page 2 of 7").
//!
//! `docx_rs` escapes the XML; what XML 1.0 forbids (most control characters) is taken out
//! here before any text goes in. The document is the same, byte for byte, for the same pack:
//! it carries no time of writing.

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, NumPages, PageNum, Paragraph, Run, RunFonts, Shading,
    Style, StyleType, Table as WordTable, TableCell, TableRow, WidthType,
};

use super::paper::{self, Block, Records, Span, Table};
use crate::pack::BoardPack;

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);

/// The text width of an A4 page with Word's default margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9_026;

/// The shading of a table's header row and of a row that stands out.
const HEADER_FILL: &str = "D9D9D9";

/// Writes the board pack as a `.docx` file's bytes; with `appendix`, every answer follows
/// the board part.
pub fn render(pack: &BoardPack, appendix: bool) -> std::io::Result<Vec<u8>> {
    let foot = Paragraph::new()
        .add_run(
            Run::new()
                .add_text(xml_text(&format!(
                    "Board pack: {} · page ",
                    pack.assessment.name
                )))
                .size(16),
        )
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" of ").size(16))
        .add_num_pages(NumPages::new());
    let mut doc = styles(Docx::new())
        .footer(Footer::new().add_paragraph(foot))
        .page_size(A4.0, A4.1)
        .default_size(21)
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri"));
    for b in paper::paper(pack, appendix) {
        doc = add_block(doc, &b);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(std::io::Error::other)?;
    Ok(out.into_inner())
}

/// Word's built-in styles the paper uses, by their built-in names, so that a template's own
/// definitions of them apply.
fn styles(doc: Docx) -> Docx {
    let heading = |id: &str, name: &str, outline: usize, size: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(outline)
            .size(size)
            .bold()
    };
    doc.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(40),
    )
    .add_style(heading("Heading1", "heading 1", 0, 32))
    .add_style(heading("Heading2", "heading 2", 1, 26))
    .add_style(heading("Heading3", "heading 3", 2, 22))
    .add_style(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .q_format(true)
            .italic()
            .indent(Some(720), None, None, None),
    )
    .add_style(
        Style::new("ListBullet", StyleType::Paragraph)
            .name("List Bullet")
            .based_on("Normal")
            .indent(Some(360), None, None, None),
    )
}

/// Text as XML 1.0 allows it: control characters other than tab and line breaks, and the
/// non-characters U+FFFE and U+FFFF, are taken out.
pub fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !(matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}')
                || matches!(c, '\u{fffe}' | '\u{ffff}'))
        })
        .collect()
}

/// Runs for a piece of text: line breaks become breaks within the paragraph.
fn runs(text: &str, style: impl Fn(Run) -> Run) -> Vec<Run> {
    let text = xml_text(text);
    let mut out = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if n > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        out.push(style(run.add_text(line.trim_end_matches('\r'))));
    }
    out
}

fn span_runs(span: &Span) -> Vec<Run> {
    match span {
        Span::Plain(t) => runs(t, |r| r),
        Span::Strong(t) => runs(t, Run::bold),
        Span::Emph(t) => runs(t, Run::italic),
        Span::Code(t) => runs(t, |r| {
            r.fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"))
        }),
    }
}

fn paragraph(spans: &[Span]) -> Paragraph {
    spans
        .iter()
        .flat_map(span_runs)
        .fold(Paragraph::new(), Paragraph::add_run)
}

fn text_paragraph(text: &str) -> Paragraph {
    runs(text, |r| r)
        .into_iter()
        .fold(Paragraph::new(), Paragraph::add_run)
}

fn add_block(doc: Docx, b: &Block) -> Docx {
    match b {
        Block::Heading(level, text) => {
            let style = match level {
                1 => "Title",
                2 => "Heading1",
                3 => "Heading2",
                _ => "Heading3",
            };
            doc.add_paragraph(text_paragraph(text).style(style).keep_next(true))
        }
        Block::Para(spans) => doc.add_paragraph(paragraph(spans)),
        Block::Lines(lines) => {
            let mut p = Paragraph::new();
            for (n, line) in lines.iter().enumerate() {
                if n > 0 {
                    p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
                }
                for run in line.iter().flat_map(span_runs) {
                    p = p.add_run(run);
                }
            }
            doc.add_paragraph(p)
        }
        Block::Bullets(items) => items.iter().fold(doc, |doc, item| {
            let mut spans = vec![Span::Plain("• ".into())];
            spans.extend(item.iter().cloned());
            doc.add_paragraph(paragraph(&spans).style("ListBullet"))
        }),
        Block::Table(t) => doc.add_table(table(t)),
        Block::Records(r) => doc.add_table(records(r)),
        Block::Quote(text) => text.split("\n\n").fold(doc, |doc, part| {
            doc.add_paragraph(text_paragraph(part.trim()).style("Quote"))
        }),
        Block::PageBreak => {
            doc.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
        }
    }
}

/// Column widths in proportion to `weights`, filling the text width.
fn grid(weights: &[usize]) -> Vec<usize> {
    let total: usize = weights.iter().sum::<usize>().max(1);
    weights.iter().map(|w| TEXT_WIDTH * w / total).collect()
}

/// A table of `rows` on the grid `widths`, each cell as wide as its column.
fn word_table(rows: Vec<Vec<TableCell>>, widths: &[usize], header_rows: usize) -> WordTable {
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(n, cells)| {
            let row = TableRow::new(
                cells
                    .into_iter()
                    .zip(widths)
                    .map(|(c, w)| c.width(*w, WidthType::Dxa))
                    .collect(),
            );
            if n < header_rows {
                row.cant_split()
            } else {
                row
            }
        })
        .collect();
    WordTable::new(rows)
        .set_grid(widths.to_vec())
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// A cell of one or more paragraphs.
fn cell(paragraphs: Vec<Paragraph>, header: bool) -> TableCell {
    let mut c = paragraphs
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph);
    if header {
        c = c.shading(Shading::new().fill(HEADER_FILL));
    }
    c
}

fn header_cells(names: impl IntoIterator<Item = String>) -> Vec<TableCell> {
    names
        .into_iter()
        .map(|n| cell(vec![paragraph(&[Span::Strong(n)])], true))
        .collect()
}

fn table(t: &Table) -> WordTable {
    // Wider columns for longer text, within bounds so that no column vanishes.
    let weights: Vec<usize> = (0..t.header.len())
        .map(|c| {
            let longest = std::iter::once(&t.header[c])
                .chain(t.rows.iter().filter_map(|r| r.get(c)))
                .map(|x| x.chars().count())
                .max()
                .unwrap_or(0);
            (longest / 8).clamp(2, 8)
        })
        .collect();
    let mut rows = vec![header_cells(t.header.iter().cloned())];
    for (n, row) in t.rows.iter().enumerate() {
        let marked = t.marked == Some(n);
        rows.push(
            row.iter()
                .map(|c| {
                    let span = if marked {
                        Span::Strong(c.clone())
                    } else {
                        Span::Plain(c.clone())
                    };
                    cell(vec![paragraph(&[span])], marked)
                })
                .collect(),
        );
    }
    word_table(rows, &grid(&weights), t.rows.len() + 1)
}

/// Entries as a table: a number, the title, a column per short field, and the details
/// (and note) stacked in a last column.
fn records(r: &Records) -> WordTable {
    let with_details = r
        .rows
        .iter()
        .any(|row| !row.details.is_empty() || row.note.is_some());
    let mut header: Vec<String> = vec!["#".into(), r.title.into()];
    header.extend(r.columns.iter().map(|c| (*c).to_string()));
    let mut weights = vec![1, 6];
    weights.extend(r.columns.iter().map(|_| 3));
    if with_details {
        header.push("Details".into());
        weights.push(8);
    }
    let mut rows = vec![header_cells(header)];
    for (n, row) in r.rows.iter().enumerate() {
        let mut cells = vec![
            cell(
                vec![text_paragraph(&(n + 1).to_string()).align(AlignmentType::Right)],
                false,
            ),
            cell(vec![paragraph(&[Span::Strong(row.title.clone())])], false),
        ];
        cells.extend(
            row.columns
                .iter()
                .map(|c| cell(vec![text_paragraph(c)], false)),
        );
        if with_details {
            let mut details: Vec<Paragraph> = row
                .details
                .iter()
                .map(|(k, v)| paragraph(&[Span::Strong(format!("{k}: ")), Span::Plain(v.clone())]))
                .collect();
            if let Some(note) = &row.note {
                details.push(paragraph(&[
                    Span::Strong("Note: ".into()),
                    Span::Emph(note.clone()),
                ]));
            }
            if details.is_empty() {
                details.push(Paragraph::new());
            }
            cells.push(cell(details, false));
        }
        rows.push(cells);
    }
    word_table(rows, &grid(&weights), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_xml_forbids_is_taken_out() {
        assert_eq!(
            xml_text("a\u{0}b\u{7}c\u{1b}[1m\td\ne\u{fffe}\u{ffff}"),
            "abc[1m\td\ne"
        );
    }

    #[test]
    fn line_breaks_become_breaks() {
        assert_eq!(runs("one\ntwo", |r| r).len(), 2);
    }
}

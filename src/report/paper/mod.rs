//! The decision paper laid out once for the formats that print it from top to bottom —
//! Markdown and Word: headings, paragraphs, lists and tables holding the board pack's own
//! words, in the order a board reads them. Page one (where we stand, decisions requested,
//! against the target, what matters most, the counts, the levels in one line), then the
//! action plan, the level definitions in full, and with the appendix what changed since an
//! earlier assessment and every answer.
//!
//! Nothing here works out a figure: every figure and count sentence comes from the model
//! ([`crate::pack`]) or from [`crate::figures`]. Each writer escapes the text for its format.

mod appendix;
mod back;
mod page_one;
mod portfolio;
pub(crate) mod workshop;

use crate::pack::{BoardPack, display_time};

use appendix::every_answer;
use back::{board_answers, levels_full, method, plan, since};
use page_one::{against_target, counts, decisions, levels_short, standing, top};

pub use page_one::bar;

/// A piece of text in a paragraph, with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Plain text.
    Plain(String),
    /// Strong (bold) text.
    Strong(String),
    /// An identifier, in a fixed-width font.
    Code(String),
    /// Emphasised (italic) text.
    Emph(String),
}

/// A table of plain cells with a header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The column headings.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
    /// A row to stand out (where we stand, in the table of levels).
    pub marked: Option<usize>,
}

/// A numbered list of entries that each have a title, a few short fields and details: the
/// action plan and what matters most. Markdown writes it as a numbered list, Word as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records {
    /// The heading of the title column ("Action").
    pub title: &'static str,
    /// The names of the short fields, each a column in a table.
    pub columns: Vec<&'static str>,
    /// The entries.
    pub rows: Vec<Record>,
}

/// One entry of [`Records`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// What the entry is (an action in the imperative).
    pub title: String,
    /// The short fields, one per column of [`Records::columns`].
    pub columns: Vec<String>,
    /// Longer fields as (name, text), only those that hold something.
    pub details: Vec<(&'static str, String)>,
    /// A note that may span lines.
    pub note: Option<String>,
}

/// One block of the paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading: 1 is the paper's title, 2 a part, 3 a section within it, 4 a group.
    Heading(u8, String),
    /// A paragraph.
    Para(Vec<Span>),
    /// Lines of one paragraph, kept apart by line breaks.
    Lines(Vec<Vec<Span>>),
    /// A bulleted list, one paragraph per bullet.
    Bullets(Vec<Vec<Span>>),
    /// A table.
    Table(Table),
    /// A numbered list of entries with fields.
    Records(Records),
    /// Text that may span lines (a board's answer, a note), set apart as a quotation.
    Quote(String),
    /// Where a printed paper starts a new page.
    PageBreak,
}

pub(super) fn plain(text: impl Into<String>) -> Span {
    Span::Plain(text.into())
}

pub(super) fn strong(text: impl Into<String>) -> Span {
    Span::Strong(text.into())
}

/// An action's short fields, in the order of the plan's and page one's columns: why, owner,
/// due, status, and with a comparison, since when.
pub(super) fn action_columns(x: &crate::pack::PlanAction, compared: bool) -> Vec<String> {
    let mut columns = vec![
        x.why.clone(),
        x.owner_text.clone(),
        x.due_text.clone(),
        x.status_text.to_string(),
    ];
    if compared {
        columns.push(x.since_text.clone().unwrap_or_default());
    }
    columns
}

/// A sentence from the model with its full stop, unless it has one already.
pub(super) fn sentence(text: &str) -> String {
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// The decision paper of a pack; with `appendix`, every answer follows, item by item.
pub fn paper(pack: &BoardPack, appendix: bool) -> Vec<Block> {
    let mut out = Vec::new();
    title(&mut out, pack);
    standing(&mut out, pack);
    decisions(&mut out, pack);
    against_target(&mut out, pack);
    top(&mut out, pack);
    portfolio::top_risks(&mut out, pack);
    counts(&mut out, pack);
    levels_short(&mut out, pack);
    out.push(Block::PageBreak);
    // A workshop's record comes before the long action plan.
    workshop::board_part(&mut out, pack, appendix);
    plan(&mut out, pack);
    board_answers(&mut out, pack);
    levels_full(&mut out, pack);
    method(&mut out, pack);
    portfolio::section(&mut out, pack);
    if appendix {
        out.push(Block::PageBreak);
        since(&mut out, pack);
        workshop::appendix(&mut out, pack);
        every_answer(&mut out, pack);
    }
    out
}

fn title(out: &mut Vec<Block>, pack: &BoardPack) {
    let a = &pack.assessment;
    out.push(Block::Heading(
        1,
        format!("Supplier security board pack: {}", a.name),
    ));
    let mut lines = Vec::new();
    if let Some(supplier) = &a.supplier {
        lines.push(vec![strong(supplier)]);
    }
    if !a.organisation.is_empty() {
        lines.push(vec![strong(&a.organisation)]);
    }
    lines.push(vec![
        plain("Assessment "),
        Span::Code(a.id.clone()),
        plain(format!(
            ", created {}, last changed {}.",
            display_time(&a.created),
            display_time(&a.updated)
        )),
    ]);
    if let Some(r) = &a.respondent {
        lines.push(vec![plain(format!("Answers given by {r}."))]);
    }
    out.push(Block::Lines(lines));
}

//! `supplycheck report`: the board pack as HTML, Markdown, CSV, JSON or a Word document.

use std::io::IsTerminal as _;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, ValueEnum};

use super::Globals;
use crate::pack::PortfolioSection;
use crate::report::{self, BoardPack, Format};
use crate::store;

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The assessment's id, or the path of its file
    #[arg(value_name = "ID|PATH")]
    pub assessment: String,

    /// The report's format
    #[arg(long, value_enum)]
    pub format: ReportFormat,

    /// Write the report to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Say what changed since an earlier assessment (its id, or the path of its file)
    #[arg(long, value_name = "EARLIER")]
    pub compare: Option<String>,

    /// Include the appendix, everything item by item (the default for HTML and Markdown)
    #[arg(long, overrides_with = "no_appendix")]
    pub appendix: bool,

    /// Leave the appendix out: the board part only (the default for Word)
    #[arg(long, overrides_with = "appendix")]
    pub no_appendix: bool,

    /// Add the supplier portfolio: top risks by supplier on page one, every supplier in a
    /// section of its own (not with --format csv)
    #[arg(long)]
    pub portfolio: bool,

    /// With --portfolio: read the supplier assessments from this folder instead of the data
    /// directory
    #[arg(long, value_name = "DIR", requires = "portfolio")]
    pub from: Option<PathBuf>,

    /// With --portfolio: judge reviews as of this day (YYYY-MM-DD, start of the day in UTC)
    /// [default: now]
    #[arg(long, value_name = "DAY", requires = "portfolio")]
    pub as_of: Option<String>,
}

impl ReportArgs {
    /// Whether the appendix goes in: as the flags ask, else the format's default (no for a
    /// Word document, which a board reads on paper).
    fn appendix(&self) -> bool {
        if self.appendix {
            true
        } else if self.no_appendix {
            false
        } else {
            self.format.text().is_some_and(Format::appendix_by_default)
        }
    }
}

/// The formats of `report --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained web page with charts; prints cleanly on A4
    Html,
    /// Markdown, readable as plain text
    #[value(alias = "markdown")]
    Md,
    /// One row per item, for spreadsheets
    Csv,
    /// The score report and every answer, for other tools
    Json,
    /// A Word document (.docx) with Word's own heading styles, to edit and print
    #[value(alias = "word")]
    Docx,
}

impl ReportFormat {
    /// The text format it is; `None` for a Word document, which is binary.
    fn text(self) -> Option<Format> {
        match self {
            ReportFormat::Html => Some(Format::Html),
            ReportFormat::Md => Some(Format::Markdown),
            ReportFormat::Csv => Some(Format::Csv),
            ReportFormat::Json => Some(Format::Json),
            ReportFormat::Docx => None,
        }
    }
}

/// Why a Word document is not written to a terminal.
pub const DOCX_TO_TERMINAL: &str = "a Word document is binary and is not printed to a \
terminal; write it to a file with -o FILE (e.g. -o board-pack.docx), or send standard output \
to a file or another program";

/// Why `--portfolio` is not written as CSV.
pub const PORTFOLIO_CSV: &str = "--portfolio is not written as CSV: a CSV board pack is one \
row per item of one assessment. Use --format html, md, docx or json for the pack with its \
portfolio, or `supplycheck portfolio --json` for the supplier rows alone";

/// `supplycheck report`.
pub fn report(g: &Globals, args: &ReportArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    if let Some(file) = &args.output {
        ws.store.check_output(file)?;
    } else if args.format == ReportFormat::Docx && std::io::stdout().is_terminal() {
        anyhow::bail!(DOCX_TO_TERMINAL);
    }
    if args.portfolio && args.format == ReportFormat::Csv {
        anyhow::bail!(PORTFOLIO_CSV);
    }
    let (_, a) = super::load_reporting(&ws, &args.assessment)?;
    let mut pack = match &args.compare {
        None => BoardPack::build(&ws, &a),
        Some(earlier) => {
            let (_, before) = super::load_reporting(&ws, earlier).with_context(|| {
                format!(
                    "cannot compare with the earlier assessment \"{}\"",
                    crate::text::sanitize_line(earlier)
                )
            })?;
            BoardPack::build_compared(&ws, &a, &before)
        }
    };
    if args.portfolio {
        let (folder, p) = super::portfolio_cmd::gather(
            &ws,
            args.from.as_deref(),
            args.as_of.as_deref(),
            &[],
            &[],
            None,
        )?;
        pack.later.portfolio = Some(PortfolioSection::build(&ws.catalog, &folder, p));
    }
    let appendix = args.appendix();
    let bytes = match args.format.text() {
        Some(format) => {
            report::render_with(&pack, format, report::Options { appendix }).into_bytes()
        }
        None => report::docx::render(&pack, appendix)
            .context("the Word document could not be put together")?,
    };
    if let Some(file) = &args.output {
        // Checked again just before writing: the file may have changed meanwhile.
        ws.store.check_output(file)?;
        store::write_atomic(file, &bytes, false).with_context(|| {
            format!(
                "the report was not written to {}; check that its folder exists and \
                 can be written to",
                file.display()
            )
        })?;
        super::out::note(&format!("Wrote {}", file.display()));
        return Ok(());
    }
    if args.format == ReportFormat::Json {
        let text = String::from_utf8_lossy(&bytes);
        super::out::bytes(crate::text::json_safe(&text).as_bytes())?;
    } else {
        super::out::bytes(&bytes)?;
    }
    Ok(())
}

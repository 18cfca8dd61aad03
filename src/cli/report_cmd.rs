//! `supplycheck report`: the board pack as HTML, Markdown, CSV or JSON.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, ValueEnum};

use super::Globals;
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

    /// Include the appendix, everything item by item (the default for HTML)
    #[arg(long, overrides_with = "no_appendix")]
    pub appendix: bool,

    /// Leave the appendix out: the board part only
    #[arg(long, overrides_with = "appendix")]
    pub no_appendix: bool,
}

impl ReportArgs {
    /// The writing options the flags ask for, the format's defaults otherwise.
    fn options(&self) -> report::Options {
        let format: Format = self.format.into();
        let mut options = report::Options::of(format);
        if self.appendix {
            options.appendix = true;
        }
        if self.no_appendix {
            options.appendix = false;
        }
        options
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
}

impl From<ReportFormat> for Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Html => Format::Html,
            ReportFormat::Md => Format::Markdown,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Json => Format::Json,
        }
    }
}

/// `supplycheck report`.
pub fn report(g: &Globals, args: &ReportArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    if let Some(file) = &args.output {
        ws.store.check_output(file)?;
    }
    let (_, a) = super::load_reporting(&ws, &args.assessment)?;
    let pack = match &args.compare {
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
    let text = report::render_with(&pack, args.format.into(), args.options());
    if let Some(file) = &args.output {
        // Checked again just before writing: the file may have changed meanwhile.
        ws.store.check_output(file)?;
        store::write_atomic(file, text.as_bytes(), false).with_context(|| {
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
        super::out::bytes(crate::text::json_safe(&text).as_bytes())?;
    } else {
        super::out::bytes(text.as_bytes())?;
    }
    Ok(())
}

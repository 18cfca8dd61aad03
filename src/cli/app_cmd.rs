//! The full-screen app's commands: `supplycheck` (home) and `open`; with `--plain`, plain mode.

use clap::Args;

use super::{Globals, interactive};

/// Arguments of `open`.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The assessment's id, or the path of its file
    #[arg(value_name = "ID|PATH")]
    pub assessment: String,
}

/// Why the full screen cannot start without a terminal, and what to do instead.
const NO_TERMINAL: &str = "the full-screen app needs a terminal on standard input and output.\n  \
     Run it in a terminal, or use `supplycheck --plain` for line-by-line questions \
     (scripts can use `supplycheck answer`).";

/// `supplycheck` with no command.
pub fn home(g: &Globals) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    if g.plain {
        return crate::plain::run(&ws, None);
    }
    if !interactive() {
        anyhow::bail!(NO_TERMINAL);
    }
    crate::tui::run(ws, &crate::tui::Start::Home)
}

/// `supplycheck open`.
pub fn open(g: &Globals, args: &OpenArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    if g.plain {
        return crate::plain::run(&ws, Some(&args.assessment));
    }
    if !interactive() {
        anyhow::bail!(NO_TERMINAL);
    }
    crate::tui::run(ws, &crate::tui::Start::Open(args.assessment.clone()))
}

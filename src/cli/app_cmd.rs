//! The full-screen app's commands: `supplycheck` (home) and `open`; with `--plain`, plain mode.

use clap::Args;

use super::Globals;

/// Arguments of `open`.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The assessment's id, or the path of its file
    #[arg(value_name = "ID|PATH")]
    pub assessment: String,
}

/// `supplycheck` with no command.
pub fn home(g: &Globals) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    if g.plain {
        return crate::plain::run(&ws, None);
    }
    anyhow::bail!("the full-screen app is not built yet")
}

/// `supplycheck open`.
pub fn open(g: &Globals, args: &OpenArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    if g.plain {
        return crate::plain::run(&ws, Some(&args.assessment));
    }
    anyhow::bail!("the full-screen app is not built yet")
}

//! The full-screen app's commands: `supplycheck` (home) and `open`.

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
pub fn home(_g: &Globals) -> anyhow::Result<()> {
    anyhow::bail!("the full-screen app is not built yet")
}

/// `supplycheck open`.
pub fn open(_g: &Globals, _args: &OpenArgs) -> anyhow::Result<()> {
    anyhow::bail!("the full-screen app is not built yet")
}

//! `supplycheck report`.

use clap::Args;

use super::Globals;

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The assessment's id, or the path of its file
    #[arg(value_name = "ID|PATH")]
    pub assessment: String,
}

/// `supplycheck report`.
pub fn report(_g: &Globals, _args: &ReportArgs) -> anyhow::Result<()> {
    anyhow::bail!("reports are not built yet")
}

//! `supplycheck rename`: a new name for an assessment; its id and file stay.

use anyhow::Context as _;
use clap::Args;

use super::{Globals, out};
use crate::text::sanitize_line;

/// Arguments of `rename`.
#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The assessment's id, or the path of its file
    #[arg(value_name = "ID|PATH")]
    pub assessment: String,
    /// The new name
    #[arg(value_name = "NEW-NAME")]
    pub name: String,
}

/// `supplycheck rename`.
pub fn rename(g: &Globals, args: &RenameArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let mut session = ws.edit(&args.assessment)?;
    let before = session.assessment.name.clone();
    session
        .assessment
        .rename(&args.name)
        .map_err(|e| anyhow::anyhow!("{e}; {} keeps its name", session.path.display()))?;
    session
        .save()
        .with_context(|| format!("the new name was not saved to {}", session.path.display()))?;
    out::text(&format!(
        "Renamed \"{}\" to \"{}\" (id {}, {}).\n",
        sanitize_line(&before),
        sanitize_line(&session.assessment.name),
        session.assessment.id,
        session.path.display()
    ))?;
    Ok(())
}

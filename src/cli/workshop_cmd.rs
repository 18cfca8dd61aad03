//! `supplycheck compare` and `merge`.

use clap::Args;

use super::Globals;

/// Arguments of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier assessment
    pub a: String,
    /// The later assessment
    pub b: String,
}

/// Arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The assessments to merge
    pub inputs: Vec<String>,
}

/// `supplycheck compare`.
pub fn compare(_g: &Globals, _args: &CompareArgs) -> anyhow::Result<()> {
    anyhow::bail!("compare is not built yet")
}

/// `supplycheck merge`.
pub fn merge(_g: &Globals, _args: &MergeArgs) -> anyhow::Result<()> {
    anyhow::bail!("merge is not built yet")
}

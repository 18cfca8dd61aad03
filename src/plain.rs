//! Plain mode: line-by-line questions with dialoguer, for screen readers and terminals where
//! a full screen does not work.

use crate::workspace::Workspace;

/// Runs plain mode: on the assessment `id_or_path`, or (when `None`) after picking or
/// creating one.
pub fn run(_ws: &Workspace, _id_or_path: Option<&str>) -> anyhow::Result<()> {
    anyhow::bail!("plain mode is not built yet")
}

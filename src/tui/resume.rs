//! Where each assessment was left, so that reopening it resumes at that item: a small file
//! `positions.json` in the data directory, `{"<assessment id>": "<questionnaire>/<item>"}`.
//! It is a convenience: a file that cannot be read or written only means starting at the
//! first item without an answer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file's name in the data directory.
pub const FILE: &str = crate::store::ROOT_FILES[1].0;

fn path(root: &Path) -> PathBuf {
    root.join(FILE)
}

/// The positions kept in the data directory `root` (none when there is no readable file).
pub fn read(root: &Path) -> BTreeMap<String, String> {
    std::fs::read(path(root))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Keeps `positions` in the data directory `root`; says why when it cannot.
pub fn write(root: &Path, positions: &BTreeMap<String, String>) -> Result<(), String> {
    if positions.is_empty() || !root.is_dir() {
        return Ok(());
    }
    let bytes = serde_json::to_vec_pretty(positions).map_err(|e| e.to_string())?;
    crate::store::write_atomic(&path(root), &bytes, false).map_err(|e| e.to_string())
}

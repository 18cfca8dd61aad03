//! Copies from the source documents: the runs of words a text shares with them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Length of the word run that may not be shared with a source document.
const RUN: usize = 8;

/// Words: runs of letters and digits, lower-cased; everything else separates.
pub(super) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every run of `RUN` consecutive words in the texts.
pub(super) fn runs(texts: &[String]) -> HashSet<String> {
    let mut out = HashSet::new();
    for t in texts {
        let w = words(t);
        for window in w.windows(RUN) {
            out.insert(window.join(" "));
        }
    }
    out
}

/// The runs of `RUN` words in `text` that also occur in the source runs.
pub(super) fn shared_runs(text: &str, source: &HashSet<String>) -> Vec<String> {
    words(text)
        .windows(RUN)
        .map(|w| w.join(" "))
        .filter(|r| source.contains(r))
        .collect()
}

/// The text of every `.txt` source document in `dir`, in file-name order.
pub(super) fn seed_texts(dir: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

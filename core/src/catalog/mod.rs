//! The questionnaires available to a run: the built-ins compiled into the binary, the files
//! in the data directory's `questionnaires/` folder, and files named on the command line.
//!
//! A questionnaire is known by its id and version; several versions of one id sit side by
//! side, so an assessment is always scored against the version it was answered on.

mod answers;

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use crate::assessment::{Assessment, QuestionnaireRef};
use crate::questionnaire::{Finding, Origin, Questionnaire, QuestionnaireError, Scope};
use crate::text::sanitize_line;

pub use answers::resolve_item;

/// The longest id a questionnaire may have: it becomes part of a file name.
pub const MAX_ID_LEN: usize = 64;

/// The longest version a questionnaire copied into the data directory may have.
pub const MAX_VERSION_LEN: usize = 64;

/// How many differences a conflict message names before it summarises the rest.
const DIFFERENCES_SHOWN: usize = 8;

/// The built-in questionnaires as (id, JSON text), in the order a new assessment uses them.
pub const BUILT_INS: [(&str, &str); 3] = [
    (
        "ncsc-board",
        include_str!("../../../questionnaires/ncsc-board.json"),
    ),
    (
        "cfcs-phases",
        include_str!("../../../questionnaires/cfcs-phases.json"),
    ),
    (
        "cert-exd",
        include_str!("../../../questionnaires/cert-exd.json"),
    ),
];

/// Earlier versions of the built-in questionnaires, as (id, JSON text): every version the
/// program has shipped stays inside it, so an assessment answered on one is still scored
/// against it after the built-ins move on. When a built-in's version changes, its old file
/// is kept as `questionnaires/archive/<id>@<version>.json` and named here, one line each, e.g.
/// `("ncsc-board", include_str!("../../../questionnaires/archive/ncsc-board@1.0.0.json")),`.
/// An archived file whose id and version are a current built-in's adds nothing: the current
/// one is loaded first, so an archive may be filled before the built-ins move on.
pub const ARCHIVED: [(&str, &str); 3] = [
    (
        "ncsc-board",
        include_str!("../../../questionnaires/archive/ncsc-board@1.0.0.json"),
    ),
    (
        "cfcs-phases",
        include_str!("../../../questionnaires/archive/cfcs-phases@1.0.0.json"),
    ),
    (
        "cert-exd",
        include_str!("../../../questionnaires/archive/cert-exd@1.0.0.json"),
    ),
];

/// A loaded questionnaire and where it came from.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The questionnaire.
    pub questionnaire: Questionnaire,
    /// Built-in or a file.
    pub origin: Origin,
    /// Validation warnings.
    pub warnings: Vec<Finding>,
}

/// Every questionnaire a run can use, with the problems met while loading them.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    /// Files that could not be loaded (they are left out).
    pub problems: Vec<CatalogProblem>,
}

/// A questionnaire file left out of the catalog, and why.
#[derive(Debug, Clone)]
pub struct CatalogProblem {
    /// The file.
    pub file: PathBuf,
    /// Why, for people.
    pub message: String,
}

/// Why a questionnaire the user asked for cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The file could not be loaded.
    #[error(transparent)]
    Questionnaire(#[from] QuestionnaireError),
    /// The same id and version is already known with other content.
    #[error(
        "{file}: questionnaire \"{id}\" version {version} is already in {existing}, with other \
         content:\n{}\n  A version's content never changes, so assessments answered on it keep \
         their meaning: give the changed questionnaire a new version (e.g. in its \"version\" \
         field), or use the copy that is already there.",
        render_differences(.differences)
    )]
    Conflict {
        /// The file that was refused.
        file: PathBuf,
        /// The questionnaire's id.
        id: String,
        /// The version both claim.
        version: String,
        /// Where the other copy is (a file, or "built-in").
        existing: String,
        /// What differs, one line each.
        differences: Vec<String>,
    },
    /// A questionnaire whose id or version cannot be part of a file name.
    #[error("{file}: {message}")]
    FileName {
        /// The file.
        file: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
}

/// Difference lines for a message: indented, the first few, then how many more.
pub fn render_differences(differences: &[String]) -> String {
    let mut lines: Vec<String> = differences
        .iter()
        .take(DIFFERENCES_SHOWN)
        .map(|d| format!("  {d}"))
        .collect();
    if differences.len() > DIFFERENCES_SHOWN {
        lines.push(format!(
            "  … and {} more difference(s)",
            differences.len() - DIFFERENCES_SHOWN
        ));
    }
    lines.join("\n")
}

impl Catalog {
    /// Only the built-in questionnaires: the current ones and the archived earlier versions.
    pub fn built_in() -> Self {
        Self::with_built_ins(&BUILT_INS, &ARCHIVED)
    }

    /// A catalog of the given built-ins, `current` (in the order a new assessment uses them)
    /// and `archived` (earlier versions), each as (id, JSON text). A version that appears
    /// twice is loaded once.
    pub fn with_built_ins(current: &[(&str, &str)], archived: &[(&str, &str)]) -> Self {
        let mut catalog = Self::default();
        for &(id, text) in current.iter().chain(archived) {
            // The built-ins are checked by the test suite, so a failure here is a build defect;
            // it is reported as a problem rather than a panic all the same.
            match Questionnaire::load_str(text, &format!("built-in {id}")) {
                Ok((questionnaire, _))
                    if catalog
                        .version(&questionnaire.id, &questionnaire.version)
                        .is_some() => {}
                Ok((questionnaire, warnings)) => catalog.entries.push(Entry {
                    questionnaire,
                    origin: Origin::BuiltIn,
                    warnings,
                }),
                Err(e) => catalog.problems.push(CatalogProblem {
                    file: PathBuf::from(format!("built-in {id}")),
                    message: e.to_string(),
                }),
            }
        }
        catalog
    }

    /// The built-ins, then every `*.json` regular file in `dir` (when it exists), then
    /// `extra` files.
    ///
    /// Versions of one id sit side by side. A file identical to a questionnaire already
    /// loaded adds nothing; a file whose id is a built-in's, or whose id and version are
    /// already loaded with other content, is left out with a problem — except `extra` files,
    /// whose conflict or failure to load is an error (the user asked for them). Anything in
    /// `dir` that is not a regular file (a named pipe, a socket, a device) is never opened.
    pub fn load(dir: Option<&Path>, extra: &[PathBuf]) -> Result<Self, CatalogError> {
        let mut catalog = Self::built_in();
        if let Some(dir) = dir {
            catalog.load_dir(dir);
        }
        for file in extra {
            let (q, warnings) = Questionnaire::load_file(file)?;
            catalog.add(q, Origin::File(file.clone()), warnings, true)?;
        }
        Ok(catalog)
    }

    fn load_dir(&mut self, dir: &Path) {
        let read = match std::fs::read_dir(dir) {
            Ok(read) => read,
            // No folder (or no data directory at all): nothing of one's own to load.
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                return;
            }
            Err(e) => {
                self.problems.push(CatalogProblem {
                    file: dir.to_path_buf(),
                    message: format!("cannot read the folder: {e}"),
                });
                return;
            }
        };
        let mut files: Vec<PathBuf> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        // The copies supplycheck keeps (`<id>@<version>.json`) first, so that another file
        // claiming the same id and version with other content is the one left out.
        files.sort_by_key(|p| {
            let kept = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().contains('@'));
            (!kept, p.clone())
        });
        for file in files {
            // Opening a named pipe waits for a writer forever, and a device may never end:
            // only regular files (or links to them) are read.
            match std::fs::metadata(&file) {
                Ok(meta) if meta.is_file() => {}
                Ok(meta) => {
                    self.problems.push(CatalogProblem {
                        message: format!(
                            "left out: it is {}, not a regular file; put only questionnaire \
                             files in this folder",
                            crate::file::kind_of(meta.file_type())
                        ),
                        file,
                    });
                    continue;
                }
                Err(e) => {
                    self.problems.push(CatalogProblem {
                        file,
                        message: format!("left out: cannot read it: {e}"),
                    });
                    continue;
                }
            }
            match Questionnaire::load_file(&file) {
                Ok((q, warnings)) => {
                    // Not asked for by the user, so a conflict is a problem, never an error.
                    let _ = self.add(q, Origin::File(file), warnings, false);
                }
                Err(e) => self.problems.push(CatalogProblem {
                    file,
                    message: e.to_string(),
                }),
            }
        }
    }

    /// Adds a loaded questionnaire; `asked` says the user named the file, which makes a
    /// conflicting id and version an error rather than a problem.
    fn add(
        &mut self,
        q: Questionnaire,
        origin: Origin,
        warnings: Vec<Finding>,
        asked: bool,
    ) -> Result<(), CatalogError> {
        let file = match &origin {
            Origin::File(p) => p.clone(),
            Origin::BuiltIn => PathBuf::from("built-in"),
        };
        let mut built_ins = self
            .entries
            .iter()
            .filter(|e| e.origin == Origin::BuiltIn && e.questionnaire.id == q.id)
            .peekable();
        if built_ins.peek().is_some() {
            if !built_ins.any(|e| e.questionnaire == q) {
                self.problems.push(CatalogProblem {
                    file,
                    message: format!(
                        "left out: \"{}\" is the id of a built-in questionnaire, and this file \
                         differs from it; give your questionnaire an id of its own",
                        sanitize_line(&q.id)
                    ),
                });
            }
            return Ok(());
        }
        if let Some(existing) = self.version(&q.id, &q.version) {
            if existing.questionnaire == q {
                return Ok(());
            }
            let differences = differences(&existing.questionnaire, &q);
            if asked {
                return Err(CatalogError::Conflict {
                    file,
                    id: sanitize_line(&q.id),
                    version: sanitize_line(&q.version),
                    existing: existing.origin.to_string(),
                    differences,
                });
            }
            let shown = differences
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ");
            let more = if differences.len() > 3 { "; …" } else { "" };
            self.problems.push(CatalogProblem {
                file,
                message: format!(
                    "left out: version {} of \"{}\" is already loaded from {}, with other \
                     content ({shown}{more}); give one of them a new version",
                    sanitize_line(&q.version),
                    sanitize_line(&q.id),
                    existing.origin
                ),
            });
            return Ok(());
        }
        self.entries.push(Entry {
            questionnaire: q,
            origin,
            warnings,
        });
        Ok(())
    }

    /// The newest version of a questionnaire, by id.
    pub fn get(&self, id: &str) -> Option<&Questionnaire> {
        self.entry(id).map(|e| &e.questionnaire)
    }

    /// The catalog entry of the newest version of a questionnaire, by id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .filter(|e| e.questionnaire.id == id)
            .max_by(|a, b| compare_versions(&a.questionnaire.version, &b.questionnaire.version))
    }

    /// One version of a questionnaire.
    pub fn version(&self, id: &str, version: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.questionnaire.id == id && e.questionnaire.version == version)
    }

    /// The questionnaire an assessment's reference names: exactly the version it records,
    /// never another one (an assessment is scored against what it was answered on; the
    /// assessment's check says when that version is not available).
    pub fn for_ref(&self, r: &QuestionnaireRef) -> Option<&Questionnaire> {
        self.version(&r.id, &r.version).map(|e| &e.questionnaire)
    }

    /// The versions of questionnaire `id` that are available, oldest first.
    pub fn versions_of(&self, id: &str) -> Vec<&str> {
        let mut versions: Vec<&str> = self
            .entries
            .iter()
            .filter(|e| e.questionnaire.id == id)
            .map(|e| e.questionnaire.version.as_str())
            .collect();
        versions.sort_by(|a, b| compare_versions(a, b));
        versions
    }

    /// Every entry, every version, built-ins first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The newest version of each questionnaire, in the order they were first loaded.
    pub fn newest_entries(&self) -> Vec<&Entry> {
        let mut out: Vec<&Entry> = Vec::new();
        for e in &self.entries {
            if !out.iter().any(|o| o.questionnaire.id == e.questionnaire.id)
                && let Some(newest) = self.entry(&e.questionnaire.id)
            {
                out.push(newest);
            }
        }
        out
    }

    /// The versions of questionnaire `id` newer than `version`, oldest first.
    pub fn newer_versions(&self, id: &str, version: &str) -> Vec<&str> {
        self.versions_of(id)
            .into_iter()
            .filter(|v| compare_versions(v, version) == Ordering::Greater)
            .collect()
    }

    /// The ids of the built-in questionnaires, in order.
    pub fn built_in_ids() -> Vec<&'static str> {
        BUILT_INS.iter().map(|(id, _)| *id).collect()
    }

    /// The ids of the built-in questionnaires of `scope`, in catalog order: what a new
    /// assessment of that scope uses when no questionnaire is named.
    pub fn default_ids(scope: Scope) -> Vec<&'static str> {
        #[derive(serde::Deserialize)]
        struct ScopeOnly {
            #[serde(default)]
            scope: Option<Scope>,
        }
        BUILT_INS
            .iter()
            .filter(|(_, text)| {
                serde_json::from_str::<ScopeOnly>(text)
                    .is_ok_and(|s| s.scope.unwrap_or_default() == scope)
            })
            .map(|(id, _)| *id)
            .collect()
    }

    /// Adds a questionnaire directly, replacing any of its id (used by tests and
    /// benchmarks).
    pub fn insert(&mut self, questionnaire: Questionnaire) {
        self.entries
            .retain(|e| e.questionnaire.id != questionnaire.id);
        self.entries.push(Entry {
            questionnaire,
            origin: Origin::BuiltIn,
            warnings: Vec::new(),
        });
    }

    /// The questionnaires an assessment uses, in its order, each in the version it records
    /// (missing ones are skipped; see [`crate::assessment::Assessment::check`] for the
    /// report).
    pub fn for_assessment(&self, a: &Assessment) -> Vec<&Questionnaire> {
        a.questionnaires
            .iter()
            .filter_map(|r| self.for_ref(r))
            .collect()
    }
}

/// The file name a questionnaire is kept under in the data directory: `<id>@<version>.json`.
pub fn copy_file_name(q: &Questionnaire) -> String {
    format!("{}@{}.json", q.id, q.version)
}

/// Why a questionnaire's id or version cannot name its copy in the data directory, if it
/// cannot: ids are at most [`MAX_ID_LEN`] characters; versions at most [`MAX_VERSION_LEN`]
/// of letters, digits, `.`, `-`, `+` and `_`, not starting with `.`.
pub fn file_name_problem(q: &Questionnaire) -> Option<String> {
    if q.id.chars().count() > MAX_ID_LEN {
        return Some(format!(
            "the id is {} characters long; an id may have at most {MAX_ID_LEN} (it becomes a \
             file name): shorten \"id\"",
            q.id.chars().count()
        ));
    }
    let version_ok = !q.version.is_empty()
        && q.version.chars().count() <= MAX_VERSION_LEN
        && !q.version.starts_with('.')
        && q.version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '_'));
    if !version_ok {
        return Some(format!(
            "the version \"{}\" cannot be part of a file name: use at most {MAX_VERSION_LEN} \
             letters, digits, '.', '-', '+' or '_' (e.g. \"1.0.0\") in \"version\"",
            sanitize_line(&q.version)
        ));
    }
    None
}

/// Orders versions as people read them: runs of digits compare as numbers (`1.10` is newer
/// than `1.9`), other text as text; equal versions compare as written.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let (x, y) = (version_parts(a), version_parts(b));
    for (p, q) in x.iter().zip(&y) {
        let order = match (p, q) {
            (Part::Number(m), Part::Number(n)) => {
                let (m, n) = (m.trim_start_matches('0'), n.trim_start_matches('0'));
                m.len().cmp(&n.len()).then_with(|| m.cmp(n))
            }
            (Part::Text(m), Part::Text(n)) => m.cmp(n),
            (Part::Number(_), Part::Text(_)) => Ordering::Greater,
            (Part::Text(_), Part::Number(_)) => Ordering::Less,
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    x.len().cmp(&y.len()).then_with(|| a.cmp(b))
}

enum Part<'a> {
    Number(&'a str),
    Text(&'a str),
}

fn version_parts(v: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = v.as_bytes();
    while start < bytes.len() {
        if matches!(bytes[start], b'.' | b'-' | b'+' | b'_') {
            start += 1;
            continue;
        }
        let digit = bytes[start].is_ascii_digit();
        let mut end = start;
        while end < bytes.len()
            && bytes[end].is_ascii_digit() == digit
            && !matches!(bytes[end], b'.' | b'-' | b'+' | b'_')
        {
            end += 1;
        }
        // Both ends sit on ASCII bytes or the string's ends, so they are char boundaries.
        let text = v.get(start..end).unwrap_or_default();
        out.push(if digit {
            Part::Number(text)
        } else {
            Part::Text(text)
        });
        start = end.max(start + 1);
    }
    out
}

/// What differs between two questionnaires, one line each, old → new: fields by their
/// place (`section/item/field`, as validation names places), and items, sections, checks or
/// options only one of them has.
pub fn differences(old: &Questionnaire, new: &Questionnaire) -> Vec<String> {
    let (Ok(a), Ok(b)) = (serde_json::to_value(old), serde_json::to_value(new)) else {
        return vec!["the contents differ".to_string()];
    };
    let mut out = Vec::new();
    diff_values("", &a, &b, &mut out);
    if out.is_empty() && old != new {
        out.push("the contents differ".to_string());
    }
    out
}

fn diff_values(path: &str, a: &serde_json::Value, b: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    if a == b {
        return;
    }
    let place = |p: &str| {
        if p.is_empty() {
            "the file".to_string()
        } else {
            sanitize_line(p)
        }
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (key, va) in x {
                let p = join(path, key);
                match y.get(key) {
                    Some(vb) => diff_values(&p, va, vb, out),
                    None => out.push(format!("{}: missing from the new file", place(&p))),
                }
            }
            for key in y.keys().filter(|k| !x.contains_key(*k)) {
                out.push(format!("{}: only in the new file", place(&join(path, key))));
            }
        }
        (Value::Array(x), Value::Array(y)) => match (named(x), named(y)) {
            (Some(xs), Some(ys)) => {
                // Sections, items, checks and options are named by their id (or key), as
                // validation names places, so the path leaves out the list's own name.
                let parent = path.rsplit_once('/').map_or("", |(p, _)| p);
                for (name, va) in &xs {
                    let p = join(parent, name);
                    match ys.iter().find(|(n, _)| n == name) {
                        Some((_, vb)) => diff_values(&p, va, vb, out),
                        None => out.push(format!("{}: missing from the new file", place(&p))),
                    }
                }
                for (name, _) in ys.iter().filter(|(n, _)| !xs.iter().any(|(m, _)| m == n)) {
                    out.push(format!(
                        "{}: only in the new file",
                        place(&join(parent, name))
                    ));
                }
                if shared_order(&xs, &ys) != shared_order(&ys, &xs) {
                    out.push(format!("{}: the order differs", place(path)));
                }
            }
            _ if x.len() == y.len() => {
                for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                    diff_values(&join(path, &(i + 1).to_string()), va, vb, out);
                }
            }
            _ => out.push(format!(
                "{}: {} entries → {} entries",
                place(path),
                x.len(),
                y.len()
            )),
        },
        _ => out.push(format!("{}: {} → {}", place(path), short(a), short(b))),
    }
}

/// The names of `v` that `w` has too, in `v`'s order.
fn shared_order<'a>(
    v: &[(&'a str, &serde_json::Value)],
    w: &[(&str, &serde_json::Value)],
) -> Vec<&'a str> {
    v.iter()
        .map(|(n, _)| *n)
        .filter(|n| w.iter().any(|(m, _)| m == n))
        .collect()
}

/// The elements of a list named by their `id` (or `key`), when every one has a name.
fn named(list: &[serde_json::Value]) -> Option<Vec<(&str, &serde_json::Value)>> {
    list.iter()
        .map(|v| {
            v.get("id")
                .or_else(|| v.get("key"))
                .and_then(serde_json::Value::as_str)
                .map(|n| (n, v))
        })
        .collect()
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}/{name}")
    }
}

/// A value in a difference line: scalars as JSON, clipped; lists and objects by their kind.
fn short(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Array(_) => "a list".to_string(),
        serde_json::Value::Object(_) => "an object".to_string(),
        scalar => {
            let text = sanitize_line(&scalar.to_string());
            if text.chars().count() > 40 {
                let mut clipped: String = text.chars().take(39).collect();
                clipped.push('…');
                clipped
            } else {
                text
            }
        }
    }
}

#[cfg(test)]
mod tests;

//! The layout the compiler does not check by itself: imports between the top-level modules
//! of each crate point one way only (no cycles), and the core names no terminal, prompt or
//! command-line crate, in its code or in its manifest.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Crates the core must never use.
const EDGE_CRATES: [&str; 4] = ["ratatui", "crossterm", "dialoguer", "clap"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("a source folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A file's code without its tests and comments: test files and `#[cfg(test)] mod tests`
/// blocks (which sit at the end of a file) are left out, as are `//` comments.
fn code_of(path: &Path) -> String {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name == "tests.rs" || path.components().any(|c| c.as_os_str() == "tests") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).expect("a source file");
    let code = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    code.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level module a file of `src` belongs to (`None` for the crate root files).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    let module = first.trim_end_matches(".rs").to_string();
    (!["lib", "main"].contains(&module.as_str())).then_some(module)
}

/// The modules `code` names as `crate::<module>`.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let name: String = code[at + "crate::".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

/// The imports between the top-level modules of the crate whose sources are in `src`.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let files = rust_files(src);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(from) = module_of(src, file) else {
            continue;
        };
        let uses = graph.entry(from.clone()).or_default();
        for to in named_modules(&code_of(file)) {
            if to != from && modules.contains(&to) {
                uses.insert(to);
            }
        }
    }
    graph
}

/// A cycle in `graph`, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_cores_modules_import_each_other_one_way_only() {
    let graph = module_graph(&root().join("core/src"));
    assert!(graph.contains_key("assessment") && graph.contains_key("store"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!("an import cycle in the core: {}", cycle.join(" → "));
    }
}

#[test]
fn the_edges_import_each_other_one_way_only() {
    let graph = module_graph(&root().join("src"));
    assert!(graph.contains_key("tui") && graph.contains_key("cli"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!("an import cycle between the edges: {}", cycle.join(" → "));
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let mut acyclic = graph;
    acyclic.insert("c".into(), BTreeSet::new());
    assert_eq!(find_cycle(&acyclic), None);
    assert_eq!(
        named_modules("use crate::store::{self, Session};\nsupplycheck_core::crate::x; mycrate::y"),
        ["store".to_string(), "x".to_string()].into_iter().collect()
    );
}

#[test]
fn the_core_names_no_terminal_prompt_or_command_line_crate() {
    for file in rust_files(&root().join("core/src")) {
        let text = std::fs::read_to_string(&file).expect("a source file");
        for name in EDGE_CRATES {
            for pattern in [format!("{name}::"), format!("use {name}")] {
                assert!(
                    !text.contains(&pattern),
                    "{} names {name} ({pattern})",
                    file.display()
                );
            }
        }
    }
    let manifest = std::fs::read_to_string(root().join("core/Cargo.toml")).expect("manifest");
    for line in manifest.lines() {
        let key = line.split(['=', '.']).next().unwrap_or_default().trim();
        assert!(
            !EDGE_CRATES.contains(&key),
            "core/Cargo.toml depends on {key}: the core must not"
        );
    }
}

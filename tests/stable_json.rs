//! Assessment files are plain, stable JSON, so a shared folder or a git repository carries
//! them: pretty-printed, one field per line, keys in a fixed order, a trailing newline, and
//! changing one answer changes only that answer's lines (and the `updated` time).

mod common;

use pretty_assertions::assert_eq;

/// The lines only in `before` and the lines only in `after`, by a longest common
/// subsequence of whole lines (what a line diff such as git's shows).
fn line_diff<'a>(before: &'a str, after: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let mut common = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || common[i][j + 1] >= common[i + 1][j]) {
            added.push(b[j]);
            j += 1;
        } else {
            removed.push(a[i]);
            i += 1;
        }
    }
    (removed, added)
}

fn read(env: &common::Env, id: &str) -> String {
    std::fs::read_to_string(env.path(id)).expect("the saved file")
}

/// The lines of a diff with the `updated` time left out (it changes on every save).
fn without_updated<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    lines
        .iter()
        .copied()
        .filter(|l| !l.trim_start().starts_with("\"updated\": "))
        .collect()
}

#[test]
fn the_line_diff_finds_changed_added_and_removed_lines() {
    assert_eq!(
        line_diff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n"),
        (vec!["b"], vec!["B", "e"])
    );
    assert_eq!(line_diff("a\nb\n", "a\nb\n"), (vec![], vec![]));
}

#[test]
fn changing_one_answer_changes_only_that_answers_lines() {
    let env = common::Env::new();
    let id = env.new_example("Stable");
    env.answer(
        &id,
        &["a", "fully", "--note", "Checked in the contract register."],
    );
    env.answer(&id, &["b", "partial"]);
    env.answer(&id, &["d", "x"]);
    let first = read(&env, &id);

    env.answer(&id, &["b", "largely"]);
    let second = read(&env, &id);
    let (removed, added) = line_diff(&first, &second);
    assert_eq!(without_updated(&removed), ["      \"choice\": \"partial\""]);
    assert_eq!(without_updated(&added), ["      \"choice\": \"largely\""]);

    env.answer(&id, &["c", "not"]);
    let third = read(&env, &id);
    let (removed, added) = line_diff(&second, &third);
    assert_eq!(without_updated(&removed), Vec::<&str>::new());
    assert_eq!(
        without_updated(&added),
        [
            "    \"worked-example/c\": {",
            "      \"choice\": \"not\"",
            "    },"
        ]
    );
}

#[test]
fn a_saved_assessment_is_pretty_one_field_per_line_in_a_fixed_key_order() {
    let env = common::Env::new();
    let id = env.new_example("Stable");
    env.answer(&id, &["d", "x,y", "--owner", "contract-manager", "--flag"]);
    env.answer(
        &id,
        &["a", "fully", "--status", "open", "--due", "2027-01-31"],
    );
    let text = read(&env, &id);
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    for line in text.lines() {
        assert!(
            line.matches("\": ").count() <= 1,
            "more than one field on a line: {line}"
        );
        let indent = line.len() - line.trim_start().len();
        assert_eq!(indent % 2, 0, "{line}");
    }
    let keys: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  \"") && !l.starts_with("   "))
        .filter_map(|l| l.trim().split('"').nth(1))
        .collect();
    assert_eq!(
        keys,
        [
            "format",
            "id",
            "name",
            "organisation",
            "created",
            "updated",
            "questionnaires",
            "answers"
        ]
    );
    assert!(text.contains(
        "    \"worked-example/d\": {\n      \"checked\": [\n        \"x\",\n        \"y\"\n      ],\n      \"owner\": \"contract-manager\",\n      \"flag\": true\n    }"
    ), "{text}");
    // Saving again without a change writes the same bytes, but for the time.
    env.answer(
        &id,
        &["a", "fully", "--status", "open", "--due", "2027-01-31"],
    );
    let again = read(&env, &id);
    let (removed, added) = line_diff(&text, &again);
    assert!(without_updated(&removed).is_empty() && without_updated(&added).is_empty());
}

//! The READMEs state the built-in questionnaires as they are: each one's counts.

#[test]
fn the_readme_states_the_built_in_item_counts() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    // Every current built-in: archived earlier versions have no row of their own.
    let catalog = supplycheck::catalog::Catalog::built_in();
    for (id, _) in supplycheck::catalog::BUILT_INS {
        let q = catalog.get(id).expect("a built-in loads");
        let scored = q.scored_count();
        let text = q.item_count() - scored;
        let counts = if text == 0 {
            format!("{} ({scored} scored)", q.item_count())
        } else {
            format!("{} ({scored} scored, {text} text)", q.item_count())
        };
        let row = format!("| `{}` | {counts} |", q.id);
        assert!(readme.contains(&row), "README.md should have the row {row}");
    }
}

#[test]
fn the_questionnaires_readme_states_every_built_in_and_its_counts() {
    let readme = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/README.md"
    ))
    .expect("questionnaires/README.md");
    for (id, text) in supplycheck::catalog::BUILT_INS {
        let (q, _) = supplycheck::questionnaire::Questionnaire::load_str(text, id)
            .expect("a built-in loads");
        let scored = q.scored_count();
        let counts = format!(
            "| {} | {} ({scored} / {}) |",
            q.sections.len(),
            q.item_count(),
            q.item_count() - scored
        );
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", q.id)))
            .unwrap_or_else(|| panic!("questionnaires/README.md has no row for {}", q.id));
        assert!(
            row.contains(&counts),
            "the row of {} should say {counts}: {row}",
            q.id
        );
    }
}

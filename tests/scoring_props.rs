//! Property tests of the scoring rule: whatever the questionnaire and answers, figures stay
//! in range, N/A stays local to its section, and a better answer never lowers a level.

use proptest::prelude::*;
use supplycheck::assessment::{Answer, Assessment, Value};
use supplycheck::questionnaire::{
    Check, Item, ItemKind, Questionnaire, Scale, ScaleOption, Section,
};
use supplycheck::scoring::{ScoreReport, score};

const VALUES: [f64; 5] = [0.0, 0.33, 0.5, 0.67, 1.0];

/// One generated item: kind (true = checklist), level, weight, and a raw answer code.
#[derive(Debug, Clone)]
struct GenItem {
    checklist: bool,
    level: i64,
    weight: f64,
    answer: GenAnswer,
}

#[derive(Debug, Clone)]
enum GenAnswer {
    None,
    Na,
    Choice(usize),
    Checks(Vec<bool>, Vec<bool>),
}

fn gen_item() -> impl Strategy<Value = GenItem> {
    (
        any::<bool>(),
        1..=3i64,
        1..=6u32,
        0..4u8,
        0..5usize,
        prop::collection::vec((any::<bool>(), any::<bool>()), 3),
    )
        .prop_map(|(checklist, level, w, code, choice, checks)| GenItem {
            checklist,
            level,
            weight: f64::from(w) / 2.0,
            answer: match code {
                0 => GenAnswer::None,
                1 => GenAnswer::Na,
                _ if checklist => GenAnswer::Checks(
                    checks.iter().map(|c| c.0).collect(),
                    checks.iter().map(|c| c.1 && !c.0).collect(),
                ),
                _ => GenAnswer::Choice(choice),
            },
        })
}

fn gen_sections() -> impl Strategy<Value = Vec<Vec<GenItem>>> {
    prop::collection::vec(prop::collection::vec(gen_item(), 1..6), 1..4)
}

fn build(sections: &[Vec<GenItem>]) -> (Questionnaire, Assessment) {
    let options = VALUES
        .iter()
        .enumerate()
        .map(|(i, v)| ScaleOption {
            key: format!("o{i}"),
            label: format!("Option {i}"),
            value: *v,
            was: Vec::new(),
        })
        .collect();
    let mut q = Questionnaire {
        format: supplycheck::questionnaire::QUESTIONNAIRE_FORMAT.into(),
        id: "p".into(),
        version: "1".into(),
        title: "P".into(),
        description: String::new(),
        source: String::new(),
        pass_mark: 0.6,
        scope: None,
        scales: [("s".to_string(), Scale { options })].into_iter().collect(),
        sections: Vec::new(),
    };
    let mut answers = Vec::new();
    for (si, items) in sections.iter().enumerate() {
        let mut section = Section {
            id: format!("s{si}"),
            title: format!("S{si}"),
            intro: String::new(),
            items: Vec::new(),
        };
        for (ii, g) in items.iter().enumerate() {
            let id = format!("i{si}-{ii}");
            section.items.push(Item {
                id: id.clone(),
                kind: if g.checklist {
                    ItemKind::Checklist
                } else {
                    ItemKind::Choice
                },
                scale: (!g.checklist).then(|| "s".into()),
                level: Some(g.level),
                weight: Some(g.weight),
                allow_na: None,
                prompt: "?".into(),
                guidance: String::new(),
                refs: Vec::new(),
                checks: if g.checklist {
                    (0..3)
                        .map(|c| Check {
                            id: format!("c{c}"),
                            text: "c".into(),
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                was: Vec::new(),
                action: None,
                when: None,
            });
            let answer = match &g.answer {
                GenAnswer::Na => Some(Answer::from(Value::NotApplicable)),
                GenAnswer::Choice(c) => Some(Answer::from(Value::Choice(format!("o{c}")))),
                GenAnswer::Checks(ticked, na) if g.checklist => {
                    Some(Answer::from(Value::Checklist {
                        ticked: ticked
                            .iter()
                            .enumerate()
                            .filter(|(_, t)| **t)
                            .map(|(i, _)| format!("c{i}"))
                            .collect(),
                        na_checks: na
                            .iter()
                            .enumerate()
                            .filter(|(_, t)| **t)
                            .map(|(i, _)| format!("c{i}"))
                            .collect(),
                    }))
                }
                GenAnswer::None | GenAnswer::Checks(..) => None,
            };
            if let Some(a) = answer {
                answers.push((format!("p/{id}"), a));
            }
        }
        q.sections.push(section);
    }
    let mut a = Assessment::new("a".into(), "A".into(), String::new(), None, &[&q]);
    a.answers.extend(answers);
    (q, a)
}

fn in_range(r: &ScoreReport) -> Result<(), TestCaseError> {
    for f in std::iter::once(&r.overall).chain(r.sections.iter().map(|s| &s.figures)) {
        if let Some(s) = f.score {
            prop_assert!((0.0..=1.0).contains(&s), "score {s}");
        }
        if let Some(l) = f.level {
            prop_assert!(l <= 3, "level {l}");
        }
        prop_assert!(f.answered <= f.total);
    }
    for g in &r.gaps {
        prop_assert!(g.value < 0.6);
    }
    Ok(())
}

proptest! {
    #[test]
    fn scores_stay_in_range(sections in gen_sections()) {
        let (q, a) = build(&sections);
        let r = score(&[&q], &a);
        in_range(&r)?;
        let total: usize = sections.iter().map(Vec::len).sum();
        prop_assert_eq!(r.overall.total, total);
        prop_assert_eq!(r.overall.answered + r.not_assessed, total);
    }

    #[test]
    fn na_never_changes_another_section(sections in gen_sections(), pick in any::<prop::sample::Index>()) {
        let (q, a) = build(&sections);
        let items: Vec<(usize, String)> = q.sections.iter().enumerate()
            .flat_map(|(si, s)| s.items.iter().map(move |i| (si, format!("p/{}", i.id))))
            .collect();
        let (section, item) = pick.get(&items).clone();
        let before = score(&[&q], &a);
        let mut b = a.clone();
        b.answers.insert(item, Answer::from(Value::NotApplicable));
        let after = score(&[&q], &b);
        in_range(&after)?;
        for (i, (x, y)) in before.sections.iter().zip(&after.sections).enumerate() {
            if i != section {
                prop_assert_eq!(x, y);
            }
        }
    }

    #[test]
    fn a_better_answer_never_lowers_a_level(sections in gen_sections(), pick in any::<prop::sample::Index>()) {
        let (q, a) = build(&sections);
        let items: Vec<&Item> = q.sections.iter().flat_map(|s| &s.items).collect();
        let item = *pick.get(&items);
        let full = format!("p/{}", item.id);
        let mut better = a.clone();
        let current = a.answers.get(&full).cloned().unwrap_or_default();
        let improved = if item.kind == ItemKind::Checklist {
            // Tick one more applicable check (or, if none is left, keep the answer).
            let mut next = current.clone();
            let Value::Checklist { ticked, na_checks } = &mut next.value else {
                // From unanswered or N/A: a first answer is not "better"; skip.
                return Ok(());
            };
            if let Some(c) = item.checks.iter().find(|c| !ticked.contains(&c.id) && !na_checks.contains(&c.id)) {
                ticked.push(c.id.clone());
            }
            next
        } else {
            let Some(key) = current.choice() else { return Ok(()) };
            let idx: usize = key[1..].parse().unwrap_or(0);
            Answer { value: Value::Choice(format!("o{}", (idx + 1).min(VALUES.len() - 1))), ..current }
        };
        better.answers.insert(full, improved);
        let before = score(&[&q], &a);
        let after = score(&[&q], &better);
        for (x, y) in before.sections.iter().zip(&after.sections) {
            prop_assert!(y.figures.level >= x.figures.level, "{:?} -> {:?}", x, y);
        }
        prop_assert!(after.overall.level >= before.overall.level);
    }

    #[test]
    fn answering_an_unanswered_item_well_never_lowers_a_level(sections in gen_sections(), pick in any::<prop::sample::Index>()) {
        let (q, a) = build(&sections);
        let items: Vec<&Item> = q.sections.iter().flat_map(|s| &s.items).collect();
        let item = *pick.get(&items);
        let full = format!("p/{}", item.id);
        let mut b = a.clone();
        b.answers.insert(full, if item.kind == ItemKind::Checklist {
            Answer::from(Value::Checklist { ticked: item.checks.iter().map(|c| c.id.clone()).collect(), na_checks: Vec::new() })
        } else {
            Answer::from(Value::Choice(format!("o{}", VALUES.len() - 1)))
        });
        let before = score(&[&q], &a);
        let after = score(&[&q], &b);
        prop_assert!(after.overall.level >= before.overall.level);
    }
}

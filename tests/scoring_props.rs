//! Property tests of the scoring rule (score format 2): whatever the questionnaire and
//! answers, figures stay in range, N/A stays local to its section, a better answer never
//! lowers a level, removing an answer never raises a score, an item whose `when` condition
//! does not hold changes no figure against the item being absent (and never counts as the
//! user's N/A), and `supplycheck score --json` agrees with a second implementation of
//! SCORING.md written here from its text alone.

mod common;

use proptest::prelude::*;
use supplycheck::assessment::{Answer, Assessment, Value};
use supplycheck::questionnaire::{
    Check, Condition, Item, ItemKind, Questionnaire, Scale, ScaleOption, Section, Tier,
};
use supplycheck::scoring::{ItemValue, ScoreReport, item_value, score};

const VALUES: [f64; 5] = [0.0, 0.33, 0.5, 0.67, 1.0];

/// The key of the "Don't know" option (value 0, unknown), offered after the five values.
const DONT_KNOW: usize = VALUES.len();

/// How many checks a generated checklist has.
const CHECKS: usize = 3;

/// One generated item: kind (true = checklist), level, weight, N/A allowed, how many checks a
/// checklist requires, a raw answer code, and whether it is asked only of critical suppliers.
#[derive(Debug, Clone)]
struct GenItem {
    critical_only: bool,
    checklist: bool,
    level: i64,
    weight: f64,
    allow_na: bool,
    required: Option<i64>,
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
        0..=DONT_KNOW,
        prop::collection::vec((any::<bool>(), any::<bool>()), CHECKS),
        prop::option::of(1..=3i64),
        prop::bool::weighted(0.8),
        prop::bool::weighted(0.3),
    )
        .prop_map(
            |(checklist, level, w, code, choice, checks, required, allow_na, critical_only)| {
                GenItem {
                    critical_only,
                    checklist,
                    level,
                    weight: f64::from(w) / 2.0,
                    allow_na,
                    required: required.filter(|_| checklist),
                    answer: match code {
                        1 if allow_na => GenAnswer::Na,
                        0 | 1 => GenAnswer::None,
                        _ if checklist => GenAnswer::Checks(
                            checks.iter().map(|c| c.0).collect(),
                            checks.iter().map(|c| c.1 && !c.0).collect(),
                        ),
                        _ => GenAnswer::Choice(choice),
                    },
                }
            },
        )
}

fn gen_sections() -> impl Strategy<Value = Vec<Vec<GenItem>>> {
    prop::collection::vec(prop::collection::vec(gen_item(), 1..6), 1..4)
}

fn option_key(i: usize) -> String {
    if i == DONT_KNOW {
        "dk".to_string()
    } else {
        format!("o{i}")
    }
}

/// The answer a generated item is given, if any.
fn gen_answer(g: &GenItem) -> Option<Answer> {
    match &g.answer {
        GenAnswer::Na => Some(Answer::from(Value::NotApplicable)),
        GenAnswer::Choice(c) => Some(Answer::from(Value::Choice(option_key(*c)))),
        GenAnswer::Checks(ticked, na) if g.checklist => Some(Answer::from(Value::Checklist {
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
        })),
        GenAnswer::None | GenAnswer::Checks(..) => None,
    }
}

/// The questionnaire and assessment of the generated items; no subject, so every item applies.
fn build(sections: &[Vec<GenItem>]) -> (Questionnaire, Assessment) {
    build_for(sections, None)
}

/// The tier a supplier has, so that the items asked only of critical suppliers apply or not.
fn supplier(critical: bool) -> supplycheck::record::Subject {
    supplycheck::record::Subject::Supplier {
        name: "S".into(),
        tier: Some(if critical { Tier::Critical } else { Tier::Low }),
        services: Vec::new(),
    }
}

/// [`build`] for a supplier: critical (`Some(true)`), low (`Some(false)`) or none.
fn build_for(sections: &[Vec<GenItem>], critical: Option<bool>) -> (Questionnaire, Assessment) {
    let mut options: Vec<ScaleOption> = VALUES
        .iter()
        .enumerate()
        .map(|(i, v)| ScaleOption {
            key: option_key(i),
            label: format!("Option {i}"),
            value: *v,
            was: Vec::new(),
            unknown: None,
        })
        .collect();
    options.push(ScaleOption {
        key: option_key(DONT_KNOW),
        label: "Don't know".into(),
        value: 0.0,
        unknown: Some(true),
        was: Vec::new(),
    });
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
                allow_na: (!g.allow_na).then_some(false),
                prompt: "?".into(),
                guidance: String::new(),
                refs: Vec::new(),
                checks: if g.checklist {
                    (0..CHECKS)
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
                when: g
                    .critical_only
                    .then(|| Condition::Tier(vec![Tier::Critical])),
                required: g.required,
            });
            let answer = gen_answer(g);
            if let Some(a) = answer {
                answers.push((format!("p/{id}"), a));
            }
        }
        q.sections.push(section);
    }
    let mut a = Assessment::new("a".into(), "A".into(), String::new(), None, &[&q]);
    a.answers.extend(answers);
    a.subject = critical.map(supplier);
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
        prop_assert!(f.answered <= f.applicable);
        prop_assert!(f.unknown <= f.answered);
        prop_assert_eq!(f.applicable + f.na, f.total);
        if let Some(c) = f.coverage {
            prop_assert!((0.0..=1.0).contains(&c), "coverage {c}");
        }
        if let Some(s) = f.answered_score {
            prop_assert!((0.0..=1.0).contains(&s), "answered score {s}");
        }
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
        prop_assert_eq!(r.overall.answered + r.overall.na + r.not_assessed.len(), total);
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

/// SCORING.md (score format 2) once more, from its text, over the generated items: what one
/// item counts as.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Counts {
    /// Not asked: asked only of critical suppliers, and the supplier is not critical. In no
    /// figure but its own count, whatever its answer.
    ByRule,
    /// Answered N/A (or a checklist whose every check is N/A): in no figure.
    NotApplicable,
    /// Applicable and unanswered: value 0, not achieved, "not yet assessed".
    Unanswered,
    /// Answered with a value; `unknown` for a "Don't know" option.
    Answered { value: f64, unknown: bool },
}

fn counts(g: &GenItem, critical: Option<bool>) -> Counts {
    if g.critical_only && critical == Some(false) {
        return Counts::ByRule;
    }
    match &g.answer {
        GenAnswer::None => Counts::Unanswered,
        GenAnswer::Na => Counts::NotApplicable,
        GenAnswer::Choice(c) if *c == DONT_KNOW => Counts::Answered {
            value: 0.0,
            unknown: true,
        },
        GenAnswer::Choice(c) => Counts::Answered {
            value: VALUES[*c],
            unknown: false,
        },
        GenAnswer::Checks(ticked, na) => {
            // t ticked applicable checks, a applicable checks, r required (a when absent):
            // value = min(1, t ÷ min(r, a)).
            let a = na.iter().filter(|n| !**n).count();
            if a == 0 {
                return Counts::NotApplicable;
            }
            let t = ticked.iter().zip(na).filter(|(t, n)| **t && !**n).count();
            let r = g.required.map_or(a, |r| usize::try_from(r).expect("1–3"));
            Counts::Answered {
                value: (t as f64 / r.min(a) as f64).min(1.0),
                unknown: false,
            }
        }
    }
}

/// A section's or the assessment's figures per SCORING.md.
#[derive(Debug, Default)]
struct Expected {
    value_sum: f64,
    weight_sum: f64,
    answered_value_sum: f64,
    answered_weight_sum: f64,
    answered: usize,
    unknown: usize,
    applicable: usize,
    na: usize,
    na_by_rule: usize,
    total: usize,
}

impl Expected {
    fn take(&mut self, g: &GenItem, critical: Option<bool>) {
        let counted = counts(g, critical);
        if counted == Counts::ByRule {
            self.na_by_rule += 1;
            return;
        }
        self.total += 1;
        match counted {
            Counts::ByRule => {}
            Counts::NotApplicable => self.na += 1,
            Counts::Unanswered => {
                self.applicable += 1;
                self.weight_sum += g.weight;
            }
            Counts::Answered { value, unknown } => {
                self.applicable += 1;
                self.answered += 1;
                self.unknown += usize::from(unknown);
                self.weight_sum += g.weight;
                self.value_sum += g.weight * value;
                self.answered_weight_sum += g.weight;
                self.answered_value_sum += g.weight * value;
            }
        }
    }

    fn check(&self, got: &serde_json::Value, level: Option<u8>) -> Result<(), TestCaseError> {
        let figure = |x: &serde_json::Value| x.as_f64();
        let near = |got: Option<f64>, want: Option<f64>| match (got, want) {
            (Some(g), Some(w)) => (g - w).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        };
        let some = self.applicable > 0;
        let score = some.then(|| self.value_sum / self.weight_sum);
        let answered_score =
            (self.answered > 0).then(|| self.answered_value_sum / self.answered_weight_sum);
        let coverage = some.then(|| (self.answered - self.unknown) as f64 / self.applicable as f64);
        prop_assert!(near(figure(&got["score"]), score), "score {got} {score:?}");
        prop_assert!(
            near(figure(&got["answered_score"]), answered_score),
            "answered_score {got} {answered_score:?}"
        );
        prop_assert!(near(figure(&got["coverage"]), coverage), "coverage {got}");
        prop_assert_eq!(got["level"].as_u64(), level.map(u64::from), "level {}", got);
        for (key, want) in [
            ("answered", self.answered),
            ("unknown", self.unknown),
            ("applicable", self.applicable),
            ("na", self.na),
            ("na_by_rule", self.na_by_rule),
            ("total", self.total),
        ] {
            prop_assert_eq!(got[key].as_u64(), Some(want as u64), "{} {}", key, got);
        }
        Ok(())
    }
}

/// A section's level and blocking items per SCORING.md: level L is reached when L − 1 is and
/// every applicable item of level L is answered and achieved.
fn level_of(items: &[(String, &GenItem)], critical: Option<bool>) -> (Option<u8>, Vec<String>) {
    let standing: Vec<(&String, i64, bool)> = items
        .iter()
        .filter_map(|(key, g)| match counts(g, critical) {
            Counts::NotApplicable | Counts::ByRule => None,
            Counts::Unanswered => Some((key, g.level, false)),
            Counts::Answered { value, .. } => Some((key, g.level, value >= 0.6)),
        })
        .collect();
    if standing.is_empty() {
        return (None, Vec::new());
    }
    let mut level = 0;
    while level < 3
        && standing
            .iter()
            .filter(|(_, l, _)| *l == level + 1)
            .all(|(_, _, ok)| *ok)
    {
        level += 1;
    }
    let blocking = standing
        .iter()
        .filter(|(_, l, ok)| *l == level + 1 && !ok)
        .map(|(k, _, _)| (*k).clone())
        .collect();
    (Some(u8::try_from(level).expect("0–3")), blocking)
}

/// Checks a `supplycheck.score/2` report against SCORING.md worked out from the generated
/// items.
fn matches_the_rule(
    sections: &[Vec<GenItem>],
    default_target: Option<u8>,
    critical: Option<bool>,
    got: &serde_json::Value,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(&got["format"], "supplycheck.score/2");
    let mut overall = Expected::default();
    let mut levels = Vec::new();
    let mut gaps: Vec<(i64, f64, usize, String, f64)> = Vec::new();
    let mut not_assessed = Vec::new();
    let mut order = 0;
    for (si, items) in sections.iter().enumerate() {
        let mut expected = Expected::default();
        let keyed: Vec<(String, &GenItem)> = items
            .iter()
            .enumerate()
            .map(|(ii, g)| (format!("p/i{si}-{ii}"), g))
            .collect();
        for (key, g) in &keyed {
            order += 1;
            expected.take(g, critical);
            overall.take(g, critical);
            match counts(g, critical) {
                Counts::Unanswered => not_assessed.push(key.clone()),
                Counts::Answered { value, .. } if value < 0.6 => {
                    gaps.push((g.level, g.weight * (1.0 - value), order, key.clone(), value));
                }
                _ => {}
            }
        }
        let (level, blocking) = level_of(&keyed, critical);
        let section = &got["sections"][si];
        prop_assert_eq!(&section["id"], &format!("p/s{si}"));
        expected.check(section, level)?;
        let blocking_got: Vec<&str> = section["blocking"]
            .as_array()
            .expect("blocking")
            .iter()
            .filter_map(|b| b.as_str())
            .collect();
        prop_assert_eq!(
            blocking_got,
            blocking.iter().map(String::as_str).collect::<Vec<_>>()
        );
        match default_target {
            Some(t) => {
                prop_assert_eq!(section["target"].as_u64(), Some(u64::from(t)));
                prop_assert_eq!(
                    section["meets_target"].as_bool(),
                    Some(level.is_some_and(|l| l >= t))
                );
            }
            None => {
                prop_assert!(
                    section.get("target").is_none() && section.get("meets_target").is_none()
                );
            }
        }
        levels.extend(level);
    }
    overall.check(&got["overall"], levels.iter().min().copied())?;
    // Level ascending, then weight × (1 − value) descending, then questionnaire order.
    gaps.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let gaps_got: Vec<(&str, f64)> = got["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|g| {
            (
                g["item"].as_str().unwrap_or_default(),
                g["value"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect();
    prop_assert_eq!(gaps_got.len(), gaps.len());
    for ((item, value), want) in gaps_got.iter().zip(&gaps) {
        prop_assert_eq!(*item, want.3.as_str());
        prop_assert!((value - want.4).abs() < 1e-12);
    }
    let not_assessed_got: Vec<&str> = got["not_assessed"]
        .as_array()
        .expect("not_assessed")
        .iter()
        .filter_map(|i| i.as_str())
        .collect();
    prop_assert_eq!(
        not_assessed_got,
        not_assessed.iter().map(String::as_str).collect::<Vec<_>>()
    );
    Ok(())
}

proptest! {
    #[test]
    fn an_item_not_applying_changes_no_figure_against_the_item_being_absent(sections in gen_sections()) {
        let (q, a) = build_for(&sections, Some(false));
        let by_rule = score(&[&q], &a);
        let kept: Vec<Vec<GenItem>> = sections
            .iter()
            .map(|s| s.iter().filter(|g| !g.critical_only).cloned().collect())
            .collect();
        let (q_kept, mut a_kept) = build(&kept);
        a_kept.answers.clear();
        for (si, items) in sections.iter().enumerate() {
            let mut kept_index = 0;
            for (ii, g) in items.iter().enumerate() {
                if g.critical_only {
                    continue;
                }
                if let Some(answer) = a.answers.get(&format!("p/i{si}-{ii}")) {
                    a_kept.answers.insert(format!("p/i{si}-{kept_index}"), answer.clone());
                }
                kept_index += 1;
            }
        }
        let mut absent = score(&[&q_kept], &a_kept);
        let gated: usize = sections.iter().flatten().filter(|g| g.critical_only).count();
        prop_assert_eq!(by_rule.overall.na_by_rule, gated);
        prop_assert_eq!(absent.overall.na_by_rule, 0);
        absent.overall.na_by_rule = by_rule.overall.na_by_rule;
        for (s, items) in absent.sections.iter_mut().zip(&sections) {
            s.figures.na_by_rule = items.iter().filter(|g| g.critical_only).count();
        }
        prop_assert_eq!(&by_rule.overall, &absent.overall);
        for (x, y) in by_rule.sections.iter().zip(&absent.sections) {
            prop_assert_eq!(&x.figures, &y.figures);
            prop_assert_eq!(x.blocking.len(), y.blocking.len());
        }
        prop_assert_eq!(by_rule.gaps.len(), absent.gaps.len());
        prop_assert_eq!(by_rule.not_assessed.len(), absent.not_assessed.len());
    }

    #[test]
    fn by_rule_never_adds_to_na_and_the_answers_count_again_for_a_critical_supplier(sections in gen_sections()) {
        let (q, a) = build_for(&sections, Some(false));
        let low = score(&[&q], &a);
        let (_, critical_a) = build_for(&sections, Some(true));
        let critical = score(&[&q], &critical_a);
        let user_na = sections
            .iter()
            .flatten()
            .filter(|g| !g.critical_only && counts(g, None) == Counts::NotApplicable)
            .count();
        prop_assert_eq!(low.overall.na, user_na);
        prop_assert!(low.overall.na <= critical.overall.na);
        prop_assert_eq!(critical.overall.na_by_rule, 0);
        prop_assert_eq!(critical, score(&[&q], &build(&sections).1));
    }

    #[test]
    fn removing_an_answer_never_raises_a_score(sections in gen_sections(), pick in any::<prop::sample::Index>()) {
        let (q, a) = build(&sections);
        let keys: Vec<String> = a.answers.keys().cloned().collect();
        prop_assume!(!keys.is_empty());
        let mut fewer = a.clone();
        fewer.answers.remove(pick.get(&keys));
        let before = score(&[&q], &a);
        let after = score(&[&q], &fewer);
        let pairs = std::iter::once((&before.overall, &after.overall))
            .chain(before.sections.iter().zip(&after.sections).map(|(x, y)| (&x.figures, &y.figures)));
        for (x, y) in pairs {
            if let (Some(b), Some(n)) = (x.score, y.score) {
                prop_assert!(n <= b + 1e-12, "{b} -> {n}");
            }
            if let (Some(b), Some(n)) = (x.coverage, y.coverage) {
                prop_assert!(n <= b + 1e-12, "coverage {b} -> {n}");
            }
            prop_assert!(y.level <= x.level || x.level.is_none(), "{:?} -> {:?}", x.level, y.level);
        }
    }

    #[test]
    fn a_checklist_with_required_never_exceeds_one(
        required in prop::option::of(1..=3i64),
        ticked in prop::collection::vec(any::<bool>(), CHECKS),
        na in prop::collection::vec(any::<bool>(), CHECKS),
    ) {
        let g = GenItem {
            critical_only: false,
            checklist: true,
            level: 1,
            weight: 1.0,
            allow_na: true,
            required,
            answer: GenAnswer::Checks(ticked, na),
        };
        let (q, a) = build(&[vec![g]]);
        let (_, item) = q.item("i0-0").expect("item");
        match item_value(&q, item, a.answer("p/i0-0")) {
            ItemValue::Value(v) => prop_assert!((0.0..=1.0).contains(&v), "{v}"),
            ItemValue::NotApplicable => {}
            other => prop_assert!(false, "{other:?}"),
        }
    }
}

proptest! {
    // Each case runs the binary; fewer cases keep the suite quick.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn score_json_agrees_with_the_rule_worked_out_again(
        sections in gen_sections(),
        default_target in prop::option::of(0..=3u8),
        critical in prop::option::of(any::<bool>()),
    ) {
        let (q, mut a) = build_for(&sections, critical);
        a.default_target = default_target;
        let dir = tempfile::tempdir().expect("tempdir");
        let q_file = dir.path().join("p.json");
        let a_file = dir.path().join("a.json");
        std::fs::write(&q_file, q.to_json()).expect("write");
        std::fs::write(&a_file, serde_json::to_string_pretty(&a).expect("json")).expect("write");
        let env = common::Env::new();
        let got = env.json(&[
            "--questionnaire-file",
            q_file.to_str().expect("utf-8 path"),
            "score",
            a_file.to_str().expect("utf-8 path"),
            "--json",
        ]);
        matches_the_rule(&sections, default_target, critical, &got)?;
    }
}

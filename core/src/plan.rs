//! The session plan of a workshop (an assessment's `plan`): its checks, the planned sections
//! in order, and keeping to time. Nothing here reads a clock: the time spent so far is passed
//! in, so the same figures come out on every surface and in tests.

use std::time::Duration;

use crate::assessment::Problem;
use crate::questionnaire::Questionnaire;
use crate::record::{Session, TimeBox};
use crate::text::sanitize_line;
use crate::walk;

/// What is wrong with a plan for an assessment of `questionnaires`: a section they do not
/// have, a time box under a minute, a session without sections, a section twice in one
/// session, two sessions of one name.
pub fn problems(plan: &[Session], questionnaires: &[&Questionnaire]) -> Vec<Problem> {
    let sections: Vec<String> = walk::sections(questionnaires).map(|s| s.id()).collect();
    let mut out = Vec::new();
    for (n, session) in plan.iter().enumerate() {
        let place = format!("plan: session {}", session_label(session, n));
        if session.sections.is_empty() {
            out.push(Problem {
                place: place.clone(),
                message: "covers no section; give it at least one".into(),
            });
        }
        if plan[..n]
            .iter()
            .any(|earlier| earlier.name.is_some() && earlier.name == session.name)
        {
            out.push(Problem {
                place: place.clone(),
                message: "is named twice; give each session its own name".into(),
            });
        }
        for (k, tb) in session.sections.iter().enumerate() {
            let shown = sanitize_line(&tb.section);
            if !sections.contains(&tb.section) {
                out.push(Problem {
                    place: place.clone(),
                    message: format!(
                        "no section \"{shown}\" in this assessment's questionnaires; name a \
                         section as <questionnaire id>/<section id>"
                    ),
                });
            }
            if tb.minutes == 0 {
                out.push(Problem {
                    place: place.clone(),
                    message: format!("\"{shown}\" has 0 minutes; give at least 1"),
                });
            } else if let Some(problem) = minutes_problem(u64::from(tb.minutes)) {
                out.push(Problem {
                    place: place.clone(),
                    message: format!("\"{shown}\" has {} minutes; {problem}", tb.minutes),
                });
            }
            if session.sections[..k]
                .iter()
                .any(|e| e.section == tb.section)
            {
                out.push(Problem {
                    place: place.clone(),
                    message: format!("\"{shown}\" is planned twice; plan each section once"),
                });
            }
        }
    }
    out
}

/// How a session is named in messages: its name, or its number from 1.
pub fn session_label(session: &Session, index: usize) -> String {
    session.name.as_deref().map_or_else(
        || format!("{}", index + 1),
        |n| format!("\"{}\"", sanitize_line(n)),
    )
}

/// Every planned section, session by session in order, each once.
pub fn planned_sections(plan: &[Session]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for tb in plan.iter().flat_map(|s| &s.sections) {
        if !out.contains(&tb.section.as_str()) {
            out.push(&tb.section);
        }
    }
    out
}

/// The session called `name` (trimmed, any case), or the first one when `name` is `None`.
pub fn session<'a>(plan: &'a [Session], name: Option<&str>) -> Option<&'a Session> {
    match name {
        None => plan.first(),
        Some(name) => plan.iter().find(|s| {
            s.name
                .as_deref()
                .is_some_and(|n| n.trim().eq_ignore_ascii_case(name.trim()))
        }),
    }
}

/// Puts `session` in the plan: in place of the session of the same name (a session without
/// a name replaces the first session without one), else at the end.
pub fn set_session(plan: &mut Vec<Session>, session: Session) {
    let same = |s: &Session| match (&s.name, &session.name) {
        (Some(a), Some(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
        (None, None) => true,
        _ => false,
    };
    match plan.iter().position(same) {
        Some(n) => plan[n] = session,
        None => plan.push(session),
    }
}

/// Where a session stands against its plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pace {
    /// The current section's full id.
    pub section: String,
    /// Its place in the session, from 0.
    pub index: usize,
    /// Its time box.
    pub planned: Duration,
    /// The time left in its box; zero once the box is used up.
    pub left: Duration,
    /// How far the section has run over its box (zero while within it).
    pub over: Duration,
    /// How far the session is behind its plan: the time spent in its sections so far beyond
    /// the planned end of the current section (zero when on time).
    pub behind: Duration,
    /// Whether the session can still end the current section when the plan says:
    /// `behind` is zero.
    pub on_time: bool,
}

/// Where `session` stands when the facilitator is at section `current`, given the time
/// spent so far in each section (`spent`, by full id; a section may appear more than once,
/// the times add up). Time spent in sections the session does not plan is not counted.
/// `None` when `current` is not in the session.
pub fn pace(session: &Session, spent: &[(&str, Duration)], current: &str) -> Option<Pace> {
    let index = session
        .sections
        .iter()
        .position(|tb| tb.section == current)?;
    let in_section = |id: &str| -> Duration {
        spent
            .iter()
            .filter(|(s, _)| *s == id)
            .map(|(_, d)| *d)
            .sum()
    };
    let planned = box_of(&session.sections[index]);
    let here = in_section(current);
    let elapsed: Duration = session
        .sections
        .iter()
        .map(|tb| in_section(&tb.section))
        .sum();
    let planned_end: Duration = session.sections[..=index].iter().map(box_of).sum();
    let behind = elapsed.saturating_sub(planned_end);
    Some(Pace {
        section: current.to_string(),
        index,
        planned,
        left: planned.saturating_sub(here),
        over: here.saturating_sub(planned),
        behind,
        on_time: behind.is_zero(),
    })
}

/// A time box as a duration.
pub fn box_of(tb: &TimeBox) -> Duration {
    Duration::from_secs(u64::from(tb.minutes) * 60)
}

/// A session's total planned time.
pub fn total(session: &Session) -> Duration {
    session.sections.iter().map(box_of).sum()
}

/// The longest time box, in minutes (10 hours): one bound for the command line, the app and
/// a plan read from a file.
pub const MOST_MINUTES: u32 = 600;

/// What is wrong with a time box of `minutes`, if anything: under a minute or over
/// [`MOST_MINUTES`].
pub fn minutes_problem(minutes: u64) -> Option<String> {
    if minutes == 0 {
        Some("a time box is at least 1 minute".into())
    } else if minutes > u64::from(MOST_MINUTES) {
        Some(format!(
            "a time box is at most {MOST_MINUTES} minutes ({} hours)",
            MOST_MINUTES / 60
        ))
    } else {
        None
    }
}

/// Reads a command line's `SECTION=MINUTES` (the section as typed, to be resolved by the
/// caller). An error says what is wrong.
pub fn parse_time_box(text: &str) -> Result<(String, u32), String> {
    let Some((section, minutes)) = text.rsplit_once('=') else {
        return Err(format!(
            "\"{}\" has no minutes; write SECTION=MINUTES, e.g. cfcs-phases/planning=20",
            sanitize_line(text)
        ));
    };
    let section = section.trim();
    if section.is_empty() {
        return Err(format!(
            "\"{}\" names no section; write SECTION=MINUTES",
            sanitize_line(text)
        ));
    }
    if section.chars().any(char::is_control) {
        return Err(format!(
            "\"{}\": the section holds control characters; type the section id as plain text",
            sanitize_line(text)
        ));
    }
    let minutes = minutes.trim();
    let whole = !minutes.is_empty() && minutes.bytes().all(|b| b.is_ascii_digit());
    if !whole {
        return Err(format!(
            "\"{}\": the minutes must be a whole number from 1 to {MOST_MINUTES}",
            sanitize_line(text)
        ));
    }
    // Digits only: a number too long for u64 is far over the bound.
    let m = minutes.parse::<u64>().unwrap_or(u64::MAX);
    match (minutes_problem(m), u32::try_from(m)) {
        (None, Ok(m)) => Ok((section.to_string(), m)),
        (problem, _) => Err(format!(
            "\"{}\": {}",
            sanitize_line(text),
            problem.unwrap_or_default()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::worked_example;

    fn tb(section: &str, minutes: u32) -> TimeBox {
        TimeBox {
            section: section.into(),
            minutes,
        }
    }

    fn board() -> Session {
        Session {
            name: Some("Board".into()),
            sections: vec![tb("q/a", 20), tb("q/b", 30), tb("q/c", 10)],
        }
    }

    const MIN: u64 = 60;

    fn mins(m: u64) -> Duration {
        Duration::from_secs(m * MIN)
    }

    #[test]
    fn a_plan_names_sections_the_assessment_has_with_a_minute_or_more() {
        let q = worked_example();
        let good = vec![Session {
            name: Some("Board".into()),
            sections: vec![tb("worked-example/planning", 20)],
        }];
        assert!(problems(&good, &[&q]).is_empty());
        let bad = vec![
            Session {
                name: Some("Board".into()),
                sections: vec![
                    tb("worked-example/nope", 20),
                    tb("worked-example/planning", 0),
                    tb("worked-example/planning", 5),
                ],
            },
            Session {
                name: Some("Board".into()),
                sections: vec![],
            },
        ];
        let said: Vec<String> = problems(&bad, &[&q])
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            said,
            [
                "plan: session \"Board\": no section \"worked-example/nope\" in this \
                 assessment's questionnaires; name a section as <questionnaire id>/<section id>",
                "plan: session \"Board\": \"worked-example/planning\" has 0 minutes; give at \
                 least 1",
                "plan: session \"Board\": \"worked-example/planning\" is planned twice; plan \
                 each section once",
                "plan: session \"Board\": covers no section; give it at least one",
                "plan: session \"Board\": is named twice; give each session its own name",
            ]
        );
    }

    #[test]
    fn a_plan_from_a_file_keeps_to_the_bound_of_a_time_box() {
        let q = worked_example();
        let plan = |minutes| {
            vec![Session {
                name: None,
                sections: vec![tb("worked-example/planning", minutes)],
            }]
        };
        assert!(problems(&plan(MOST_MINUTES), &[&q]).is_empty());
        let said: Vec<String> = problems(&plan(4_294_967_295), &[&q])
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            said,
            [
                "plan: session 1: \"worked-example/planning\" has 4294967295 minutes; a time box \
              is at most 600 minutes (10 hours)"
            ]
        );
    }

    #[test]
    fn planned_sections_come_in_session_order_each_once() {
        let other = Session {
            name: None,
            sections: vec![tb("q/b", 5), tb("q/d", 5)],
        };
        assert_eq!(
            planned_sections(&[board(), other]),
            ["q/a", "q/b", "q/c", "q/d"]
        );
    }

    #[test]
    fn setting_a_session_replaces_the_one_of_its_name() {
        let mut plan = vec![board()];
        set_session(
            &mut plan,
            Session {
                name: Some("staff".into()),
                sections: vec![tb("q/a", 5)],
            },
        );
        set_session(
            &mut plan,
            Session {
                name: Some(" board ".into()),
                sections: vec![tb("q/c", 15)],
            },
        );
        assert_eq!(plan.len(), 2);
        assert_eq!(plan[0].sections, [tb("q/c", 15)]);
        assert_eq!(
            session(&plan, Some("STAFF")).map(|s| s.sections.len()),
            Some(1)
        );
        assert_eq!(session(&plan, None), plan.first());
        assert_eq!(total(&board()), mins(60));
    }

    #[test]
    fn the_pace_counts_the_time_left_in_the_box_and_whether_the_session_is_on_time() {
        let s = board();
        // 15 minutes into the first box of 20.
        let p = pace(&s, &[("q/a", mins(15))], "q/a").expect("planned");
        assert_eq!(
            (p.index, p.left, p.over, p.behind, p.on_time),
            (0, mins(5), mins(0), mins(0), true)
        );
        // The first section took 25 (5 over); 20 into the second box of 30: 10 left in the
        // box, and 45 spent against a planned end of 50: on time.
        let spent = [
            ("q/a", mins(25)),
            ("q/b", mins(12)),
            ("q/x", mins(99)),
            ("q/b", mins(8)),
        ];
        let p = pace(&s, &spent, "q/b").expect("planned");
        assert_eq!((p.left, p.behind, p.on_time), (mins(10), mins(0), true));
        // 32 into the second box: 2 over it, and 57 spent against 50: 7 behind.
        let p = pace(&s, &[("q/a", mins(25)), ("q/b", mins(32))], "q/b").expect("planned");
        assert_eq!(
            (p.left, p.over, p.behind, p.on_time),
            (mins(0), mins(2), mins(7), false)
        );
        // Catching up: the third box starts 7 late but the section is short.
        let p = pace(
            &s,
            &[("q/a", mins(25)), ("q/b", mins(32)), ("q/c", mins(2))],
            "q/c",
        )
        .expect("planned");
        assert_eq!((p.left, p.behind, p.on_time), (mins(8), mins(0), true));
        assert_eq!(pace(&s, &[], "q/zzz"), None, "not in the session");
    }

    #[test]
    fn a_time_box_is_read_from_section_equals_minutes() {
        assert_eq!(parse_time_box("planning=20"), Ok(("planning".into(), 20)));
        assert_eq!(parse_time_box("planning=600"), Ok(("planning".into(), 600)));
        assert_eq!(parse_time_box("planning=1"), Ok(("planning".into(), 1)));
        assert_eq!(
            parse_time_box(" q/s = 5 "),
            Ok(("q/s".into(), 5)),
            "spaces are trimmed"
        );
        for (bad, says) in [
            ("planning", "has no minutes"),
            ("=20", "names no section"),
            ("planning=0", "at least 1 minute"),
            ("planning=ten", "whole number from 1 to 600"),
            ("planning=-5", "whole number"),
            ("planning=601", "at most 600 minutes (10 hours)"),
            ("planning=4294967296", "at most 600 minutes (10 hours)"),
            (
                "planning=99999999999999999999999",
                "at most 600 minutes (10 hours)",
            ),
            ("board-role\u{1b}[31m=10", "holds control characters"),
        ] {
            let e = parse_time_box(bad).expect_err(bad);
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}

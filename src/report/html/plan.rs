//! The action plan: one list, grouped by why each action ranks where it does, each row an
//! action in the imperative with the missing checks named, the answer in words, owner, due
//! day, status, evidence, source and note; with a comparison, whether each action is new or
//! carried over, and what was done since.

use maud::{Markup, html};

use super::{Text, note, pill};
use crate::pack::{ActionKind, BoardPack, DoneSince, PlanAction, Priority, count};

/// What a group of the plan is.
fn group_heading(p: Priority) -> &'static str {
    match p {
        Priority::Decision => "Decisions requested",
        Priority::Flagged => "Flagged for follow-up",
        Priority::Blocking => "Blocking the next level, areas furthest below target first",
        Priority::Shortfall => "Other shortfalls, largest weight × shortfall first",
        Priority::Done => "Done",
    }
}

/// The section.
pub(super) fn plan(pack: &BoardPack) -> Markup {
    let plan = &pack.plan;
    let mut first = 1;
    let groups: Vec<(usize, &[PlanAction])> = plan
        .chunk_by(|a, b| a.priority == b.priority)
        .map(|g| {
            let at = first;
            first += g.len();
            (at, g)
        })
        .collect();
    html! {
        section id="actions" {
            "\n"
            h2 { "Action plan" } "\n"
            @if plan.is_empty() {
                p class="empty" {
                    "No action: every applicable item is assessed and achieved, and nothing is \
                     flagged."
                }
                "\n"
            } @else {
                p class="intro" {
                    (count(plan.len(), "action", "actions")) ", ranked: decisions requested and \
                     flagged items first, then what blocks an area's next level, then the rest. \
                     Unassessed items are actions (“Assess”), and so are “Don't know” answers \
                     (“Find out”). " (Text(&pack.page_one.counts.owners_text)) "."
                }
                "\n"
                table class="data plan" {
                    "\n"
                    colgroup { col class="c-num"; col; col class="c-who"; }
                    "\n"
                    thead {
                        tr { th class="num" { "#" } th { "Action" } th { "Owner · due · status" } }
                    }
                    "\n"
                    @for (at, group) in &groups {
                        tbody {
                            "\n"
                            tr class="group" {
                                th colspan="3" {
                                    (group_heading(group[0].priority)) " "
                                    span class="muted" { "· " (count(group.len(), "action", "actions")) }
                                }
                            }
                            "\n"
                            @for (n, r) in group.iter().enumerate() {
                                (row(at + n, r))
                            }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            @if pack.comparison.is_some() {
                (done_since(&pack.done_since))
            }
        }
        "\n"
    }
}

/// One action: what to do and everything about it in one block, who and when beside it.
fn row(n: usize, r: &PlanAction) -> Markup {
    html! {
        tr class=[(r.priority == Priority::Done).then_some("done")] {
            td class="num" { (n) }
            td {
                (pill(r.level)) " " span class="prompt" { (Text(&r.action)) }
                @if r.flag { " " span class="tag flag" { "⚑ flagged" } }
                @if let Some(s) = &r.since_text { " " span class="tag since" { (Text(s)) } }
                @if let Some(d) = &r.decision {
                    div class="decision" { "Decision: " (Text(d)) }
                }
                div class="ref" {
                    @match r.kind {
                        ActionKind::Assess => { "Not assessed" }
                        ActionKind::Settle => { "Disputed" }
                        _ => { "Now: " (Text(&r.answer)) }
                    }
                    @if r.priority == Priority::Blocking { " · " (Text(&r.why)) }
                    @else { " · " (Text(&r.section)) }
                    @if !r.refs.is_empty() { " · " (Text(r.refs.join(", "))) }
                }
                @if !r.missing_checks.is_empty() {
                    div class="missing" {
                        "Missing: " (Text(r.missing_checks.join("; ")))
                    }
                }
                @if !r.evidence.is_empty() {
                    div class="evidence" {
                        "Evidence: "
                        @for (i, e) in r.evidence.iter().enumerate() {
                            @if i > 0 { "; " }
                            (Text(&e.reference))
                            @if let Some(d) = &e.reviewed { " (reviewed " (Text(d)) ")" }
                        }
                    }
                }
                (note(r.note.as_ref()))
            }
            td data-label="Owner" {
                span class=[r.owner.is_none().then_some("muted")] { (Text(&r.owner_text)) }
                br;
                span class="ref" { (Text(&r.due_text)) " · " (Text(r.status_text)) }
            }
        }
        "\n"
    }
}

/// "Done since": the earlier actions that are no longer actions.
fn done_since(done: &[DoneSince]) -> Markup {
    html! {
        h3 { "Done since the earlier assessment" } "\n"
        @if done.is_empty() {
            p class="quiet" { "No earlier action is done." } "\n"
        } @else {
            ul class="done-since" {
                "\n"
                @for d in done {
                    li {
                        (Text(&d.action)) " "
                        span class="ref" {
                            (Text(&d.section)) " · then "
                            @if d.answer_before.is_empty() { "not assessed" }
                            @else { (Text(&d.answer_before)) }
                            ", now " (Text(&d.answer_now))
                        }
                    }
                    "\n"
                }
            }
            "\n"
        }
    }
}

//! Checking a questionnaire's meaning: every rule of the format, each problem with its
//! place (`section/item/check`), errors and warnings.

use std::collections::HashSet;

use super::{
    ALL_NA_AT_LEVEL, Condition, Finding, Item, ItemKind, MAX_WEIGHT, MIN_WEIGHT,
    QUESTIONNAIRE_FORMAT, QUESTIONNAIRE_FORMAT_1, QUESTIONNAIRE_FORMATS, Questionnaire,
    ScaleOption, Scope, Section, Severity, bad_id_message, is_valid_id,
};

impl Questionnaire {
    /// Checks the questionnaire's meaning and returns every problem found.
    #[allow(clippy::too_many_lines)] // one flat list of rules reads better than many helpers
    pub fn validate(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut error = |path: String, message: String| {
            out.push(Finding {
                severity: Severity::Error,
                path,
                message,
            });
        };
        if !QUESTIONNAIRE_FORMATS.contains(&self.format.as_str()) {
            error(
                "format".into(),
                format!(
                    "is \"{}\"; this version of supplycheck reads \"{QUESTIONNAIRE_FORMAT_1}\" \
                     and \"{QUESTIONNAIRE_FORMAT}\"",
                    crate::text::sanitize_line(&self.format)
                ),
            );
        }
        if !is_valid_id(&self.id) {
            error("id".into(), bad_id_message(&self.id));
        }
        if self.version.trim().is_empty() {
            error(
                "version".into(),
                "is empty; give a version such as \"1.0.0\"".into(),
            );
        }
        if !(self.pass_mark > 0.0 && self.pass_mark <= 1.0 && self.pass_mark.is_finite()) {
            error(
                "pass_mark".into(),
                format!("is {}; it must be above 0 and at most 1", self.pass_mark),
            );
        }
        for (key, scale) in &self.scales {
            let path = format!("scales/{key}");
            if !is_valid_id(key) {
                error(path.clone(), bad_id_message(key));
            }
            if scale.options.is_empty() {
                error(path.clone(), "has no options; give at least one".into());
            }
            let mut keys = HashSet::new();
            for option in &scale.options {
                let opath = format!("{path}/{}", option.key);
                if !is_valid_id(&option.key) {
                    error(opath.clone(), bad_id_message(&option.key));
                }
                if !keys.insert(option.key.as_str()) {
                    error(opath.clone(), "duplicate option key in this scale".into());
                }
                if !(option.value.is_finite() && (0.0..=1.0).contains(&option.value)) {
                    error(
                        opath.clone(),
                        format!("value {} is outside [0, 1]", option.value),
                    );
                }
                if option.is_unknown() && option.value != 0.0 {
                    error(
                        opath.clone(),
                        format!(
                            "is marked \"unknown\" but has value {}; a \"Don't know\" option \
                             must have value 0",
                            shown_number(option.value)
                        ),
                    );
                }
                for old in &option.was {
                    if !is_valid_id(old) {
                        error(format!("{opath}/was"), bad_id_message(old));
                    }
                }
            }
            for (old, message) in was_clashes(
                &scale
                    .options
                    .iter()
                    .map(|o| (o.key.as_str(), o.was.as_slice()))
                    .collect::<Vec<_>>(),
                "option",
                "key",
            ) {
                error(format!("{path}/{old}"), message);
            }
        }
        if self.sections.is_empty() {
            error(
                "sections".into(),
                "is empty; a questionnaire needs a section".into(),
            );
        }
        let mut section_ids = HashSet::new();
        let mut item_ids = HashSet::new();
        for section in &self.sections {
            let spath = section.id.clone();
            if !is_valid_id(&section.id) {
                error(spath.clone(), bad_id_message(&section.id));
            }
            if !section_ids.insert(section.id.as_str()) {
                error(spath.clone(), "duplicate section id".into());
            }
            if section.items.is_empty() {
                error(spath.clone(), "has no items".into());
            }
            for item in &section.items {
                let ipath = format!("{spath}/{}", item.id);
                if !is_valid_id(&item.id) {
                    error(ipath.clone(), bad_id_message(&item.id));
                }
                if !item_ids.insert(item.id.as_str()) {
                    error(
                        ipath.clone(),
                        "duplicate item id (item ids must be unique in the whole questionnaire)"
                            .into(),
                    );
                }
                if item.prompt.trim().is_empty() {
                    error(ipath.clone(), "has an empty prompt".into());
                }
                match item.kind {
                    ItemKind::Choice => match &item.scale {
                        None => error(ipath.clone(), "a choice item needs a \"scale\"".into()),
                        Some(s) if !self.scales.contains_key(s) => error(
                            ipath.clone(),
                            format!(
                                "unknown scale \"{s}\"; known scales: {}",
                                list_or_none(self.scales.keys())
                            ),
                        ),
                        Some(_) => {}
                    },
                    ItemKind::Checklist => {
                        if item.checks.is_empty() {
                            error(ipath.clone(), "a checklist needs at least one check".into());
                        }
                    }
                    ItemKind::Text => {}
                }
                if item.kind != ItemKind::Choice && item.scale.is_some() {
                    error(
                        ipath.clone(),
                        format!("a {} item takes no \"scale\"", item.kind.as_str()),
                    );
                }
                if let Some(r) = item.required {
                    if item.kind != ItemKind::Checklist {
                        error(
                            ipath.clone(),
                            format!(
                                "a {} item takes no \"required\" (only a checklist does)",
                                item.kind.as_str()
                            ),
                        );
                    } else if r < 1 || usize::try_from(r).map_or(true, |r| r > item.checks.len()) {
                        error(
                            ipath.clone(),
                            format!(
                                "\"required\" is {r}; give a whole number from 1 to the number \
                                 of checks ({})",
                                item.checks.len()
                            ),
                        );
                    }
                }
                if item.kind != ItemKind::Checklist && !item.checks.is_empty() {
                    error(
                        ipath.clone(),
                        format!("a {} item takes no \"checks\"", item.kind.as_str()),
                    );
                }
                for old in &item.was {
                    if !is_valid_id(old) {
                        error(format!("{ipath}/was"), bad_id_message(old));
                    }
                }
                let mut check_ids = HashSet::new();
                for check in &item.checks {
                    let cpath = format!("{ipath}/{}", check.id);
                    if !is_valid_id(&check.id) {
                        error(cpath.clone(), bad_id_message(&check.id));
                    }
                    if !check_ids.insert(check.id.as_str()) {
                        error(cpath, "duplicate check id in this item".into());
                    }
                }
                if item.action.as_deref().is_some_and(|a| a.trim().is_empty()) {
                    error(
                        ipath.clone(),
                        "has an empty \"action\"; write the follow-up or remove the field".into(),
                    );
                }
                if let Some(when) = &item.when {
                    for message in self.condition_problems(item, when) {
                        error(ipath.clone(), message);
                    }
                }
                if item.is_scored() {
                    match item.level {
                        None => error(
                            ipath.clone(),
                            "a scored item needs a \"level\" (1, 2 or 3)".into(),
                        ),
                        Some(l) if !(1..=3).contains(&l) => {
                            error(ipath.clone(), format!("level {l} is outside 1–3"));
                        }
                        Some(_) => {}
                    }
                    if let Some(w) = item.weight
                        && !((MIN_WEIGHT..=MAX_WEIGHT).contains(&w))
                    {
                        error(
                            ipath.clone(),
                            format!(
                                "weight {} must be at least {MIN_WEIGHT} and at most {MAX_WEIGHT}",
                                shown_number(w)
                            ),
                        );
                    }
                } else {
                    if item.level.is_some() {
                        error(
                            ipath.clone(),
                            "a text item is not scored: remove \"level\"".into(),
                        );
                    }
                    if item.weight.is_some() {
                        error(
                            ipath.clone(),
                            "a text item is not scored: remove \"weight\"".into(),
                        );
                    }
                }
            }
        }
        for (old, message) in was_clashes(
            &self
                .items()
                .map(|(_, item)| (item.id.as_str(), item.was.as_slice()))
                .collect::<Vec<_>>(),
            "item",
            "id",
        ) {
            error(format!("was/{old}"), message);
        }
        out.extend(self.condition_cycles());
        if self.scope() == Scope::Organisation {
            for (section, item) in self.items() {
                let mut tier = false;
                if let Some(when) = &item.when {
                    when.walk(&mut |c| tier |= matches!(c, Condition::Tier(_)));
                }
                if tier {
                    out.push(Finding {
                        severity: Severity::Warning,
                        path: format!("{}/{}", section.id, item.id),
                        message: "\"when\" names a tier, but this questionnaire's scope is \
                                  organisation, which has no tier, so the condition always \
                                  holds; set \"scope\": \"supplier\" or remove the tier"
                            .into(),
                    });
                }
            }
        }
        for section in &self.sections {
            let levels: HashSet<u8> = section
                .items
                .iter()
                .filter(|i| i.is_scored())
                .map(Item::level)
                .collect();
            if levels.is_empty() {
                continue;
            }
            let missing: Vec<String> = (1..=3u8)
                .filter(|l| !levels.contains(l))
                .map(|l| l.to_string())
                .collect();
            if !missing.is_empty() {
                out.push(Finding {
                    severity: Severity::Warning,
                    path: section.id.clone(),
                    message: format!(
                        "has no scored item at level {}; a well-formed section spans levels 1–3",
                        missing.join(" or ")
                    ),
                });
            }
            for level in 1..=3u8 {
                let mut at_level = section
                    .items
                    .iter()
                    .filter(|i| i.is_scored() && i.level() == level)
                    .peekable();
                if at_level.peek().is_some() && at_level.all(Item::allows_na) {
                    out.push(Finding {
                        severity: Severity::Warning,
                        path: section.id.clone(),
                        message: format!(
                            "{ALL_NA_AT_LEVEL} {level} may be answered N/A, so level {level} can \
                             be reached for free; give at least one of them \"allow_na\": false"
                        ),
                    });
                }
            }
        }
        out
    }

    /// What is wrong with `item`'s condition `when`, in words: an empty list, an item that
    /// is not in this questionnaire (or is `item` itself), an answer the named item cannot
    /// have. Tiers are checked when the file is read.
    fn condition_problems(&self, item: &Item, when: &Condition) -> Vec<String> {
        let mut out = Vec::new();
        when.walk(&mut |c| match c {
            Condition::Tier(tiers) if tiers.is_empty() => out.push(
                "\"when\": a \"tier\" list is empty; name at least one of critical, high, \
                 medium, low"
                    .into(),
            ),
            Condition::All(list) | Condition::Any(list) if list.is_empty() => out.push(
                "\"when\": an \"all\" or \"any\" list is empty; give at least one condition".into(),
            ),
            Condition::Answer {
                item: named,
                any_of,
            } => {
                let shown = crate::text::sanitize_line(named);
                let target = named
                    .split_once('/')
                    .filter(|(q, _)| *q == self.id)
                    .and_then(|(_, id)| self.item(id));
                let Some((_, target)) = target else {
                    out.push(format!(
                        "\"when\" names \"{shown}\", which is not an item of this \
                         questionnaire; write \"{}/<item id>\" with an item that exists",
                        self.id
                    ));
                    return;
                };
                if target.id == item.id {
                    out.push("\"when\" names the item itself; name another item".into());
                    return;
                }
                if any_of.is_empty() {
                    out.push(format!(
                        "\"when\": the \"in\" list for \"{shown}\" is empty; give the answers \
                         that make the item apply"
                    ));
                }
                let valid: Vec<&str> = match target.kind {
                    ItemKind::Choice => self
                        .options(target)
                        .iter()
                        .map(|o| o.key.as_str())
                        .collect(),
                    ItemKind::Checklist => target.checks.iter().map(|k| k.id.as_str()).collect(),
                    ItemKind::Text => {
                        out.push(format!(
                            "\"when\" names the text item \"{shown}\"; a condition can name a \
                             choice item or a checklist"
                        ));
                        return;
                    }
                };
                for key in any_of.iter().filter(|k| !valid.contains(&k.as_str())) {
                    out.push(format!(
                        "\"when\": \"{}\" is not an answer of \"{shown}\"; valid: {}",
                        crate::text::sanitize_line(key),
                        valid.join(", ")
                    ));
                }
            }
            _ => {}
        });
        out
    }

    /// The cycles of `when` conditions (A asked when B, B when C, C when A), each as an
    /// error naming the items around it. An item naming itself is reported with its
    /// condition.
    fn condition_cycles(&self) -> Vec<Finding> {
        let named: Vec<(&str, Vec<&str>)> = self
            .items()
            .map(|(_, item)| {
                let mut next: Vec<&str> = item.when.as_ref().map_or_else(Vec::new, |w| {
                    w.items()
                        .into_iter()
                        .filter_map(|full| {
                            full.strip_prefix(self.id.as_str())
                                .and_then(|rest| rest.strip_prefix('/'))
                        })
                        .filter(|id| *id != item.id && self.item(id).is_some())
                        .collect()
                });
                next.dedup();
                (item.id.as_str(), next)
            })
            .collect();
        let mut out = Vec::new();
        let mut seen: HashSet<Vec<&str>> = HashSet::new();
        let mut done: HashSet<&str> = HashSet::new();
        for (start, _) in &named {
            let mut path = Vec::new();
            cycles_from(start, &named, &mut path, &mut done, &mut |cycle| {
                let low = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
                let mut turned: Vec<&str> = cycle[low..].to_vec();
                turned.extend_from_slice(&cycle[..low]);
                if !seen.insert(turned.clone()) {
                    return;
                }
                let first = turned[0];
                let section = self.item(first).map_or("", |(s, _)| s.id.as_str());
                let mut shown: Vec<String> = turned
                    .iter()
                    .map(|id| format!("{}/{id}", self.id))
                    .collect();
                shown.push(format!("{}/{first}", self.id));
                out.push(Finding {
                    severity: Severity::Error,
                    path: format!("{section}/{first}"),
                    message: format!(
                        "\"when\" conditions form a cycle: {}; each of these items is asked \
                         only when another is answered, so none can be; remove one of the \
                         conditions",
                        shown.join(" → ")
                    ),
                });
            });
        }
        out
    }

    /// What one assessment of this questionnaire covers.
    pub fn scope(&self) -> Scope {
        self.scope.unwrap_or_default()
    }

    /// Every item with its section, in questionnaire order.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    /// Finds an item by id.
    pub fn item(&self, id: &str) -> Option<(&Section, &Item)> {
        self.items().find(|(_, i)| i.id == id)
    }

    /// Number of scored items.
    pub fn scored_count(&self) -> usize {
        self.items().filter(|(_, i)| i.is_scored()).count()
    }

    /// Number of items of every kind.
    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }

    /// The options of a choice item's scale (empty for other kinds).
    pub fn options(&self, item: &Item) -> &[ScaleOption] {
        item.scale
            .as_ref()
            .and_then(|s| self.scales.get(s))
            .map_or(&[], |s| s.options.as_slice())
    }

    /// Serialises the questionnaire as pretty JSON in the file format.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The earlier names (`was`) that clash, with what is wrong: one that is also a current name
/// (`id` of an item, `key` of an option) of the same list, or one that two of them claim.
/// `names` gives each member's current name and earlier names.
fn was_clashes<'a>(
    names: &[(&'a str, &'a [String])],
    what: &str,
    field: &str,
) -> Vec<(String, String)> {
    let current: HashSet<&str> = names.iter().map(|(name, _)| *name).collect();
    let mut claimed: Vec<(&str, &str)> = Vec::new();
    let mut out = Vec::new();
    for &(name, was) in names {
        for old in was {
            let shown = crate::text::sanitize_line(old);
            if current.contains(old.as_str()) {
                out.push((
                    shown.clone(),
                    format!(
                        "\"{shown}\" in the \"was\" of {what} \"{name}\" is the {field} of a \
                         current {what}; an earlier {field} must not be one in use, or answers \
                         would carry to the wrong {what}: remove it from \"was\""
                    ),
                ));
            } else if let Some((_, first)) = claimed.iter().find(|(o, _)| *o == old.as_str()) {
                out.push((
                    shown.clone(),
                    format!(
                        "\"{shown}\" is in the \"was\" of both {what} \"{first}\" and \
                         {what} \"{name}\"; an earlier {field} can carry to one {what} only: \
                         keep it in one \"was\""
                    ),
                ));
            } else {
                claimed.push((old.as_str(), name));
            }
        }
    }
    out
}

/// Follows the conditions from `node`, calling `found` with each cycle met (the items along
/// it, in order). `path` is the walk so far; `done` the items fully explored.
fn cycles_from<'a>(
    node: &'a str,
    named: &[(&'a str, Vec<&'a str>)],
    path: &mut Vec<&'a str>,
    done: &mut HashSet<&'a str>,
    found: &mut impl FnMut(&[&'a str]),
) {
    if let Some(at) = path.iter().position(|n| *n == node) {
        found(&path[at..]);
        return;
    }
    if done.contains(node) {
        return;
    }
    path.push(node);
    if let Some((_, next)) = named.iter().find(|(id, _)| *id == node) {
        for n in next {
            cycles_from(n, named, path, done, found);
        }
    }
    path.pop();
    done.insert(node);
}

/// A number as a message shows it: very large or small ones in exponent form (`1e308`).
fn shown_number(n: f64) -> String {
    if n != 0.0 && !(1e-6..1e6).contains(&n.abs()) {
        format!("{n:e}")
    } else {
        n.to_string()
    }
}

fn list_or_none<'a>(keys: impl Iterator<Item = &'a String>) -> String {
    let v: Vec<&str> = keys.map(String::as_str).collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}

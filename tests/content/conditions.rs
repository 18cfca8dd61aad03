//! When an item is asked (format 2's `when`), read from the JSON as written: whether a
//! condition holds for every tier on its own, whether it can hold for a given tier, and
//! whether it depends on another item's answer.

use serde_json::Value;

use super::array_of;

/// The supplier tiers a `when` condition can name.
pub(super) const TIERS: [&str; 4] = ["critical", "high", "medium", "low"];

/// Whether the item is asked whatever the supplier's tier and whatever else is answered: it
/// has no `when`, or one that every tier meets on its own.
pub(super) fn always_asked(item: &Value) -> bool {
    item.get("when").is_none_or(holds_for_every_tier)
}

/// Whether a condition holds for every tier without depending on any answer.
fn holds_for_every_tier(c: &Value) -> bool {
    if let Some(tiers) = c["tier"].as_array() {
        TIERS.iter().all(|t| tiers.iter().any(|x| x == t))
    } else if let Some(all) = c["all"].as_array() {
        all.iter().all(holds_for_every_tier)
    } else if let Some(any) = c["any"].as_array() {
        any.iter().any(holds_for_every_tier)
    } else {
        false
    }
}

/// Whether a condition can hold for a supplier of `tier`, given the right answers.
pub(super) fn can_hold_for(c: &Value, tier: &str) -> bool {
    if let Some(tiers) = c["tier"].as_array() {
        tiers.iter().any(|x| x == tier)
    } else if let Some(all) = c["all"].as_array() {
        all.iter().all(|c| can_hold_for(c, tier))
    } else if let Some(any) = c["any"].as_array() {
        any.iter().any(|c| can_hold_for(c, tier))
    } else {
        true
    }
}

/// Whether a condition names another item's answer anywhere in it.
pub(super) fn names_an_answer(c: &Value) -> bool {
    c.get("item").is_some()
        || ["all", "any"]
            .iter()
            .flat_map(|k| array_of(c, k))
            .any(names_an_answer)
}

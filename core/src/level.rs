//! The maturity levels 0–3 in words (CERT RMM capability levels): a number, a name and what
//! it means for supplier relationships. Scoring works out which level is reached; this is how
//! a level reads, the same on every surface (shown through [`crate::figures`]).

use std::fmt;

/// A maturity level 0–3. Shown as "2 Managed".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 4] = [Level(0), Level(1), Level(2), Level(3)];

    /// The level `number`, or `None` above 3.
    pub fn new(number: u8) -> Option<Self> {
        (number <= 3).then_some(Self(number))
    }

    /// The level `number`, taken as 3 above 3.
    pub fn at_most_3(number: u8) -> Self {
        Self(number.min(3))
    }

    /// Its number, 0–3.
    pub fn number(self) -> u8 {
        self.0
    }

    /// Its name: "Incomplete", "Performed", "Managed" or "Defined".
    pub fn name(self) -> &'static str {
        match self.0 {
            0 => "Incomplete",
            1 => "Performed",
            2 => "Managed",
            _ => "Defined",
        }
    }

    /// What it means for supplier relationships, in one line.
    pub fn meaning(self) -> &'static str {
        match self.0 {
            0 => "basic practices are missing or not known to be in place",
            1 => "the basic practices are done, perhaps ad hoc",
            2 => "done as planned: documented, resourced, owned, reviewed, proportionate",
            _ => "an organisation-wide process: consistent, measured, improved, holds under stress",
        }
    }

    /// What it means for supplier relationships, in full (the scoring rule's definition).
    pub fn definition(self) -> &'static str {
        match self.0 {
            0 => "Basic practices are missing or not known to be in place.",
            1 => {
                "The basic practices are done, perhaps ad hoc: we know our suppliers, we set \
                 some requirements, someone checks."
            }
            2 => {
                "Done as planned: documented, resourced, owned by a named role, reviewed on a \
                 schedule, proportionate to supplier priority."
            }
            _ => {
                "An organisation-wide, institutionalised process: standard policy, consistent \
                 across suppliers and sub-suppliers, measured and improved, holds under stress."
            }
        }
    }

    /// The short form used where room is tight: "L2".
    pub fn short(self) -> String {
        format!("L{}", self.0)
    }
}

impl fmt::Display for Level {
    /// "2 Managed".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0, self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_has_a_number_a_name_and_a_meaning() {
        assert_eq!(
            Level::new(2).map(|l| l.to_string()),
            Some("2 Managed".to_string())
        );
        assert_eq!(Level::new(4), None);
        assert_eq!(Level::at_most_3(7).name(), "Defined");
        assert_eq!(
            Level::ALL.map(Level::name),
            ["Incomplete", "Performed", "Managed", "Defined"]
        );
        assert_eq!(Level::ALL[1].short(), "L1");
        assert!(Level::ALL[0].meaning().starts_with("basic practices"));
    }
}

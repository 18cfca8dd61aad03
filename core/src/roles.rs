//! The roles that own follow-up actions: those of the CFCS guide's appendix on roles and
//! responsibilities in outsourcing (CFCS App. 4).

/// An owner role: its id (stored in answers) and the name people see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    /// Stored in an answer's `owner`.
    pub id: &'static str,
    /// Shown on screen and in reports.
    pub label: &'static str,
}

/// Every owner role, in the appendix's order.
pub const ROLES: [Role; 7] = [
    Role {
        id: "executives",
        label: "Organisation executives",
    },
    Role {
        id: "security-coordinator",
        label: "Information security coordinator",
    },
    Role {
        id: "contract-manager",
        label: "Contract manager",
    },
    Role {
        id: "legal",
        label: "Legal function",
    },
    Role {
        id: "system-owner",
        label: "System and data owners",
    },
    Role {
        id: "it-manager",
        label: "IT manager",
    },
    Role {
        id: "dpo",
        label: "Data protection officer (DPO)",
    },
];

/// The role with this id.
pub fn role(id: &str) -> Option<&'static Role> {
    ROLES.iter().find(|r| r.id == id)
}

/// How to show an owner: the role's name, or the stored text (sanitised) for a role of the
/// user's own.
pub fn owner_label(owner: &str) -> String {
    role(owner).map_or_else(
        || crate::text::sanitize_line(owner),
        |r| r.label.to_string(),
    )
}

/// Reads an owner as given on the command line or typed in the app: a role id, or the user's
/// own words ("Head of Procurement"), plain text of at most 80 characters. Empty means no
/// owner.
pub fn parse_owner(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(r) = role(text) {
        return Ok(Some(r.id.to_string()));
    }
    if text.chars().any(char::is_control) {
        return Err(format!(
            "the owner \"{}\" holds control characters; give a role ({}) or a name in plain text",
            crate::text::sanitize_line(text),
            role_ids()
        ));
    }
    let n = text.chars().count();
    if n > MAX_OWNER_CHARS {
        return Err(format!(
            "the owner is {n} characters long; give a role ({}) or a name of at most \
             {MAX_OWNER_CHARS} characters",
            role_ids()
        ));
    }
    Ok(Some(text.to_string()))
}

/// The longest owner in the user's own words.
pub const MAX_OWNER_CHARS: usize = 80;

/// The role ids as one comma-separated line, for messages.
pub fn role_ids() -> String {
    ROLES.iter().map(|r| r.id).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owner_is_a_role_or_plain_words_and_nothing_else() {
        assert_eq!(parse_owner("dpo"), Ok(Some("dpo".into())));
        assert_eq!(
            parse_owner("  Head of Procurement "),
            Ok(Some("Head of Procurement".into()))
        );
        assert_eq!(parse_owner(""), Ok(None));
        let control = parse_owner("Ann\u{1b}[31m").expect_err("control characters");
        assert!(control.contains("control characters"), "{control}");
        let long = parse_owner(&"x".repeat(81)).expect_err("too long");
        assert!(long.contains("at most 80"), "{long}");
    }
}

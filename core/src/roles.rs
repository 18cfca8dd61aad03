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

/// The role ids as one comma-separated line, for messages.
pub fn role_ids() -> String {
    ROLES.iter().map(|r| r.id).collect::<Vec<_>>().join(", ")
}

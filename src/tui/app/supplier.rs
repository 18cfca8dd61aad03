//! The supplier dialog of a supplier assessment: its tier and the services that depend on
//! it. Saved through the normal save path, and undone like any change; the items' `when`
//! conditions follow the new tier at once, and no answer is deleted.

use crate::questionnaire::Tier;
use crate::record::Subject;
use crate::text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::editor::Editor;

use super::{App, Mode};

/// The field of the supplier dialog with focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SupplierField {
    /// The tier, chosen in turn with Space or ←/→, or by its number.
    #[default]
    Tier,
    /// The services, separated by commas.
    Services,
}

/// The supplier dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplierForm {
    /// The supplier's name (safe to show).
    pub name: String,
    /// The tier chosen.
    pub tier: Option<Tier>,
    /// The services, separated by commas.
    pub services: Editor,
    /// The field with focus.
    pub field: SupplierField,
}

impl SupplierForm {
    /// The tier before or after `tier` in the order none, critical, high, medium, low.
    fn step(tier: Option<Tier>, forward: bool) -> Option<Tier> {
        let order: Vec<Option<Tier>> = std::iter::once(None)
            .chain(Tier::ALL.iter().copied().map(Some))
            .collect();
        let n = order.iter().position(|t| *t == tier).unwrap_or(0);
        let next = if forward {
            (n + 1) % order.len()
        } else {
            (n + order.len() - 1) % order.len()
        };
        order.get(next).copied().flatten()
    }

    /// The services as a list: trimmed, empty ones dropped.
    fn service_list(&self) -> Vec<String> {
        self.services
            .text()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    }
}

impl App {
    /// Opens the supplier dialog for the open assessment, when it is about a supplier.
    pub(super) fn ask_supplier(&mut self) {
        let Some(open) = self.open.as_ref() else {
            return;
        };
        let Some(Subject::Supplier {
            name,
            tier,
            services,
        }) = &open.session.assessment.subject
        else {
            self.info(
                "This assessment is of the organisation, not of one supplier: it has no tier. \
                 Create a supplier assessment from home with n.",
            );
            return;
        };
        self.mode = Mode::Supplier(SupplierForm {
            name: sanitize_line(name),
            tier: *tier,
            services: Editor::new(&services.join(", ")),
            field: SupplierField::Tier,
        });
    }

    pub(super) fn update_supplier(&mut self, mut form: SupplierForm, action: Action) {
        let action = if form.field == SupplierField::Services {
            match form.services.edit_line(action) {
                Ok(_) => {
                    self.mode = Mode::Supplier(form);
                    return;
                }
                Err(action) => action,
            }
        } else {
            action
        };
        match (form.field, action) {
            (_, Action::Back | Action::BackOrQuit) => {
                self.mode = Mode::Normal;
                self.info("The supplier is as it was.");
                return;
            }
            (_, Action::Confirm) => {
                self.mode = Mode::Normal;
                self.save_supplier(&form);
                return;
            }
            (_, Action::Down | Action::Up) => {
                form.field = match form.field {
                    SupplierField::Tier => SupplierField::Services,
                    SupplierField::Services => SupplierField::Tier,
                };
            }
            (SupplierField::Tier, Action::Input(' ') | Action::Right) => {
                form.tier = SupplierForm::step(form.tier, true);
            }
            (SupplierField::Tier, Action::Left) => form.tier = SupplierForm::step(form.tier, false),
            (SupplierField::Tier, Action::Input(c)) => {
                if let Some(n) = c.to_digit(10).and_then(|d| usize::try_from(d).ok())
                    && n <= Tier::ALL.len()
                {
                    form.tier = n.checked_sub(1).and_then(|n| Tier::ALL.get(n).copied());
                }
            }
            _ => {}
        }
        self.mode = Mode::Supplier(form);
    }

    /// Writes the dialog's tier and services into the open assessment and saves it.
    fn save_supplier(&mut self, form: &SupplierForm) {
        let Some(Subject::Supplier { name, .. }) = self
            .open
            .as_ref()
            .and_then(|o| o.session.assessment.subject.clone())
        else {
            return;
        };
        let subject = match Subject::supplier(&name, form.tier, &form.service_list()) {
            Ok(subject) => subject,
            Err(e) => {
                self.status = super::Status::Error(format!("{}.", crate::figures::capitalised(&e)));
                self.mode = Mode::Supplier(form.clone());
                return;
            }
        };
        let same = self
            .open
            .as_ref()
            .is_some_and(|o| o.session.assessment.subject.as_ref() == Some(&subject));
        if same {
            self.info("The supplier is as it was.");
            return;
        }
        self.record_edit("the supplier's tier and services");
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.session.assessment.set_subject(subject);
        let used: Vec<&crate::questionnaire::Questionnaire> = open.questionnaires.iter().collect();
        let not_asked = crate::walk::items(&used)
            .filter(|p| {
                crate::scoring::value_in(p.questionnaire, p.item, &open.session.assessment)
                    == crate::scoring::ItemValue::ByRule
            })
            .count();
        let tier = form.tier.map_or("no tier", Tier::as_str);
        self.info(format!(
            "Tier {tier}: {} not asked of this supplier (answers are kept).",
            crate::figures::count(not_asked, "item is", "items are")
        ));
        self.commit();
    }
}

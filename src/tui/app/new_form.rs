//! The new-assessment form (name, organisation, respondent and group, a supplier with its
//! tier and services, the questionnaires) and the rename form.

use crate::catalog::Catalog;
use crate::questionnaire::{Scope, Tier};
use crate::record::{Respondent, Subject};
use crate::text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::editor::Editor;

use super::{App, Effect, Mode};

/// A field of the new-assessment form, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NewField {
    /// The assessment's name.
    #[default]
    Name,
    /// The organisation assessed.
    Organisation,
    /// Who gives the answers.
    Respondent,
    /// The respondent's group (board, management, staff, supplier, or own words).
    Group,
    /// The supplier, for an assessment of one supplier relationship.
    Supplier,
    /// The supplier's tier.
    Tier,
    /// The services bought from the supplier, separated by commas.
    Services,
    /// The questionnaires, ticked in a list.
    Questionnaires,
}

impl NewField {
    /// Every field, in order.
    pub const ALL: [NewField; 8] = [
        NewField::Name,
        NewField::Organisation,
        NewField::Respondent,
        NewField::Group,
        NewField::Supplier,
        NewField::Tier,
        NewField::Services,
        NewField::Questionnaires,
    ];

    fn index(self) -> usize {
        Self::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    fn next(self) -> Self {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    fn previous(self) -> Self {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

/// A questionnaire the new assessment can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionnaireChoice {
    /// Its id.
    pub id: String,
    /// Its title (safe to show).
    pub title: String,
    /// Whether it assesses one supplier.
    pub supplier: bool,
    /// Whether it is ticked by default (for an organisation, or for a supplier).
    pub default_for: (bool, bool),
    /// Ticked by the user (`None`: the default).
    pub ticked: Option<bool>,
}

/// The new-assessment form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewForm {
    /// The assessment's name.
    pub name: Editor,
    /// The organisation assessed.
    pub organisation: Editor,
    /// Who gives the answers.
    pub respondent: Editor,
    /// The respondent's group.
    pub group: Editor,
    /// The supplier's name (empty: the organisation is assessed).
    pub supplier: Editor,
    /// The supplier's tier.
    pub tier: Option<Tier>,
    /// The services bought from the supplier, separated by commas.
    pub services: Editor,
    /// The questionnaires to choose from.
    pub questionnaires: Vec<QuestionnaireChoice>,
    /// The highlighted questionnaire.
    pub row: usize,
    /// The field with focus.
    pub field: NewField,
}

impl NewForm {
    /// An empty form offering the catalog's questionnaires. Ticked by default: those of
    /// `preset` (the built-ins when it is empty) whose scope is the subject's — the
    /// organisation's, or a supplier's once a supplier is named.
    pub fn new(catalog: &Catalog, preset: &[String]) -> Self {
        let built_in = Catalog::built_in_ids();
        let questionnaires = catalog
            .newest_entries()
            .into_iter()
            .map(|e| {
                let q = &e.questionnaire;
                let supplier = q.scope == Some(Scope::Supplier);
                let offered = if preset.is_empty() {
                    built_in.contains(&q.id.as_str())
                } else {
                    preset.contains(&q.id)
                };
                QuestionnaireChoice {
                    id: q.id.clone(),
                    title: sanitize_line(&q.title),
                    supplier,
                    default_for: (offered && !supplier, offered && supplier),
                    ticked: None,
                }
            })
            .collect();
        Self {
            questionnaires,
            ..Self::default()
        }
    }

    /// Whether the form describes a supplier assessment (a supplier is named).
    pub fn for_supplier(&self) -> bool {
        !self.supplier.text().trim().is_empty()
    }

    /// Whether questionnaire `n` is ticked now.
    pub fn is_ticked(&self, n: usize) -> bool {
        let supplier = self.for_supplier();
        self.questionnaires.get(n).is_some_and(|q| {
            q.ticked.unwrap_or(if supplier {
                q.default_for.1
            } else {
                q.default_for.0
            })
        })
    }

    /// The ids of the ticked questionnaires, in the catalog's order.
    pub fn chosen(&self) -> Vec<String> {
        (0..self.questionnaires.len())
            .filter(|n| self.is_ticked(*n))
            .filter_map(|n| self.questionnaires.get(n).map(|q| q.id.clone()))
            .collect()
    }

    fn toggle(&mut self, n: usize) {
        let now = self.is_ticked(n);
        if let Some(q) = self.questionnaires.get_mut(n) {
            q.ticked = Some(!now);
        }
    }

    /// The text field with focus, if the focus is on one.
    fn text_field(&mut self) -> Option<&mut Editor> {
        match self.field {
            NewField::Name => Some(&mut self.name),
            NewField::Organisation => Some(&mut self.organisation),
            NewField::Respondent => Some(&mut self.respondent),
            NewField::Group => Some(&mut self.group),
            NewField::Supplier => Some(&mut self.supplier),
            NewField::Services => Some(&mut self.services),
            NewField::Tier | NewField::Questionnaires => None,
        }
    }

    /// The tier after `tier`, in the order none, critical, high, medium, low.
    fn next_tier(tier: Option<Tier>) -> Option<Tier> {
        match tier {
            None => Some(Tier::Critical),
            Some(t) => {
                let n = Tier::ALL.iter().position(|x| *x == t).unwrap_or(0);
                Tier::ALL.get(n + 1).copied()
            }
        }
    }

    /// What the form asks to create, or why it cannot yet (with the field to go back to).
    fn request(&self) -> Result<Effect, (NewField, String)> {
        let name = self.name.text().trim().to_string();
        if name.is_empty() {
            return Err((NewField::Name, "Give the assessment a name first.".into()));
        }
        let questionnaires = self.chosen();
        if questionnaires.is_empty() && !self.questionnaires.is_empty() {
            return Err((
                NewField::Questionnaires,
                "Tick at least one questionnaire (Space ticks the highlighted one).".into(),
            ));
        }
        let respondent = self.respondent.text().trim().to_string();
        let group = self.group.text().trim().to_string();
        if respondent.is_empty() && !group.is_empty() {
            return Err((
                NewField::Respondent,
                "A group belongs to a respondent: give the respondent's name, or clear the group."
                    .into(),
            ));
        }
        let services: Vec<String> = self
            .services
            .text()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let subject = if self.for_supplier() {
            Some(
                Subject::supplier(&self.supplier.text(), self.tier, &services).map_err(|e| {
                    let field = if e.starts_with("the service") {
                        NewField::Services
                    } else {
                        NewField::Supplier
                    };
                    (field, format!("{}.", crate::figures::capitalised(&e)))
                })?,
            )
        } else {
            None
        };
        Ok(Effect::Create {
            name,
            organisation: self.organisation.text().trim().to_string(),
            respondent: (!respondent.is_empty()).then(|| Respondent {
                name: respondent,
                group: (!group.is_empty()).then_some(group),
            }),
            questionnaires,
            subject,
        })
    }
}

/// The rename form: a home row and its new name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameForm {
    /// The home row renamed.
    pub row: usize,
    /// The new name.
    pub name: Editor,
}

impl App {
    /// Opens the new-assessment form.
    pub(super) fn ask_new(&mut self) {
        self.mode = Mode::NewForm(NewForm::new(&self.ws.catalog, &self.new_questionnaires));
    }

    pub(super) fn update_form(&mut self, mut form: NewForm, action: Action) {
        let action = match form.text_field().map(|f| f.edit_line(action.clone())) {
            Some(Ok(_)) => {
                self.mode = Mode::NewForm(form);
                return;
            }
            Some(Err(action)) => action,
            None => action,
        };
        let last_row = form.questionnaires.len().saturating_sub(1);
        match (form.field, action) {
            (_, Action::Back | Action::BackOrQuit) => {
                self.mode = Mode::Normal;
                self.info("No assessment was created.");
                return;
            }
            (NewField::Questionnaires, Action::Down) if form.row < last_row => form.row += 1,
            (NewField::Questionnaires, Action::Up) if form.row > 0 => form.row -= 1,
            (NewField::Questionnaires, Action::Input(' ')) => form.toggle(form.row),
            (NewField::Questionnaires, Action::Input(c)) => {
                if let Some(n) = c.to_digit(10).and_then(|d| usize::try_from(d).ok())
                    && (1..=form.questionnaires.len()).contains(&n)
                {
                    form.row = n - 1;
                    form.toggle(n - 1);
                }
            }
            (NewField::Tier, Action::Input(' ') | Action::Right) => {
                form.tier = NewForm::next_tier(form.tier);
            }
            (NewField::Tier, Action::Input(c)) => {
                if let Some(n) = c.to_digit(10).and_then(|d| usize::try_from(d).ok()) {
                    form.tier = n.checked_sub(1).and_then(|n| Tier::ALL.get(n).copied());
                }
            }
            (_, Action::Down) => form.field = form.field.next(),
            (_, Action::Up) => form.field = form.field.previous(),
            (NewField::Name, Action::Confirm) => form.field = NewField::Organisation,
            (_, Action::Confirm) => match form.request() {
                Ok(create) => {
                    self.mode = Mode::Normal;
                    self.effect(create);
                    return;
                }
                Err((field, words)) => {
                    form.field = field;
                    self.info(words);
                }
            },
            _ => {}
        }
        self.mode = Mode::NewForm(form);
    }

    /// Asks for a new name for the highlighted home row.
    pub(super) fn ask_rename(&mut self) {
        let row = self.home_selected();
        let Some(name) = self.usable_home_row().map(|r| r.name.clone()) else {
            return;
        };
        self.mode = Mode::Rename(RenameForm {
            row,
            name: Editor::new(&name),
        });
    }

    pub(super) fn update_rename(&mut self, mut form: RenameForm, action: Action) {
        let Err(action) = form.name.edit_line(action) else {
            self.mode = Mode::Rename(form);
            return;
        };
        match action {
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                self.info("The name is as it was.");
            }
            Action::Confirm => {
                let name = form.name.text().trim().to_string();
                if name.is_empty() {
                    self.info("Give the assessment a name, or press Esc to keep the old one.");
                    self.mode = Mode::Rename(form);
                    return;
                }
                self.mode = Mode::Normal;
                if let Some(path) = self.home.get(form.row).map(|r| r.path.clone()) {
                    self.effect(Effect::Rename { path, name });
                }
            }
            _ => self.mode = Mode::Rename(form),
        }
    }

    /// Renaming an assessment came to `renamed` (its new name, or why not).
    pub fn renamed(&mut self, renamed: Result<String, String>) {
        match renamed {
            Ok(name) => {
                self.info(format!("Renamed: \"{}\".", sanitize_line(&name)));
                self.effect(Effect::ListHome(super::AfterList::Nothing));
            }
            Err(e) => self.status = super::Status::Error(format!("Could not rename it: {e}")),
        }
    }
}

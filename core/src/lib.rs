//! The domain of supplycheck, with no terminal, prompt or command-line code: the app, plain
//! mode, the command line and the report writers are edges around it.
//!
//! Imports point inward, in this order (a module uses only those above it):
//! - [`text`] — making file text safe to show; wording parser errors for people; [`stamp`] —
//!   points in time and their stored form; [`file`] — reading only regular files of sane size;
//! - [`questionnaire`], [`roles`] — the questionnaire format and its validation; owner roles;
//! - [`key`] — an item's key, `<questionnaire>/<item>`; [`walk`] — one walk over the items;
//! - [`record`] — what format 2 records beside the answers (subject, plan, respondents,
//!   settlements, an answer's status and evidence);
//! - [`assessment`] — the assessment format: answers and their rules; [`applies`] — whether
//!   an item's `when` condition holds in an assessment;
//! - [`catalog`] — the questionnaires a run can use, every version side by side; an
//!   assessment's answers checked against them;
//! - [`level`] — the maturity levels in words (number, name, meaning);
//! - [`scoring`] — the maturity model;
//! - [`figures`] — how a figure or an answer is put in words, the same on every surface;
//! - [`gap`] — the perception gap: each respondent group's scores and levels, board against
//!   the others; [`plan`] — the session plan's checks and its time keeping;
//! - [`store`] — the data directory: safe reads and writes, locks, deleted assessments (the
//!   only module that touches files, with [`workspace`] opening the catalog's folder);
//! - [`workspace`] — the store and the catalog of one run;
//! - [`merge`], [`compare`] — several respondents into one; year on year;
//! - [`upgrade`] — moving an assessment to a newer questionnaire version, losing nothing;
//! - [`pack`] — the board pack's content, which every report format and the app draw from;
//! - [`portfolio`] — every supplier assessment as one row, concentration and stale reviews;
//! - [`editing`] — an assessment open for editing: saves that failed, and leaving safely.

pub mod applies;
pub mod assessment;
pub mod catalog;
pub mod compare;
pub mod editing;
pub mod figures;
pub mod file;
pub mod gap;
pub mod key;
pub mod level;
pub mod merge;
pub mod pack;
pub mod plan;
pub mod portfolio;
pub mod questionnaire;
pub mod record;
pub mod roles;
pub mod scoring;
pub mod stamp;
pub mod store;
#[cfg(any(test, feature = "test-support"))]
pub mod test_support;
pub mod text;
pub mod upgrade;
pub mod walk;
pub mod workspace;

//! supplycheck: a questionnaire on cyber security in supplier relationships, with
//! supply-chain maturity scoring.
//!
//! The crate is layered; imports only point inward:
//! - the **core** — [`questionnaire`], [`assessment`], [`catalog`], [`scoring`], [`store`],
//!   [`merge`], [`compare`], [`report`],
//!   [`roles`], [`text`], [`editing`] — knows nothing of terminals;
//! - the **cli** layer turns command-line arguments into calls on the core.

pub mod assessment;
pub mod catalog;
pub mod cli;
pub mod compare;
pub mod editing;
pub mod merge;
pub mod plain;
pub mod questionnaire;
pub mod report;
pub mod roles;
pub mod scoring;
pub mod store;
#[cfg(test)]
pub(crate) mod test_support;
pub mod text;
pub mod tui;
pub mod workspace;

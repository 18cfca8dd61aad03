//! supplycheck: a questionnaire on cyber security in supplier relationships, with
//! supply-chain maturity scoring.
//!
//! The domain lives in the `supplycheck-core` crate (re-exported here under the same module
//! names), which depends on no terminal, prompt or command-line crate. This crate holds the
//! edges around it, none of which imports another's internals:
//! - [`tui`] — the full-screen app (ratatui + crossterm);
//! - [`plain`] — line-by-line questions (dialoguer);
//! - [`report`] — the board pack written as HTML, Markdown, CSV or JSON;
//! - [`cli`] — command-line arguments (clap) and the commands, over the core and the edges.

#[cfg(test)]
pub(crate) use supplycheck_core::test_support;
pub use supplycheck_core::{
    applies, assessment, catalog, compare, editing, figures, file, gap, key, merge, pack, plan,
    portfolio, questionnaire, record, roles, scoring, stamp, store, text, upgrade, walk, workspace,
};

pub mod cli;
pub mod plain;
pub mod report;
pub mod tui;

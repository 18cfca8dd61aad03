//! The full-screen app (ratatui + crossterm), in layers that import inward only:
//! - [`app`], [`action`], [`keys`], [`editor`]: state and `update`, no terminal and no
//!   files: `update` returns the effects it asks for;
//! - [`ui`] and [`theme`]: drawing from `&App`, no side effects;
//! - [`effects`]: performs those effects through the core's store and feeds the results
//!   back ([`resume`] keeps where each assessment was left);
//! - [`terminal`]: the thin edge that sets the terminal up, runs the event loop and restores
//!   the terminal on every exit.

pub mod action;
pub mod app;
pub mod editor;
pub mod effects;
pub mod keys;
pub mod resume;
pub mod terminal;
pub mod theme;
pub mod ui;

#[cfg(test)]
mod tests;

pub use app::App;
pub use terminal::{Start, run};

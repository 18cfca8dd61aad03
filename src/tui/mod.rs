//! The full-screen app (ratatui + crossterm), in layers that import inward only:
//! - [`app`], [`action`], [`keys`], [`editor`]: state and `update`, no terminal;
//! - [`ui`] and [`theme`]: drawing from `&App`, no side effects;
//! - [`terminal`]: the thin edge that sets the terminal up, runs the event loop and restores
//!   the terminal on every exit.

pub mod action;
pub mod app;
pub mod editor;
pub mod keys;
pub mod terminal;
pub mod theme;
pub mod ui;

#[cfg(test)]
mod tests;

pub use app::App;
pub use terminal::{Start, run};

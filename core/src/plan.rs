//! The session plan.

//! casebook: an offline-first casework diary for elected councillors.
//!
//! The binary (`main.rs`) is thin; everything lives here so that `tests/` can
//! drive the store, the commands and the app directly.
#![deny(clippy::unwrap_used)]

pub mod agent;
pub mod app;
pub mod backup;
pub mod calendar;
pub mod cli;
pub mod clock;
pub mod config;
pub mod dates;
pub mod demo;
pub mod domain;
pub mod error;
pub mod exchange;
pub mod files;
pub mod i18n;
pub mod letters;
pub mod mail;
pub mod mail_files;
pub mod report;
pub mod session;
pub mod store;
pub mod sync;
pub mod text;
pub mod tui;
pub mod ui;

pub use error::{Error, Result};

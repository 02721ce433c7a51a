//! One module a screen.

pub mod agenda;
pub mod case;
pub mod cases;
pub mod contacts;
pub mod directory;
pub mod home;
pub mod review;

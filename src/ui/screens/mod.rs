//! One module a screen.

pub mod case;
pub mod cases;
pub mod contacts;
pub mod home;

//! The words of casework (SPEC section 1) as types. No I/O here.

pub mod correspondence;
mod ids;
mod kinds;
mod model;
pub mod text;
pub mod workdays;

pub use ids::{Id, Record};
pub use kinds::*;
pub use model::*;

//! The yearly review's figures: the types and the arithmetic live in the
//! domain (`domain::review`), so the store can fill them without using this
//! module; the words and documents are here.

pub use crate::domain::review::*;

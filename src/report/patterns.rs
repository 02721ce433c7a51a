//! The bigger picture: the cluster rule lives in the domain
//! (`domain::patterns`), so the store can apply it without using this module.

pub use crate::domain::patterns::*;

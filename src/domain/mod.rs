//! The words of casework (SPEC section 1) as types. No I/O here.

pub mod correspondence;
pub mod disclosure;
pub mod followup;
pub mod forms;
mod ids;
mod kinds;
mod model;
pub mod patterns;
pub mod person;
pub mod referral_note;
pub mod retention;
pub mod review;
pub mod rules;
pub mod synonyms;
pub mod text;
pub mod when;
pub mod workdays;

pub use ids::{Id, Record};
pub use kinds::*;
pub use model::*;
pub use person::{
    Identity, Monitoring, Question, builtin_answers, canonical, same_person, tidy_monitoring,
};

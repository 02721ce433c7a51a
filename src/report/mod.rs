//! Reports: the yearly review, anonymised summaries for colleagues, the
//! bigger picture and the successes to celebrate. Figures are computed in the
//! store; this module holds their types and turns them into text, Markdown,
//! HTML and JSON. No SQL here.

pub mod doc;
pub mod patterns;
pub mod review;
pub mod review_doc;
pub mod successes;
pub mod summary;
pub mod words;

pub use patterns::Cluster;
pub use review::{Demographics, Headline, Period, Review};
pub use successes::Success;
pub use summary::{Summary, compare_doc};

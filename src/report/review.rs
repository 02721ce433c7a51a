//! The yearly review's figures: the types and the arithmetic live in the
//! domain (`domain::review`), so the store can fill them without using this
//! module; the words and documents are here.

pub use crate::domain::review::*;

use crate::i18n::{Catalogue, args};

/// A period's name in the catalogue's language: "2026", "2026–27" for a
/// municipal year, else "1 Ion 2026 – 14 Maw 2026".
pub fn period_label(p: &Period, t: &Catalogue) -> String {
    match p.year {
        Some(_) => p.label(),
        None => t.tr(
            "period-range",
            Some(&args(&[
                ("from", t.date_dmy_short(p.from).into()),
                ("to", t.date_dmy_short(p.to).into()),
            ])),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::NaiveDate;

    #[test]
    fn a_custom_period_is_named_in_either_language() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        let p = Period::custom(d(2026, 3, 1), d(2026, 3, 10)).expect("period");
        // As chrono printed it before the catalogue; and in Welsh.
        assert_eq!(p.label(), "1 Mar 2026 – 10 Mar 2026");
        let en = Catalogue::embedded(Lang::En);
        assert_eq!(period_label(&p, &en), "1 Mar 2026 – 10 Mar 2026");
        let cy = Catalogue::embedded(Lang::Cy);
        assert_eq!(period_label(&p, &cy), "1 Maw 2026 – 10 Maw 2026");
    }
}

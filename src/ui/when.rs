//! Dates and times as the screens show them, with day and month names from
//! the reader's catalogue ("Fri 06 Mar", "Gwener 06 Maw"). The numbers keep
//! the fixed widths the columns were laid out for.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::i18n::Catalogue;

/// "06 Mar 2026".
pub fn dmy(w: &Catalogue, d: NaiveDate) -> String {
    format!("{:02} {} {}", d.day(), w.month_short(d.month()), d.year())
}

/// "06 Mar 26".
pub fn dmyy(w: &Catalogue, d: NaiveDate) -> String {
    format!(
        "{:02} {} {:02}",
        d.day(),
        w.month_short(d.month()),
        d.year().rem_euclid(100)
    )
}

/// The widest [`dmyy`] in the reader's language ("27 Chwef 26" is two
/// cells wider than "27 Feb 26"): a column of them is never cut.
pub fn dmyy_width(w: &Catalogue) -> u16 {
    let month = (1..=12)
        .map(|m| unicode_width::UnicodeWidthStr::width(w.month_short(m).as_str()))
        .max()
        .unwrap_or(3);
    u16::try_from(month + 6).unwrap_or(u16::MAX)
}

/// "06 Mar".
pub fn dm(w: &Catalogue, d: NaiveDate) -> String {
    format!("{:02} {}", d.day(), w.month_short(d.month()))
}

/// "6 Mar".
pub fn dm_short(w: &Catalogue, d: NaiveDate) -> String {
    format!("{} {}", d.day(), w.month_short(d.month()))
}

/// "6 Mar 2026".
pub fn dmy_short(w: &Catalogue, d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), w.month_short(d.month()), d.year())
}

/// "Fri 6 Mar".
pub fn adm(w: &Catalogue, d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        w.weekday_short(d.weekday()),
        d.day(),
        w.month_short(d.month())
    )
}

/// "Fri 06 Mar".
pub fn adm_padded(w: &Catalogue, d: NaiveDate) -> String {
    format!(
        "{} {:02} {}",
        w.weekday_short(d.weekday()),
        d.day(),
        w.month_short(d.month())
    )
}

/// "Fri 6 Mar 2026".
pub fn admy(w: &Catalogue, d: NaiveDate) -> String {
    format!("{} {}", adm(w, d), d.year())
}

/// "06 Mar 10:15".
pub fn dm_hm(w: &Catalogue, t: NaiveDateTime) -> String {
    format!("{} {}", dm(w, t.date()), t.format("%H:%M"))
}

/// "6 Mar 2026 10:15".
pub fn dmy_hm(w: &Catalogue, t: NaiveDateTime) -> String {
    format!("{} {}", dmy_short(w, t.date()), t.format("%H:%M"))
}

/// "Mar 2026".
pub fn my(w: &Catalogue, d: NaiveDate) -> String {
    format!("{} {}", w.month_short(d.month()), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn english_reads_as_chrono_did() {
        let w = Catalogue::embedded(Lang::En);
        let d = NaiveDate::from_ymd_opt(2026, 3, 6).expect("date");
        assert_eq!(dmy(&w, d), d.format("%d %b %Y").to_string());
        assert_eq!(dmyy(&w, d), d.format("%d %b %y").to_string());
        assert_eq!(adm(&w, d), d.format("%a %-d %b").to_string());
        assert_eq!(adm_padded(&w, d), d.format("%a %d %b").to_string());
        assert_eq!(admy(&w, d), d.format("%a %-d %b %Y").to_string());
        assert_eq!(my(&w, d), d.format("%b %Y").to_string());
    }

    #[test]
    fn welsh_uses_welsh_names() {
        let w = Catalogue::embedded(Lang::Cy);
        let d = NaiveDate::from_ymd_opt(2026, 3, 6).expect("date");
        assert_eq!(dmy(&w, d), "06 Maw 2026");
        assert!(adm(&w, d).starts_with("Gwener"));
    }
}

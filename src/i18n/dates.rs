//! Day and month names for display, from the catalogue (Welsh: Llun,
//! Mawrth, …; Ionawr, Chwefror, …). Dates a person types are read in both
//! languages by `crate::dates`, whatever the interface language.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Catalogue, args};

impl Catalogue {
    /// The day's full name: "Friday", "dydd Gwener".
    pub fn weekday(&self, day: Weekday) -> String {
        self.tr(&format!("weekday-{}", day.number_from_monday()), None)
    }

    /// The day's short name: "Fri"; in Welsh the name without "dydd",
    /// "Gwener", which reads better than a clipped "Gwe".
    pub fn weekday_short(&self, day: Weekday) -> String {
        self.tr(&format!("weekday-short-{}", day.number_from_monday()), None)
    }

    /// The month's name, `month` 1 to 12: "March", "Mawrth".
    pub fn month(&self, month: u32) -> String {
        self.tr(&format!("month-{month}"), None)
    }

    /// The month's short name: "Mar", "Maw".
    pub fn month_short(&self, month: u32) -> String {
        self.tr(&format!("month-short-{month}"), None)
    }

    /// A date in full: "Friday 6 March 2026", "dydd Gwener 6 Mawrth 2026".
    pub fn date_long(&self, date: NaiveDate) -> String {
        self.date(
            "date-long",
            self.weekday(date.weekday()),
            self.month(date.month()),
            date,
        )
    }

    /// A date in short: "Fri 6 Mar 2026", "Gwener 6 Maw 2026".
    pub fn date_short(&self, date: NaiveDate) -> String {
        self.date(
            "date-short",
            self.weekday_short(date.weekday()),
            self.month_short(date.month()),
            date,
        )
    }

    /// A date without its weekday, as reports print it: "6 March 2026",
    /// "6 Mawrth 2026".
    pub fn date_dmy(&self, date: NaiveDate) -> String {
        self.date("date-dmy", String::new(), self.month(date.month()), date)
    }

    /// The same with the month's short name: "6 Mar 2026", "6 Maw 2026".
    pub fn date_dmy_short(&self, date: NaiveDate) -> String {
        self.date(
            "date-dmy",
            String::new(),
            self.month_short(date.month()),
            date,
        )
    }

    /// A month's short name with a two-digit year, where a chart's months
    /// cross into the next year: "Jan 27", "Ion 27".
    pub fn month_year_short(&self, date: NaiveDate) -> String {
        self.tr(
            "month-year-short",
            Some(&args(&[
                ("month", self.month_short(date.month()).into()),
                ("year", format!("{:02}", date.year().rem_euclid(100)).into()),
            ])),
        )
    }

    fn date(&self, id: &str, weekday: String, month: String, date: NaiveDate) -> String {
        self.tr(
            id,
            Some(&args(&[
                ("weekday", weekday.into()),
                ("day", date.day().into()),
                ("month", month.into()),
                // A string, so that Fluent never groups the year's digits.
                ("year", date.year().to_string().into()),
            ])),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::Lang;
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn welsh_day_and_month_names() {
        let cy = Catalogue::embedded(Lang::Cy);
        let days: Vec<String> = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ]
        .into_iter()
        .map(|d| cy.weekday_short(d))
        .collect();
        assert_eq!(
            days,
            [
                "Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul"
            ]
        );
        let months: Vec<String> = (1..=12).map(|m| cy.month(m)).collect();
        assert_eq!(
            months,
            [
                "Ionawr",
                "Chwefror",
                "Mawrth",
                "Ebrill",
                "Mai",
                "Mehefin",
                "Gorffennaf",
                "Awst",
                "Medi",
                "Hydref",
                "Tachwedd",
                "Rhagfyr"
            ]
        );
        assert_eq!(cy.date_long(date(2026, 3, 6)), "dydd Gwener 6 Mawrth 2026");
        assert_eq!(cy.date_short(date(2026, 3, 6)), "Gwener 6 Maw 2026");
    }

    #[test]
    fn english_dates_read_as_the_screens_do() {
        let en = Catalogue::embedded(Lang::En);
        assert_eq!(en.date_long(date(2026, 3, 6)), "Friday 6 March 2026");
        // As the referral form shows a reply date today.
        assert_eq!(en.date_short(date(2026, 3, 16)), "Mon 16 Mar 2026");
        assert_eq!(en.date_short(date(12026, 1, 1)), "Thu 1 Jan 12026");
        // As chrono's "%-d %B %Y", "%-d %b %Y" and "%b %y" printed them.
        let d = date(2027, 1, 9);
        assert_eq!(en.date_dmy(d), d.format("%-d %B %Y").to_string());
        assert_eq!(en.date_dmy_short(d), d.format("%-d %b %Y").to_string());
        assert_eq!(en.month_year_short(d), d.format("%b %y").to_string());
        let cy = Catalogue::embedded(Lang::Cy);
        assert_eq!(cy.date_dmy(d), "9 Ionawr 2027");
        assert_eq!(cy.month_year_short(d), "Ion 27");
    }
}

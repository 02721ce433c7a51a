//! The words of the reports, kept together for a later Welsh translation.
//! The questions are the workbook's own ("Monitoring your performance").

use crate::domain::{AgeBand, CaseKind, Channel, Outcome, PREFER_NOT_TO_SAY};
use crate::report::review::UNKNOWN;

pub const REVIEW_TITLE: &str = "Casework review";
pub const COMPARED_WITH: &str = "compared with the previous period";

pub const Q_PEOPLE: &str = "How many people contacted you with problems in the last year?";
pub const Q_WHO: &str = "Who were these people – gender, ethnicity, age, class, employment status?";
pub const Q_HOW: &str = "How did people contact you?";
pub const Q_RESOLVED: &str = "How many cases were you able to resolve satisfactorily?";
pub const Q_COMPARE: &str = "How does this compare with previous years?";
pub const Q_PROFILE: &str =
    "What was the profile of the problem, e.g. housing, social services, benefits etc?";
pub const Q_UNDER_30: &str = "How many people under 30 contacted you?";
pub const Q_HOW_LONG: &str = "How long did cases take?";
pub const Q_SATISFACTION: &str = "How satisfied were the people you helped?";
pub const Q_WHEN: &str = "When did the casework come in?";
pub const Q_OTHERS: &str = "How does your casework load and type compare to that of other members?";

pub const NOTE_PEOPLE: &str = "Counted once each: the constituents of cases opened in the period, \
     and anyone (not an officer, agency or councillor) who called, emailed, wrote, came to a \
     surgery, spoke on the doorstep or messaged on social media in it.";
pub const NOTE_WHO: &str = "Self-described and optional. \"Unknown\" means it was not recorded; \
     class is not recorded (employment status is the nearest measure).";
pub const NOTE_HOW: &str = "The channel of first contact of each case opened in the period.";
pub const NOTE_SATISFACTION: &str =
    "Over the cases closed in the period that have a satisfaction score (1 poor – 5 excellent).";
pub const NOTE_MONTHS: &str = "Cases opened in each month from the start of the period.";
pub const OTHERS_HOWTO: &str = "Swap anonymised summaries with colleagues: \
     `casebook review --summary-out FILE` writes yours (counts only, counts below 5 suppressed); \
     `casebook review --compare FILE…` shows theirs beside yours.";

pub const FIGURE: &str = "Figure";
pub const CHANGE: &str = "Change";
pub const PEOPLE: &str = "People";
pub const CASES: &str = "Cases";
pub const SHARE: &str = "Share";
pub const NONE: &str = "—";

pub const H_PEOPLE: &str = "People who contacted you";
pub const H_OPENED: &str = "Cases opened";
pub const H_CLOSED: &str = "Cases closed";
pub const H_RESOLVED: &str = "Resolved satisfactorily";
pub const H_RATE: &str = "Proportion resolved satisfactorily";
pub const H_UNDER_30: &str = "People under 30";
pub const H_MEDIAN: &str = "Median days to close";
pub const H_SATISFACTION: &str = "Average satisfaction (1–5)";

pub const D_GENDER: &str = "Gender";
pub const D_AGE: &str = "Age band";
pub const D_ETHNICITY: &str = "Ethnicity";
pub const D_EMPLOYMENT: &str = "Employment status";

pub const C_CHANNEL: &str = "Channel of first contact";
pub const C_CATEGORY: &str = "Category";
pub const C_KIND: &str = "Kind of case";
pub const C_OUTCOME: &str = "Outcome";
pub const C_MONTH: &str = "Cases opened per month";

/// "anti_social_behaviour" → "Anti-social behaviour"; "allotments" → "Allotments".
pub fn category(name: &str) -> String {
    match name {
        "anti_social_behaviour" => "Anti-social behaviour".into(),
        other => sentence(other),
    }
}

pub fn channel(name: &str) -> String {
    name.parse::<Channel>()
        .map(|c| c.label().to_string())
        .unwrap_or_else(|_| sentence(name))
}

pub fn kind(name: &str) -> String {
    name.parse::<CaseKind>()
        .map(|c| c.label().to_string())
        .unwrap_or_else(|_| sentence(name))
}

pub fn outcome(name: &str) -> String {
    if name == UNKNOWN {
        return "Outcome not recorded".into();
    }
    name.parse::<Outcome>()
        .map(|c| c.label().to_string())
        .unwrap_or_else(|_| sentence(name))
}

/// A demographic value as shown: "unknown" and "prefer not to say" spelled out.
pub fn demographic(value: &str) -> String {
    match value {
        UNKNOWN => "Unknown (not recorded)".into(),
        PREFER_NOT_TO_SAY => "Prefer not to say".into(),
        v => match v.parse::<AgeBand>() {
            Ok(b) => b.label().to_string(),
            Err(_) => sentence(v),
        },
    }
}

/// "social_services" → "Social services".
pub fn sentence(name: &str) -> String {
    let s = name.replace('_', " ");
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => s,
    }
}

/// "1 person" / "3 people".
pub fn people(n: u64) -> String {
    if n == 1 {
        "1 person".into()
    } else {
        format!("{n} people")
    }
}

/// "1 case" / "3 cases".
pub fn cases(n: u64) -> String {
    if n == 1 {
        "1 case".into()
    } else {
        format!("{n} cases")
    }
}

pub fn days(d: f64) -> String {
    if d == 1.0 {
        "1 day".into()
    } else if d.fract() == 0.0 {
        format!("{d:.0} days")
    } else {
        format!("{d:.1} days")
    }
}

pub fn percent(r: f64) -> String {
    format!("{:.0}%", r * 100.0)
}

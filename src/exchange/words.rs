//! The words of the import template: what each column is for, in the
//! template's second row (which the import recognises and passes over).
//! Kept together for translation.

/// What goes in a column, in a few words.
pub fn explanation(column: &str) -> &'static str {
    match column {
        "reference" => {
            "Optional: your case reference, e.g. 2026-0042 (left empty, casebook numbers it)"
        }
        "opened" => "Required: the date the case began, e.g. 12/05/2025",
        "closed" => "The date it was closed, if it is",
        "title" => "Required: the problem in a few words",
        "kind" => "direct_query, indirect_query, complaint, service_request or community_issue",
        "category" => {
            "e.g. housing, waste, highways, anti_social_behaviour (see the docs for the list)"
        }
        "channel" => {
            "How they got in touch: phone, email, letter, in_person, surgery, doorstep, social_media…"
        }
        "status" => "open, waiting_council, waiting_constituent, waiting_other or closed",
        "outcome" => {
            "When closed: resolved, partly_resolved, not_resolved, withdrawn or referred_elsewhere"
        }
        "satisfaction" => "Their feedback, 1 (poor) to 5 (excellent)",
        "location" => "The street, estate or park it is about",
        "postcode" => "The postcode",
        "constituent_name" => "The constituent's name",
        "constituent_email" => "Their email address",
        "constituent_phone" => "Their phone number",
        "constituent_address" => "Their address",
        "gender" => "Optional, as they describe it",
        "age_band" => "Optional: 0-17, 18-29, 30-44, 45-64, 65-74, 75+ or prefer_not_to_say",
        "ethnicity" => "Optional, as they describe it",
        "employment_status" => "Optional: employed, retired, student, carer…",
        "on_behalf_of" => "The name of the person a query was raised for, if any",
        "notes" => "The facts of the case",
        _ => "",
    }
}

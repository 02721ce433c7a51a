//! Looking from the shell: `casebook cases`, `show REF`, `search TEXT`,
//! `contacts [NAME]`, and `close REF --outcome OUTCOME`. Each reads with the
//! store queries the screens use; `--format json` prints one stable object
//! (documented in `docs/cli.md`), text is for people and is stripped of
//! control characters before it reaches the terminal.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::{Env, TextOrJson, stdout_error};
use crate::dates::parse_date;
use crate::domain::synonyms;
use crate::domain::text::one_line;
use crate::domain::{Case, CaseStatus, Id, Outcome, Record};
use crate::error::Msg;
use crate::store::{CaseFilter, CaseSort, CaseSummary, HitFact, HitKind, Store};
use crate::{Error, Result};

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  casebook cases                               # every case, newest first
  casebook cases --status open --category housing
  casebook cases --since 2026-01-01 --person \"Siân Davies\"
  casebook cases --format json | jq '.cases[].reference'")]
pub struct CasesArgs {
    /// open, waiting_council, waiting_constituent, waiting_other, closed (or `active`: all but closed)
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    /// A category, e.g. housing, waste, anti_social_behaviour
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// Opened on or after this date
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only the cases this person is on (a name, accents and case ignored)
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  casebook show 2026-0042
  casebook show 2026-0042 --format json")]
pub struct ShowArgs {
    /// The case reference, e.g. 2026-0042
    #[arg(value_name = "REF")]
    pub reference: String,
    /// Show entries marked confidential (hidden otherwise, as on screen)
    #[arg(long)]
    pub reveal: bool,
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  casebook search damp
  casebook search \"heol y coed\" --format json")]
pub struct SearchArgs {
    /// Words to find in people, cases, diary entries and the directory
    #[arg(required = true, num_args = 1.., value_name = "TEXT")]
    pub text: Vec<String>,
    /// At most this many results
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  casebook contacts                            # everyone, by name
  casebook contacts sian                       # names starting so (accents optional)")]
pub struct ContactsArgs {
    /// The start of a name, or a word of it
    #[arg(num_args = 0.., value_name = "NAME")]
    pub name: Vec<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  casebook close 2026-0042 --outcome resolved
  casebook close 2026-0042 --outcome \"partly resolved\" --on 2026-03-01")]
pub struct CloseArgs {
    /// The case reference, e.g. 2026-0042
    #[arg(value_name = "REF")]
    pub reference: String,
    /// resolved, partly_resolved, not_resolved, withdrawn, referred_elsewhere
    #[arg(long, value_name = "OUTCOME")]
    pub outcome: String,
    /// The day it closed (default: today)
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

/// As [`one_line`], keeping line breaks (for multi-line text shown indented).
fn clean_lines(s: &str) -> Vec<String> {
    s.lines().map(one_line).collect()
}

fn print(out: &mut dyn Write, s: &str) -> Result<()> {
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(stdout_error)
}

fn json<T: Serialize>(out: &mut dyn Write, value: &T) -> Result<()> {
    let mut s = serde_json::to_string_pretty(value)
        .map_err(|e| Error::failed(crate::error::Msg::new("doing-write-json"), e))?;
    s.push('\n');
    print(out, &s)
}

/// `--status`: a contract name or the words people use; `active` is every
/// status but closed.
fn status_filter(s: &str) -> Result<(Option<CaseStatus>, bool)> {
    if matches!(
        synonyms::key(s).as_str(),
        "active" | "notclosed" | "allopen"
    ) {
        return Ok((None, true));
    }
    synonyms::choice::<CaseStatus>(s)
        .map(|st| (Some(st), false))
        .ok_or_else(|| {
            unknown(
                "status",
                s,
                &format!("{}, active", CaseStatus::names()),
                None,
            )
            .about_option("--status")
        })
}

fn category_filter(env: &Env, s: &str) -> Result<String> {
    let categories = env.config.categories();
    synonyms::category(s, &categories).ok_or_else(|| {
        let near = synonyms::nearest_category(s, &categories);
        unknown("category", s, &categories.join(", "), near.as_deref()).about_option("--category")
    })
}

#[derive(Serialize)]
struct JsonCaseLine {
    reference: String,
    title: String,
    opened: String,
    status: CaseStatus,
    kind: crate::domain::CaseKind,
    category: String,
    constituent: Option<String>,
    caution: bool,
}

impl From<&CaseSummary> for JsonCaseLine {
    fn from(c: &CaseSummary) -> Self {
        JsonCaseLine {
            reference: c.reference.clone(),
            title: c.title.clone(),
            opened: c.opened.to_string(),
            status: c.status,
            kind: c.kind,
            category: c.category.clone(),
            constituent: c.constituent.clone(),
            caution: c.caution,
        }
    }
}

/// `casebook cases`.
pub fn cases(env: &Env, args: &CasesArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let today = env.clock.today();
    let (status, open_only) = match &args.status {
        Some(s) => status_filter(s)?,
        None => (None, false),
    };
    let filter = CaseFilter {
        status,
        open_only,
        category: args
            .category
            .as_deref()
            .map(|c| category_filter(env, c))
            .transpose()?,
        since: args
            .since
            .as_deref()
            .map(|d| parse_date(d, today).map_err(|e| e.about_option("--since")))
            .transpose()?,
        ..CaseFilter::default()
    };
    let store = env.open_store()?;
    let rows = match &args.person {
        Some(name) => cases_of_person(&store, name, &filter)?,
        None => {
            // Page through with the case list's own query: each page costs
            // the same however big the diary.
            let mut rows: Vec<CaseSummary> = Vec::new();
            loop {
                let after = rows.last().map(|c| (c.opened, c.id));
                let page = store.cases_page(&filter, CaseSort::NewestFirst, after, 500)?;
                let done = page.len() < 500;
                rows.extend(page);
                if done {
                    break;
                }
            }
            rows
        }
    };
    match args.format {
        TextOrJson::Json => {
            #[derive(Serialize)]
            struct Doc {
                cases: Vec<JsonCaseLine>,
            }
            json(
                out,
                &Doc {
                    cases: rows.iter().map(JsonCaseLine::from).collect(),
                },
            )?;
        }
        TextOrJson::Text => {
            if rows.is_empty() {
                print(out, &format!("{}\n", env.i18n.tr("cases-none", None)))?;
            }
            // The status in words, in a column as wide as the widest shown.
            let statuses: Vec<String> = rows.iter().map(|c| env.i18n.label(c.status)).collect();
            let width = statuses
                .iter()
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0);
            for (c, status) in rows.iter().zip(&statuses) {
                let who = c.constituent.as_deref().unwrap_or("");
                let caution = if c.caution { "⚠ " } else { "" };
                print(
                    out,
                    &format!(
                        "{:<9}  {}  {status:<width$}  {}{}  — {}\n",
                        c.reference,
                        c.opened,
                        caution,
                        one_line(&c.title),
                        one_line(who)
                    ),
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The cases of everyone of that name, newest first, filtered as asked.
fn cases_of_person(store: &Store, name: &str, filter: &CaseFilter) -> Result<Vec<CaseSummary>> {
    let people = store.find_person(name)?;
    if people.is_empty() {
        return Err(Error::NotFound {
            what: "person",
            name: one_line(name.trim()),
        });
    }
    let mut rows: Vec<CaseSummary> = Vec::new();
    for p in &people {
        for (_, c) in store.cases_of_contact(p.id)? {
            let keep = filter.status.is_none_or(|s| c.status == s)
                && (!filter.open_only || c.status != CaseStatus::Closed)
                && filter
                    .category
                    .as_ref()
                    .is_none_or(|cat| &c.category == cat)
                && filter.since.is_none_or(|d| c.opened >= d);
            if keep && !rows.iter().any(|r| r.id == c.id) {
                let people = store.case_people(c.id)?;
                let constituent = people
                    .iter()
                    .find(|(r, _)| *r == crate::domain::Role::Constituent)
                    .map(|(_, k)| k.name.clone());
                let caution = people.iter().any(|(_, k)| k.caution.is_some());
                rows.push(summary(&c, constituent, caution));
            }
        }
    }
    rows.sort_by_key(|c| std::cmp::Reverse((c.opened, c.id)));
    Ok(rows)
}

fn summary(c: &Record<Case>, constituent: Option<String>, caution: bool) -> CaseSummary {
    CaseSummary {
        id: c.id,
        reference: c.reference.clone(),
        title: c.title.clone(),
        opened: c.opened,
        status: c.status,
        kind: c.kind,
        category: c.category.clone(),
        constituent,
        caution,
    }
}

fn case_by_reference(store: &Store, reference: &str) -> Result<Record<Case>> {
    store
        .case_by_reference(reference.trim())?
        .ok_or_else(|| Error::NotFound {
            what: "case with reference",
            name: one_line(reference.trim()),
        })
}

#[derive(Serialize)]
struct JsonCase {
    reference: String,
    title: String,
    status: CaseStatus,
    outcome: Option<Outcome>,
    kind: crate::domain::CaseKind,
    category: String,
    channel: crate::domain::Channel,
    opened: String,
    closed: Option<String>,
    location: Option<String>,
    postcode: Option<String>,
    consent_to_share: Option<bool>,
    promised_by: Option<String>,
    satisfaction: Option<u8>,
    facts: Option<String>,
    wants: Option<String>,
    history: Option<String>,
    others_involved: Option<String>,
    people: Vec<JsonPerson>,
    follow_ups: Vec<JsonCaseFollowUp>,
    referrals: Vec<JsonReferral>,
    entries: Vec<JsonEntry>,
}

#[derive(Serialize)]
struct JsonPerson {
    role: crate::domain::Role,
    name: String,
    phone: Option<String>,
    email: Option<String>,
    caution: Option<String>,
}

#[derive(Serialize)]
struct JsonCaseFollowUp {
    id: i64,
    due_on: String,
    what: String,
    done_on: Option<String>,
}

#[derive(Serialize)]
struct JsonReferral {
    to: String,
    referred_on: String,
    council_ref: Option<String>,
    due_on: String,
    reply_on: Option<String>,
}

#[derive(Serialize)]
struct JsonEntry {
    at: String,
    kind: crate::domain::EntryKind,
    contact: Option<String>,
    confidential: bool,
    /// `null` for a confidential entry unless `--reveal`.
    text: Option<String>,
}

/// `casebook show REF`: the whole case, as its screen shows it.
pub fn show(env: &Env, args: &ShowArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let store = env.open_store()?;
    let c = case_by_reference(&store, &args.reference)?;
    let people = store.case_people(c.id)?;
    let entries = store.entry_lines_of_case(c.id, usize::MAX >> 1)?;
    let referrals = store.referral_lines_of_case(c.id)?;
    let follow_ups = store.follow_up_lines_of_case(c.id)?;
    let shown = |confidential: bool, t: &str| -> Option<String> {
        (!confidential || args.reveal).then(|| t.to_string())
    };
    if args.format == TextOrJson::Json {
        let doc = JsonCase {
            reference: c.reference.clone(),
            title: c.title.clone(),
            status: c.status,
            outcome: c.outcome,
            kind: c.kind,
            category: c.category.clone(),
            channel: c.channel,
            opened: c.opened.to_string(),
            closed: c.closed.map(|d| d.to_string()),
            location: c.location.clone(),
            postcode: c.postcode.clone(),
            consent_to_share: c.consent_to_share,
            promised_by: c.promised_by.map(|d| d.to_string()),
            satisfaction: c.satisfaction,
            facts: c.facts.clone(),
            wants: c.wants.clone(),
            history: c.history.clone(),
            others_involved: c.others_involved.clone(),
            people: people
                .iter()
                .map(|(role, k)| JsonPerson {
                    role: *role,
                    name: k.name.clone(),
                    phone: k.phone.clone(),
                    email: k.email.clone(),
                    caution: k.caution.clone(),
                })
                .collect(),
            follow_ups: follow_ups
                .iter()
                .map(|f| JsonCaseFollowUp {
                    id: f.id.raw(),
                    due_on: f.due_on.to_string(),
                    what: f.what.clone(),
                    done_on: f.done_on.map(|d| d.to_string()),
                })
                .collect(),
            referrals: referrals
                .iter()
                .map(|r| JsonReferral {
                    to: r.to.clone(),
                    referred_on: r.referred_on.to_string(),
                    council_ref: r.council_ref.clone(),
                    due_on: r.due_on.to_string(),
                    reply_on: r.reply_on.map(|d| d.to_string()),
                })
                .collect(),
            entries: entries
                .iter()
                .map(|e| JsonEntry {
                    at: e.at.format("%Y-%m-%dT%H:%M").to_string(),
                    kind: e.kind,
                    contact: e.contact.clone(),
                    confidential: e.confidential,
                    text: shown(e.confidential, &e.text),
                })
                .collect(),
        };
        json(out, &doc)?;
        return Ok(ExitCode::SUCCESS);
    }

    // Every word in the chosen language (`show-*`, the labels).
    let t = &env.i18n;
    let w = |id: &str| t.tr(id, None);
    let mut s = String::new();
    for (_, p) in people.iter().filter(|(_, p)| p.caution.is_some()) {
        s += &format!(
            "⚠ {}: {} — {}\n",
            w("show-caution"),
            one_line(&p.name),
            one_line(p.caution.as_deref().unwrap_or(""))
        );
    }
    s += &format!(
        "{}  {}  [{}]",
        c.reference,
        one_line(&c.title),
        t.label(c.status)
    );
    if let Some(o) = c.outcome {
        s += &format!(" {}", t.label(o));
    }
    s.push('\n');
    s += &format!(
        "{} · {} · {} · {} {}",
        t.label(c.kind),
        t.category(&c.category)
            .unwrap_or_else(|| c.category.replace('_', " ")),
        t.label(c.channel),
        w("show-opened"),
        c.opened
    );
    if let Some(d) = c.closed {
        s += &format!(" · {} {d}", w("show-closed"));
    }
    s.push('\n');
    let place = [c.location.as_deref(), c.postcode.as_deref()]
        .into_iter()
        .flatten()
        .map(one_line)
        .collect::<Vec<_>>()
        .join(", ");
    if !place.is_empty() {
        s += &format!("{place}\n");
    }
    s += &w(match c.consent_to_share {
        Some(true) => "show-consent-yes",
        Some(false) => "show-consent-no",
        None => "show-consent-unknown",
    });
    s.push('\n');
    for (title, value) in [
        ("show-facts", &c.facts),
        ("show-wants", &c.wants),
        ("show-history", &c.history),
        ("show-others", &c.others_involved),
    ] {
        if let Some(text) = value {
            s += &format!("\n{}\n", w(title));
            for l in clean_lines(text) {
                s += &format!("  {l}\n");
            }
        }
    }
    s += &format!("\n{}\n", w("show-people"));
    for (role, p) in &people {
        let reach = [p.phone.as_deref(), p.email.as_deref()]
            .into_iter()
            .flatten()
            .map(one_line)
            .collect::<Vec<_>>()
            .join(" · ");
        let mark = if p.caution.is_some() { "⚠ " } else { "" };
        s += &format!("  {mark}{} ({})", one_line(&p.name), t.label(*role));
        if !reach.is_empty() {
            s += &format!("  {reach}");
        }
        s.push('\n');
    }
    s += &format!("\n{}\n", w("show-follow-ups"));
    if follow_ups.is_empty() {
        s += &format!("  {}\n", w("show-none"));
    }
    for f in &follow_ups {
        let when = match f.done_on {
            Some(d) => format!("{} {d}", w("show-done")),
            None => f.due_on.to_string(),
        };
        s += &format!(
            "  #{:<5} {when}  {}\n",
            f.id.raw(),
            one_line(&t.follow_up(&f.what, None))
        );
    }
    s += &format!("\n{}\n", w("show-referrals"));
    if referrals.is_empty() {
        s += &format!("  {}\n", w("show-none"));
    }
    for r in &referrals {
        let state = match r.reply_on {
            Some(d) => format!("{} {d}", w("show-replied")),
            None => format!("{} {}", w("show-reply-due"), r.due_on),
        };
        let council = r
            .council_ref
            .as_deref()
            .map(|x| format!(" · {}", one_line(x)))
            .unwrap_or_default();
        s += &format!(
            "  {} → {}{council} · {state}\n",
            r.referred_on,
            one_line(&r.to)
        );
    }
    s += &format!("\n{}\n", w("show-diary"));
    if entries.is_empty() {
        s += &format!("  {}\n", w("show-none"));
    }
    for e in &entries {
        let who = e
            .contact
            .as_deref()
            .map(|w| format!(" · {}", one_line(w)))
            .unwrap_or_default();
        s += &format!(
            "  {} {}{who}\n",
            e.at.format("%Y-%m-%d %H:%M"),
            t.label(e.kind)
        );
        match shown(e.confidential, &e.text) {
            Some(text) => {
                for l in clean_lines(&text) {
                    s += &format!("    {l}\n");
                }
            }
            None => s += &format!("    {}\n", w("show-masked")),
        }
    }
    print(out, &s)?;
    Ok(ExitCode::SUCCESS)
}

/// `casebook search TEXT`.
pub fn search(env: &Env, args: &SearchArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let store = env.open_store()?;
    let typed = args.text.join(" ");
    let hits = store.search(&typed, args.limit.max(1))?;
    let kind = |k: HitKind| match k {
        HitKind::Contact => "contact",
        HitKind::Case => "case",
        HitKind::Entry => "entry",
        HitKind::Directory => "directory",
    };
    match args.format {
        TextOrJson::Json => {
            #[derive(Serialize)]
            struct JsonHit {
                kind: &'static str,
                title: String,
                /// `null` for a confidential entry.
                detail: Option<String>,
                confidential: bool,
            }
            #[derive(Serialize)]
            struct Doc {
                query: String,
                hits: Vec<JsonHit>,
            }
            json(
                out,
                &Doc {
                    query: typed.clone(),
                    hits: hits
                        .iter()
                        .map(|h| JsonHit {
                            kind: kind(h.kind),
                            title: h.title.clone(),
                            detail: (!h.confidential)
                                .then(|| crate::app::text::search::facts(&env.i18n, &h.detail)),
                            confidential: h.confidential,
                        })
                        .collect(),
                },
            )?;
        }
        TextOrJson::Text => {
            if hits.is_empty() {
                print(out, &format!("{}\n", env.i18n.tr("search-none", None)))?;
            }
            for h in &hits {
                let detail = if h.confidential {
                    env.i18n.tr("show-masked", None)
                } else {
                    one_line(&hit_facts(&env.i18n, &h.detail))
                };
                print(
                    out,
                    &format!(
                        "{:<9}  {}  — {detail}\n",
                        env.i18n.tr(&format!("search-kind-{}", kind(h.kind)), None),
                        one_line(&h.title)
                    ),
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What a search hit shows beside its title, in the reader's language.
fn hit_facts(t: &crate::i18n::Catalogue, facts: &[HitFact]) -> String {
    facts
        .iter()
        .map(|f| match f {
            HitFact::Text(text) => text.clone(),
            HitFact::Contact(k) => t.label(*k),
            HitFact::Status(s) => t.label(*s),
            HitFact::Category(c) => t
                .category(c)
                .unwrap_or_else(|| crate::report::words::category(c)),
            HitFact::Entry(k) => t.label(*k),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `casebook contacts [NAME]`.
pub fn contacts(env: &Env, args: &ContactsArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let store = env.open_store()?;
    let typed = args.name.join(" ");
    #[derive(Serialize)]
    struct JsonContact {
        id: String,
        name: String,
        kind: crate::domain::ContactKind,
        organisation: Option<String>,
        postcode: Option<String>,
        phone: Option<String>,
        email: Option<String>,
        caution: Option<String>,
        open_cases: u64,
    }
    let mut rows: Vec<JsonContact> = Vec::new();
    if typed.trim().is_empty() {
        let mut after: Option<(String, Id<crate::domain::Contact>)> = None;
        loop {
            let page =
                store.contact_lines_page(after.as_ref().map(|(n, id)| (n.as_str(), *id)), 500)?;
            let done = page.len() < 500;
            after = page.last().map(|l| (l.name_fold.clone(), l.id));
            for l in page {
                let k = store.contact(l.id)?;
                rows.push(JsonContact {
                    id: k.uuid.to_string(),
                    name: l.name,
                    kind: l.kind,
                    organisation: l.organisation,
                    postcode: l.postcode,
                    phone: k.data.phone,
                    email: k.data.email,
                    caution: l.caution,
                    open_cases: l.open_cases,
                });
            }
            if done {
                break;
            }
        }
    } else {
        for k in store.complete_contacts(&typed, 200)? {
            let open_cases = store
                .cases_of_contact(k.id)?
                .iter()
                .filter(|(_, c)| c.status != CaseStatus::Closed)
                .count() as u64;
            rows.push(JsonContact {
                id: k.uuid.to_string(),
                name: k.data.name.clone(),
                kind: k.kind(),
                organisation: k.data.organisation.clone(),
                postcode: k.data.postcode.clone(),
                phone: k.data.phone.clone(),
                email: k.data.email.clone(),
                caution: k.data.caution.clone(),
                open_cases,
            });
        }
    }
    match args.format {
        TextOrJson::Json => {
            #[derive(Serialize)]
            struct Doc {
                contacts: Vec<JsonContact>,
            }
            json(out, &Doc { contacts: rows })?;
        }
        TextOrJson::Text => {
            if rows.is_empty() {
                print(out, &format!("{}\n", env.i18n.tr("contacts-none", None)))?;
            }
            for k in &rows {
                let mark = if k.caution.is_some() { "⚠ " } else { "" };
                let details = [
                    k.organisation.as_deref(),
                    k.postcode.as_deref(),
                    k.phone.as_deref(),
                    k.email.as_deref(),
                ]
                .into_iter()
                .flatten()
                .map(one_line)
                .chain(
                    (k.open_cases > 0)
                        .then(|| env.i18n.tr1("contacts-open-cases", "count", k.open_cases)),
                )
                .collect::<Vec<_>>()
                .join(" · ");
                print(
                    out,
                    &format!(
                        "{mark}{} ({})  {details}\n",
                        one_line(&k.name),
                        env.i18n.label(k.kind)
                    ),
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `casebook close REF --outcome OUTCOME`.
pub fn close(env: &Env, args: &CloseArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let today = env.clock.today();
    let outcome = synonyms::choice::<Outcome>(&args.outcome).ok_or_else(|| {
        let near = synonyms::nearest_choice::<Outcome>(&args.outcome).map(|o| o.to_string());
        unknown("outcome", &args.outcome, &Outcome::names(), near.as_deref())
            .about_option("--outcome")
    })?;
    let on = match &args.on {
        Some(d) => parse_date(d, today).map_err(|e| e.about_option("--on"))?,
        None => today,
    };
    let mut store = env.open_store()?;
    let c = case_by_reference(&store, &args.reference)?;
    if c.status == CaseStatus::Closed {
        return Err(Error::user(
            Msg::new("error-close-already").text("reference", &c.reference),
        ));
    }
    if on < c.opened {
        return Err(Error::user(
            Msg::new("error-close-before-opened")
                .text("date", on.to_string())
                .text("opened", c.opened.to_string()),
        ));
    }
    if on > today {
        return Err(Error::user(
            Msg::new("error-close-future").text("date", on.to_string()),
        ));
    }
    store.close_case(c.id, outcome, on)?;
    let line = env.i18n.tr(
        "close-done",
        Some(&crate::i18n::args(&[
            ("reference", c.reference.as_str().into()),
            ("outcome", env.i18n.label(outcome).into()),
            ("date", on.to_string().into()),
        ])),
    );
    print(out, &format!("{line}\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// A value not in a closed list, in the catalogue's words: the list (its
/// selector key), what was typed, the names allowed, and the nearest.
fn unknown(list: &str, typed: &str, names: &str, nearest: Option<&str>) -> Error {
    let said = Msg::new("error-unknown-value")
        .text("list", list)
        .text("value", typed)
        .text("names", names);
    Error::user(match nearest {
        Some(n) => Msg::new("import-why-nearest")
            .arg("problem", crate::error::Arg::Msg(Box::new(said)))
            .text("nearest", n),
        None => said,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_strips_escapes_and_newlines() {
        // The one rule (domain::text): escapes and bidi overrides dropped,
        // breaks and tabs one space.
        assert_eq!(one_line("a\u{1b}[2Jb\nc\td\u{202e}"), "a[2Jb c d");
        assert_eq!(one_line("Siân"), "Siân");
    }

    #[test]
    fn status_words() {
        assert_eq!(
            status_filter("Waiting").ok(),
            Some((Some(CaseStatus::WaitingOther), false))
        );
        assert_eq!(status_filter("active").ok(), Some((None, true)));
        assert!(status_filter("purple").is_err());
    }
}

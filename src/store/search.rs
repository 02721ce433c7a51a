//! Search over contacts, cases, entries and the directory at once (FTS5).

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::Result;
use crate::domain::text::fold;
use crate::domain::{CaseStatus, ContactKind, EntryKind};

/// What a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HitKind {
    Contact,
    Case,
    Entry,
    Directory,
}

impl HitKind {
    fn from_tag(tag: i64) -> Option<HitKind> {
        match tag {
            1 => Some(HitKind::Contact),
            2 => Some(HitKind::Case),
            3 => Some(HitKind::Entry),
            4 => Some(HitKind::Directory),
            _ => None,
        }
    }
}

/// One fact of a hit's detail line; the screen puts it in words.
#[derive(Debug, Clone, PartialEq)]
pub enum HitFact {
    /// Shown as stored: a name, a postcode, a reference, a date.
    Text(String),
    Contact(ContactKind),
    Status(CaseStatus),
    /// A category key (`anti_social_behaviour`).
    Category(String),
    Entry(EntryKind),
}

/// The facts present, in order (a NULL column is left out).
fn facts(items: Vec<Option<HitFact>>) -> Vec<HitFact> {
    items.into_iter().flatten().collect()
}

/// One search result: the row it points at, a title line and the facts of
/// its detail line.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: HitKind,
    /// The row id in its own table.
    pub id: i64,
    pub title: String,
    pub detail: Vec<HitFact>,
    /// Entries marked confidential are shown masked until revealed.
    pub confidential: bool,
}

/// The words of what the user typed, folded: anything that is not a letter
/// or digit separates words.
fn words(typed: &str) -> Vec<String> {
    fold(typed)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(str::to_string)
        .collect()
}

/// Turns what the user typed into an FTS5 query: every word must match as a
/// prefix. Anything that is not a letter or digit separates words, so no
/// input can be an FTS syntax error. `None` when there is nothing to search.
pub(crate) fn prefix_query(typed: &str) -> Option<String> {
    let words = words(typed);
    (!words.is_empty()).then(|| {
        words
            .iter()
            .map(|w| format!("\"{w}\"*"))
            .collect::<Vec<_>>()
            .join(" AND ")
    })
}

/// A word shorter than this matches too much for relevance to mean anything
/// (and ranking it would read every match: 0.3 s at 100k cases): such
/// searches show the newest matches instead.
const RANKED_FROM: usize = 3;

/// Ranking weighs only this many of the newest matches, so that a common
/// word costs the same in a big diary as in a small one.
const RANK_WINDOW: i64 = 300;

/// At most this many people whose whole name starts with the typing are
/// shown before the other hits.
const NAMES_FIRST: usize = 5;

impl Store {
    /// The best `limit` matches for `typed`, best first: by relevance among
    /// the newest matches, or newest first while a word has under three letters.
    pub fn search(&self, typed: &str, limit: usize) -> Result<Vec<Hit>> {
        let Some(q) = prefix_query(typed) else {
            return Ok(Vec::new());
        };
        let ranked = words(typed)
            .iter()
            .all(|w| w.chars().count() >= RANKED_FROM);
        // Row ids grow with time, so rowid order is newest first; FTS5 walks
        // it and stops at the LIMIT.
        let ids: Vec<i64> = if ranked {
            let mut stmt = self.conn().prepare_cached(
                "SELECT rowid FROM (SELECT rowid, rank FROM search WHERE search MATCH ?1 \
                 ORDER BY rowid DESC LIMIT ?3) ORDER BY rank LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![q, limit as i64, RANK_WINDOW], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        } else {
            let mut stmt = self.conn().prepare_cached(
                "SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![q, limit as i64], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // People whose name starts with what was typed come first (by the
        // name index: "si" finds Siân however many entries mention "si…").
        let mut hits = Vec::with_capacity(ids.len() + NAMES_FIRST);
        let folded = crate::domain::text::name_key(typed);
        let upper = format!("{folded}\u{10ffff}");
        let named: Vec<i64> = {
            let mut stmt = self.conn().prepare_cached(
                "SELECT id FROM contacts WHERE name_fold >= ?1 AND name_fold < ?2 \
                 ORDER BY name_fold, id LIMIT ?3",
            )?;
            let rows = stmt
                .query_map(params![folded, upper, NAMES_FIRST.min(limit) as i64], |r| {
                    r.get(0)
                })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for &id in &named {
            if let Some(hit) = self.describe(HitKind::Contact, id)? {
                hits.push(hit);
            }
        }
        for rowid in ids {
            if hits.len() >= limit {
                break;
            }
            let (tag, id) = (rowid % 8, rowid / 8);
            if tag == 1 && named.contains(&id) {
                continue;
            }
            if let Some(kind) = HitKind::from_tag(tag)
                && let Some(hit) = self.describe(kind, id)?
            {
                hits.push(hit);
            }
        }
        Ok(hits)
    }

    fn describe(&self, kind: HitKind, id: i64) -> Result<Option<Hit>> {
        let conn = self.conn();
        let hit = match kind {
            HitKind::Contact => conn
                .prepare_cached(
                    "SELECT name, kind, caution IS NOT NULL, organisation, postcode \
                     FROM contacts WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    let caution: bool = r.get(2)?;
                    let title: String = r.get(0)?;
                    Ok(Hit {
                        kind,
                        id,
                        title: if caution { format!("⚠ {title}") } else { title },
                        detail: facts(vec![
                            Some(HitFact::Contact(
                                r.get::<_, Option<ContactKind>>(1)?
                                    .unwrap_or(ContactKind::Constituent),
                            )),
                            r.get::<_, Option<String>>(3)?.map(HitFact::Text),
                            r.get::<_, Option<String>>(4)?.map(HitFact::Text),
                        ]),
                        confidential: false,
                    })
                })
                .optional()?,
            HitKind::Case => conn
                .prepare_cached(
                    "SELECT reference || ' ' || title, status, category, opened \
                     FROM cases WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    Ok(Hit {
                        kind,
                        id,
                        title: r.get(0)?,
                        detail: facts(vec![
                            Some(HitFact::Status(r.get(1)?)),
                            Some(HitFact::Category(r.get(2)?)),
                            Some(HitFact::Text(r.get(3)?)),
                        ]),
                        confidential: false,
                    })
                })
                .optional()?,
            HitKind::Entry => conn
                .prepare_cached(
                    "SELECT e.text, e.kind, e.confidential, substr(e.at, 1, 16), k.name, c.reference \
                     FROM entries e LEFT JOIN contacts k ON k.id = e.contact_id \
                     LEFT JOIN cases c ON c.id = e.case_id WHERE e.id = ?1",
                )?
                .query_row([id], |r| {
                    let text: String = r.get(0)?;
                    Ok(Hit {
                        kind,
                        id,
                        title: text.lines().next().unwrap_or("").to_string(),
                        detail: facts(vec![
                            Some(HitFact::Entry(r.get(1)?)),
                            r.get::<_, Option<String>>(3)?.map(HitFact::Text),
                            r.get::<_, Option<String>>(4)?.map(HitFact::Text),
                            r.get::<_, Option<String>>(5)?.map(HitFact::Text),
                        ]),
                        confidential: r.get(2)?,
                    })
                })
                .optional()?,
            HitKind::Directory => conn
                .prepare_cached(
                    "SELECT k.name, k.department, k.role, d.handles \
                     FROM directory d JOIN contacts k ON k.id = d.contact_id WHERE d.id = ?1",
                )?
                .query_row([id], |r| {
                    Ok(Hit {
                        kind,
                        id,
                        title: r.get(0)?,
                        detail: facts(vec![
                            r.get::<_, Option<String>>(1)?.map(HitFact::Text),
                            r.get::<_, Option<String>>(2)?.map(HitFact::Text),
                            r.get::<_, Option<String>>(3)?.map(HitFact::Text),
                        ]),
                        confidential: false,
                    })
                })
                .optional()?,
        };
        Ok(hit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_always_valid_fts() {
        assert_eq!(
            prefix_query("Siân dav").as_deref(),
            Some("\"sian\"* AND \"dav\"*")
        );
        assert_eq!(prefix_query("  \"*^:()  "), None);
        assert_eq!(
            prefix_query("fly-tipping").as_deref(),
            Some("\"fly\"* AND \"tipping\"*")
        );
    }
}

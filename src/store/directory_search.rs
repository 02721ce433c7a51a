//! "Who do I speak to about fly-tipping?": the directory searched by the
//! problem, and the officers a referral can go to.

use rusqlite::params;

use super::Store;
use super::search::prefix_query;
use crate::domain::text::fold;
use crate::domain::{Contact, ContactKind, DirectoryEntry, Id, Record};
use crate::{Error, Result};

/// Words of a question that say nothing about the problem.
const FILLER: &[&str] = &[
    "a", "about", "an", "and", "any", "anyone", "are", "at", "can", "contact", "deal", "deals",
    "do", "does", "for", "handle", "handles", "how", "i", "in", "is", "it", "me", "my", "of", "on",
    "or", "our", "problem", "problems", "should", "someone", "speak", "talk", "tell", "the",
    "there", "to", "what", "where", "who", "whom", "with",
];

/// An FTS query matching any of the meaningful words typed, as prefixes.
fn any_word_query(typed: &str) -> Option<String> {
    let folded = fold(typed);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .take(16)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" OR "))
}

impl Store {
    /// Directory entries for a problem typed in plain words, best first:
    /// what they handle and their categories, then their department and
    /// role. Every word must match; when that finds nobody, any meaningful
    /// word will do ("who do I speak to about fly-tipping?" finds the
    /// officer who handles "fly-tipping").
    pub fn who_handles(
        &self,
        problem: &str,
        limit: usize,
    ) -> Result<Vec<(Record<DirectoryEntry>, Record<Contact>)>> {
        let mut ids: Vec<i64> = Vec::new();
        for query in [prefix_query(problem), any_word_query(problem)]
            .into_iter()
            .flatten()
        {
            self.directory_ids_matching(&query, limit, &mut ids)?;
            if !ids.is_empty() {
                break;
            }
        }
        let mut out = Vec::with_capacity(ids.len());
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT d.id, d.uuid, d.created_at, d.updated_at, d.contact_id, d.handles, d.categories, {} \
             FROM directory d JOIN contacts c ON c.id = d.contact_id WHERE d.id = ?1",
            super::contacts::columns_of("c")
        ))?;
        for id in ids {
            let row = stmt.query_row([id], |r| {
                Ok((
                    super::directory::from_row(r)?,
                    super::contacts::from_row_at(r, 7)?,
                ))
            })?;
            out.push(row);
        }
        Ok(out)
    }

    /// Appends to `ids` the directory rows matching an FTS query: by what
    /// they handle (rowid tag 4), then by their contact's department and
    /// role (tag 1), without repeats.
    fn directory_ids_matching(&self, query: &str, limit: usize, ids: &mut Vec<i64>) -> Result<()> {
        let by_handles: Vec<i64> = {
            let mut stmt = self.conn().prepare_cached(
                "SELECT rowid / 8 FROM search WHERE search MATCH ?1 AND rowid % 8 = 4 \
                 ORDER BY rank LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![query, limit as i64], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let by_contact: Vec<i64> = {
            let mut stmt = self.conn().prepare_cached(
                "SELECT d.id FROM (SELECT rowid / 8 AS contact_id, rank FROM search \
                 WHERE search MATCH ?1 AND rowid % 8 = 1) s \
                 JOIN directory d ON d.contact_id = s.contact_id ORDER BY s.rank LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![query, limit as i64], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for id in by_handles.into_iter().chain(by_contact) {
            if ids.len() >= limit {
                break;
            }
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(())
    }

    /// Adds an officer or agency to the directory: an existing officer or
    /// agency of that name is updated, otherwise a contact is created.
    pub fn add_officer(
        &mut self,
        contact: &Contact,
        handles: &str,
        categories: &[String],
    ) -> Result<(Id<DirectoryEntry>, Id<Contact>)> {
        contact.validate()?;
        if !matches!(
            contact.kind(),
            ContactKind::Officer | ContactKind::Agency | ContactKind::Organisation
        ) {
            return Err(Error::user(crate::error::Msg::new(
                "error-directory-not-officer",
            )));
        }
        self.write(|tx| {
            let existing = super::contacts::by_name(tx, &contact.name)?
                .into_iter()
                .find(|c| c.kind() == contact.kind());
            let id = match existing {
                Some(found) => {
                    // Keep what was known; what is given now wins.
                    let merged = Contact {
                        organisation: contact
                            .organisation
                            .clone()
                            .or(found.data.organisation.clone()),
                        department: contact.department.clone().or(found.data.department.clone()),
                        role: contact.role.clone().or(found.data.role.clone()),
                        phone: contact.phone.clone().or(found.data.phone.clone()),
                        email: contact.email.clone().or(found.data.email.clone()),
                        ..found.data.clone()
                    };
                    super::contacts::update(tx, found.id, &merged)?;
                    found.id
                }
                None => super::contacts::insert(tx, contact)?,
            };
            let entry = super::directory::upsert(
                tx,
                &DirectoryEntry {
                    contact: id,
                    handles: handles.to_string(),
                    categories: categories.to_vec(),
                },
            )?;
            Ok((entry, id))
        })
    }

    /// Officers and agencies a referral can go to whose name is `name`
    /// (accents and case ignored): directory members first.
    pub fn referral_targets_named(&self, name: &str) -> Result<Vec<Record<Contact>>> {
        let mut found: Vec<(bool, Record<Contact>)> = Vec::new();
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM directory WHERE contact_id = ?1)")?;
        for c in self.contacts_named(name)? {
            let listed: bool = stmt.query_row([c.id], |r| r.get(0))?;
            if crate::domain::rules::can_receive_referral(c.kind(), listed) {
                found.push((listed, c));
            }
        }
        found.sort_by_key(|(listed, c)| (!listed, c.id));
        Ok(found.into_iter().map(|(_, c)| c).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_lose_their_filler() {
        assert_eq!(
            any_word_query("Who do I speak to about fly-tipping?").as_deref(),
            Some("\"fly\"* OR \"tipping\"*")
        );
        assert_eq!(any_word_query("who do I speak to"), None);
    }
}

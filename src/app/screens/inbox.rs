//! The inbox folder (`[mail] inbox`): the messages saved there that are not
//! in the diary yet, and filing one onto a case.
//!
//! The folder is listed once, when the room opens or is refreshed: each
//! file's headers only (sender, date, subject), never its text or
//! attachments. A frame draws the rows in view and nothing else.
//!
//! Filing reads the whole file and files it with the same code and the same
//! decisions as `casebook mail`: the case a `[REF]` in the subject names,
//! else the person's only open case. When neither says, the room asks:
//! one of the person's open cases, a new case from the subject, or the
//! person only.

use std::path::PathBuf;

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Clear, List, ListItem, ListState, Paragraph, Row, Table, TableState};

use crate::Result;
use crate::app::{Action, Cx, Effect, Effects, layout};
use crate::domain::{Case, Id};
use crate::i18n::{Catalogue, args};
use crate::mail::words::clean;
use crate::mail_files;
use crate::store::{Filed, TakeIn};
use crate::ui::widgets::panel;
use crate::ui::{Theme, centered};

/// One mail file waiting in the folder.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxRow {
    pub path: PathBuf,
    pub from: String,
    pub date: Option<NaiveDateTime>,
    pub subject: String,
    /// An mbox: its first message is shown; filing takes them all.
    pub several: bool,
    /// Why its headers could not be read (filing it says in full).
    pub unreadable: Option<String>,
}

/// Where the message chosen could go, when it does not say itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Case(Id<Case>),
    NewCase,
    PersonOnly,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choosing {
    /// The file being filed.
    pub path: PathBuf,
    pub options: Vec<(Place, String)>,
    pub selected: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InboxView {
    /// The folder, as the config names it; `None`: no inbox is set.
    pub folder: Option<PathBuf>,
    pub rows: Vec<InboxRow>,
    pub selected: usize,
    pub offset: usize,
    /// Files in the folder whose message is in the diary already.
    pub filed: usize,
    /// The folder cannot be listed: why, in one line.
    pub problem: Option<String>,
    pub choosing: Option<Choosing>,
}

impl InboxView {
    /// Lists the folder again: one pass over its files' headers.
    pub fn reload(&mut self, cx: &Cx) -> Result<()> {
        self.rows.clear();
        self.filed = 0;
        self.problem = None;
        self.folder = cx.config.mail.inbox_dir();
        let Some(dir) = &self.folder else {
            self.selected = 0;
            self.offset = 0;
            return Ok(());
        };
        let files = match mail_files::inbox_files(dir) {
            Ok(f) => f,
            Err(e) => {
                self.problem = Some(e.message(cx.words));
                return Ok(());
            }
        };
        let peeks: Vec<_> = files
            .into_iter()
            .map(|p| {
                let peek = mail_files::peek_file(&p);
                (p, peek)
            })
            .collect();
        let known = cx.store.known_mail_keys(
            peeks
                .iter()
                .filter_map(|(_, p)| p.as_ref().ok()?.key.as_deref()),
        )?;
        for (path, peek) in peeks {
            let row = match peek {
                Ok(p) => {
                    if p.key.as_ref().is_some_and(|k| known.contains(k)) {
                        self.filed += 1;
                        continue;
                    }
                    InboxRow {
                        path,
                        from: p
                            .from
                            .map(|m| clean(m.name.as_deref().unwrap_or(&m.address)))
                            .unwrap_or_default(),
                        date: p.date,
                        subject: clean(&p.subject),
                        several: p.several,
                        unreadable: None,
                    }
                }
                Err(why) => InboxRow {
                    path,
                    from: String::new(),
                    date: None,
                    subject: String::new(),
                    several: false,
                    unreadable: Some(clean(&why.render(cx.words))),
                },
            };
            self.rows.push(row);
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.offset = self.offset.min(self.selected);
        Ok(())
    }

    /// Esc while choosing a case: back to the list. False when not choosing.
    pub fn cancel_choice(&mut self) -> bool {
        self.choosing.take().is_some()
    }

    fn step(&mut self, by: i64, visible: usize) {
        if let Some(c) = &mut self.choosing {
            let last = c.options.len().saturating_sub(1) as i64;
            c.selected = (c.selected as i64 + by).clamp(0, last) as usize;
            return;
        }
        let last = self.rows.len().saturating_sub(1) as i64;
        self.selected = (self.selected as i64 + by).clamp(0, last.max(0)) as usize;
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
    }
}

// ── Keys ──

pub const ACTIONS: &[Action] = &[Action::Open, Action::Back];

fn options_for(open_cases: &[String], subject: &str, cx: &Cx) -> Result<Vec<(Place, String)>> {
    let w = cx.words;
    let mut options = Vec::new();
    for reference in open_cases {
        if let Some(c) = cx.store.case_by_reference(reference)? {
            let label = w.tr(
                "ui-inbox-onto-case",
                Some(&args(&[
                    ("reference", reference.clone().into()),
                    ("title", clean(&c.data.title).into()),
                ])),
            );
            options.push((Place::Case(c.id), label));
        }
    }
    let title = match crate::mail::case_title(subject) {
        "" => w.tr("mail-no-subject", None),
        s => clean(s),
    };
    options.push((Place::NewCase, w.tr1("ui-inbox-new-case", "title", title)));
    options.push((Place::PersonOnly, w.tr("ui-inbox-person-only", None)));
    Ok(options)
}

impl InboxView {
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        let rows = layout::table_rows(layout::Areas::of_size(cx.size).body).saturating_sub(1);
        match action {
            a if a.is_movement() => self.step(a.distance(rows), rows),
            Action::Open => {
                if let Some(c) = self.choosing.take() {
                    let place = c.options.get(c.selected).map(|o| o.0.clone());
                    return match place {
                        Some(place) => file(&c.path, place, cx),
                        None => Ok(Vec::new()),
                    };
                }
                let Some(row) = self.rows.get(self.selected) else {
                    return Ok(Vec::new());
                };
                let path = row.path.clone();
                let messages = mail_files::read_all(
                    std::slice::from_ref(&path),
                    cx.config.mail.max_attachment_bytes(),
                )?;
                // One message that does not say where it goes: ask.
                if let [m] = messages.as_slice()
                    && let Some(Filed::Unfiled { open_cases }) =
                        cx.store.mail_destination(m, &take_in(cx, None, false))?
                {
                    self.choosing = Some(Choosing {
                        path,
                        options: options_for(&open_cases, &m.subject, cx)?,
                        selected: 0,
                    });
                    return Ok(Vec::new());
                }
                // It says (a [REF], the person's only open case), it is in
                // the diary already, or it is an mbox: as `casebook mail
                // --new-case` would.
                return file(&path, Place::NewCase, cx);
            }
            _ => {}
        }
        Ok(Vec::new())
    }
}

fn take_in(cx: &Cx, onto: Option<Id<Case>>, new_case: bool) -> TakeIn {
    TakeIn {
        me: cx.config.me.email.clone(),
        new_case,
        now: cx.clock.now(),
        untitled: cx.words.tr("mail-no-subject", None),
        categories: cx.config.categories(),
        onto,
    }
}

/// Reads the file again and files it: the file may have changed since it
/// was listed, and what is saved is what is in it now.
fn file(path: &std::path::Path, place: Place, cx: &mut Cx) -> Result<Effects> {
    let messages = mail_files::read_all(
        std::slice::from_ref(&path.to_path_buf()),
        cx.config.mail.max_attachment_bytes(),
    )?;
    let opts = match place {
        Place::Case(id) => take_in(cx, Some(id), false),
        Place::NewCase => take_in(cx, None, true),
        Place::PersonOnly => take_in(cx, None, false),
    };
    let taken = cx.store.take_in_mail(&messages, &opts)?;
    let w = cx.words;
    let status = match taken.as_slice() {
        [t] if t.entry.is_none() => w.tr("ui-inbox-already", None),
        [t] => match &t.filed {
            Filed::Case(r) => w.tr1("ui-inbox-filed", "reference", r.clone()),
            Filed::NewCase(r) => w.tr1("ui-inbox-filed-new", "reference", r.clone()),
            Filed::Unfiled { .. } => w.tr("ui-inbox-filed-person", None),
        },
        many => {
            let added = many.iter().filter(|t| t.entry.is_some()).count();
            w.tr(
                "ui-inbox-taken",
                Some(&args(&[
                    ("added", added.into()),
                    ("already", (many.len() - added).into()),
                ])),
            )
        }
    };
    Ok(vec![Effect::Refresh, Effect::Status(status)])
}

// ── Drawing ──

pub fn draw(
    v: &InboxView,
    w: &Catalogue,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    hits: &crate::app::hits::Hits,
) {
    let title = match &v.folder {
        Some(dir) => w.tr(
            "ui-inbox-title",
            Some(&args(&[
                ("folder", clean(&dir.display().to_string()).into()),
                ("count", v.rows.len().into()),
            ])),
        ),
        None => w.tr("ui-inbox-title-none", None),
    };
    let block = panel(&title, true, theme);
    let empty = match (&v.folder, &v.problem) {
        (None, _) => Some(w.tr("ui-inbox-not-set", None)),
        (_, Some(p)) => Some(p.clone()),
        _ if v.rows.is_empty() => Some(w.tr1("ui-inbox-empty", "filed", v.filed)),
        _ => None,
    };
    if let Some(text) = empty {
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.dim()))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    // Only the rows in view are made into cells.
    let visible = usize::from(area.height.saturating_sub(3)).max(1);
    let rows: Vec<Row> = v
        .rows
        .iter()
        .skip(v.offset)
        .take(visible)
        .map(|r| {
            let date = r
                .date
                .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default();
            let subject = match (&r.unreadable, r.several) {
                (Some(why), _) => w.tr1("ui-inbox-unreadable", "reason", why.clone()),
                (None, true) => w.tr1("ui-inbox-mailbox", "subject", r.subject.clone()),
                (None, false) if r.subject.trim().is_empty() => w.tr("mail-no-subject", None),
                (None, false) => r.subject.clone(),
            };
            let style = if r.unreadable.is_some() {
                theme.dim()
            } else {
                theme.plain()
            };
            Row::new(vec![
                Cell::from(date),
                Cell::from(r.from.clone()),
                Cell::from(subject),
            ])
            .style(style)
        })
        .collect();
    let header = Row::new(vec![
        Cell::from(w.tr("ui-inbox-date", None)),
        Cell::from(w.tr("ui-inbox-from", None)),
        Cell::from(w.tr("ui-inbox-subject", None)),
    ])
    .style(theme.title());
    let table = Table::new(
        rows,
        [
            Constraint::Length(16),
            Constraint::Percentage(30),
            Constraint::Min(20),
        ],
    )
    .header(header)
    .block(block)
    .row_highlight_style(theme.selected());
    let mut state =
        TableState::default().with_selected(Some(v.selected - v.offset.min(v.selected)));
    frame.render_stateful_widget(table, area, &mut state);
    // The rows drawn start at `v.offset`; the table's own offset is within them.
    let mut hit = crate::app::hits::ListHit::table(
        crate::app::hits::Owner::Screen,
        area,
        v.offset + state.offset(),
        v.rows.len(),
        v.selected,
    );
    if v.choosing.is_some() {
        hit.rows.clear();
    }
    hits.list(hit);

    if let Some(c) = &v.choosing {
        let height = (c.options.len() as u16 + 2).min(area.height);
        let r = centered(area, 70, height);
        frame.render_widget(Clear, r);
        let items: Vec<ListItem> = c
            .options
            .iter()
            .map(|(_, label)| ListItem::new(label.clone()))
            .collect();
        let title = w.tr("ui-inbox-which-case", None);
        let list = List::new(items)
            .block(panel(&title, true, theme))
            .highlight_style(theme.selected());
        let mut state = ListState::default().with_selected(Some(c.selected));
        frame.render_stateful_widget(list, r, &mut state);
        hits.list(crate::app::hits::ListHit::list(
            crate::app::hits::Owner::Popup,
            r,
            state.offset(),
            &vec![1; c.options.len()],
            Some,
            Some(c.selected),
        ));
        hits.record(|d| d.popup = Some(r));
    }
}

//! The agenda: every follow-up waiting, overdue first, then today, this
//! week and later, one line each.

use crate::app::forms::{self, FormKind};
use crate::app::popups::form as form_popup;
use crate::app::{Action, Cx, Effect, Effects, text};
use crate::store::Snooze;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::app::text::agenda as t;
use crate::ui::widgets::panel;
use crate::ui::{Theme, cut};
use chrono::NaiveDate;

use crate::Result;
use crate::app::screens::paging::step;
use crate::app::screens::{Screen, case::CaseView, contact::ContactView};
use crate::store::{Agenda, AgendaGroup, FollowUpItem, Store};

/// Follow-ups fetched in each group; the group's full count is shown too.
const PER_GROUP: usize = 200;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AgendaView {
    pub agenda: Option<Agenda>,
    /// Index into [`AgendaView::items`].
    pub selected: usize,
    /// Confidential follow-ups shown.
    pub revealed: bool,
}

impl AgendaView {
    pub fn reload(&mut self, store: &Store, today: NaiveDate) -> Result<()> {
        self.agenda = Some(store.agenda(today, PER_GROUP)?);
        self.selected = self.selected.min(self.len().saturating_sub(1));
        Ok(())
    }

    /// The groups in the order shown.
    pub fn groups(&self) -> Vec<&AgendaGroup> {
        match &self.agenda {
            Some(a) => vec![&a.overdue, &a.due_today, &a.this_week, &a.later],
            None => Vec::new(),
        }
    }

    /// Every follow-up shown, in order.
    pub fn items(&self) -> impl Iterator<Item = &FollowUpItem> {
        self.groups().into_iter().flat_map(|g| g.items.iter())
    }

    pub fn len(&self) -> usize {
        self.groups().iter().map(|g| g.items.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn current(&self) -> Option<&FollowUpItem> {
        self.items().nth(self.selected)
    }

    pub fn step(&mut self, by: i64) {
        self.selected = step(self.selected, by, self.len());
    }

    /// The case of the selected follow-up, or else its person.
    pub fn target(&self) -> Option<Screen> {
        let f = self.current()?;
        match (&f.case, &f.contact) {
            (Some(c), _) => Some(Screen::Case(Box::new(CaseView::new(c.id)))),
            (None, Some(p)) => Some(Screen::Contact(Box::new(ContactView::new(p.id)))),
            _ => None,
        }
    }
}

// ── Drawing ──

pub fn draw(
    w: &crate::i18n::Catalogue,
    v: &AgendaView,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    hits: &crate::app::hits::Hits,
) {
    let title = w.tr(t::TITLE, None);
    let block = panel(&title, true, theme);
    if v.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(w.tr(t::EMPTY, None), theme.dim())).block(block),
            area,
        );
        return;
    }
    let width = area.width.saturating_sub(2) as usize;
    let names = [
        w.tr(t::OVERDUE, None),
        w.tr(t::TODAY, None),
        w.tr(t::THIS_WEEK, None),
        w.tr(t::LATER, None),
    ];
    let styles = [theme.error(), theme.warn(), theme.plain(), theme.dim()];
    let mut items: Vec<ListItem> = Vec::new();
    // Where each follow-up sits among the items (headings are not chosen).
    let mut at: Vec<usize> = Vec::new();
    for ((group, name), style) in v.groups().into_iter().zip(names).zip(styles) {
        if group.total == 0 {
            continue;
        }
        if !items.is_empty() {
            items.push(ListItem::new(""));
        }
        items.push(ListItem::new(Line::styled(
            t::section(w, &name, group.total),
            theme.title(),
        )));
        for f in &group.items {
            let mut spans = vec![Span::styled(
                format!(" {}  ", crate::ui::when::adm_padded(w, f.due_on)),
                style,
            )];
            if f.contact.as_ref().is_some_and(|c| c.caution) {
                spans.push(Span::styled("⚠", theme.caution()));
                spans.push(Span::raw(" "));
            }
            let who = [
                f.contact.as_ref().map(|c| c.name.clone()),
                f.case.as_ref().map(|c| c.reference.clone()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            let what = if f.confidential && !v.revealed {
                w.tr(t::MASKED, None)
            } else {
                w.follow_up(&f.what, f.contact.as_ref().map(|c| c.name.as_str()))
            };
            let used: usize = spans.iter().map(Span::width).sum();
            let who = cut(&who, 34.min(width.saturating_sub(used)));
            let used = used + unicode_width::UnicodeWidthStr::width(who.as_str());
            spans.push(Span::raw(who));
            spans.push(Span::styled(
                format!("  {}", cut(&what, width.saturating_sub(used + 2))),
                theme.plain(),
            ));
            at.push(items.len());
            items.push(ListItem::new(Line::from(spans)));
        }
        let shown = group.items.len() as u64;
        if group.total > shown {
            items.push(ListItem::new(Line::styled(
                t::more(w, group.total - shown),
                theme.dim(),
            )));
        }
    }
    let selected = at.get(v.selected).copied();
    let mut state = ListState::default().with_selected(selected);
    let heights: Vec<u16> = items.iter().map(|i| i.height() as u16).collect();
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme.selected()),
        area,
        &mut state,
    );
    // Headings and "n more" lines are not among the cursor's rows.
    hits.list(crate::app::hits::ListHit::list(
        crate::app::hits::Owner::Screen,
        area,
        state.offset(),
        &heights,
        |i| at.binary_search(&i).ok(),
        Some(v.selected),
    ));
}

// ── Keys ──

pub const ACTIONS: &[Action] = &[
    Action::Open,
    Action::Done,
    Action::Undo,
    Action::SnoozeDay,
    Action::SnoozeWeek,
    Action::Reschedule,
    Action::Reveal,
    Action::Back,
];

impl AgendaView {
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        let w = cx.words;
        let today = cx.clock.today();
        match action {
            a if a.is_movement() => self.step(a.distance(10)),
            Action::Reveal => self.revealed = !self.revealed,
            Action::Open => {
                if let Some(s) = self.target() {
                    return Ok(vec![Effect::Go(s)]);
                }
            }
            Action::Done | Action::SnoozeDay | Action::SnoozeWeek | Action::Reschedule => {
                let Some(id) = self.current().map(|f| f.id) else {
                    return Ok(vec![Effect::Status(
                        w.tr(text::message::NOTHING_SELECTED, None).to_string(),
                    )]);
                };
                return match action {
                    Action::Done => {
                        cx.store.complete_follow_up(id, today)?;
                        let status =
                            text::status::follow_up_done(cx.words, &cx.keymap.label(&Action::Undo));
                        Ok(vec![
                            Effect::Undoable(id),
                            Effect::Refresh,
                            Effect::Status(status),
                        ])
                    }
                    Action::Reschedule => Ok(form_popup::open(
                        FormKind::Reschedule(id),
                        forms::reschedule(),
                        cx,
                    )),
                    _ => {
                        let by = if action == Action::SnoozeDay {
                            Snooze::Day
                        } else {
                            Snooze::Week
                        };
                        let on = cx.store.snooze_follow_up(id, by, today)?;
                        let status = t::snoozed(cx.words, &crate::ui::when::adm(cx.words, on));
                        Ok(vec![Effect::Refresh, Effect::Status(status)])
                    }
                };
            }
            _ => {}
        }
        Ok(Vec::new())
    }
}

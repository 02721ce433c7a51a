//! Home: what is due, open cases by status, the latest in the diary, and the
//! bigger picture.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use crate::app::text::home as t;
use crate::app::{App, HomePanel};
use crate::ui::widgets::panel;
use crate::ui::{Theme, cut, short_date};

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let v = &app.home;
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let [due_area, open_area] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(top);
    let [latest_area, alerts_area] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(bottom);
    let today = v.today.unwrap_or_else(|| app.clock.today());
    let sel = |p: HomePanel| (v.focus == p).then_some(v.selected);

    // Due: follow-ups due today and overdue, replies late, cases to update;
    // a heading over each section that has something in it.
    let width = due_area.width.saturating_sub(2) as usize;
    let mut items: Vec<ListItem> = Vec::new();
    // Where each selectable line sits among the items (headings are not).
    let mut at: Vec<usize> = Vec::new();
    let two = |mut spans: Vec<Span<'static>>, rest: String| {
        if let Some(last) = spans.pop() {
            let before: usize = spans.iter().map(Span::width).sum();
            spans.push(Span::styled(
                cut(&last.content, width.saturating_sub(before)),
                last.style,
            ));
        }
        ListItem::new(vec![
            Line::from(spans),
            Line::from(format!("  {}", cut(&rest, width.saturating_sub(2)))),
        ])
    };
    let heading = |text: String| ListItem::new(Line::styled(text, theme.title()));
    if !v.follow_ups.is_empty() {
        items.push(heading(t::section_follow_ups(v.due_totals.follow_ups)));
    }
    for f in &v.follow_ups {
        let (when, style) = if f.due_on < today {
            (
                format!("{} {}", short_date(f.due_on, today), t::OVERDUE),
                theme.error(),
            )
        } else {
            (t::TODAY.to_string(), theme.warn())
        };
        let mut who = f.contact.clone().unwrap_or_default();
        if let Some((_, r)) = &f.case {
            who = format!("{who} · {r}");
        }
        at.push(items.len());
        items.push(two(
            vec![Span::styled(format!("{when}  "), style), Span::raw(who)],
            f.what.clone(),
        ));
    }
    if !v.late_referrals.is_empty() {
        items.push(heading(t::section_late(v.due_totals.late_referrals)));
    }
    for r in &v.late_referrals {
        let due = t::reply_was_due(&short_date(r.due_on, today));
        let to = match &r.department {
            Some(d) => format!("{} ({d})", r.to.name),
            None => r.to.name.clone(),
        };
        at.push(items.len());
        items.push(two(
            vec![
                Span::styled(format!("{due}  "), theme.error()),
                Span::raw(format!("{} · {to}", r.case.reference)),
            ],
            r.case.title.clone(),
        ));
    }
    if !v.needs_update.is_empty() {
        items.push(heading(t::section_update(v.due_totals.needs_update)));
    }
    for n in &v.needs_update {
        let since = match n.last_contact {
            Some(d) => t::no_news_since(&short_date(d, today)),
            None => t::NEVER_UPDATED.to_string(),
        };
        let mut head = vec![Span::styled(format!("{since}  "), theme.warn())];
        if n.constituent.caution {
            head.push(Span::styled("⚠ ", theme.caution()));
        }
        head.push(Span::raw(format!(
            "{} · {}",
            n.constituent.name, n.case.reference
        )));
        at.push(items.len());
        items.push(two(head, n.case.title.clone()));
    }
    let due_sel = sel(HomePanel::FollowUps).map(|i| at.get(i).copied().unwrap_or(0));
    list(
        frame,
        due_area,
        t::FOLLOW_UPS,
        items,
        t::NO_FOLLOW_UPS,
        due_sel,
        theme,
    );

    // Open cases by status.
    let items: Vec<ListItem> = v
        .open_counts
        .iter()
        .map(|(s, n)| ListItem::new(format!("{n:>6}  {}", s.as_str().replace('_', " "))))
        .collect();
    list(
        frame,
        open_area,
        t::OPEN_CASES,
        items,
        t::NO_OPEN_CASES,
        sel(HomePanel::OpenCases),
        theme,
    );

    // Latest entries.
    let width = latest_area.width.saturating_sub(2) as usize;
    // An unfiled entry says how to file it.
    let unfiled = t::unfiled(&app.keymap.label(&crate::app::Action::EditEntry));
    let items: Vec<ListItem> = v
        .latest
        .iter()
        .map(|e| {
            let filed = e.case.as_ref().map(|c| c.1.as_str()).unwrap_or(&unfiled);
            let head = format!(
                "{} {} · {} · {}",
                e.at.format("%d %b %H:%M"),
                e.kind.label(),
                e.contact.as_deref().unwrap_or(""),
                filed
            );
            let body = crate::ui::widgets::entry_text(e, false, crate::app::text::case::MASKED);
            ListItem::new(vec![
                Line::styled(cut(&head, width), theme.dim()),
                Line::from(format!("  {}", cut(&body, width.saturating_sub(2)))),
            ])
        })
        .collect();
    let empty = t::no_entries(
        &app.keymap.label(&crate::app::Action::LogCall),
        &app.keymap.label(&crate::app::Action::NewCase),
    );
    list(
        frame,
        latest_area,
        t::LATEST,
        items,
        &empty,
        sel(HomePanel::Latest),
        theme,
    );

    // The bigger picture: clusters of similar cases in one area.
    let width = alerts_area.width.saturating_sub(2) as usize;
    let items: Vec<ListItem> = v
        .alerts
        .iter()
        .map(|c| {
            let head = t::cluster(
                c.cases.len(),
                &crate::app::text::category(&c.category),
                &c.place,
            );
            let span = format!(
                "  {} – {}",
                c.first.format("%d %b"),
                c.last.format("%d %b %Y")
            );
            ListItem::new(vec![
                Line::styled(cut(&head, width), theme.warn()),
                Line::from(cut(&span, width)),
            ])
        })
        .collect();
    list(
        frame,
        alerts_area,
        t::BIGGER_PICTURE,
        items,
        t::NO_ALERTS,
        sel(HomePanel::Alerts),
        theme,
    );
}

fn list(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    items: Vec<ListItem>,
    empty: &str,
    selected: Option<usize>,
    theme: &Theme,
) {
    let block = panel(title, selected.is_some(), theme);
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(empty, theme.dim()))
                .block(block)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let mut state = ListState::default().with_selected(selected);
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected());
    frame.render_stateful_widget(list, area, &mut state);
}

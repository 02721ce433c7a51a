//! One case: the facts, the people (caution first and loud), the timeline,
//! referrals and follow-ups, in one page that scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::CaseView;
use crate::app::text::case as t;
use crate::ui::Theme;
use crate::ui::widgets::{entry_head, entry_text, panel};

/// How far the case page can scroll in a body of `width` × `height`.
pub fn max_scroll(v: &CaseView, width: u16, height: u16) -> u16 {
    let lines = lines(v, &Theme::new(true));
    let width = width.saturating_sub(2);
    let total: usize = lines
        .iter()
        .map(|l| {
            let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            crate::app::textfield::wrap(&s, width).len()
        })
        .sum();
    (total as u16).saturating_sub(height.saturating_sub(2))
}

pub fn draw(v: &CaseView, theme: &Theme, frame: &mut Frame, area: Rect) {
    if v.case.is_none() {
        frame.render_widget(panel(crate::app::text::tabs::CASE, true, theme), area);
        return;
    }
    let max = max_scroll(v, area.width, area.height);
    let block = panel(crate::app::text::tabs::CASE, true, theme);
    let para = Paragraph::new(lines(v, theme))
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(para.scroll((v.scroll.min(max), 0)), area);
}

fn lines<'a>(v: &'a CaseView, theme: &Theme) -> Vec<Line<'a>> {
    let Some(c) = &v.case else {
        return Vec::new();
    };
    let mut lines: Vec<Line> = Vec::new();
    // Caution first: a personal-safety marker must not be scrolled past.
    for (_, p) in v.people.iter().filter(|(_, p)| p.caution.is_some()) {
        lines.push(Line::styled(
            format!(
                " ⚠ {}: {} — {} ",
                t::CAUTION,
                p.name,
                p.caution.as_deref().unwrap_or("")
            ),
            theme.caution(),
        ));
    }
    let mut head = vec![
        Span::styled(format!("{}  {}", c.reference, c.title), theme.title()),
        Span::raw("  "),
        Span::styled(format!("[{}]", c.status.label()), theme.warn()),
    ];
    if let Some(o) = c.outcome {
        head.push(Span::raw(format!(" {}", o.label())));
    }
    lines.push(Line::from(head));
    let mut meta = format!(
        "{} · {} · {} · {} {}",
        c.kind.label(),
        crate::app::text::category(&c.category),
        c.channel.label(),
        t::OPENED,
        c.opened.format("%d %b %Y")
    );
    if let Some(d) = c.closed {
        meta.push_str(&format!(" · {} {}", t::CLOSED, d.format("%d %b %Y")));
    }
    meta.push_str(&crate::app::record::text::screen::case_extra(c));
    lines.push(Line::styled(meta, theme.dim()));
    if let Some(note) = &c.outcome_note {
        lines.push(Line::from(format!("{}: {note}", t::OUTCOME_NOTE)));
    }
    let place = [c.location.clone(), c.postcode.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    if !place.is_empty() {
        lines.push(Line::from(place));
    }
    let consent = match c.consent_to_share {
        Some(true) => Line::styled(t::CONSENT_YES, theme.ok()),
        Some(false) => Line::styled(t::CONSENT_NO, theme.error()),
        None => Line::styled(t::CONSENT_UNKNOWN, theme.warn()),
    };
    let consent = match c.consent_on {
        Some(d) if c.consent_to_share.is_some() => {
            let style = consent.style;
            let mut spans = consent.spans;
            spans.push(Span::styled(
                crate::app::record::text::screen::consent_on(d),
                style,
            ));
            Line::from(spans)
        }
        _ => consent,
    };
    lines.push(consent);

    for (title, value) in [
        (t::FACTS, &c.facts),
        (t::WANTS, &c.wants),
        (t::HISTORY, &c.history),
        (t::OTHERS, &c.others_involved),
    ] {
        if let Some(text) = value {
            lines.push(Line::from(""));
            lines.push(Line::styled(title, theme.title()));
            lines.extend(text.lines().map(|l| Line::from(l.to_string())));
        }
    }

    lines.push(Line::from(""));
    lines.push(Line::styled(t::PEOPLE, theme.title()));
    for (role, p) in &v.people {
        let mark = if p.caution.is_some() {
            Span::styled("⚠ ", theme.caution())
        } else {
            Span::raw("  ")
        };
        let mut spans = vec![
            mark,
            Span::raw(format!("{} ", p.name)),
            Span::styled(format!("({})", role.label()), theme.dim()),
        ];
        let reach = [p.phone.clone(), p.email.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        if !reach.is_empty() {
            spans.push(Span::raw(format!("  {reach}")));
        }
        lines.push(Line::from(spans));
    }

    lines.push(Line::from(""));
    lines.push(Line::styled(t::FOLLOW_UPS, theme.title()));
    if v.follow_ups.is_empty() {
        lines.push(Line::styled(format!("  {}", t::NO_FOLLOW_UPS), theme.dim()));
    }
    for f in &v.follow_ups {
        let (mark, style) = match f.done_on {
            Some(d) => (format!("{} {}", t::DONE, d.format("%d %b")), theme.dim()),
            None => (f.due_on.format("%d %b %Y").to_string(), theme.warn()),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark}  "), style),
            Span::raw(f.what.clone()),
        ]));
    }

    lines.push(Line::from(""));
    lines.push(Line::styled(t::REFERRALS, theme.title()));
    if v.referrals.is_empty() {
        lines.push(Line::styled(format!("  {}", t::NO_REFERRALS), theme.dim()));
    }
    for r in &v.referrals {
        let state = match r.reply_on {
            Some(d) => format!("{} {}", t::REPLIED, d.format("%d %b")),
            None => format!("{} {}", t::REPLY_DUE, r.due_on.format("%d %b")),
        };
        let council = r
            .council_ref
            .as_deref()
            .map(|x| format!(" · {x}"))
            .unwrap_or_default();
        lines.push(Line::from(format!(
            "  {} → {}{council} · {state}",
            r.referred_on.format("%d %b"),
            r.to
        )));
    }

    lines.push(Line::from(""));
    lines.push(Line::styled(t::TIMELINE, theme.title()));
    if v.entries.is_empty() {
        lines.push(Line::styled(format!("  {}", t::NO_ENTRIES), theme.dim()));
    }
    for e in &v.entries {
        lines.push(entry_head(e, theme));
        let text = entry_text(e, v.revealed, t::MASKED);
        let style = if e.confidential && !v.revealed {
            theme.warn()
        } else {
            theme.plain()
        };
        lines.extend(text.lines().map(|l| Line::styled(format!("  {l}"), style)));
        let attached: Vec<_> = v.attachments.iter().filter(|a| a.entry == e.id).collect();
        if e.confidential && !v.revealed {
            if !attached.is_empty() {
                lines.push(Line::styled(
                    format!("  {}", t::attachments_hidden(attached.len())),
                    theme.dim(),
                ));
            }
        } else {
            for a in attached {
                lines.push(Line::styled(
                    format!(
                        "  {}",
                        t::attachment(
                            a.id,
                            &crate::mail::words::clean(&a.filename),
                            &crate::mail::words::size(a.size)
                        )
                    ),
                    theme.dim(),
                ));
            }
        }
    }

    lines
}

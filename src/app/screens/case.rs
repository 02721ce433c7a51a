//! One case: the facts, the people (caution first and loud), the timeline,
//! referrals and follow-ups, in one page that scrolls.

use crate::app::forms::{self, FormKind};
use crate::app::popups::{Choice, Popup, form as form_popup};
use crate::app::{Action, Cx, Effect, Effects, layout, record, record_forms, text};
use crate::domain::EntryKind;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::text::case as t;
use crate::ui::Theme;
use crate::ui::widgets::{entry_head, entry_text, panel};

use crate::Result;
use crate::app::form::Match;
use crate::app::match_of;
use crate::app::screens::Screen;
use crate::app::screens::contact::ContactView;
use crate::domain::{Case, CaseStatus, Contact, Id, Record, Role};
use crate::store::{EntryLine, FollowUpLine, ReferralLine, Store};

/// Timeline entries shown on a case (the latest ones of a very long case).
const TIMELINE: usize = 500;

#[derive(Debug, Clone, PartialEq)]
pub struct CaseView {
    pub id: Id<Case>,
    pub case: Option<Record<Case>>,
    pub people: Vec<(Role, Record<Contact>)>,
    pub entries: Vec<EntryLine>,
    pub referrals: Vec<ReferralLine>,
    pub follow_ups: Vec<FollowUpLine>,
    /// Attachments of the timeline's entries (one line each under its entry).
    pub attachments: Vec<crate::store::AttachmentLine>,
    /// Files on its entries too big for the hub, kept on another device.
    pub away: Vec<crate::store::AwayAttachment>,
    /// Confidential entries shown.
    pub revealed: bool,
    pub scroll: u16,
}

impl CaseView {
    pub fn new(id: Id<Case>) -> CaseView {
        CaseView {
            id,
            case: None,
            people: Vec::new(),
            entries: Vec::new(),
            referrals: Vec::new(),
            follow_ups: Vec::new(),
            attachments: Vec::new(),
            away: Vec::new(),
            revealed: false,
            scroll: 0,
        }
    }

    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.case = Some(store.case(self.id)?);
        self.people = store.case_people(self.id)?;
        self.entries = store.entry_lines_of_case(self.id, TIMELINE)?;
        self.referrals = store.referral_lines_of_case(self.id)?;
        self.follow_ups = store.follow_up_lines_of_case(self.id)?;
        self.attachments = store.attachments_of_case(self.id)?;
        self.away = store.attachments_away_of_case(self.id)?;
        Ok(())
    }

    pub fn reference(&self) -> Option<String> {
        self.case.as_ref().map(|c| c.reference.clone())
    }

    /// The case as forms offer it: (reference, title).
    pub fn case_ref(&self) -> Option<(String, String)> {
        self.case
            .as_ref()
            .map(|c| (c.reference.clone(), c.title.clone()))
    }

    /// The constituent, for forms filled in ahead.
    pub fn constituent_match(&self) -> Option<Match> {
        self.people
            .iter()
            .find(|(r, _)| *r == Role::Constituent)
            .or_else(|| self.people.first())
            .map(|(_, c)| match_of(c))
    }
}

// ── Drawing ──

/// How far the case page scrolls in the body `area`: the very lines drawn,
/// measured in one place (`layout`).
pub fn max_scroll(w: &crate::i18n::Catalogue, v: &CaseView, area: Rect) -> u16 {
    crate::app::layout::max_scroll(&lines(w, v, &Theme::new(true)), area)
}

pub fn draw(
    w: &crate::i18n::Catalogue,
    v: &CaseView,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    if v.case.is_none() {
        frame.render_widget(
            panel(&w.tr(crate::app::text::tabs::CASE, None), true, theme),
            area,
        );
        return;
    }
    let max = max_scroll(w, v, area);
    let title = w.tr(crate::app::text::tabs::CASE, None);
    let block = panel(&title, true, theme);
    let para = Paragraph::new(lines(w, v, theme))
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(para.scroll((v.scroll.min(max), 0)), area);
}

fn lines<'a>(w: &crate::i18n::Catalogue, v: &'a CaseView, theme: &Theme) -> Vec<Line<'a>> {
    let Some(c) = &v.case else {
        return Vec::new();
    };
    let mut lines: Vec<Line> = Vec::new();
    // Caution first: a personal-safety marker must not be scrolled past.
    for (_, p) in v.people.iter().filter(|(_, p)| p.caution.is_some()) {
        lines.push(Line::styled(
            format!(
                " ⚠ {}: {} — {} ",
                w.tr(t::CAUTION, None),
                p.name,
                p.caution.as_deref().unwrap_or("")
            ),
            theme.caution(),
        ));
    }
    let mut head = vec![
        Span::styled(format!("{}  {}", c.reference, c.title), theme.title()),
        Span::raw("  "),
        Span::styled(format!("[{}]", w.label(c.status)), theme.warn()),
    ];
    if let Some(o) = c.outcome {
        head.push(Span::raw(format!(" {}", w.label(o))));
    }
    lines.push(Line::from(head));
    let mut meta = format!(
        "{} · {} · {} · {} {}",
        w.label(c.kind),
        crate::app::text::category(w, &c.category),
        w.label(c.channel),
        w.tr(t::OPENED, None),
        crate::ui::when::dmy(w, c.opened)
    );
    if let Some(d) = c.closed {
        meta.push_str(&format!(
            " · {} {}",
            w.tr(t::CLOSED, None),
            crate::ui::when::dmy(w, d)
        ));
    }
    meta.push_str(&crate::app::record::text::screen::case_extra(w, c));
    lines.push(Line::styled(meta, theme.dim()));
    if let Some(note) = &c.outcome_note {
        lines.push(Line::from(format!(
            "{}: {note}",
            w.tr(t::OUTCOME_NOTE, None)
        )));
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
        Some(true) => Line::styled(w.tr(t::CONSENT_YES, None), theme.ok()),
        Some(false) => Line::styled(w.tr(t::CONSENT_NO, None), theme.error()),
        None => Line::styled(w.tr(t::CONSENT_UNKNOWN, None), theme.warn()),
    };
    let consent = match c.consent_on {
        Some(d) if c.consent_to_share.is_some() => {
            let style = consent.style;
            let mut spans = consent.spans;
            spans.push(Span::styled(
                crate::app::record::text::screen::consent_on(w, d),
                style,
            ));
            Line::from(spans)
        }
        _ => consent,
    };
    lines.push(consent);

    for (title, value) in [
        (w.tr(t::FACTS, None), &c.facts),
        (w.tr(t::WANTS, None), &c.wants),
        (w.tr(t::HISTORY, None), &c.history),
        (w.tr(t::OTHERS, None), &c.others_involved),
    ] {
        if let Some(text) = value {
            lines.push(Line::from(""));
            lines.push(Line::styled(title, theme.title()));
            lines.extend(text.lines().map(|l| Line::from(l.to_string())));
        }
    }

    lines.push(Line::from(""));
    lines.push(Line::styled(w.tr(t::PEOPLE, None), theme.title()));
    for (role, p) in &v.people {
        let mark = if p.caution.is_some() {
            Span::styled("⚠ ", theme.caution())
        } else {
            Span::raw("  ")
        };
        let mut spans = vec![
            mark,
            Span::raw(format!("{} ", p.name)),
            Span::styled(format!("({})", w.label(*role)), theme.dim()),
        ];
        // Letters, calls and the subject access export follow it: it is
        // worth seeing before picking up the phone.
        if let Some(lang) = p.language {
            spans.push(Span::styled(
                format!("  {}", t::prefers(w, lang)),
                theme.warn(),
            ));
        }
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
    lines.push(Line::styled(w.tr(t::FOLLOW_UPS, None), theme.title()));
    if v.follow_ups.is_empty() {
        lines.push(Line::styled(
            format!("  {}", w.tr(t::NO_FOLLOW_UPS, None)),
            theme.dim(),
        ));
    }
    for f in &v.follow_ups {
        let (mark, style) = match f.done_on {
            Some(d) => (
                format!("{} {}", w.tr(t::DONE, None), crate::ui::when::dm(w, d)),
                theme.dim(),
            ),
            None => (crate::ui::when::dmy(w, f.due_on), theme.warn()),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark}  "), style),
            Span::raw(w.follow_up(&f.what, f.contact.as_deref())),
        ]));
    }

    lines.push(Line::from(""));
    lines.push(Line::styled(w.tr(t::REFERRALS, None), theme.title()));
    if v.referrals.is_empty() {
        lines.push(Line::styled(
            format!("  {}", w.tr(t::NO_REFERRALS, None)),
            theme.dim(),
        ));
    }
    for r in &v.referrals {
        let state = match r.reply_on {
            Some(d) => format!("{} {}", w.tr(t::REPLIED, None), crate::ui::when::dm(w, d)),
            None => format!(
                "{} {}",
                w.tr(t::REPLY_DUE, None),
                crate::ui::when::dm(w, r.due_on)
            ),
        };
        let council = r
            .council_ref
            .as_deref()
            .map(|x| format!(" · {x}"))
            .unwrap_or_default();
        lines.push(Line::from(format!(
            "  {} → {}{council} · {state}",
            crate::ui::when::dm(w, r.referred_on),
            r.to
        )));
    }

    lines.push(Line::from(""));
    lines.push(Line::styled(w.tr(t::TIMELINE, None), theme.title()));
    if v.entries.is_empty() {
        lines.push(Line::styled(
            format!("  {}", w.tr(t::NO_ENTRIES, None)),
            theme.dim(),
        ));
    }
    for e in &v.entries {
        lines.push(entry_head(w, e, theme));
        let text = entry_text(w, e, v.revealed, &w.tr(t::MASKED, None));
        let style = if e.confidential && !v.revealed {
            theme.warn()
        } else {
            theme.plain()
        };
        lines.extend(text.lines().map(|l| Line::styled(format!("  {l}"), style)));
        let attached: Vec<_> = v.attachments.iter().filter(|a| a.entry == e.id).collect();
        let away: Vec<_> = v.away.iter().filter(|a| a.entry == e.id).collect();
        if e.confidential && !v.revealed {
            if !attached.is_empty() || !away.is_empty() {
                lines.push(Line::styled(
                    format!(
                        "  {}",
                        t::attachments_hidden(w, attached.len() + away.len())
                    ),
                    theme.dim(),
                ));
            }
        } else {
            for a in attached {
                lines.push(Line::styled(
                    format!(
                        "  {}",
                        t::attachment(
                            w,
                            a.id,
                            &crate::mail::words::clean(&a.filename),
                            &crate::mail::words::size(a.size)
                        )
                    ),
                    theme.dim(),
                ));
            }
            for a in away {
                lines.push(Line::styled(
                    format!(
                        "  {}",
                        t::attachment_away(
                            w,
                            &crate::mail::words::clean(&a.filename),
                            &crate::mail::words::size(a.size),
                            a.held_by
                                .as_deref()
                                .map(crate::mail::words::clean)
                                .as_deref()
                        )
                    ),
                    theme.dim(),
                ));
            }
        }
    }

    lines
}

// ── Keys ──

pub const ACTIONS: &[Action] = &[
    Action::AddEntry,
    Action::AddFollowUp,
    Action::Refer,
    Action::RecordReply,
    Action::TakeMail,
    Action::Draft,
    Action::ChangeStatus,
    Action::CloseCase,
    Action::EditCase,
    Action::CasePeople,
    Action::Reveal,
    Action::Open,
    Action::Back,
];

impl CaseView {
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        let w = cx.words;
        let today = cx.clock.today();
        let closed = self.case.as_ref().is_some_and(|c| c.is_closed());
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down | Action::PageDown | Action::Bottom => {
                let max = max_scroll(cx.words, self, layout::Areas::of_size(cx.size).body);
                let by = match action {
                    Action::Down => 1,
                    Action::PageDown => 10,
                    _ => u16::MAX,
                };
                self.scroll = self.scroll.saturating_add(by).min(max);
            }
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::Top => self.scroll = 0,
            Action::Reveal => self.revealed = !self.revealed,
            Action::AddEntry => {
                let (case, who) = (self.case_ref(), self.constituent_match());
                let kind = if cx.surgery {
                    EntryKind::SurgeryVisit
                } else {
                    EntryKind::Note
                };
                let form = forms::quick_log(cx.words, case.as_ref(), who, kind);
                return Ok(form_popup::open(FormKind::QuickLog, form, cx));
            }
            Action::AddFollowUp => {
                if let Some(c) = &self.case {
                    let kind = FormKind::FollowUp {
                        case: c.id,
                        contact: self.constituent_match().map(|m| m.id),
                    };
                    return Ok(form_popup::open(kind, forms::follow_up(), cx));
                }
            }
            Action::ChangeStatus => {
                let options = CaseStatus::ALL
                    .iter()
                    .filter(|s| **s != CaseStatus::Closed)
                    .map(|&s| (Choice::Status(s), w.label(s)))
                    .collect();
                return Ok(vec![Effect::Push(Popup::Choose {
                    title: text::case::CHOOSE_STATUS,
                    options,
                    selected: 0,
                })]);
            }
            Action::CloseCase if closed => {
                return Ok(vec![Effect::Status(
                    w.tr(text::case::ALREADY_CLOSED, None).to_string(),
                )]);
            }
            Action::CloseCase => {
                let open = cx.store.open_follow_up_count(self.id)?;
                let form = record_forms::close_case(cx.words, open);
                return Ok(form_popup::open(FormKind::CloseCase(self.id), form, cx));
            }
            Action::EditCase => {
                if let Some(c) = &self.case {
                    let kind = FormKind::EditCase {
                        id: c.id,
                        opened: c.opened,
                    };
                    let form = record::case::form(cx.words, c, &cx.config.categories());
                    return Ok(form_popup::open(kind, form, cx));
                }
            }
            Action::CasePeople => return Ok(vec![Effect::Push(Popup::People { selected: 0 })]),
            Action::Open => {
                if let Some((_, c)) = self.people.first() {
                    let s = Screen::Contact(Box::new(ContactView::new(c.id)));
                    return Ok(vec![Effect::Go(s)]);
                }
            }
            Action::Refer if closed => {
                return Ok(vec![Effect::Status(
                    w.tr(text::case::ALREADY_CLOSED, None).to_string(),
                )]);
            }
            Action::Refer => {
                let copied = crate::domain::rules::copy_constituent_in_by_default(
                    cx.store.case_has_confidential_entries(self.id)?,
                );
                let form = forms::refer(cx.words, today, cx.config.referral_reply_days, copied);
                return Ok(form_popup::open(FormKind::Refer(self.id), form, cx));
            }
            Action::TakeMail => {
                return Ok(form_popup::open(
                    FormKind::TakeMail(self.id),
                    forms::take_mail(),
                    cx,
                ));
            }
            Action::Draft => {
                let form = forms::draft(cx.words, cx.templates);
                return Ok(form_popup::open(FormKind::Draft(self.id), form, cx));
            }
            Action::RecordReply => return self.record_reply(cx),
            _ => {}
        }
        Ok(Vec::new())
    }

    /// A reply to the one referral awaited, or a choice among several.
    fn record_reply(&self, cx: &mut Cx) -> Result<Effects> {
        let w = cx.words;
        let awaited = cx.store.awaiting_referrals(self.id)?;
        match awaited.as_slice() {
            [] => Ok(vec![Effect::Status(
                w.tr(text::reply::NOTHING_AWAITED, None).to_string(),
            )]),
            [one] => Ok(form_popup::open(
                FormKind::Reply(one.id),
                forms::reply(cx.words),
                cx,
            )),
            many => {
                let mut options = Vec::new();
                for r in many {
                    let to = cx.store.contact(r.to)?;
                    options.push((
                        Choice::Reply(r.id),
                        text::reply::option(
                            cx.words,
                            &to.name,
                            &crate::ui::when::dm_short(cx.words, r.referred_on),
                            &crate::ui::when::dm_short(cx.words, r.due_on),
                        ),
                    ));
                }
                Ok(vec![Effect::Push(Popup::Choose {
                    title: text::reply::CHOOSE,
                    options,
                    selected: 0,
                })])
            }
        }
    }
}

//! One contact: their card, their cases, their diary entries.

use crate::app::forms::FormKind;
use crate::app::popups::form as form_popup;
use crate::app::{Action, Cx, Effect, Effects, record, text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use crate::app::text::contacts as t;
use crate::ui::widgets::{entry_head, entry_text, panel};
use crate::ui::{Theme, cut};

use crate::Result;
use crate::app::screens::Screen;
use crate::app::screens::case::CaseView;
use crate::domain::{Case, Contact, Id, Record, Role};
use crate::store::{EntryLine, Store};

#[derive(Debug, Clone, PartialEq)]
pub struct ContactView {
    pub id: Id<Contact>,
    pub contact: Option<Record<Contact>>,
    pub cases: Vec<(Role, Record<Case>)>,
    pub entries: Vec<EntryLine>,
    pub selected: usize,
    pub revealed: bool,
    /// An unanswered subject access request, shown with its deadline.
    pub sar: Option<crate::store::SarRequest>,
}

impl ContactView {
    pub fn new(id: Id<Contact>) -> ContactView {
        ContactView {
            id,
            contact: None,
            cases: Vec::new(),
            entries: Vec::new(),
            selected: 0,
            revealed: false,
            sar: None,
        }
    }

    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.contact = Some(store.contact(self.id)?);
        self.sar = store.outstanding_sar(self.id)?;
        self.cases = store.cases_of_contact(self.id)?;
        self.entries = store.entry_lines_of_contact(self.id, 200)?;
        self.selected = self.selected.min(self.cases.len().saturating_sub(1));
        Ok(())
    }
}

// ── Drawing ──

/// `file_key` is named beside an unfiled entry: the key that files it.
pub fn draw(
    w: &crate::i18n::Catalogue,
    v: &ContactView,
    file_key: &str,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    hits: &crate::app::hits::Hits,
) {
    let Some(c) = &v.contact else {
        frame.render_widget(
            panel(&w.tr(crate::app::text::tabs::CONTACT, None), true, theme),
            area,
        );
        return;
    };
    let [details, cases, entries] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Percentage(40),
        Constraint::Min(3),
    ])
    .areas(area);

    let mut lines = Vec::new();
    if let Some(caution) = &c.caution {
        lines.push(Line::styled(
            format!(
                " ⚠ {}: {caution} ",
                w.tr(crate::app::text::case::CAUTION, None)
            ),
            theme.caution(),
        ));
    }
    if let Some(r) = &v.sar {
        use crate::app::text::case::{SAR_PENDING, SAR_RESPOND_BY};
        lines.push(Line::styled(
            format!(
                " {SAR_PENDING} {}: {SAR_RESPOND_BY} {} ",
                r.requested_on, r.respond_by
            ),
            theme.caution(),
        ));
    }
    let mut head = vec![
        Span::styled(c.name.clone(), theme.title()),
        Span::styled(format!("  {}", w.label(c.kind())), theme.dim()),
    ];
    let org = [c.organisation.clone(), c.department.clone(), c.role.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    if !org.is_empty() {
        head.push(Span::raw(format!("  {org}")));
    }
    lines.push(Line::from(head));
    let place = [c.address.clone(), c.postcode.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    if !place.is_empty() {
        lines.push(Line::from(place));
    }
    let reach = [
        c.phone.clone(),
        c.email.clone(),
        c.preferred_contact.map(|p| w.label(p)),
        c.language.map(|l| w.label(l)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    if !reach.is_empty() {
        lines.push(Line::from(reach));
    }
    let monitoring = crate::app::record::text::screen::monitoring(w, c);
    if !monitoring.is_empty() {
        lines.push(Line::styled(monitoring, theme.dim()));
    }
    if let Some(n) = &c.notes {
        lines.push(Line::styled(n.clone(), theme.dim()));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(panel(&w.tr(t::DETAILS, None), false, theme))
            .wrap(Wrap { trim: false }),
        details,
    );

    let title = w.tr(t::CASES, None);

    let block = panel(&title, true, theme);
    if v.cases.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(w.tr(t::NO_CASES, None), theme.dim())).block(block),
            cases,
        );
    } else {
        let width = cases.width.saturating_sub(2) as usize;
        let items: Vec<ListItem> = v
            .cases
            .iter()
            .map(|(role, k)| {
                let s = format!(
                    "{}  {}  [{}]  {}",
                    k.reference,
                    crate::ui::when::dmy(w, k.opened),
                    w.label(k.status),
                    k.title
                );
                let s = format!("{s}  ({})", w.label(*role));
                ListItem::new(cut(&s, width))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(v.selected));
        let heights = vec![1; items.len()];
        frame.render_stateful_widget(
            List::new(items)
                .block(block)
                .highlight_style(theme.selected()),
            cases,
            &mut state,
        );
        hits.list(crate::app::hits::ListHit::list(
            crate::app::hits::Owner::Screen,
            cases,
            state.offset(),
            &heights,
            Some,
            Some(v.selected),
        ));
    }

    let mut lines = Vec::new();
    if v.entries.is_empty() {
        lines.push(Line::styled(w.tr(t::NO_ENTRIES, None), theme.dim()));
    }
    for e in &v.entries {
        let mut head = entry_head(w, e, theme);
        match &e.case {
            Some((_, r)) => head
                .spans
                .push(Span::styled(format!(" · {r}"), theme.dim())),
            None => head.spans.push(Span::styled(
                format!(" · {}", crate::app::text::home::unfiled(w, file_key)),
                theme.dim(),
            )),
        }
        lines.push(head);
        let text = entry_text(
            w,
            e,
            v.revealed,
            &w.tr(crate::app::text::case::MASKED, None),
        );
        lines.extend(text.lines().map(|l| Line::from(format!("  {l}"))));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(panel(&w.tr(t::ENTRIES, None), false, theme))
            .wrap(Wrap { trim: false }),
        entries,
    );
}

// ── Keys ──

pub const ACTIONS: &[Action] = &[
    Action::Open,
    Action::EditContact,
    Action::FileEntry,
    Action::CaseFromEntry,
    Action::Reveal,
    Action::Back,
];

impl ContactView {
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        let w = cx.words;
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.cases.len().saturating_sub(1))
            }
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = self.cases.len().saturating_sub(1),
            Action::Reveal => self.revealed = !self.revealed,
            Action::EditContact => {
                if let Some(c) = &self.contact {
                    let form = record::contact::form(cx.words, c, &cx.config.monitoring(), false);
                    return Ok(form_popup::open(FormKind::EditContact(c.id), form, cx));
                }
            }
            Action::FileEntry | Action::CaseFromEntry => {
                // Their entries come newest first: the call just taken.
                // F files it on a case; N opens a new case from it, as on
                // home.
                return match self.entries.iter().find(|e| e.case.is_none()).map(|e| e.id) {
                    Some(id) if action == Action::CaseFromEntry => {
                        form_popup::case_from_entry(id, cx)
                    }
                    Some(id) => form_popup::edit_entry(id, cx),
                    None => Ok(vec![Effect::Status(
                        w.tr(text::entry::NONE_UNFILED, None).to_string(),
                    )]),
                };
            }
            Action::Open => {
                if let Some((_, c)) = self.cases.get(self.selected) {
                    let s = Screen::Case(Box::new(CaseView::new(c.id)));
                    return Ok(vec![Effect::Go(s)]);
                }
            }
            _ => {}
        }
        Ok(Vec::new())
    }
}

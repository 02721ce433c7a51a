//! The conflicts room: each field changed on two devices since they last
//! agreed (docs/sync.md, "Conflicts"), both values side by side, and a key
//! to keep either. Keeping one is the same store call as `casebook sync
//! --choose ID --keep …`: a new change that wins on every device at their
//! next sync.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};
use serde_json::Value;

use crate::Result;
use crate::app::{Action, Cx, Effect, Effects};
use crate::i18n::Catalogue;
use crate::store::{Choice, Conflict, Store};
use crate::ui::Theme;
use crate::ui::widgets::panel;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConflictsView {
    /// Every conflict waiting (there are few: each is one field of one
    /// record that two devices changed).
    pub rows: Vec<Conflict>,
    pub selected: usize,
}

impl ConflictsView {
    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.rows = store.conflicts()?;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(())
    }
}

pub const ACTIONS: &[Action] = &[Action::KeepHere, Action::KeepOther, Action::Back];

impl ConflictsView {
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        let choice = match action {
            a if a.is_movement() => {
                let last = self.rows.len().saturating_sub(1) as i64;
                self.selected = (self.selected as i64 + a.distance(5)).clamp(0, last) as usize;
                return Ok(Vec::new());
            }
            Action::KeepHere => Choice::Local,
            Action::KeepOther => Choice::Remote,
            _ => return Ok(Vec::new()),
        };
        let Some(c) = self.rows.get(self.selected) else {
            return Ok(Vec::new());
        };
        cx.store.resolve_conflict(c.id, choice)?;
        Ok(vec![Effect::Refresh, Effect::Settled])
    }
}

/// A value as the councillor reads it: text as it is, nothing as a word,
/// control characters dropped (it came from another device).
fn shown(words: &Catalogue, v: &Value) -> String {
    let s = match v {
        Value::Null => words.tr("ui-conflicts-empty-value", None),
        Value::String(s) => s.clone(),
        Value::Bool(b) => words.tr(
            if *b {
                "ui-conflicts-yes"
            } else {
                "ui-conflicts-no"
            },
            None,
        ),
        other => other.to_string(),
    };
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A synced column's name in the reader's words: the kind's own word for
/// it when it has one (a contact's `kind`, a case's), else the column's;
/// a column with no words yet shows as it is named (a unit test asks for
/// words for every synced column).
pub fn field_label(words: &Catalogue, kind: &str, field: &str) -> String {
    [
        format!("ui-conflicts-field-{kind}-{field}"),
        format!("ui-conflicts-field-{field}"),
    ]
    .into_iter()
    .find(|id| words.has(id))
    .map_or_else(|| field.to_string(), |id| words.tr(&id, None))
}

/// What the conflict is about: the case's reference, else the kind of
/// record.
fn about(words: &Catalogue, c: &Conflict) -> String {
    let kind = words.tr(&format!("ui-conflicts-kind-{}", c.kind), None);
    match (&c.case, &c.name) {
        (_, Some(name)) => name.clone(),
        (Some(reference), _) if c.kind == "case" => reference.clone(),
        (Some(reference), _) => format!("{reference} · {kind}"),
        (None, _) => kind,
    }
}

/// The other device, by the name it has on the hub when this diary has
/// heard it (noted at each sync: drawing never asks the network).
fn other_device(words: &Catalogue, c: &Conflict) -> String {
    match &c.device {
        Some(name) => words.tr1(
            "ui-conflicts-other-named",
            "device",
            name.chars().filter(|c| !c.is_control()).collect::<String>(),
        ),
        None => words.tr("ui-conflicts-other", None),
    }
}

pub fn draw(
    v: &ConflictsView,
    words: &Catalogue,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    hits: &crate::app::hits::Hits,
) {
    let title = words.tr1("ui-conflicts-title", "count", v.rows.len() as u64);
    if v.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                words.tr("ui-conflicts-none", None),
                theme.dim(),
            ))
            .block(panel(&title, true, theme)),
            area,
        );
        return;
    }
    let [list, detail] =
        Layout::vertical([Constraint::Min(4), Constraint::Percentage(50)]).areas(area);
    let rows: Vec<Row> = v
        .rows
        .iter()
        .map(|c| {
            Row::new(vec![
                Cell::from(about(words, c)),
                Cell::from(field_label(words, &c.kind, &c.field)),
                Cell::from(shown(words, &c.local)),
                Cell::from(shown(words, &c.remote)),
            ])
        })
        .collect();
    let header = Row::new(vec![
        Cell::from(words.tr("ui-conflicts-record", None)),
        Cell::from(words.tr("ui-conflicts-field", None)),
        Cell::from(words.tr("ui-conflicts-here", None)),
        Cell::from(words.tr("ui-conflicts-other", None)),
    ])
    .style(theme.title());
    let table = Table::new(
        rows,
        [
            Constraint::Length(22),
            Constraint::Length(14),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ],
    )
    .header(header)
    .block(panel(&title, true, theme))
    .row_highlight_style(theme.selected());
    let mut state = TableState::default().with_selected(Some(v.selected));
    frame.render_stateful_widget(table, list, &mut state);
    hits.list(crate::app::hits::ListHit::table(
        crate::app::hits::Owner::Screen,
        list,
        state.offset(),
        v.rows.len(),
        v.selected,
    ));
    // The one under the cursor in full: both values, which one the clocks
    // keep until the councillor chooses, and when it was found.
    if let Some(c) = v.rows.get(v.selected) {
        let kept = words.tr(
            if c.kept_remote {
                "ui-conflicts-kept-other"
            } else {
                "ui-conflicts-kept-here"
            },
            None,
        );
        let found = c
            .found_at
            .as_deref()
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
            .map(|t| crate::ui::when::dmy_hm(words, t.with_timezone(&chrono::Local).naive_local()))
            .unwrap_or_default();
        let lines = vec![
            Line::from(vec![
                Span::styled(format!("{}  ", about(words, c)), theme.title()),
                Span::raw(field_label(words, &c.kind, &c.field)),
            ]),
            Line::from(vec![
                Span::styled(
                    format!("{}: ", words.tr("ui-conflicts-here", None)),
                    theme.key(),
                ),
                Span::raw(shown(words, &c.local)),
            ]),
            Line::from(vec![
                Span::styled(format!("{}: ", other_device(words, c)), theme.key()),
                Span::raw(shown(words, &c.remote)),
            ]),
            Line::styled(
                format!(
                    "{kept} · {}",
                    words.tr1("ui-conflicts-found", "when", found)
                ),
                theme.dim(),
            ),
        ];
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(panel(&words.tr("ui-conflicts-detail", None), false, theme)),
            detail,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every column that can conflict has words in both languages (a
    /// column added to sync needs them too).
    #[test]
    fn every_synced_column_has_a_name_in_both_languages() {
        // Bookkeeping, never shown as a conflict.
        let quiet = ["uuid", "created_at", "updated_at", "name_fold"];
        for lang in [Lang::En, Lang::Cy] {
            let words = Catalogue::embedded(lang);
            for table in crate::store::SYNC_TABLES {
                for column in table.columns.iter().filter(|c| !quiet.contains(c)) {
                    let label = field_label(&words, table.kind, column);
                    assert_ne!(
                        &label, column,
                        "{lang:?}: no words for {}.{column}",
                        table.kind
                    );
                }
            }
        }
    }
}

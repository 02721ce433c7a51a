//! A form popup: opening it (checked, settled), its keys, its save (what
//! each kind of form does with what was typed), and its drawing: a label
//! column, the inputs, each field's error beside it.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Confirmed, Popup, message};
use crate::Result;
use crate::app::form::{Field, Form, Input, Outcome};
use crate::app::forms::{self, FormKind};
use crate::app::keymap::Keymap;
use crate::app::{Action, Cx, Effect, Effects};
use crate::app::{match_of, record, record_forms, text};
use crate::domain::{Case, Id, Record};
use crate::store::ReferOutcome;
use crate::ui::widgets::panel;
use crate::ui::{Theme, centered, cut};

/// A form ready to push: its case list loaded, checked, and settled (what
/// it opened with is where it starts: Esc before any change closes it
/// without asking).
pub fn open(kind: FormKind, mut form: Form, cx: &Cx) -> Effects {
    let mut effects = Vec::new();
    if let Err(e) = forms::refresh_cases(cx.words, &kind, &mut form, cx.store) {
        effects.push(Effect::Push(message::error(cx.words, &e)));
    }
    forms::look_up(&kind, &mut form, cx.store);
    forms::validate(cx.words, &kind, &mut form, cx.clock.now());
    form.settle();
    effects.push(Effect::Push(Popup::Form(kind, Box::new(form))));
    effects
}

/// The entry form on a diary entry, its case offered in the picker.
pub fn edit_entry(id: Id<crate::domain::Entry>, cx: &Cx) -> Result<Effects> {
    let e = cx.store.entry(id)?;
    let case = match e.case {
        Some(c) => {
            let c = cx.store.case(c)?;
            Some((c.data.reference, c.data.title))
        }
        None => None,
    };
    let form = record_forms::edit_entry(cx.words, &e, case);
    let kind = FormKind::EditEntry {
        id,
        contact: e.contact,
        was: e.at,
    };
    Ok(open(kind, form, cx))
}

/// The new-case form opened from an unfiled diary entry: who it was with,
/// a title and the channel taken from it; saving files the entry on the
/// new case. An entry already on a case is left alone, saying so.
pub fn case_from_entry(id: Id<crate::domain::Entry>, cx: &Cx) -> Result<Effects> {
    let e = cx.store.entry(id)?;
    if let Some(case) = e.case {
        let c = cx.store.case(case)?;
        let key = cx.keymap.label(&crate::app::Action::EditEntry);
        return Ok(vec![Effect::Status(text::entry::already_filed(
            cx.words,
            &c.data.reference,
            &key,
        ))]);
    }
    let with = match e.contact {
        Some(contact) => {
            let c = cx.store.contact(contact)?;
            Some(crate::app::form::Match {
                id: contact,
                name: c.data.name.clone(),
                detail: String::new(),
                caution: c.data.caution.is_some(),
            })
        }
        None => None,
    };
    let mut form = record::intake::form(cx.words, &cx.config.categories(), &cx.config.monitoring());
    record::intake::prefill_from_entry(&mut form, &e.data, with);
    Ok(open(FormKind::IntakeFrom(id), form, cx))
}

/// Closes `form` as its cancel key does: at once if nothing was typed,
/// else after asking whether to discard it.
pub fn cancel(form: &Form, cx: &Cx) -> Effects {
    if form.is_dirty() {
        vec![Effect::Push(Popup::Confirm {
            question: cx.words.tr(text::message::DISCARD, None),
            then: Confirmed::DiscardForm,
        })]
    } else {
        vec![Effect::Pop]
    }
}

/// A key on the form on top of `stack`.
pub fn on_key(stack: &mut Vec<Popup>, key: &KeyEvent, cx: &mut Cx) -> Result<Effects> {
    let w = cx.words;
    let now = cx.clock.now();
    let Some(Popup::Form(kind, form)) = stack.last_mut() else {
        return Ok(Vec::new());
    };
    match form.handle_key(key, cx.keymap) {
        Outcome::Keep => {
            form.notice = None;
            // Up and down move through the completions: keep them.
            if cx
                .keymap
                .resolve(key, &[Action::PickUp, Action::PickDown])
                .is_none()
            {
                form.refresh_matches(cx.words, cx.store)?;
                forms::refine_matches(cx.words, kind, form, cx.store)?;
            }
            forms::refresh_cases(cx.words, kind, form, cx.store)?;
            forms::look_up(kind, form, cx.store);
            forms::validate(cx.words, kind, form, now);
            Ok(Vec::new())
        }
        Outcome::Cancel => Ok(cancel(form, cx)),
        Outcome::Submit => {
            forms::look_up(kind, form, cx.store);
            forms::validate(cx.words, kind, form, now);
            // A new name in the referral form: add them to the directory
            // there and then, and come back.
            if matches!(kind, FormKind::Refer(_))
                && let Some(name) = forms::new_referral_name(form)
            {
                let kind = FormKind::Directory {
                    contact: None,
                    for_referral: true,
                };
                return Ok(open(
                    kind,
                    record_forms::directory(cx.words, &name, None),
                    cx,
                ));
            }
            if form.has_errors() {
                form.focus_first_error();
                form.notice = Some(w.tr(text::form::FIX_FIRST, None));
                Ok(Vec::new())
            } else {
                submit(stack, cx)
            }
        }
    }
}

/// Text pasted into the form on top.
pub fn paste(kind: &FormKind, form: &mut Form, s: &str, cx: &mut Cx) -> Result<()> {
    form.paste(s);
    form.refresh_matches(cx.words, cx.store)?;
    forms::refine_matches(cx.words, kind, form, cx.store)?;
    forms::refresh_cases(cx.words, kind, form, cx.store)?;
    forms::look_up(kind, form, cx.store);
    forms::validate(cx.words, kind, form, cx.clock.now());
    Ok(())
}

/// Saves the form on top. On failure the form stays open with its text.
fn submit(stack: &mut Vec<Popup>, cx: &mut Cx) -> Result<Effects> {
    let w = cx.words;
    let Some(Popup::Form(kind, form)) = stack.last() else {
        return Ok(Vec::new());
    };
    let (kind, form) = (kind.clone(), form.clone());
    let now = cx.clock.now();
    let status = match &kind {
        FormKind::QuickLog => {
            let done = forms::save_quick_log(cx.words, &form, cx.store, now)?;
            text::status::logged(
                cx.words,
                &done.contact_name,
                done.contact_created,
                done.case.as_ref().map(|c| c.1.as_str()),
            )
        }
        FormKind::Intake | FormKind::IntakeFrom(_) => {
            let categories = cx.config.categories();
            let entry = match kind {
                FormKind::IntakeFrom(id) => Some(id),
                _ => None,
            };
            let saved = record::intake::save(cx.words, &form, cx.store, now, &categories, entry)?;
            let case = &saved.opened.case;
            let status = record::text::intake::opened(
                cx.words,
                &case.reference,
                &saved.created,
                &saved.same,
            );
            return Ok(vec![
                Effect::Pop,
                Effect::OpenCase(case.id),
                Effect::Status(status),
            ]);
        }
        FormKind::EditContact(id) => {
            let held = cx.store.contact(*id)?;
            let c = record::contact::read(cx.words, &form, &held.data)?;
            let saved = cx.store.update_contact(*id, &c)?;
            record::text::card::saved(cx.words, &saved.name)
        }
        FormKind::EditCase { id, .. } => {
            let held = cx.store.case(*id)?;
            let c = record::case::read(cx.words, &form, &held.data, now.date())?;
            let saved = cx.store.update_case(*id, &c, &cx.config.categories())?;
            record::text::case::saved(cx.words, &saved.reference)
        }
        FormKind::AddPerson(case) => {
            let (contact, role) = record::people::save_add(cx.words, &form, cx.store, *case)?;
            let c = cx.store.contact(contact)?;
            record::text::people::added(cx.words, &c.name, &w.label(role).to_lowercase())
        }
        FormKind::FollowUp { case, contact } => {
            forms::save_follow_up(&form, cx.store, now.date(), *case, *contact)?;
            w.tr(text::status::FOLLOW_UP_ADDED, None)
        }
        FormKind::Reschedule(id) => {
            let on = forms::save_reschedule(&form, cx.store, now.date(), *id)?;
            text::agenda::snoozed(cx.words, &crate::ui::when::adm(cx.words, on))
        }
        FormKind::Refer(case) => {
            match forms::save_refer(cx.words, &form, cx.store, now, *case, false)? {
                ReferOutcome::Referred(r) => referred(&r, cx)?,
                ReferOutcome::NeedsConfirmation(w) => {
                    // Nothing saved: the form stays beneath the question.
                    return Ok(vec![Effect::Push(Popup::Confirm {
                        question: text::refer::confirm(cx.words, &w),
                        then: Confirmed::ReferWithoutConsent,
                    })]);
                }
            }
        }
        FormKind::Reply(id) => {
            let done = forms::save_reply(&form, cx.store, now, *id)?;
            text::reply::recorded(
                cx.words,
                &done.case_reference,
                &w.label(done.status).to_lowercase(),
                done.working_days_late,
            )
        }
        FormKind::TakeMail(case) => take_mail(&form, *case, cx)?,
        FormKind::Draft(case) => draft(&form, *case, cx)?,
        FormKind::StartSurgery => {
            let venue = form.text(forms::SurgeryField::Venue).trim().to_string();
            let s = cx.store.start_surgery(&venue, now)?;
            text::surgery::started(cx.words, &s.venue)
        }
        FormKind::EditEntry { id, .. } => {
            let case = record_forms::save_entry(cx.words, &form, cx.store, now, *id)?;
            text::entry::saved(cx.words, case.as_deref())
        }
        FormKind::CloseCase(id) => {
            let (outcome, follow_ups) =
                record_forms::save_closing(cx.words, &form, cx.store, now.date(), *id)?;
            let reference = cx.store.case(*id)?.data.reference;
            text::closing::closed(cx.words, &reference, &w.label(outcome), follow_ups)
        }
        FormKind::Directory {
            contact,
            for_referral,
        } => {
            let saved = record_forms::save_directory(cx.words, &form, cx.store, *contact)?;
            stack.pop();
            let status = Effect::Status(text::directory_form::saved(cx.words, &saved.name));
            // Back in the referral form, the new officer is chosen.
            if *for_referral
                && let Some(Popup::Form(kind, refer)) = stack.last_mut()
                && let Some(Field {
                    input:
                        Input::Who {
                            field,
                            chosen,
                            matches,
                            ..
                        },
                    ..
                }) = refer.field_mut(forms::ReferField::To)
            {
                field.set_text(&saved.name);
                *chosen = Some(match_of(&saved));
                matches.clear();
                refer.focus_on(forms::ReferField::Instruction);
                forms::look_up(kind, refer, cx.store);
                forms::validate(cx.words, kind, refer, now);
                return Ok(vec![status]);
            }
            return Ok(vec![Effect::Refresh, status]);
        }
        FormKind::ReviewRange => {
            let period = forms::review_period(&form, now.date())?;
            return Ok(vec![Effect::Pop, Effect::Period(period), Effect::Refresh]);
        }
    };
    Ok(vec![Effect::Pop, Effect::Refresh, Effect::Status(status)])
}

/// Takes the mail file named in the form in, on `case`.
fn take_mail(form: &Form, case: Id<Case>, cx: &mut Cx) -> Result<String> {
    // A path pasted from a file manager may come quoted.
    let typed = form.text(forms::MailField::Path).trim();
    let path = std::path::PathBuf::from(typed.trim_matches(['\'', '"']));
    let messages = crate::mail_files::read_all(
        std::slice::from_ref(&path),
        cx.config.mail.max_attachment_bytes(),
    )?;
    let reference = cx.store.case(case)?.data.reference;
    let taken = cx.store.take_in_mail(
        &messages,
        &crate::store::TakeIn {
            me: cx.config.me.email.clone(),
            new_case: false,
            now: cx.clock.now(),
            untitled: cx.words.tr("mail-no-subject", None),
            categories: cx.config.categories(),
            onto: Some(case),
        },
    )?;
    let added = taken.iter().filter(|t| t.entry.is_some()).count();
    Ok(text::mail::taken(
        cx.words,
        &reference,
        added,
        taken.len() - added,
    ))
}

/// Writes a draft for `case` into the current folder and records it.
fn draft(form: &Form, case: Id<Case>, cx: &mut Cx) -> Result<String> {
    use crate::letters::compose::{self, Form as DraftForm, Request};
    use forms::DraftField as F;
    let reference = cx.store.case(case)?.data.reference;
    let template: String = crate::app::problems::chosen(cx.words, form, F::Template)?;
    let to = form.text(F::To).trim().to_string();
    let format: DraftForm = crate::app::problems::chosen(cx.words, form, F::Format)?;
    let now = cx.clock.now();
    let made = compose::compose(
        cx.store,
        &cx.config.me,
        cx.templates,
        now,
        Request {
            reference: &reference,
            template: &template,
            to: (!to.is_empty()).then_some(to.as_str()),
            form: format,
        },
    )?;
    let path = crate::files::new_private_file_name(&format!("{reference}-{template}"), made.ext);
    crate::files::write_new_private(&path, &made.bytes)?;
    compose::record(cx.store, &made, now)?;
    Ok(text::draft::written(cx.words, &path.display().to_string()))
}

/// The status line after a referral was saved.
pub fn referred(r: &Record<crate::domain::Referral>, cx: &Cx) -> Result<String> {
    let case = cx.store.case(r.case)?;
    let to = cx.store.contact(r.to)?;
    Ok(text::refer::referred(
        cx.words,
        &case.reference,
        &to.name,
        &crate::ui::when::adm(cx.words, r.due_on),
    ))
}

/// The footer's hints for a form: its keys, and those of the focused field,
/// named from the live keymap.
pub fn hints(w: &crate::i18n::Catalogue, keys: &Keymap, f: &Form) -> Vec<(String, String)> {
    let args = text::form::key_args(keys);
    let mut hints: Vec<&str> = vec![text::form::KEYS];
    match &f.focused().input {
        Input::Text(t) if t.is_multiline() => hints.push(text::form::KEYS_MULTI),
        Input::Choice { .. } => hints.push(text::form::KEYS_CHOICE),
        Input::Pick(_) => hints.push(text::form::KEYS_PICK),
        Input::Who { matches, .. } if !matches.is_empty() => hints.push(text::form::KEYS_WHO),
        _ => {}
    }
    hints
        .into_iter()
        .map(|id| (String::new(), w.tr(id, Some(&args))))
        .collect()
}

// ── Drawing ──

/// The gutter the labels are right-aligned in: at least this wide, wider
/// for a language whose longest label needs it (Welsh labels run long).
const LABEL: u16 = 21;

/// The lines of a field and where its cursor is (row within them, column).
type FieldLines<'a> = (Vec<Line<'a>>, Option<(u16, u16)>);
/// Lines a note shows before it scrolls with the cursor.
const NOTE_LINES: usize = 4;

/// The lines of one field (and where the cursor goes, if focused).
fn field_lines<'a>(
    words: &crate::i18n::Catalogue,
    f: &'a Field,
    focused: bool,
    width: u16,
    gutter: u16,
    theme: &Theme,
) -> (Vec<Line<'a>>, Option<(u16, u16)>) {
    let label_style = if focused { theme.key() } else { theme.plain() };
    let mut label = format!(
        "{:>w$} ",
        words.tr(f.label, None),
        w = (gutter - 2) as usize
    );
    if UnicodeWidthStr::width(label.as_str()) > gutter as usize {
        label = cut(&label, gutter as usize);
    }
    let input_w = width.saturating_sub(gutter + 1).max(4);
    let pad = " ".repeat(gutter as usize);
    let mut lines = Vec::new();
    let mut cursor = None;
    match &f.input {
        Input::Text(t) => {
            let (wrapped, (row, col)) = t.wrapped(input_w);
            let (first, count) = if t.is_multiline() {
                let first = (row as usize + 1).saturating_sub(NOTE_LINES);
                (first, NOTE_LINES.min(wrapped.len()).max(1))
            } else {
                // A single line scrolls sideways to keep the cursor in view.
                (0, 1)
            };
            for (i, l) in wrapped.iter().skip(first).take(count).enumerate() {
                let lead = if i == 0 {
                    Span::styled(label.clone(), label_style)
                } else {
                    Span::raw(pad.clone())
                };
                lines.push(Line::from(vec![
                    lead,
                    Span::styled("▏", theme.dim()),
                    Span::raw(l.clone()),
                ]));
            }
            if t.is_multiline() || row == 0 {
                cursor = Some((row.saturating_sub(first as u16), col.min(input_w)));
            }
            if !t.is_multiline() && wrapped.len() > 1 {
                // Show the tail that holds the cursor.
                let text = t.text();
                let before = &text[..t.cursor()];
                let w = before.width() as u16;
                let start = w.saturating_sub(input_w.saturating_sub(1));
                let visible: String = skip_cells(text, start as usize);
                lines[0] = Line::from(vec![
                    Span::styled(label.clone(), label_style),
                    Span::styled("▏", theme.dim()),
                    Span::raw(cut(&visible, input_w as usize)),
                ]);
                cursor = Some((0, w - start));
            }
        }
        Input::Choice {
            options, selected, ..
        } => {
            let value = options
                .get(*selected)
                .map(|o| o.label.as_str())
                .unwrap_or("");
            let marks = if focused {
                ("◂ ", " ▸")
            } else {
                ("  ", "")
            };
            lines.push(Line::from(vec![
                Span::styled(label.clone(), label_style),
                Span::styled("▏", theme.dim()),
                Span::styled(marks.0, theme.key()),
                Span::styled(
                    value.to_string(),
                    if focused {
                        theme.title()
                    } else {
                        theme.plain()
                    },
                ),
                Span::styled(marks.1, theme.key()),
            ]));
        }
        Input::Pick(p) => {
            // What is typed, then the choice it makes; focused, the
            // options that fit are listed under it (a person has few).
            let typed = p.filter.text();
            let chosen = p.value().map(|_| {
                p.options
                    .get(p.selected)
                    .map(|o| o.1.as_str())
                    .unwrap_or("")
            });
            let mut spans = vec![
                Span::styled(label.clone(), label_style),
                Span::styled("▏", theme.dim()),
            ];
            let typed_w = UnicodeWidthStr::width(typed) as u16;
            if !typed.is_empty() {
                spans.push(Span::raw(cut(typed, input_w as usize)));
                spans.push(Span::raw("  "));
            }
            match chosen {
                Some(c) => spans.push(Span::styled(
                    cut(c, input_w.saturating_sub(typed_w + 2) as usize),
                    if focused {
                        theme.title()
                    } else {
                        theme.plain()
                    },
                )),
                None => spans.push(Span::styled(
                    words.tr(text::form::PICK_NONE_FITS, None),
                    theme.warn(),
                )),
            }
            lines.push(Line::from(spans));
            cursor = Some((0, typed_w.min(input_w)));
            if focused {
                let vis = p.visible();
                if vis.len() > 1 {
                    for i in vis.into_iter().take(6) {
                        let style = if i == p.selected {
                            theme.selected()
                        } else {
                            theme.plain()
                        };
                        let label = p.options.get(i).map(|o| o.1.as_str()).unwrap_or("");
                        lines.push(Line::from(vec![
                            Span::raw(pad.clone()),
                            Span::styled(
                                format!(" {} ", cut(label, input_w.saturating_sub(2) as usize)),
                                style,
                            ),
                        ]));
                    }
                }
            }
        }
        Input::Who {
            field,
            chosen,
            matches,
            selected,
        } => {
            let (wrapped, (_, col)) = field.wrapped(u16::MAX / 2);
            let mut spans = vec![
                Span::styled(label.clone(), label_style),
                Span::styled("▏", theme.dim()),
                Span::raw(cut(
                    wrapped.first().map(String::as_str).unwrap_or(""),
                    input_w as usize,
                )),
            ];
            if let Some(m) = chosen {
                if m.caution {
                    spans.push(Span::styled(" ⚠ ", theme.caution()));
                }
                spans.push(Span::styled(
                    format!("  {}", words.tr(text::form::CHOSEN, None)),
                    theme.ok(),
                ));
            } else if !field.is_empty() && (matches.is_empty() || *selected == matches.len()) {
                spans.push(Span::styled(
                    format!("  {}", words.tr(text::form::NEW_CONTACT, None)),
                    theme.warn(),
                ));
            }
            lines.push(Line::from(spans));
            cursor = Some((0, col.min(input_w)));
            if focused && chosen.is_none() && !matches.is_empty() {
                for (i, m) in matches.iter().enumerate() {
                    let style = if i == *selected {
                        theme.selected()
                    } else {
                        theme.plain()
                    };
                    let mut spans = vec![
                        Span::raw(pad.clone()),
                        Span::styled(format!(" {} ", m.name), style),
                    ];
                    if m.caution {
                        spans.push(Span::styled(" ⚠ ", theme.caution()));
                    }
                    spans.push(Span::styled(
                        format!(" {}", cut(&m.detail, 30)),
                        theme.dim(),
                    ));
                    lines.push(Line::from(spans));
                }
                let style = if *selected == matches.len() {
                    theme.selected()
                } else {
                    theme.dim()
                };
                lines.push(Line::from(vec![
                    Span::raw(pad.clone()),
                    Span::styled(
                        format!(
                            " {} “{}” ",
                            words.tr(text::form::NEW_CHOICE, None),
                            cut(field.text(), 30)
                        ),
                        style,
                    ),
                ]));
            }
        }
    }
    if let Some(e) = f.shown_error() {
        // Wrapped at words under the field: a long reason (Welsh ones often
        // are) is read whole, never cut at the form's edge.
        let wrapped = crate::app::textfield::wrap(e, input_w.saturating_sub(2).max(8));
        for (i, part) in wrapped.iter().enumerate() {
            let mark = if i == 0 { "✗ " } else { "  " };
            lines.push(Line::from(vec![
                Span::raw(pad.clone()),
                Span::styled(format!("{mark}{}", part.trim_end()), theme.error()),
            ]));
        }
    } else if f.optional && focused && f.input.text().is_empty() {
        lines.push(Line::from(vec![
            Span::raw(pad),
            Span::styled(words.tr(text::form::OPTIONAL, None), theme.dim()),
        ]));
    }
    (lines, cursor.filter(|_| focused))
}

/// The labels' gutter: room for the longest label of this form in this
/// language, at least [`LABEL`], at most two fifths of the form (the rest
/// is for what is typed; a longer label is cut).
fn gutter(words: &crate::i18n::Catalogue, f: &Form, inner_w: u16) -> u16 {
    let longest = f
        .rows()
        .map(|(field, _)| UnicodeWidthStr::width(words.tr(field.label, None).as_str()))
        .max()
        .unwrap_or(0);
    let wanted = u16::try_from(longest + 2).unwrap_or(u16::MAX);
    wanted.clamp(LABEL, (inner_w * 2 / 5).max(LABEL))
}

/// The text after the first `cells` display cells.
fn skip_cells(s: &str, cells: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut w = 0;
    let mut out = String::new();
    for c in s.chars() {
        if w >= cells {
            out.push(c);
        }
        w += c.width().unwrap_or(0);
    }
    out
}

pub fn draw(
    words: &crate::i18n::Catalogue,
    f: &Form,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> (Rect, Vec<(Rect, usize)>) {
    let width = 96.min(area.width.saturating_sub(2));
    let inner_w = width.saturating_sub(2);
    let gutter = gutter(words, f, inner_w);
    let mut blocks: Vec<FieldLines> = Vec::new();
    // The place among the shown fields of each block, for a click (the mouse).
    let mut shown: Vec<usize> = Vec::new();
    let mut focus_block = 0;
    for (field, focused) in f.rows() {
        if focused {
            focus_block = blocks.len();
        }
        shown.push(blocks.len());
        blocks.push(field_lines(words, field, focused, inner_w, gutter, theme));
    }
    let notice_h = u16::from(f.notice.is_some());
    let wanted: u16 = blocks.iter().map(|b| b.0.len() as u16).sum::<u16>() + 2 + notice_h;
    // At most six rows short of the window: centred, a tall form then
    // leaves the status line and the footer's two lines in view, so a small
    // window still shows the form's keys and messages.
    let r = centered(area, width, wanted.min(area.height.saturating_sub(6)));
    frame.render_widget(Clear, r);
    let title = words.tr(f.title, None);
    let block = panel(&title, true, theme);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let avail = inner.height.saturating_sub(notice_h) as usize;
    // Scroll whole fields so the focused one is in view.
    let mut first = 0;
    while first < focus_block
        && blocks[first..=focus_block]
            .iter()
            .map(|b| b.0.len())
            .sum::<usize>()
            > avail
    {
        first += 1;
    }
    let mut y = 0u16;
    let mut fields = Vec::new();
    for ((lines, cursor), &field) in blocks.into_iter().zip(&shown).skip(first) {
        for (k, line) in lines.into_iter().enumerate() {
            if (y as usize) >= avail {
                break;
            }
            let row = Rect::new(inner.x, inner.y + y, inner.width, 1);
            fields.push((row, field));
            frame.render_widget(Paragraph::new(line), row);
            if let Some((cr, cc)) = cursor
                && cr as usize == k
            {
                frame.set_cursor_position((inner.x + gutter + 1 + cc, inner.y + y));
            }
            y += 1;
        }
    }
    if let Some(n) = &f.notice {
        let row = Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        );
        frame.render_widget(Paragraph::new(Line::styled(n.clone(), theme.error())), row);
    }
    (r, fields)
}

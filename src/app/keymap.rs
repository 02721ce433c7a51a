//! Keys are data: the defaults in `assets/keys.toml`, the config's `[keys]`
//! table patched over them one action at a time. A bad entry is reported and
//! skipped, never fatal. Footer and help are printed from the live map.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

const DEFAULTS: &str = include_str!("../../assets/keys.toml");

/// One key with its modifiers, as written in keys.toml ("ctrl-p", "G", "esc").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    /// Only with Shift held ("shift-enter"). Without it Shift is not
    /// compared: it is part of a character ("G"), and comes with BackTab.
    pub shift: bool,
}

impl Key {
    pub fn parse(text: &str) -> Option<Key> {
        let t = text.trim();
        let (ctrl, alt, shift, rest) = if let Some(r) = strip_prefix_ci(t, "ctrl-") {
            (true, false, false, r)
        } else if let Some(r) = strip_prefix_ci(t, "alt-") {
            (false, true, false, r)
        } else if let Some(r) = strip_prefix_ci(t, "shift-") {
            (false, false, true, r)
        } else {
            (false, false, false, t)
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "esc" | "escape" => KeyCode::Esc,
                "enter" | "return" => KeyCode::Enter,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') => {
                    let n: u8 = f[1..].parse().ok()?;
                    if !(1..=12).contains(&n) {
                        return None;
                    }
                    KeyCode::F(n)
                }
                _ => return None,
            },
        };
        Some(Key {
            code,
            ctrl,
            alt,
            shift,
        })
    }

    /// Does a key pressed match this one? Shift is part of the character
    /// itself ("G", "?"), so it is not compared for characters.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        let code = match ev.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
        code == self.code && ctrl == self.ctrl && alt == self.alt && (shift || !self.shift)
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.len() > prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix))
        .then(|| &s[prefix.len()..])
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::F(n) => write!(f, "F{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// Where a key binding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySource {
    /// `assets/keys.toml`, built in.
    BuiltIn,
    /// The config file's `[keys]` table.
    Config,
}

/// A binding that was skipped, or two that collide: a fact, put into the
/// reader's words by the popup that shows it (`app::text::keys`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// `name` is not an action; the entry was skipped.
    NotAnAction { from: KeySource, name: String },
    /// `key` (for `action`) is not a key name; the entry was skipped.
    NotAKey {
        from: KeySource,
        key: String,
        action: String,
    },
    /// No key was given for `action`; the entry was skipped.
    NoKey { from: KeySource, action: String },
    /// The built-in key table does not parse (a broken build); the TOML
    /// parser's own words.
    BrokenDefaults(String),
    /// `key` is bound to two actions live on one screen: `first` wins.
    Clash {
        key: String,
        first: Action,
        second: Action,
    },
}

/// The live key map: each action and the keys that trigger it.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: HashMap<Action, Vec<Key>>,
    /// Bad entries found while loading, to show the user once.
    pub problems: Vec<KeyProblem>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::load(&BTreeMap::new())
    }
}

impl Keymap {
    /// The defaults with `overrides` (action name → key, or several keys
    /// separated by spaces) patched over them.
    pub fn load(overrides: &BTreeMap<String, String>) -> Keymap {
        let mut map = Keymap {
            bindings: HashMap::new(),
            problems: Vec::new(),
        };
        match DEFAULTS.parse::<toml::Table>() {
            Ok(table) => {
                for (name, value) in table {
                    let keys: Vec<String> = match value {
                        toml::Value::String(s) => vec![s],
                        toml::Value::Array(a) => a
                            .into_iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect(),
                        _ => Vec::new(),
                    };
                    map.bind(&name, &keys, KeySource::BuiltIn);
                }
            }
            Err(e) => map.problems.push(KeyProblem::BrokenDefaults(e.to_string())),
        }
        for (name, keys) in overrides {
            let keys: Vec<String> = keys.split_whitespace().map(str::to_string).collect();
            map.bind(name, &keys, KeySource::Config);
        }
        map
    }

    fn bind(&mut self, name: &str, keys: &[String], from: KeySource) {
        let Some(action) = Action::from_name(name) else {
            self.problems.push(KeyProblem::NotAnAction {
                from,
                name: name.to_string(),
            });
            return;
        };
        let mut parsed = Vec::new();
        for k in keys {
            match Key::parse(k) {
                Some(key) => parsed.push(key),
                None => {
                    self.problems.push(KeyProblem::NotAKey {
                        from,
                        key: k.clone(),
                        action: name.to_string(),
                    });
                    return;
                }
            }
        }
        if parsed.is_empty() {
            self.problems.push(KeyProblem::NoKey {
                from,
                action: name.to_string(),
            });
            return;
        }
        self.bindings.insert(action, parsed);
    }

    /// Keys bound to two of `actions` (which are live on one screen): the
    /// second would never fire there.
    pub fn clashes(&self, actions: &[Action]) -> Vec<KeyProblem> {
        let mut out = Vec::new();
        for (i, a) in actions.iter().enumerate() {
            for b in &actions[i + 1..] {
                let (Some(ka), Some(kb)) = (self.bindings.get(a), self.bindings.get(b)) else {
                    continue;
                };
                for k in ka.iter().filter(|k| kb.contains(k)) {
                    out.push(KeyProblem::Clash {
                        key: k.to_string(),
                        first: a.clone(),
                        second: b.clone(),
                    });
                }
            }
        }
        out
    }

    /// The first of `allowed` that `ev` is bound to.
    pub fn resolve(&self, ev: &KeyEvent, allowed: &[Action]) -> Option<Action> {
        allowed
            .iter()
            .find(|a| {
                self.bindings
                    .get(a)
                    .is_some_and(|keys| keys.iter().any(|k| k.matches(ev)))
            })
            .cloned()
    }

    /// Is `ev` bound to `action`?
    pub fn is(&self, ev: &KeyEvent, action: &Action) -> bool {
        self.bindings
            .get(action)
            .is_some_and(|keys| keys.iter().any(|k| k.matches(ev)))
    }

    /// The one key a hint names for `action`: `preferred` (the reader's
    /// mnemonic, "i" for ie) when it is bound to it, else its first key.
    pub fn hint(&self, action: &Action, preferred: &str) -> String {
        let Some(keys) = self.bindings.get(action) else {
            return "—".to_string();
        };
        Key::parse(preferred)
            .filter(|p| keys.contains(p))
            .or_else(|| keys.first().copied())
            .map_or_else(|| "—".to_string(), |k| k.to_string())
    }

    /// The first key of an action, for a hint that names one: "Tab".
    pub fn first(&self, action: &Action) -> String {
        self.bindings
            .get(action)
            .and_then(|keys| keys.first())
            .map_or_else(|| "—".to_string(), |k| k.to_string())
    }

    /// The keys of an action for footer and help: "↑/k".
    pub fn label(&self, action: &Action) -> String {
        self.bindings
            .get(action)
            .map(|keys| {
                keys.iter()
                    .map(|k| k.to_string())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_else(|| "—".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: ratatui::crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn parses_key_names() {
        assert_eq!(
            Key::parse("ctrl-P"),
            Some(Key {
                code: KeyCode::Char('p'),
                ctrl: true,
                alt: false,
                shift: false
            })
        );
        assert_eq!(
            Key::parse("pagedown").map(|k| k.code),
            Some(KeyCode::PageDown)
        );
        assert_eq!(Key::parse("f5").map(|k| k.code), Some(KeyCode::F(5)));
        assert_eq!(Key::parse("-").map(|k| k.code), Some(KeyCode::Char('-')));
        assert_eq!(Key::parse("f13"), None);
        // Shift is compared only when named.
        let shift_enter = Key::parse("shift-enter").expect("a key");
        assert!(shift_enter.matches(&press(KeyCode::Enter, KeyModifiers::SHIFT)));
        assert!(!shift_enter.matches(&press(KeyCode::Enter, KeyModifiers::NONE)));
        assert_eq!(shift_enter.to_string(), "Shift-Enter");
        let enter = Key::parse("enter").expect("a key");
        assert!(enter.matches(&press(KeyCode::Enter, KeyModifiers::SHIFT)));
        assert_eq!(Key::parse("banana"), None);
    }

    #[test]
    fn defaults_load_without_problems() {
        let map = Keymap::default();
        assert!(map.problems.is_empty(), "{:?}", map.problems);
        let c = press(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(map.resolve(&c, &[Action::LogCall]), Some(Action::LogCall));
        let q = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(map.resolve(&q, &[Action::Help]), Some(Action::Help));
        let p = press(KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert_eq!(map.resolve(&p, &[Action::Privacy]), Some(Action::Privacy));
        assert_eq!(map.label(&Action::Up), "↑/k");
    }

    #[test]
    fn overrides_patch_one_action_and_bad_ones_are_reported() {
        let mut o = BTreeMap::new();
        o.insert("log_call".to_string(), "ctrl-l".to_string());
        o.insert("fly".to_string(), "z".to_string());
        o.insert("help".to_string(), "nonsense".to_string());
        let map = Keymap::load(&o);
        let ctrl_l = press(KeyCode::Char('l'), KeyModifiers::CONTROL);
        assert!(map.is(&ctrl_l, &Action::LogCall));
        assert!(!map.is(
            &press(KeyCode::Char('c'), KeyModifiers::NONE),
            &Action::LogCall
        ));
        // the bad help binding left the default in place
        assert!(map.is(
            &press(KeyCode::Char('?'), KeyModifiers::NONE),
            &Action::Help
        ));
        assert_eq!(map.problems.len(), 2, "{:?}", map.problems);
        assert!(map.problems.contains(&KeyProblem::NotAnAction {
            from: KeySource::Config,
            name: "fly".into()
        }));
    }

    #[test]
    fn a_hint_names_the_readers_letter_when_it_is_bound() {
        let map = Keymap::default();
        assert_eq!(map.hint(&Action::Yes, "i"), "i");
        assert_eq!(map.hint(&Action::Yes, "y"), "y");
        let mut o = BTreeMap::new();
        o.insert("yes".to_string(), "o".to_string());
        let rebound = Keymap::load(&o);
        assert_eq!(rebound.hint(&Action::Yes, "i"), "o", "the key that works");
    }
}

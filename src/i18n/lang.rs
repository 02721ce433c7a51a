//! Which language casebook speaks: `--lang`, else config `language`, else
//! the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, in POSIX order), else English.

use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// The interface languages (SPEC section 8).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Cy,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    /// The language's code, as in `--lang` and config.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// The language identifier Fluent picks plural rules by.
    pub fn langid(self) -> LanguageIdentifier {
        let tag = match self {
            Lang::En => "en-GB",
            Lang::Cy => "cy-GB",
        };
        // Constant, valid tags (a test parses both): the default, "und",
        // would only lose the plural rules, never panic.
        tag.parse().unwrap_or_default()
    }

    /// The language a POSIX locale names: `cy_GB.UTF-8`, `cy`, `cy_GB@euro`
    /// are Welsh, `en_GB.UTF-8` English; `C`, `POSIX` and anything else
    /// name none of ours.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "cy" => Some(Lang::Cy),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language from the environment: the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty decides (as POSIX
    /// does), so `LC_ALL=C` over `LANG=cy_GB` means no preference.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_locale(&v))
    }

    /// The language to speak: the flag, else the config, else the locale,
    /// else English.
    pub fn choose(
        flag: Option<Lang>,
        config: Option<Lang>,
        var: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        flag.or(config)
            .or_else(|| Lang::from_env(var))
            .unwrap_or_default()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn language_tags_parse() {
        assert_eq!(Lang::Cy.langid().language.as_str(), "cy");
        assert_eq!(Lang::En.langid().language.as_str(), "en");
    }

    #[test]
    fn locales_name_the_language() {
        assert_eq!(Lang::from_locale("cy_GB.UTF-8"), Some(Lang::Cy));
        assert_eq!(Lang::from_locale("cy"), Some(Lang::Cy));
        assert_eq!(Lang::from_locale("CY_gb@euro"), Some(Lang::Cy));
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C"), None);
        assert_eq!(Lang::from_locale("POSIX"), None);
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), None);
        assert_eq!(Lang::from_locale(""), None);
    }

    #[test]
    fn the_environment_follows_posix_order() {
        assert_eq!(
            Lang::from_env(env(&[("LANG", "cy_GB.UTF-8")])),
            Some(Lang::Cy)
        );
        assert_eq!(
            Lang::from_env(env(&[
                ("LANG", "en_GB.UTF-8"),
                ("LC_MESSAGES", "cy_GB.UTF-8")
            ])),
            Some(Lang::Cy)
        );
        assert_eq!(
            Lang::from_env(env(&[
                ("LC_ALL", "en_GB.UTF-8"),
                ("LC_MESSAGES", "cy_GB.UTF-8")
            ])),
            Some(Lang::En)
        );
        // An empty variable is unset; `C` is a choice, of no language of ours.
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "cy")])),
            Some(Lang::Cy)
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "cy")])),
            None
        );
        assert_eq!(Lang::from_env(env(&[])), None);
    }

    #[test]
    fn the_flag_beats_the_config_beats_the_locale() {
        let welsh = env(&[("LANG", "cy_GB.UTF-8")]);
        assert_eq!(Lang::choose(None, None, &welsh), Lang::Cy);
        assert_eq!(Lang::choose(None, Some(Lang::En), &welsh), Lang::En);
        assert_eq!(
            Lang::choose(Some(Lang::Cy), Some(Lang::En), env(&[])),
            Lang::Cy
        );
        assert_eq!(Lang::choose(Some(Lang::En), None, &welsh), Lang::En);
        assert_eq!(Lang::choose(None, None, env(&[("LANG", "C")])), Lang::En);
    }
}

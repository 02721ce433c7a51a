//! The config file: any text gives a config or a one-line message naming the
//! file, never a panic.
#![no_main]

use std::path::Path;

use casebook::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Config::parse(text, Path::new("/fuzz/config.toml")) {
        Ok(config) => {
            // The defaults always come first; additions follow.
            let categories = config.categories();
            assert_eq!(categories.first().map(String::as_str), Some("housing"));
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains("/fuzz/config.toml"), "{msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
    }
});

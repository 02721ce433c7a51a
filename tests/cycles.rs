//! No import cycles: a module never uses a module that uses it back.
//!
//! Reads every file under `src/`, collects the paths it names (`crate::a::b`,
//! `use crate::{a, b::c}`, `super::x`), and builds two graphs: one between the
//! top-level modules (`app`, `store`, `ui` …) and one between the parts of each
//! top-level module (`store::crypt`, `store::maintenance` …). Any strongly
//! connected group of two or more is a cycle.
//!
//! `KNOWN` lists the cycles still to be broken. A new cycle fails the test; so
//! does a listed cycle that is gone (take it off the list): the list only
//! shrinks, and the work is done when it is empty.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Cycles not yet broken, each as its modules sorted and joined by " ↔ ".
const KNOWN: &[&str] = &[];

/// A file's module path: `src/store/crypt.rs` → ["store", "crypt"].
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its comments (doc links name modules too).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths a piece of code names, each as its segments after `crate::`
/// (or resolved from `super::` against `module`).
fn paths_named(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !is_ident(chars[i - 1]);
        let rest: String = chars[i..chars.len().min(i + 7)].iter().collect();
        let base = if starts_word && rest.starts_with("crate::") {
            i += 7;
            Some(Vec::new())
        } else if starts_word && rest.starts_with("super::") {
            i += 7;
            // `super` is the parent of the file's module (a mod.rs file is
            // its folder's module, so its parent is the folder's parent).
            let mut m = module.to_vec();
            m.pop();
            // `super::super::…`
            while chars[i..].iter().take(7).collect::<String>() == "super::" {
                m.pop();
                i += 7;
            }
            Some(m)
        } else {
            None
        };
        let Some(base) = base else {
            i += 1;
            continue;
        };
        i = read_tree(&chars, i, base, &mut out);
    }
    out
}

/// Reads `a::b::{c, d::e}` from `i`, pushing each full path; returns where it
/// stopped.
fn read_tree(
    chars: &[char],
    mut i: usize,
    prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    let mut path = prefix;
    loop {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if i < chars.len() && chars[i] == '{' {
            i += 1;
            loop {
                while i < chars.len() && (chars[i].is_whitespace() || chars[i] == ',') {
                    i += 1;
                }
                if i >= chars.len() || chars[i] == '}' {
                    return i + 1;
                }
                let before = i;
                i = read_tree(chars, i, path.clone(), out);
                // Skip `as name` and anything else up to the next item.
                while i < chars.len() && chars[i] != ',' && chars[i] != '}' {
                    i += 1;
                }
                if i == before {
                    i += 1;
                }
            }
        }
        let start = i;
        while i < chars.len() && is_ident(chars[i]) {
            i += 1;
        }
        if start == i {
            out.push(path);
            return i;
        }
        path.push(chars[start..i].iter().collect());
        if chars[i..].iter().take(2).collect::<String>() == "::" {
            i += 2;
        } else {
            out.push(path);
            return i;
        }
    }
}

/// Groups of two or more nodes that reach each other (Tarjan).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        on_stack: BTreeSet<String>,
        next: usize,
        found: Vec<Vec<String>>,
    }
    fn visit(s: &mut State, v: &str) {
        s.index.insert(v.to_string(), s.next);
        s.low.insert(v.to_string(), s.next);
        s.next += 1;
        s.stack.push(v.to_string());
        s.on_stack.insert(v.to_string());
        let targets: Vec<String> = s.edges.get(v).into_iter().flatten().cloned().collect();
        for w in targets {
            if !s.index.contains_key(&w) {
                visit(s, &w);
                let lw = s.low[&w];
                let lv = s.low[v];
                s.low.insert(v.to_string(), lv.min(lw));
            } else if s.on_stack.contains(&w) {
                let iw = s.index[&w];
                let lv = s.low[v];
                s.low.insert(v.to_string(), lv.min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(&w);
                let done = w == v;
                group.push(w);
                if done {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.found
}

/// Names the crate root re-exports (`pub use error::{Error, Result};`), each
/// with the module it comes from, so that `crate::Error` counts as a use of
/// `error`.
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in code_of(lib).lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let rest = rest.trim_end_matches(';');
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        for name in names.trim_matches(|c| c == '{' || c == '}').split(',') {
            let name = name.split(" as ").last().unwrap_or(name).trim();
            if !name.is_empty() {
                out.insert(name.to_string(), module.to_string());
            }
        }
    }
    out
}

/// Every cycle in the tree, top-level and within each top-level module.
fn cycles_in(src: &Path) -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(src, f)).collect();
    let exists = |p: &[String]| modules.iter().any(|m| m.starts_with(p));
    let reexports = root_reexports(&fs::read_to_string(src.join("lib.rs")).expect("read lib.rs"));
    // Graph nodes are named "a" (top level) or "a::b" (inside a).
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let from = module_of(src, f);
        let Some(top) = from.first() else { continue };
        let code = code_of(&fs::read_to_string(f).expect("read source"));
        for to in paths_named(&code, &from) {
            // `crate::Error` is `crate::error::Error`, re-exported at the root.
            let to = match reexports.get(to.first().map_or("", String::as_str)) {
                Some(module) => std::iter::once(module.clone()).chain(to).collect(),
                None => to,
            };
            let Some(to_top) = to.first() else { continue };
            if !exists(&to[..1]) {
                continue;
            }
            if to_top != top {
                edges.entry(top.clone()).or_default().insert(to_top.clone());
            } else if let (Some(a), Some(b)) = (from.get(1), to.get(1))
                && a != b
                && exists(&to[..2])
            {
                edges
                    .entry(format!("{top}::{a}"))
                    .or_default()
                    .insert(format!("{top}::{b}"));
            }
        }
    }
    cycles(&edges)
        .into_iter()
        .map(|group| group.join(" ↔ "))
        .collect()
}

#[test]
fn no_new_import_cycles_and_the_known_list_only_shrinks() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = cycles_in(&src);
    let known: BTreeSet<String> = KNOWN.iter().map(|s| s.to_string()).collect();
    let new: Vec<_> = found.difference(&known).collect();
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(
        new.is_empty(),
        "new import cycles (break them; a module must not use one that uses it back): {new:?}"
    );
    assert!(
        gone.is_empty(),
        "cycles broken: take them off KNOWN in tests/cycles.rs: {gone:?}"
    );
}

#[test]
fn a_name_the_crate_root_re_exports_counts_as_its_module() {
    let r = root_reexports("pub mod error;\npub use error::{Error, Result as R};\n");
    assert_eq!(r.get("Error").map(String::as_str), Some("error"));
    assert_eq!(r.get("R").map(String::as_str), Some("error"));
    assert_eq!(r.len(), 2);
}

#[test]
fn the_parser_sees_nested_use_trees_and_super() {
    let module = vec!["store".to_string(), "crypt".to_string()];
    let paths = paths_named(
        "use crate::{app::text, store::{a, b::C as D}};\nlet x = super::maintenance::f();",
        &module,
    );
    let names: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert!(names.contains(&"app::text".to_string()), "{names:?}");
    assert!(names.contains(&"store::a".to_string()), "{names:?}");
    assert!(names.contains(&"store::b::C".to_string()), "{names:?}");
    assert!(
        names.contains(&"store::maintenance::f".to_string()),
        "{names:?}"
    );
}

#[test]
fn a_cycle_of_three_is_found() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        edges.entry(a.into()).or_default().insert(b.into());
    }
    assert_eq!(cycles(&edges), vec![vec!["a", "b", "c"]]);
}

//! Property test: whatever `index.ron` holds (arbitrary bytes, RON-shaped
//! values of any shape, damaged valid indexes), every command exits 0 or 1
//! without panicking, and leaves the file byte for byte as it was unless it
//! succeeded (read-only commands never change it).
//!
//! Each case runs the built binary, so the case count is kept small.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::common::*;

const CASES: u32 = 48;

/// A RON value of any shape, rendered as text.
#[derive(Debug, Clone)]
enum Ron {
    /// A literal written as is: numbers, booleans, `()`, `None`, identifiers.
    Lit(String),
    Str(String),
    Some(Box<Ron>),
    List(Vec<Ron>),
    Map(Vec<(Ron, Ron)>),
    /// `Name(field: value, ...)` or `(field: value, ...)`.
    Struct(Option<String>, Vec<(String, Ron)>),
    Tuple(Vec<Ron>),
}

impl Ron {
    fn render(&self, out: &mut String) {
        match self {
            Ron::Lit(s) => out.push_str(s),
            Ron::Str(s) => out.push_str(&format!("{s:?}")),
            Ron::Some(v) => {
                out.push_str("Some(");
                v.render(out);
                out.push(')');
            }
            Ron::List(items) => {
                out.push('[');
                for v in items {
                    v.render(out);
                    out.push_str(", ");
                }
                out.push(']');
            }
            Ron::Map(items) => {
                out.push('{');
                for (k, v) in items {
                    k.render(out);
                    out.push_str(": ");
                    v.render(out);
                    out.push_str(",\n");
                }
                out.push('}');
            }
            Ron::Struct(name, fields) => {
                if let Some(name) = name {
                    out.push_str(name);
                }
                out.push('(');
                for (k, v) in fields {
                    out.push_str(k);
                    out.push_str(": ");
                    v.render(out);
                    out.push_str(", ");
                }
                out.push(')');
            }
            Ron::Tuple(items) => {
                out.push('(');
                for v in items {
                    v.render(out);
                    out.push_str(", ");
                }
                out.push(')');
            }
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.render(&mut out);
        out
    }
}

fn lit(s: &str) -> Ron {
    Ron::Lit(s.to_string())
}

/// Numbers, including the ones no date can show and ones no u64 holds.
fn number() -> impl Strategy<Value = Ron> {
    prop_oneof![
        any::<u64>().prop_map(|n| Ron::Lit(n.to_string())),
        any::<i64>().prop_map(|n| Ron::Lit(n.to_string())),
        Just(lit("18446744073709551615")),
        Just(lit("18446744073709551616")),
        Just(lit("253402300800")),
        Just(lit("1700000000")),
        Just(lit("1.5e300")),
        Just(lit("-0")),
        Just(lit("0x1F")),
    ]
}

/// A time: any u64 (most beyond what a date can show), or a special one.
fn time() -> impl Strategy<Value = Ron> {
    prop_oneof![
        3 => any::<u64>().prop_map(|n| Ron::Lit(n.to_string())),
        2 => (0u64..4_000_000_000).prop_map(|n| Ron::Lit(n.to_string())),
        1 => Just(lit("18446744073709551615")),
        1 => Just(lit("253402300799")),
        1 => Just(lit("253402300800")),
        1 => number(),
    ]
}

/// Any RON value, a few levels deep.
fn value() -> impl Strategy<Value = Ron> {
    let leaf = prop_oneof![
        number(),
        any::<bool>().prop_map(|b| Ron::Lit(b.to_string())),
        Just(lit("()")),
        Just(lit("None")),
        "[A-Za-z_][A-Za-z0-9_]{0,6}".prop_map(Ron::Lit),
        any::<String>().prop_map(Ron::Str),
        "[ -~]{0,12}".prop_map(Ron::Str),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|v| Ron::Some(Box::new(v))),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Ron::List),
            prop::collection::vec((inner.clone(), inner.clone()), 0..3).prop_map(Ron::Map),
            prop::collection::vec(("[a-z_]{1,8}", inner.clone()), 0..4)
                .prop_map(|f| Ron::Struct(None, f)),
            prop::collection::vec(inner, 0..3).prop_map(Ron::Tuple),
        ]
    })
}

/// Environment names: valid and invalid, duplicates likely.
fn env_name() -> impl Strategy<Value = Ron> {
    prop_oneof![
        5 => Just(Ron::Str("x".into())),
        5 => "[a-z][a-z0-9._+-]{0,5}".prop_map(Ron::Str),
        1 => Just(Ron::Str("X".into())),
        1 => Just(Ron::Str("y".into())),
        1 => Just(Ron::Str("nul.txt".into())),
        1 => "[A-Za-z0-9._+ /-]{0,8}".prop_map(Ron::Str),
        1 => any::<String>().prop_map(Ron::Str),
        1 => value(),
    ]
}

/// Paths that cannot reach outside the test's own directory: the real
/// `envs/x`, or one relative component (no '/') resolved against an empty
/// working directory, so `rm` can never find someone's environment.
fn path(envs_x: String) -> impl Strategy<Value = Ron> {
    prop_oneof![
        4 => Just(Ron::Str(envs_x)),
        3 => "[A-Za-z0-9._ -]{0,8}".prop_map(Ron::Str),
        3 => "[A-Za-z0-9._ \\x00-\\x1f-]{0,8}".prop_map(Ron::Str),
        1 => number(),
    ]
}

/// A field of an entry: the right name with a plausible or wrong value,
/// or an unknown one.
fn entry_field(envs_x: String) -> impl Strategy<Value = (String, Ron)> {
    let python = prop::collection::vec(
        prop_oneof![
            Just((
                "executable".to_string(),
                Ron::Str("/nonexistent/python3".into())
            )),
            Just(("version".to_string(), Ron::Str("3.12.1".into()))),
            Just(("implementation".to_string(), Ron::Str("CPython".into()))),
            Just((
                "requested".to_string(),
                Ron::Some(Box::new(Ron::Str("3.12".into())))
            )),
            ("[a-z_]{1,10}", value()),
        ],
        0..6,
    )
    .prop_map(|f| Ron::Struct(None, f));
    prop_oneof![
        path(envs_x).prop_map(|v| ("path".to_string(), v)),
        any::<bool>().prop_map(|b| ("managed".to_string(), Ron::Lit(b.to_string()))),
        prop_oneof![python, value()].prop_map(|v| ("python".to_string(), v)),
        number().prop_map(|v| ("created".to_string(), v)),
        prop_oneof![number().prop_map(|n| Ron::Some(Box::new(n))), value()]
            .prop_map(|v| ("last_used".to_string(), v)),
        value().prop_map(|v| ("project".to_string(), v)),
        value().prop_map(|v| ("flags".to_string(), v)),
        ("[a-z_]{1,10}", value()),
    ]
}

/// A whole entry with every required field, in any order, plus extras.
fn complete_entry(envs_x: String) -> impl Strategy<Value = Ron> {
    let text = || {
        prop_oneof![
            any::<String>(),
            "[ -~\\x00-\\x1f\\x7f\\u{9b}\\u{202e}]{0,12}"
        ]
    };
    (
        path(envs_x),
        any::<bool>(),
        time(),
        prop::option::of(time()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(("[a-z_]{1,10}", value()), 0..2),
    )
        .prop_map(
            |(path, managed, created, last_used, project, prompt, extra)| {
                let mut fields = vec![
                    ("path".to_string(), path),
                    ("managed".to_string(), Ron::Lit(managed.to_string())),
                    (
                        "python".to_string(),
                        Ron::Struct(
                            None,
                            vec![
                                ("executable".into(), Ron::Str("/nonexistent/python3".into())),
                                ("version".into(), Ron::Str("3.12.1".into())),
                                ("implementation".into(), Ron::Str("CPython".into())),
                            ],
                        ),
                    ),
                    ("created".to_string(), created),
                ];
                if let Some(t) = last_used {
                    fields.push(("last_used".to_string(), Ron::Some(Box::new(t))));
                }
                if let Some(p) = project {
                    fields.push(("project".to_string(), Ron::Some(Box::new(Ron::Str(p)))));
                }
                if let Some(p) = prompt {
                    let flags = vec![("prompt".to_string(), Ron::Some(Box::new(Ron::Str(p))))];
                    fields.push(("flags".to_string(), Ron::Struct(None, flags)));
                }
                fields.extend(extra);
                Ron::Struct(None, fields)
            },
        )
}

/// An index-shaped value: `(version: V, envs: {NAME: ENTRY, ...}, ...)`.
fn index(envs_x: String) -> impl Strategy<Value = Ron> {
    let entry = prop_oneof![
        12 => complete_entry(envs_x.clone()),
        1 => prop::collection::vec(entry_field(envs_x), 0..8).prop_map(|f| Ron::Struct(None, f)),
        1 => value(),
    ];
    let version = prop_oneof![
        12 => Just(lit("1")),
        1 => Just(lit("0")),
        1 => Just(lit("2")),
        1 => number(),
        1 => value(),
    ];
    (
        version,
        prop::collection::vec((env_name(), entry), 0..3),
        prop::collection::vec(("[a-z_]{1,8}", value()), 0..2),
        prop::option::of(Just("Index".to_string())),
    )
        .prop_map(|(version, envs, extra, name)| {
            let mut fields = vec![
                ("version".to_string(), version),
                ("envs".to_string(), Ron::Map(envs)),
            ];
            fields.extend(extra);
            Ron::Struct(name, fields)
        })
}

/// The bytes to put in `index.ron`.
fn contents(envs_x: String) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        // Arbitrary bytes, alone or after a plausible start.
        1 => prop::collection::vec(any::<u8>(), 0..200),
        1 => prop::collection::vec(any::<u8>(), 0..80).prop_map(|tail| {
            let mut b = b"(version: 1, envs: {\"x\": ".to_vec();
            b.extend(tail);
            b
        }),
        // RON-shaped values.
        8 => index(envs_x.clone()).prop_map(|v| v.text().into_bytes()),
        1 => value().prop_map(|v| v.text().into_bytes()),
        // A well-shaped index, cut short or with one byte replaced.
        1 => (index(envs_x), any::<prop::sample::Index>(), any::<u8>(), any::<bool>()).prop_map(
            |(v, at, byte, cut)| {
                let mut b = v.text().into_bytes();
                if !b.is_empty() {
                    let i = at.index(b.len());
                    if cut {
                        b.truncate(i);
                    } else {
                        b[i] = byte;
                    }
                }
                b
            }
        ),
    ]
}

/// Run `args` against every generated index; `writes` says whether a
/// successful run may change the file.
fn fuzz(args: &[&str], writes: bool) {
    let w = World::new();
    let home = w.envreg_home();
    std::fs::create_dir_all(home.join("envs")).unwrap();
    // Relative paths in the index resolve here: an empty directory.
    let cwd = w.dir.path().join("cwd");
    std::fs::create_dir(&cwd).unwrap();
    let envs_x = w.env_dir("x").to_str().unwrap().to_string();

    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&contents(envs_x), |bytes| {
        std::fs::write(w.index(), &bytes).unwrap();
        // Each case starts from an empty envs/: an env a previous case
        // created would (rightly) be registered again by the next command.
        let _ = std::fs::remove_dir_all(w.env_dir("x"));
        // The parsed copy is keyed by the file's identity, which an in-place
        // rewrite within the clock's granularity can keep: start fresh.
        let _ = std::fs::remove_file(home.join("cache/index.json"));
        let out = Out::from(w.cmd(args).current_dir(&cwd).output().unwrap());
        let text = String::from_utf8_lossy(&bytes);
        prop_assert!(
            matches!(out.code, Some(0 | 1)),
            "{args:?} on {text:?}: {out:#?}"
        );
        prop_assert!(
            !out.stderr.contains("panicked"),
            "{args:?} on {text:?}: {out:#?}"
        );
        if out.code != Some(0) || !writes {
            let now = std::fs::read(w.index()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(now == bytes, "{args:?} changed {text:?}: {out:#?}");
        }
        if out.code == Some(1) {
            prop_assert!(out.stderr.starts_with("envreg: "), "{out:#?}");
        }
        Ok(())
    });
    if let Err(err) = result {
        panic!("{err}");
    }
}

fn python_arg() -> Option<PathBuf> {
    need_python("3.12")
}

#[test]
fn ls_survives_any_index() {
    fuzz(&["ls"], false);
}

#[test]
fn ls_json_survives_any_index() {
    fuzz(&["ls", "--json"], false);
}

#[test]
fn show_survives_any_index() {
    fuzz(&["show", "x"], false);
}

#[test]
fn path_survives_any_index() {
    fuzz(&["path", "x"], false);
}

#[test]
fn rm_survives_any_index() {
    fuzz(&["rm", "-y", "x"], true);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn mkenv_survives_any_index() {
    let Some(py) = python_arg() else {
        return;
    };
    let py: &Path = &py;
    fuzz(
        &["mkenv", "x", "--no-pip", "-p", py.to_str().unwrap()],
        true,
    );
}

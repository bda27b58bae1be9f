use crate::common::*;

#[test]
fn bad_names_are_refused_before_anything_is_touched() {
    let w = World::new();
    let cases: &[(&str, &str)] = &[
        ("a b", "a space"),
        ("a/b", "'/'"),
        ("..", "'.'"),
        (".", "'.'"),
        ("caf\u{e9}", "'\u{e9}'"),
        ("x;rm", "';'"),
        ("nul.txt", "NUL is a reserved device name on Windows"),
        ("Com1", "COM1 is a reserved device name on Windows"),
        ("con", "CON is a reserved device name on Windows"),
    ];
    for (name, needle) in cases {
        w.run(["mkenv", name, "--no-pip"])
            .fails_with(&["invalid environment name", needle]);
    }
    // After `--`, a leading dash reaches the name check.
    w.run(["mkenv", "--no-pip", "--", "-x"])
        .fails_with(&["invalid environment name", "'-'"]);
    let long = "x".repeat(65);
    w.run(["mkenv", &long, "--no-pip"])
        .fails_with(&["65 characters", "at most 64"]);
    assert!(
        !w.envreg_home().exists(),
        "a refused name must not create ENVREG_HOME"
    );
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn names_differing_only_in_case_are_refused() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("Proj", &py, &["--no-pip"]);
    let before = w.index_bytes();
    w.run(["mkenv", "proj", "--no-pip", "-p", py.to_str().unwrap()])
        .fails_with(&["differs only in case", "'Proj'"]);
    assert_eq!(w.index_bytes(), before);
    assert!(!w.env_dir("proj").exists());
}

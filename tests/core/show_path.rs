use crate::common::*;

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn path_and_show_describe_one_env() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let project = w.dir.path().join("src");
    std::fs::create_dir(&project).unwrap();
    w.mkenv(
        "proj1",
        &py,
        &["--no-pip", "--project", project.to_str().unwrap()],
    );

    let out = w.run(["path", "proj1"]).ok();
    assert_eq!(out.stdout.trim_end(), w.env_dir("proj1").to_str().unwrap());

    let show = w.run(["show", "proj1"]).ok().stdout;
    assert!(show.contains("3.12."), "{show}");
    assert!(show.contains(project.to_str().unwrap()), "{show}");
    assert!(show.contains("status") && show.contains("ok"), "{show}");

    let json: serde_json::Value =
        serde_json::from_str(&w.run(["show", "proj1", "--json"]).ok().stdout).unwrap();
    assert_eq!(json["name"], "proj1");
    assert_eq!(json["status"], "ok");
    assert_eq!(json["project"], project.to_str().unwrap());
    assert_eq!(json["pip"], false);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn unknown_names_suggest_a_close_one() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.run(["path", "proj1"])
        .fails_with(&["no environment named 'proj1'", "registry is empty"]);
    w.mkenv("proj1", &py, &["--no-pip"]);
    w.run(["path", "proj2"])
        .fails_with(&["no environment named 'proj2'", "did you mean 'proj1'?"]);
    w.run(["show", "prj1"])
        .fails_with(&["did you mean 'proj1'?"]);
    w.run(["path", "zzzzzz"]).fails_with(&["envreg ls"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn path_workon_prints_dir_and_hooks_and_records_last_used() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("proj1", &py, &["--no-pip"]);
    let json = |w: &World| -> serde_json::Value {
        serde_json::from_str(&w.run(["show", "proj1", "--json"]).ok().stdout).unwrap()
    };
    assert!(json(&w)["last_used"].is_null());
    w.run(["path", "proj1"]).ok();
    assert!(
        json(&w)["last_used"].is_null(),
        "plain `path` must not write"
    );
    let out = w.run(["path", "--workon", "--", "proj1"]).ok();
    assert_eq!(
        out.stdout,
        format!(
            "{}\n{}\nproj1\n\n",
            w.env_dir("proj1").display(),
            w.envreg_home().join("hooks").display()
        ),
        "the directory, the hooks directory, the name, no project"
    );
    assert!(json(&w)["last_used"].is_string());
    w.run(["path", "--workon", "--", "proj2"])
        .fails_with(&["no environment named 'proj2'"]);
    // The flag the hooks used before is gone.
    assert_eq!(w.run(["path", "--touch", "proj1"]).code, Some(2));
}

/// Recording the use is best effort: a registry that cannot be written still
/// gives `workon` its four lines, and nothing on stderr.
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn path_workon_ignores_a_failure_to_record() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("proj1", &py, &["--no-pip"]);
    // A directory where the lock file goes makes taking the lock fail.
    let lock = w.envreg_home().join("index.lock");
    let _ = std::fs::remove_file(&lock);
    std::fs::create_dir(&lock).unwrap();
    let out = w.run(["path", "--workon", "--", "proj1"]).ok();
    assert_eq!(out.stdout.lines().count(), 4, "{}", out.stdout);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
}

#[test]
fn a_home_with_a_line_break_is_refused() {
    let w = World::new();
    let odd = w.dir.path().join("a\nb");
    let out = Out::from(w.cmd(["ls"]).env("ENVREG_HOME", &odd).output().unwrap());
    let out = out.fails_with(&["line break", "ENVREG_HOME"]);
    assert!(!odd.exists(), "{}", out.stderr);
    let out = Out::from(
        w.cmd(["path", "--workon", "--", "x"])
            .env_remove("ENVREG_HOME")
            .env("XDG_DATA_HOME", &odd)
            .output()
            .unwrap(),
    );
    out.fails_with(&["line break"]);
}

/// `path --workon` prints the variables of `set --var` after its four lines,
/// one `KEY=VALUE` a line, values verbatim; `set --var` refuses a value with
/// a line break (workon could not read it back) and changes nothing.
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn path_workon_prints_the_vars_and_set_refuses_a_line_break() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("proj1", &py, &["--no-pip"]);
    let lines = |w: &World| {
        let out = w.run(["path", "--workon", "--", "proj1"]).ok();
        out.stdout
            .lines()
            .skip(4)
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert!(lines(&w).is_empty());
    w.run([
        "set",
        "proj1",
        "--var",
        "B_KEY=two words $HOME `x` 'q' \"dq\" a=b",
        "--var",
        "A_KEY=",
    ])
    .ok();
    assert_eq!(
        lines(&w),
        ["A_KEY=", "B_KEY=two words $HOME `x` 'q' \"dq\" a=b"]
    );
    for bad in ["C_KEY=one\ntwo", "C_KEY=one\r\n", "C_KEY=\n"] {
        let out = w.run(["set", "proj1", "--var", bad]);
        let out = out.fails_with(&["C_KEY", "line break"]);
        assert!(out.stderr.contains("hint"), "{}", out.stderr);
    }
    assert_eq!(lines(&w).len(), 2);
    w.run([
        "set",
        "proj1",
        "--unset-var",
        "A_KEY",
        "--unset-var",
        "B_KEY",
    ])
    .ok();
    assert!(lines(&w).is_empty());
}

//! Projects: `--project` stored normalised, the `.project` file kept in step
//! by set/mkenv/mv/cp, `envreg mkproject`, and what `path --workon` prints for
//! workon (the name, the project to change to, `.` resolved from the cwd).

use std::path::{Path, PathBuf};

use crate::common::*;

fn json(out: &Out) -> serde_json::Value {
    serde_json::from_str(&out.stdout).unwrap()
}

fn shown_project(w: &World, name: &str) -> serde_json::Value {
    json(&w.run(["show", name, "--json"]).ok())["project"].clone()
}

/// The `.project` file of `name`, if there is one.
fn dot_project(w: &World, name: &str) -> Option<String> {
    std::fs::read_to_string(w.env_dir(name).join(".project")).ok()
}

/// `envreg ARGS` run in `cwd` with `extra` environment variables.
fn run_in(w: &World, cwd: &Path, args: &[&str], extra: &[(&str, &str)]) -> Out {
    let mut cmd = w.cmd(args);
    cmd.current_dir(cwd).env_remove("ENVREG_WORKON_CD");
    for (k, v) in extra {
        cmd.env(k, v);
    }
    Out::from(cmd.output().unwrap())
}

/// The fixed lines of `path --workon` output: dir, hooks, name, project.
fn workon_lines(out: &Out) -> Vec<String> {
    out.stdout.split('\n').take(4).map(str::to_string).collect()
}

fn canon(p: &Path) -> PathBuf {
    p.canonicalize().unwrap()
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn project_is_stored_normalised_and_written_to_dot_project() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let src = w.dir.path().join("src");
    std::fs::create_dir_all(src.join("api/sub")).unwrap();
    std::fs::create_dir_all(src.join("web")).unwrap();
    std::os::unix::fs::symlink(src.join("web"), src.join("web-link")).unwrap();
    let api = canon(&src.join("api"));
    let web = canon(&src.join("web"));

    // mkenv --project: relative, with `..`, resolved against the cwd.
    let out = run_in(
        &w,
        &src.join("api/sub"),
        &[
            "mkenv",
            "e1",
            "-p",
            py.to_str().unwrap(),
            "--no-pip",
            "--project",
            "../sub/..",
        ],
        &[],
    )
    .ok();
    assert!(out.stdout.trim_end().ends_with("/e1"), "{out:#?}");
    assert_eq!(shown_project(&w, "e1"), api.display().to_string());
    assert_eq!(dot_project(&w, "e1"), Some(format!("{}\n", api.display())));

    // set --project through a symbolic link: stored with the link resolved.
    run_in(&w, &src, &["set", "e1", "--project", "web-link/."], &[]).ok();
    assert_eq!(shown_project(&w, "e1"), web.display().to_string());
    assert_eq!(dot_project(&w, "e1"), Some(format!("{}\n", web.display())));

    // Bad directories: exit 1, nothing changed (index and .project).
    let before = w.index_bytes();
    let file = src.join("file.txt");
    std::fs::write(&file, "x").unwrap();
    w.run(["set", "e1", "--project", src.join("nope").to_str().unwrap()])
        .fails_with(&["project directory", "nope", "does not exist"]);
    w.run(["set", "e1", "--project", file.to_str().unwrap()])
        .fails_with(&["file.txt", "is not a directory"]);
    assert_eq!(w.index_bytes(), before);
    assert_eq!(dot_project(&w, "e1"), Some(format!("{}\n", web.display())));
    w.run([
        "mkenv",
        "e2",
        "-p",
        py.to_str().unwrap(),
        "--no-pip",
        "--project",
        file.to_str().unwrap(),
    ])
    .fails_with(&["is not a directory"]);
    assert_eq!(w.names(), ["e1"]);
    assert!(!w.env_dir("e2").exists());

    // --no-project: gone from the index and the file.
    w.run(["set", "e1", "--no-project"]).ok();
    assert_eq!(shown_project(&w, "e1"), serde_json::Value::Null);
    assert_eq!(dot_project(&w, "e1"), None);
    w.run(["set", "e1", "--project", api.to_str().unwrap()])
        .ok();

    // mv and cp keep the project, and the file says the same.
    w.run(["mv", "e1", "moved"]).ok();
    assert_eq!(shown_project(&w, "moved"), api.display().to_string());
    assert_eq!(
        dot_project(&w, "moved"),
        Some(format!("{}\n", api.display()))
    );
    w.run(["cp", "moved", "copy"]).ok();
    assert_eq!(shown_project(&w, "copy"), api.display().to_string());
    assert_eq!(
        dot_project(&w, "copy"),
        Some(format!("{}\n", api.display()))
    );
    // A venv from elsewhere with virtualenvwrapper's .project: cp takes it in.
    let foreign = w.dir.path().join("foreign");
    run_ok(
        &py,
        &["-m", "venv", "--without-pip", foreign.to_str().unwrap()],
    );
    std::fs::write(foreign.join(".project"), format!("{}\n", web.display())).unwrap();
    w.run(["cp", foreign.to_str().unwrap(), "adopted"]).ok();
    assert_eq!(shown_project(&w, "adopted"), web.display().to_string());
    assert_eq!(
        dot_project(&w, "adopted"),
        Some(format!("{}\n", web.display()))
    );
    // An index moved away: the environments are registered again, their
    // projects read back from .project.
    std::fs::rename(w.index(), w.dir.path().join("old-index.ron")).unwrap();
    w.run(["ls"]).ok();
    assert_eq!(shown_project(&w, "copy"), api.display().to_string());
    assert_eq!(shown_project(&w, "adopted"), web.display().to_string());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn mkproject_makes_the_directory_and_the_env_and_undoes_the_directory_on_failure() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let py = py.to_str().unwrap();
    let projects = w.dir.path().join("projects");
    std::fs::create_dir(&projects).unwrap();
    let ph = projects.to_str().unwrap();
    let home_cwd = w.home();

    // No PROJECT_HOME and no --dir: say what to do, make nothing.
    run_in(
        &w,
        &home_cwd,
        &["mkproject", "api", "-p", py, "--no-pip"],
        &[],
    )
    .fails_with(&["PROJECT_HOME is not set", "--dir"]);
    assert!(w.names().is_empty());

    let ok = run_in(
        &w,
        &home_cwd,
        &["mkproject", "api", "-p", py, "--no-pip"],
        &[("PROJECT_HOME", ph)],
    )
    .ok();
    let api = canon(&projects.join("api"));
    assert_eq!(ok.stdout.trim_end(), api.to_str().unwrap());
    assert_eq!(shown_project(&w, "api"), api.display().to_string());
    assert_eq!(dot_project(&w, "api"), Some(format!("{}\n", api.display())));

    // An existing directory: refused without -f, accepted with it.
    std::fs::create_dir(projects.join("web")).unwrap();
    std::fs::write(projects.join("web/keep.txt"), "mine").unwrap();
    run_in(
        &w,
        &home_cwd,
        &["mkproject", "web", "-p", py, "--no-pip"],
        &[("PROJECT_HOME", ph)],
    )
    .fails_with(&["exists already", "-f"]);
    assert_eq!(w.names(), ["api"]);
    // -f, and the environment cannot be made (no such interpreter): the
    // directory that was there is left alone.
    run_in(
        &w,
        &home_cwd,
        &["mkproject", "web", "-f", "-p", "/no/such/python"],
        &[("PROJECT_HOME", ph)],
    )
    .fails_with(&["/no/such/python"]);
    assert!(projects.join("web/keep.txt").is_file());
    // --workon (what the shell function passes) prints the name.
    let named = run_in(
        &w,
        &home_cwd,
        &["mkproject", "web", "-f", "--workon", "-p", py, "--no-pip"],
        &[("PROJECT_HOME", ph)],
    )
    .ok();
    assert_eq!(named.stdout, "web\n");
    assert_eq!(
        shown_project(&w, "web"),
        canon(&projects.join("web")).display().to_string()
    );

    // A failure after making the directory removes it again; so does a
    // name that is taken.
    run_in(
        &w,
        &home_cwd,
        &["mkproject", "cli", "-p", "/no/such/python"],
        &[("PROJECT_HOME", ph)],
    )
    .fails_with(&["/no/such/python"]);
    assert!(!projects.join("cli").exists());
    let other = w.dir.path().join("other");
    w.run([
        "mkproject",
        "api",
        "--dir",
        other.to_str().unwrap(),
        "-p",
        py,
    ])
    .fails_with(&["api"]);
    assert!(!other.exists());
    assert_eq!(w.names(), ["api", "web"]);
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn path_workon_prints_the_name_and_the_project_to_change_to() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let src = canon(w.dir.path()).join("src");
    std::fs::create_dir_all(src.join("api/deep/er")).unwrap();
    std::fs::create_dir_all(src.join("shared")).unwrap();
    let api = src.join("api");
    w.mkenv(
        "api",
        &py,
        &["--no-pip", "--project", api.to_str().unwrap()],
    );
    w.mkenv("plain", &py, &["--no-pip"]);
    let api_s = api.display().to_string();
    let hooks = w.envreg_home().join("hooks").display().to_string();
    let env_s = w.env_dir("api").display().to_string();
    let lines = |out: &Out| workon_lines(out);
    let home = w.home();

    let out = run_in(&w, &home, &["path", "--workon", "--", "api"], &[]).ok();
    assert_eq!(lines(&out), [&env_s, &hooks, "api", &api_s]);
    let out = run_in(
        &w,
        &home,
        &["path", "--workon", "--no-cd", "--", "api"],
        &[],
    )
    .ok();
    assert_eq!(lines(&out)[3], "");
    let off = [("ENVREG_WORKON_CD", "0")];
    let out = run_in(&w, &home, &["path", "--workon", "--", "api"], &off).ok();
    assert_eq!(lines(&out)[3], "");
    let out = run_in(&w, &home, &["path", "--workon", "--cd", "--", "api"], &off).ok();
    assert_eq!(lines(&out)[3], api_s);
    let out = run_in(&w, &home, &["path", "--workon", "--", "plain"], &[]).ok();
    assert_eq!(lines(&out)[2..], ["plain", ""]);

    // `.`: the project holding the cwd (its nearest ancestor that is one).
    let out = run_in(
        &w,
        &src.join("api/deep/er"),
        &["path", "--workon", "--", "."],
        &[],
    )
    .ok();
    assert_eq!(lines(&out)[..3], [&env_s, &hooks, "api"]);
    run_in(&w, &src, &["path", "--workon", "--", "."], &[]).fails_with(&[
        "no environment has",
        "as its project",
        "envreg set NAME --project .",
    ]);
    // A nearer project wins; two environments sharing one is ambiguous.
    w.run([
        "set",
        "plain",
        "--project",
        src.join("api/deep").to_str().unwrap(),
    ])
    .ok();
    let out = run_in(
        &w,
        &src.join("api/deep/er"),
        &["path", "--workon", "--", "."],
        &[],
    )
    .ok();
    assert_eq!(lines(&out)[2], "plain");
    let out = run_in(&w, &api, &["path", "--workon", "--", "."], &[]).ok();
    assert_eq!(lines(&out)[2], "api");
    w.run(["set", "plain", "--project", api.to_str().unwrap()])
        .ok();
    run_in(&w, &api, &["path", "--workon", "--", "."], &[]).fails_with(&[
        "several environments",
        "api, plain",
        "workon NAME",
    ]);

    // A project directory that is gone: a warning, and nowhere to go.
    std::fs::remove_dir_all(src.join("api")).unwrap();
    let out = run_in(&w, &home, &["path", "--workon", "--", "api"], &[]).ok();
    assert_eq!(lines(&out)[3], "");
    assert!(out.stderr.contains("is gone"), "{out:#?}");
}

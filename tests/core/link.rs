//! `envreg link` / `envreg unlink`: a project's `.venv` as a symlink to a
//! registered environment, the refusals that leave everything untouched,
//! and the projects file the auto-activation hooks read.

use std::path::{Path, PathBuf};

use crate::common::*;

/// The `.venv` link in `dir`, as read_link gives it.
fn target(dir: &Path) -> PathBuf {
    std::fs::read_link(dir.join(".venv")).unwrap()
}

fn projects(w: &World) -> String {
    std::fs::read_to_string(w.envreg_home().join("projects")).unwrap()
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn link_makes_dot_venv_run_the_envs_python_and_unlink_removes_it() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    w.mkenv("b", &py, &["--no-pip"]);
    let proj = w.home().join("src/proj");
    std::fs::create_dir_all(&proj).unwrap();
    let out = Out::from(w.cmd(["link", "a"]).current_dir(&proj).output().unwrap()).ok();
    assert!(out.stderr.contains("linked"), "{out:#?}");
    assert_eq!(target(&proj), w.env_dir("a"));
    // Tools that look for .venv get the environment's interpreter.
    let prefix = run_ok(
        &proj.join(".venv/bin/python"),
        &["-c", "import sys; print(sys.prefix != sys.base_prefix)"],
    );
    assert_eq!(prefix.trim(), "True");
    // The directory is bound: listed for the auto-activation hooks.
    assert!(
        projects(&w).contains(&format!("\n{}\ta\n", proj.display())),
        "{}",
        projects(&w)
    );
    // Again: a no-op that says so; the index is not rewritten.
    let index = w.index_bytes();
    let out = w.run(["link", "a", proj.to_str().unwrap()]).ok();
    assert!(out.stderr.contains("nothing to do"), "{out:#?}");
    assert_eq!(w.index_bytes(), index);
    // Another registered env: only with --force.
    w.run(["link", "b", proj.to_str().unwrap()])
        .fails_with(&["already links to environment 'a'", "--force"]);
    assert_eq!(target(&proj), w.env_dir("a"));
    w.run(["link", "--force", "b", proj.to_str().unwrap()]).ok();
    assert_eq!(target(&proj), w.env_dir("b"));
    assert!(projects(&w).contains(&format!("\n{}\tb\n", proj.display())));
    assert!(!projects(&w).contains("\ta\n"), "{}", projects(&w));
    // No temporary link left behind.
    let names: Vec<_> = std::fs::read_dir(&proj)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, [".venv"]);
    // unlink: the link goes, the environment stays, the binding goes.
    let out = w.run(["unlink", proj.to_str().unwrap()]).ok();
    assert!(out.stderr.contains("'b'"), "{out:#?}");
    assert!(proj.join(".venv").symlink_metadata().is_err());
    assert!(w.env_dir("b").join("bin/python").exists());
    assert!(!projects(&w).contains(proj.to_str().unwrap()));
    w.run(["unlink", proj.to_str().unwrap()])
        .fails_with(&["does not exist"]);
    // A link removed by hand: unlink drops the binding it left.
    w.run(["link", "a", proj.to_str().unwrap()]).ok();
    std::fs::remove_file(proj.join(".venv")).unwrap();
    assert!(projects(&w).contains(proj.to_str().unwrap()));
    let out = w.run(["unlink", proj.to_str().unwrap()]).ok();
    assert!(out.stderr.contains("no longer bound to 'a'"), "{out:#?}");
    assert!(!projects(&w).contains(proj.to_str().unwrap()));
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn link_and_unlink_refuse_what_envreg_did_not_make() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let root = w.home().join("src");
    let real_dir = root.join("realdir");
    let file = root.join("file");
    let foreign = root.join("foreign");
    for d in [&real_dir, &file, &foreign] {
        std::fs::create_dir_all(d).unwrap();
    }
    std::fs::create_dir(real_dir.join(".venv")).unwrap();
    std::fs::write(real_dir.join(".venv/marker"), "mine").unwrap();
    std::fs::write(file.join(".venv"), "VIRTUAL_ENV=x\n").unwrap();
    std::os::unix::fs::symlink("/usr", foreign.join(".venv")).unwrap();
    let index = w.index_bytes();
    for (dir, why) in [
        (&real_dir, "is a directory"),
        (&file, "is a file"),
        (&foreign, "is a link to /usr, which envreg did not make"),
    ] {
        let d = dir.to_str().unwrap();
        w.run(["link", "a", d])
            .fails_with(&[why, "nothing was changed"]);
        w.run(["link", "--force", "a", d])
            .fails_with(&[why, "nothing was changed"]);
        w.run(["unlink", d]).fails_with(&["nothing was changed"]);
    }
    assert_eq!(w.index_bytes(), index);
    assert_eq!(
        std::fs::read_to_string(real_dir.join(".venv/marker")).unwrap(),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(file.join(".venv")).unwrap(),
        "VIRTUAL_ENV=x\n"
    );
    assert_eq!(target(&foreign), Path::new("/usr"));
    // No name and nothing active; an active env that is not registered;
    // an unknown name; a directory that does not exist.
    let d = root.to_str().unwrap();
    w.run(["link", d]).fails_with(&["none is active"]);
    w.cmd(["link", d])
        .env("VIRTUAL_ENV", foreign.to_str().unwrap())
        .output()
        .map(Out::from)
        .unwrap()
        .fails_with(&["is not registered"]);
    w.run(["link", "nope", d])
        .fails_with(&["no environment named 'nope'"]);
    w.run(["link", "a", root.join("missing").to_str().unwrap()])
        .fails_with(&["is not a directory"]);
    assert!(root.join(".venv").symlink_metadata().is_err());
    // The active environment is the default NAME.
    w.cmd(["link", d])
        .env("VIRTUAL_ENV", w.env_dir("a"))
        .output()
        .map(Out::from)
        .unwrap()
        .ok();
    assert_eq!(target(&root), w.env_dir("a"));
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_link_to_a_removed_env_can_be_unlinked_and_relinked() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    w.mkenv("b", &py, &["--no-pip"]);
    let proj = w.home().join("proj");
    let proj2 = w.home().join("proj2");
    std::fs::create_dir_all(&proj).unwrap();
    std::fs::create_dir_all(&proj2).unwrap();
    w.run(["link", "a", proj.to_str().unwrap()]).ok();
    w.run(["link", "a", proj2.to_str().unwrap()]).ok();
    w.run(["rm", "-y", "a"]).ok();
    // Dangling, into envreg's envs directory: still envreg's link.
    w.run(["link", "b", proj.to_str().unwrap()])
        .fails_with(&["which is gone", "--force"]);
    w.run(["link", "--force", "b", proj.to_str().unwrap()]).ok();
    assert_eq!(target(&proj), w.env_dir("b"));
    w.run(["unlink", proj2.to_str().unwrap()]).ok();
    assert!(proj2.join(".venv").symlink_metadata().is_err());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn mv_repoints_the_link_and_cp_does_not_copy_it() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let proj = w.home().join("proj");
    std::fs::create_dir_all(&proj).unwrap();
    w.run(["link", "a", proj.to_str().unwrap()]).ok();
    w.run(["mv", "a", "b"]).ok();
    assert_eq!(target(&proj), w.env_dir("b"));
    assert!(proj.join(".venv/bin/python").exists());
    assert!(projects(&w).contains(&format!("\n{}\tb\n", proj.display())));
    w.run(["cp", "b", "c"]).ok();
    assert!(!projects(&w).contains("\tc\n"), "{}", projects(&w));
    assert_eq!(target(&proj), w.env_dir("b"));
    // A link left at the old directory (a kill before re-pointing) is the
    // env's own: linking again repairs it without --force.
    std::fs::remove_file(proj.join(".venv")).unwrap();
    std::os::unix::fs::symlink(w.env_dir("a"), proj.join(".venv")).unwrap();
    w.run(["link", "b", proj.to_str().unwrap()]).ok();
    assert_eq!(target(&proj), w.env_dir("b"));
}

//! `envreg import`: the stores of virtualenvwrapper, pew and
//! pyenv-virtualenv, with their real layouts.

use std::fs;
use std::path::{Path, PathBuf};

use crate::adopt::venv;
use crate::common::*;

fn import(w: &World, pyenv_root: &Path, extra: &[&str]) -> Out {
    let mut args = vec!["import"];
    args.extend(extra);
    Out::from(w.cmd(&args).env("PYENV_ROOT", pyenv_root).output().unwrap())
}

fn rows(out: &Out) -> Vec<(String, String, String)> {
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or("").to_string();
            (s("source"), s("name"), s("action") + " " + &s("reason"))
        })
        .collect()
}

fn ls(w: &World) -> serde_json::Value {
    serde_json::from_str(&w.run(["ls", "--json"]).ok().stdout).unwrap()
}

fn entry<'a>(ls: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    ls.as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {ls:#}"))
}

/// virtualenvwrapper's store (with hook files and `.project` files), pew's
/// store, and a pyenv root with a pyenv-virtualenv env and its link.
fn stores(w: &World, py: &Path) -> (PathBuf, PathBuf) {
    let vew = w.home().join(".virtualenvs");
    venv(py, &vew.join("web"));
    let project = w.dir.path().join("src/web");
    fs::create_dir_all(&project).unwrap();
    fs::write(vew.join("web/.project"), format!("{}\n", project.display())).unwrap();
    venv(py, &vew.join("my env"));
    venv(py, &vew.join("api"));
    venv(py, &vew.join("broken"));
    fs::remove_file(vew.join("broken/bin/python")).unwrap();
    std::os::unix::fs::symlink("/nonexistent/python3.12", vew.join("broken/bin/python")).unwrap();
    for hook in ["postactivate", "premkvirtualenv", "initialize"] {
        fs::write(vew.join(hook), "#!/bin/bash\n").unwrap();
    }
    let pew = w.home().join(".local/share/virtualenvs");
    venv(py, &pew.join("pewenv"));
    let root = w.dir.path().join("pyenv");
    venv(py, &root.join("versions/3.12.1/envs/foo"));
    std::os::unix::fs::symlink(
        root.join("versions/3.12.1/envs/foo"),
        root.join("versions/foo"),
    )
    .unwrap();
    (project, root)
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn import_finds_every_store_once_and_a_second_run_changes_nothing() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let (project, root) = stores(&w, &py);
    // A different env already called 'api'.
    let other = w.dir.path().join("elsewhere/api");
    venv(&py, &other);
    w.run(["adopt", other.to_str().unwrap()]).ok();
    let before = w.index_bytes();

    let dry = import(&w, &root, &["--dry-run", "--json"]).ok();
    assert_eq!(w.index_bytes(), before, "--dry-run changed the index");
    assert!(
        rows(&dry).iter().all(|r| r.2.starts_with("would adopt")),
        "{:?}",
        rows(&dry)
    );

    let out = import(&w, &root, &["--json"]).ok();
    let rows1 = rows(&out);
    let names: Vec<&str> = rows1.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(
        names,
        ["api-2", "broken", "my-env", "web", "pewenv", "foo"],
        "{rows1:#?}"
    );
    assert_eq!(
        names,
        rows(&dry).iter().map(|r| r.1.as_str()).collect::<Vec<_>>()
    );
    let reason = |n: &str| rows1.iter().find(|r| r.1 == n).unwrap().2.clone();
    assert!(reason("api-2").contains("'api' is taken"), "{rows1:?}");
    assert!(
        reason("my-env").contains("'my env' is not a valid name"),
        "{rows1:?}"
    );
    assert!(reason("broken").contains("broken"), "{rows1:?}");

    let listed = ls(&w);
    assert_eq!(
        entry(&listed, "web")["project"],
        project.canonicalize().unwrap().to_str().unwrap()
    );
    assert_eq!(entry(&listed, "web")["managed"], false);
    assert_eq!(entry(&listed, "broken")["status"], "broken");
    assert_eq!(entry(&listed, "foo")["status"], "ok");
    assert_eq!(
        entry(&listed, "foo")["path"],
        root.join("versions/3.12.1/envs/foo").to_str().unwrap()
    );
    assert_eq!(entry(&listed, "api")["path"], other.to_str().unwrap());

    // Idempotent: the second run registers nothing and the index is unchanged.
    let after = w.index_bytes();
    let again = import(&w, &root, &["--json"]).ok();
    assert_eq!(w.index_bytes(), after);
    for r in rows(&again) {
        assert!(r.2.starts_with("skipped already registered as"), "{r:?}");
    }
    // The table.
    let table = import(&w, &root, &[]).ok().stdout;
    assert!(
        table.starts_with("SOURCE") && table.contains("already registered"),
        "{table}"
    );
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn import_move_leaves_a_working_managed_env_and_no_old_path() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let store = w.dir.path().join("store");
    let old = store.join("tool");
    venv(&py, &old);
    let old = old.canonicalize().unwrap();
    fs::write(
        old.join("bin/hello"),
        format!(
            "#!{}/bin/python\nimport sys; print('hi from', sys.prefix)\n",
            old.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(old.join("bin/hello"), fs::Permissions::from_mode(0o755)).unwrap();

    let dry = w
        .run(["import", "--move", "--dry-run", store.to_str().unwrap()])
        .ok();
    assert!(dry.stdout.contains("would move"), "{dry:?}");
    assert!(old.join("pyvenv.cfg").exists() && w.index_bytes().is_none());

    let out = w.run(["import", "--move", store.to_str().unwrap()]).ok();
    assert!(out.stdout.contains("moved"), "{out:?}");
    assert!(!old.exists(), "the old directory is deleted");
    let new = w.env_dir("tool");
    let listed = ls(&w);
    assert_eq!(entry(&listed, "tool")["managed"], true);
    assert_eq!(entry(&listed, "tool")["status"], "ok");
    let prefix = run_ok(
        &new.join("bin/python"),
        &["-c", "import sys; print(sys.prefix)"],
    );
    assert_eq!(prefix.trim(), new.to_str().unwrap());
    let hello = w.run(["run", "tool", "--", "hello"]).ok();
    assert_eq!(hello.stdout.trim(), format!("hi from {}", new.display()));
    let grep = std::process::Command::new("grep")
        .args(["-rl", "--exclude-dir=__pycache__", old.to_str().unwrap()])
        .arg(&new)
        .output()
        .unwrap();
    assert!(
        grep.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&grep.stdout)
    );
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
    // rm deletes a managed env.
    w.run(["rm", "-y", "tool"]).ok();
    assert!(!new.exists());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn import_of_a_venv_dir_and_of_what_is_not_a_store() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let dir = w.dir.path().join("proj/.venv");
    venv(&py, &dir);
    let out = w
        .run([
            "import",
            "--json",
            dir.to_str().unwrap(),
            "/nonexistent/store",
        ])
        .ok();
    let r = rows(&out);
    assert_eq!(r[0].0, "/nonexistent/store");
    assert!(
        r[0].2.starts_with("skipped") && r[0].2.contains("does not exist"),
        "{r:?}"
    );
    assert_eq!(r[1].1, "proj");
    assert!(r[1].2.starts_with("adopted"), "{r:?}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_move_killed_after_its_commit_is_finished_by_the_next_import() {
    use std::os::unix::process::ExitStatusExt;
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let store = w.dir.path().join("store");
    let old = store.join("tool");
    venv(&py, &old);
    for (point, left) in [("import.renamed", false), ("import.committed", true)] {
        let out = w
            .cmd(["import", "--move", store.to_str().unwrap()])
            .env("ENVREG_CRASH_AT", point)
            .output()
            .unwrap();
        assert_eq!(out.status.signal(), Some(9), "not killed at {point}");
        assert!(old.join("pyvenv.cfg").exists());
        let managed = entry(&ls(&w), "tool")["managed"].as_bool().unwrap();
        assert_eq!(managed, left, "after a kill at {point}");
    }
    // The copy is registered; the next import deletes the old directory.
    let out = w.run(["import", "--json", store.to_str().unwrap()]).ok();
    let r = rows(&out);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].2.contains("deleted this old copy"), "{r:?}");
    assert!(!old.exists());
    let new = w.env_dir("tool");
    run_ok(&new.join("bin/python"), &["-c", "import sys"]);
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
}

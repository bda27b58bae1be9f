//! `envreg adopt PATH`: registering a venv in place; `rm` of such an env
//! forgets it, `rm --delete` deletes it.

use std::fs;
use std::path::Path;

use crate::common::*;

/// A `python -m venv` tree made by a pyenv Python, without pip (fast).
pub fn venv(py: &Path, dir: &Path) {
    fs::create_dir_all(dir.parent().unwrap()).unwrap();
    run_ok(py, &["-m", "venv", "--without-pip", dir.to_str().unwrap()]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn adopt_registers_in_place_and_rm_leaves_the_files() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let dir = w.dir.path().join("src/api/.venv");
    venv(&py, &dir);
    let out = w.run(["adopt", dir.to_str().unwrap()]).ok();
    assert!(out.stderr.contains("registered 'api' in place"), "{out:?}");
    let canon = dir.canonicalize().unwrap();
    assert_eq!(out.stdout.trim(), canon.to_str().unwrap());
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["ls", "--json"]).ok().stdout).unwrap();
    assert_eq!(json[0]["name"], "api");
    assert_eq!(json[0]["managed"], false);
    assert_eq!(json[0]["status"], "ok");
    assert_eq!(json[0]["path"], canon.to_str().unwrap());
    assert!(json[0]["python"].as_str().unwrap().starts_with("3.12"));
    let ls = w.run(["ls"]).ok().stdout;
    assert!(
        ls.contains("LOCATION") && ls.contains(canon.to_str().unwrap()),
        "{ls}"
    );
    // Again: said, nothing changed, exit 0.
    let before = w.index_bytes();
    let out = w
        .run(["adopt", dir.to_str().unwrap(), "--name", "other"])
        .ok();
    assert!(
        out.stderr.contains("already registered as 'api'"),
        "{out:?}"
    );
    assert_eq!(w.index_bytes(), before);
    // The env works through envreg.
    let out = w
        .run([
            "run",
            "api",
            "--",
            "python",
            "-c",
            "import sys; print(sys.prefix)",
        ])
        .ok();
    assert_eq!(out.stdout.trim(), canon.to_str().unwrap());
    // rm forgets it and leaves its files.
    let out = w.run(["rm", "-y", "api"]).ok();
    assert!(
        out.stderr.contains("left") && out.stderr.contains("--delete"),
        "{out:?}"
    );
    assert!(dir.join("pyvenv.cfg").exists() && dir.join("bin/python").exists());
    assert!(w.names().is_empty());
    // rm --delete deletes it.
    w.run(["adopt", dir.to_str().unwrap()]).ok();
    let out = w.run(["rm", "-y", "--delete", "api"]).ok();
    assert!(out.stderr.contains("deleted"), "{out:?}");
    assert!(!dir.exists());
    assert!(w.dir.path().join("src/api").exists());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn rm_delete_deletes_only_a_venv_and_never_follows_a_link() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let dir = w.dir.path().join("tools");
    venv(&py, &dir);
    w.run(["adopt", dir.to_str().unwrap()]).ok();
    // Someone replaces the venv with a link to precious data.
    let precious = w.dir.path().join("precious");
    fs::create_dir_all(&precious).unwrap();
    fs::write(precious.join("pyvenv.cfg"), "x").unwrap();
    fs::rename(&dir, w.dir.path().join("moved")).unwrap();
    std::os::unix::fs::symlink(&precious, &dir).unwrap();
    let before = w.index_bytes();
    w.run(["rm", "-y", "--delete", "tools"])
        .fails_with(&["symbolic link", "nothing was removed"]);
    assert_eq!(w.index_bytes(), before);
    assert!(precious.join("pyvenv.cfg").exists());
    // A plain directory without pyvenv.cfg is not deleted either.
    fs::remove_file(&dir).unwrap();
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("keep"), "x").unwrap();
    w.run(["rm", "-y", "--delete", "tools"])
        .fails_with(&["no pyvenv.cfg", "nothing was removed"]);
    assert!(dir.join("keep").exists());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn adopt_refuses_what_is_not_a_venv_with_the_reason() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let d = w.dir.path();
    fs::write(d.join("file"), "x").unwrap();
    fs::create_dir_all(d.join("plain")).unwrap();
    fs::create_dir_all(d.join("nopy")).unwrap();
    fs::write(d.join("nopy/pyvenv.cfg"), "home = /usr/bin\n").unwrap();
    for (path, why) in [
        ("missing", "does not exist"),
        ("file", "is a file"),
        ("plain", "no pyvenv.cfg"),
        ("nopy", "no bin/python"),
    ] {
        w.run(["adopt", d.join(path).to_str().unwrap()])
            .fails_with(&["cannot adopt", why]);
    }
    // A name envreg refuses: the error suggests a valid one.
    let dir = d.join("my tools");
    venv(&py, &dir);
    w.run(["adopt", dir.to_str().unwrap()])
        .fails_with(&["a space", "--name my-tools"]);
    w.run(["adopt", dir.to_str().unwrap(), "--name", "a/b"])
        .fails_with(&["'/'", "--name a-b"]);
    assert!(w.index_bytes().is_none());
    w.run(["adopt", dir.to_str().unwrap(), "--name", "my-tools"])
        .ok();
    assert_eq!(w.names(), ["my-tools"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn env_dirs_have_the_layout_vscode_and_pycharm_look_for() {
    // VS Code's venv locator (python.venvFolders / python.venvPath) and
    // PyCharm's "existing environment" take a directory with pyvenv.cfg and
    // bin/python; `.project` names the project as virtualenvwrapper does.
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("api", &py, &["--no-pip"]);
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["ls", "--json"]).ok().stdout).unwrap();
    let path = Path::new(json[0]["path"].as_str().unwrap());
    assert_eq!(path.parent().unwrap(), w.envreg_home().join("envs"));
    assert!(path.join("pyvenv.cfg").is_file());
    let python = path.join("bin/python");
    assert!(python.metadata().unwrap().is_file());
    let prefix = run_ok(&python, &["-c", "import sys; print(sys.prefix)"]);
    assert_eq!(prefix.trim(), path.to_str().unwrap());
    // VS Code's virtualenvwrapper locator reads the project from ENV/.project:
    // one line, the absolute directory; the registry keeps it in step.
    assert!(!path.join(".project").exists(), "no project, no .project");
    let project = w.home().join("code/api");
    fs::create_dir_all(&project).unwrap();
    w.run(["set", "api", "--project", project.to_str().unwrap()])
        .ok();
    let canon = project.canonicalize().unwrap();
    assert_eq!(
        fs::read_to_string(path.join(".project")).unwrap(),
        format!("{}\n", canon.display())
    );
    w.run(["set", "api", "--no-project"]).ok();
    assert!(!path.join(".project").exists(), "--no-project removes it");
}

//! States an interrupted command leaves, built by hand: every command gives
//! the same answer about the name right after, and the name is usable.

use std::path::Path;

use crate::common::*;

/// `keep` and `victim` made, then the index as it was before `victim`
/// (what a kill between "rename into place" and "save the index" leaves),
/// with a stale `index.ron.tmp` beside it.
fn unrecorded_victim(py: &Path) -> World {
    let w = World::new();
    w.mkenv("keep", py, &["--no-pip"]);
    let before = w.index_bytes().unwrap();
    w.mkenv("victim", py, &["--no-pip"]);
    std::fs::write(w.index(), &before).unwrap();
    std::fs::write(w.index().with_extension("ron.tmp"), "(version: 1,").unwrap();
    w
}

const RECOVERED: &str = "registered 'victim': an interrupted 'envreg mkenv' had built it";

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn an_unrecorded_env_is_usable_by_every_command_at_once() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let py_s = py.to_str().unwrap();
    // ls lists it (and says once what happened).
    let w = unrecorded_victim(&py);
    let out = w.run(["ls", "--names"]).ok();
    assert_eq!(out.stdout, "keep\nvictim\n");
    assert!(out.stderr.contains(RECOVERED), "{}", out.stderr);
    let again = w.run(["ls", "--names"]).ok();
    assert_eq!(again.stderr, "", "reported once only");
    assert_eq!(again.stdout, "keep\nvictim\n");

    // path finds it.
    let w = unrecorded_victim(&py);
    let out = w.run(["path", "victim"]).ok();
    assert_eq!(out.stdout.trim(), w.env_dir("victim").to_str().unwrap());

    // show shows it.
    let w = unrecorded_victim(&py);
    let out = w.run(["show", "victim"]).ok();
    assert!(
        out.stdout.contains("status                ok"),
        "{}",
        out.stdout
    );

    // rm removes it.
    let w = unrecorded_victim(&py);
    w.run(["rm", "-y", "victim"]).ok();
    assert!(!w.env_dir("victim").exists());
    assert_eq!(w.names(), ["keep"]);

    // Re-running the interrupted mkenv says what it found, in one sentence;
    // then rm + mkenv start over.
    let w = unrecorded_victim(&py);
    let out = w
        .run(["mkenv", "victim", "-p", py_s, "--no-pip"])
        .fails_with(&["'victim' was created by an interrupted run and is registered now"]);
    assert!(
        out.stderr.contains("'envreg rm victim' starts over"),
        "{}",
        out.stderr
    );
    assert_eq!(w.names(), ["keep", "victim"]);
    w.run(["rm", "-y", "victim"]).ok();
    w.mkenv("victim", &py, &["--no-pip"]);
    assert_eq!(w.names(), ["keep", "victim"]);
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
    assert!(
        !w.index().with_extension("ron.tmp").exists(),
        "a temp file left by a dead writer is removed by the next command"
    );
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_restored_backup_without_the_env_contents_can_be_removed() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("web", &py, &["--no-pip"]);
    // What `tar --exclude-caches` restored from an env that had a
    // CACHEDIR.TAG: that file alone.
    let dir = w.env_dir("web");
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("CACHEDIR.TAG"),
        "Signature: 8a477f597d28d172789f06886806bc55\n",
    )
    .unwrap();
    let out = w.run(["ls", "--json"]).ok();
    assert!(
        out.stdout.contains("\"status\": \"broken\""),
        "{}",
        out.stdout
    );
    w.run(["rm", "-y", "web"]).ok();
    assert!(!dir.exists());
    w.mkenv("web", &py, &["--no-pip"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn rm_removes_envs_name_when_the_recorded_path_is_stale() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("web", &py, &["--no-pip"]);
    // A home moved with `mv`: the index still names the old place.
    let text = std::fs::read_to_string(w.index()).unwrap();
    let old = w.envreg_home().display().to_string();
    std::fs::write(w.index(), text.replace(&old, "/nonexistent/old-home")).unwrap();
    let out = w.run(["show", "web", "--json"]).ok();
    assert!(
        out.stdout.contains("\"status\": \"broken\""),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("moved or copied"), "{}", out.stdout);
    w.run(["rm", "-y", "web"]).ok();
    assert!(!w.env_dir("web").exists(), "rm said removed but left it");
    assert!(w.names().is_empty());
    // Nothing comes back at the next locked command.
    w.mkenv("other", &py, &["--no-pip"]);
    assert_eq!(w.names(), ["other"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn mkenv_succeeds_when_only_printing_its_path_fails() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    if !Path::new("/dev/full").exists() {
        skip("/dev/full is needed");
        return;
    }
    let w = World::new();
    let full = std::fs::File::options()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = w
        .cmd(["mkenv", "s2", "-p", py.to_str().unwrap(), "--no-pip"])
        .stdout(full)
        .output()
        .unwrap();
    let out = Out::from(out);
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert!(out.stderr.contains("created 's2'"), "{}", out.stderr);
    assert!(out.stderr.contains("cannot print"), "{}", out.stderr);
    assert_eq!(w.names(), ["s2"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn racing_rm_of_one_name_gives_the_true_reason() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    for round in 0..6 {
        w.mkenv("x", &py, &["--no-pip"]);
        let a = w
            .cmd(["rm", "-y", "x"])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let b = w
            .cmd(["rm", "-y", "x"])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        let ok = outs.iter().filter(|o| o.status.success()).count();
        assert_eq!(ok, 1, "round {round}: exactly one rm wins");
        for o in outs.iter().filter(|o| !o.status.success()) {
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                err.contains("no environment named 'x'"),
                "round {round}: {err}"
            );
            assert!(!err.contains("pyvenv.cfg"), "round {round}: {err}");
        }
        assert!(!w.env_dir("x").exists());
    }
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_recovered_env_keeps_its_prompt_exactly() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let prompt = r#"C:\new "dev" it's"#;
    w.mkenv("keep", &py, &["--no-pip"]);
    let before = w.index_bytes().unwrap();
    w.mkenv("p", &py, &["--no-pip", "--prompt", prompt]);
    std::fs::write(w.index(), &before).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["show", "p", "--json"]).ok().stdout).unwrap();
    assert_eq!(json["prompt"], prompt);
    let script = std::fs::read_to_string(w.env_dir("p").join("bin/activate")).unwrap();
    assert!(script.contains("new"), "the activate script has it too");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_new_env_carries_no_cachedir_tag() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &[]);
    assert!(!w.env_dir("a").join("CACHEDIR.TAG").exists());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn an_install_that_does_not_finish_leaves_an_incomplete_env() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let py_s = py.to_str().unwrap();
    // No index and no such wheel: pip fails half way.
    let out = w
        .run(["mkenv", "half", "-p", py_s, "-i", "no-such-package-here"])
        .fails_with(&["installing packages failed", "incomplete", "envreg rm half"]);
    assert!(out.stderr.contains("created 'half'"), "{}", out.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["show", "half", "--json"]).ok().stdout).unwrap();
    assert_eq!(json["status"], "incomplete", "{json}");
    assert!(
        json["status_reason"]
            .as_str()
            .unwrap()
            .contains("did not finish")
    );
    let table = w.run(["ls"]).ok().stdout;
    assert!(table.contains("incomplete"), "{table}");
    // Re-running says what it found; rm + mkenv start over.
    w.run(["mkenv", "half", "-p", py_s, "--no-pip"])
        .fails_with(&[
            "'half' exists, but it is incomplete",
            "'envreg rm half' starts over",
        ]);
    w.run(["rm", "-y", "half"]).ok();
    w.mkenv("half", &py, &["--no-pip"]);
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["show", "half", "--json"]).ok().stdout).unwrap();
    assert_eq!(json["status"], "ok", "{json}");
}

//! Health: workon/run refuse broken environments, `doctor` tells what is
//! wrong and what fixes it, `repair` fixes it. Interpreter upgrades, moves
//! and removals are simulated with a private copy of a pyenv interpreter in
//! the test's temporary directory (its executable copied, its library tree
//! linked), so the real installation is never touched.

use std::path::{Path, PathBuf};

use crate::common::*;

/// A private CPython at `root/VERSION/bin/pythonX.Y`, made from the pyenv one.
fn private_python(real: &Path, root: &Path) -> PathBuf {
    let install = real.parent().unwrap().parent().unwrap();
    let version = install.file_name().unwrap();
    let dest = root.join(version);
    std::fs::create_dir_all(dest.join("bin")).unwrap();
    for d in ["lib", "include", "share"] {
        if install.join(d).exists() {
            std::os::unix::fs::symlink(install.join(d), dest.join(d)).unwrap();
        }
    }
    let exe = dest.join("bin").join(real.file_name().unwrap());
    std::fs::copy(real, &exe).unwrap();
    exe
}

fn doctor_json(w: &World, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["doctor", "--json"];
    all.extend(args);
    let out = w.run(&all);
    let json = serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:#?}"));
    (out.code, json)
}

/// The problem kinds and fixes `doctor --json` gives for `name`.
fn problems(w: &World, name: &str) -> Vec<(String, String)> {
    let (_, json) = doctor_json(w, &[name]);
    json["envs"][0]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap().to_string(),
                p["fix"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn status(w: &World, name: &str) -> String {
    let out = w.run(["show", name, "--json"]).ok();
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    json["status"].as_str().unwrap().to_string()
}

fn break_python(dir: &Path) {
    let python = dir.join("bin/python");
    std::fs::remove_file(&python).unwrap();
    std::os::unix::fs::symlink("/nonexistent/python3.11", &python).unwrap();
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn workon_and_run_refuse_a_broken_env_with_the_reason_and_the_fix() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    w.run(["path", "--workon", "--", "a"]).ok();
    break_python(&w.env_dir("a"));
    let out = w.run(["path", "--workon", "--", "a"]).fails_with(&[
        "'a' is broken",
        "its interpreter /nonexistent/python3.11 no longer exists",
        "workon did not activate it",
        "hint: 'envreg repair a' fixes it",
        "--force",
    ]);
    assert_eq!(out.stdout, "", "workon must get nothing to activate");
    let forced = w.run(["path", "--workon", "--force", "--", "a"]).ok();
    assert!(
        forced
            .stdout
            .starts_with(&format!("{}\n", w.env_dir("a").display()))
    );

    let marker = w.dir.path().join("ran");
    let touch = ["run", "a", "--", "touch", marker.to_str().unwrap()];
    w.run(touch)
        .fails_with(&["'a' is broken", "no longer exists", "envreg repair a"]);
    assert!(!marker.exists());

    // A missing directory: refused too, with its fix.
    std::fs::remove_dir_all(w.env_dir("a")).unwrap();
    w.run(["path", "--workon", "--", "a"])
        .fails_with(&["is gone", "envreg rm a"]);
    w.run(touch).fails_with(&["'a' is missing", "envreg rm a"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_no_pip_env_has_a_pip_that_says_so_until_set_pip_seeds_it() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let bin = w.env_dir("a").join("bin");
    for pip in ["pip", "pip3", "pip3.12"] {
        let out = std::process::Command::new(bin.join(pip))
            .arg("install")
            .arg("x")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{pip}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("this env has no pip: 'envreg set a --pip'")
                && err.contains("python -m ensurepip"),
            "{err}"
        );
    }
    w.run(["set", "a", "--pip"]).ok();
    let version = run_ok(&bin.join("pip"), &["--version"]);
    assert!(
        version.contains(&w.env_dir("a").display().to_string()),
        "{version}"
    );
    let show: serde_json::Value =
        serde_json::from_str(&w.run(["show", "a", "--json"]).ok().stdout).unwrap();
    assert_eq!(show["pip"], true);
    // Again: nothing to do, no error.
    w.run(["set", "a", "--pip"]).ok();
    assert_eq!(problems(&w, "a"), vec![]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_removed_interpreter_and_home_leftovers_are_reported() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let private = private_python(&py, &w.dir.path().join("py"));
    w.mkenv("e", &private, &["--no-pip"]);
    w.mkenv("fine", &py, &["--no-pip"]);
    let (code, json) = doctor_json(&w, &[]);
    assert_eq!(code, Some(0), "{json}");
    std::fs::remove_dir_all(w.dir.path().join("py")).unwrap();
    assert_eq!(status(&w, "e"), "broken");
    assert_eq!(
        problems(&w, "e"),
        vec![("interpreter_gone".into(), "envreg repair e".into())]
    );
    // A staging directory a killed run left, and a stray directory.
    let envs = w.envreg_home().join("envs");
    std::fs::create_dir(envs.join(".tmp-x-00000000000000000000000000000001-1x0")).unwrap();
    std::fs::create_dir(envs.join("junk")).unwrap();
    std::fs::write(envs.join("junk/notes.txt"), "mine").unwrap();
    let (code, json) = doctor_json(&w, &[]);
    assert_eq!(code, Some(1));
    let kinds: Vec<&str> = json["home"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["stale_staging", "orphan_dir"], "{json}");
    let fine = json["envs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "fine")
        .unwrap();
    assert_eq!(fine["problems"], serde_json::json!([]));
    // The table names the problem and the fix.
    let out = w.run(["doctor"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stdout.contains("no longer exists") && out.stdout.contains("envreg repair e"),
        "{out:#?}"
    );
    // Named envs only: the home is not looked at.
    assert_eq!(w.run(["doctor", "fine"]).code, Some(0));
    w.run(["doctor", "nope"])
        .fails_with(&["no environment named 'nope'"]);
}

/// An env on a private 3.12 with a local wheel and its console script.
struct Upgrade {
    w: World,
    wheels: PathBuf,
    private: PathBuf,
}

impl Upgrade {
    fn new(py: &Path) -> Upgrade {
        let w = World::new();
        let wheels = w.dir.path().join("wheels");
        std::fs::create_dir_all(&wheels).unwrap();
        make_wheel_with_script(py, &wheels, "healthpkg", "1.0", Some("healthpkg-run"));
        let private = private_python(py, &w.dir.path().join("py"));
        let t = Upgrade { w, wheels, private };
        let private = t.private.display().to_string();
        t.run(&["mkenv", "e", "-p", &private, "-i", "healthpkg"])
            .ok();
        t
    }

    fn run(&self, args: &[&str]) -> Out {
        Out::from(
            self.w
                .cmd(args)
                .env("PIP_FIND_LINKS", &self.wheels)
                .output()
                .unwrap(),
        )
    }

    /// The env works: import, console script, and the same packages.
    fn works(&self) {
        let dir = self.w.env_dir("e");
        run_ok(
            &dir.join("bin/python"),
            &["-c", "import healthpkg, sys, site"],
        );
        let out = run_ok(&dir.join("bin/healthpkg-run"), &[]);
        assert_eq!(out.trim(), format!("healthpkg 1.0 from {}", dir.display()));
        let list = run_ok(
            &dir.join("bin/python"),
            &["-m", "pip", "list", "--format=freeze"],
        );
        let names: Vec<&str> = list
            .lines()
            .map(|l| l.split("==").next().unwrap())
            .filter(|n| *n != "pip" && *n != "setuptools")
            .collect();
        assert_eq!(names, ["healthpkg"], "{list}");
        assert_eq!(status(&self.w, "e"), "ok");
        assert_eq!(problems(&self.w, "e"), vec![]);
    }
}

fn set_cfg_version(dir: &Path, version: &str) {
    let cfg = dir.join("pyvenv.cfg");
    let text = std::fs::read_to_string(&cfg).unwrap();
    let edited: String = text
        .lines()
        .map(|l| {
            if l.starts_with("version = ") {
                format!("version = {version}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&cfg, edited).unwrap();
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_patch_upgrade_and_a_moved_interpreter_are_repointed_in_place() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let t = Upgrade::new(&py);
    let w = &t.w;
    let dir = w.env_dir("e");
    t.works();
    let real_version = std::fs::read_to_string(dir.join("pyvenv.cfg"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("version = ").map(str::to_string))
        .unwrap();
    // (a) a patch upgrade: the env says it was built for an older patch.
    set_cfg_version(&dir, "3.12.0");
    assert_eq!(
        problems(w, "e"),
        vec![("patch_changed".into(), "envreg repair e".into())]
    );
    let site_before = std::fs::read_dir(dir.join("lib/python3.12/site-packages"))
        .unwrap()
        .count();
    t.run(&["repair", "e"]).ok();
    let cfg = std::fs::read_to_string(dir.join("pyvenv.cfg")).unwrap();
    assert!(
        cfg.contains(&format!("version = {real_version}\n")),
        "{cfg}"
    );
    assert_eq!(
        std::fs::read_dir(dir.join("lib/python3.12/site-packages"))
            .unwrap()
            .count(),
        site_before,
        "a re-point leaves the packages alone"
    );
    t.works();

    // (a') the interpreter moved away: the same minor is found elsewhere
    // (pyenv's own 3.12) and the env is re-pointed to it.
    std::fs::rename(w.dir.path().join("py"), w.dir.path().join("moved")).unwrap();
    assert_eq!(status(w, "e"), "broken");
    assert_eq!(
        problems(w, "e"),
        vec![("interpreter_gone".into(), "envreg repair e".into())]
    );
    let link_before = std::fs::read_link(dir.join("bin/python")).unwrap();
    let out = t.run(&["repair", "e", "--dry-run"]).ok();
    assert!(
        out.stderr.contains("e: would re-point to CPython 3.12"),
        "{out:#?}"
    );
    assert_eq!(
        std::fs::read_link(dir.join("bin/python")).unwrap(),
        link_before
    );
    t.run(&["repair", "e"]).ok();
    let link = std::fs::read_link(dir.join("bin/python")).unwrap();
    assert!(!link.starts_with(w.dir.path()), "{}", link.display());
    t.works();
    // Healthy: nothing to do.
    let out = t.run(&["repair", "e"]).ok();
    assert!(out.stderr.contains("e: nothing to repair"), "{out:#?}");
    let _ = t.private.exists();
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_py_3_13)),
    ignore = "needs pyenv CPython 3.12 and 3.13"
)]
fn a_gone_minor_is_rebuilt_with_the_same_packages_and_settings() {
    let (Some(py), Some(_)) = (need_python("3.12"), need_python("3.13")) else {
        return;
    };
    let t = Upgrade::new(&py);
    let w = &t.w;
    let project = w.dir.path().join("proj");
    std::fs::create_dir(&project).unwrap();
    t.run(&[
        "set",
        "e",
        "--var",
        "K=V",
        "--project",
        project.to_str().unwrap(),
        "--add-path",
        "/opt/extra",
        "--prompt",
        "my e",
    ])
    .ok();
    // (b) 3.12 is removed; 3.13 is offered.
    std::fs::remove_dir_all(w.dir.path().join("py")).unwrap();
    assert_eq!(status(w, "e"), "broken");
    let out = t.run(&["repair", "e", "-p", "3.13", "--dry-run"]).ok();
    assert!(
        out.stderr.contains("e: would rebuild on CPython 3.13")
            && out.stderr.contains("healthpkg==1.0"),
        "{out:#?}"
    );
    assert_eq!(status(w, "e"), "broken", "--dry-run changed something");
    t.run(&["repair", "e", "-p", "3.13"]).ok();
    t_works_313(&t);
    let show: serde_json::Value =
        serde_json::from_str(&w.run(["show", "e", "--json"]).ok().stdout).unwrap();
    assert!(
        show["python"].as_str().unwrap().starts_with("3.13."),
        "{show}"
    );
    assert_eq!(show["vars"]["K"], "V");
    assert_eq!(show["project"], project.display().to_string());
    assert_eq!(show["prompt"], "my e");
    assert_eq!(show["extra_paths"], serde_json::json!(["/opt/extra"]));
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
}

/// [`Upgrade::works`] for the rebuilt env (its site-packages moved to 3.13).
fn t_works_313(t: &Upgrade) {
    t.works();
    assert!(
        t.w.env_dir("e")
            .join("lib/python3.13/site-packages")
            .is_dir()
    );
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_py_3_13, envreg_test_full)),
    ignore = "full matrix"
)]
fn a_package_that_fails_keeps_the_old_env_unless_allow_partial() {
    let (Some(py), Some(_)) = (need_python("3.12"), need_python("3.13")) else {
        return;
    };
    let t = Upgrade::new(&py);
    let w = &t.w;
    // The wheelhouse is gone: healthpkg cannot be installed offline.
    std::fs::remove_dir_all(&t.wheels).unwrap();
    std::fs::create_dir(&t.wheels).unwrap();
    t.run(&["repair", "e", "-p", "3.13"]).fails_with(&[
        "healthpkg==1.0",
        "'e' was left as it was",
        "--allow-partial",
    ]);
    let show: serde_json::Value =
        serde_json::from_str(&w.run(["show", "e", "--json"]).ok().stdout).unwrap();
    assert!(show["python"].as_str().unwrap().starts_with("3.12."));
    run_ok(
        &w.env_dir("e").join("bin/python"),
        &["-c", "import healthpkg"],
    );
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
    let out = t
        .run(&["repair", "e", "-p", "3.13", "--allow-partial"])
        .ok();
    assert!(out.stderr.contains("WITHOUT: healthpkg==1.0"), "{out:#?}");
    assert!(w.env_dir("e").join("lib/python3.13").is_dir());
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_py_3_13, envreg_test_full)),
    ignore = "full matrix"
)]
fn a_kill_during_a_rebuild_leaves_a_working_env() {
    use std::os::unix::process::ExitStatusExt;
    let (Some(py), Some(_)) = (need_python("3.12"), need_python("3.13")) else {
        return;
    };
    for point in [
        "repair.staged",
        "repair.built",
        "repair.trashed",
        "repair.renamed",
        "repair.committed",
        "repair.deleted",
    ] {
        let t = Upgrade::new(&py);
        let out =
            t.w.cmd(["repair", "e", "-p", "3.13"])
                .env("PIP_FIND_LINKS", &t.wheels)
                .env("ENVREG_CRASH_AT", point)
                .output()
                .unwrap();
        assert_eq!(out.status.signal(), Some(9), "{point}");
        t.w.run(["ls"]).ok();
        assert!(t.w.leftovers().is_empty(), "{point}: {:?}", t.w.leftovers());
        let dir = t.w.env_dir("e");
        run_ok(&dir.join("bin/python"), &["-c", "import healthpkg"]);
        run_ok(&dir.join("bin/healthpkg-run"), &[]);
        // Old or new, never a mix: one lib/pythonX.Y.
        let libs = std::fs::read_dir(dir.join("lib")).unwrap().count();
        assert_eq!(libs, 1, "{point}");
    }
}

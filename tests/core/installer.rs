//! `--installer pip|uv` / ENVREG_INSTALLER: both installers give the same
//! environment, pip's index settings reach uv, a missing uv or a Python 2
//! environment is refused before anything is made, and the uv hint shows
//! only on a terminal. Offline: local wheels, uv's cache in the test's HOME.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// uv's own index settings removed, so that only what envreg carries over
/// from the PIP_* variables can reach uv.
fn no_uv_settings(cmd: &mut Command) -> &mut Command {
    for var in [
        "UV_INDEX_URL",
        "UV_DEFAULT_INDEX",
        "UV_EXTRA_INDEX_URL",
        "UV_INDEX",
        "UV_FIND_LINKS",
        "UV_NO_INDEX",
        "UV_OFFLINE",
        "ENVREG_INSTALLER",
        "ENVREG_UV",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// Two folders of wheels (names no index has): a package in each.
fn wheel_dirs(w: &World, py: &Path) -> (PathBuf, PathBuf) {
    let (one, two) = (w.dir.path().join("one"), w.dir.path().join("two"));
    std::fs::create_dir(&one).unwrap();
    std::fs::create_dir(&two).unwrap();
    make_wheel(py, &one, "envreg_test_pkga", "1.0");
    make_wheel(py, &two, "envreg_test_pkgb", "2.0");
    (one, two)
}

/// `pip list --format=json` of an env, as sorted (name, version) pairs.
fn pip_list(env: &Path) -> Vec<(String, String)> {
    let out = run_ok(
        &env.join("bin/python"),
        &["-m", "pip", "list", "--format=json"],
    );
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut pairs: Vec<(String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_lowercase().replace('_', "-"),
                p["version"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    pairs.sort();
    pairs
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_uv)),
    ignore = "needs pyenv CPython 3.12 and uv"
)]
fn both_installers_install_the_same_set() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let (one, two) = wheel_dirs(&w, &py);
    let req = w.dir.path().join("req.txt");
    std::fs::write(&req, "envreg_test_pkgb==2.0\n").unwrap();
    for installer in ["pip", "uv"] {
        let out = no_uv_settings(&mut w.cmd([
            "mkenv",
            installer,
            "-p",
            py.to_str().unwrap(),
            "--installer",
            installer,
            "-r",
            req.to_str().unwrap(),
            "-i",
            "envreg_test_pkga",
        ]))
        .env(
            "PIP_FIND_LINKS",
            format!("{} {}", two.display(), one.display()),
        )
        .output()
        .unwrap();
        let out = Out::from(out);
        assert_eq!(out.code, Some(0), "{installer}: {out:#?}");
    }
    let (p, u) = (pip_list(&w.env_dir("pip")), pip_list(&w.env_dir("uv")));
    assert!(
        p.iter().any(|(n, v)| n == "envreg-test-pkga" && v == "1.0")
            && p.iter().any(|(n, v)| n == "envreg-test-pkgb" && v == "2.0")
            && p.iter().any(|(n, _)| n == "pip"),
        "{p:?}"
    );
    assert_eq!(p, u, "pip's env and uv's env differ");
    // Both finished: neither is marked incomplete.
    let ls = w.run(["ls", "--json"]).ok().stdout;
    assert!(!ls.contains("incomplete"), "{ls}");
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_uv)),
    ignore = "needs pyenv CPython 3.12 and uv"
)]
fn pip_find_links_and_no_index_carry_over_to_uv() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let (_, two) = wheel_dirs(&w, &py);
    let third = w.dir.path().join("three");
    std::fs::create_dir(&third).unwrap();
    make_wheel(&py, &third, "envreg_test_pkgc", "3.0");
    // Only pip's variables say where the wheels are and that no index is
    // to be used (space-separated folders, a "true" pip reads as yes).
    let mkenv = |name: &str, no_index: &str| {
        let mut cmd = w.cmd([
            "mkenv",
            name,
            "-p",
            py.to_str().unwrap(),
            "--installer",
            "uv",
            "--no-pip",
            "-i",
            "envreg_test_pkgb",
            "-i",
            "envreg_test_pkgc",
        ]);
        no_uv_settings(&mut cmd)
            .env(
                "PIP_FIND_LINKS",
                format!("{} {}", two.display(), third.display()),
            )
            .env("PIP_NO_INDEX", no_index)
            // An index that does not answer: used only if --no-index is lost.
            .env("PIP_INDEX_URL", "http://127.0.0.1:9/simple");
        Out::from(cmd.output().unwrap())
    };
    let out = mkenv("carried", "true");
    assert_eq!(out.code, Some(0), "{out:#?}");
    let env = w.env_dir("carried");
    let got = run_ok(
        &env.join("bin/python"),
        &[
            "-c",
            "import envreg_test_pkgb as b, envreg_test_pkgc as c; print(b.VALUE, c.VALUE)",
        ],
    );
    assert_eq!(got.trim(), "2.0 3.0");
    // --no-pip with uv: no pip module, only envreg's stand-in script.
    let no_pip = std::process::Command::new(env.join("bin/python"))
        .args(["-c", "import pip"])
        .output()
        .unwrap();
    assert!(
        !no_pip.status.success(),
        "--no-pip with uv: pip is importable"
    );
    let stand_in = std::process::Command::new(env.join("bin/pip"))
        .output()
        .unwrap();
    assert_eq!(stand_in.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&stand_in.stderr).contains("this env has no pip"));

    // PIP_NO_INDEX=0 is false for pip: uv then asks the (dead) index first
    // and fails, which shows PIP_INDEX_URL reached it too.
    let out = mkenv("indexed", "0");
    let out = out.fails_with(&["installing packages failed", "uv pip install failed"]);
    assert!(out.stderr.contains("127.0.0.1:9"), "{out:#?}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn uv_missing_fails_before_anything_is_made() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("before", &py, &["--no-pip"]);
    let index = w.index_bytes();
    let nowhere = w.dir.path().join("no-such-uv");
    let empty = w.dir.path().join("empty-bin");
    std::fs::create_dir(&empty).unwrap();
    let py_s = py.to_str().unwrap();

    // --installer uv, ENVREG_UV pointing nowhere.
    let out = Out::from(
        no_uv_settings(&mut w.cmd(["mkenv", "new", "-p", py_s, "--installer", "uv", "-i", "x"]))
            .env("ENVREG_UV", &nowhere)
            .output()
            .unwrap(),
    );
    out.fails_with(&[
        "uv cannot be found",
        "ENVREG_UV=",
        "no-such-uv",
        "pipx install uv",
        "pip install uv",
        "hint: or install with pip: drop --installer uv",
    ]);
    // ENVREG_INSTALLER=uv, and no uv on PATH.
    let out = Out::from(
        no_uv_settings(&mut w.cmd(["mkenv", "new", "-p", py_s, "-r", "/dev/null"]))
            .env("ENVREG_INSTALLER", "uv")
            .env("PATH", &empty)
            .output()
            .unwrap(),
    );
    out.fails_with(&[
        "ENVREG_INSTALLER=uv",
        "uv is not on PATH",
        "pipx install uv",
        "unset ENVREG_INSTALLER",
    ]);
    // A value envreg does not know.
    let out = Out::from(
        no_uv_settings(&mut w.cmd(["mkenv", "new", "-p", py_s, "-i", "x"]))
            .env("ENVREG_INSTALLER", "poetry")
            .output()
            .unwrap(),
    );
    out.fails_with(&["ENVREG_INSTALLER=poetry", "'pip' or 'uv'"]);

    assert_eq!(w.index_bytes(), index, "the index changed");
    assert!(!w.env_dir("new").exists());
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
    assert_eq!(w.names(), ["before"]);

    // Without packages to install, the installer is not needed.
    let out = Out::from(
        no_uv_settings(&mut w.cmd(["mkenv", "plain", "-p", py_s, "--no-pip"]))
            .env("ENVREG_INSTALLER", "uv")
            .env("ENVREG_UV", &nowhere)
            .output()
            .unwrap(),
    );
    assert_eq!(out.code, Some(0), "{out:#?}");
}

#[test]
#[cfg_attr(
    not(all(has_py_2_7, has_py_3_12, has_uv)),
    ignore = "needs pyenv CPython 2.7, 3.12 and uv"
)]
fn python_2_7_refuses_installer_uv_and_the_default_falls_back_to_pip() {
    let (Some(py27), Some(py3)) = (need_python("2.7"), need_python("3.12")) else {
        return;
    };
    let w = World::new();
    let wheels = w.dir.path().join("wheels");
    std::fs::create_dir(&wheels).unwrap();
    // A pure-Python wheel that Python 2's pip accepts (py2.py3 tag).
    let py3only = make_wheel(&py3, &wheels, "envreg_test_old", "1.0");
    let both = wheels.join("envreg_test_old-1.0-py2.py3-none-any.whl");
    std::fs::rename(&py3only, &both).unwrap();
    let py27_s = py27.to_str().unwrap();

    let out = Out::from(
        no_uv_settings(&mut w.cmd([
            "mkenv",
            "old",
            "-p",
            py27_s,
            "--installer",
            "uv",
            "-i",
            "envreg_test_old",
        ]))
        .env("PIP_FIND_LINKS", &wheels)
        .output()
        .unwrap(),
    );
    let out = out.fails_with(&["uv does not install into Python 2.7", "--installer uv"]);
    assert!(out.stderr.contains("hint: drop --installer uv"), "{out:#?}");
    assert!(w.index_bytes().is_none(), "the index was written");
    assert!(!w.env_dir("old").exists());
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());

    // uv only as the default: pip installs, with a note.
    let out = Out::from(
        no_uv_settings(&mut w.cmd(["mkenv", "old", "-p", py27_s, "-i", "envreg_test_old"]))
            .env("ENVREG_INSTALLER", "uv")
            .env("PIP_FIND_LINKS", &wheels)
            .output()
            .unwrap(),
    );
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert!(
        out.stderr
            .contains("uv does not install into Python 2.7.18; installing with pip")
            || out
                .stderr
                .contains("installing with pip (ENVREG_INSTALLER=uv"),
        "{out:#?}"
    );
    let got = run_ok(
        &w.env_dir("old").join("bin/python"),
        &["-c", "import envreg_test_old; print(envreg_test_old.VALUE)"],
    );
    assert_eq!(got.trim(), "1.0");
}

/// The hint after a slow pip install: on a terminal only, once, and not when
/// pip was chosen explicitly. "Slow" is any install here: the debug-only
/// ENVREG_INSTALL_HINT_MS=0 lowers the 2 s threshold (release builds ignore it).
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_uv, has_script)),
    ignore = "needs pyenv CPython 3.12, uv and util-linux script"
)]
fn the_uv_hint_shows_only_on_a_terminal() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    if !require("script") || !require("uv") {
        return;
    }
    let w = World::new();
    let wheels = w.dir.path().join("wheels");
    std::fs::create_dir(&wheels).unwrap();
    make_wheel(&py, &wheels, "envreg_test_pkga", "1.0");
    let hint = "export ENVREG_INSTALLER=uv, or pass --installer uv";
    let mkenv = |name: &str, extra: &str| {
        format!(
            "{BIN} mkenv {name} -p '{}' -i envreg_test_pkga {extra}",
            py.display()
        )
    };
    let on_terminal = |cmd: &str| {
        let mut c = Command::new("script");
        c.args(["-qec", cmd, "/dev/null"]);
        for (k, v) in w.cmd(["x"]).get_envs() {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        no_uv_settings(&mut c)
            .env("ENVREG_INSTALL_HINT_MS", "0")
            .env("PIP_FIND_LINKS", &wheels)
            .stdin(std::process::Stdio::null());
        Out::from(c.output().unwrap())
    };
    // Three runs at once (each is a pip run): on a terminal; on a terminal
    // with pip chosen explicitly (an empty requirements file: pip still
    // runs); not on a terminal.
    let empty = w.dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let chosen_cmd = format!(
        "{BIN} mkenv chosen -p '{}' -r '{}' --installer pip",
        py.display(),
        empty.display()
    );
    let (tty, chosen, piped) = std::thread::scope(|s| {
        let tty = s.spawn(|| on_terminal(&mkenv("tty", "")));
        let chosen = s.spawn(|| on_terminal(&chosen_cmd));
        let piped = s.spawn(|| {
            Out::from(
                no_uv_settings(&mut w.cmd([
                    "mkenv",
                    "piped",
                    "-p",
                    py.to_str().unwrap(),
                    "-r",
                    empty.to_str().unwrap(),
                ]))
                .env("ENVREG_INSTALL_HINT_MS", "0")
                .output()
                .unwrap(),
            )
        });
        (
            tty.join().unwrap(),
            chosen.join().unwrap(),
            piped.join().unwrap(),
        )
    });
    // On a terminal: the hint, once (script merges stderr into its output).
    assert_eq!(tty.code, Some(0), "{tty:#?}");
    assert_eq!(tty.stdout.matches(hint).count(), 1, "{tty:#?}");
    assert!(tty.stdout.contains("installing with pip took"), "{tty:#?}");
    // pip chosen explicitly: no hint.
    assert_eq!(chosen.code, Some(0), "{chosen:#?}");
    assert!(chosen.stdout.contains("created 'chosen'"), "{chosen:#?}");
    assert!(!chosen.stdout.contains(hint), "{chosen:#?}");
    // Not a terminal: no hint.
    assert_eq!(piped.code, Some(0), "{piped:#?}");
    assert!(!piped.stderr.contains(hint), "{piped:#?}");
}

/// `pip install uv` into a pyenv Python puts a shim on PATH whose `pyenv
/// exec` costs about 200 ms a run: envreg runs the uv the shim would run
/// (here PYENV_VERSION's), never the shim itself.
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_uv)),
    ignore = "needs pyenv CPython 3.12 and uv"
)]
fn a_pyenv_shim_for_uv_is_seen_through() {
    use std::os::unix::fs::PermissionsExt;
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let (one, _) = wheel_dirs(&w, &py);
    let root = w.dir.path().join("fake-pyenv");
    let log = w.dir.path().join("uv.log");
    let exe = |path: &Path, body: &str| {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    let outer_path = std::env::var("PATH").unwrap();
    exe(
        &root.join("shims/uv"),
        &format!(
            "#!/bin/sh\necho shim >> '{}'\necho 'this stands for: pyenv exec uv' >&2\nexit 99\n",
            log.display()
        ),
    );
    exe(
        &root.join("versions/9.9.9/bin/uv"),
        &format!(
            "#!/bin/sh\necho real >> '{}'\nexec env -u PYENV_VERSION PATH='{outer_path}' uv \"$@\"\n",
            log.display()
        ),
    );
    let mut cmd = w.cmd([
        "mkenv",
        "shimmed",
        "-p",
        py.to_str().unwrap(),
        "--installer",
        "uv",
        "--no-pip",
        "-i",
        "envreg_test_pkga",
    ]);
    no_uv_settings(&mut cmd)
        .env(
            "PATH",
            format!("{}:{outer_path}", root.join("shims").display()),
        )
        .env("PYENV_VERSION", "9.9.9")
        .env("PIP_FIND_LINKS", &one)
        .env("PIP_NO_INDEX", "1");
    let out = Out::from(cmd.output().unwrap());
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "real\n");
    let got = run_ok(
        &w.env_dir("shimmed").join("bin/python"),
        &["-c", "import envreg_test_pkga as a; print(a.VALUE)"],
    );
    assert_eq!(got.trim(), "1.0");
}

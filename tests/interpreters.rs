//! Interpreters beyond CPython 3: Python 2.7 (a virtualenv-style env with our
//! own site.py) and PyPy (pip seeded from another source when it bundles
//! none), built by the real binary and run with their own python and pip.
//! Also `-p` spellings and `envreg python ls`.

#![cfg(unix)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::world::*;

fn eval(python: &Path, code: &str) -> String {
    run_ok(python, &["-c", code]).trim().to_string()
}

/// A local pure-Python wheel that pip 19 on Python 2 accepts: the helper's
/// wheel renamed to the py2.py3 tag (pip reads the tag from the file name).
fn universal_wheel(python: &Path, dir: &Path, name: &str) -> PathBuf {
    let wheel = make_wheel(python, dir, name, "1.0");
    let universal = dir.join(format!("{name}-1.0-py2.py3-none-any.whl"));
    std::fs::rename(&wheel, &universal).unwrap();
    universal
}

/// Source `activate` in bash, print what the env looks like, deactivate and
/// print what is left.
fn bash_activation(env: &Path) -> String {
    let script = format!(
        "source '{}/bin/activate' || exit 9\n\
         echo \"env=$VIRTUAL_ENV\"\n\
         echo \"python=$(command -v python)\"\n\
         echo \"prefix=$(python -c 'import sys; print(sys.prefix)')\"\n\
         deactivate\n\
         echo \"after=${{VIRTUAL_ENV:-unset}}\"\n\
         echo \"path=$PATH\"\n",
        env.display()
    );
    let out = Command::new("bash")
        .args(["--noprofile", "--norc", "-c", &script])
        .env_remove("VIRTUAL_ENV")
        .env_remove("PYTHONHOME")
        .env("PATH", "/usr/bin:/bin")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
#[cfg_attr(not(has_py_2_7), ignore = "needs pyenv CPython 2.7")]
fn python_2_7_env_works_with_pip_and_activation() {
    let Some(base) = need_python("2.7") else {
        return;
    };
    let base_prefix = base.parent().unwrap().parent().unwrap();
    let w = World::new();
    // `-p 2.7` is found in pyenv's versions (PYENV_ROOT points there).
    let out = w.run(["mkenv", "old", "-p", "2.7"]).ok();
    let env = w.env_dir("old");
    assert_eq!(out.stdout.trim_end(), env.to_str().unwrap());
    assert!(out.stderr.contains("CPython 2.7"), "{}", out.stderr);
    let python = env.join("bin/python");

    // The executable is a copy: through a link 2.7 would take the base as
    // its prefix. The other names are links to it.
    let meta = std::fs::symlink_metadata(&python).unwrap();
    assert!(meta.file_type().is_file(), "bin/python must be a copy");
    for name in ["python2", "python2.7"] {
        assert_eq!(
            std::fs::read_link(env.join("bin").join(name)).unwrap(),
            Path::new("python")
        );
    }
    let info = eval(
        &python,
        "import sys, site; print(sys.prefix); print(sys.exec_prefix); print(sys.real_prefix); \
         print(site.getsitepackages()[0]); print('\\n'.join(sys.path))",
    );
    let lines: Vec<&str> = info.lines().collect();
    let site = env.join("lib/python2.7/site-packages");
    assert_eq!(lines[0], env.to_str().unwrap(), "{info}");
    assert_eq!(lines[1], env.to_str().unwrap(), "{info}");
    assert_eq!(lines[2], base_prefix.to_str().unwrap(), "{info}");
    assert_eq!(lines[3], site.to_str().unwrap(), "{info}");
    assert!(lines.contains(&site.to_str().unwrap()), "{info}");
    let base_site = base_prefix.join("lib/python2.7/site-packages");
    assert!(
        !lines.contains(&base_site.to_str().unwrap()),
        "the base site-packages must stay off sys.path: {info}"
    );
    // The standard library comes from the base, whole: json is not linked.
    let json = eval(&python, "import json; print(json.__file__)");
    assert!(json.starts_with(base_prefix.to_str().unwrap()), "{json}");
    // Without site.py, the linked modules still give a working `os`.
    run_ok(
        &python,
        &["-S", "-c", "import os, re, codecs, encodings.utf_8"],
    );
    // No link in the env dangles.
    for entry in std::fs::read_dir(env.join("lib/python2.7")).unwrap() {
        let path = entry.unwrap().path();
        assert!(path.exists(), "{} dangles", path.display());
    }

    // pip 19.2.3 and setuptools from 2.7's own ensurepip bundle.
    let pip = env.join("bin/pip");
    let version = run_ok(&pip, &["--version"]);
    assert!(
        version.contains(site.to_str().unwrap()) && version.contains("python 2.7"),
        "{version}"
    );
    let via_m = run_ok(&python, &["-m", "pip", "--version"]);
    assert!(via_m.contains(site.to_str().unwrap()), "{via_m}");
    for launcher in ["pip2", "pip2.7", "easy_install", "easy_install-2.7"] {
        assert!(env.join("bin").join(launcher).is_file(), "{launcher}");
    }
    let setuptools = eval(&python, "import setuptools; print(setuptools.__file__)");
    assert!(
        setuptools.starts_with(site.to_str().unwrap()),
        "{setuptools}"
    );

    // A local wheel goes into the env only; uninstall removes it.
    let wheels = w.dir.path().join("wheels");
    std::fs::create_dir(&wheels).unwrap();
    let wheel = universal_wheel(&base, &wheels, "tinypkg27");
    run_ok(&pip, &["install", wheel.to_str().unwrap()]);
    assert_eq!(
        eval(&python, "import tinypkg27; print(tinypkg27.VALUE)"),
        "1.0"
    );
    assert!(site.join("tinypkg27.py").is_file());
    assert!(!base_site.join("tinypkg27.py").exists(), "the base got it");
    run_ok(&pip, &["uninstall", "-y", "tinypkg27"]);
    assert!(!site.join("tinypkg27.py").exists());

    // Activation and deactivation in bash.
    let shown = bash_activation(&env);
    assert!(
        shown.contains(&format!("env={}\n", env.display())),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("python={}\n", python.display())),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("prefix={}\n", env.display())),
        "{shown}"
    );
    assert!(
        shown.contains("after=unset\npath=/usr/bin:/bin\n"),
        "{shown}"
    );

    // ls judges it ok and records 2.7.18.
    let ls = w.run(["ls", "--json"]).ok().stdout;
    let ls: serde_json::Value = serde_json::from_str(&ls).unwrap();
    assert_eq!(ls[0]["status"], "ok", "{ls}");
    assert!(
        ls[0]["python"].as_str().unwrap().starts_with("2.7."),
        "{ls}"
    );

    // --system-site-packages puts the base's site-packages after the env's;
    // the env's python as -p stands for its base interpreter.
    w.run([
        "mkenv",
        "old-sys",
        "-p",
        python.to_str().unwrap(),
        "--no-pip",
        "--system-site-packages",
    ])
    .ok();
    let sys_env = w.env_dir("old-sys");
    let paths = eval(
        &sys_env.join("bin/python"),
        "import sys; print('\\n'.join(sys.path))",
    );
    let paths: Vec<&str> = paths.lines().collect();
    let own = sys_env.join("lib/python2.7/site-packages");
    let own_at = paths.iter().position(|p| *p == own.to_str().unwrap());
    let base_at = paths.iter().position(|p| *p == base_site.to_str().unwrap());
    assert!(
        matches!((own_at, base_at), (Some(a), Some(b)) if a < b),
        "{paths:?}"
    );
    // Without pip: `pip` is envreg's stand-in that says so.
    let pip = std::fs::read_to_string(sys_env.join("bin/pip")).unwrap();
    assert!(pip.contains("no-pip shim"), "{pip}");
    let cfg = std::fs::read_to_string(sys_env.join("pyvenv.cfg")).unwrap();
    assert!(
        cfg.contains(&format!("home = {}\n", base.parent().unwrap().display())),
        "{cfg}"
    );
    assert!(
        cfg.contains("include-system-site-packages = true\n"),
        "{cfg}"
    );
}

/// Debian's pypy3, which bundles no pip wheel (ensurepip without _bundled).
fn pypy3() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .map(|d| d.join("pypy3"))
        .find(|p| p.is_file());
    if found.is_none() {
        skip("pypy3 is not installed (apt-get install pypy3)");
    }
    found
}

#[test]
#[cfg_attr(not(has_pypy3), ignore = "needs pypy3")]
fn pypy_env_gets_pip_from_another_source_and_installs_a_wheel() {
    let Some(pypy) = pypy3() else {
        return;
    };
    let w = World::new();
    let out = w.run(["mkenv", "pp", "-p", "pypy3"]).ok();
    let env = w.env_dir("pp");
    assert!(out.stderr.contains("created 'pp' (PyPy"), "{}", out.stderr);
    let python = env.join("bin/python");
    let pip = env.join("bin/pip");
    let version = run_ok(&pip, &["--version"]);
    let site = eval(
        &python,
        "import sysconfig; print(sysconfig.get_path('purelib'))",
    );
    assert!(site.starts_with(env.to_str().unwrap()), "{site}");
    assert!(version.contains(&site), "{version}");
    if !out.stderr.contains("bundles no pip; seeding pip") {
        // A PyPy with its own bundle (not Debian's) needs no note.
        let stdlib = eval(
            &pypy,
            "import sysconfig; print(sysconfig.get_path('stdlib'))",
        );
        assert!(
            Path::new(&stdlib).join("ensurepip/_bundled").is_dir(),
            "{}",
            out.stderr
        );
    }

    let wheels = w.dir.path().join("wheels");
    std::fs::create_dir(&wheels).unwrap();
    let wheel = make_wheel(&pypy, &wheels, "tinypypkg", "1.0");
    run_ok(&pip, &["install", wheel.to_str().unwrap()]);
    assert_eq!(
        eval(
            &python,
            "import sys, tinypypkg; print(sys.implementation.name, tinypypkg.VALUE)"
        ),
        "pypy 1.0"
    );
    assert!(Path::new(&site).join("tinypypkg.py").is_file());
    let base_site = eval(
        &pypy,
        "import sysconfig; print(sysconfig.get_path('purelib'))",
    );
    assert!(!Path::new(&base_site).join("tinypypkg.py").exists());

    // Activation: the env's python first on PATH, its prefix the env, and
    // deactivate puts everything back.
    let shown = bash_activation(&env);
    let env_s = env.display();
    assert!(shown.contains(&format!("env={env_s}\n")), "{shown}");
    assert!(
        shown.contains(&format!("python={env_s}/bin/python\n")),
        "{shown}"
    );
    assert!(shown.contains(&format!("prefix={env_s}\n")), "{shown}");
    assert!(
        shown.contains("after=unset\npath=/usr/bin:/bin\n"),
        "{shown}"
    );

    // --no-pip only when asked.
    w.run(["mkenv", "bare", "-p", "pypy3", "--no-pip"]).ok();
    let pip = std::fs::read_to_string(w.env_dir("bare").join("bin/pip")).unwrap();
    assert!(pip.contains("no-pip shim"), "{pip}");
}

/// Each spelling of a request, through mkenv: the env's pyvenv.cfg names
/// the version it was built on.
#[test]
#[cfg_attr(
    not(all(has_py_2_7, has_py_3_12)),
    ignore = "needs pyenv CPython 2.7, pyenv CPython 3.12"
)]
fn python_requests_in_every_spelling() {
    let Some(py312) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let version_of = |name: &str| {
        let cfg = std::fs::read_to_string(w.env_dir(name).join("pyvenv.cfg")).unwrap();
        cfg.lines()
            .find_map(|l| l.strip_prefix("version = "))
            .unwrap()
            .to_string()
    };
    for (i, spec) in ["cpython@3.12", "cpython-3.12", "python3.12", "3.12"]
        .iter()
        .enumerate()
    {
        let name = format!("s{i}");
        w.run(["mkenv", &name, "-p", spec, "--no-pip"]).ok();
        assert!(version_of(&name).starts_with("3.12."), "{spec}");
    }
    // A venv's directory stands for its base interpreter.
    let venv = w.env_dir("s0");
    w.run([
        "mkenv",
        "from-venv",
        "-p",
        venv.to_str().unwrap(),
        "--no-pip",
    ])
    .ok();
    let cfg = std::fs::read_to_string(w.env_dir("from-venv").join("pyvenv.cfg")).unwrap();
    assert!(
        cfg.contains(&format!("executable = {}\n", py312.display())),
        "{cfg}"
    );
    if need_python("2.7").is_some() {
        w.run(["mkenv", "two", "-p", "python2.7", "--no-pip"]).ok();
        assert!(version_of("two").starts_with("2.7."));
    }
    // Anything else: the error lists the accepted forms.
    for bad in ["jython@2.7", "cpython@3.x", "no-such-python-xyz"] {
        w.run(["mkenv", "bad", "-p", bad]).fails_with(&[
            bad,
            "cpython@3.12",
            "pypy3.10",
            "path of an interpreter",
        ]);
    }
    // 3.0-3.5 are refused with the reason; the spelling is fine.
    let out = w.run(["mkenv", "bad", "-p", "cpython@3.5"]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(!w.env_dir("bad").exists());
}

#[test]
#[cfg_attr(
    not(all(has_py_2_7, has_py_3_12, has_pypy3)),
    ignore = "needs pyenv CPython 2.7, pyenv CPython 3.12, pypy3"
)]
fn python_ls_shows_source_implementation_and_version() {
    let (Some(py27), Some(py312)) = (need_python("2.7"), need_python("3.12")) else {
        return;
    };
    let w = World::new();
    let json = w.run(["python", "ls", "--json"]).ok().stdout;
    let list: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let find = |exe: &Path| {
        list.iter()
            .find(|i| i["executable"] == exe.to_str().unwrap())
            .unwrap_or_else(|| panic!("{} not listed: {json}", exe.display()))
            .clone()
    };
    let two = find(&py27);
    assert_eq!(two["source"], "pyenv");
    assert_eq!(two["implementation"], "CPython");
    assert!(two["version"].as_str().unwrap().starts_with("2.7."));
    assert_eq!(find(&py312)["source"], "pyenv");
    if let Some(pypy) = pypy3() {
        let listed = list
            .iter()
            .find(|i| i["path"] == pypy.to_str().unwrap())
            .unwrap_or_else(|| panic!("pypy3 not listed: {json}"));
        assert_eq!(listed["source"], "PATH");
        assert_eq!(listed["implementation"], "PyPy");
    }
    // Each real interpreter once.
    let mut exes: Vec<&str> = list
        .iter()
        .map(|i| i["executable"].as_str().unwrap())
        .collect();
    let total = exes.len();
    exes.sort();
    exes.dedup();
    assert_eq!(exes.len(), total, "{json}");

    let table = w.run(["python", "ls"]).ok().stdout;
    let header = table.lines().next().unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["IMPLEMENTATION", "VERSION", "SOURCE", "PATH"]
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("CPython") && l.contains(" 2.7.") && l.contains("pyenv")),
        "{table}"
    );
}

/// A 2.7 env is copied and renamed like any other (its python is a copy of
/// the base executable, its stdlib bits are links), and its activation
/// scripts work in zsh and fish too.
#[test]
#[cfg_attr(
    not(all(has_py_2_7, has_zsh, has_fish)),
    ignore = "needs pyenv CPython 2.7, zsh, fish"
)]
fn python_2_7_env_copies_renames_and_activates_in_every_posix_shell() {
    let Some(_base) = need_python("2.7") else {
        return;
    };
    let w = World::new();
    w.run(["mkenv", "two", "-p", "2.7"]).ok();
    w.run(["cp", "two", "copy"]).ok();
    w.run(["rm", "-y", "two"]).ok();
    w.run(["mv", "copy", "moved"]).ok();
    let env = w.env_dir("moved");
    let prefix = eval(&env.join("bin/python"), "import sys; print(sys.prefix)");
    assert_eq!(prefix, env.to_str().unwrap());
    let pip = run_ok(&env.join("bin/pip"), &["--version"]);
    assert!(pip.contains(env.to_str().unwrap()), "{pip}");
    let json = w.run(["show", "moved", "--json"]).ok().stdout;
    assert!(json.contains("\"status\": \"ok\""), "{json}");

    let shells: [(&str, &[&str], String); 2] = [
        (
            "zsh",
            &["-f", "-c"],
            format!(
                "source '{0}/bin/activate' && python -c 'import sys; print(sys.prefix)' \
                 && deactivate && echo \"after=${{VIRTUAL_ENV:-unset}}\"",
                env.display()
            ),
        ),
        (
            "fish",
            &["--no-config", "-c"],
            format!(
                "source '{0}/bin/activate.fish'; and python -c 'import sys; print(sys.prefix)'; \
                 and deactivate; and echo after=(set -q VIRTUAL_ENV; and echo set; or echo unset)",
                env.display()
            ),
        ),
    ];
    for (shell, args, script) in shells {
        let out = Command::new(shell)
            .args(args)
            .arg(&script)
            .env_remove("VIRTUAL_ENV")
            .env_remove("PYTHONHOME")
            .env("PATH", "/usr/bin:/bin")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{shell}: {out:?}");
        assert_eq!(
            stdout.lines().collect::<Vec<_>>(),
            [env.to_str().unwrap(), "after=unset"],
            "{shell}"
        );
    }
}

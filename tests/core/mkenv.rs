use std::path::{Path, PathBuf};

use crate::common::*;

const SUPPORTED: &[&str] = &["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

fn py_eval(env: &Path, code: &str) -> String {
    run_ok(&env.join("bin/python"), &["-c", code])
        .trim()
        .to_string()
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn mkenv_creates_registers_and_prints_the_path() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let out = w.mkenv("proj1", &py, &["--no-pip"]);
    let env = w.env_dir("proj1");
    assert_eq!(
        out.stdout.trim_end(),
        env.to_str().unwrap(),
        "stdout is the path"
    );
    assert!(out.stderr.contains("workon proj1"), "{}", out.stderr);
    assert!(w.index().is_file());
    assert_eq!(w.names(), ["proj1"]);
    // A real venv: its python's prefix is the env, base prefix the interpreter's.
    assert_eq!(
        py_eval(&env, "import sys; print(sys.prefix)"),
        env.to_str().unwrap()
    );
    let base = py.parent().unwrap().parent().unwrap();
    assert_eq!(
        py_eval(&env, "import sys; print(sys.base_prefix)"),
        base.to_str().unwrap()
    );
    assert!(env.join("pyvenv.cfg").is_file());
    // --no-pip: `pip` is only envreg's stand-in that says so.
    let pip = std::fs::read_to_string(env.join("bin/pip")).unwrap();
    assert!(pip.contains("no-pip shim"), "{pip}");
    assert!(
        !env.join("lib/python3.12/site-packages/pip").exists(),
        "--no-pip"
    );
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
}

/// Every supported CPython in the full run; one with setuptools seeded and
/// one without in the default run.
#[test]
#[cfg_attr(not(envreg_test_full), ignore = "full matrix: ENVREG_TEST_FULL=1")]
fn pip_is_seeded_and_works_for_every_supported_python() {
    pip_is_seeded_and_works(SUPPORTED);
}

#[test]
#[cfg_attr(
    not(all(has_py_3_11, has_py_3_12)),
    ignore = "needs pyenv CPython 3.11, 3.12"
)]
fn pip_is_seeded_and_works_for_3_11_and_3_12() {
    pip_is_seeded_and_works(&["3.11", "3.12"]);
}

fn pip_is_seeded_and_works(minors: &[&str]) {
    let w = World::new();
    let wheels = w.dir.path().join("wheels");
    std::fs::create_dir(&wheels).unwrap();
    let mut tried = 0;
    for minor in minors {
        let Some(py) = need_python(minor) else {
            continue;
        };
        tried += 1;
        let name = format!("py{}", minor.replace('.', ""));
        w.mkenv(&name, &py, &[]);
        let env = w.env_dir(&name);
        let pip = env.join("bin/pip");
        let site = py_eval(
            &env,
            "import sysconfig; print(sysconfig.get_path('purelib'))",
        );
        assert!(site.starts_with(env.to_str().unwrap()), "{site}");

        let version = run_ok(&pip, &["--version"]);
        assert!(
            version.contains(&site),
            "pip --version names {site}: {version}"
        );
        for launcher in ["pip3", &format!("pip{minor}")] {
            assert!(
                env.join("bin").join(launcher).is_file(),
                "{minor}: {launcher}"
            );
        }
        let has_setuptools = py_eval(
            &env,
            "import importlib.util as u; print(u.find_spec('setuptools') is not None)",
        );
        let old = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11"].contains(minor);
        assert_eq!(
            has_setuptools,
            if old { "True" } else { "False" },
            "{minor}"
        );

        // Install a local wheel into this env only.
        let wheel = make_wheel(&py, &wheels, "tinypkg", "1.0");
        run_ok(&pip, &["install", "--no-index", wheel.to_str().unwrap()]);
        assert_eq!(py_eval(&env, "import tinypkg; print(tinypkg.VALUE)"), "1.0");
        assert!(
            !Path::new(
                &run_ok(
                    &py,
                    &[
                        "-c",
                        "import sysconfig; print(sysconfig.get_path('purelib'))"
                    ]
                )
                .trim()
            )
            .join("tinypkg.py")
            .exists(),
            "the base interpreter must not get the package"
        );

        // pip can uninstall itself: its RECORD is valid.
        run_ok(&pip, &["uninstall", "-y", "pip"]);
        assert!(!pip.exists(), "{minor}: pip launcher left after uninstall");
        let gone = py_eval(
            &env,
            "import importlib.util as u; print(u.find_spec('pip') is None)",
        );
        assert_eq!(gone, "True", "{minor}");
    }
    eprintln!("seeded and exercised pip for {tried} Pythons");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn envs_share_the_cache_but_not_their_files() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &[]);
    w.mkenv("b", &py, &[]);
    run_ok(&w.env_dir("a").join("bin/pip"), &["uninstall", "-y", "pip"]);
    let out = run_ok(&w.env_dir("b").join("bin/pip"), &["--version"]);
    assert!(out.contains(w.env_dir("b").to_str().unwrap()), "{out}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn python_requests_resolve_in_every_form() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let version = |name: &str| -> String {
        let json: serde_json::Value =
            serde_json::from_str(&w.run(["show", name, "--json"]).ok().stdout).unwrap();
        json["python"].as_str().unwrap().to_string()
    };
    let full = run_ok(
        &py,
        &["-c", "import platform; print(platform.python_version())"],
    );
    let full = full.trim();

    // A version request, found under pyenv's versions/.
    w.run(["mkenv", "byver", "--no-pip", "-p", "3.12"]).ok();
    assert_eq!(version("byver"), full);
    w.run(["mkenv", "byfull", "--no-pip", "-p", full]).ok();
    assert_eq!(version("byfull"), full);
    // A path.
    w.mkenv("bypath", &py, &["--no-pip"]);
    assert_eq!(version("bypath"), full);
    // A command name on PATH.
    let path = std::env::join_paths([
        py.parent().unwrap(),
        Path::new("/usr/bin"),
        Path::new("/bin"),
    ])
    .unwrap();
    w.cmd(["mkenv", "bycmd", "--no-pip", "-p", "python3.12"])
        .env("PATH", &path)
        .status()
        .unwrap()
        .success()
        .then_some(())
        .expect("mkenv -p python3.12 with it on PATH");
    assert_eq!(version("bycmd"), full);
    // Another venv's python: the new env links to the base interpreter.
    let other = w.env_dir("bypath").join("bin/python");
    w.mkenv("byvenv", &other, &["--no-pip"]);
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["show", "byvenv", "--json"]).ok().stdout).unwrap();
    let exe = PathBuf::from(json["executable"].as_str().unwrap());
    assert!(
        !exe.starts_with(w.envreg_home()),
        "base, not the venv: {exe:?}"
    );
    assert_eq!(
        py_eval(&w.env_dir("byvenv"), "import sys; print(sys.base_prefix)"),
        py.parent().unwrap().parent().unwrap().to_str().unwrap()
    );
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn pyenv_shim_resolves_to_the_real_interpreter() {
    let shim = pyenv_root().join("shims/python3.12");
    if !shim.exists() {
        skip(&format!("no pyenv shim at {}", shim.display()));
        return;
    }
    let w = World::new();
    let out = w
        .cmd(["mkenv", "shimmed", "--no-pip", "-p", shim.to_str().unwrap()])
        .env("PYENV_ROOT", pyenv_root())
        // The global pyenv version may be another one; select 3.12 as a user would.
        .env(
            "PYENV_VERSION",
            pyenv_python("3.12")
                .unwrap()
                .parent()
                .unwrap()
                .parent()
                .unwrap()
                .file_name()
                .unwrap(),
        )
        .output()
        .unwrap();
    Out::from(out).ok();
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["show", "shimmed", "--json"]).ok().stdout).unwrap();
    let exe = json["executable"].as_str().unwrap();
    assert!(!exe.contains("/shims/"), "{exe}");
    assert!(exe.contains("/versions/3.12"), "{exe}");
    let link = std::fs::read_link(w.env_dir("shimmed").join("bin/python")).unwrap();
    assert!(!link.to_string_lossy().contains("/shims/"), "{link:?}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn unknown_interpreters_are_named_and_alternatives_listed() {
    let w = World::new();
    // An existing environment, and the index, must come through untouched.
    let existing = pyenv_python("3.12");
    if let Some(py) = &existing {
        w.mkenv("keep", py, &["--no-pip"]);
    }
    let before = w.index_bytes();
    w.run(["mkenv", "x", "-p", "3.99"]).fails_with(&["3.99"]);
    w.run(["mkenv", "x", "-p", "/nonexistent/python"])
        .fails_with(&["/nonexistent/python"]);
    w.run(["mkenv", "x", "-p", "no-such-python-cmd"])
        .fails_with(&["no-such-python-cmd"]);
    assert_eq!(
        w.index_bytes(),
        before,
        "a refused mkenv must not touch the index"
    );
    assert!(!w.env_dir("x").exists());
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
    if existing.is_some() {
        assert_eq!(w.names(), ["keep"]);
        let out = w.run(["mkenv", "x", "-p", "3.99"]);
        assert!(
            out.stderr.contains("3.12"),
            "lists what was found: {out:#?}"
        );
    } else {
        assert!(w.names().is_empty());
    }
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn existing_name_is_refused_and_nothing_touched() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("proj1", &py, &["--no-pip"]);
    let marker = w.env_dir("proj1").join("marker");
    std::fs::write(&marker, "keep").unwrap();
    let before = w.index_bytes();
    w.run(["mkenv", "proj1", "--no-pip", "-p", py.to_str().unwrap()])
        .fails_with(&["already exists"]);
    assert_eq!(w.index_bytes(), before);
    assert_eq!(std::fs::read_to_string(marker).unwrap(), "keep");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn system_site_packages_and_prompt() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv(
        "sys",
        &py,
        &["--no-pip", "--system-site-packages", "--prompt", "my env"],
    );
    w.mkenv("iso", &py, &["--no-pip"]);
    let base_site = run_ok(
        &py,
        &[
            "-c",
            "import sysconfig; print(sysconfig.get_path('purelib'))",
        ],
    );
    let base_site = base_site.trim();
    let on_path = |env: &str| {
        py_eval(
            &w.env_dir(env),
            &format!("import sys; print({base_site:?} in sys.path)"),
        )
    };
    assert_eq!(on_path("sys"), "True");
    assert_eq!(on_path("iso"), "False");
    let cfg = std::fs::read_to_string(w.env_dir("sys").join("pyvenv.cfg")).unwrap();
    assert!(cfg.contains("include-system-site-packages = true"), "{cfg}");
    assert!(cfg.contains("my env"), "{cfg}");
    let activate = std::fs::read_to_string(w.env_dir("sys").join("bin/activate")).unwrap();
    assert!(activate.contains("my env"), "{activate}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn install_packages_at_creation() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let wheels = w.dir.path().join("wheels");
    std::fs::create_dir(&wheels).unwrap();
    let a = make_wheel(&py, &wheels, "pkga", "1.0");
    let b = make_wheel(&py, &wheels, "pkgb", "2.0");
    let req = w.dir.path().join("req.txt");
    std::fs::write(&req, format!("{}\n", b.display())).unwrap();
    let out = w.mkenv(
        "withpkgs",
        &py,
        &["-i", a.to_str().unwrap(), "-r", req.to_str().unwrap()],
    );
    assert_eq!(
        out.stdout.trim_end(),
        w.env_dir("withpkgs").to_str().unwrap()
    );
    assert!(
        out.stderr.contains("pkga"),
        "pip's progress on stderr: {}",
        out.stderr
    );
    let env = w.env_dir("withpkgs");
    assert_eq!(
        py_eval(&env, "import pkga, pkgb; print(pkga.VALUE, pkgb.VALUE)"),
        "1.0 2.0"
    );

    // A failing install keeps the env and says so.
    let out = w.run([
        "mkenv",
        "failing",
        "-p",
        py.to_str().unwrap(),
        "-i",
        "surely-not-available-pkg",
    ]);
    out.fails_with(&["installing packages failed", "envreg rm failing"]);
    assert_eq!(w.names(), ["failing", "withpkgs"]);

    w.run(["mkenv", "x", "--no-pip", "-i", "foo"])
        .fails_with(&["--no-pip"]);
}

#[test]
#[cfg_attr(
    not(all(has_py_3_11, has_py_3_12)),
    ignore = "needs pyenv CPython 3.11, pyenv CPython 3.12"
)]
fn default_interpreter_is_python3_on_path_or_envreg_python() {
    let Some(py312) = need_python("3.12") else {
        return;
    };
    let Some(py311) = need_python("3.11") else {
        return;
    };
    let w = World::new();
    // A directory holding only `python3`, first on PATH.
    let bin = w.dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(&py312, bin.join("python3")).unwrap();
    let path =
        std::env::join_paths([bin.as_path(), Path::new("/usr/bin"), Path::new("/bin")]).unwrap();
    let out = w
        .cmd(["mkenv", "dflt", "--no-pip"])
        .env("PATH", &path)
        .output()
        .unwrap();
    Out::from(out).ok();
    let full = |py: &Path| {
        run_ok(
            py,
            &["-c", "import platform; print(platform.python_version())"],
        )
    };
    let show = |name: &str| -> serde_json::Value {
        serde_json::from_str(&w.run(["show", name, "--json"]).ok().stdout).unwrap()
    };
    assert_eq!(show("dflt")["python"], full(&py312).trim());
    assert!(show("dflt")["requested"].is_null());

    let out = w
        .cmd(["mkenv", "fromvar", "--no-pip"])
        .env("PATH", &path)
        .env("ENVREG_PYTHON", &py311)
        .output()
        .unwrap();
    Out::from(out).ok();
    assert_eq!(show("fromvar")["python"], full(&py311).trim());
}

#[test]
fn missing_project_dir_or_requirements_file_create_nothing() {
    let w = World::new();
    w.run(["mkenv", "p", "--no-pip", "--project", "/nonexistent/src"])
        .fails_with(&["project directory", "/nonexistent/src", "does not exist"]);
    w.run(["mkenv", "p", "-r", "/nonexistent/req.txt"])
        .fails_with(&["requirements file", "/nonexistent/req.txt", "not found"]);
    assert!(w.names().is_empty());
    assert!(!w.env_dir("p").exists());
    assert!(w.index_bytes().is_none(), "nothing was registered");
}

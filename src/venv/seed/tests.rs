//! Seeding pip into hand-built venvs of the real pyenv CPythons, then running
//! that pip. Offline: pip is told to use no index and no config file.

use crate::venv::testing::matrix_tests;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::*;

/// `$PYENV_ROOT/versions/3.<minor>.<newest micro>/bin/python3`, if installed.
fn find_cpython(minor: u32) -> Option<PathBuf> {
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pyenv")))?;
    let prefix = format!("3.{minor}.");
    fs::read_dir(root.join("versions"))
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let micro: u32 = name.strip_prefix(&prefix)?.parse().ok()?;
            let python = e.path().join("bin").join("python3");
            python.exists().then_some((micro, python))
        })
        .max()
        .map(|(_, python)| python)
}

/// The interpreter for 3.<minor>, queried the way `python::find` would; None
/// (a skip) when it is not installed, a panic when CI=true.
fn interpreter(minor: u32) -> Option<Interpreter> {
    let Some(python) = find_cpython(minor) else {
        return crate::venv::testing::skip(&format!("pyenv CPython 3.{minor} is not installed"));
    };
    let script = "import json, sys, sysconfig\n\
                  print(json.dumps({'executable': sys.executable, 'base_prefix': sys.base_prefix,\n\
                  'version': list(sys.version_info[:3]), 'stdlib': sysconfig.get_path('stdlib'),\n\
                  'wheel_pkg_dir': sysconfig.get_config_var('WHEEL_PKG_DIR'),\n\
                  'platform': sys.platform}))";
    let out = Command::new(&python)
        .args(["-I", "-c", script])
        .output()
        .expect("run python");
    assert!(out.status.success(), "{python:?}: {out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let version: Vec<u32> = v["version"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap() as u32)
        .collect();
    let lib = format!("lib/python3.{minor}/site-packages");
    Some(Interpreter {
        executable: v["executable"].as_str().unwrap().into(),
        base_prefix: v["base_prefix"].as_str().unwrap().into(),
        version: (version[0], version[1], version[2]),
        version_string: format!("{}.{}.{}", version[0], version[1], version[2]),
        implementation: "CPython".into(),
        platform: Platform::from(v["platform"].as_str().unwrap().to_string()),
        stdlib: v["stdlib"].as_str().unwrap().into(),
        wheel_pkg_dir: v["wheel_pkg_dir"].as_str().map(PathBuf::from),
        purelib: lib.clone(),
        platlib: lib,
        scripts: "bin".into(),
        gil_disabled: false,
        pointer_size: 8,
    })
}

/// The default test interpreter (3.12), for tests that need just one.
fn any_interpreter() -> Option<Interpreter> {
    interpreter(12)
}

/// A minimal venv built by hand: enough for python to treat it as one.
struct Env {
    root: PathBuf,
    site: PathBuf,
    bin: PathBuf,
    python: PathBuf,
}

fn make_venv(interp: &Interpreter, root: &Path) -> Env {
    let bin = root.join("bin");
    let site = root.join(&interp.purelib);
    fs::create_dir_all(&bin).unwrap();
    fs::create_dir_all(&site).unwrap();
    let python = bin.join("python");
    std::os::unix::fs::symlink(&interp.executable, &python).unwrap();
    std::os::unix::fs::symlink("python", bin.join("python3")).unwrap();
    fs::write(
        root.join("pyvenv.cfg"),
        format!(
            "home = {}\ninclude-system-site-packages = false\nversion = {}\n",
            interp.executable.parent().unwrap().display(),
            interp.version_string
        ),
    )
    .unwrap();
    Env {
        root: root.to_path_buf(),
        site,
        bin,
        python,
    }
}

fn seed(interp: &Interpreter, env: &Env, cache: &Path) -> Result<()> {
    seed_pip(
        interp,
        &Target {
            site_packages: &env.site,
            scripts: &env.bin,
            final_python: &env.python,
            scripts_from_site_packages: "../../../bin",
        },
        cache,
    )
}

/// A temp dir with its canonical path, so paths printed by Python compare equal.
fn tempdir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().canonicalize().unwrap();
    (tmp, path)
}

/// Run `program` hermetically and offline; panic with its output on failure.
fn run(program: &Path, args: &[&str], cwd: &Path) -> String {
    let out = command(program, args, cwd);
    assert!(
        out.status.success(),
        "{} {args:?} failed: {}\nstdout: {}\nstderr: {}",
        program.display(),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn command(program: &Path, args: &[&str], cwd: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(cwd)
        .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .env("PIP_NO_INDEX", "1")
        .env("PIP_CONFIG_FILE", "/dev/null")
        .env("PIP_NO_INPUT", "1")
        .env_remove("VIRTUAL_ENV")
        .env_remove("PYTHONHOME")
        .env_remove("PYTHONPATH")
        .env_remove("PIP_REQUIRE_VIRTUALENV")
        .env_remove("PIP_USER")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()))
}

/// A pure-Python wheel with one module, `tiny_mod`.
fn tiny_wheel(dir: &Path) -> PathBuf {
    let path = dir.join("tiny-0.1-py3-none-any.whl");
    let files = [
        ("tiny_mod.py", "VALUE = 42\n"),
        (
            "tiny-0.1.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: tiny\nVersion: 0.1\n",
        ),
        (
            "tiny-0.1.dist-info/WHEEL",
            "Wheel-Version: 1.0\nGenerator: envreg-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        ),
    ];
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let mut rec = String::new();
    for (name, text) in files {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
        rec.push_str(&record::line(
            name,
            &record::hash(text.as_bytes()),
            Some(text.len() as u64),
        ));
    }
    rec.push_str(&record::line("tiny-0.1.dist-info/RECORD", "", None));
    zip.start_file("tiny-0.1.dist-info/RECORD", options)
        .unwrap();
    zip.write_all(rec.as_bytes()).unwrap();
    zip.finish().unwrap();
    path
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

fn dist_info(site: &Path, name: &str) -> Option<PathBuf> {
    names_in(site)
        .into_iter()
        .find(|n| n.starts_with(&format!("{name}-")) && n.ends_with(".dist-info"))
        .map(|n| site.join(n))
}

/// Every RECORD line names an existing file with that hash and size, and
/// every file of the package directory and dist-info is listed.
fn check_record(env: &Env, package: &str) {
    let di = dist_info(&env.site, package).unwrap();
    let text = fs::read_to_string(di.join("RECORD")).unwrap();
    let mut listed = std::collections::HashSet::new();
    for line in text.lines() {
        let mut parts = line.rsplitn(3, ',');
        let (size, hash, path) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        let file = env.site.join(path).canonicalize().unwrap();
        listed.insert(file.clone());
        if path.ends_with(".dist-info/RECORD") {
            assert_eq!((hash, size), ("", ""));
            continue;
        }
        let data = fs::read(&file).unwrap();
        assert_eq!(hash, record::hash(&data), "{path}");
        assert_eq!(size, data.len().to_string(), "{path}");
    }
    let mut stack = vec![env.site.join(package), di];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path.file_name().unwrap() != "__pycache__" {
                    stack.push(path);
                }
            } else {
                assert!(listed.contains(&path), "{} not in RECORD", path.display());
            }
        }
    }
}

/// The whole life of a seeded pip on one Python.
fn full_cycle(minor: u32) {
    let Some(interp) = interpreter(minor) else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let cache = dir.join("cache");
    let env = make_venv(&interp, &dir.join("env"));
    seed(&interp, &env, &cache).unwrap();
    // A second env on the same image, which nothing below may change.
    let other = make_venv(&interp, &dir.join("other"));
    seed(&interp, &other, &cache).unwrap();
    let image_before = snapshot(&cache.join("wheels"));
    let other_before = snapshot(&other.site);
    assert_read_only(&env.site.join("pip/__init__.py"));

    let scripts = names_in(&env.bin);
    for name in ["pip".to_string(), "pip3".into(), format!("pip3.{minor}")] {
        assert!(scripts.contains(&name), "{name} missing from {scripts:?}");
    }
    let installer = dist_info(&env.site, "pip").unwrap().join("INSTALLER");
    assert_eq!(fs::read_to_string(installer).unwrap(), "envreg\n");
    let setuptools = env.site.join("setuptools");
    if minor < 12 {
        assert!(
            setuptools.is_dir(),
            "setuptools must be seeded on 3.{minor}"
        );
        check_record(&env, "setuptools");
    } else {
        assert!(
            !setuptools.exists(),
            "setuptools must not be seeded on 3.{minor}"
        );
        assert!(dist_info(&env.site, "setuptools").is_none());
    }
    check_record(&env, "pip");

    let want = format!("{}/pip (python 3.{minor})", env.site.display());
    let out = run(&env.bin.join("pip"), &["--version"], &dir);
    assert!(out.contains(&want), "{out}");
    let out = run(&env.python, &["-m", "pip", "--version"], &dir);
    assert!(out.contains(&want), "{out}");
    let out = run(&env.bin.join(format!("pip3.{minor}")), &["--version"], &dir);
    assert!(out.contains(&want), "{out}");

    tiny_wheel(&dir);
    run(
        &env.bin.join("pip"),
        &["install", "--no-index", "./tiny-0.1-py3-none-any.whl"],
        &dir,
    );
    assert!(env.site.join("tiny_mod.py").is_file());
    let out = run(
        &env.python,
        &[
            "-c",
            "import tiny_mod; print(tiny_mod.__file__, tiny_mod.VALUE)",
        ],
        &dir,
    );
    assert_eq!(
        out.trim(),
        format!("{} 42", env.site.join("tiny_mod.py").display())
    );
    let base = command(&interp.executable, &["-c", "import tiny_mod"], &dir);
    assert!(
        !base.status.success(),
        "tiny_mod leaked into the base python"
    );

    run(&env.bin.join("pip"), &["uninstall", "-y", "pip"], &dir);
    assert!(!env.site.join("pip").exists(), "pip package left behind");
    assert!(
        dist_info(&env.site, "pip").is_none(),
        "pip dist-info left behind"
    );
    let left: Vec<_> = names_in(&env.bin)
        .into_iter()
        .filter(|n| n.starts_with("pip"))
        .collect();
    assert!(left.is_empty(), "launchers left behind: {left:?}");
    // The rest of the env is untouched.
    assert!(env.site.join("tiny_mod.py").is_file());
    assert!(env.root.join("pyvenv.cfg").is_file());

    // Installing and uninstalling in one env changed neither the seed image
    // nor the other env, whose pip still works.
    assert_eq!(snapshot(&cache.join("wheels")), image_before);
    let other_after = snapshot(&other.site);
    assert_eq!(other_after, other_before);
    check_record(&other, "pip");
    let out = run(&other.python, &["-m", "pip", "--version"], &dir);
    assert!(out.contains(&other.site.display().to_string()), "{out}");
}

/// Every file under `root` (not under `__pycache__`): its inode, mode, size,
/// mtime and content hash.
fn snapshot(root: &Path) -> std::collections::BTreeMap<PathBuf, (u64, u32, u64, i64, i64, String)> {
    use std::os::unix::fs::MetadataExt;
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                if path.file_name().unwrap() != "__pycache__" {
                    stack.push(path);
                }
                continue;
            }
            let hash = if meta.is_file() {
                record::hash(&fs::read(&path).unwrap())
            } else {
                String::new()
            };
            let stamp = (
                meta.ino(),
                meta.mode(),
                meta.len(),
                meta.mtime(),
                meta.mtime_nsec(),
                hash,
            );
            out.insert(path, stamp);
        }
    }
    out
}

/// `path` has no write bit for anyone.
fn assert_read_only(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path).unwrap().permissions().mode();
    assert_eq!(mode & 0o222, 0, "{} is writable: {mode:o}", path.display());
}

matrix_tests! {
    full_cycle:
    full_cycle_3_7(7, has_py_3_7, "needs pyenv CPython 3.7");
    full_cycle_3_8(8, has_py_3_8, "needs pyenv CPython 3.8");
    full_cycle_3_9(9, has_py_3_9, "needs pyenv CPython 3.9");
    full_cycle_3_10(10, has_py_3_10, "needs pyenv CPython 3.10");
    full_cycle_3_11(11, has_py_3_11, "needs pyenv CPython 3.11");
    full_cycle_3_13(13, has_py_3_13, "needs pyenv CPython 3.13");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn full_cycle_3_12() {
    full_cycle(12);
}

#[test]
#[cfg_attr(not(has_py_3_7), ignore = "needs pyenv CPython 3.7")]
fn setuptools_3_7_gets_versioned_easy_install() {
    let Some(interp) = interpreter(7) else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let env = make_venv(&interp, &dir.join("env"));
    seed(&interp, &env, &dir.join("cache")).unwrap();
    let scripts = names_in(&env.bin);
    // setuptools 47's wheel lists easy_install-3.8; the env is 3.7.
    assert!(scripts.contains(&"easy_install".to_string()), "{scripts:?}");
    assert!(
        scripts.contains(&"easy_install-3.7".to_string()),
        "{scripts:?}"
    );
    assert!(
        !scripts
            .iter()
            .any(|s| s == "easy_install-3.8" || s == "pip3.9")
    );
    let out = run(&env.bin.join("easy_install"), &["--version"], &dir);
    assert!(out.contains("setuptools"), "{out}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn uninstalling_in_one_env_leaves_another_intact() {
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let cache = dir.join("cache");
    let a = make_venv(&interp, &dir.join("a"));
    let b = make_venv(&interp, &dir.join("b"));
    seed(&interp, &a, &cache).unwrap();
    seed(&interp, &b, &cache).unwrap();
    // The files really are shared.
    use std::os::unix::fs::MetadataExt;
    let inode = |env: &Env| {
        fs::metadata(env.site.join("pip/__init__.py"))
            .unwrap()
            .ino()
    };
    assert_eq!(inode(&a), inode(&b));

    run(&a.bin.join("pip"), &["uninstall", "-y", "pip"], &dir);
    assert!(!a.site.join("pip").exists());
    let out = run(&b.bin.join("pip"), &["--version"], &dir);
    assert!(out.contains(&b.site.display().to_string()), "{out}");
    check_record(&b, "pip");
    // The cache image is still complete: a new env still works.
    let c = make_venv(&interp, &dir.join("c"));
    seed(&interp, &c, &cache).unwrap();
    run(&c.bin.join("pip"), &["--version"], &dir);

    // Reinstalling pip over the shared files writes new ones, never into
    // the shared inodes.
    let wheel = find::seed_wheels(&interp).unwrap().remove(0);
    let wheel = wheel.to_str().unwrap();
    let args = [
        "-m",
        "pip",
        "install",
        "--force-reinstall",
        "--no-index",
        wheel,
    ];
    run(&c.python, &args, &dir);
    assert_ne!(inode(&c), inode(&b));
    check_record(&b, "pip");
    run(&b.bin.join("pip"), &["--version"], &dir);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn trampoline_for_a_path_with_space_and_quote() {
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let env = make_venv(&interp, &dir.join("it's my env"));
    seed(&interp, &env, &dir.join("cache")).unwrap();
    let launcher = fs::read_to_string(env.bin.join("pip")).unwrap();
    assert!(launcher.starts_with("#!/bin/sh\n'''exec' "), "{launcher}");
    let out = run(&env.bin.join("pip"), &["--version"], &dir);
    assert!(out.contains(&env.site.display().to_string()), "{out}");
    check_record(&env, "pip");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn trampoline_for_a_long_path() {
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let deep = dir.join("d".repeat(60)).join("e".repeat(60));
    let env = make_venv(&interp, &deep);
    assert!(env.python.as_os_str().len() > 124);
    seed(&interp, &env, &dir.join("cache")).unwrap();
    let launcher = fs::read_to_string(env.bin.join("pip")).unwrap();
    assert!(launcher.starts_with("#!/bin/sh\n"), "{launcher}");
    let out = run(&env.bin.join("pip3"), &["--version"], &dir);
    assert!(out.contains(&env.site.display().to_string()), "{out}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn cache_is_reused_and_leftovers_are_cleaned() {
    use std::os::unix::fs::MetadataExt;
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let cache = dir.join("cache");
    let wheel = find::seed_wheels(&interp).unwrap().remove(0);
    let stem = wheel.file_stem().unwrap().to_str().unwrap();
    let wheels = cache.join("wheels");
    // A build killed half-way, and an image dir left without its manifest.
    let stale = wheels.join(format!(".tmp-{stem}--99999-1"));
    fs::create_dir_all(stale.join("tree/pip")).unwrap();
    fs::write(stale.join("tree/pip/half.py"), "x").unwrap();
    let image = wheels.join(stem);
    fs::create_dir_all(image.join("tree/pip")).unwrap();
    fs::write(image.join("tree/pip/junk.py"), "x").unwrap();

    let a = make_venv(&interp, &dir.join("a"));
    seed(&interp, &a, &cache).unwrap();
    assert!(!stale.exists(), "stale temp dir was not removed");
    assert!(!image.join("tree/pip/junk.py").exists());
    assert!(!a.site.join("pip/junk.py").exists());
    let stamp = |p: &Path| {
        let m = fs::metadata(p).unwrap();
        (m.ino(), m.mtime(), m.mtime_nsec())
    };
    let before = (stamp(&image), stamp(&image.join("manifest.json")));
    // The seed cache is tagged for backup tools (environments are not).
    let tag = fs::read_to_string(wheels.join("CACHEDIR.TAG")).unwrap();
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55\n"));
    assert!(!a.root.join("CACHEDIR.TAG").exists());

    let b = make_venv(&interp, &dir.join("b"));
    seed(&interp, &b, &cache).unwrap();
    assert_eq!(before, (stamp(&image), stamp(&image.join("manifest.json"))));
    run(&b.bin.join("pip"), &["--version"], &dir);
    let temps: Vec<_> = names_in(&wheels)
        .into_iter()
        .filter(|n| n.starts_with(".tmp-"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn missing_bundled_pip_is_a_clear_error() {
    let Some(mut interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    interp.stdlib = dir.join("stdlib");
    interp.wheel_pkg_dir = None;
    let env = make_venv(&interp, &dir.join("env"));
    // What the user sees: the cause, then the fix on hint lines.
    let err = crate::errors::render(&seed(&interp, &env, &dir.join("cache")).unwrap_err());
    let first = err.lines().next().unwrap();
    assert!(first.contains("bundles no pip wheel"), "{err}");
    assert!(
        !first.contains("--no-pip"),
        "the fix belongs on a hint line: {err}"
    );
    assert!(
        err.contains("\nhint: ") && err.contains("--no-pip"),
        "{err}"
    );
    assert!(err.contains("python3-venv"), "{err}");
    assert!(names_in(&env.bin).iter().all(|n| !n.starts_with("pip")));
}

/// Seeding for Windows, run here as pure data on a real pip wheel: the
/// launchers are `pip.exe`, `pip3.exe`, `pip3.X.exe`, each pip's own
/// distlib stub (`t64.exe`) + `#!<Scripts\python.exe>\r\n` + a zip holding
/// `__main__.py`, listed in RECORD; Python's zipfile reads the archive.
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn windows_launchers_are_pip_stubs_with_a_zipped_script() {
    let Some(mut interp) = interpreter(12) else {
        return;
    };
    let real_python = interp.executable.clone();
    interp.platform = Platform::Windows;
    let (_tmp, dir) = tempdir();
    let site = dir.join("env/Lib/site-packages");
    let scripts = dir.join("env/Scripts");
    fs::create_dir_all(&site).unwrap();
    fs::create_dir_all(&scripts).unwrap();
    let final_python = Path::new(r"C:\Users\me\envs\web\Scripts\python.exe");
    let cache = dir.join("cache");
    seed_pip(
        &interp,
        &Target {
            site_packages: &site,
            scripts: &scripts,
            final_python,
            scripts_from_site_packages: "../../Scripts",
        },
        &cache,
    )
    .unwrap();
    assert_eq!(names_in(&scripts), ["pip.exe", "pip3.12.exe", "pip3.exe"]);
    let stub =
        fs::read(pip_image(&interp, &cache).join("tree/pip/_vendor/distlib/t64.exe")).unwrap();
    assert_eq!(&stub[..2], b"MZ", "the stub is a Windows executable");
    let record = fs::read_to_string(dist_info(&site, "pip").unwrap().join("RECORD")).unwrap();
    for name in ["pip.exe", "pip3.exe", "pip3.12.exe"] {
        let exe = scripts.join(name);
        let bytes = fs::read(&exe).unwrap();
        assert_eq!(
            &bytes[..stub.len()],
            &stub[..],
            "{name}: starts with the stub"
        );
        let shebang = b"#!C:\\Users\\me\\envs\\web\\Scripts\\python.exe\r\n";
        let rest = &bytes[stub.len()..];
        assert_eq!(&rest[..shebang.len()], shebang, "{name}");
        let archive = &rest[shebang.len()..];
        assert_eq!(&archive[..4], b"PK\x03\x04", "{name}: a zip follows");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(archive.to_vec())).unwrap();
        assert_eq!(zip.len(), 1);
        let mut main = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("__main__.py").unwrap(), &mut main).unwrap();
        assert!(
            main.contains("from pip._internal.cli.main import main\n"),
            "{main}"
        );
        assert!(main.contains("sys.exit(main())"), "{main}");
        // Python itself finds the archive at the end of the whole file, as
        // python.exe does when the stub runs it.
        let read = run(
            &real_python,
            &[
                "-c",
                "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('__main__.py').decode())",
                exe.to_str().unwrap(),
            ],
            &dir,
        );
        assert_eq!(read.trim_end(), main.trim_end());
        let line = record::line(
            &format!("../../Scripts/{name}"),
            &record::hash(&bytes),
            Some(bytes.len() as u64),
        );
        assert!(record.contains(&line), "{name} not in RECORD: {record}");
    }
    // A path with a space is quoted for the stub.
    let quoted = launcher::windows_shebang(Path::new(r"C:\My Envs\a\Scripts\python.exe")).unwrap();
    assert_eq!(quoted, r#"#!"C:\My Envs\a\Scripts\python.exe""#);
    // 32-bit builds get the 32-bit stub.
    assert_eq!(launcher::windows_stub(4), "pip/_vendor/distlib/t32.exe");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn corrupt_wheel_is_refused() {
    let Some(mut interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    // A wheel whose RECORD disagrees with a file, placed as WHEEL_PKG_DIR.
    let pkg = dir.join("wheels");
    fs::create_dir_all(&pkg).unwrap();
    let path = pkg.join("pip-99.0-py3-none-any.whl");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("pip/__init__.py", "changed\n"),
        ("pip-99.0.dist-info/METADATA", "Name: pip\nVersion: 99.0\n"),
        ("pip-99.0.dist-info/WHEEL", "Wheel-Version: 1.0\n"),
        (
            "pip-99.0.dist-info/RECORD",
            "pip/__init__.py,sha256=AAAA,8\npip-99.0.dist-info/RECORD,,\n",
        ),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    interp.wheel_pkg_dir = Some(pkg);
    let env = make_venv(&interp, &dir.join("env"));
    let cache = dir.join("cache");
    let err = format!("{:#}", seed(&interp, &env, &cache).unwrap_err());
    assert!(
        err.contains("corrupt") && err.contains("pip/__init__.py"),
        "{err}"
    );
    // Nothing half-built is left to look like an image.
    assert!(!cache.join("wheels/pip-99.0-py3-none-any").exists());
    let temps: Vec<_> = names_in(&cache.join("wheels"))
        .into_iter()
        .filter(|n| n.starts_with(".tmp-"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn concurrent_first_seeds_share_one_image() {
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let cache = dir.join("cache");
    let envs: Vec<Env> = (0..4)
        .map(|i| make_venv(&interp, &dir.join(format!("env{i}"))))
        .collect();
    std::thread::scope(|s| {
        for env in &envs {
            let (interp, cache) = (&interp, &cache);
            s.spawn(move || seed(interp, env, cache).unwrap());
        }
    });
    for env in &envs {
        check_record(env, "pip");
    }
    let wheels = names_in(&cache.join("wheels"));
    assert!(wheels.iter().all(|n| !n.starts_with(".tmp-")), "{wheels:?}");
    let images = wheels
        .iter()
        .filter(|n| n.starts_with("pip-") && !n.ends_with(".lock"));
    assert_eq!(images.count(), 1, "{wheels:?}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn copies_when_the_cache_is_on_another_file_system() {
    use std::os::unix::fs::MetadataExt;
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let shm = Path::new("/dev/shm");
    let other = shm
        .is_dir()
        .then(|| tempfile::tempdir_in(shm).ok())
        .flatten();
    let Some(other) = other
        .filter(|o| fs::metadata(o.path()).unwrap().dev() != fs::metadata(&dir).unwrap().dev())
    else {
        eprintln!("skipping: no second file system at /dev/shm");
        return;
    };
    let env = make_venv(&interp, &dir.join("env"));
    seed(&interp, &env, other.path()).unwrap();
    check_record(&env, "pip");
    let links = fs::metadata(env.site.join("pip/__init__.py"))
        .unwrap()
        .nlink();
    assert_eq!(links, 1, "expected a copy, not a link");
    let out = run(&env.bin.join("pip"), &["--version"], &dir);
    assert!(out.contains(&env.site.display().to_string()), "{out}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn launchers_name_the_final_python_not_the_staging_dir() {
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let env = make_venv(&interp, &dir.join(".tmp-staging"));
    let final_python = Path::new("/home/someone/envs/final/bin/python");
    seed_pip(
        &interp,
        &Target {
            site_packages: &env.site,
            scripts: &env.bin,
            final_python,
            scripts_from_site_packages: "../../../bin",
        },
        &dir.join("cache"),
    )
    .unwrap();
    for name in ["pip", "pip3"] {
        let text = fs::read_to_string(env.bin.join(name)).unwrap();
        assert!(
            text.starts_with("#!/home/someone/envs/final/bin/python\n"),
            "{text}"
        );
        assert!(!text.contains(".tmp-staging"), "{text}");
    }
}

/// The image of the pip wheel `interp` bundles, under `cache`.
fn pip_image(interp: &Interpreter, cache: &Path) -> PathBuf {
    let wheel = find::seed_wheels(interp).unwrap().remove(0);
    let stem = wheel.file_stem().unwrap().to_str().unwrap().to_string();
    cache.join("wheels").join(stem)
}

/// Shared files are read-only in the image and so in every env; the files an
/// env gets for itself are not; an env whose files are read-only hard links
/// is removed whole, and the image stays as it was.
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn seeded_files_are_read_only_links_and_envs_still_remove() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let cache = dir.join("cache");
    let a = make_venv(&interp, &dir.join("a"));
    seed(&interp, &a, &cache).unwrap();
    let image = pip_image(&interp, &cache);
    let image_before = snapshot(&image);

    let mut shared = 0;
    for (path, (_, mode, ..)) in &image_before {
        if path.starts_with(image.join("tree")) {
            assert_eq!(mode & 0o222, 0, "{} is writable: {mode:o}", path.display());
            shared += 1;
        }
    }
    assert!(shared > 100, "only {shared} files in the image");
    let init = a.site.join("pip/__init__.py");
    assert_read_only(&init);
    assert!(fs::metadata(&init).unwrap().nlink() >= 2, "not a hard link");
    let main = a.site.join("pip/__main__.py");
    assert_eq!(
        fs::metadata(&main).unwrap().ino(),
        fs::metadata(image.join("tree/pip/__main__.py"))
            .unwrap()
            .ino()
    );
    // Directories stay writable by the owner: that is what removal needs.
    let dir_mode = fs::metadata(image.join("tree/pip"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(dir_mode & 0o200, 0o200);
    // Per-env files are the env's own, writable.
    let di = dist_info(&a.site, "pip").unwrap();
    for own in [di.join("RECORD"), di.join("INSTALLER"), a.bin.join("pip")] {
        let mode = fs::metadata(&own).unwrap().permissions().mode();
        assert_eq!(mode & 0o200, 0o200, "{}", own.display());
    }

    fs::remove_dir_all(&a.root).unwrap();
    assert!(!a.root.exists());
    assert_eq!(
        snapshot(&image),
        image_before,
        "removing an env changed the image"
    );
    // Removing the image itself (as the cache cleanup does) works too.
    let b = make_venv(&interp, &dir.join("b"));
    seed(&interp, &b, &cache).unwrap();
    fs::remove_dir_all(&cache).unwrap();
    run(&b.bin.join("pip"), &["--version"], &dir);
}

/// Whatever was done to a file of the image (written after `chmod u+w`,
/// only made writable, or replaced by another file of the same size and
/// mtime), the next env gets a freshly extracted image, pristine and
/// read-only.
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_modified_image_is_extracted_again() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let cache = dir.join("cache");
    let image = pip_image(&interp, &cache);
    let file = image.join("tree/pip/__init__.py");
    let first = make_venv(&interp, &dir.join("first"));
    seed(&interp, &first, &cache).unwrap();
    let pristine = fs::read(&file).unwrap();

    let append = |path: &Path| {
        fs::set_permissions(path, fs::Permissions::from_mode(0o644)).unwrap();
        let mut f = fs::OpenOptions::new().append(true).open(path).unwrap();
        f.write_all(b"raise SystemExit('tampered')\n").unwrap();
    };
    let make_writable = |path: &Path| {
        fs::set_permissions(path, fs::Permissions::from_mode(0o644)).unwrap();
    };
    let replace_same_size_and_mtime = |path: &Path| {
        let meta = fs::metadata(path).unwrap();
        let mut data = fs::read(path).unwrap();
        data[0] = if data[0] == b'#' { b' ' } else { b'#' };
        let new = path.with_extension("new");
        fs::write(&new, &data).unwrap();
        let f = fs::File::options().write(true).open(&new).unwrap();
        f.set_modified(meta.modified().unwrap()).unwrap();
        drop(f);
        fs::set_permissions(&new, meta.permissions()).unwrap();
        fs::rename(&new, path).unwrap();
    };
    type Change<'a> = (&'a str, &'a dyn Fn(&Path));
    let cases: [Change<'_>; 3] = [
        ("appended to", &append),
        ("made writable", &make_writable),
        ("replaced", &replace_same_size_and_mtime),
    ];
    for (i, (what, change)) in cases.into_iter().enumerate() {
        let before = fs::metadata(&image).unwrap().ino();
        change(&file);
        let env = make_venv(&interp, &dir.join(format!("env{i}")));
        seed(&interp, &env, &cache).unwrap();
        let seeded = env.site.join("pip/__init__.py");
        assert_eq!(
            fs::read(&seeded).unwrap(),
            pristine,
            "{what}: env got the change"
        );
        assert_read_only(&seeded);
        assert_read_only(&file);
        assert_eq!(
            fs::read(&file).unwrap(),
            pristine,
            "{what}: image not renewed"
        );
        assert_ne!(fs::metadata(&image).unwrap().ino(), before, "{what}");
        assert_eq!(
            fs::metadata(&seeded).unwrap().ino(),
            fs::metadata(&file).unwrap().ino(),
            "{what}: the env links to the new image"
        );
        check_record(&env, "pip");
        run(&env.python, &["-m", "pip", "--version"], &dir);
    }
    // An unchanged image is used as it is.
    let before = fs::metadata(&image).unwrap().ino();
    let last = make_venv(&interp, &dir.join("last"));
    seed(&interp, &last, &cache).unwrap();
    assert_eq!(fs::metadata(&image).unwrap().ino(), before);
    let leftovers: Vec<_> = names_in(&cache.join("wheels"))
        .into_iter()
        .filter(|n| n.starts_with(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Files and directories under `root`, symlinks themselves (never their
/// targets), handed to `uid`:`gid`.
fn chown_tree(root: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::lchown(root, Some(uid), Some(gid)).unwrap();
    if fs::symlink_metadata(root).unwrap().is_dir() {
        for entry in fs::read_dir(root).unwrap() {
            chown_tree(&entry.unwrap().path(), uid, gid);
        }
    }
}

const NOBODY: u32 = 65534;
const AS_USER_DONE: &str = "envreg-as-user-checks-passed";

/// As an ordinary user (root ignores permissions): the user owns a cache and
/// an env seeded from it; an in-place write into a seeded file fails, from
/// the shell and from Rust, and `remove_dir_all` of the env succeeds.
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_root, has_setpriv)),
    ignore = "needs pyenv CPython 3.12, root, setpriv"
)]
fn as_an_ordinary_user_seeded_files_refuse_writes_and_envs_remove() {
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let cache = dir.join("cache");
    let env = make_venv(&interp, &dir.join("env"));
    seed(&interp, &env, &cache).unwrap();
    let file = env.site.join("pip/__init__.py");
    let pristine = fs::read(&file).unwrap();
    let image_file = pip_image(&interp, &cache).join("tree/pip/__init__.py");

    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        // Already an ordinary user: check in this process.
        as_user_checks(&env.root, &file);
    } else {
        let Some(setpriv) = crate::venv::testing::tool("setpriv") else {
            return;
        };
        chown_tree(&dir, NOBODY, NOBODY);
        let ids = [
            format!("--reuid={NOBODY}"),
            format!("--regid={NOBODY}"),
            "--clear-groups".to_string(),
        ];
        let as_user = |program: &Path, args: &[&str]| {
            Command::new(&setpriv)
                .args(&ids)
                .arg("--")
                .arg(program)
                .args(args)
                .env("ENVREG_AS_USER_ENV", &env.root)
                .env("ENVREG_AS_USER_FILE", &file)
                .output()
                .unwrap()
        };
        // The shell's `>>`.
        let sh = as_user(
            Path::new("/bin/sh"),
            &["-c", "printf 'x' >> \"$ENVREG_AS_USER_FILE\""],
        );
        assert!(
            !sh.status.success(),
            "`>>` wrote into a seeded file: {sh:?}"
        );
        assert!(
            String::from_utf8_lossy(&sh.stderr).contains("ermission denied"),
            "{sh:?}"
        );
        // This test binary, run again as the user, for the Rust checks; a
        // copy in the user's directory when the user cannot reach this one.
        let mut exe = std::env::current_exe().unwrap();
        if !as_user(
            Path::new("/bin/sh"),
            &["-c", &format!("test -x '{}'", exe.display())],
        )
        .status
        .success()
        {
            let copy = dir.join("test-binary");
            fs::copy(&exe, &copy).unwrap();
            std::os::unix::fs::lchown(&copy, Some(NOBODY), Some(NOBODY)).unwrap();
            exe = copy;
        }
        let out = as_user(
            &exe,
            &[
                "--exact",
                "venv::seed::tests::as_user_helper",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ],
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains(AS_USER_DONE),
            "the checks as uid {NOBODY} failed: {}\n{stdout}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(!env.root.exists(), "the env was not removed");
    assert_eq!(
        fs::read(&image_file).unwrap(),
        pristine,
        "the image changed"
    );
}

/// Run by the test above as an ordinary user; does nothing when run alone.
#[test]
#[ignore = "run as another user by as_an_ordinary_user_seeded_files_refuse_writes_and_envs_remove"]
fn as_user_helper() {
    let (Some(env), Some(file)) = (
        std::env::var_os("ENVREG_AS_USER_ENV"),
        std::env::var_os("ENVREG_AS_USER_FILE"),
    ) else {
        eprintln!("as_user_helper: not started by its test, nothing to do");
        return;
    };
    as_user_checks(Path::new(&env), Path::new(&file));
}

fn as_user_checks(env: &Path, file: &Path) {
    let err = fs::OpenOptions::new().append(true).open(file).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied, "{err}");
    let err = fs::OpenOptions::new().write(true).open(file).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied, "{err}");
    fs::remove_dir_all(env).unwrap();
    assert!(!env.exists());
    println!("{AS_USER_DONE}");
}

/// Symlinks planted where seeding writes are never written through: at the
/// cache's lock file (seeding stops), at its CACHEDIR.TAG (left alone), and
/// at a launcher or a seeded file in the env (seeding stops).
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn planted_symlinks_are_never_written_through() {
    let Some(interp) = any_interpreter() else {
        return;
    };
    let (_tmp, dir) = tempdir();
    let victim = dir.join("victim");
    fs::write(&victim, "precious").unwrap();
    let unchanged = || assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    let cache = dir.join("cache");
    let wheels = cache.join("wheels");
    fs::create_dir_all(&wheels).unwrap();
    let image = pip_image(&interp, &cache);
    let stem = image.file_name().unwrap().to_str().unwrap();
    let lock = wheels.join(format!("{stem}.lock"));
    let absent = dir.join("absent");
    std::os::unix::fs::symlink(&absent, &lock).unwrap();
    std::os::unix::fs::symlink(&victim, wheels.join("CACHEDIR.TAG")).unwrap();

    let a = make_venv(&interp, &dir.join("a"));
    let err = format!("{:#}", seed(&interp, &a, &cache).unwrap_err());
    assert!(err.contains("lock"), "{err}");
    assert!(!absent.exists(), "the lock was created through the link");
    fs::remove_file(&lock).unwrap();
    seed(&interp, &a, &cache).unwrap();
    unchanged();

    for planted in ["bin/pip", "site/pip/__init__.py"] {
        let env = make_venv(&interp, &dir.join(format!("env-{}", planted.len())));
        let link = match planted.strip_prefix("site/") {
            Some(rel) => env.site.join(rel),
            None => env.root.join(planted),
        };
        fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let err = format!("{:#}", seed(&interp, &env, &cache).unwrap_err());
        assert!(
            err.contains("already exists") || err.contains("File exists"),
            "{err}"
        );
        unchanged();
    }
}

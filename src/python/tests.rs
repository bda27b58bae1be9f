//! Tests of `find` against the real interpreters under pyenv's versions
//! directory (`$PYENV_ROOT` or `~/.pyenv`). A missing interpreter skips the
//! test with a message, except when `CI=true`, where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::*;

use crate::venv::testing::skip;

/// `versions/<version>` of pyenv, if installed.
fn pyenv(version: &str) -> Option<PathBuf> {
    let dir = discover::pyenv_versions_dir()?.join(version);
    if dir.join("bin").is_dir() {
        Some(dir)
    } else {
        skip(&format!(
            "pyenv Python {version} is not installed at {}",
            dir.display()
        ))
    }
}

fn cache() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn version_request_picks_the_pyenv_build() {
    let Some(root) = pyenv("3.12.1") else { return };
    let cache = cache();
    let interp = find(Some("3.12"), cache.path()).unwrap();
    assert_eq!(interp.version, (3, 12, 1));
    assert_eq!(interp.executable, root.join("bin/python3.12"));
    assert_eq!(interp.base_prefix, root);
    assert_eq!(interp.implementation, "CPython");
    assert_eq!(interp.purelib, "lib/python3.12/site-packages");
    assert_eq!(interp.platlib, "lib/python3.12/site-packages");
    assert_eq!(interp.scripts, "bin");
    assert_eq!(interp.stdlib, root.join("lib/python3.12"));
    assert_eq!(interp.pointer_size as usize, std::mem::size_of::<usize>());
    assert!(!interp.gil_disabled);
    assert_eq!(find(Some("3.12.1"), cache.path()).unwrap(), interp);
    assert_eq!(find(Some("cpython3.12"), cache.path()).unwrap(), interp);
}

#[test]
#[cfg_attr(not(has_py_3_13), ignore = "needs pyenv CPython 3.13")]
fn major_request_picks_the_newest() {
    let Some(_) = pyenv("3.13.0") else { return };
    let interp = find(Some("3"), cache().path()).unwrap();
    assert_eq!(interp.version.0, 3);
    assert!(interp.version >= (3, 13, 0), "{interp:?}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn versioned_command_falls_back_past_shims() {
    let Some(_) = pyenv("3.12.1") else { return };
    let interp = find(Some("python3.12"), cache().path()).unwrap();
    assert_eq!((interp.version.0, interp.version.1), (3, 12));
    assert!(!discover::is_script(&interp.executable));
}

#[test]
#[cfg_attr(not(has_py_2_7), ignore = "needs pyenv CPython 2.7")]
fn python2_is_queried_and_reported() {
    let Some(root) = pyenv("2.7.18") else { return };
    let interp = find(Some("2.7"), cache().path()).unwrap();
    assert_eq!(interp.version, (2, 7, 18));
    assert_eq!(interp.executable, root.join("bin/python2.7"));
    assert_eq!(interp.purelib, "lib/python2.7/site-packages");
    assert_eq!(interp.platform, Platform::Linux);
}

#[test]
#[cfg_attr(not(has_py_3_7), ignore = "needs pyenv CPython 3.7")]
fn older_versions_use_posix_prefix_paths() {
    let Some(root) = pyenv("3.7.16") else { return };
    let interp = find(
        Some(root.join("bin/python3").to_str().unwrap()),
        cache().path(),
    )
    .unwrap();
    assert_eq!(interp.version, (3, 7, 16));
    assert_eq!(interp.executable, root.join("bin/python3.7"));
    assert_eq!(interp.purelib, "lib/python3.7/site-packages");
    assert_eq!(interp.scripts, "bin");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn missing_version_lists_what_was_found() {
    let Some(_) = pyenv("3.12.1") else { return };
    // 3.12.1 is among the three closest to 3.12.99 wherever it is installed.
    let err = find(Some("3.12.99"), cache().path())
        .unwrap_err()
        .to_string();
    assert!(err.contains("no Python matching '3.12.99'"), "{err}");
    assert!(err.contains("3.12.1 ("), "{err}");
    assert!(err.contains("/3.12.1/bin/python3.12)"), "{err}");
    assert!(err.contains("pyenv"), "{err}");
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_pyenv_shims)),
    ignore = "needs pyenv CPython 3.12 and pyenv shims"
)]
fn pyenv_shim_resolves_to_the_real_binary_and_is_not_cached() {
    let Some(versions) = discover::pyenv_versions_dir() else {
        return;
    };
    let shim = versions.parent().unwrap().join("shims/python3");
    if !shim.is_file() {
        skip::<()>(&format!("no pyenv shim at {}", shim.display()));
        return;
    }
    let cache = cache();
    let interp = find(Some(shim.to_str().unwrap()), cache.path()).unwrap();
    assert!(interp.executable.is_absolute());
    assert!(
        !interp
            .executable
            .starts_with(versions.parent().unwrap().join("shims"))
    );
    assert!(!discover::is_script(&interp.executable));
    assert!(!cache::entry_path(cache.path(), &shim).exists());
    // The second call queries the shim again and agrees.
    assert_eq!(
        find(Some(shim.to_str().unwrap()), cache.path()).unwrap(),
        interp
    );
    assert!(!cache::entry_path(cache.path(), &shim).exists());
}

/// `python -m venv --without-pip` with the given base; its python resolves
/// to the base binary.
fn check_venv_resolves_to_base(version: &str, exe: &str) {
    let Some(root) = pyenv(version) else { return };
    let dir = tempfile::tempdir().unwrap();
    let venv = dir.path().join("env");
    let status = Command::new(root.join("bin/python3"))
        .args(["-m", "venv", "--without-pip"])
        .arg(&venv)
        .status()
        .unwrap();
    assert!(status.success());
    let cache = cache();
    let python = venv.join("bin/python");
    let interp = find(Some(python.to_str().unwrap()), cache.path()).unwrap();
    assert_eq!(interp.executable, root.join("bin").join(exe), "{interp:?}");
    assert_eq!(interp.base_prefix, root);
    // The venv directory itself stands for its python.
    assert_eq!(
        find(Some(venv.to_str().unwrap()), cache.path()).unwrap(),
        interp
    );
}

#[test]
fn venv_python_resolves_to_its_base_312() {
    check_venv_resolves_to_base("3.12.1", "python3.12");
}

#[test]
#[cfg_attr(
    not(all(has_py_3_7, has_py_3_10)),
    ignore = "needs pyenv CPython 3.7, 3.10"
)]
fn venv_python_resolves_to_its_base_without_base_executable() {
    // 3.7 has no sys._base_executable; 3.10 reports the venv's own python.
    check_venv_resolves_to_base("3.7.16", "python3.7");
    check_venv_resolves_to_base("3.10.13", "python3.10");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn cache_hit_runs_nothing_and_returns_the_same() {
    let Some(root) = pyenv("3.12.1") else { return };
    let cache = cache();
    let python = root.join("bin/python3.12");
    let first = find(Some(python.to_str().unwrap()), cache.path()).unwrap();
    let entry = cache::entry_path(cache.path(), &python);
    assert!(entry.is_file());
    assert_eq!(
        find(Some(python.to_str().unwrap()), cache.path()).unwrap(),
        first
    );

    // Prove the answer comes from the entry: a doctored entry is believed.
    let text = std::fs::read_to_string(&entry).unwrap();
    std::fs::write(&entry, text.replace("\"3.12.1\"", "\"3.12.1+doctored\"")).unwrap();
    let hit = find(Some(python.to_str().unwrap()), cache.path()).unwrap();
    assert_eq!(hit.version_string, "3.12.1+doctored");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn corrupt_cache_entry_is_ignored_and_rewritten() {
    let Some(root) = pyenv("3.12.1") else { return };
    let cache = cache();
    let python = root.join("bin/python3.12");
    let entry = cache::entry_path(cache.path(), &python);
    std::fs::create_dir_all(entry.parent().unwrap()).unwrap();
    std::fs::write(&entry, "{\"truncated").unwrap();
    let interp = find(Some(python.to_str().unwrap()), cache.path()).unwrap();
    assert_eq!(interp.version, (3, 12, 1));
    let rewritten = std::fs::read_to_string(&entry).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&rewritten).is_ok());
}

#[test]
fn bad_paths_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let cache = cache();
    let missing = dir.path().join("nope/python3");
    let err = find(Some(missing.to_str().unwrap()), cache.path())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("does not exist") && err.contains("nope/python3"),
        "{err}"
    );

    let plain = dir.path().join("python-text");
    std::fs::write(&plain, "not a program").unwrap();
    let err = find(Some(plain.to_str().unwrap()), cache.path())
        .unwrap_err()
        .to_string();
    assert!(err.contains("not executable"), "{err}");

    let err = find(Some(dir.path().to_str().unwrap()), cache.path())
        .unwrap_err()
        .to_string();
    assert!(err.contains("is a directory"), "{err}");

    let err = find(Some("no-such-python-command-xyz"), cache.path())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("no command 'no-such-python-command-xyz' found on PATH"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn failing_interpreter_reports_its_stderr() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("python3");
    std::fs::write(
        &fake,
        "#!/bin/sh\necho 'fake python is broken' >&2\nexit 3\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let cache = cache();
    let err = find(Some(fake.to_str().unwrap()), cache.path())
        .unwrap_err()
        .to_string();
    assert!(err.contains("fake python is broken"), "{err}");
    assert!(
        err.contains(&fake.display().to_string()) || err.contains("python3"),
        "{err}"
    );
    assert!(!cache::entry_path(cache.path(), &fake).exists());
}

/// PyPy comes from the distribution (Debian's pypy3), which CI images may
/// not install: this test only ever skips when it is absent, even in CI.
#[test]
#[cfg_attr(not(has_pypy3), ignore = "needs pypy3")]
fn pypy_is_reported_as_pypy() {
    let Some(pypy) = discover::which("pypy3").filter(|p| !discover::is_script(p)) else {
        eprintln!("skipping: no pypy3 binary on PATH");
        return;
    };
    let interp = find(Some(pypy.to_str().unwrap()), cache().path()).unwrap();
    assert_eq!(interp.implementation, "PyPy");
    assert_eq!(interp.version.0, 3);
    let expected = format!(
        "lib/pypy{}.{}/site-packages",
        interp.version.0, interp.version.1
    );
    assert_eq!(interp.purelib, expected);
    let by_version = find(
        Some(&format!("pypy{}.{}", interp.version.0, interp.version.1)),
        cache().path(),
    )
    .unwrap();
    assert_eq!(by_version.implementation, "PyPy");
}

#[test]
fn display_path_abbreviates_home() {
    if let Some(home) = std::env::home_dir().filter(|h| h.parent().is_some()) {
        assert_eq!(display_path(&home.join("x/y")), "~/x/y");
    }
    assert_eq!(display_path(Path::new("/")), "/");
}

#[cfg(unix)]
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_pyenv_shims)),
    ignore = "needs pyenv CPython 3.12 and pyenv shims"
)]
fn a_shim_that_must_run_is_cached_only_under_what_ran() {
    // A copy of the real shim outside pyenv's root cannot be seen through
    // (its root has no versions), so the shim itself is run.
    let Some(versions) = discover::pyenv_versions_dir() else {
        return;
    };
    let real_shim = versions.parent().unwrap().join("shims/python3");
    if !real_shim.is_file() {
        skip::<()>(&format!("no pyenv shim at {}", real_shim.display()));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let shims = dir.path().join("shims");
    std::fs::create_dir(&shims).unwrap();
    let shim = shims.join("python3");
    std::fs::copy(&real_shim, &shim).unwrap();
    assert_eq!(pyenv::resolve_shim(&shim), None);
    let cache = cache();
    let interp = find(Some(shim.to_str().unwrap()), cache.path()).unwrap();
    assert!(interp.executable.starts_with(&versions), "{interp:?}");
    assert!(!cache::entry_path(cache.path(), &shim).exists());
    let entries = std::fs::read_dir(cache.path().join("interpreters"))
        .unwrap()
        .count();
    assert_eq!(entries, 1, "cached once, under the executable that ran");
}

/// A shell script at `dir/python3` posing as an interpreter.
#[cfg(unix)]
fn fake_python(dir: &Path, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let fake = dir.join("python3");
    std::fs::write(&fake, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    fake
}

/// A message for an assertion: the whole of a short one, the ends of a long one.
#[cfg(unix)]
fn brief(err: &str) -> String {
    if err.len() <= 2000 {
        return err.to_string();
    }
    let (mut a, mut b) = (300, err.len() - 300);
    while !err.is_char_boundary(a) {
        a += 1;
    }
    while !err.is_char_boundary(b) {
        b += 1;
    }
    format!("{} [...] {} ({} bytes)", &err[..a], &err[b..], err.len())
}

/// 50 MB of answer is read to its end but not quoted in full.
#[cfg(unix)]
#[test]
fn a_flood_on_stdout_is_not_quoted_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let fake = fake_python(
        dir.path(),
        "head -c 50000000 /dev/zero | tr '\\000' x\necho\n",
    );
    let cache = cache();
    let err = format!(
        "{:#}",
        find(Some(fake.to_str().unwrap()), cache.path()).unwrap_err()
    );
    assert!(err.contains("something unexpected"), "{}", brief(&err));
    assert!(
        err.contains("(50000001 bytes on stdout)"),
        "{}",
        brief(&err)
    );
    assert!(err.contains("xxxx\"…"), "{}", brief(&err));
    assert!(
        err.len() < 2000,
        "{} bytes of error: {}",
        err.len(),
        brief(&err)
    );
    assert!(!cache::entry_path(cache.path(), &fake).exists());
}

/// 50 MB on stderr from a failing "interpreter": the end is shown, briefly.
#[cfg(unix)]
#[test]
fn a_flood_on_stderr_is_not_quoted_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let fake = fake_python(
        dir.path(),
        "head -c 50000000 /dev/zero | tr '\\000' y >&2\necho ' the real complaint' >&2\nexit 3\n",
    );
    let cache = cache();
    let err = format!(
        "{:#}",
        find(Some(fake.to_str().unwrap()), cache.path()).unwrap_err()
    );
    assert!(
        err.contains("failed to run the interpreter query"),
        "{}",
        brief(&err)
    );
    assert!(err.contains("…yyy"), "{}", brief(&err));
    assert!(
        err.contains("the real complaint"),
        "the end is kept: {}",
        brief(&err)
    );
    assert!(err.contains("of 50000020 bytes"), "{}", brief(&err));
    assert!(
        err.len() < 2000,
        "{} bytes of error: {}",
        err.len(),
        brief(&err)
    );
}

/// An answer after a lot of chatter is still found: the end of stdout is kept.
#[cfg(unix)]
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn the_answer_after_megabytes_of_chatter_is_still_read() {
    let Some(root) = pyenv("3.12.1") else { return };
    let dir = tempfile::tempdir().unwrap();
    let real = root.join("bin/python3.12");
    let fake = fake_python(
        dir.path(),
        &format!(
            "head -c 3000000 /dev/zero | tr '\\000' z\necho\nexec '{}' \"$@\"\n",
            real.display()
        ),
    );
    let interp = find(Some(fake.to_str().unwrap()), cache().path()).unwrap();
    assert_eq!(interp.version, (3, 12, 1));
}

#[test]
fn only_the_end_of_a_stream_is_kept() {
    let data: Vec<u8> = (0..5 * query::KEEP as u64 + 7)
        .map(|i| (i % 251) as u8)
        .collect();
    let stream = query::read_tail(&data[..]);
    assert_eq!(stream.total, data.len() as u64);
    assert_eq!(stream.kept.len(), query::KEEP);
    assert_eq!(stream.kept[..], data[data.len() - query::KEEP..]);
    let short = query::read_tail(&b"short"[..]);
    assert_eq!((short.kept.as_slice(), short.total), (&b"short"[..], 5));
}

/// A hanging "interpreter" is killed at the limit, with whatever it started
/// (its process group): the test process becomes the reaper of the script's
/// orphaned `sleep` and sees it die of SIGKILL, not end after 30 s.
#[cfg(target_os = "linux")]
#[test]
fn a_hanging_interpreter_is_killed_with_its_children() {
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("sleep.pid");
    let fake = fake_python(
        dir.path(),
        &format!("sleep 30 &\necho $! > '{}'\nwait\n", pid_file.display()),
    );
    // SAFETY: prctl with PR_SET_CHILD_SUBREAPER only sets a flag of this
    // process: orphaned descendants are re-parented here instead of to init.
    let rc = unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) };
    assert_eq!(rc, 0, "prctl: {}", std::io::Error::last_os_error());

    let err = query::run_within(&fake, std::time::Duration::from_secs(1)).unwrap_err();
    let msg = format!("{err:#}");
    assert!(
        msg.contains("did not answer the interpreter query within 1 s") && msg.contains("python3"),
        "{msg}"
    );
    let pid: libc::pid_t = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let mut status = 0;
    // SAFETY: waitpid on a pid that is now this process's child (re-parented
    // to the subreaper); `status` is a valid out-pointer.
    let waited = unsafe { libc::waitpid(pid, &mut status, 0) };
    assert_eq!(waited, pid, "waitpid: {}", std::io::Error::last_os_error());
    assert!(
        libc::WIFSIGNALED(status) && libc::WTERMSIG(status) == libc::SIGKILL,
        "the script's sleep was not killed (status {status:#x})"
    );
}

#[test]
fn the_time_limit_is_described_plainly() {
    use std::time::Duration;
    assert_eq!(query::describe(Duration::from_secs(10)), "10 s");
    assert_eq!(query::describe(Duration::from_millis(1500)), "1500 ms");
}

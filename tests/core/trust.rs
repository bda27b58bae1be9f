//! envreg never deletes or overwrites what it does not own, and a command
//! either does all it says or nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// A mount made for one test, unmounted when dropped. Needs root (CI is).
struct Mount(PathBuf);

impl Mount {
    fn new(args: &[&str], at: &Path) -> Option<Mount> {
        let ok = Command::new("mount")
            .args(args)
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mount(at.to_path_buf()))
    }

    /// `at` bound onto itself, read-only.
    fn read_only(at: &Path) -> Option<Mount> {
        let m = Mount::new(&["--bind", at.to_str()?], at)?;
        let ok = Command::new("mount")
            .args(["-o", "remount,bind,ro"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(m)
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn need_mount(m: Option<Mount>) -> Option<Mount> {
    if m.is_none() {
        skip("mounting needs root (mount --bind / tmpfs)");
    }
    m
}

/// An index entry for `name` whose recorded path is `path`.
fn set_path(w: &World, name: &str, path: &str) {
    let text = std::fs::read_to_string(w.index()).unwrap();
    let old = w.env_dir(name).display().to_string();
    assert!(text.contains(&old));
    std::fs::write(w.index(), text.replace(&old, path)).unwrap();
}

fn fake_env(dir: &Path) {
    std::fs::create_dir_all(dir.join("bin")).unwrap();
    std::fs::write(dir.join("pyvenv.cfg"), "home = /usr/bin\n").unwrap();
    std::fs::write(dir.join("precious"), "data").unwrap();
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn rm_never_deletes_outside_the_home() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let outside = w.dir.path().join("outside");
    fake_env(&outside);
    // An absolute path elsewhere, a relative one, and one with `..`.
    let cases = [
        outside.display().to_string(),
        "../outside".to_string(),
        format!("{}/envs/../../outside", w.envreg_home().display()),
    ];
    for (i, path) in cases.iter().enumerate() {
        let name = format!("e{i}");
        w.mkenv(&name, &py, &["--no-pip"]);
        set_path(&w, &name, path);
        let out = w.run(["show", &name]).ok();
        assert!(out.stdout.contains("moved or copied"), "{}", out.stdout);
        w.run(["rm", "-y", &name]).ok();
        assert!(!w.env_dir(&name).exists(), "{path}: envs/{name} stays");
        assert_eq!(
            std::fs::read_to_string(outside.join("precious")).unwrap(),
            "data",
            "{path}: deleted outside the home"
        );
    }
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn rm_in_a_copied_home_leaves_the_original_alone() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("x", &py, &["--no-pip"]);
    let copy = w.dir.path().join("copy");
    let status = Command::new("cp")
        .args(["-a"])
        .arg(w.envreg_home())
        .arg(&copy)
        .status()
        .unwrap();
    assert!(status.success());
    let out = w
        .cmd(["rm", "-y", "x"])
        .env("ENVREG_HOME", &copy)
        .output()
        .unwrap();
    Out::from(out).ok();
    assert!(!copy.join("envs/x").exists());
    assert!(
        w.env_dir("x").join("pyvenv.cfg").is_file(),
        "the original env was deleted"
    );
    assert_eq!(w.names(), ["x"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_symlink_in_envs_is_removed_not_followed() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("x", &py, &["--no-pip"]);
    let outside = w.dir.path().join("outside");
    fake_env(&outside);
    std::fs::remove_dir_all(w.env_dir("x")).unwrap();
    std::os::unix::fs::symlink(&outside, w.env_dir("x")).unwrap();
    w.run(["rm", "-y", "x"]).ok();
    assert!(w.env_dir("x").symlink_metadata().is_err());
    assert_eq!(
        std::fs::read_to_string(outside.join("precious")).unwrap(),
        "data"
    );
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_root)),
    ignore = "needs pyenv CPython 3.12, root (mounts)"
)]
fn rm_is_all_or_nothing_when_a_move_fails() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    w.mkenv("b", &py, &["--no-pip"]);
    w.mkenv("c", &py, &["--no-pip"]);
    // A mount point cannot be renamed (EBUSY): b cannot be moved aside.
    let Some(_m) = need_mount(Mount::new(&["-t", "tmpfs", "none"], &w.env_dir("b"))) else {
        return;
    };
    std::fs::write(w.env_dir("b").join("pyvenv.cfg"), "home = /usr/bin\n").unwrap();
    let before = w.index_bytes();
    let out = w.run(["rm", "-y", "a", "b", "c"]);
    let out = out.fails_with(&["cannot remove 'b'", "nothing was removed"]);
    assert!(
        out.stderr.contains("busy"),
        "names the OS error: {}",
        out.stderr
    );
    assert_eq!(w.index_bytes(), before, "the index changed");
    assert!(
        w.env_dir("a").join("pyvenv.cfg").is_file(),
        "a was not put back"
    );
    assert!(w.env_dir("c").join("pyvenv.cfg").is_file());
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
    assert_eq!(w.names(), ["a", "b", "c"]);
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_root)),
    ignore = "needs pyenv CPython 3.12, root (mounts)"
)]
fn rm_on_a_read_only_envs_folder_removes_nothing() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let before = w.index_bytes();
    let Some(_m) = need_mount(Mount::read_only(&w.envreg_home().join("envs"))) else {
        return;
    };
    let out = w.run(["rm", "-y", "a"]);
    let out = out.fails_with(&["nothing was removed"]);
    assert!(out.stderr.contains("Read-only"), "{}", out.stderr);
    assert_eq!(w.index_bytes(), before);
    assert!(w.env_dir("a").join("pyvenv.cfg").is_file());
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_root)),
    ignore = "needs pyenv CPython 3.12, root (mounts)"
)]
fn trash_that_cannot_be_deleted_is_reported_once() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    // A removed env with a busy mount point inside it.
    let trash = w.envreg_home().join("envs/.trash-old-1-1x0");
    std::fs::create_dir_all(trash.join("mnt")).unwrap();
    let Some(m) = need_mount(Mount::new(&["-t", "tmpfs", "none"], &trash.join("mnt"))) else {
        return;
    };
    let first = w.run(["ls"]).ok();
    assert_eq!(
        first.stderr.matches("cannot delete").count(),
        1,
        "{}",
        first.stderr
    );
    let second = w.run(["ls"]).ok();
    assert!(
        !second.stderr.contains("cannot delete"),
        "{}",
        second.stderr
    );
    drop(m);
    w.run(["ls"]).ok();
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
}

/// `workon`'s call records last-used without the lock and silently.
fn touch(w: &World, name: &str) -> Out {
    w.run(["path", "--workon", name])
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn workon_records_last_used_without_the_lock() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let before = w.index_bytes();
    // Another command holds the lock (here: this test) while workon runs;
    // if workon waited for it, this test would hang.
    let holder = std::fs::File::options()
        .write(true)
        .open(w.envreg_home().join("index.lock"))
        .unwrap();
    holder.lock().unwrap();
    let out = touch(&w, "a").ok();
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout.lines().next(), w.env_dir("a").to_str());
    drop(holder);
    assert_eq!(w.index_bytes(), before, "the hot path rewrote the index");
    let json = w.run(["show", "a", "--json"]).ok().stdout;
    assert!(!json.contains("\"last_used\": null"), "{json}");
    // The next locked command folds it into the index.
    w.mkenv("b", &py, &["--no-pip"]);
    let text = String::from_utf8(w.index_bytes().unwrap()).unwrap();
    assert!(text.contains("last_used"), "{text}");
    assert!(!w.envreg_home().join("used/a").exists());
    // An unknown name records nothing.
    touch(&w, "nosuch").fails_with(&["no environment named 'nosuch'"]);
    assert!(!w.envreg_home().join("used/nosuch").exists());
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_root)),
    ignore = "needs pyenv CPython 3.12, root (mounts)"
)]
fn workon_works_on_a_read_only_home() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let Some(_m) = need_mount(Mount::read_only(&w.envreg_home())) else {
        return;
    };
    let out = touch(&w, "a").ok();
    assert_eq!(out.stderr, "", "no message on a read-only home");
    assert_eq!(out.stdout.lines().next(), w.env_dir("a").to_str());
    let out = w.run(["ls", "--names"]).ok();
    assert_eq!(out.stdout, "a\n");
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_root)),
    ignore = "needs pyenv CPython 3.12, root (mounts)"
)]
fn workon_works_on_a_full_disk() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let home = w.envreg_home();
    std::fs::create_dir_all(&home).unwrap();
    let Some(_m) = need_mount(Mount::new(&["-t", "tmpfs", "-o", "size=2m", "none"], &home)) else {
        return;
    };
    w.mkenv("a", &py, &["--no-pip"]);
    // Fill the file system to the last block.
    let mut filler = std::fs::File::create(home.join("filler")).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    use std::io::Write;
    while filler.write_all(&chunk).is_ok() {}
    let _ = filler.write_all(&[0u8; 512]);
    drop(filler);
    // Inodes remain on tmpfs, so also take the used/ directory's place.
    let out = touch(&w, "a").ok();
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout.lines().next(), w.env_dir("a").to_str());
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_root)),
    ignore = "needs pyenv CPython 3.12, root (mounts)"
)]
fn mkenv_that_cannot_save_the_index_leaves_nothing() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    // The index is a link into a directory that becomes read-only: it can
    // be read (and locked: the lock file is elsewhere) but not replaced.
    let dot = w.dir.path().join("dotfiles");
    std::fs::create_dir(&dot).unwrap();
    std::fs::rename(w.index(), dot.join("index.ron")).unwrap();
    std::os::unix::fs::symlink(dot.join("index.ron"), w.index()).unwrap();
    let before = w.index_bytes();
    let Some(_m) = need_mount(Mount::read_only(&dot)) else {
        return;
    };
    w.run(["mkenv", "b", "-p", py.to_str().unwrap(), "--no-pip"])
        .fails_with(&["Read-only"]);
    assert!(!w.env_dir("b").exists(), "an unrecorded env was left");
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
    assert_eq!(w.index_bytes(), before);
    assert_eq!(w.names(), ["a"]);
}

//! `man envreg`, `man envreg-mkenv` and `man workon` work after the README's
//! install: its man-page line is run as written, in a temporary HOME, with
//! the binary where `cargo install` puts it.

use std::path::Path;
use std::process::Command;

use crate::common::{BIN, World, skip};

/// The README's install line for the man pages (the one that copies into
/// `share/man/man1`), without its trailing comment.
fn readme_man_line() -> String {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let text = std::fs::read_to_string(readme).unwrap();
    let line = text
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .find(|l| l.contains("share/man/man1") && l.contains("cp "))
        .expect("the README's install block copies the man pages");
    line.split(" #").next().unwrap().trim().to_string()
}

#[test]
#[cfg_attr(not(has_man), ignore = "needs man")]
fn man_finds_every_page_after_the_readme_install() {
    if Command::new("man").arg("-w").arg("man").output().is_err() {
        skip("no man command");
        return;
    }
    let w = World::new();
    let home = w.home();
    let bin = home.join(".cargo/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(BIN, bin.join("envreg")).unwrap();
    let path = format!("{}:/usr/local/bin:/usr/bin:/bin", bin.display());
    let man = |args: &[&str]| {
        Command::new("man")
            .args(args)
            .env_clear()
            .env("HOME", &home)
            .env("PATH", &path)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("MANWIDTH", "100")
            .output()
            .unwrap()
    };
    // Before the install, nothing is found (or the test proves nothing).
    assert!(!man(&["-w", "envreg-mkenv"]).status.success());

    let line = readme_man_line();
    let out = Command::new("sh")
        .args(["-c", &line])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("HOME", &home)
        .output()
        .unwrap();
    assert!(out.status.success(), "{line}: {out:?}");

    let pages = home.join(".cargo/share/man/man1");
    for (page, file) in [
        ("envreg", "envreg.1"),
        ("envreg-mkenv", "envreg-mkenv.1"),
        ("workon", "workon.1"),
        // deactivate.1 is a `.so` link, which man resolves.
        ("deactivate", "workon.1"),
    ] {
        let out = man(&["-w", page]);
        assert!(out.status.success(), "man -w {page}: {out:?}");
        let found = String::from_utf8_lossy(&out.stdout);
        assert_eq!(found.trim(), pages.join(file).display().to_string());
    }
    // The pages render, with their content.
    for (page, needle) in [
        ("envreg-mkenv", "envreg mkenv api -p 3.12"),
        ("workon", "EXIT STATUS"),
        ("deactivate", "EXIT STATUS"),
    ] {
        let out = man(&[page]);
        let text = String::from_utf8_lossy(&out.stdout).replace("\u{2010}", "-");
        assert!(out.status.success(), "man {page}: {out:?}");
        assert!(text.contains(needle), "man {page}: {text}");
    }
}

//! Every file under shell/ passes its own shell's syntax check: shellcheck
//! for bash and POSIX sh, `zsh -n`, `fish --no-execute`, `tcsh -n`,
//! nushell's `--ide-check`, and xonsh's own parser. A missing checker skips
//! its test with a printed reason (a failure under CI=true). PowerShell and
//! cmd.exe files are not checked: no parser for them runs here.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::shell::{find_on_path, skip, text};

/// Every file under shell/, recursively, sorted.
fn shell_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("shell"),
        &mut out,
    );
    out.sort();
    out
}

fn extension(path: &Path) -> &str {
    path.extension().and_then(|e| e.to_str()).unwrap_or("")
}

/// Which checker a file extension belongs to; None for the files no
/// checker here can read.
fn checker(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "bash" | "sh" => "shellcheck",
        "zsh" => "zsh",
        "fish" => "fish",
        "tcsh" | "csh" => "tcsh",
        "nu" => "nu",
        "xonsh" => "xonsh",
        "ps1" | "bat" => return None,
        other => panic!("no syntax check is known for .{other} files under shell/"),
    })
}

/// Run `program`'s check on every file it belongs to; fail listing each
/// file it rejects. `check` builds the command for one file and says
/// whether its output is clean.
fn lint(program: &str, check: impl Fn(&Path) -> (Command, fn(&std::process::Output) -> bool)) {
    if find_on_path(program).is_none() {
        skip(&format!("{program} is not installed"));
        return;
    }
    let files: Vec<PathBuf> = shell_files()
        .into_iter()
        .filter(|f| checker(extension(f)) == Some(program))
        .collect();
    assert!(!files.is_empty(), "no files for {program}");
    let mut failures = Vec::new();
    for file in &files {
        let (mut cmd, clean) = check(file);
        let out = cmd.output().unwrap();
        if !clean(&out) {
            failures.push(format!(
                "{}:\n{}{}",
                file.display(),
                text(&out.stdout),
                text(&out.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!("{program}: {} files clean", files.len());
}

fn succeeded(out: &std::process::Output) -> bool {
    out.status.success()
}

/// `zsh -n` and `tcsh -n` report syntax errors on stderr, not always in
/// the exit status.
fn silent_success(out: &std::process::Output) -> bool {
    out.status.success() && out.stderr.is_empty()
}

#[test]
fn every_shell_file_has_a_known_checker() {
    for file in shell_files() {
        checker(extension(&file));
    }
}

#[test]
#[cfg_attr(not(has_shellcheck), ignore = "needs shellcheck")]
fn shellcheck_bash_and_sh_files() {
    lint("shellcheck", |f| {
        let mut cmd = Command::new("shellcheck");
        cmd.arg(f);
        (cmd, succeeded)
    });
}

#[test]
#[cfg_attr(not(has_zsh), ignore = "needs zsh")]
fn zsh_parses_zsh_files() {
    lint("zsh", |f| {
        let mut cmd = Command::new("zsh");
        cmd.args(["-f", "-n"]).arg(f);
        (cmd, silent_success)
    });
}

#[test]
#[cfg_attr(not(has_fish), ignore = "needs fish")]
fn fish_parses_fish_files() {
    lint("fish", |f| {
        let mut cmd = Command::new("fish");
        cmd.args(["--no-config", "--no-execute"]).arg(f);
        (cmd, silent_success)
    });
}

#[test]
#[cfg_attr(not(has_tcsh), ignore = "needs tcsh")]
fn tcsh_parses_tcsh_files() {
    lint("tcsh", |f| {
        let mut cmd = Command::new("tcsh");
        cmd.args(["-f", "-n"]).arg(f);
        (cmd, silent_success)
    });
}

#[test]
#[cfg_attr(not(has_nu), ignore = "needs nu")]
fn nu_parses_nu_files() {
    fn clean(out: &std::process::Output) -> bool {
        out.status.success() && !text(&out.stdout).contains("\"severity\":\"Error\"")
    }
    lint("nu", |f| {
        let mut cmd = Command::new("nu");
        cmd.args(["--no-config-file", "--ide-check", "10"]).arg(f);
        (cmd, clean)
    });
}

#[test]
#[cfg_attr(not(has_xonsh), ignore = "needs xonsh")]
fn xonsh_parses_xonsh_files() {
    lint("xonsh", |f| {
        let mut cmd = Command::new("xonsh");
        cmd.args([
            "--no-rc",
            "-c",
            "import sys; __xonsh__.execer.parse(open(sys.argv[-1]).read(), ctx=set(), filename=sys.argv[-1])",
        ])
        .arg(f);
        (cmd, silent_success)
    });
}

/// The checkers above do fail: each is given a broken file of its kind.
#[test]
#[cfg_attr(
    not(all(has_shellcheck, has_zsh, has_fish, has_nu, has_xonsh)),
    ignore = "needs shellcheck, zsh, fish, nu, xonsh"
)]
fn the_checkers_reject_broken_files() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &str, &[&str], &str, bool); 5] = [
        (
            "shellcheck",
            "bad.bash",
            &[],
            "#!/bin/bash\nif [ x = y ]; then\n",
            false,
        ),
        ("zsh", "bad.zsh", &["-f", "-n"], "if true; then\n", true),
        (
            "fish",
            "bad.fish",
            &["--no-config", "--no-execute"],
            "if true\n  echo\n",
            true,
        ),
        (
            "nu",
            "bad.nu",
            &["--no-config-file", "--ide-check", "10"],
            "def f [ {\n",
            false,
        ),
        (
            "xonsh",
            "bad.xonsh",
            &[
                "--no-rc",
                "-c",
                "import sys; __xonsh__.execer.parse(open(sys.argv[-1]).read(), ctx=set(), filename=sys.argv[-1])",
            ],
            "def f(:\n    pass\n",
            true,
        ),
    ];
    for (program, name, args, body, by_status) in cases {
        if find_on_path(program).is_none() {
            skip(&format!("{program} is not installed"));
            continue;
        }
        let file = dir.path().join(name);
        std::fs::write(&file, body).unwrap();
        let out = Command::new(program)
            .args(args)
            .arg(&file)
            .output()
            .unwrap();
        let rejected = if program == "nu" {
            text(&out.stdout).contains("\"severity\":\"Error\"")
        } else if by_status {
            !silent_success(&out)
        } else {
            !out.status.success()
        };
        assert!(rejected, "{program} accepted a broken file");
    }
}

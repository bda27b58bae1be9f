//! Issue #8, the shell-side papercuts, in real shells without rc files:
//! bare `workon` when its output is not a terminal, cancelling the picker,
//! the `mkenv` hint only where `workon` is not set up, `envreg init` without
//! a shell name, completion generated from the command-line definition, and
//! every file under shell/ passing its shell's own syntax check.

mod shell_common;

use shell_common::*;

/// The hint `mkenv` gives when `workon` is not set up in the calling shell.
const HINT: &str = "activate it with 'workon";

fn mkenv_stderr(sb: &Sandbox, shell: &str, args: &[&str], script: &str) -> String {
    let python = python().expect("no Python found to build test environments");
    let out = sb
        .command(shell)
        .args(args)
        .arg(script)
        .env("PY", &python)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stderr)
}

/// The hooks export ENVREG_SHELL; `mkenv` run from a shell whose hook is
/// loaded gives no "activate it with 'workon NAME'" hint, from a shell
/// without the hook it does, and the variable inherited by a different
/// shell does not count.
#[test]
fn mkenv_hint_only_where_workon_is_not_set_up() {
    if !require("bash") || !require("zsh") {
        return;
    }
    let sb = Sandbox::new();
    // `; true` keeps bash from exec'ing envreg in its own place, so that
    // envreg's parent process is the shell.
    let with_hook = mkenv_stderr(
        &sb,
        "bash",
        &["--norc", "--noprofile", "-c"],
        r#"eval "$(envreg init bash)"; echo "MARK=$ENVREG_SHELL" >&2; envreg mkenv a --no-pip -p "$PY" >/dev/null; true"#,
    );
    assert!(with_hook.contains("MARK=bash"), "{with_hook}");
    assert!(
        !with_hook.contains(HINT),
        "hint despite the hook: {with_hook}"
    );
    let without = mkenv_stderr(
        &sb,
        "bash",
        &["--norc", "--noprofile", "-c"],
        r#"envreg mkenv b --no-pip -p "$PY" >/dev/null; true"#,
    );
    assert!(
        without.contains(HINT),
        "no hint without the hook: {without}"
    );
    assert!(without.contains("workon b"), "{without}");
    let zsh = mkenv_stderr(
        &sb,
        "zsh",
        &["-f", "-c"],
        r#"eval "$(envreg init zsh)"; envreg mkenv c --no-pip -p "$PY" >/dev/null; true"#,
    );
    assert!(!zsh.contains(HINT), "hint despite the zsh hook: {zsh}");
    // A zsh without the hook, started from a bash that has it.
    let child = mkenv_stderr(
        &sb,
        "bash",
        &["--norc", "--noprofile", "-c"],
        r#"eval "$(envreg init bash)"; zsh -f -c 'envreg mkenv d --no-pip -p "$PY" >/dev/null; true'; true"#,
    );
    assert!(
        child.contains(HINT),
        "inherited marker hid the hint: {child}"
    );
    // From a program that is no shell, the marker alone decides.
    let python = python().unwrap();
    let direct = sb
        .command(ENVREG)
        .args(["mkenv", "e", "--no-pip", "-p"])
        .arg(&python)
        .env("ENVREG_SHELL", "fish")
        .output()
        .unwrap();
    assert!(direct.status.success());
    assert!(
        !text(&direct.stderr).contains(HINT),
        "{}",
        text(&direct.stderr)
    );
    let direct = sb
        .command(ENVREG)
        .args(["mkenv", "f", "--no-pip", "-p"])
        .arg(&python)
        .output()
        .unwrap();
    assert!(
        text(&direct.stderr).contains(HINT),
        "{}",
        text(&direct.stderr)
    );
}

/// The hooks of the shells that run here export the marker when sourced.
#[test]
fn hooks_export_the_marker() {
    let sb = Sandbox::new();
    let cases: [(&str, &[&str], &str); 5] = [
        (
            "bash",
            &["--norc", "--noprofile", "-c"],
            r#"eval "$(envreg init bash)"; env"#,
        ),
        ("zsh", &["-f", "-c"], r#"eval "$(envreg init zsh)"; env"#),
        (
            "fish",
            &["--no-config", "-c"],
            "envreg init fish | source; env",
        ),
        ("tcsh", &["-f", "-c"], "eval \"`envreg init tcsh`\"; env"),
        (
            "xonsh",
            &["--no-rc", "-c"],
            r#"execx(__import__("subprocess").check_output(["envreg", "init", "xonsh"], text=True)); print(__import__("subprocess").check_output(["env"], text=True, env=__xonsh__.env.detype()))"#,
        ),
    ];
    for (shell, args, script) in cases {
        if !require(shell) {
            continue;
        }
        let out = sb.command(shell).args(args).arg(script).output().unwrap();
        let env = text(&out.stdout);
        assert!(
            env.lines().any(|l| l == format!("ENVREG_SHELL={shell}")),
            "{shell}: no ENVREG_SHELL={shell} exported\n{env}\n{}",
            text(&out.stderr)
        );
    }
}

/// `envreg init` without a shell prints the hook of the shell that runs it
/// and says on stderr what it detected and from where.
#[test]
fn init_without_a_shell_detects_the_parent() {
    let sb = Sandbox::new();
    let cases: [(&str, &[&str], &str); 3] = [
        (
            "bash",
            &["--norc", "--noprofile", "-c"],
            "envreg init; true",
        ),
        ("zsh", &["-f", "-c"], "envreg init; true"),
        ("fish", &["--no-config", "-c"], "envreg init; true"),
    ];
    for (shell, args, script) in cases {
        if !require(shell) {
            continue;
        }
        let out = sb.command(shell).args(args).arg(script).output().unwrap();
        assert!(out.status.success(), "{shell}: {}", text(&out.stderr));
        assert_eq!(
            text(&out.stderr),
            format!(
                "envreg: detected {shell} (from the parent process); pass the shell name to choose\n"
            )
        );
        assert_eq!(text(&out.stdout), text(&sb.envreg(&["init", shell]).stdout));
    }
    // Run by a program that is no shell: $SHELL decides.
    let out = sb
        .command(ENVREG)
        .arg("init")
        .env("SHELL", "/usr/bin/zsh")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        text(&out.stderr),
        "envreg: detected zsh (from $SHELL); pass the shell name to choose\n"
    );
    assert_eq!(text(&out.stdout), text(&sb.envreg(&["init", "zsh"]).stdout));
    // Neither: a usage error that says what to do.
    let out = sb.envreg(&["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("could not tell which shell you use"),
        "{}",
        text(&out.stderr)
    );
}

/// An unknown shell name is answered with the list of shells there are.
#[test]
fn init_with_an_unknown_shell_lists_the_shells() {
    let sb = Sandbox::new();
    let out = sb.envreg(&["init", "ksh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "envreg: unknown shell 'ksh'; envreg supports bash, zsh, fish, tcsh, xonsh, nu, powershell\n"
    );
}

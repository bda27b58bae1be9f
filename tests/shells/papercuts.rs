//! Issue #8, the shell-side papercuts, in real shells without rc files:
//! bare `workon` when its output is not a terminal, cancelling the picker,
//! the `mkenv` hint only where `workon` is not set up, `envreg init` without
//! a shell name, completion generated from the command-line definition, and
//! every file under shell/ passing its shell's own syntax check.

use crate::support::shell::*;

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
#[cfg_attr(
    not(all(has_bash, has_py_3_12, has_zsh)),
    ignore = "needs bash, pyenv CPython 3.12, zsh"
)]
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

/// Environments named so that each prefix below picks a known set.
fn sandbox_for_completion() -> Sandbox {
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1", "proj2", "other"]);
    sb
}

/// bash: `envreg init bash` registers the generated completion; it offers
/// subcommands (not the hidden `pick`), options, environment names after
/// rm/show/path/activate (not after mkenv) and shells after `init`.
#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_completes_envreg_from_the_definition() {
    if !require("bash") {
        return;
    }
    let sb = sandbox_for_completion();
    let run = sb.run_script(
        "bash",
        &["--norc", "--noprofile"],
        "sh",
        r#"set -eu
eval "$(envreg init bash)"
c() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _envreg envreg "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; echo "${COMPREPLY[*]}"; }
echo "REG=$(complete -p envreg)"
echo "SUB=$(c envreg s)"
echo "P=$(c envreg p)"
echo "OPT=$(c envreg ls --n)"
echo "SHOW=$(c envreg show o)"
echo "SHOWALL=$(c envreg show '')"
echo "RM2=$(c envreg rm proj1 pr)"
echo "PATHN=$(c envreg path p)"
echo "ACT=$(c envreg activate pr)"
echo "ACTSHELL=$(c envreg activate proj1 --shell f)"
echo "INIT=$(c envreg init z)"
echo "MKENV=$(c envreg mkenv p)"
echo "WORKON=$(complete -p workon)"
echo DONE=1
"#,
    );
    run.assert_done();
    assert!(run.get("REG").contains("-F _envreg"), "{}", run.get("REG"));
    assert!(run.get("REG").ends_with(" envreg"), "{}", run.get("REG"));
    assert_eq!(run.get("SUB"), "show set");
    assert_eq!(run.get("P"), "path python");
    assert_eq!(run.get("OPT"), "--names");
    assert_eq!(run.get("SHOW"), "other");
    assert_eq!(run.get("SHOWALL"), "other proj1 proj2");
    assert_eq!(run.get("RM2"), "proj1 proj2");
    assert_eq!(run.get("PATHN"), "proj1 proj2");
    assert_eq!(run.get("ACT"), "proj1 proj2");
    assert_eq!(run.get("ACTSHELL"), "fish");
    assert_eq!(run.get("INIT"), "zsh");
    assert_eq!(run.get("MKENV"), "");
    assert_eq!(
        run.get("WORKON"),
        "complete -F __envreg_complete_workon workon"
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

/// fish: subcommands and options come with their descriptions; names and
/// shells complete where they belong.
#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_completes_envreg_from_the_definition() {
    if !require("fish") {
        return;
    }
    let sb = sandbox_for_completion();
    let run = sb.run_script(
        "fish",
        &["--no-config"],
        "fish",
        r#"envreg init fish | source
echo "SUB="(complete -C 'envreg r' | string join '|')
echo "OPT="(complete -C 'envreg ls --n' | string join '|')
echo "SHOW="(complete -C 'envreg show o' | string join '|')
echo "RM="(complete -C 'envreg rm pr' | string join '|')
echo "INIT="(complete -C 'envreg init f' | string join '|')
echo "SHELL="(complete -C 'envreg activate proj1 --shell z' | string join '|')
set -l pick (complete -C 'envreg pi')
echo "PICK=$pick"
echo "WORKON="(complete -C 'workon o' | string join '|')
echo DONE=1
"#,
    );
    run.assert_done();
    assert_eq!(
        run.get("SUB"),
        "repair\tBring environments back after their Python was upgraded, moved or removed|\
         rm\tRemove environments (asks first on a terminal)|\
         run\tRun a command with an environment active, without changing the shell"
    );
    assert_eq!(
        run.get("OPT"),
        "--names\tPrint only the names, one per line"
    );
    assert_eq!(run.get("SHOW"), "other");
    assert_eq!(run.get("RM"), "proj1|proj2");
    assert_eq!(run.get("INIT"), "fish");
    assert_eq!(run.get("SHELL"), "zsh");
    // fish matches "pi" anywhere in a name ("repair"): only pick must be absent.
    assert!(
        !run.get("PICK").split('|').any(|c| c.starts_with("pick")),
        "the hidden pick is offered: {}",
        run.get("PICK")
    );
    assert_eq!(run.get("WORKON"), "other");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

/// zsh, in a real terminal with compinit: Tab completes a subcommand, an
/// option and an environment name, and lists options with descriptions.
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_tmux, has_zsh)),
    ignore = "needs pyenv CPython 3.12, tmux, zsh"
)]
fn zsh_completes_envreg_from_the_definition() {
    if !require("zsh") || !require("tmux") {
        return;
    }
    let sb = sandbox_for_completion();
    write(
        &sb.home.join(".zshrc"),
        "PS1='PROMPT%% '\nautoload -Uz compinit\ncompinit -u -D\neval \"$(envreg init zsh)\"\n",
    );
    let tmux = Tmux::start(&sb, "zsh -i");
    // The terminal drops trailing blanks: compare whole lines.
    let line = |want: &'static str| move |s: &str| s.lines().any(|l| l.trim_end() == want);
    tmux.wait_for(&|s| s.contains("PROMPT%"), "the first prompt");
    tmux.send(&["envreg sh", "Tab"]);
    tmux.wait_for(&line("PROMPT% envreg show"), "envreg show");
    tmux.send(&["ot", "Tab"]);
    tmux.wait_for(&line("PROMPT% envreg show other"), "the name other");
    tmux.send(&["C-u"]);
    tmux.send(&["envreg ls --na", "Tab"]);
    tmux.wait_for(&line("PROMPT% envreg ls --names"), "--names");
    tmux.send(&["C-u"]);
    tmux.send(&["envreg ls --", "Tab"]);
    let screen = tmux.wait_for(
        &|s| s.contains("Print only the names, one per line"),
        "the options with their descriptions",
    );
    assert!(screen.contains("--json"), "{screen}");
    tmux.send(&["C-u"]);
    tmux.send(&["envreg rm proj1 pr", "Tab"]);
    tmux.wait_for(&|s| s.contains("PROMPT% envreg rm proj1 proj"), "rm names");
}

/// nushell: `nu --ide-complete` on a script that sources the saved hook
/// completes subcommands, options and environment names.
#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_completes_envreg_from_the_definition() {
    if !require("nu") {
        return;
    }
    let sb = sandbox_for_completion();
    let hook = sb.dir.path().join("hook.nu");
    write(&hook, &text(&sb.envreg(&["init", "nu"]).stdout));
    let complete = |line: &str| {
        let file = sb.dir.path().join("complete.nu");
        let script = format!("source '{}'\n{line}", hook.display());
        write(&file, &script);
        let out = sb
            .command("nu")
            .args(["--no-config-file", "--ide-complete"])
            .arg(script.len().to_string())
            .arg(&file)
            .output()
            .unwrap();
        text(&out.stdout)
    };
    assert!(complete("envreg sh").contains("\"envreg show\""));
    assert!(complete("envreg ls --na").contains("\"--names\""));
    let names = complete("envreg show ");
    for name in ["proj1", "proj2", "other"] {
        assert!(names.contains(&format!("\"{name}\"")), "{names}");
    }
}

/// xonsh: the generated completer, called as xonsh calls it.
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_xonsh)),
    ignore = "needs pyenv CPython 3.12, xonsh"
)]
fn xonsh_completes_envreg_from_the_definition() {
    if !require("xonsh") {
        return;
    }
    let sb = sandbox_for_completion();
    let run = sb.run_script(
        "xonsh",
        &["--no-rc"],
        "xsh",
        r#"execx(__import__("subprocess").check_output(["envreg", "init", "xonsh"], text=True))
from xonsh.parsers.completion_context import CompletionContext, CommandContext, CommandArg
def c(*words):
    args = tuple(CommandArg(w) for w in words[:-1])
    ctx = CompletionContext(command=CommandContext(args=args, arg_index=len(args), prefix=words[-1]))
    found = __xonsh__.completers["envreg"](ctx)
    return "|".join(sorted(f"{x}:{getattr(x, 'description', '')}" for x in (found or ())))
print("SUB=" + c("envreg", "r"))
print("OPT=" + c("envreg", "ls", "--n"))
print("SHOW=" + c("envreg", "show", "o"))
print("INIT=" + c("envreg", "init", "z"))
print("DONE=1")
"#,
    );
    run.assert_done();
    assert_eq!(
        run.get("SUB"),
        "repair:Bring environments back after their Python was upgraded, moved or removed|\
         rm:Remove environments (asks first on a terminal)|\
         run:Run a command with an environment active, without changing the shell"
    );
    assert_eq!(run.get("OPT"), "--names:Print only the names, one per line");
    assert_eq!(run.get("SHOW"), "other:environment");
    assert_eq!(run.get("INIT"), "zsh:");
}

/// An interactive shell in tmux with the hook loaded and the prompt
/// `PROMPT$ `, and how it prints `$?` and VIRTUAL_ENV.
struct Interactive {
    shell: &'static str,
    /// The command tmux starts, given the sandbox.
    start: fn(&Sandbox) -> String,
    status_line: &'static str,
}

const INTERACTIVE: [Interactive; 3] = [
    Interactive {
        shell: "bash",
        start: |sb| {
            let rc = sb.dir.path().join("rc.bash");
            write(&rc, "PS1='PROMPT$ '\neval \"$(envreg init bash)\"\n");
            format!("bash --noprofile --rcfile '{}' -i", rc.display())
        },
        status_line: "echo \"ST=$? VE=${VIRTUAL_ENV:-none}\"",
    },
    Interactive {
        shell: "zsh",
        start: |sb| {
            write(
                &sb.home.join(".zshrc"),
                "PS1='PROMPT$ '\neval \"$(envreg init zsh)\"\n",
            );
            "zsh -i".to_string()
        },
        status_line: "echo \"ST=$? VE=${VIRTUAL_ENV:-none}\"",
    },
    Interactive {
        shell: "fish",
        start: |sb| {
            let rc = sb.dir.path().join("rc.fish");
            write(
                &rc,
                "function fish_prompt; echo -n 'PROMPT$ '; end\nfunction fish_greeting; end\nenvreg init fish | source\n",
            );
            format!("fish --no-config -i -C 'source {}'", rc.display())
        },
        status_line: "echo \"ST=$status VE=$VIRTUAL_ENV\"",
    },
];

/// The lines on the screen that are not blank, trailing blanks dropped.
fn lines(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// In a terminal, bare `workon` piped or redirected lists the names and
/// opens no picker; Esc, Ctrl-C and Ctrl-D in the picker each return to a
/// prompt with nothing else on the screen and nothing activated, with
/// status 1, 130 and 1.
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_tmux)),
    ignore = "needs pyenv CPython 3.12, tmux"
)]
fn bare_workon_lists_when_piped_and_the_picker_cancels_quietly() {
    if !require("tmux") {
        return;
    }
    for sh in &INTERACTIVE {
        if !require(sh.shell) {
            continue;
        }
        let sb = Sandbox::new();
        sb.mkenvs(&["proj1", "proj2"]);
        let tmux = Tmux::start(&sb, &(sh.start)(&sb));
        let prompt_only = |s: &str| lines(s) == ["PROMPT$"];
        // A screen holding only the prompt can also be the one before
        // `clear` ran (keys typed then would echo out of place): put a
        // marker on the screen first, so only the cleared screen matches.
        let clear = || {
            tmux.send(&["echo clear-marker", "Enter"]);
            tmux.wait_for(
                &|s| lines(s).iter().any(|l| l == "clear-marker"),
                "the marker before clearing",
            );
            tmux.send(&["clear", "Enter"]);
            tmux.wait_for(&prompt_only, "a cleared screen");
        };
        tmux.wait_for(&|s| s.contains("PROMPT$"), "the first prompt");
        clear();
        tmux.send(&["workon | cat", "Enter"]);
        let screen = tmux.wait_for(
            &|s| lines(s) == ["PROMPT$ workon | cat", "proj1", "proj2", "PROMPT$"],
            "the names from a piped workon",
        );
        assert!(!screen.contains("Esc to cancel"), "{}: {screen}", sh.shell);
        clear();
        tmux.send(&["workon > listed; cat listed", "Enter"]);
        tmux.wait_for(
            &|s| {
                lines(s)
                    == [
                        "PROMPT$ workon > listed; cat listed",
                        "proj1",
                        "proj2",
                        "PROMPT$",
                    ]
            },
            "the names from a redirected workon",
        );
        for (key, status) in [("Escape", "1"), ("C-c", "130"), ("C-d", "1")] {
            clear();
            tmux.send(&["workon", "Enter"]);
            tmux.wait_for(
                &|s| s.contains("Esc to cancel") && s.contains("proj2"),
                "the picker",
            );
            tmux.send(&[key]);
            let screen = tmux.wait_for(
                &|s| {
                    !s.contains("Esc to cancel") && lines(s).last().is_some_and(|l| l == "PROMPT$")
                },
                "the prompt after cancelling",
            );
            assert_eq!(
                lines(&screen),
                ["PROMPT$ workon", "PROMPT$"],
                "{} {key}: more than the prompt on the screen",
                sh.shell
            );
            tmux.send(&[sh.status_line, "Enter"]);
            let want = format!("ST={status} VE=");
            let screen = tmux.wait_for(&|s| s.contains(&want), "the status line");
            let line = lines(&screen)
                .into_iter()
                .find(|l| l.starts_with("ST="))
                .unwrap();
            assert!(
                line == format!("ST={status} VE=none") || line == format!("ST={status} VE="),
                "{} {key}: {line}",
                sh.shell
            );
        }
    }
}

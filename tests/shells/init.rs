//! what `envreg init` and `envreg activate` print, and that sourcing a hook runs nothing.

use super::*;

/// The hook files can be sourced directly and start no program when sourced:
/// with an empty PATH any external command would fail loudly.
#[test]
#[cfg_attr(
    not(all(has_bash, has_zsh, has_fish, has_tcsh, has_xonsh)),
    ignore = "needs bash, zsh, fish, tcsh, xonsh"
)]
fn sourcing_the_hooks_runs_no_program() {
    let sb = Sandbox::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("shell");
    let cases: [(&str, &[&str], &str, &str); 5] = [
        (
            "bash",
            BASH.args,
            "envreg.bash",
            "PATH=/nonexistent; set -eu; source \"$1\"; echo DONE=1",
        ),
        (
            "zsh",
            ZSH.args,
            "envreg.zsh",
            "PATH=/nonexistent; setopt err_exit nounset; source \"$1\"; echo DONE=1",
        ),
        (
            "fish",
            &["--no-config"],
            "envreg.fish",
            "set PATH /nonexistent; source $argv[1]; and echo DONE=1",
        ),
        (
            "tcsh",
            &["-f"],
            "envreg.tcsh",
            "setenv PATH /nonexistent\nsource \"$1\"\necho DONE=1",
        ),
        (
            "xonsh",
            &["--no-rc"],
            "envreg.xonsh",
            "$PATH = ['/nonexistent']\nexecx(open($ARGS[1]).read())\nprint('DONE=1')",
        ),
    ];
    for (program, args, file, script) in cases {
        let Some(exe) = find_on_path(program) else {
            skip(&format!("{program} is not installed"));
            continue;
        };
        let script_file = sb.dir.path().join(format!("source-{program}"));
        write(&script_file, script);
        let out = sb
            .command(&exe)
            .args(args)
            .arg(&script_file)
            .arg(dir.join(file))
            .output()
            .unwrap();
        let run = Run::from(out);
        run.assert_done();
        assert!(run.stderr.is_empty(), "{program}: {}", run.stderr);
    }
}

#[test]
#[cfg_attr(not(has_shellcheck), ignore = "needs shellcheck")]
fn bash_hook_passes_shellcheck() {
    if !require("shellcheck") {
        return;
    }
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("shell/envreg.bash");
    let out = std::process::Command::new("shellcheck")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stdout));
}

/// What `envreg init` prints is the file under shell/, its shell/extras/
/// file, then the one under shell/completions/ (tcsh: without the comment
/// lines); nushell and PowerShell are checked as text only.
#[test]
fn init_prints_the_hook_files() {
    let sb = Sandbox::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("shell");
    for (shell, file) in [
        ("bash", "envreg.bash"),
        ("zsh", "envreg.zsh"),
        ("fish", "envreg.fish"),
        ("xonsh", "envreg.xonsh"),
        ("nu", "envreg.nu"),
        ("powershell", "envreg.ps1"),
    ] {
        let out = sb.envreg(&["init", shell]);
        assert!(out.status.success());
        let extras = file.replace("envreg.", "extras/envreg-extras.");
        assert_eq!(
            text(&out.stdout),
            format!(
                "{}{}\n{}",
                std::fs::read_to_string(dir.join(file)).unwrap(),
                std::fs::read_to_string(dir.join(extras)).unwrap(),
                std::fs::read_to_string(dir.join("completions").join(file)).unwrap()
            )
        );
    }
    let tcsh = text(&sb.envreg(&["init", "tcsh"]).stdout);
    assert!(
        tcsh.lines()
            .all(|l| !l.starts_with('#') && l.ends_with(';')),
        "{tcsh}"
    );
    let nu = text(&sb.envreg(&["init", "nu"]).stdout);
    for needle in [
        "def --env workon [\n    name?: string@__envreg_names",
        "def --env deactivate",
        "path --workon",
    ] {
        assert!(nu.contains(needle), "nu hook lacks {needle}");
    }
    let ps = text(&sb.envreg(&["init", "powershell"]).stdout);
    for needle in [
        "function global:workon",
        "Activate.ps1",
        "path --workon",
        "__envreg_HooksDir = $hooks",
        "is active again",
        "Register-ArgumentCompleter",
    ] {
        assert!(ps.contains(needle), "PowerShell hook lacks {needle}");
    }
    assert!(
        ps.is_ascii(),
        "PowerShell hook must stay ASCII (no BOM needed)"
    );
    let bad = sb.envreg(&["init", "cmd"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn activate_prints_the_command_on_stderr() {
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1"]);
    let dir = sb.env_dir("proj1").display().to_string();
    let out = sb.envreg(&["activate", "proj1", "--shell", "fish"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("source '{dir}/bin/activate.fish'")),
        "{err}"
    );
    assert!(err.contains("envreg init fish | source"), "{err}");

    let out = sb.envreg(&["activate", "proj1", "--shell", "powershell"]);
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("& '{dir}/bin/Activate.ps1'")),
        "{err}"
    );

    let out = sb.envreg(&["activate", "nosuch"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no environment named 'nosuch'"));

    // Detected from the parent process: the shell that ran it.
    for (program, rc_line, activate) in [
        ("bash", "eval \"$(envreg init bash)\"", "/bin/activate'"),
        ("zsh", "eval \"$(envreg init zsh)\"", "/bin/activate'"),
        ("tcsh", "eval \"`envreg init tcsh`\"", "/bin/activate.csh'"),
    ] {
        let Some(exe) = find_on_path(program) else {
            skip(&format!("{program} is not installed"));
            continue;
        };
        let out = sb
            .command(exe)
            .args(["-c", "envreg activate proj1; echo ran"])
            .env("SHELL", "/bin/fish")
            .output()
            .unwrap();
        assert!(out.status.success());
        let err = text(&out.stderr);
        assert!(err.contains(rc_line), "{program}: {err}");
        assert!(err.contains(activate), "{program}: {err}");
    }
    // No shell parent: $SHELL decides.
    let out = sb
        .command(ENVREG)
        .args(["activate", "proj1"])
        .env("SHELL", "/usr/bin/fish")
        .output()
        .unwrap();
    assert!(text(&out.stderr).contains("envreg init fish | source"));
}

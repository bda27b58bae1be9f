//! virtualenvwrapper's user hooks, and the hooks directory the binary reports.

use super::*;

/// Global and per-env user hooks run in virtualenvwrapper's order.
fn hooks_script(sh: &Posix, log: &str) -> String {
    let Posix { strict, init, .. } = sh;
    format!(
        r#"{strict}
eval "$(envreg init {init})"
workon proj1
echo "FROMHOOK=${{FROM_HOOK-unset}}"
workon proj2
deactivate
echo "FROMHOOKEND=${{FROM_HOOK-unset}}"
echo "LASTENV=${{ENVREG_LAST_ENV-unset}}"
cat '{log}'
echo DONE=1
"#
    )
}

fn install_posix_hooks(sb: &Sandbox, log: &std::path::Path, suffix: &str) {
    let log = log.display();
    let hooks = sb.hooks_dir();
    let sourced = |label: &str| {
        format!(
            "echo \"{label} ${{VIRTUAL_ENV:+${{VIRTUAL_ENV##*/}}}} ${{ENVREG_LAST_ENV:+${{ENVREG_LAST_ENV##*/}}}}\" >> '{log}'\n"
        )
    };
    let run = |label: &str| format!("#!/bin/sh\necho \"{label} $1\" >> '{log}'\n");
    sb.write_exe(&hooks.join("preactivate"), &run("global-preactivate"));
    write(
        &hooks.join(format!("postactivate{suffix}")),
        &sourced("global-postactivate"),
    );
    write(
        &hooks.join(format!("predeactivate{suffix}")),
        &sourced("global-predeactivate"),
    );
    write(
        &hooks.join(format!("postdeactivate{suffix}")),
        &sourced("global-postdeactivate"),
    );
    for name in ["proj1", "proj2"] {
        let bin = sb.env_dir(name).join("bin");
        sb.write_exe(&bin.join("preactivate"), &run("env-preactivate"));
        write(
            &bin.join(format!("predeactivate{suffix}")),
            &sourced("env-predeactivate"),
        );
        write(
            &bin.join(format!("postdeactivate{suffix}")),
            &sourced("env-postdeactivate"),
        );
    }
}

pub(crate) const HOOK_ORDER: &str = "\
global-preactivate proj1
env-preactivate proj1
global-postactivate proj1 
env-postactivate proj1 
env-predeactivate proj1 
global-predeactivate proj1 
env-postdeactivate  proj1
global-postdeactivate  proj1
global-preactivate proj2
env-preactivate proj2
global-postactivate proj2 
env-postactivate proj2 
env-predeactivate proj2 
global-predeactivate proj2 
env-postdeactivate  proj2
global-postdeactivate  proj2
";

fn check_hooks(sh: &Posix) {
    if !require(sh.program) {
        return;
    }
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1", "proj2"]);
    let log = sb.dir.path().join("hooks.log");
    install_posix_hooks(&sb, &log, "");
    for name in ["proj1", "proj2"] {
        let bin = sb.env_dir(name).join("bin");
        write(
            &bin.join("postactivate"),
            &format!(
                "echo \"env-postactivate ${{VIRTUAL_ENV##*/}} \" >> '{}'\nexport FROM_HOOK=1\n",
                log.display()
            ),
        );
        write(
            &bin.join("predeactivate"),
            &format!(
                "echo \"env-predeactivate ${{VIRTUAL_ENV##*/}} \" >> '{}'\nunset FROM_HOOK\n",
                log.display()
            ),
        );
    }
    let run = sb.run_script(
        sh.program,
        sh.args,
        "sh",
        &hooks_script(sh, &log.display().to_string()),
    );
    run.assert_done();
    assert_eq!(run.get("FROMHOOK"), "1", "postactivate was not sourced");
    assert_eq!(
        run.get("FROMHOOKEND"),
        "unset",
        "predeactivate was not sourced"
    );
    assert_eq!(run.get("LASTENV"), "unset", "ENVREG_LAST_ENV leaked");
    let logged = std::fs::read_to_string(&log).unwrap();
    assert_eq!(logged, HOOK_ORDER);
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_user_hooks_in_order() {
    check_hooks(&BASH);
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_zsh)),
    ignore = "needs pyenv CPython 3.12, zsh"
)]
fn zsh_user_hooks_in_order() {
    check_hooks(&ZSH);
}

/// The hooks directory `workon` uses is the one the binary reports, in a
/// setting where computing it in the shell went wrong: XDG_DATA_HOME is
/// relative (the binary ignores it, as the XDG spec says). A decoy hook
/// where the shell's own computation would look must not run.
fn check_hooks_dir_with_relative_xdg(program: &str, args: &[&str], init: &str, suffix: &str) {
    if !require(program) {
        return;
    }
    let sb = Sandbox::new();
    let python = python().expect("no Python found to build test environments");
    let with_env = |cmd: &mut std::process::Command| {
        cmd.env_remove("ENVREG_HOME")
            .env("XDG_DATA_HOME", "rel-data");
    };
    let mut mk = sb.command(ENVREG);
    with_env(&mut mk);
    let out = mk
        .args(["mkenv", "proj1", "--no-pip", "-p"])
        .arg(&python)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let hooks = sb.home.join(".local/share/envreg/hooks");
    assert!(sb.home.join(".local/share/envreg/envs/proj1").is_dir());
    let log = sb.dir.path().join("hooks.log");
    let line = |label: &str| format!("echo {label} >> '{}'\n", log.display());
    write(
        &hooks.join(format!("postactivate{suffix}")),
        &line("binary-hooks"),
    );
    write(
        &sb.home
            .join(format!("rel-data/envreg/hooks/postactivate{suffix}")),
        &line("decoy-hooks"),
    );
    let script = sb.dir.path().join("script");
    write(
        &script,
        &format!(
            "{}\nworkon proj1\necho \"VE=$VIRTUAL_ENV\"\ndeactivate\necho DONE=1\n",
            match init {
                "fish" => "envreg init fish | source".to_string(),
                _ => format!("eval \"$(envreg init {init})\""),
            }
        ),
    );
    let mut cmd = sb.command(program);
    with_env(&mut cmd);
    let run = Run::from(cmd.args(args).arg(&script).output().unwrap());
    run.assert_done();
    assert_eq!(
        run.get("VE"),
        sb.home
            .join(".local/share/envreg/envs/proj1")
            .display()
            .to_string()
    );
    assert_eq!(
        std::fs::read_to_string(&log).unwrap_or_default(),
        "binary-hooks\n",
        "{program} used another hooks directory than envreg's {}",
        hooks.display()
    );
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn bash_hooks_dir_comes_from_the_binary() {
    check_hooks_dir_with_relative_xdg("bash", BASH.args, "bash", "");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn zsh_hooks_dir_comes_from_the_binary() {
    check_hooks_dir_with_relative_xdg("zsh", ZSH.args, "zsh", "");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn fish_hooks_dir_comes_from_the_binary() {
    check_hooks_dir_with_relative_xdg("fish", &["--no-config"], "fish", ".fish");
}

/// With HOME (and ENVREG_HOME, XDG_DATA_HOME) unset the binary finds the
/// home directory in the password database, which a shell cannot do. The
/// test mounts a scratch directory over that home in a private mount
/// namespace (`unshare`, needs root) so the real one is never touched.
fn check_hooks_dir_without_home(program: &str, args: &[&str], init: &str) {
    if !require(program) || !require("unshare") {
        return;
    }
    let sb = sandbox_with_envs();
    let Some(pw_home) = passwd_home() else {
        skip("no home directory in the password database");
        return;
    };
    let log = sb.dir.path().join("hooks.log");
    write(
        &sb.hooks_dir().join("postactivate"),
        &format!(
            "echo \"HOOKS=${{__envreg_hooks_dir-}}\" >> '{}'\n",
            log.display()
        ),
    );
    let script = sb.dir.path().join("script");
    write(
        &script,
        &format!(
            "eval \"$(envreg init {init})\"\nworkon proj1\necho \"VE=$VIRTUAL_ENV\"\ndeactivate\necho DONE=1\n"
        ),
    );
    // Inside the namespace: a tmpfs over the home, the sandbox's ENVREG_HOME
    // bound where envreg looks by default, pyenv's versions bound back where
    // they were (the envs' interpreters live there, and workon refuses an env
    // whose interpreter is gone), then the shell without HOME.
    let inner = format!(
        "mkdir -p \"$4\" && mount --bind \"$3\" \"$4\" && \
         mount -t tmpfs envreg-test \"$1\" && mkdir -p \"$1/.local/share/envreg\" \"$3\" && \
         mount --bind \"$2\" \"$1/.local/share/envreg\" && mount --bind \"$4\" \"$3\" && \
         exec env -u HOME -u ENVREG_HOME -u XDG_DATA_HOME {program} {} '{}'",
        args.join(" "),
        script.display()
    );
    let out = sb
        .command("unshare")
        .args([
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            &inner,
            "sh",
        ])
        .arg(&pw_home)
        .arg(&sb.envreg_home)
        .arg(pyenv_root())
        .arg(sb.dir.path().join("pyenv-kept"))
        .output()
        .unwrap();
    let run = Run::from(out);
    if !run.success && run.stderr.contains("unshare") && !run.stdout.contains("DONE=") {
        skip(&format!(
            "cannot make a mount namespace here: {}",
            run.stderr.trim()
        ));
        return;
    }
    run.assert_done();
    assert_eq!(run.get("VE"), sb.env_dir("proj1").display().to_string());
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(
        logged,
        format!("HOOKS={}/.local/share/envreg/hooks\n", pw_home.display()),
        "{program}"
    );
}

/// The current user's home directory as the password database has it.
fn passwd_home() -> Option<std::path::PathBuf> {
    let out = std::process::Command::new("sh")
        .args(["-c", "getent passwd \"$(id -u)\""])
        .output()
        .ok()?;
    let line = text(&out.stdout);
    let home = line.trim_end().split(':').nth(5)?;
    (!home.is_empty()).then(|| home.into())
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_unshare)),
    ignore = "needs pyenv CPython 3.12, unshare"
)]
fn bash_hooks_dir_without_home_comes_from_the_binary() {
    check_hooks_dir_without_home("bash", BASH.args, "bash");
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_unshare)),
    ignore = "needs pyenv CPython 3.12, unshare"
)]
fn zsh_hooks_dir_without_home_comes_from_the_binary() {
    check_hooks_dir_without_home("zsh", ZSH.args, "zsh");
}

//! `workon` in real shells: the hooks printed by `envreg init SHELL`, run in
//! bash, zsh, fish, tcsh and xonsh without rc files, against environments
//! made by the real `envreg mkenv`. nushell and PowerShell are not packaged
//! for Debian, so their hooks are only checked as text here.

mod support;

use support::shell::*;

/// A POSIX-family shell and the few spellings that differ between them.
struct Posix {
    program: &'static str,
    args: &'static [&'static str],
    init: &'static str,
    /// Turns on `set -eu` or its equivalent.
    strict: &'static str,
    /// Prints where a command name resolves, honouring the hash table.
    which: &'static str,
    /// Prints the names of all shell variables, one per line.
    names: &'static str,
    /// Expands to the prompt as the shell draws it.
    draw: &'static str,
}

const BASH: Posix = Posix {
    program: "bash",
    args: &["--norc", "--noprofile"],
    init: "bash",
    strict: "set -eu",
    which: "type -P",
    names: "compgen -v",
    draw: "${PS1@P}",
};

const ZSH: Posix = Posix {
    program: "zsh",
    args: &["-f"],
    init: "zsh",
    strict: "setopt err_exit nounset",
    which: "whence -p",
    names: "print -rl -- ${(k)parameters}",
    draw: "$(print -rP -- \"$PS1\")",
};

/// Two environments, each with a fake `pip` in bin (they are made with
/// --no-pip), and a `pip` on the system PATH that the shell hashes first.
fn sandbox_with_envs() -> Sandbox {
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1", "proj2"]);
    for name in ["proj1", "proj2"] {
        sb.write_exe(
            &sb.env_dir(name).join("bin/pip"),
            "#!/bin/sh\necho env pip\n",
        );
    }
    sb.write_exe(&sb.sysbin.join("pip"), "#!/bin/sh\necho system pip\n");
    sb
}

fn core_script(sh: &Posix) -> String {
    let Posix {
        strict,
        init,
        which,
        names,
        draw,
        ..
    } = sh;
    format!(
        r#"{strict}
PS1='$ '
before_env= before_names= after_env= after_names= p2= i= rc=
eval "$(envreg init {init})"
hash pip
before_env="$(env | grep -v '^_=' | sort)"
before_names="$({names} | sort)"
echo "PIP0=$({which} pip)"
workon proj1
echo "VE1=$VIRTUAL_ENV"
echo "VEP1=$VIRTUAL_ENV_PROMPT"
echo "PS11={draw}"
echo "FIRST1=${{PATH%%:*}}"
echo "PY1=$({which} python)"
echo "PIP1=$({which} pip)"
echo "PYPREFIX1=$(python -c 'import sys; print(sys.prefix)')"
workon proj2
echo "VE2=$VIRTUAL_ENV"
echo "PS12={draw}"
p2="$PATH"
i=0
while [ "$i" -lt 100 ]; do workon proj1; workon proj2; i=$((i + 1)); done
if [ "$PATH" = "$p2" ]; then echo "NOGROWTH=1"; fi
rc=0
workon proj3 || rc=$?
echo "BADRC=$rc"
echo "VE3=$VIRTUAL_ENV"
echo "PS13={draw}"
deactivate
after_env="$(env | grep -v '^_=' | sort)"
after_names="$({names} | sort)"
if [ "$before_env" = "$after_env" ]; then echo "SAMEENV=1"; else printf '%s\n' "$before_env" > b.txt; printf '%s\n' "$after_env" > a.txt; diff b.txt a.txt || :; fi
if [ "$before_names" = "$after_names" ]; then echo "SAMENAMES=1"; else printf '%s\n' "$before_names" > b.txt; printf '%s\n' "$after_names" > a.txt; diff b.txt a.txt || :; fi
echo "PS1END={draw}"
echo "PIPEND=$({which} pip)"
if type deactivate >/dev/null 2>&1; then echo "STILLDEACT=1"; fi
echo "LIST=$(workon | tr '\n' ' ')"
echo DONE=1
"#
    )
}

fn check_core(sh: &Posix) {
    if !require(sh.program) {
        return;
    }
    let sb = sandbox_with_envs();
    let run = sb.run_script(sh.program, sh.args, "sh", &core_script(sh));
    run.assert_done();
    let env1 = sb.env_dir("proj1");
    let env2 = sb.env_dir("proj2");
    let d1 = env1.display().to_string();
    assert_eq!(run.get("PIP0"), sb.sysbin.join("pip").display().to_string());
    assert_eq!(run.get("VE1"), d1);
    assert_eq!(run.get("VEP1"), "proj1");
    assert_eq!(run.get("PS11"), "(proj1) $ ");
    assert_eq!(run.get("FIRST1"), format!("{d1}/bin"));
    assert_eq!(run.get("PY1"), format!("{d1}/bin/python"));
    assert_eq!(
        run.get("PIP1"),
        format!("{d1}/bin/pip"),
        "hash table not refreshed"
    );
    assert_eq!(run.get("PYPREFIX1"), d1);
    assert_eq!(run.get("VE2"), env2.display().to_string());
    assert_eq!(
        run.get("PS12"),
        "(proj2) $ ",
        "switching stacked the prompt"
    );
    assert_eq!(run.get("NOGROWTH"), "1", "PATH grew over 100 switches");
    assert_ne!(run.get("BADRC"), "0", "workon of an unknown name succeeded");
    assert!(
        run.stderr.contains("no environment named 'proj3'"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean"), "{}", run.stderr);
    assert_eq!(
        run.get("VE3"),
        env2.display().to_string(),
        "failed workon left the env"
    );
    assert_eq!(run.get("PS13"), "(proj2) $ ");
    assert_eq!(
        run.vars.get("SAMEENV").map(String::as_str),
        Some("1"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.vars.get("SAMENAMES").map(String::as_str),
        Some("1"),
        "{}",
        run.stdout
    );
    assert_eq!(run.get("PS1END"), "$ ");
    assert_eq!(
        run.get("PIPEND"),
        sb.sysbin.join("pip").display().to_string()
    );
    assert!(!run.vars.contains_key("STILLDEACT"), "deactivate survived");
    assert_eq!(run.get("LIST"), "proj1 proj2 ");
    // Only the unknown name's message (and its hint line) on stderr.
    assert!(
        run.stderr
            .lines()
            .all(|l| l.contains("proj3") || l == "hint: did you mean 'proj1'?"),
        "unexpected stderr: {}",
        run.stderr
    );
    // workon recorded the use in the index.
    let json: serde_json::Value =
        serde_json::from_slice(&sb.envreg(&["ls", "--json"]).stdout).unwrap();
    for env in json.as_array().unwrap() {
        assert!(!env["last_used"].is_null(), "last_used not recorded: {env}");
    }
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_workon_switch_deactivate_unknown() {
    check_core(&BASH);
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_zsh)),
    ignore = "needs pyenv CPython 3.12, zsh"
)]
fn zsh_workon_switch_deactivate_unknown() {
    check_core(&ZSH);
}

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

const HOOK_ORDER: &str = "\
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

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_completion_of_names_and_subcommands() {
    if !require("bash") {
        return;
    }
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1", "proj2", "other"]);
    let run = sb.run_script(
        "bash",
        BASH.args,
        "sh",
        r#"set -eu
eval "$(envreg init bash)"
COMP_WORDS=(workon pr); COMP_CWORD=1; __envreg_complete_workon; echo "C1=${COMPREPLY[*]}"
COMP_WORDS=(workon ''); COMP_CWORD=1; __envreg_complete_workon; echo "C2=${COMPREPLY[*]}"
echo "C6=$(complete -p workon)"
echo DONE=1
"#,
    );
    run.assert_done();
    assert_eq!(run.get("C1"), "proj1 proj2");
    assert_eq!(run.get("C2"), "other proj1 proj2");
    assert_eq!(run.get("C6"), "complete -F __envreg_complete_workon workon");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
#[cfg_attr(not(has_zsh), ignore = "needs zsh")]
fn zsh_completion_with_and_without_compinit() {
    if !require("zsh") {
        return;
    }
    let sb = Sandbox::new();
    let run = sb.run_script(
        "zsh",
        ZSH.args,
        "zsh",
        r#"setopt err_exit nounset
eval "$(envreg init zsh)"
echo "BEFORE=${+functions[compdef]}"
autoload -Uz compinit
compinit -u -D
eval "$(envreg init zsh)"
echo "WORKON=${_comps[workon]-none}"
echo "ENVREG=${_comps[envreg]-none}"
echo DONE=1
"#,
    );
    run.assert_done();
    assert_eq!(run.get("BEFORE"), "0");
    assert_eq!(run.get("WORKON"), "_envreg_workon");
    assert_eq!(run.get("ENVREG"), "_envreg");
    assert!(
        run.stderr.is_empty(),
        "errors without compinit: {}",
        run.stderr
    );
}

/// User aliases and functions named like the commands the hook uses, under
/// `set -eu`: none of them may run.
#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_hijacked_names_and_strict_mode() {
    if !require("bash") {
        return;
    }
    let sb = sandbox_with_envs();
    let run = sb.run_script(
        "bash",
        BASH.args,
        "sh",
        r#"set -eu
shopt -s expand_aliases
alias cd='echo HIJACK-alias-cd' ls='echo HIJACK-alias-ls' source='echo HIJACK-alias-source'
alias command='echo HIJACK-alias-command' envreg='echo HIJACK-alias-envreg' hash='echo HIJACK-alias-hash'
alias builtin='echo HIJACK-alias-builtin' unset='echo HIJACK-alias-unset' local='echo HIJACK-alias-local'
alias printf='echo HIJACK-alias-printf' export='echo HIJACK-alias-export' declare='echo HIJACK-alias-declare'
eval "$(\builtin command envreg init bash)"
function cd { echo HIJACK-cd; }
function ls { echo HIJACK-ls; }
function source { echo HIJACK-source; }
function command { echo HIJACK-command; }
function envreg { echo HIJACK-envreg; }
function hash { echo HIJACK-hash; }
function unset { echo HIJACK-unset; }
function printf { echo HIJACK-printf; }
function export { echo HIJACK-export; }
p0="$PATH"
workon proj1
echo "VE1=$VIRTUAL_ENV"
workon proj2
echo "VE2=$VIRTUAL_ENV"
rc=0; workon nosuch || rc=$?
echo "RC=$rc"
workon proj1 too many || rc=$?
echo "RC2=$rc"
deactivate
echo "VEEND=${VIRTUAL_ENV-unset}"
echo "VEPEND=${VIRTUAL_ENV_PROMPT-unset}"
if [ "$PATH" = "$p0" ]; then echo PATHEND=1; fi
if \builtin declare -F deactivate _envreg_venv_deactivate >/dev/null; then echo STILLDEACT=1; fi
echo DONE=1
"#,
    );
    run.assert_done();
    assert!(!run.stdout.contains("HIJACK"), "{}", run.stdout);
    assert!(!run.stderr.contains("HIJACK"), "{}", run.stderr);
    assert_eq!(run.get("VE1"), sb.env_dir("proj1").display().to_string());
    assert_eq!(run.get("VE2"), sb.env_dir("proj2").display().to_string());
    assert_ne!(run.get("RC"), "0");
    assert_eq!(run.get("RC2"), "2");
    assert!(
        run.stderr.contains("one environment name"),
        "{}",
        run.stderr
    );
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("VEPEND"), "unset");
    assert_eq!(run.get("PATHEND"), "1");
    assert!(!run.vars.contains_key("STILLDEACT"));
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_zsh)),
    ignore = "needs pyenv CPython 3.12, zsh"
)]
fn zsh_hijacked_names() {
    if !require("zsh") {
        return;
    }
    let sb = sandbox_with_envs();
    let run = sb.run_script(
        "zsh",
        ZSH.args,
        "zsh",
        r#"setopt err_exit nounset
alias cd='echo HIJACK-alias-cd' ls='echo HIJACK-alias-ls' source='echo HIJACK-alias-source'
alias command='echo HIJACK-alias-command' envreg='echo HIJACK-alias-envreg' hash='echo HIJACK-alias-hash'
alias builtin='echo HIJACK-alias-builtin' unset='echo HIJACK-alias-unset' local='echo HIJACK-alias-local'
alias printf='echo HIJACK-alias-printf' export='echo HIJACK-alias-export' rehash='echo HIJACK-alias-rehash'
eval "$(\builtin command envreg init zsh)"
function cd { echo HIJACK-cd; }
function ls { echo HIJACK-ls; }
function source { echo HIJACK-source; }
function command { echo HIJACK-command; }
function envreg { echo HIJACK-envreg; }
function hash { echo HIJACK-hash; }
function unset { echo HIJACK-unset; }
function printf { echo HIJACK-printf; }
function export { echo HIJACK-export; }
p0="$PATH"
workon proj1
echo "VE1=$VIRTUAL_ENV"
workon proj2
echo "VE2=$VIRTUAL_ENV"
rc=0; workon nosuch || rc=$?
echo "RC=$rc"
deactivate
echo "VEEND=${VIRTUAL_ENV-unset}"
echo "VEPEND=${VIRTUAL_ENV_PROMPT-unset}"
if [ "$PATH" = "$p0" ]; then echo PATHEND=1; fi
if (( ${+functions[deactivate]} + ${+functions[_envreg_venv_deactivate]} )); then echo STILLDEACT=1; fi
echo DONE=1
"#,
    );
    run.assert_done();
    assert!(!run.stdout.contains("HIJACK"), "{}", run.stdout);
    assert!(!run.stderr.contains("HIJACK"), "{}", run.stderr);
    assert_eq!(run.get("VE1"), sb.env_dir("proj1").display().to_string());
    assert_eq!(run.get("VE2"), sb.env_dir("proj2").display().to_string());
    assert_ne!(run.get("RC"), "0");
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("VEPEND"), "unset");
    assert_eq!(run.get("PATHEND"), "1");
    assert!(!run.vars.contains_key("STILLDEACT"));
}

/// Makes a failing activate script from the real one.
type MakeScript = fn(&str) -> String;

/// Ways an activate script can fail when sourced: at its top before it
/// changes anything, by not parsing at all, or at its end after it has
/// changed PATH and the prompt. Each is (label, needs a non-strict shell,
/// the new script given the real one).
const FAILING_ACTIVATE: [(&str, bool, MakeScript); 3] = [
    ("return at the top", false, |_| "return 1\n".to_string()),
    ("syntax error", true, |_| {
        "fi\nexport REACHED=1\n".to_string()
    }),
    ("return at the end", false, |real| {
        format!("{real}\nreturn 3\n")
    }),
];

/// A failed `workon proj2` keeps proj1 active: VIRTUAL_ENV, PATH, the drawn
/// prompt, the postactivate hook's effect, and a working `deactivate`.
fn check_failed_switch(sh: &Posix) {
    if !require(sh.program) {
        return;
    }
    for (label, lenient, make) in FAILING_ACTIVATE {
        let sb = sandbox_with_envs();
        let bin1 = sb.env_dir("proj1").join("bin");
        write(&bin1.join("postactivate"), "export FROM_HOOK=1\n");
        write(&bin1.join("predeactivate"), "unset FROM_HOOK\n");
        let activate2 = sb.env_dir("proj2").join("bin/activate");
        let real = std::fs::read_to_string(&activate2).unwrap();
        write(&activate2, &make(&real));
        let Posix {
            strict, init, draw, ..
        } = sh;
        let strict = if lenient { "" } else { strict };
        let script = format!(
            r#"{strict}
PS1='$ '
rc=
eval "$(envreg init {init})"
p0="$PATH"
workon proj1
p1="$PATH"
rc=0
workon proj2 || rc=$?
echo "RC=$rc"
echo "VE=$VIRTUAL_ENV"
echo "VEP=$VIRTUAL_ENV_PROMPT"
echo "FIRST=${{PATH%%:*}}"
if [ "$PATH" = "$p1" ]; then echo SAMEPATH=1; fi
echo "PROMPT={draw}"
echo "FROMHOOK=${{FROM_HOOK-unset}}"
deactivate
echo "VEEND=${{VIRTUAL_ENV-unset}}"
echo "PROMPTEND={draw}"
echo "FROMHOOKEND=${{FROM_HOOK-unset}}"
if [ "$PATH" = "$p0" ]; then echo PATHEND=1; fi
if type deactivate >/dev/null 2>&1; then echo STILLDEACT=1; fi
echo DONE=1
"#
        );
        let run = sb.run_script(sh.program, sh.args, "sh", &script);
        let what = format!("{} with {label}", sh.program);
        run.assert_done();
        let d1 = sb.env_dir("proj1").display().to_string();
        assert_ne!(run.get("RC"), "0", "{what}: workon succeeded");
        assert_eq!(run.get("VE"), d1, "{what}");
        assert_eq!(run.get("VEP"), "proj1", "{what}");
        assert_eq!(run.get("FIRST"), format!("{d1}/bin"), "{what}");
        assert_eq!(
            run.vars.get("SAMEPATH").map(String::as_str),
            Some("1"),
            "{what}"
        );
        assert_eq!(run.get("PROMPT"), "(proj1) $ ", "{what}");
        assert_eq!(run.get("FROMHOOK"), "1", "{what}: postactivate not re-run");
        assert_eq!(run.get("VEEND"), "unset", "{what}");
        assert_eq!(run.get("PROMPTEND"), "$ ", "{what}");
        assert_eq!(run.get("FROMHOOKEND"), "unset", "{what}");
        assert_eq!(
            run.vars.get("PATHEND").map(String::as_str),
            Some("1"),
            "{what}"
        );
        assert!(!run.vars.contains_key("STILLDEACT"), "{what}");
        assert!(
            run.stderr.contains("activating 'proj2' failed") && run.stderr.contains("active again"),
            "{what}: {}",
            run.stderr
        );
    }
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_failed_workon_keeps_the_active_env() {
    check_failed_switch(&BASH);
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_zsh)),
    ignore = "needs pyenv CPython 3.12, zsh"
)]
fn zsh_failed_workon_keeps_the_active_env() {
    check_failed_switch(&ZSH);
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
    // bound where envreg looks by default, then the shell without HOME.
    let inner = format!(
        "mount -t tmpfs envreg-test \"$1\" && mkdir -p \"$1/.local/share/envreg\" && \
         mount --bind \"$2\" \"$1/.local/share/envreg\" && \
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

/// A shell started inside an activated environment (VIRTUAL_ENV exported,
/// no `deactivate` function) switches cleanly.
fn check_inherited(program: &str, args: &[&str], init: &str) {
    if !require(program) {
        return;
    }
    let sb = sandbox_with_envs();
    let d1 = sb.env_dir("proj1").display().to_string();
    let inner = format!(
        r#"eval "$(envreg init {init})"
workon proj2
echo "VE=$VIRTUAL_ENV"
case ":$PATH:" in *":{d1}/bin:"*) echo STALE=1 ;; esac
deactivate
echo "VEEND=${{VIRTUAL_ENV-unset}}"
case ":$PATH:" in *":{d1}/bin:"*) echo STALEEND=1 ;; esac
echo DONE=1
"#
    );
    let inner_file = sb.dir.path().join("inner.sh");
    write(&inner_file, &inner);
    let outer = format!(
        r#"eval "$(envreg init {init})"
workon proj1
{program} {} '{}'
"#,
        args.join(" "),
        inner_file.display()
    );
    let run = sb.run_script(program, args, "sh", &outer);
    run.assert_done();
    assert_eq!(run.get("VE"), sb.env_dir("proj2").display().to_string());
    assert!(
        !run.vars.contains_key("STALE"),
        "old env's bin left on PATH"
    );
    assert_eq!(run.get("VEEND"), "unset");
    assert!(!run.vars.contains_key("STALEEND"));
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn bash_started_inside_an_activated_env() {
    check_inherited("bash", BASH.args, "bash");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn zsh_started_inside_an_activated_env() {
    check_inherited("zsh", ZSH.args, "zsh");
}

/// A prompt that looks like code is shown as text and never run, in every
/// shell that draws it: bash (with and without promptvars), zsh (with and
/// without PROMPT_SUBST), fish and tcsh. `%` and `\` show as themselves.
#[test]
#[cfg_attr(
    not(all(has_bash, has_fish, has_py_3_12, has_tcsh, has_tmux, has_zsh)),
    ignore = "needs bash, fish, pyenv CPython 3.12, tcsh, tmux, zsh"
)]
fn prompt_text_is_shown_literally_never_run() {
    let sb = Sandbox::new();
    let python = python().expect("no Python found to build test environments");
    let text_ = r"$(touch PWNED1) `touch PWNED2` ${HOME} 50% \w \$";
    let out = sb
        .command(ENVREG)
        .args(["mkenv", "odd", "--no-pip", "--prompt", text_, "-p"])
        .arg(&python)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let want = format!("({text_}) $ ");
    let pwned = || {
        ["PWNED1", "PWNED2"]
            .iter()
            .any(|f| sb.home.join(f).exists())
    };
    let posix: [(&Posix, &str, &str); 4] = [
        (&BASH, "", "${PS1@P}"),
        (&BASH, "shopt -u promptvars", "${PS1@P}"),
        (&ZSH, "", "$(print -rP -- \"$PS1\")"),
        (&ZSH, "setopt prompt_subst", "$(print -rP -- \"$PS1\")"),
    ];
    for (sh, setup, draw) in posix {
        if !require(sh.program) {
            continue;
        }
        let script = format!(
            "{setup}\nPS1='$ '\neval \"$(envreg init {})\"\nworkon odd\necho \"DRAWN={draw}\"\ndeactivate\necho \"AFTER={draw}\"\necho DONE=1\n",
            sh.init
        );
        let run = sb.run_script(sh.program, sh.args, "sh", &script);
        run.assert_done();
        assert_eq!(run.get("DRAWN"), want, "{} {setup}", sh.program);
        assert_eq!(run.get("AFTER"), "$ ", "{} {setup}", sh.program);
        assert!(!pwned(), "{} {setup} ran the prompt", sh.program);
    }
    if require("fish") {
        let run = sb.run_script(
            "fish",
            &["--no-config"],
            "fish",
            "function fish_prompt; echo -n '$ '; end\nenvreg init fish | source\nworkon odd\necho \"DRAWN=\"(fish_prompt)\necho DONE=1\n",
        );
        run.assert_done();
        assert_eq!(run.get("DRAWN"), want, "fish");
        assert!(!pwned(), "fish ran the prompt");
    }
    if require("tcsh") && require("tmux") {
        // tcsh draws its prompt only on a terminal: run it in tmux, with
        // the hook in the sandbox's ~/.tcshrc.
        write(
            &sb.home.join(".tcshrc"),
            "set prompt = '$ '\neval \"`envreg init tcsh`\"\n",
        );
        let tmux = Tmux::start(&sb, "tcsh -i");
        tmux.wait_for(&|s| s.trim_end().ends_with('$'), "the first tcsh prompt");
        tmux.send(&["workon odd", "Enter"]);
        tmux.wait_for(&|s| s.contains(want.trim_end()), "the (odd) prompt");
        assert!(!pwned(), "tcsh ran the prompt");
    }
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn prompt_left_alone_when_disabled() {
    if !require("bash") {
        return;
    }
    let sb = sandbox_with_envs();
    let run = sb.run_script(
        "bash",
        BASH.args,
        "sh",
        r#"set -eu
PS1='$ '
VIRTUAL_ENV_DISABLE_PROMPT=1
eval "$(envreg init bash)"
workon proj1
echo "PS1=$PS1"
echo "VEP=$VIRTUAL_ENV_PROMPT"
echo DONE=1
"#,
    );
    run.assert_done();
    assert_eq!(run.get("PS1"), "$ ");
    assert_eq!(run.get("VEP"), "proj1");
}

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
        "def --env workon [name?: string@__envreg_names]",
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

#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_workon_switch_deactivate_hooks_completion() {
    if !require("fish") {
        return;
    }
    let sb = sandbox_with_envs();
    sb.mkenvs(&["other"]);
    let log = sb.dir.path().join("hooks.log");
    let logq = log.display();
    let hooks = sb.hooks_dir();
    let fish_hook = |label: &str| {
        format!(
            "echo \"{label} \"(string replace -r '.*/' '' -- \"$VIRTUAL_ENV\")\" \"(string replace -r '.*/' '' -- \"$ENVREG_LAST_ENV\") >> '{logq}'\n"
        )
    };
    let run_hook = |label: &str| format!("#!/bin/sh\necho \"{label} $1\" >> '{logq}'\n");
    sb.write_exe(&hooks.join("preactivate"), &run_hook("global-preactivate"));
    for h in ["postactivate", "predeactivate", "postdeactivate"] {
        write(
            &hooks.join(format!("{h}.fish")),
            &fish_hook(&format!("global-{h}")),
        );
    }
    for name in ["proj1", "proj2"] {
        let bin = sb.env_dir(name).join("bin");
        sb.write_exe(&bin.join("preactivate"), &run_hook("env-preactivate"));
        write(
            &bin.join("postdeactivate.fish"),
            &fish_hook("env-postdeactivate"),
        );
        write(
            &bin.join("postactivate.fish"),
            &format!("{}set -gx FROM_HOOK 1\n", fish_hook("env-postactivate")),
        );
        write(
            &bin.join("predeactivate.fish"),
            &format!("{}set -e FROM_HOOK\n", fish_hook("env-predeactivate")),
        );
    }
    let script = r#"
function fish_prompt; echo -n '> '; end
envreg init fish | source
hash pip 2>/dev/null
set before (env | string match -v -r '^_=' | sort)
set before_fns (functions -a | sort)
workon proj1
echo "VE1=$VIRTUAL_ENV"
echo "VEP1=$VIRTUAL_ENV_PROMPT"
echo "PROMPT1="(fish_prompt)
echo "FIRST1=$PATH[1]"
echo "PY1="(command -s python)
echo "PIP1="(command -s pip)
echo "FROMHOOK="(set -q FROM_HOOK; and echo 1; or echo unset)
workon proj2
echo "PROMPT2="(fish_prompt)
set p2 $PATH
for i in (seq 100); workon proj1; workon proj2; end
test (string join : $PATH) = (string join : $p2); and echo NOGROWTH=1
workon proj3; set rc $status
echo "BADRC=$rc"
echo "VE3=$VIRTUAL_ENV"
deactivate
set after (env | string match -v -r '^_=' | sort)
set after_fns (functions -a | sort)
test "$before" = "$after"; and echo SAMEENV=1; or diff (printf '%s\n' $before | psub) (printf '%s\n' $after | psub)
test "$before_fns" = "$after_fns"; and echo SAMEFNS=1; or diff (printf '%s\n' $before_fns | psub) (printf '%s\n' $after_fns | psub)
echo "PROMPTEND="(fish_prompt)
echo "FROMHOOKEND="(set -q FROM_HOOK; and echo 1; or echo unset)
echo "LIST="(workon | string join ' ')
echo "C1="(complete -C 'workon pr' | string join ' ')
echo "C2="(complete -C 'envreg sh' | string join ' ')
echo "C3="(complete -C 'envreg rm o' | string join ' ')
echo "C4="(complete -C 'envreg init f' | string join ' ')
echo DONE=1
"#;
    let run = sb.run_script("fish", &["--no-config"], "fish", script);
    run.assert_done();
    let d1 = sb.env_dir("proj1").display().to_string();
    assert_eq!(run.get("VE1"), d1);
    assert_eq!(run.get("VEP1"), "proj1");
    assert_eq!(run.get("PROMPT1"), "(proj1) > ");
    assert_eq!(run.get("FIRST1"), format!("{d1}/bin"));
    assert_eq!(run.get("PY1"), format!("{d1}/bin/python"));
    assert_eq!(run.get("PIP1"), format!("{d1}/bin/pip"));
    assert_eq!(run.get("FROMHOOK"), "1");
    assert_eq!(run.get("PROMPT2"), "(proj2) > ");
    assert_eq!(run.get("NOGROWTH"), "1");
    assert_ne!(run.get("BADRC"), "0");
    assert!(run.stderr.contains("did you mean"), "{}", run.stderr);
    assert_eq!(run.get("VE3"), sb.env_dir("proj2").display().to_string());
    assert_eq!(
        run.vars.get("SAMEENV").map(String::as_str),
        Some("1"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.vars.get("SAMEFNS").map(String::as_str),
        Some("1"),
        "{}",
        run.stdout
    );
    assert_eq!(run.get("PROMPTEND"), "> ");
    assert_eq!(run.get("FROMHOOKEND"), "unset");
    assert_eq!(run.get("LIST"), "other proj1 proj2");
    assert_eq!(run.get("C1"), "proj1 proj2");
    // The generated completion gives each subcommand its description.
    assert_eq!(
        run.get("C2"),
        "show\tShow everything the registry knows about one environment"
    );
    assert_eq!(run.get("C3"), "other");
    assert_eq!(run.get("C4"), "fish");
    let logged = std::fs::read_to_string(&log).unwrap();
    let first_cycle: String = logged.lines().take(16).map(|l| format!("{l}\n")).collect();
    assert_eq!(first_cycle, HOOK_ORDER);
}

/// fish: a failed `workon proj2` keeps proj1 active (see check_failed_switch).
#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_failed_workon_keeps_the_active_env() {
    if !require("fish") {
        return;
    }
    let variants: [(&str, MakeScript); 3] = [
        ("return at the top", |_| "return 1\n".to_string()),
        ("syntax error", |_| {
            "if then\nset -gx REACHED 1\n".to_string()
        }),
        ("return at the end", |real| format!("{real}\nreturn 3\n")),
    ];
    for (label, make) in variants {
        let sb = sandbox_with_envs();
        let bin1 = sb.env_dir("proj1").join("bin");
        write(&bin1.join("postactivate.fish"), "set -gx FROM_HOOK 1\n");
        write(&bin1.join("predeactivate.fish"), "set -e FROM_HOOK\n");
        let activate2 = sb.env_dir("proj2").join("bin/activate.fish");
        let real = std::fs::read_to_string(&activate2).unwrap();
        write(&activate2, &make(&real));
        let script = r#"
function fish_prompt; echo -n '> '; end
envreg init fish | source
set p0 $PATH
workon proj1
set p1 $PATH
workon proj2
echo "RC=$status"
echo "VE=$VIRTUAL_ENV"
echo "VEP=$VIRTUAL_ENV_PROMPT"
echo "FIRST=$PATH[1]"
test (string join : $PATH) = (string join : $p1); and echo SAMEPATH=1
echo "PROMPT="(fish_prompt)
echo "FROMHOOK="(set -q FROM_HOOK; and echo 1; or echo unset)
echo "REACHED="(set -q REACHED; and echo 1; or echo unset)
deactivate
echo "VEEND="(set -q VIRTUAL_ENV; and echo $VIRTUAL_ENV; or echo unset)
echo "PROMPTEND="(fish_prompt)
echo "FROMHOOKEND="(set -q FROM_HOOK; and echo 1; or echo unset)
test (string join : $PATH) = (string join : $p0); and echo PATHEND=1
functions -q deactivate; and echo STILLDEACT=1
echo DONE=1
"#;
        let run = sb.run_script("fish", &["--no-config"], "fish", script);
        let what = format!("fish with {label}");
        run.assert_done();
        let d1 = sb.env_dir("proj1").display().to_string();
        assert_ne!(run.get("RC"), "0", "{what}: workon succeeded");
        assert_eq!(run.get("VE"), d1, "{what}");
        assert_eq!(run.get("VEP"), "proj1", "{what}");
        assert_eq!(run.get("FIRST"), format!("{d1}/bin"), "{what}");
        assert_eq!(
            run.vars.get("SAMEPATH").map(String::as_str),
            Some("1"),
            "{what}"
        );
        assert_eq!(run.get("PROMPT"), "(proj1) > ", "{what}");
        assert_eq!(run.get("FROMHOOK"), "1", "{what}: postactivate not re-run");
        assert_eq!(run.get("REACHED"), "unset", "{what}");
        assert_eq!(run.get("VEEND"), "unset", "{what}");
        assert_eq!(run.get("PROMPTEND"), "> ", "{what}");
        assert_eq!(run.get("FROMHOOKEND"), "unset", "{what}");
        assert_eq!(
            run.vars.get("PATHEND").map(String::as_str),
            Some("1"),
            "{what}"
        );
        assert!(!run.vars.contains_key("STILLDEACT"), "{what}");
        assert!(
            run.stderr.contains("activating 'proj2' failed") && run.stderr.contains("active again"),
            "{what}: {}",
            run.stderr
        );
    }
}

#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_started_inside_an_activated_env() {
    if !require("fish") {
        return;
    }
    let sb = sandbox_with_envs();
    let d1 = sb.env_dir("proj1").display().to_string();
    let inner = sb.dir.path().join("inner.fish");
    write(
        &inner,
        &format!(
            r#"envreg init fish | source
workon proj2
echo "VE=$VIRTUAL_ENV"
contains -- '{d1}/bin' $PATH; and echo STALE=1
deactivate
echo "VEEND="(set -q VIRTUAL_ENV; and echo $VIRTUAL_ENV; or echo unset)
echo DONE=1
"#
        ),
    );
    let run = sb.run_script(
        "fish",
        &["--no-config"],
        "fish",
        &format!(
            "envreg init fish | source\nworkon proj1\nfish --no-config '{}'\n",
            inner.display()
        ),
    );
    run.assert_done();
    assert_eq!(run.get("VE"), sb.env_dir("proj2").display().to_string());
    assert!(!run.vars.contains_key("STALE"));
    assert_eq!(run.get("VEEND"), "unset");
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_tcsh)),
    ignore = "needs pyenv CPython 3.12, tcsh"
)]
fn tcsh_workon_switch_deactivate_unknown() {
    if !require("tcsh") {
        return;
    }
    let sb = sandbox_with_envs();
    let script = r#"set prompt = "> "
eval "`envreg init tcsh`"
set p0 = "$PATH"
workon proj1
echo "VE1=$VIRTUAL_ENV"
echo "PROMPT1=$prompt"
echo "PY1=`which python`"
workon proj2
echo "PROMPT2=$prompt"
set p2 = "$PATH"
foreach i (`seq 100`)
workon proj1
workon proj2
end
if ("$PATH" == "$p2") echo NOGROWTH=1
workon proj3
echo "BADRC=$status"
echo "VE3=$VIRTUAL_ENV"
workon 'x; echo INJECTED'
deactivate
echo "PROMPTEND=$prompt"
if ("$PATH" == "$p0") echo SAMEPATH=1
if (! $?VIRTUAL_ENV) echo UNSET=1
echo "LIST=`workon`"
echo DONE=1
"#;
    let run = sb.run_script("tcsh", &["-f"], "tcsh", script);
    run.assert_done();
    let d1 = sb.env_dir("proj1").display().to_string();
    assert_eq!(run.get("VE1"), d1);
    assert_eq!(run.get("PROMPT1"), "(proj1) > ");
    assert_eq!(run.get("PY1"), format!("{d1}/bin/python"));
    assert_eq!(run.get("PROMPT2"), "(proj2) > ");
    assert_eq!(run.get("NOGROWTH"), "1");
    assert_ne!(run.get("BADRC"), "0");
    assert!(run.stderr.contains("did you mean"), "{}", run.stderr);
    assert_eq!(run.get("VE3"), sb.env_dir("proj2").display().to_string());
    assert!(!run.stdout.contains("INJECTED"));
    assert_eq!(run.get("PROMPTEND"), "> ");
    assert_eq!(run.get("SAMEPATH"), "1");
    assert_eq!(run.get("UNSET"), "1");
    assert_eq!(run.get("LIST"), "proj1 proj2");
}

/// tcsh: a failed `workon proj2` keeps proj1 active. An error stops a
/// sourced file in tcsh (there is no `return`).
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_tcsh)),
    ignore = "needs pyenv CPython 3.12, tcsh"
)]
fn tcsh_failed_workon_keeps_the_active_env() {
    if !require("tcsh") {
        return;
    }
    let variants: [(&str, MakeScript); 3] = [
        ("an error at the top", |_| {
            "set x = $nosuchvar\nsetenv REACHED 1\n".to_string()
        }),
        ("a syntax error", |_| {
            "if ( \nsetenv REACHED 1\n".to_string()
        }),
        ("an error at the end", |real| {
            format!("{real}\nset x = $nosuchvar\nsetenv REACHED 1\n")
        }),
    ];
    for (label, make) in variants {
        let sb = sandbox_with_envs();
        let activate2 = sb.env_dir("proj2").join("bin/activate.csh");
        let real = std::fs::read_to_string(&activate2).unwrap();
        write(&activate2, &make(&real));
        let script = r#"set prompt = "> "
eval "`envreg init tcsh`"
set p0 = "$PATH"
workon proj1
set p1 = "$PATH"
workon proj2
echo "RC=$status"
echo "VE=$VIRTUAL_ENV"
echo "VEP=$VIRTUAL_ENV_PROMPT"
if ("$PATH" == "$p1") echo SAMEPATH=1
echo "PROMPT=$prompt"
if ($?REACHED) echo REACHED=1
deactivate
if (! $?VIRTUAL_ENV) echo VEEND=unset
echo "PROMPTEND=$prompt"
if ("$PATH" == "$p0") echo PATHEND=1
echo DONE=1
"#;
        let run = sb.run_script("tcsh", &["-f"], "tcsh", script);
        let what = format!("tcsh with {label}");
        run.assert_done();
        let d1 = sb.env_dir("proj1").display().to_string();
        assert_ne!(run.get("RC"), "0", "{what}: workon succeeded");
        assert_eq!(run.get("VE"), d1, "{what}");
        assert_eq!(run.get("VEP"), "proj1", "{what}");
        assert_eq!(
            run.vars.get("SAMEPATH").map(String::as_str),
            Some("1"),
            "{what}"
        );
        assert_eq!(run.get("PROMPT"), "(proj1) > ", "{what}");
        assert!(!run.vars.contains_key("REACHED"), "{what}");
        assert_eq!(run.get("VEEND"), "unset", "{what}");
        assert_eq!(run.get("PROMPTEND"), "> ", "{what}");
        assert_eq!(
            run.vars.get("PATHEND").map(String::as_str),
            Some("1"),
            "{what}"
        );
        assert!(
            run.stderr.contains("activating proj2 failed") && run.stderr.contains("active again"),
            "{what}: {}",
            run.stderr
        );
    }
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_xonsh)),
    ignore = "needs pyenv CPython 3.12, xonsh"
)]
fn xonsh_workon_switch_deactivate_hooks() {
    if !require("xonsh") {
        return;
    }
    let sb = sandbox_with_envs();
    let log = sb.dir.path().join("hooks.log");
    write(
        &sb.hooks_dir().join("postactivate.xsh"),
        &format!(
            "echo global-postactivate >> '{}'\n$FROM_HOOK = '1'\n",
            log.display()
        ),
    );
    write(
        &sb.env_dir("proj1").join("bin/predeactivate.xsh"),
        &format!("echo env-predeactivate >> '{}'\n", log.display()),
    );
    write(
        &sb.hooks_dir().join("predeactivate.xsh"),
        &format!(
            "echo global-predeactivate >> '{}'\ndel $FROM_HOOK\n",
            log.display()
        ),
    );
    let script = r#"
import os, shutil, tempfile
execx(__import__("subprocess").check_output(["envreg", "init", "xonsh"], text=True))
# xonsh's own settings (XONSH_*) may be filled in as it runs; not ours.
mine = lambda: {k: v for k, v in ${...}.detype().items() if not k.startswith("XONSH_")}
before = mine()
workon proj1
print("VE1=" + $VIRTUAL_ENV)
print("VEP1=" + $VIRTUAL_ENV_PROMPT)
print("PROMPT1=" + $PROMPT_FIELDS["env_name"]())
print("PY1=" + shutil.which("python", path=os.pathsep.join($PATH)))
print("FROMHOOK=" + ${...}.get("FROM_HOOK", "unset"))
workon proj2
print("PROMPT2=" + $PROMPT_FIELDS["env_name"]())
p2 = list($PATH)
for i in range(100):
    workon proj1
    workon proj2
if list($PATH) == p2:
    print("NOGROWTH=1")
r = !(workon proj3)
print("BADRC=" + str(r.returncode))
print("VE3=" + $VIRTUAL_ENV)
deactivate
after = mine()
print("SAMEENV=1" if before == after else "DIFF=" + repr({k: (before.get(k), after.get(k)) for k in set(before) | set(after) if before.get(k) != after.get(k)}))
print("NODEACT=" + str("deactivate" not in aliases))
listing = os.path.join(tempfile.mkdtemp(), "names")
workon > @(listing)
print("LIST=" + " ".join(open(listing).read().split()))
from xonsh.parsers.completion_context import CompletionContextParser
ctx = CompletionContextParser().parse("workon pr", 9)
print("C1=" + " ".join(sorted(__xonsh__.completers["envreg_workon"](ctx))))
print("DONE=1")
"#;
    let run = sb.run_script("xonsh", &["--no-rc"], "xsh", script);
    run.assert_done();
    let d1 = sb.env_dir("proj1").display().to_string();
    assert_eq!(run.get("VE1"), d1);
    assert_eq!(run.get("VEP1"), "proj1");
    assert_eq!(run.get("PROMPT1"), "(proj1) ");
    assert_eq!(run.get("PY1"), format!("{d1}/bin/python"));
    assert_eq!(run.get("FROMHOOK"), "1");
    assert_eq!(run.get("PROMPT2"), "(proj2) ");
    assert_eq!(run.get("NOGROWTH"), "1");
    assert_ne!(run.get("BADRC"), "0");
    assert!(run.stderr.contains("did you mean"), "{}", run.stderr);
    assert_eq!(run.get("VE3"), sb.env_dir("proj2").display().to_string());
    assert_eq!(
        run.vars.get("SAMEENV").map(String::as_str),
        Some("1"),
        "{}",
        run.stdout
    );
    assert_eq!(run.get("NODEACT"), "True");
    assert_eq!(run.get("LIST"), "proj1 proj2");
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.starts_with(
            "global-postactivate\nenv-predeactivate\nglobal-predeactivate\nglobal-postactivate\n"
        ),
        "{logged}"
    );
}

/// xonsh activates environments itself (there is no activate script for
/// it): what it reads from proj2 can be broken (a pyvenv.cfg that is not
/// UTF-8), and then `workon proj2` fails with proj1 still active.
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_xonsh)),
    ignore = "needs pyenv CPython 3.12, xonsh"
)]
fn xonsh_failed_workon_keeps_the_active_env() {
    if !require("xonsh") {
        return;
    }
    let sb = sandbox_with_envs();
    std::fs::write(
        sb.env_dir("proj2").join("pyvenv.cfg"),
        b"home = /x\nprompt = \xff\xfe\n",
    )
    .unwrap();
    let script = r#"
execx(__import__("subprocess").check_output(["envreg", "init", "xonsh"], text=True))
p0 = list($PATH)
workon proj1
p1 = list($PATH)
r = !(workon proj2)
print("RC=" + str(r.returncode))
print("VE=" + $VIRTUAL_ENV)
print("PROMPT=" + $PROMPT_FIELDS["env_name"]())
print("SAMEPATH=" + str(list($PATH) == p1))
deactivate
print("VEEND=" + ${...}.get("VIRTUAL_ENV", "unset"))
print("PATHEND=" + str(list($PATH) == p0))
print("DONE=1")
"#;
    let run = sb.run_script("xonsh", &["--no-rc"], "xsh", script);
    run.assert_done();
    assert_ne!(run.get("RC"), "0");
    assert_eq!(run.get("VE"), sb.env_dir("proj1").display().to_string());
    assert_eq!(run.get("PROMPT"), "(proj1) ");
    assert_eq!(run.get("SAMEPATH"), "True");
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("PATHEND"), "True");
    assert!(
        run.stderr.contains("cannot activate 'proj2'"),
        "{}",
        run.stderr
    );
}

/// nushell activates environments itself too, and keeps what a failing
/// command did to $env: proj2's pyvenv.cfg is unreadable (a directory), so
/// `workon proj2` fails, with proj1 still active.
#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_failed_workon_keeps_the_active_env() {
    if !require("nu") {
        return;
    }
    let sb = sandbox_with_envs();
    let cfg = sb.env_dir("proj2").join("pyvenv.cfg");
    std::fs::remove_file(&cfg).unwrap();
    std::fs::create_dir(&cfg).unwrap();
    let hook = sb.dir.path().join("envreg-hook.nu");
    write(&hook, &text(&sb.envreg(&["init", "nu"]).stdout));
    let script = format!(
        r#"
$env.PROMPT_COMMAND = {{|| "ORIG> " }}
source r#'{hook}'#
let p0 = $env.PATH
workon proj1
let p1 = $env.PATH
let bad = (try {{ workon proj2; 'ok' }} catch {{ 'failed' }})
print $"BAD=($bad)"
print $"VE=($env.VIRTUAL_ENV? | default unset)"
print $"PROMPT=(do $env.PROMPT_COMMAND)"
print $"SAMEPATH=(if $env.PATH == $p1 {{ 1 }} else {{ 0 }})"
deactivate
print $"VEEND=($env.VIRTUAL_ENV? | default unset)"
print $"PATHEND=(if $env.PATH == $p0 {{ 1 }} else {{ 0 }})"
print "DONE=1"
"#,
        hook = hook.display()
    );
    let run = run_nu_with_pythonhome(&sb, &script);
    run.assert_done();
    assert_eq!(run.get("BAD"), "failed");
    assert_eq!(run.get("VE"), sb.env_dir("proj1").display().to_string());
    assert_eq!(run.get("PROMPT"), "(proj1) ORIG> ");
    assert_eq!(run.get("SAMEPATH"), "1");
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("PATHEND"), "1");
}

/// A real terminal (tmux): the prompt changes after `workon`, bare `workon`
/// opens the picker, and Esc cancels it without changing anything.
#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12, has_tmux)),
    ignore = "needs bash, pyenv CPython 3.12, tmux"
)]
fn interactive_prompt_and_picker_through_tmux() {
    if !require("tmux") || !require("bash") {
        return;
    }
    let sb = sandbox_with_envs();
    let rc = sb.dir.path().join("rc.bash");
    write(&rc, "PS1='PROMPT$ '\neval \"$(envreg init bash)\"\n");
    let socket = sb.dir.path().join("tmux.sock");
    let tmux = |args: &[&str]| {
        let out = sb
            .command("tmux")
            .arg("-S")
            .arg(&socket)
            .args(args)
            .env("TERM", "xterm-256color")
            .output()
            .unwrap();
        assert!(out.status.success(), "tmux {args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    let shell = format!("bash --noprofile --rcfile '{}' -i", rc.display());
    tmux(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "100",
        "-y",
        "30",
        &shell,
    ]);
    struct Kill<'a>(&'a dyn Fn(&[&str]) -> String);
    impl Drop for Kill<'_> {
        fn drop(&mut self) {
            (self.0)(&["kill-server"]);
        }
    }
    let _kill = Kill(&tmux);
    // Deliver Escape at once, not as the start of an Alt+key sequence.
    tmux(&["set-option", "-s", "escape-time", "0"]);
    // Poll the screen until `want` shows up (no timing assertion: the limit
    // only keeps a broken run from hanging).
    let wait_for = |want: &dyn Fn(&str) -> bool, what: &str| {
        let mut screen = String::new();
        for _ in 0..400 {
            screen = tmux(&["capture-pane", "-p", "-t", "t"]);
            if want(&screen) {
                return screen;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("never saw {what} on the terminal:\n{screen}");
    };
    wait_for(&|s| s.contains("PROMPT$"), "the first prompt");
    tmux(&["send-keys", "-t", "t", "workon proj1", "Enter"]);
    wait_for(&|s| s.contains("(proj1) PROMPT$"), "the (proj1) prompt");
    tmux(&["send-keys", "-t", "t", "clear", "Enter"]);
    wait_for(&|s| !s.contains("workon proj1"), "a cleared screen");
    tmux(&["send-keys", "-t", "t", "workon", "Enter"]);
    let picker = wait_for(
        &|s| s.contains("Esc to cancel") && s.contains("proj2"),
        "the picker",
    );
    assert!(picker.contains("proj1"), "{picker}");
    tmux(&["send-keys", "-t", "t", "Escape"]);
    // Type on only once the picker is gone, or the keys could reach it.
    wait_for(&|s| !s.contains("Esc to cancel"), "the picker closing");
    tmux(&[
        "send-keys",
        "-t",
        "t",
        "echo \"STATUS=$? VE=${VIRTUAL_ENV##*/}\"",
        "Enter",
    ]);
    let after = wait_for(
        &|s| s.contains("STATUS=1 VE=proj1"),
        "the cancelled picker's status",
    );
    assert!(after.contains("(proj1) PROMPT$"), "{after}");
    // Picking with the keyboard: type a filter, Enter.
    tmux(&["send-keys", "-t", "t", "clear", "Enter"]);
    wait_for(&|s| !s.contains("STATUS="), "a cleared screen");
    tmux(&["send-keys", "-t", "t", "workon", "Enter"]);
    wait_for(&|s| s.contains("Esc to cancel"), "the picker again");
    tmux(&["send-keys", "-t", "t", "proj2"]);
    tmux(&["send-keys", "-t", "t", "Enter"]);
    wait_for(
        &|s| s.contains("(proj2) PROMPT$"),
        "the (proj2) prompt after picking",
    );
}

/// Ctrl-C in the picker (bare `workon` on a terminal) ends it with the
/// cursor shown again and the shell prompt back, nothing activated.
#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12, has_tmux)),
    ignore = "needs bash, pyenv CPython 3.12, tmux"
)]
fn picker_ctrl_c_restores_the_cursor() {
    if !require("tmux") || !require("bash") {
        return;
    }
    let sb = sandbox_with_envs();
    let rc = sb.dir.path().join("rc.bash");
    write(&rc, "PS1='PROMPT$ '\neval \"$(envreg init bash)\"\n");
    let tmux = Tmux::start(
        &sb,
        &format!("bash --noprofile --rcfile '{}' -i", rc.display()),
    );
    let cursor = || tmux.run(&["display-message", "-p", "-t", "t", "#{cursor_flag}"]);
    tmux.wait_for(&|s| s.contains("PROMPT$"), "the first prompt");
    assert_eq!(cursor().trim(), "1", "cursor hidden before the picker");
    tmux.send(&["workon", "Enter"]);
    tmux.wait_for(
        &|s| s.contains("Esc to cancel") && s.contains("proj2"),
        "the picker",
    );
    // The picker hides the cursor while it is up.
    for _ in 0..100 {
        if cursor().trim() == "0" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(cursor().trim(), "0", "the picker did not hide the cursor");
    tmux.send(&["C-c"]);
    tmux.wait_for(
        &|s| s.trim_end().ends_with("PROMPT$"),
        "the prompt after Ctrl-C",
    );
    tmux.send(&["echo \"STATUS=$? VE=${VIRTUAL_ENV:-none}\"", "Enter"]);
    let screen = tmux.wait_for(&|s| s.contains("STATUS="), "the status line");
    assert!(screen.contains("VE=none"), "{screen}");
    assert!(!screen.contains("STATUS=0"), "{screen}");
    assert_eq!(cursor().trim(), "1", "Ctrl-C left the cursor hidden");
}

/// nushell: the saved hook gives `workon` and `deactivate`; switching does
/// not grow PATH; an unknown name changes nothing; `deactivate` restores
/// PATH, the prompt closure and PYTHONHOME.
#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_workon_switch_deactivate() {
    if !require("nu") {
        return;
    }
    let sb = sandbox_with_envs();
    let hook = sb.dir.path().join("envreg-hook.nu");
    let out = sb.envreg(&["init", "nu"]);
    assert!(out.status.success());
    write(&hook, &text(&out.stdout));
    let script = format!(
        r#"
$env.PROMPT_COMMAND = {{|| "ORIG> " }}
source r#'{hook}'#
let before = $env.PATH
workon proj1
print $"VE1=($env.VIRTUAL_ENV)"
print $"VEP1=($env.VIRTUAL_ENV_PROMPT)"
print $"FIRST1=($env.PATH | first)"
print $"PY1=(which python | get path | first)"
print $"PH1=($env.PYTHONHOME? | default unset)"
print $"PROMPT1=(do $env.PROMPT_COMMAND)"
workon proj2
let p2 = $env.PATH
for i in 1..50 {{ workon proj1; workon proj2 }}
print $"NOGROWTH=(if $env.PATH == $p2 {{ 1 }} else {{ 0 }})"
let bad = (try {{ workon proj3; 'ok' }} catch {{ 'failed' }})
print $"BAD=($bad)"
print $"VE3=($env.VIRTUAL_ENV)"
deactivate
print $"VEEND=($env.VIRTUAL_ENV? | default unset)"
print $"SAMEPATH=(if $env.PATH == $before {{ 1 }} else {{ 0 }})"
print $"PHEND=($env.PYTHONHOME? | default unset)"
print $"PROMPTEND=(do $env.PROMPT_COMMAND)"
print $"LIST=(workon | lines | str join ' ')"
print "DONE=1"
"#,
        hook = hook.display()
    );
    let run = run_nu_with_pythonhome(&sb, &script);
    run.assert_done();
    let d1 = sb.env_dir("proj1").display().to_string();
    assert_eq!(run.get("VE1"), d1);
    assert_eq!(run.get("VEP1"), "proj1");
    assert_eq!(run.get("FIRST1"), format!("{d1}/bin"));
    assert_eq!(run.get("PY1"), format!("{d1}/bin/python"));
    assert_eq!(run.get("PH1"), "unset");
    assert_eq!(run.get("PROMPT1"), "(proj1) ORIG> ");
    assert_eq!(run.get("NOGROWTH"), "1");
    assert_eq!(run.get("BAD"), "failed");
    assert!(run.stderr.contains("did you mean"), "{}", run.stderr);
    assert_eq!(run.get("VE3"), sb.env_dir("proj2").display().to_string());
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("SAMEPATH"), "1");
    assert_eq!(run.get("PHEND"), "/kept/home");
    assert_eq!(run.get("PROMPTEND"), "ORIG> ");
    assert_eq!(run.get("LIST"), "proj1 proj2");
    assert!(!run.stderr.contains("deprecated"), "{}", run.stderr);
    let json = text(&sb.envreg(&["show", "proj1", "--json"]).stdout);
    assert!(!json.contains("\"last_used\": null"), "{json}");
}

/// nushell without the hook: `overlay use ENV/bin/activate.nu`, then
/// `deactivate` (an alias for `overlay hide`) puts everything back.
#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_activate_script_overlay() {
    if !require("nu") {
        return;
    }
    let sb = sandbox_with_envs();
    let activate = sb.env_dir("proj1").join("bin/activate.nu");
    let script = format!(
        r#"
let before = $env.PATH
overlay use r#'{activate}'#
print $"VE=($env.VIRTUAL_ENV)"
print $"VEP=($env.VIRTUAL_ENV_PROMPT)"
print $"PH=($env.PYTHONHOME? | default unset)"
print $"PREFIX=(^python -c 'import sys; print(sys.prefix)')"
deactivate
print $"VEEND=($env.VIRTUAL_ENV? | default unset)"
print $"SAMEPATH=(if $env.PATH == $before {{ 1 }} else {{ 0 }})"
print $"PHEND=($env.PYTHONHOME? | default unset)"
print "DONE=1"
"#,
        activate = activate.display()
    );
    let run = run_nu_with_pythonhome(&sb, &script);
    run.assert_done();
    let d1 = sb.env_dir("proj1").display().to_string();
    assert_eq!(run.get("VE"), d1);
    assert_eq!(run.get("VEP"), "proj1");
    assert_eq!(run.get("PH"), "unset");
    assert_eq!(run.get("PREFIX"), d1);
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("SAMEPATH"), "1");
    assert_eq!(run.get("PHEND"), "/kept/home");
}

/// Run a nu script without config, with PYTHONHOME set to `/kept/home` so
/// the test can see it put aside and restored.
fn run_nu_with_pythonhome(sb: &Sandbox, script: &str) -> Run {
    let file = sb.dir.path().join("test.nu");
    write(&file, script);
    let out = sb
        .command("nu")
        .arg("--no-config-file")
        .arg(&file)
        .env("PYTHONHOME", "/kept/home")
        .output()
        .unwrap();
    Run::from(out)
}

//! user data and user definitions never run: hijacked builtins, prompts shown literally.

use super::*;

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

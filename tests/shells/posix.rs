//! bash and zsh: switching, deactivating, unknown names, a failed switch, a shell started inside an env.

use super::*;

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

/// Makes a failing activate script from the real one.
pub(crate) type MakeScript = fn(&str) -> String;

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

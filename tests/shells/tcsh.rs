//! tcsh: workon, deactivate, unknown names, a failed switch.

use super::*;
use crate::posix::MakeScript;

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

/// tcsh: `deactivate nondestructive` reaches the wrapper with its word (an
/// alias that defines an alias used to hand it the outer one's empty
/// arguments): the `set --var` variables stay, as in bash; a plain
/// `deactivate` then restores them.
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_tcsh)),
    ignore = "needs pyenv CPython 3.12, tcsh"
)]
fn tcsh_deactivate_nondestructive_keeps_its_word() {
    if !require("tcsh") {
        return;
    }
    let sb = sandbox_with_envs();
    let out = sb.envreg(&["set", "proj1", "--var", "ENVREG_T=on"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let script = r#"set prompt = "> "
eval "`envreg init tcsh`"
workon proj1
echo "ON=$?ENVREG_T"
deactivate nondestructive
echo "KEPT=$?ENVREG_T"
workon proj1
deactivate
echo "GONE=$?ENVREG_T"
echo DONE=1
"#;
    let run = sb.run_script("tcsh", &["-f"], "tcsh", script);
    run.assert_done();
    assert_eq!(run.get("ON"), "1");
    assert_eq!(run.get("KEPT"), "1", "nondestructive kept the variables");
    assert_eq!(run.get("GONE"), "0", "deactivate restored them");
}

//! Projects in real shells: `workon NAME` changes to the project (not with
//! -n/--no-cd or ENVREG_WORKON_CD=0, again with -c/--cd), `deactivate` stays,
//! `workon .` finds the environment from the current directory, `cdproject`
//! and `mkproject` (the extras), `workon -f` is passed on. bash, zsh and fish
//! in the default run; tcsh, xonsh and nushell in the full one.

use std::path::{Path, PathBuf};

use crate::support::shell::*;

fn py() -> String {
    python()
        .expect("no Python found to build test environments")
        .display()
        .to_string()
}

/// `api` bound to HOME/src/api, `plain` without a project, HOME/projects for
/// PROJECT_HOME.
fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.mkenvs(&["api", "plain"]);
    std::fs::create_dir_all(sb.home.join("src/api/sub")).unwrap();
    std::fs::create_dir_all(sb.home.join("projects")).unwrap();
    let out = sb.envreg(&[
        "set",
        "api",
        "--project",
        sb.home.join("src/api").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    sb
}

fn canon(p: &Path) -> String {
    p.canonicalize().unwrap().display().to_string()
}

/// What cdproject says without a project (tcsh leaves out the quotes).
const NO_PROJECT: [&str; 2] = [
    "has no project; set one with",
    "envreg set plain --project DIR",
];

/// What every shell's script must have printed. `options`: whether the
/// script tried an unknown option (nushell rejects one when it parses the
/// whole script); `said`: whether cdproject's message reaches stderr (not
/// from inside xonsh's `!()` or nushell's `try`).
fn check(sb: &Sandbox, run: &Run, options: bool, said: bool) {
    run.assert_done();
    let home = canon(&sb.home);
    let api = canon(&sb.home.join("src/api"));
    let env = |name: &str| sb.env_dir(name).display().to_string();
    assert_eq!(run.get("W1"), api, "workon NAME goes to the project");
    assert_eq!(run.get("D1"), api, "deactivate stays");
    assert_eq!(run.get("W2"), home, "workon -n stays");
    assert_eq!(run.get("CP"), api, "cdproject");
    assert_eq!(run.get("W3"), home, "an env without a project: stay");
    assert_ne!(run.get("CDP1"), "0", "cdproject without a project");
    assert_eq!(run.get("W4"), home, "ENVREG_WORKON_CD=0 stays");
    assert_eq!(run.get("W5"), api, "workon -c goes even then");
    assert_eq!(run.get("DOT"), env("api"), "workon . from a subdirectory");
    assert_eq!(run.get("DOTPWD"), api);
    assert_ne!(run.get("DOTBAD"), "0", "workon . outside any project");
    assert_eq!(
        run.get("DOTVE"),
        env("api"),
        "a failed workon . changes nothing"
    );
    assert_eq!(run.get("F"), env("plain"), "workon -f NAME");
    if options {
        assert_ne!(run.get("BADOPT"), "0", "workon with an unknown option");
    }
    let newp = canon(&sb.home.join("projects/newp"));
    assert_eq!(run.get("MP"), newp, "mkproject goes to the new directory");
    assert_eq!(run.get("MPVE"), env("newp"), "mkproject activates");
    assert_eq!(
        std::fs::read_to_string(sb.env_dir("newp").join(".project")).unwrap(),
        format!("{newp}\n")
    );
    assert_ne!(
        run.get("MPBAD"),
        "0",
        "mkproject onto an existing directory"
    );
    assert_eq!(
        run.get("MPBADVE"),
        env("newp"),
        "a failed mkproject activates nothing"
    );
    assert_ne!(run.get("CDP0"), "0", "cdproject with nothing active");
    assert!(
        !said || NO_PROJECT.iter().all(|n| run.stderr.contains(n)),
        "no message for cdproject without a project: {}",
        run.stderr
    );
}

fn posix_script(program: &str, strict: &str) -> String {
    format!(
        r#"{strict}
rc=
eval "$(envreg init {program})"
cd "$HOME"
rc=0; cdproject 2>/dev/null || rc=$?; echo "CDP0=$rc"
workon api; echo "W1=$PWD"
deactivate; echo "D1=$PWD"
cd "$HOME"; workon -n api; echo "W2=$PWD"
cdproject; echo "CP=$PWD"
cd "$HOME"; workon --no-cd plain; echo "W3=$PWD"
rc=0; cdproject || rc=$?; echo "CDP1=$rc"
ENVREG_WORKON_CD=0
workon api; echo "W4=$PWD"
workon -c api; echo "W5=$PWD"
unset ENVREG_WORKON_CD
cd "$HOME/src/api/sub"; deactivate
workon .; echo "DOT=$VIRTUAL_ENV"; echo "DOTPWD=$PWD"
cd "$HOME"; rc=0; workon . 2>/dev/null || rc=$?; echo "DOTBAD=$rc"; echo "DOTVE=$VIRTUAL_ENV"
workon -f -- plain; echo "F=$VIRTUAL_ENV"
rc=0; workon -x api 2>/dev/null || rc=$?; echo "BADOPT=$rc"
deactivate
PROJECT_HOME="$HOME/projects"
ENVREG_WORKON_CD=0
mkproject newp --no-pip -p '{py}'; echo "MP=$PWD"; echo "MPVE=$VIRTUAL_ENV"
cd "$HOME"; rc=0; mkproject newp --no-pip -p '{py}' 2>/dev/null || rc=$?; echo "MPBAD=$rc"; echo "MPBADVE=$VIRTUAL_ENV"
echo DONE=1
"#,
        py = py()
    )
}

fn check_posix(program: &str, args: &[&str], strict: &str) {
    if !require(program) {
        return;
    }
    let sb = sandbox();
    let run = sb.run_script(program, args, "sh", &posix_script(program, strict));
    check(&sb, &run, true, true);
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_workon_changes_to_the_project() {
    check_posix("bash", &["--norc", "--noprofile"], "set -eu");
}

#[test]
#[cfg_attr(
    not(all(has_zsh, has_py_3_12)),
    ignore = "needs zsh, pyenv CPython 3.12"
)]
fn zsh_workon_changes_to_the_project() {
    check_posix("zsh", &["-f"], "setopt err_exit nounset");
}

#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_workon_changes_to_the_project() {
    if !require("fish") {
        return;
    }
    let sb = sandbox();
    let script = format!(
        r#"envreg init fish | source
cd $HOME
cdproject 2>/dev/null; echo "CDP0=$status"
workon api; echo "W1=$PWD"
deactivate; echo "D1=$PWD"
cd $HOME; workon -n api; echo "W2=$PWD"
cdproject; echo "CP=$PWD"
cd $HOME; workon --no-cd plain; echo "W3=$PWD"
cdproject; echo "CDP1=$status"
set -g ENVREG_WORKON_CD 0
workon api; echo "W4=$PWD"
workon -c api; echo "W5=$PWD"
set -e ENVREG_WORKON_CD
cd $HOME/src/api/sub; deactivate
workon .; echo "DOT=$VIRTUAL_ENV"; echo "DOTPWD=$PWD"
cd $HOME; workon . 2>/dev/null; echo "DOTBAD=$status"; echo "DOTVE=$VIRTUAL_ENV"
workon -f -- plain; echo "F=$VIRTUAL_ENV"
workon -x api 2>/dev/null; echo "BADOPT=$status"
deactivate
set -g PROJECT_HOME $HOME/projects
set -g ENVREG_WORKON_CD 0
mkproject newp --no-pip -p '{py}'; echo "MP=$PWD"; echo "MPVE=$VIRTUAL_ENV"
cd $HOME; mkproject newp --no-pip -p '{py}' 2>/dev/null; echo "MPBAD=$status"; echo "MPBADVE=$VIRTUAL_ENV"
echo DONE=1
"#,
        py = py()
    );
    let run = sb.run_script("fish", &["--no-config"], "fish", &script);
    check(&sb, &run, true, true);
}

#[test]
#[cfg_attr(not(envreg_test_full), ignore = "full matrix: ENVREG_TEST_FULL=1")]
#[cfg_attr(
    not(all(has_tcsh, has_py_3_12)),
    ignore = "needs tcsh, pyenv CPython 3.12"
)]
fn tcsh_workon_changes_to_the_project() {
    if !require("tcsh") {
        return;
    }
    let sb = sandbox();
    let script = format!(
        r#"eval "`envreg init tcsh`"
cd $HOME
cdproject >& /dev/null
echo "CDP0=$status"
workon api
echo "W1=$cwd"
deactivate
echo "D1=$cwd"
cd $HOME
workon -n api
echo "W2=$cwd"
cdproject
echo "CP=$cwd"
cd $HOME
workon --no-cd plain
echo "W3=$cwd"
cdproject
echo "CDP1=$status"
set ENVREG_WORKON_CD = 0
workon api
echo "W4=$cwd"
workon -c api
echo "W5=$cwd"
unset ENVREG_WORKON_CD
cd $HOME/src/api/sub
deactivate
workon .
echo "DOT=$VIRTUAL_ENV"
echo "DOTPWD=$cwd"
cd $HOME
workon . >& /dev/null
echo "DOTBAD=$status"
echo "DOTVE=$VIRTUAL_ENV"
workon -f -- plain
echo "F=$VIRTUAL_ENV"
workon -x api >& /dev/null
echo "BADOPT=$status"
deactivate
setenv PROJECT_HOME $HOME/projects
setenv ENVREG_WORKON_CD 0
mkproject newp --no-pip -p '{py}'
echo "MP=$cwd"
echo "MPVE=$VIRTUAL_ENV"
cd $HOME
mkproject newp --no-pip -p '{py}' >& /dev/null
echo "MPBAD=$status"
echo "MPBADVE=$VIRTUAL_ENV"
echo DONE=1
"#,
        py = py()
    );
    let run = sb.run_script("tcsh", &["-f"], "csh", &script);
    check(&sb, &run, true, true);
}

#[test]
#[cfg_attr(not(envreg_test_full), ignore = "full matrix: ENVREG_TEST_FULL=1")]
#[cfg_attr(
    not(all(has_xonsh, has_py_3_12)),
    ignore = "needs xonsh, pyenv CPython 3.12"
)]
fn xonsh_workon_changes_to_the_project() {
    if !require("xonsh") {
        return;
    }
    let sb = sandbox();
    let script = format!(
        r#"execx(__import__("subprocess").check_output(["envreg", "init", "xonsh"], text=True))
def st(cmd):
    return 0 if !(@(cmd)).returncode == 0 else 1
cd $HOME
print("CDP0=" + str(st(["cdproject"])))
workon api
print("W1=" + $PWD)
deactivate
print("D1=" + $PWD)
cd $HOME
workon -n api
print("W2=" + $PWD)
cdproject
print("CP=" + $PWD)
cd $HOME
workon --no-cd plain
print("W3=" + $PWD)
print("CDP1=" + str(st(["cdproject"])))
$ENVREG_WORKON_CD = "0"
workon api
print("W4=" + $PWD)
workon -c api
print("W5=" + $PWD)
del $ENVREG_WORKON_CD
cd $HOME/src/api/sub
deactivate
workon .
print("DOT=" + $VIRTUAL_ENV)
print("DOTPWD=" + $PWD)
cd $HOME
print("DOTBAD=" + str(st(["workon", "."])))
print("DOTVE=" + $VIRTUAL_ENV)
workon -f -- plain
print("F=" + $VIRTUAL_ENV)
print("BADOPT=" + str(st(["workon", "-x", "api"])))
deactivate
$PROJECT_HOME = $HOME + "/projects"
$ENVREG_WORKON_CD = "0"
mkproject newp --no-pip -p '{py}'
print("MP=" + $PWD)
print("MPVE=" + $VIRTUAL_ENV)
cd $HOME
print("MPBAD=" + str(st(["mkproject", "newp", "--no-pip", "-p", '{py}'])))
print("MPBADVE=" + $VIRTUAL_ENV)
print("DONE=1")
"#,
        py = py()
    );
    let run = sb.run_script("xonsh", &["--no-rc"], "xsh", &script);
    check(&sb, &run, true, false);
}

#[test]
#[cfg_attr(not(envreg_test_full), ignore = "full matrix: ENVREG_TEST_FULL=1")]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_workon_changes_to_the_project() {
    if !require("nu") {
        return;
    }
    let sb = sandbox();
    let hook: PathBuf = sb.dir.path().join("envreg-hook.nu");
    write(&hook, &text(&sb.envreg(&["init", "nu"]).stdout));
    let script = format!(
        r#"source {hook}
cd $env.HOME
print $"CDP0=(try {{ cdproject; 0 }} catch {{ 1 }})"
workon api
print $"W1=($env.PWD)"
deactivate
print $"D1=($env.PWD)"
cd $env.HOME
workon -n api
print $"W2=($env.PWD)"
cdproject
print $"CP=($env.PWD)"
cd $env.HOME
workon --no-cd plain
print $"W3=($env.PWD)"
print $"CDP1=(try {{ cdproject; 0 }} catch {{ 1 }})"
$env.ENVREG_WORKON_CD = '0'
workon api
print $"W4=($env.PWD)"
workon -c api
print $"W5=($env.PWD)"
hide-env ENVREG_WORKON_CD
cd ($env.HOME | path join src api sub)
deactivate
workon .
print $"DOT=($env.VIRTUAL_ENV)"
print $"DOTPWD=($env.PWD)"
cd $env.HOME
print $"DOTBAD=(try {{ workon . ; 0 }} catch {{ 1 }})"
print $"DOTVE=($env.VIRTUAL_ENV)"
workon -f plain
print $"F=($env.VIRTUAL_ENV)"
deactivate
$env.PROJECT_HOME = ($env.HOME | path join projects)
$env.ENVREG_WORKON_CD = '0'
mkproject newp --no-pip -p '{py}'
print $"MP=($env.PWD)"
print $"MPVE=($env.VIRTUAL_ENV)"
cd $env.HOME
print $"MPBAD=(try {{ mkproject newp --no-pip -p '{py}'; 0 }} catch {{ 1 }})"
print $"MPBADVE=($env.VIRTUAL_ENV)"
print "DONE=1"
"#,
        hook = hook.display(),
        py = py()
    );
    let run = sb.run_script("nu", &["--no-config-file"], "nu", &script);
    check(&sb, &run, false, false);
}

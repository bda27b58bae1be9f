//! `envreg init SHELL --vew`: virtualenvwrapper's commands and hook files,
//! in bash and zsh, translated from virtualenvwrapper's own tests
//! (test_mkvirtualenv, test_rmvirtualenv, test_ls, test_cp, test_mktmpenv,
//! test_hook_dir and the user-script hooks).

use super::*;

/// Hooks that log their name, arguments, working directory and the active
/// env to `log`; `initialize` (sourced at load) sets a variable.
fn install_vew_hooks(sb: &Sandbox, log: &std::path::Path) {
    let hooks = sb.hooks_dir();
    let log = log.display();
    let run = |label: &str| {
        format!(
            "#!/bin/sh\necho \"{label} $* cwd=${{PWD##*/}} ve=${{VIRTUAL_ENV##*/}}\" >> '{log}'\n"
        )
    };
    let sourced = |label: &str| format!("echo \"{label} ve=${{VIRTUAL_ENV##*/}}\" >> '{log}'\n");
    for hook in [
        "premkvirtualenv",
        "precpvirtualenv",
        "prermvirtualenv",
        "postrmvirtualenv",
    ] {
        sb.write_exe(&hooks.join(hook), &run(hook));
    }
    for hook in ["postmkvirtualenv", "postcpvirtualenv"] {
        write(&hooks.join(hook), &sourced(hook));
    }
    write(&hooks.join("initialize"), "FROM_INITIALIZE=yes\n");
    sb.write_exe(
        &hooks.join("get_env_details"),
        "#!/bin/sh\necho \"details $1\"\n",
    );
}

fn vew_script(sh: &Posix, py: &str, log: &str) -> String {
    let Posix { strict, init, .. } = sh;
    format!(
        r#"{strict}
eval "$(envreg init {init} --vew)"
echo "INIT=${{FROM_INITIALIZE-unset}}"
mkvirtualenv -p '{py}' --no-pip env1
echo "VE1=${{VIRTUAL_ENV##*/}}"
cpvirtualenv env1 env2
echo "VE2=${{VIRTUAL_ENV##*/}}"
echo "LSB=$(lsvirtualenv -b | tr '\n' ' ')"
echo "LSL=$(lsvirtualenv | tr '\n' ' ')"
rc=0; rmvirtualenv env2 2>/dev/null || rc=$?
echo "RMACTIVE=$rc"
deactivate
rc=0; rmvirtualenv nosuchenv env1 2>"$HOME/rm.err" || rc=$?
echo "RMRC=$rc"
echo "RMERR=$(cat "$HOME/rm.err")"
echo "LSAFTER=$(lsvirtualenv -b | tr '\n' ' ')"
start="$PWD"
mktmpenv -n --no-pip -p '{py}'
echo "TMPVE=${{VIRTUAL_ENV##*/}}"
echo "TMPPWD=$([ "$PWD" = "$start" ] && echo same || echo moved)"
echo "TOGGLE=$(toggleglobalsitepackages)"
echo "SSP=$(grep include-system "$VIRTUAL_ENV/pyvenv.cfg")"
deactivate
echo "TMPGONE=$(lsvirtualenv -b | tr '\n' ' ')"
echo "LOG=$(tr '\n' '|' < '{log}')"
echo DONE=1
"#
    )
}

fn check_vew(sh: &Posix) {
    let sb = Sandbox::new();
    let log = sb.dir.path().join("hooks.log");
    install_vew_hooks(&sb, &log);
    let py = python().unwrap().display().to_string();
    let run = sb.run_script(
        sh.program,
        sh.args,
        sh.init,
        &vew_script(sh, &py, &log.display().to_string()),
    );
    run.assert_done();
    assert_eq!(run.get("INIT"), "yes", "initialize was not sourced");
    assert_eq!(run.get("VE1"), "env1", "mkvirtualenv did not activate");
    assert_eq!(
        run.get("VE2"),
        "env2",
        "cpvirtualenv did not activate the copy"
    );
    assert_eq!(run.get("LSB"), "env1 env2 ");
    assert_eq!(
        run.get("LSL"),
        "env1 ==== details env1  env2 ==== details env2  "
    );
    assert_eq!(run.get("RMACTIVE"), "1", "the active env was removed");
    assert_eq!(run.get("RMRC"), "1");
    assert_eq!(
        run.get("RMERR"),
        "ERROR: Environment 'nosuchenv' does not exist."
    );
    assert_eq!(
        run.get("LSAFTER"),
        "env2 ",
        "the known name was not removed"
    );
    assert!(!sb.env_dir("env1").exists());
    assert!(run.get("TMPVE").starts_with("tmp-"), "{run:?}");
    assert_eq!(run.get("TMPPWD"), "same", "mktmpenv -n changed directory");
    assert_eq!(run.get("TOGGLE"), "Enabled global site-packages");
    assert_eq!(run.get("SSP"), "include-system-site-packages = true");
    assert_eq!(run.get("TMPGONE"), "env2 ", "deactivate kept the temp env");
    let env1 = sb.env_dir("env1").display().to_string();
    let tmp = run.get("TMPVE");
    let expected = [
        "premkvirtualenv env1 cwd=hooks ve=".to_string(),
        "postmkvirtualenv ve=env1".into(),
        "precpvirtualenv env1 env2 cwd=hooks ve=env1".into(),
        "premkvirtualenv env2 cwd=hooks ve=env1".into(),
        "postmkvirtualenv ve=env2".into(),
        "postcpvirtualenv ve=env2".into(),
        format!("prermvirtualenv {env1} cwd=hooks ve="),
        format!("postrmvirtualenv {env1} cwd=hooks ve="),
        format!("premkvirtualenv {tmp} cwd=hooks ve="),
        format!("postmkvirtualenv ve={tmp}"),
        String::new(),
    ]
    .join("|");
    assert_eq!(run.get("LOG"), expected);
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_vew_commands_and_hooks() {
    check_vew(&BASH);
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_zsh)),
    ignore = "needs pyenv CPython 3.12, zsh"
)]
fn zsh_vew_commands_and_hooks() {
    check_vew(&ZSH);
}

/// The first load creates virtualenvwrapper's hook files as templates:
/// the sourced ones plain, the run ones executable; existing files stay.
#[test]
#[cfg_attr(not(has_bash), ignore = "needs bash")]
fn first_load_creates_the_hook_templates() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    write(&sb.hooks_dir().join("postmkvirtualenv"), "mine\n");
    let run = sb.run_script(
        "bash",
        &["--norc", "--noprofile"],
        "bash",
        "set -eu\neval \"$(envreg init bash --vew)\"\necho DONE=1\n",
    );
    run.assert_done();
    let hooks = sb.hooks_dir();
    let mode = |n: &str| {
        std::fs::metadata(hooks.join(n))
            .unwrap()
            .permissions()
            .mode()
            & 0o111
    };
    assert_ne!(mode("premkvirtualenv"), 0, "run hooks are executable");
    assert_eq!(mode("initialize"), 0);
    let init = std::fs::read_to_string(hooks.join("initialize")).unwrap();
    assert!(init.starts_with("# envreg sources"), "{init}");
    assert_eq!(
        std::fs::read_to_string(hooks.join("postmkvirtualenv")).unwrap(),
        "mine\n"
    );
    let out = sb.envreg(&["init", "tcsh", "--vew"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("bash, zsh and fish"));
}

/// fish's subset: hooks as in bash (mkproject's too), the sourced ones as
/// `NAME.fish`.
#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_vew_commands_and_hooks() {
    let sb = Sandbox::new();
    let log = sb.dir.path().join("hooks.log");
    let hooks = sb.hooks_dir();
    let l = log.display();
    for hook in [
        "premkvirtualenv",
        "precpvirtualenv",
        "prermvirtualenv",
        "premkproject",
    ] {
        sb.write_exe(
            &hooks.join(hook),
            &format!("#!/bin/sh\necho \"{hook} $* cwd=${{PWD##*/}}\" >> '{l}'\n"),
        );
    }
    for hook in ["postmkvirtualenv", "postcpvirtualenv"] {
        write(
            &hooks.join(format!("{hook}.fish")),
            &format!("echo {hook} (basename $VIRTUAL_ENV) >> '{l}'\n"),
        );
    }
    write(
        &hooks.join("postmkproject.fish"),
        &format!("echo postmkproject (basename $VIRTUAL_ENV) pwd=(basename $PWD) >> '{l}'\n"),
    );
    write(
        &hooks.join("initialize.fish"),
        "set -g FROM_INITIALIZE yes\n",
    );
    let py = python().unwrap().display().to_string();
    let script = format!(
        r#"envreg init fish --vew | source
echo "INIT=$FROM_INITIALIZE"
mkvirtualenv -p '{py}' --no-pip env1
echo "VE1="(basename $VIRTUAL_ENV)
cpvirtualenv env1 env2
echo "VE2="(basename $VIRTUAL_ENV)
deactivate
rmvirtualenv nosuchenv env1 2>/dev/null
echo "RMRC=$status"
echo "LSB="(lsvirtualenv -b | string join ' ')
set -g PROJECT_HOME $HOME/projects
mkdir -p $PROJECT_HOME $HOME/work
cd $HOME/work
mkproject -p '{py}' --no-pip proj1
echo "MPPWD=$PWD"
echo "LOG="(string join '|' < '{l}')
echo DONE=1
"#
    );
    let run = sb.run_script("fish", &["--no-config"], "fish", &script);
    run.assert_done();
    assert_eq!(run.get("INIT"), "yes");
    assert_eq!(run.get("VE1"), "env1");
    assert_eq!(run.get("VE2"), "env2");
    assert_eq!(run.get("RMRC"), "1");
    assert_eq!(run.get("LSB"), "env2");
    let proj1 = sb.home.join("projects/proj1").canonicalize().unwrap();
    assert_eq!(run.get("MPPWD"), proj1.display().to_string());
    let env1 = sb.env_dir("env1").display().to_string();
    assert_eq!(
        run.get("LOG"),
        format!(
            "premkvirtualenv env1 cwd=hooks|postmkvirtualenv env1|\
             precpvirtualenv env1 env2 cwd=hooks|premkvirtualenv env2 cwd=hooks|\
             postmkvirtualenv env2|postcpvirtualenv env2|prermvirtualenv {env1} cwd=hooks|\
             premkvirtualenv proj1 cwd=hooks|postmkvirtualenv proj1|\
             premkproject proj1 cwd=projects|postmkproject proj1 pwd=proj1"
        )
    );
}

/// Project hooks logging name, arguments, working directory and active env
/// (the sourced ones log the shell's working directory).
fn install_project_hooks(sb: &Sandbox, log: &std::path::Path) {
    let hooks = sb.hooks_dir();
    let log = log.display();
    for hook in ["premkvirtualenv", "premkproject"] {
        sb.write_exe(
            &hooks.join(hook),
            &format!(
                "#!/bin/sh\necho \"{hook} $* cwd=${{PWD##*/}} ve=${{VIRTUAL_ENV##*/}}\" >> '{log}'\n"
            ),
        );
    }
    for hook in ["postmkvirtualenv", "postmkproject"] {
        write(
            &hooks.join(hook),
            &format!("echo \"{hook} ve=${{VIRTUAL_ENV##*/}} pwd=${{PWD##*/}}\" >> '{log}'\n"),
        );
    }
    write(&hooks.join("initialize"), "");
}

/// mkproject (virtualenvwrapper's hook order, arguments and directories, on
/// `envreg mkproject`), mkvirtualenv -a, a project's .virtualenvwrapper
/// hooks on workon/deactivate, setvirtualenvproject through the registry.
fn check_vew_projects(sh: &Posix) {
    let sb = Sandbox::new();
    let log = sb.dir.path().join("hooks.log");
    install_project_hooks(&sb, &log);
    let app = sb.home.join("src/app");
    std::fs::create_dir_all(app.join(".virtualenvwrapper")).unwrap();
    let l = log.display();
    write(
        &app.join(".virtualenvwrapper/postactivate"),
        &format!("echo \"projpost ve=${{VIRTUAL_ENV##*/}} pwd=${{PWD##*/}}\" >> '{l}'\n"),
    );
    write(
        &app.join(".virtualenvwrapper/predeactivate"),
        &format!("echo \"projpre ve=${{VIRTUAL_ENV##*/}}\" >> '{l}'\n"),
    );
    let py = python().unwrap().display().to_string();
    let Posix { strict, init, .. } = sh;
    let script = format!(
        r#"{strict}
eval "$(envreg init {init} --vew)"
PROJECT_HOME="$HOME/projects"
mkdir -p "$PROJECT_HOME" "$HOME/work"
cd "$HOME/work"
mkproject -p '{py}' --no-pip proj1
echo "MPPWD=$PWD"
echo "MPVE=${{VIRTUAL_ENV##*/}}"
deactivate
cd "$HOME/work"
rc=0; mkproject --no-pip proj1 2>/dev/null || rc=$?
echo "MPDUP=$rc"
rc=0; mkproject -t django proj2 2>/dev/null || rc=$?
echo "MPT=$rc"
mkvirtualenv -a "$HOME/src/app" -p '{py}' --no-pip env2
echo "MKAPWD=$PWD"
deactivate
cd "$HOME/work"
workon -n env2
echo "WNPWD=$PWD"
deactivate
VIRTUALENVWRAPPER_WORKON_CD=0 workon env2
echo "VWCD=$PWD"
deactivate
mkvirtualenv -p '{py}' --no-pip env3
cd "$HOME/src"
echo "SVP=$(setvirtualenvproject)"
cd "$HOME/work"
cdproject
echo "CDP=$PWD"
echo "SVPDIR=$(setvirtualenvproject "$VIRTUAL_ENV/" "$HOME/src/app")"
rc=0; setvirtualenvproject env3 "$HOME/nowhere" 2>/dev/null || rc=$?
echo "SVPBAD=$rc"
echo "SHOW=$(envreg show env3 | grep '^project')"
echo "LOG=$(tr '\n' '|' < '{l}')"
echo DONE=1
"#
    );
    let run = sb.run_script(sh.program, sh.args, sh.init, &script);
    run.assert_done();
    let canon = |p: &std::path::Path| p.canonicalize().unwrap().display().to_string();
    let proj1 = canon(&sb.home.join("projects/proj1"));
    let app = canon(&app);
    let src = canon(&sb.home.join("src"));
    assert_eq!(run.get("MPPWD"), proj1, "mkproject ends in the project");
    assert_eq!(run.get("MPVE"), "proj1", "mkproject activates");
    assert_eq!(
        std::fs::read_to_string(sb.env_dir("proj1").join(".project")).unwrap(),
        format!("{proj1}\n")
    );
    assert_ne!(run.get("MPDUP"), "0", "mkproject over an existing project");
    assert_ne!(run.get("MPT"), "0", "mkproject -t");
    assert!(!sb.home.join("projects/proj2").exists());
    assert_eq!(
        run.get("MKAPWD"),
        app,
        "mkvirtualenv -a goes to the project"
    );
    assert_eq!(run.get("WNPWD"), canon(&sb.home.join("work")), "workon -n");
    assert_eq!(
        run.get("VWCD"),
        canon(&sb.home.join("work")),
        "VIRTUALENVWRAPPER_WORKON_CD=0"
    );
    assert_eq!(run.get("SVP"), format!("Setting project for env3 to {src}"));
    assert_eq!(run.get("CDP"), src, "cdproject after setvirtualenvproject");
    assert_eq!(
        run.get("SVPDIR"),
        format!("Setting project for env3 to {app}"),
        "setvirtualenvproject takes the env's directory"
    );
    assert_ne!(run.get("SVPBAD"), "0", "a missing project directory");
    assert_eq!(
        std::fs::read_to_string(sb.env_dir("env3").join(".project")).unwrap(),
        format!("{app}\n"),
        "the registry keeps .project (the failed call changed nothing)"
    );
    assert!(run.get("SHOW").ends_with(&app), "{}", run.get("SHOW"));
    let expected = [
        "premkvirtualenv proj1 cwd=hooks ve=",
        "postmkvirtualenv ve=proj1 pwd=work",
        "premkproject proj1 cwd=projects ve=proj1",
        "postmkproject ve=proj1 pwd=proj1",
        "premkvirtualenv env2 cwd=hooks ve=",
        "projpost ve=env2 pwd=app",
        "postmkvirtualenv ve=env2 pwd=app",
        "projpre ve=env2",
        "projpost ve=env2 pwd=work",
        "projpre ve=env2",
        "projpost ve=env2 pwd=work",
        "projpre ve=env2",
        "premkvirtualenv env3 cwd=hooks ve=",
        "postmkvirtualenv ve=env3 pwd=work",
        "",
    ]
    .join("|");
    assert_eq!(run.get("LOG"), expected);
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_vew_projects_and_hooks() {
    check_vew_projects(&BASH);
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_zsh)),
    ignore = "needs pyenv CPython 3.12, zsh"
)]
fn zsh_vew_projects_and_hooks() {
    check_vew_projects(&ZSH);
}

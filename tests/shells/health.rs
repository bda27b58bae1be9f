//! `workon` never pretends: a broken environment is refused with the reason
//! and the fix, and the shell keeps the environment it had.

use super::*;

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_workon_of_a_broken_env_keeps_the_active_one() {
    if !require("bash") {
        return;
    }
    let sb = Sandbox::new();
    sb.mkenvs(&["good", "broken"]);
    // Its interpreter is gone: bin/python points nowhere.
    let python = sb.env_dir("broken").join("bin/python");
    std::fs::remove_file(&python).unwrap();
    std::os::unix::fs::symlink("/nonexistent/python3.11", &python).unwrap();
    let script = r#"
PS1='$ '
eval "$(envreg init bash)"
workon good
rc=0
workon broken || rc=$?
echo "RC=$rc"
echo "VE=$VIRTUAL_ENV"
echo "PROMPT=${PS1@P}"
rc=0
workon --force broken || rc=$?
echo "FORCERC=$rc"
echo "FORCEVE=$VIRTUAL_ENV"
echo DONE=1
"#;
    let run = sb.run_script("bash", &["--norc", "--noprofile"], "sh", script);
    run.assert_done();
    let good = sb.env_dir("good").display().to_string();
    assert_eq!(run.get("RC"), "1", "{}", run.stderr);
    assert_eq!(run.get("VE"), good);
    assert_eq!(run.get("PROMPT"), "(good) $ ");
    assert!(
        run.stderr.contains("'broken' is broken")
            && run
                .stderr
                .contains("/nonexistent/python3.11 no longer exists")
            && run.stderr.contains("envreg repair broken"),
        "{}",
        run.stderr
    );
    // --force activates it anyway (when the hook passes it on).
    if run.get("FORCERC") == "0" {
        assert_eq!(
            run.get("FORCEVE"),
            sb.env_dir("broken").display().to_string()
        );
    }
}

/// The picker of a bare `workon` marks a broken env; choosing it says why
/// and what fixes it, and activates nothing.
#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12, has_tmux)),
    ignore = "needs bash, pyenv CPython 3.12, tmux"
)]
fn the_picker_marks_a_broken_env_and_refuses_it() {
    if !require("tmux") || !require("bash") {
        return;
    }
    let sb = sandbox_with_envs();
    let python = sb.env_dir("proj2").join("bin/python");
    std::fs::remove_file(&python).unwrap();
    std::os::unix::fs::symlink("/nonexistent/python3.11", &python).unwrap();
    let rc = sb.dir.path().join("rc.bash");
    write(&rc, "PS1='PROMPT$ '\neval \"$(envreg init bash)\"\n");
    let tmux = Tmux::start(
        &sb,
        &format!("bash --noprofile --rcfile '{}' -i", rc.display()),
    );
    tmux.wait_for(&|s| s.contains("PROMPT$"), "the first prompt");
    tmux.send(&["workon", "Enter"]);
    let picker = tmux.wait_for(
        &|s| s.contains("Esc to cancel") && s.contains("proj2"),
        "the picker",
    );
    assert!(picker.contains("proj2  (broken)"), "{picker}");
    assert!(!picker.contains("proj1  ("), "{picker}");
    tmux.send(&["proj2"]);
    tmux.wait_for(&|s| s.contains("\u{203a} proj2"), "the query typed");
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for(
        &|s| s.contains("envreg repair proj2") && s.trim_end().ends_with("PROMPT$"),
        "the refusal",
    );
    assert!(screen.contains("'proj2' is broken"), "{screen}");
    tmux.send(&["echo \"VE=${VIRTUAL_ENV:-none}\"", "Enter"]);
    let screen = tmux.wait_for(&|s| s.contains("VE="), "the status line");
    assert!(screen.contains("VE=none"), "{screen}");
}

//! a real terminal (tmux): the prompt, the picker, Ctrl-C.

use super::*;

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

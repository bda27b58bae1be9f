use crate::common::*;

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn rm_with_yes_removes_dir_and_entry() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    w.mkenv("b", &py, &["--no-pip"]);
    let out = w.run(["rm", "-y", "a"]).ok();
    assert!(out.stderr.contains("removed 'a'"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(!w.env_dir("a").exists());
    assert!(w.env_dir("b").exists());
    assert_eq!(w.names(), ["b"]);
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn rm_without_terminal_or_yes_refuses() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let before = w.index_bytes();
    w.run(["rm", "a"]).fails_with(&["not a terminal", "--yes"]);
    assert_eq!(w.index_bytes(), before);
    assert!(w.env_dir("a").join("pyvenv.cfg").exists());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn one_unknown_name_removes_nothing() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    w.mkenv("b", &py, &["--no-pip"]);
    let before = w.index_bytes();
    w.run(["rm", "-y", "a", "nosuch", "b"])
        .fails_with(&["no environment named 'nosuch'", "nothing was removed"]);
    assert_eq!(w.index_bytes(), before);
    assert!(w.env_dir("a").exists() && w.env_dir("b").exists());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn the_active_env_needs_force() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let out = w
        .cmd(["rm", "-y", "a"])
        .env("VIRTUAL_ENV", w.env_dir("a"))
        .output()
        .unwrap();
    Out::from(out).fails_with(&["active environment", "--force"]);
    assert!(w.env_dir("a").exists());
    let out = w
        .cmd(["rm", "-y", "--force", "a"])
        .env("VIRTUAL_ENV", w.env_dir("a"))
        .output()
        .unwrap();
    Out::from(out).ok();
    assert!(!w.env_dir("a").exists());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_directory_that_is_not_a_venv_is_never_deleted() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let env = w.env_dir("a");
    std::fs::remove_file(env.join("pyvenv.cfg")).unwrap();
    std::fs::write(env.join("precious"), "data").unwrap();
    // It is unregistered, and left on disk with the reason.
    let out = w.run(["rm", "-y", "a"]).ok();
    assert!(
        out.stderr.contains("left ") && out.stderr.contains("no pyvenv.cfg"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(env.join("precious")).unwrap(),
        "data"
    );
    assert!(w.names().is_empty());
    // The name stays taken by that directory, and mkenv says so.
    w.run(["mkenv", "a", "-p", py.to_str().unwrap(), "--no-pip"])
        .fails_with(&["already exists but is not an environment envreg built"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn rm_of_a_missing_directory_just_unregisters() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    std::fs::remove_dir_all(w.env_dir("a")).unwrap();
    w.run(["rm", "-y", "a"]).ok();
    assert!(w.names().is_empty());
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_script)),
    ignore = "needs pyenv CPython 3.12, script"
)]
fn rm_asks_on_a_terminal() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    if which("script").is_none() {
        skip("util-linux `script` is needed for a pseudo-terminal");
        return;
    }
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    w.mkenv("b", &py, &["--no-pip"]);
    // `script` gives envreg a pseudo-terminal; we type the answer into it.
    let answer = |name: &str, key: &str| {
        let cmd = format!("{BIN} rm {name}");
        let out = std::process::Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .env("ENVREG_HOME", w.envreg_home())
            .env("HOME", w.home())
            .env_remove("VIRTUAL_ENV")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                std::thread::sleep(std::time::Duration::from_millis(300));
                c.stdin.take().unwrap().write_all(key.as_bytes())?;
                c.wait_with_output()
            })
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let screen = answer("a", "n\n");
    assert!(screen.contains("Remove 'a'?"), "{screen}");
    assert!(w.env_dir("a").exists(), "answered no: {screen}");
    let screen = answer("b", "y\n");
    assert!(screen.contains("Remove 'b'?"), "{screen}");
    assert!(!w.env_dir("b").exists(), "answered yes: {screen}");
    assert_eq!(w.names(), ["a"]);
}

fn which(cmd: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(cmd))
            .find(|p| p.is_file())
    })
}

/// A tmux server of our own (its socket in the test's temp dir) running
/// one command per session in a real terminal.
pub(crate) struct Tmux {
    socket: std::path::PathBuf,
}

impl Tmux {
    pub(crate) fn start(w: &World) -> Tmux {
        Tmux {
            socket: w.dir.path().join("tmux.sock"),
        }
    }

    pub(crate) fn tmux(&self, w: &World, args: &[&str]) -> std::process::Output {
        std::process::Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .args(args)
            // The first call starts the server, whose environment the
            // sessions inherit.
            .env("ENVREG_HOME", w.envreg_home())
            .env("HOME", w.home())
            .env("TERM", "xterm")
            .env_remove("VIRTUAL_ENV")
            .env_remove("TMUX")
            .output()
            .unwrap()
    }

    /// Start `sh -c SCRIPT` in a new session named `name`.
    pub(crate) fn session(&self, w: &World, name: &str, script: &str) {
        let script = format!("{script}; echo \"EXIT=$?\"; sleep 600");
        let out = self.tmux(
            w,
            &[
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                "100",
                "-y",
                "20",
                "sh",
                "-c",
                &script,
            ],
        );
        assert!(out.status.success(), "tmux new-session: {out:?}");
    }

    pub(crate) fn screen(&self, w: &World, name: &str) -> String {
        let out = self.tmux(w, &["capture-pane", "-p", "-t", name]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Wait until the screen shows `needle` (a guard against hanging
    /// forever, not a time limit the test asserts).
    pub(crate) fn wait_for(&self, w: &World, name: &str, needle: &str) -> String {
        for _ in 0..1200 {
            let screen = self.screen(w, name);
            if screen.contains(needle) {
                return screen;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("{needle:?} never appeared:\n{}", self.screen(w, name));
    }

    fn cursor_visible(&self, w: &World, name: &str) -> bool {
        let out = self.tmux(w, &["display-message", "-p", "-t", name, "#{cursor_flag}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }
}

impl Drop for Tmux {
    /// Stop our server (and its sessions' `sleep`), also when a test fails.
    fn drop(&mut self) {
        let _ = std::process::Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// `x`, a registered directory with a pyvenv.cfg (no Python needed).
fn hand_made_env(w: &World, name: &str) {
    std::fs::create_dir_all(w.env_dir(name)).unwrap();
    std::fs::write(w.env_dir(name).join("pyvenv.cfg"), "home = /nonexistent\n").unwrap();
    let mut text = String::from("(version: 1, envs: {");
    text.push_str(&format!(
        "{name:?}: (path: {:?}, managed: true, python: (executable: \"/nonexistent/python3\", \
         version: \"3.12.1\", implementation: \"CPython\"), created: 1700000000)",
        w.env_dir(name)
    ));
    text.push_str("})\n");
    std::fs::write(w.index(), text).unwrap();
}

#[test]
#[cfg_attr(not(has_tmux), ignore = "needs tmux")]
fn rm_on_a_real_terminal_escape_ctrl_d_and_ctrl_c_mean_no() {
    if which("tmux").is_none() {
        skip("tmux is needed for a real terminal");
        return;
    }
    let w = World::new();
    hand_made_env(&w, "x");
    let before = w.index_bytes();
    let tmux = Tmux::start(&w);
    let script = format!("'{BIN}' rm x");
    let cases: &[(&str, &[&str])] = &[
        ("esc", &["Escape"]),
        ("ctrl-d", &["C-d"]),
        ("ctrl-c", &["C-c"]),
        ("enter", &["Enter"]),
        ("q", &["q"]),
        // Keys that are neither yes nor no are ignored until one is.
        ("n-after-others", &["Up", "z", "n"]),
    ];
    for (name, keys) in cases {
        tmux.session(&w, name, &script);
        tmux.wait_for(&w, name, "Remove 'x'? [y/N]");
        let mut args = vec!["send-keys", "-t", name];
        args.extend_from_slice(keys);
        assert!(tmux.tmux(&w, &args).status.success());
        let screen = tmux.wait_for(&w, name, "EXIT=");
        assert!(screen.contains("EXIT=1"), "{name}: {screen}");
        // The answer follows the question (on the next line when the key
        // arrived before the terminal was switched to raw mode and echoed).
        let after = screen.split("Remove 'x'? [y/N]").nth(1).unwrap_or("");
        assert!(after.trim_start().starts_with("no"), "{name}: {screen}");
        assert!(
            screen.contains("envreg: nothing removed"),
            "{name}: {screen}"
        );
        assert!(tmux.cursor_visible(&w, name), "{name}: cursor hidden");
        assert!(w.env_dir("x").join("pyvenv.cfg").exists(), "{name}");
        assert_eq!(w.index_bytes(), before, "{name}");
    }
    tmux.session(&w, "yes", &script);
    tmux.wait_for(&w, "yes", "Remove 'x'? [y/N]");
    assert!(
        tmux.tmux(&w, &["send-keys", "-t", "yes", "Y"])
            .status
            .success()
    );
    let screen = tmux.wait_for(&w, "yes", "EXIT=");
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert!(screen.contains("envreg: removed 'x'"), "{screen}");
    assert!(!w.env_dir("x").exists());
}

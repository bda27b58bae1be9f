use crate::common::*;

#[test]
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

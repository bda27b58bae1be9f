use crate::common::*;

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_corrupt_index_stops_every_command_and_stays_untouched() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let mut bytes = w.index_bytes().unwrap();
    // Cut the file in the middle of an entry, as a crash of a naive writer would.
    bytes.truncate(bytes.len() / 2);
    bytes.extend_from_slice(b"\n@@garbage");
    std::fs::write(w.index(), &bytes).unwrap();

    let py = py.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["ls"],
        &["ls", "--json"],
        &["ls", "--names"],
        &["show", "a"],
        &["path", "a"],
        &["path", "--workon", "--", "a"],
        &["rm", "-y", "a"],
        &["mkenv", "b", "--no-pip", "-p", py],
    ];
    for args in commands {
        let out = w.run(*args);
        out.fails_with(&["index.ron", "corrupt", "line "]);
        assert_eq!(
            w.index_bytes().unwrap(),
            bytes,
            "{args:?} changed the index"
        );
    }
    assert!(w.env_dir("a").join("pyvenv.cfg").exists());
    assert!(!w.env_dir("b").exists());
}

#[test]
fn an_index_from_a_newer_envreg_is_not_overwritten() {
    let w = World::new();
    std::fs::create_dir_all(w.envreg_home()).unwrap();
    let text = "(version: 99, envs: {}, something_new: true)\n";
    std::fs::write(w.index(), text).unwrap();
    let out = w.run(["ls"]).fails_with(&["newer envreg", "upgrade"]);
    assert!(!out.stderr.contains("corrupt") && !out.stderr.contains("move it away"));
    w.run(["mkenv", "x", "--no-pip"])
        .fails_with(&["newer envreg"]);
    assert_eq!(std::fs::read_to_string(w.index()).unwrap(), text);
}

#[test]
fn a_missing_index_is_an_empty_registry() {
    let w = World::new();
    std::fs::create_dir_all(w.envreg_home().join("envs")).unwrap();
    assert!(w.names().is_empty());
    assert!(!w.index().exists(), "listing must not create the index");
}

#[test]
fn relative_envreg_home_is_refused() {
    let w = World::new();
    let out = w
        .cmd(["ls"])
        .env("ENVREG_HOME", "rel/dir")
        .output()
        .unwrap();
    Out::from(out).fails_with(&["ENVREG_HOME", "absolute"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn moving_a_corrupt_index_away_recovers_every_env() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--prompt", "A!"]);
    w.mkenv("b", &py, &["--no-pip", "--system-site-packages"]);
    std::fs::write(w.index(), "(version: 1, envs: {").unwrap();
    w.run(["ls"]).fails_with(&["corrupt", "move it away"]);
    std::fs::rename(w.index(), w.dir.path().join("index.ron.bad")).unwrap();

    let out = w
        .run(["mkenv", "c", "--no-pip", "-p", py.to_str().unwrap()])
        .ok();
    assert!(out.stderr.contains("registered 'a'"), "{}", out.stderr);
    assert_eq!(w.names(), ["a", "b", "c"]);
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["ls", "--json"]).ok().stdout).unwrap();
    let a = &json[0];
    let b = &json[1];
    assert_eq!(a["status"], "ok");
    assert_eq!(a["pip"], true);
    assert_eq!(a["prompt"], "A!");
    assert_eq!(b["pip"], false);
    assert_eq!(b["system_site_packages"], true);
    assert!(a["python"].as_str().unwrap().starts_with("3.12."));
}

/// An index with one hand-written entry `x` (no Python needed).
fn write_index_with_x(w: &World) -> Vec<u8> {
    std::fs::create_dir_all(w.envreg_home()).unwrap();
    let text = format!(
        "(version: 1, envs: {{\"x\": (path: {:?}, managed: true, python: (executable: \"/nonexistent/python3\", \
         version: \"3.12.1\", implementation: \"CPython\"), created: 1700000000)}})\n",
        w.env_dir("x")
    );
    std::fs::write(w.index(), &text).unwrap();
    std::fs::create_dir_all(w.env_dir("x")).unwrap();
    text.into_bytes()
}

#[cfg(unix)]
#[test]
fn a_symlink_at_the_old_temporary_name_is_never_followed() {
    let w = World::new();
    write_index_with_x(&w);
    let victim = w.dir.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, w.envreg_home().join("index.ron.tmp")).unwrap();
    // `rm` saves the index.
    w.run(["rm", "-y", "x"]).ok();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(w.names().is_empty(), "the save happened");
}

#[cfg(unix)]
#[test]
fn a_symlinked_index_is_updated_through_the_link() {
    let w = World::new();
    write_index_with_x(&w);
    let dotfiles = w.dir.path().join("dotfiles");
    std::fs::create_dir(&dotfiles).unwrap();
    let target = dotfiles.join("index.ron");
    std::fs::rename(w.index(), &target).unwrap();
    std::os::unix::fs::symlink("../dotfiles/index.ron", w.index()).unwrap();
    let before = std::fs::read(&target).unwrap();

    w.run(["rm", "-y", "x"]).ok();

    let meta = std::fs::symlink_metadata(w.index()).unwrap();
    assert!(meta.file_type().is_symlink(), "the index is still a link");
    assert_eq!(
        std::fs::read_link(w.index()).unwrap(),
        std::path::Path::new("../dotfiles/index.ron")
    );
    let after = std::fs::read_to_string(&target).unwrap();
    assert_ne!(after.as_bytes(), before, "the target was updated");
    assert!(!after.contains("\"x\""), "{after}");
    // No temporary file is left beside the link or the target.
    for dir in [w.envreg_home(), dotfiles] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            assert!(!name.contains("tmp"), "{name} left in {}", dir.display());
        }
    }
}

/// Run `args`, killing the process if it hangs (a guard, not a time limit
/// the test asserts): a FIFO opened naively waits for a writer forever.
#[cfg(unix)]
fn run_unless_hung(w: &World, args: &[&str]) -> Out {
    let mut child = w
        .cmd(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..1200 {
        if child.try_wait().unwrap().is_some() {
            return Out::from(child.wait_with_output().unwrap());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap();
    panic!("envreg {args:?} hung: {:?}", child.wait_with_output());
}

#[cfg(unix)]
#[test]
fn a_fifo_device_or_directory_at_the_index_path_is_an_error_not_a_hang() {
    let w = World::new();
    std::fs::create_dir_all(w.envreg_home()).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(w.index())
        .status()
        .unwrap();
    assert!(made.success());
    for args in [&["ls"][..], &["show", "x"], &["path", "--workon", "x"]] {
        run_unless_hung(&w, args)
            .fails_with(&["index.ron", "a named pipe (FIFO), not a regular file"]);
    }
    std::fs::remove_file(w.index()).unwrap();
    std::os::unix::fs::symlink("/dev/zero", w.index()).unwrap();
    run_unless_hung(&w, &["ls", "--json"]).fails_with(&["a device"]);
    std::fs::remove_file(w.index()).unwrap();
    std::fs::create_dir(w.index()).unwrap();
    w.run(["ls"]).fails_with(&["a directory"]);
}

#[test]
fn messages_for_a_damaged_index() {
    let w = World::new();
    let good = write_index_with_x(&w);
    let good = String::from_utf8(good).unwrap();
    let entry = &good[good.find("(path").unwrap()..good.rfind("})").unwrap()];
    let cases: Vec<(Vec<u8>, Vec<&str>)> = vec![
        (
            format!("(version: 1, envs: {{\n\"x\": {entry},\n\"x\": {entry}}})").into_bytes(),
            vec!["corrupt", "line 3, column", "\"x\" is listed twice"],
        ),
        (
            format!("(version: 1, envs: {{\n\"Com1\": {entry}}})").into_bytes(),
            vec![
                "corrupt",
                "line 2, column",
                "reserved device name on Windows",
            ],
        ),
        (
            b"\x00\x00\x00\x01garbage".to_vec(),
            vec!["corrupt", "not a RON index", "line 1, column 1 (byte 0)"],
        ),
        (
            b"(version: 1,\n\xc3\x28 envs: {})".to_vec(),
            vec!["not a RON index: invalid UTF-8 at line 2, column 1 (byte 13)"],
        ),
    ];
    for (bytes, needles) in cases {
        std::fs::write(w.index(), &bytes).unwrap();
        let out = w.run(["ls"]).fails_with(&needles);
        // One line for what failed, one hint for the way out.
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert_eq!(lines.len(), 2, "{}", out.stderr);
        assert!(lines[1].starts_with("hint: "), "{}", out.stderr);
        assert_eq!(w.index_bytes().unwrap(), bytes);
    }
    // A newer envreg's index, with fields and names this one does not know.
    let newer =
        "(version: 4, envs: {\"caf\u{e9}\": (path: \"/x\", home: (a: 1))}, policy: Strict)\n";
    std::fs::write(w.index(), newer).unwrap();
    for args in [&["ls"][..], &["path", "--workon", "x"]] {
        let out = w
            .run(args)
            .fails_with(&["written by a newer envreg", "upgrade envreg"]);
        assert!(!out.stderr.contains("corrupt"), "{}", out.stderr);
        assert!(!out.stderr.contains("move it away"), "{}", out.stderr);
    }
    assert_eq!(std::fs::read_to_string(w.index()).unwrap(), newer);
}

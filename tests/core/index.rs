use crate::common::*;

#[test]
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
    w.run(["ls"]).fails_with(&["newer envreg", "upgrade"]);
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

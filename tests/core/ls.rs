use crate::common::*;

#[test]
fn empty_registry_prints_nothing_and_hints() {
    let w = World::new();
    let out = w.run(["ls"]).ok();
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("envreg mkenv"), "{}", out.stderr);
    assert_eq!(w.run(["ls", "--names"]).ok().stdout, "");
    assert_eq!(w.run(["ls", "--json"]).ok().stdout.trim(), "[]");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn table_json_and_names_with_every_status() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    // An interpreter that will disappear: a hard-linked copy of the install.
    let copy = w.dir.path().join("pycopy");
    let base = py.parent().unwrap().parent().unwrap();
    let ok = std::process::Command::new("cp")
        .args(["-al", base.to_str().unwrap(), copy.to_str().unwrap()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "cp -al of the interpreter");
    let doomed = copy.join("bin").join(py.file_name().unwrap());

    w.mkenv("good", &py, &["--no-pip"]);
    w.mkenv("gone", &py, &["--no-pip"]);
    w.mkenv("orphan", &doomed, &["--no-pip"]);
    std::fs::remove_dir_all(w.env_dir("gone")).unwrap();
    std::fs::remove_dir_all(&copy).unwrap();

    let table = w.run(["ls"]).ok().stdout;
    let line = |name: &str| {
        table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("no row for {name}: {table}"))
            .to_string()
    };
    assert!(table.lines().next().unwrap().contains("NAME"), "{table}");
    assert!(line("good").contains(" ok"), "{table}");
    assert!(line("good").contains("3.12."), "{table}");
    assert!(line("gone").contains("missing"), "{table}");
    assert!(line("orphan").contains("broken"), "{table}");

    let json: serde_json::Value =
        serde_json::from_str(&w.run(["ls", "--json"]).ok().stdout).unwrap();
    let arr = json.as_array().unwrap();
    assert_eq!(arr.len(), 3);
    let get = |name: &str| arr.iter().find(|e| e["name"] == name).unwrap().clone();
    assert_eq!(get("good")["status"], "ok");
    assert_eq!(get("gone")["status"], "missing");
    assert_eq!(get("orphan")["status"], "broken");
    let good = get("good");
    for field in [
        "name",
        "path",
        "python",
        "status",
        "implementation",
        "executable",
        "created",
    ] {
        assert!(good[field].is_string(), "field {field}: {good}");
    }
    assert_eq!(good["path"], w.env_dir("good").to_str().unwrap());
    assert_eq!(good["implementation"], "CPython");
    assert!(good["last_used"].is_null());

    assert_eq!(w.names(), ["gone", "good", "orphan"]);
    let long = w.run(["ls", "--long"]).ok().stdout;
    assert!(long.contains(w.env_dir("good").to_str().unwrap()), "{long}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn ls_marks_the_active_env_and_closed_pipe_is_quiet() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    w.mkenv("b", &py, &["--no-pip"]);
    let out = w
        .cmd(["ls"])
        .env("VIRTUAL_ENV", w.env_dir("b"))
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.lines().any(|l| l.starts_with("b *")), "{table}");
    assert!(!table.lines().any(|l| l.starts_with("a *")), "{table}");
}

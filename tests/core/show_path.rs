use crate::common::*;

#[test]
fn path_and_show_describe_one_env() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let project = w.dir.path().join("src");
    std::fs::create_dir(&project).unwrap();
    w.mkenv(
        "proj1",
        &py,
        &["--no-pip", "--project", project.to_str().unwrap()],
    );

    let out = w.run(["path", "proj1"]).ok();
    assert_eq!(out.stdout.trim_end(), w.env_dir("proj1").to_str().unwrap());

    let show = w.run(["show", "proj1"]).ok().stdout;
    assert!(show.contains("3.12."), "{show}");
    assert!(show.contains(project.to_str().unwrap()), "{show}");
    assert!(show.contains("status") && show.contains("ok"), "{show}");

    let json: serde_json::Value =
        serde_json::from_str(&w.run(["show", "proj1", "--json"]).ok().stdout).unwrap();
    assert_eq!(json["name"], "proj1");
    assert_eq!(json["status"], "ok");
    assert_eq!(json["project"], project.to_str().unwrap());
    assert_eq!(json["pip"], false);
}

#[test]
fn unknown_names_suggest_a_close_one() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.run(["path", "proj1"])
        .fails_with(&["no environment named 'proj1'", "registry is empty"]);
    w.mkenv("proj1", &py, &["--no-pip"]);
    w.run(["path", "proj2"])
        .fails_with(&["no environment named 'proj2'", "did you mean 'proj1'?"]);
    w.run(["show", "prj1"])
        .fails_with(&["did you mean 'proj1'?"]);
    w.run(["path", "zzzzzz"]).fails_with(&["envreg ls"]);
}

#[test]
fn path_touch_records_last_used() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("proj1", &py, &["--no-pip"]);
    let json = |w: &World| -> serde_json::Value {
        serde_json::from_str(&w.run(["show", "proj1", "--json"]).ok().stdout).unwrap()
    };
    assert!(json(&w)["last_used"].is_null());
    w.run(["path", "proj1"]).ok();
    assert!(
        json(&w)["last_used"].is_null(),
        "plain `path` must not write"
    );
    w.run(["path", "--touch", "proj1"]).ok();
    assert!(json(&w)["last_used"].is_string());
}

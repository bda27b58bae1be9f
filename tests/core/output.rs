//! Output that cannot be written, and values that cannot be shown, never
//! make envreg panic.

use crate::common::*;

/// An index with one entry `x` whose times are `created` and `last_used`.
fn index_with_times(w: &World, created: &str, last_used: &str) {
    std::fs::create_dir_all(w.envreg_home()).unwrap();
    let text = format!(
        "(version: 1, envs: {{\"x\": (path: {:?}, managed: true, python: (executable: \
         \"/nonexistent/python3\", version: \"3.12.1\", implementation: \"CPython\"), \
         created: {created}, last_used: Some({last_used}))}})\n",
        w.env_dir("x")
    );
    std::fs::write(w.index(), text).unwrap();
    std::fs::create_dir_all(w.env_dir("x")).unwrap();
}

#[test]
fn times_no_date_can_show_are_printed_honestly() {
    let w = World::new();
    index_with_times(&w, "18446744073709551615", "253402300800");
    let table = w.run(["ls"]).ok().stdout;
    assert!(
        table.contains("invalid time (18446744073709551615)"),
        "{table}"
    );
    assert!(table.contains("invalid time (253402300800)"), "{table}");
    let show = w.run(["show", "x"]).ok().stdout;
    assert!(
        show.contains("invalid time (18446744073709551615)"),
        "{show}"
    );
    for args in [&["ls", "--json"][..], &["show", "x", "--json"]] {
        let out = w.run(args).ok().stdout;
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let view = if json.is_array() { &json[0] } else { &json };
        assert_eq!(view["created"], "invalid time (18446744073709551615)");
        assert_eq!(view["last_used"], "invalid time (253402300800)");
    }
    // The last second four-digit years can show is still a date.
    index_with_times(&w, "253402300799", "0");
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["show", "x", "--json"]).ok().stdout).unwrap();
    assert_eq!(json["created"], "9999-12-31T23:59:59Z");
    assert_eq!(json["last_used"], "1970-01-01T00:00:00Z");
    let table = w.run(["ls"]).ok().stdout;
    assert!(
        table.contains("9999-12-31") && table.contains("1970-01-01"),
        "{table}"
    );
}

#[cfg(unix)]
#[test]
fn a_full_stderr_is_not_a_panic() {
    let w = World::new();
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let code = |args: &[&str]| {
        w.cmd(args)
            .stdout(std::process::Stdio::null())
            .stderr(full())
            .status()
            .unwrap()
            .code()
    };
    // The hint on an empty registry, then errors of every kind.
    assert_eq!(code(&["ls"]), Some(0));
    for args in [
        &["show", "nosuch"][..],
        &["path", "nosuch"],
        &["rm", "-y", "nosuch"],
        &["mkenv", "a b", "--no-pip"],
        &["activate", "nosuch"],
    ] {
        assert_eq!(code(args), Some(1), "{args:?}");
    }
    index_with_times(&w, "1", "2");
    // `activate` prints its advice on stderr.
    assert_eq!(code(&["activate", "x", "--shell", "bash"]), Some(0));
}

/// Run `args` with stdout a pipe nobody reads any more: every write fails
/// with EPIPE.
#[cfg(unix)]
fn with_closed_stdout(w: &World, args: &[&str]) -> Out {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = w
        .cmd(args)
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    Out::from(out)
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_on_stdout_ends_quietly() {
    let w = World::new();
    index_with_times(&w, "1700000000", "1700000001");
    for args in [
        &["ls", "--json"][..],
        &["show", "x", "--json"],
        &["ls"],
        &["ls", "--names"],
        &["show", "x"],
        &["path", "x"],
    ] {
        let out = with_closed_stdout(&w, args);
        assert_eq!(out.code, Some(0), "{args:?}: {out:#?}");
        assert_eq!(out.stderr, "", "{args:?}");
    }
}

/// An entry `x` whose prompt clears the screen and whose project path and
/// interpreter version hold a newline and a tab.
fn index_with_controls(w: &World) {
    std::fs::create_dir_all(w.envreg_home()).unwrap();
    let text = format!(
        "(version: 1, envs: {{\"x\": (path: {:?}, managed: true, python: (executable: \
         \"/no/py\\u{{1b}}]0;title\\u{{7}}\", version: \"3.12.1\\tX\", implementation: \"CPython\"), \
         created: 1700000000, project: Some(\"/src/a\\nb\"), \
         flags: (prompt: Some(\"\\u{{1b}}[2J\\u{{9b}}\\u{{202e}}p\")))}})\n",
        w.env_dir("x")
    );
    std::fs::write(w.index(), text).unwrap();
    std::fs::create_dir_all(w.env_dir("x")).unwrap();
}

fn assert_no_controls(text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "raw {c:?} in {text:?}"
        );
    }
}

#[test]
fn the_table_and_show_escape_control_characters() {
    let w = World::new();
    index_with_controls(&w);
    for args in [&["ls"][..], &["ls", "--long"]] {
        let table = w.run(args).ok().stdout;
        assert_no_controls(&table);
        assert_eq!(table.lines().count(), 2, "header and one row: {table}");
        assert!(table.contains("/src/a\\nb"), "{table}");
        assert!(table.contains("3.12.1\\tX"), "{table}");
    }
    let long = w.run(["ls", "--long"]).ok().stdout;
    assert!(long.contains("/no/py\\u{1b}]0;title\\u{7}"), "{long}");

    let show = w.run(["show", "x"]).ok().stdout;
    assert_no_controls(&show);
    let line = |key: &str| {
        show.lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("no {key}: {show}"))
            .to_string()
    };
    assert!(
        line("prompt").ends_with(" \\u{1b}[2J\\u{9b}\\u{202e}p"),
        "{show}"
    );
    assert!(line("project").ends_with(" /src/a\\nb"), "{show}");
    assert_eq!(show.lines().count(), 17, "{show}");
}

#[test]
fn json_names_and_path_stay_exact() {
    let w = World::new();
    index_with_controls(&w);
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["show", "x", "--json"]).ok().stdout).unwrap();
    assert_eq!(json["prompt"], "\u{1b}[2J\u{9b}\u{202e}p");
    assert_eq!(json["project"], "/src/a\nb");
    let json: serde_json::Value =
        serde_json::from_str(&w.run(["ls", "--json"]).ok().stdout).unwrap();
    assert_eq!(json[0]["python"], "3.12.1\tX");
    assert_eq!(w.run(["ls", "--names"]).ok().stdout, "x\n");
    let path = w.run(["path", "x"]).ok().stdout;
    assert_eq!(path.trim_end(), w.env_dir("x").to_str().unwrap());
}

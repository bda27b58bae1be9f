//! The shape of every error: `envreg: <what failed>` first, the fix on
//! `hint: ` lines, usage errors (exit 2) with the usage after the hints.

use crate::common::{Out, World, need_python};

/// The lines of stderr, asserting the shape: the first starts with
/// `envreg: `, the `hint: ` lines come together, and a blank line separates
/// them from what follows (the usage).
#[track_caller]
fn shape(out: &Out, code: i32) -> Vec<String> {
    assert_eq!(out.code, Some(code), "{out:#?}");
    let lines: Vec<String> = out.stderr.lines().map(str::to_string).collect();
    assert!(lines[0].starts_with("envreg: "), "{out:#?}");
    let first_hint = lines.iter().position(|l| l.starts_with("hint: "));
    let last_hint = lines.iter().rposition(|l| l.starts_with("hint: "));
    if let (Some(first), Some(last)) = (first_hint, last_hint) {
        assert!(
            lines[first..=last].iter().all(|l| l.starts_with("hint: ")),
            "hint lines together: {out:#?}"
        );
        assert!(
            lines.get(last + 1).is_none_or(|l| l.is_empty()),
            "a blank line between the hints and the usage: {out:#?}"
        );
    }
    lines
}

#[test]
fn a_usage_error_is_in_envreg_shape_with_the_usage_last() {
    let w = World::new();
    let out = w.run(["ls", "--bogus"]);
    let lines = shape(&out, 2);
    assert_eq!(lines[0], "envreg: unexpected argument '--bogus' found");
    assert_eq!(lines[1], "hint: see 'envreg ls --help'");
    assert_eq!(lines[2], "");
    assert_eq!(lines[3], "Usage: envreg ls [OPTIONS]");
    assert!(!out.stderr.contains("error:"), "{out:#?}");

    // clap's own suggestion becomes a hint.
    let out = w.run(["activat", "x"]);
    let lines = shape(&out, 2);
    assert_eq!(lines[0], "envreg: unrecognized subcommand 'activat'");
    assert_eq!(lines[1], "hint: a similar subcommand exists: 'activate'");

    // A missing argument: the message keeps its second line.
    let out = w.run(["rm"]);
    let lines = shape(&out, 2);
    assert_eq!(
        lines[..3],
        [
            "envreg: the following required arguments were not provided:",
            "  <NAMES>...",
            "hint: see 'envreg rm --help'",
        ]
    );

    // An invalid value names the subcommand whose help to read.
    let out = w.run(["activate", "x", "--shell", "bosh"]);
    let lines = shape(&out, 2);
    assert!(lines.contains(&"hint: see 'envreg activate --help'".to_string()));

    // No command at all: the shape, then the list of commands.
    let out = w.run::<_, &str>([]);
    let lines = shape(&out, 2);
    assert_eq!(lines[0], "envreg: no command given");
    assert!(out.stderr.contains("Commands:"), "{out:#?}");

    // Help and version are not errors.
    let out = w.run(["--version"]).ok();
    assert_eq!(
        out.stdout.trim(),
        format!("envreg {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn workon_and_deactivate_say_they_are_shell_functions() {
    let w = World::new();
    let out = w.cmd(["workon", "proj1"]).env("SHELL", "/bin/zsh").output();
    let out = Out::from(out.unwrap());
    let lines = shape(&out, 2);
    assert_eq!(
        lines[0],
        "envreg: 'workon' is a shell function, not an envreg command"
    );
    assert_eq!(
        lines[1],
        "hint: run `workon proj1` without 'envreg' in front"
    );
    assert!(
        lines[2].contains(r#"add `eval "$(envreg init zsh)"` to ~/.zshrc"#),
        "the rc line for the user's shell: {out:#?}"
    );
    assert!(lines[2].contains("'envreg init --help'"), "{out:#?}");
    assert!(!out.stderr.contains("unrecognized"), "{out:#?}");

    // A name that needs quoting is shown quoted.
    let out = w.cmd(["workon", "a b"]).env("SHELL", "/bin/bash").output();
    let out = Out::from(out.unwrap());
    assert!(out.stderr.contains("run `workon 'a b'`"), "{out:#?}");
    assert!(out.stderr.contains("~/.bashrc"), "{out:#?}");

    let out = w.run(["deactivate"]);
    let lines = shape(&out, 2);
    assert_eq!(
        lines[0],
        "envreg: 'deactivate' is a shell function, not an envreg command"
    );
    assert!(lines[1].starts_with("hint: run `deactivate`"), "{out:#?}");
}

#[test]
fn other_tools_command_names_say_what_to_type() {
    let w = World::new();
    for (theirs, ours) in [
        ("mkvirtualenv", "mkenv"),
        ("new", "mkenv"),
        ("rmvirtualenv", "rm"),
        ("lsvirtualenv", "ls"),
        ("showvirtualenv", "show"),
    ] {
        let out = w.run([theirs, "proj1"]);
        let lines = shape(&out, 2);
        assert!(
            lines[0].starts_with(&format!("envreg: '{theirs}' is not an envreg command")),
            "{out:#?}"
        );
        assert_eq!(
            lines[1],
            format!("hint: did you mean `envreg {ours}`? (see 'envreg {ours} --help')")
        );
    }
    // Commands envreg may not have yet: the message matches this binary.
    for (theirs, ours) in [
        ("cpvirtualenv", "cp"),
        ("allvirtualenv", "all"),
        ("wipeenv", "wipe"),
    ] {
        let out = w.run([theirs]);
        let lines = shape(&out, 2);
        let has_it = w.run([ours, "--help"]).code == Some(0);
        if has_it {
            assert!(lines[1].contains(&format!("`envreg {ours}`")), "{out:#?}");
        } else {
            assert!(
                lines[0].ends_with("envreg has no equivalent yet"),
                "{out:#?}"
            );
        }
    }
}

#[test]
fn an_unknown_environment_names_it_and_hints() {
    let w = World::new();
    let out = w.run(["show", "nope"]);
    let lines = shape(&out, 1);
    assert_eq!(
        lines,
        [
            "envreg: no environment named 'nope'",
            "hint: the registry is empty; create one with 'envreg mkenv NAME'",
        ]
    );
}

#[test]
fn a_bad_name_names_the_character_and_hints_at_good_ones() {
    let w = World::new();
    let out = w.run(["mkenv", "a b"]);
    let lines = shape(&out, 1);
    assert_eq!(lines.len(), 2, "{out:#?}");
    assert_eq!(
        lines[0],
        "envreg: invalid environment name 'a b': a space (at position 2) is not allowed"
    );
    assert!(lines[1].starts_with("hint: choose a name of letters, digits"));
}

#[test]
fn no_python_found_fits_in_five_lines() {
    let w = World::new();
    let empty = w.dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    for args in [&["mkenv", "x", "-p", "3.12"][..], &["mkenv", "x"]] {
        let out = w
            .cmd(args)
            .env("PATH", &empty)
            .env("PYENV_ROOT", &empty)
            .env("UV_PYTHON_INSTALL_DIR", &empty)
            .output()
            .unwrap();
        let out = Out::from(out);
        let lines = shape(&out, 1);
        let asked = if args.len() == 4 { "3.12" } else { "python3" };
        assert_eq!(
            lines,
            [
                format!("envreg: no Python matching '{asked}' found"),
                format!(
                    "  looked in: PATH, pyenv ({}), uv ({})",
                    empty.join("versions").display(),
                    empty.display()
                ),
                "  closest: none".to_string(),
                format!(
                    "hint: install it (`uv python install {0}` or `pyenv install {0}`), \
                     or pass an interpreter's path with -p",
                    if args.len() == 4 { "3.12" } else { "3" }
                ),
            ]
        );
    }
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn no_python_found_lists_the_three_closest() {
    let w = World::new();
    if need_python("3.12").is_none() {
        return;
    }
    let empty = w.dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = w
        .cmd(["mkenv", "x", "-p", "3.12.99"])
        .env("PATH", &empty)
        .output();
    let out = Out::from(out.unwrap());
    let lines = shape(&out, 1);
    assert!(lines.len() <= 5, "{out:#?}");
    let closest = lines.iter().find(|l| l.starts_with("  closest: ")).unwrap();
    let listed = closest.matches(" (").count();
    assert!((1..=3).contains(&listed), "{out:#?}");
    assert!(closest.starts_with("  closest: 3.12."), "{out:#?}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn a_corrupt_index_says_the_way_out_and_the_way_out_works() {
    let w = World::new();
    let Some(py) = need_python("3.12") else {
        return;
    };
    w.mkenv("keep", &py, &["--no-pip", "--prompt", "kept"]);
    std::fs::write(w.index(), "(version: 1, envs: {oops").unwrap();
    let out = w.run(["ls"]);
    let lines = shape(&out, 1);
    assert_eq!(lines.len(), 2, "{out:#?}");
    assert!(
        lines[0].starts_with(&format!(
            "envreg: the index {} is corrupt; it was left untouched: line 1, column",
            w.index().display()
        )),
        "{out:#?}"
    );
    assert!(
        lines[1].starts_with(
            "hint: fix it, or move it away and run any envreg command: every environment \
             envreg built under envs/ is registered again"
        ),
        "{out:#?}"
    );
    // Follow the hint: move it away, run any command.
    std::fs::rename(w.index(), w.envreg_home().join("index.ron.bad")).unwrap();
    w.run(["show", "keep"]).ok();
    assert_eq!(w.names(), ["keep"]);
    let shown = w.run(["show", "keep", "--json"]).ok().stdout;
    assert!(shown.contains("\"prompt\": \"kept\""), "{shown}");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn rm_without_a_terminal_hints_at_yes() {
    let w = World::new();
    let Some(py) = need_python("3.12") else {
        return;
    };
    w.mkenv("a", &py, &["--no-pip"]);
    let out = w.run(["rm", "a"]);
    let lines = shape(&out, 1);
    assert_eq!(
        lines,
        [
            "envreg: not removing 'a' without confirmation: stdin is not a terminal",
            "hint: pass -y/--yes to remove without asking",
        ]
    );
    assert_eq!(w.names(), ["a"]);
}

//! `--help`: the version on top, and an example for every command.

use crate::common::World;

#[test]
fn help_shows_the_version_and_every_command_an_example() {
    let w = World::new();
    let top = w.run(["--help"]).ok().stdout;
    assert_eq!(
        top.lines().next(),
        Some(format!("envreg {}", env!("CARGO_PKG_VERSION")).as_str()),
        "{top}"
    );
    assert!(top.contains("\nExamples:\n  envreg "), "{top}");
    let commands: Vec<&str> = top
        .split("\nCommands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 7, "{commands:?}");
    for command in commands {
        for flag in ["-h", "--help"] {
            let help = w.run([command, flag]).ok().stdout;
            assert!(
                help.contains("\nExamples:\n  "),
                "envreg {command} {flag}: {help}"
            );
            // A positional argument's line is never bare: it says what it is.
            for line in help.lines().filter(|l| l.trim_start().starts_with('<')) {
                if line.starts_with("  <") && flag == "-h" {
                    let words: Vec<&str> = line.split_whitespace().collect();
                    assert!(words.len() > 1, "envreg {command} -h: {line:?} has no help");
                }
            }
        }
    }
}

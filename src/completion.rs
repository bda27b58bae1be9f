//! Completion for `envreg` itself: subcommands, options (with their
//! descriptions where the shell shows them) and environment names.
//!
//! The scripts are generated from the clap definition (`clap_complete`,
//! `clap_complete_nushell`; tcsh and xonsh by the small generators below),
//! committed under `shell/completions/` and embedded here, so `envreg init
//! SHELL` prints the hook and then the completion, and the files can be
//! sourced directly. A test fails when they drift from the definition;
//! `ENVREG_UPDATE_COMPLETIONS=1 cargo test completions` regenerates them.
//!
//! The generators only know static values, so the scripts are touched up
//! after generation: the environment-name arguments (a positional `name` or
//! `names` of any subcommand but the ones in `NEW_NAME_COMMANDS`) complete
//! from one `envreg ls --names`.

use crate::cli::Shell;

/// The completion script for `shell`, as committed under `shell/completions/`.
pub fn script(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => include_str!("../shell/completions/envreg.bash"),
        Shell::Zsh => include_str!("../shell/completions/envreg.zsh"),
        Shell::Fish => include_str!("../shell/completions/envreg.fish"),
        Shell::Tcsh => include_str!("../shell/completions/envreg.tcsh"),
        Shell::Xonsh => include_str!("../shell/completions/envreg.xonsh"),
        Shell::Nu => include_str!("../shell/completions/envreg.nu"),
        Shell::Powershell => include_str!("../shell/completions/envreg.ps1"),
    }
}

/// The file under `shell/completions/` that holds `shell`'s script.
#[cfg(test)]
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "envreg.bash",
        Shell::Zsh => "envreg.zsh",
        Shell::Fish => "envreg.fish",
        Shell::Tcsh => "envreg.tcsh",
        Shell::Xonsh => "envreg.xonsh",
        Shell::Nu => "envreg.nu",
        Shell::Powershell => "envreg.ps1",
    }
}

#[cfg(test)]
pub mod generate {
    use clap::{Arg, Command, CommandFactory};

    use crate::cli::{Cli, Shell};

    /// Subcommands whose `name` argument is a new environment's name, not
    /// an existing one: nothing to complete.
    pub const NEW_NAME_COMMANDS: &[&str] = &["mkenv", "mkproject"];

    /// What every script runs to list the environment names.
    const LIST: &str = "envreg ls --names";

    /// The command line as users see it: no hidden subcommand or option.
    pub fn visible() -> Command {
        // clap wants 'static names; this runs in tests only.
        fn leak(text: &str) -> &'static str {
            Box::leak(text.to_string().into_boxed_str())
        }
        fn strip(cmd: &Command) -> Command {
            let mut out = Command::new(leak(cmd.get_name()));
            if let Some(about) = cmd.get_about() {
                out = out.about(about.clone());
            }
            if let Some(about) = cmd.get_long_about() {
                out = out.long_about(about.clone());
            }
            out = out
                .args(cmd.get_arguments().filter(|a| !a.is_hide_set()).cloned())
                .subcommands(
                    cmd.get_subcommands()
                        .filter(|s| !s.is_hide_set())
                        .map(strip),
                );
            out
        }
        let cli = Cli::command();
        let mut out = strip(&cli);
        if let Some(version) = cli.get_version() {
            out = out.version(leak(version)).propagate_version(true);
        }
        out
    }

    /// The positional argument of `cmd` that names existing environments.
    fn env_name_arg(cmd: &Command) -> Option<&Arg> {
        if NEW_NAME_COMMANDS.contains(&cmd.get_name()) {
            return None;
        }
        cmd.get_positionals()
            .find(|a| matches!(a.get_id().as_str(), "name" | "names"))
    }

    /// The subcommands that take existing environment names, with that
    /// argument's id.
    pub fn name_commands(cli: &Command) -> Vec<(String, String)> {
        cli.get_subcommands()
            .filter_map(|s| {
                env_name_arg(s).map(|a| (s.get_name().to_string(), a.get_id().to_string()))
            })
            .collect()
    }

    fn clap_script(generator: impl clap_complete::Generator) -> String {
        let mut buf = Vec::new();
        clap_complete::generate(generator, &mut visible(), "envreg", &mut buf);
        String::from_utf8(buf).unwrap()
    }

    /// Replace the one occurrence of `old` in `text[start..end]`; panics if
    /// there is not exactly one (the generator's output has changed shape).
    fn replace_in(text: &mut String, range: std::ops::Range<usize>, old: &str, new: &str) {
        let part = &text[range.clone()];
        assert_eq!(
            part.matches(old).count(),
            1,
            "expected one {old:?} in:\n{part}"
        );
        let at = range.start + part.find(old).unwrap();
        text.replace_range(at..at + old.len(), new);
    }

    /// The byte range from the first `start` at or after `from` to the end
    /// of the next `end`.
    fn block(text: &str, from: usize, start: &str, end: &str) -> std::ops::Range<usize> {
        let begin = from
            + text[from..]
                .find(start)
                .unwrap_or_else(|| panic!("no {start:?} in the generated script"));
        let stop = begin + text[begin..].find(end).unwrap() + end.len();
        begin..stop
    }

    const HEADER: &str = "Generated from envreg's command-line definition by \
                          `ENVREG_UPDATE_COMPLETIONS=1 cargo test completions`; do not edit.";

    /// The completion script for `shell`, as it should be committed.
    pub fn script(shell: Shell) -> String {
        let names = name_commands(&visible());
        match shell {
            Shell::Bash => bash(&names),
            Shell::Zsh => zsh(&names),
            Shell::Fish => fish(&names),
            Shell::Tcsh => tcsh(&names),
            Shell::Xonsh => xonsh(&names),
            Shell::Nu => nu(&names),
            Shell::Powershell => powershell(&names),
        }
    }

    fn bash(names: &[(String, String)]) -> String {
        let mut text = clap_script(clap_complete::Shell::Bash);
        for (cmd, _) in names {
            // From the first word after the subcommand on, a word that is not
            // an option is an environment name.
            let range = block(
                &text,
                0,
                &format!("        envreg__subcmd__{cmd})\n"),
                "\n            ;;\n",
            );
            replace_in(
                &mut text,
                range.clone(),
                "if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then",
                "if [[ ${cur} == -* ]] ; then",
            );
            let range = range.start..range.end - 4;
            let last = "            COMPREPLY=( $(compgen -W \"${opts}\" -- \"${cur}\") )\n            return 0\n            ;;";
            let at = range.start + text[range.clone()].rfind("            COMPREPLY=").unwrap();
            assert!(text[at..].starts_with(last), "{}", &text[range]);
            text.replace_range(
                at..at + last.len(),
                &format!(
                    "            COMPREPLY=( $(compgen -W \"$(command {LIST} 2>/dev/null)\" -- \"${{cur}}\") )\n            return 0\n            ;;"
                ),
            );
        }
        format!(
            "# shellcheck shell=bash disable=SC2207\n# Completion for envreg in bash. {HEADER}\n\n{text}"
        )
    }

    fn zsh(names: &[(String, String)]) -> String {
        let mut text = clap_script(clap_complete::Shell::Zsh);
        // The first `(cmd)` branch is the subcommand's own (later ones are
        // under `help`).
        for (cmd, id) in names {
            let range = block(&text, 0, &format!("\n({cmd})\n"), "\n;;\n");
            let part = &text[range.clone()];
            let line = part
                .lines()
                .find(|l| {
                    l.starts_with(&format!("':{id}"))
                        || l.starts_with(&format!("'::{id}"))
                        || l.starts_with(&format!("'*::{id}"))
                })
                .unwrap_or_else(|| panic!("no {id} argument in:\n{part}"))
                .to_string();
            assert!(line.ends_with(":_default' \\"), "{line}");
            let new = line.replace(":_default' \\", ":_envreg_env_names' \\");
            replace_in(&mut text, range, &line, &new);
        }
        let tail = "if [ \"$funcstack[1]\" = \"_envreg\" ]; then";
        let at = text.find(tail).expect("zsh script has no registration");
        text.insert_str(
            at,
            &format!(
                "(( $+functions[_envreg_env_names] )) ||\n_envreg_env_names() {{\n    local -a names\n    names=(${{(f)\"$(command {LIST} 2>/dev/null)\"}})\n    compadd -a names\n}}\n\n"
            ),
        );
        // Without compinit there is no compdef: load silently.
        let all = 0..text.len();
        replace_in(
            &mut text,
            all,
            "    compdef _envreg envreg\n",
            "    (( ! $+functions[compdef] )) || compdef _envreg envreg\n",
        );
        let first = text.find('\n').unwrap();
        assert_eq!(&text[..first], "#compdef envreg");
        text.insert_str(
            first + 1,
            &format!("# Completion for envreg in zsh. {HEADER}\n"),
        );
        text
    }

    /// The subcommands with a positional argument that has possible
    /// values, and those values (the generators for fish and PowerShell
    /// leave them out).
    fn positional_values() -> Vec<(String, Vec<String>)> {
        visible()
            .get_subcommands()
            .flat_map(|sub| {
                sub.get_positionals()
                    .map(values)
                    .filter(|v| !v.is_empty())
                    .map(|v| (sub.get_name().to_string(), v))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    fn fish(names: &[(String, String)]) -> String {
        let mut text = clap_script(clap_complete::Shell::Fish);
        for (cmd, vals) in positional_values() {
            text.push_str(&format!(
                "complete -c envreg -n \"__fish_envreg_using_subcommand {cmd}\" -f -a \"{}\"\n",
                vals.join(" ")
            ));
        }
        let cmds: Vec<&str> = names.iter().map(|(c, _)| c.as_str()).collect();
        format!(
            "# Completion for envreg in fish. {HEADER}\n\n{text}\
             complete -c envreg -n \"__fish_envreg_using_subcommand {}\" -f -a \"(command {LIST} 2>/dev/null)\"\n",
            cmds.join(" ")
        )
    }

    fn nu(names: &[(String, String)]) -> String {
        let mut text = clap_script(clap_complete_nushell::Nushell);
        for (cmd, id) in names {
            let range = block(
                &text,
                0,
                &format!("export extern \"envreg {cmd}\" ["),
                "\n  ]\n",
            );
            let part = &text[range.clone()];
            let line = part
                .lines()
                .find(|l| {
                    let l = l.trim_start();
                    l.starts_with(&format!("{id}: string"))
                        || l.starts_with(&format!("{id}?: string"))
                        || l.starts_with(&format!("...{id}: string"))
                })
                .unwrap_or_else(|| panic!("no {id} argument in:\n{part}"))
                .to_string();
            let new = line.replacen(": string", ": string@\"nu-complete envreg names\"", 1);
            replace_in(&mut text, range, &line, &new);
        }
        let all = 0..text.len();
        replace_in(
            &mut text,
            all,
            "module completions {\n",
            &format!(
                "module envreg_completions {{\n\n  def \"nu-complete envreg names\" [] {{\n    ^{LIST} | lines\n  }}\n"
            ),
        );
        let all = 0..text.len();
        replace_in(
            &mut text,
            all,
            "export use completions *",
            "use envreg_completions *",
        );
        format!("# Completion for envreg in nushell. {HEADER}\n\n{text}")
    }

    fn powershell(names: &[(String, String)]) -> String {
        let text = clap_script(clap_complete::Shell::PowerShell);
        // `using namespace` must open a script: spell the types out so the
        // completer can follow the hook.
        let mut text: String = text
            .lines()
            .filter(|l| !l.starts_with("using namespace"))
            .map(|l| format!("{l}\n"))
            .collect::<String>()
            .replace(
                "[CompletionResultType]",
                "[System.Management.Automation.CompletionResultType]",
            )
            .replace(
                "[CompletionResult]",
                "[System.Management.Automation.CompletionResult]",
            )
            .replace(
                "[StringConstantExpressionAst]",
                "[System.Management.Automation.Language.StringConstantExpressionAst]",
            )
            .replace(
                "[StringConstantType]",
                "[System.Management.Automation.Language.StringConstantType]",
            );
        for (cmd, _) in names {
            let range = block(
                &text,
                0,
                &format!("        'envreg;{cmd}' {{\n"),
                "\n        }\n",
            );
            replace_in(
                &mut text,
                range,
                "            break\n",
                &format!(
                    "            & {LIST} 2>$null | ForEach-Object {{ [System.Management.Automation.CompletionResult]::new($_, $_, [System.Management.Automation.CompletionResultType]::ParameterValue, $_) }}\n            break\n"
                ),
            );
        }
        for (cmd, vals) in positional_values() {
            let range = block(
                &text,
                0,
                &format!("        'envreg;{cmd}' {{\n"),
                "\n        }\n",
            );
            let results: String = vals
                .iter()
                .map(|v| format!("            [System.Management.Automation.CompletionResult]::new('{v}', '{v}', [System.Management.Automation.CompletionResultType]::ParameterValue, '{v}')\n"))
                .collect();
            replace_in(
                &mut text,
                range,
                "            break\n",
                &format!("{results}            break\n"),
            );
        }
        format!(
            "# Completion for envreg in PowerShell. {HEADER}\n{}",
            text.trim_start()
        )
    }

    /// A subcommand's options as (spelling, description), long and short.
    fn options(cmd: &Command) -> Vec<(String, String)> {
        let mut cmd = cmd.clone();
        cmd.build();
        let mut out = Vec::new();
        for arg in cmd
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_positional())
        {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            if let Some(long) = arg.get_long() {
                out.push((format!("--{long}"), help.clone()));
            }
            if let Some(short) = arg.get_short() {
                out.push((format!("-{short}"), help.clone()));
            }
        }
        out
    }

    /// The possible values of an argument (shells, for `init` and `--shell`).
    fn values(arg: &Arg) -> Vec<String> {
        if !arg.get_action().takes_values() {
            return Vec::new();
        }
        arg.get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect()
    }

    /// tcsh has no generator in clap_complete: one `complete` line made from
    /// the same definition. Options complete after `--` (those of every
    /// subcommand: tcsh cannot tell them apart), then option and positional
    /// values, subcommands, and names.
    fn tcsh(names: &[(String, String)]) -> String {
        let mut cli = visible();
        cli.build();
        let subcommands: Vec<&str> = cli.get_subcommands().map(|s| s.get_name()).collect();
        let mut longs: Vec<String> = cli
            .get_subcommands()
            .flat_map(options)
            .filter_map(|(o, _)| o.strip_prefix("--").map(str::to_string))
            .collect();
        longs.sort();
        longs.dedup();
        let mut patterns = vec![
            format!("'c/--/({})/'", longs.join(" ")),
            format!("'p/1/({})/'", subcommands.join(" ")),
        ];
        for sub in cli.get_subcommands() {
            for arg in sub.get_arguments() {
                let vals = values(arg);
                if vals.is_empty() {
                    continue;
                }
                let word = match arg.get_long() {
                    Some(long) => format!("--{long}"),
                    None => sub.get_name().to_string(),
                };
                let pattern = format!("'n/{word}/({})/'", vals.join(" "));
                if !patterns.contains(&pattern) {
                    patterns.push(pattern);
                }
            }
        }
        let cmds: Vec<&str> = names.iter().map(|(c, _)| c.as_str()).collect();
        patterns.push(format!("'n/{{{}}}/`\\{LIST}`/'", cmds.join(",")));
        format!(
            "# Completion for envreg in tcsh. {HEADER}\ncomplete envreg {};\n",
            patterns.join(" ")
        )
    }

    /// xonsh has no generator in clap_complete: the definition as Python
    /// data, and a completer that reads it.
    fn xonsh(names: &[(String, String)]) -> String {
        let mut cli = visible();
        cli.build();
        let mut commands = serde_json::Map::new();
        let mut value_map = serde_json::Map::new();
        for sub in cli.get_subcommands() {
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            let opts: Vec<serde_json::Value> = options(sub)
                .into_iter()
                .map(|(o, h)| serde_json::json!([o, h]))
                .collect();
            commands.insert(sub.get_name().to_string(), serde_json::json!([about, opts]));
            for arg in sub.get_arguments() {
                let vals = values(arg);
                if vals.is_empty() {
                    continue;
                }
                let key = match arg.get_long() {
                    Some(long) => format!("{} --{long}", sub.get_name()),
                    None => sub.get_name().to_string(),
                };
                value_map.insert(key, serde_json::json!(vals));
            }
        }
        let top: Vec<serde_json::Value> = options(&cli)
            .into_iter()
            .map(|(o, h)| serde_json::json!([o, h]))
            .collect();
        let cmds: Vec<&str> = names.iter().map(|(c, _)| c.as_str()).collect();
        // JSON strings, lists and objects are Python literals too; one
        // entry a line.
        let data = |v: serde_json::Value| match v {
            serde_json::Value::Object(map) => {
                let mut out = String::from("{\n");
                for (key, value) in map {
                    out.push_str(&format!("        {}: {},\n", serde_json::json!(key), value));
                }
                out + "    }"
            }
            v => v.to_string(),
        };
        XONSH
            .replace("{HEADER}", HEADER)
            .replace("{COMMANDS}", &data(serde_json::Value::Object(commands)))
            .replace("{TOP}", &data(serde_json::json!(top)))
            .replace("{VALUES}", &data(serde_json::Value::Object(value_map)))
            .replace("{NAMES}", &data(serde_json::json!(cmds)))
            .replace(
                "{LIST}",
                &data(serde_json::json!(LIST.split(' ').collect::<Vec<_>>())),
            )
    }

    const XONSH: &str = r#"# Completion for envreg in xonsh. {HEADER}


def _envreg_install_completion():
    import subprocess

    try:
        from xonsh.completers.tools import RichCompletion, contextual_command_completer
    except ImportError:  # very old xonsh: no completion
        return
    # subcommand: [description, [[option, description], ...]]
    commands = {COMMANDS}
    top = {TOP}
    # "subcommand" (its positional) or "subcommand --option": possible values
    values = {VALUES}
    # subcommands whose arguments are environment names
    name_commands = {NAMES}

    def env_names():
        try:
            listed = subprocess.run(
                {LIST},
                env=__xonsh__.env.detype(),
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
        except OSError:
            return []
        return listed.stdout.split()

    @contextual_command_completer
    def complete_envreg(cmd):
        if not cmd.args or cmd.args[0].value != "envreg":
            return None
        prefix = cmd.prefix
        if cmd.arg_index == 1:
            found = [(name, about) for name, (about, _) in commands.items()] + top
        else:
            sub = cmd.args[1].value
            prev = cmd.args[cmd.arg_index - 1].value
            if f"{sub} {prev}" in values:
                found = [(v, "") for v in values[f"{sub} {prev}"]]
            elif prefix.startswith("-"):
                found = commands.get(sub, ["", []])[1]
            elif sub in name_commands:
                found = [(n, "environment") for n in env_names()]
            elif sub in values:
                found = [(v, "") for v in values[sub]]
            else:
                return None
        return {
            RichCompletion(word, description=about)
            for word, about in found
            if word.startswith(prefix)
        }

    __xonsh__.completers["envreg"] = complete_envreg
    __xonsh__.completers.move_to_end("envreg", last=False)


_envreg_install_completion()
del _envreg_install_completion
"#;
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    /// The scripts under shell/completions/ are generated from the clap
    /// definition. Regenerate them with
    /// `ENVREG_UPDATE_COMPLETIONS=1 cargo test completions`.
    #[test]
    fn completions_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("shell/completions");
        let update = std::env::var_os("ENVREG_UPDATE_COMPLETIONS").is_some();
        for shell in Shell::value_variants() {
            let fresh = generate::script(*shell);
            let file = dir.join(file_name(*shell));
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&file, &fresh).unwrap();
            }
            let committed = std::fs::read_to_string(&file).unwrap_or_default();
            assert!(
                committed == fresh,
                "shell/completions/{} is out of date; regenerate with \
                 ENVREG_UPDATE_COMPLETIONS=1 cargo test completions",
                file_name(*shell)
            );
            // What the binary embeds is what is committed (it was built from
            // the files as they were before an update above).
            if !update {
                assert_eq!(script(*shell), committed);
            }
        }
    }

    /// Every command whose NAME is an existing environment completes
    /// environment names; mkenv's name is a new one.
    #[test]
    fn name_arguments_are_found() {
        let names: Vec<String> = generate::name_commands(&generate::visible())
            .into_iter()
            .map(|(cmd, _)| cmd)
            .collect();
        assert_eq!(
            names,
            [
                "rm", "show", "path", "run", "wipe", "du", "set", "link", "doctor", "repair",
                "activate"
            ]
        );
    }

    /// Hidden subcommands and options are not offered.
    #[test]
    fn hidden_items_are_left_out() {
        for shell in Shell::value_variants() {
            let text = generate::script(*shell);
            assert!(!text.contains("fuzzy picker"), "{shell:?} offers pick");
            assert!(!text.contains("--workon"), "{shell:?} offers path --workon");
        }
    }
}

//! fish: workon, deactivate, hooks, completion, a failed switch, inherited envs.

use super::*;
use crate::hooks::HOOK_ORDER;
use crate::posix::MakeScript;

#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_workon_switch_deactivate_hooks_completion() {
    if !require("fish") {
        return;
    }
    let sb = sandbox_with_envs();
    sb.mkenvs(&["other"]);
    let log = sb.dir.path().join("hooks.log");
    let logq = log.display();
    let hooks = sb.hooks_dir();
    let fish_hook = |label: &str| {
        format!(
            "echo \"{label} \"(string replace -r '.*/' '' -- \"$VIRTUAL_ENV\")\" \"(string replace -r '.*/' '' -- \"$ENVREG_LAST_ENV\") >> '{logq}'\n"
        )
    };
    let run_hook = |label: &str| format!("#!/bin/sh\necho \"{label} $1\" >> '{logq}'\n");
    sb.write_exe(&hooks.join("preactivate"), &run_hook("global-preactivate"));
    for h in ["postactivate", "predeactivate", "postdeactivate"] {
        write(
            &hooks.join(format!("{h}.fish")),
            &fish_hook(&format!("global-{h}")),
        );
    }
    for name in ["proj1", "proj2"] {
        let bin = sb.env_dir(name).join("bin");
        sb.write_exe(&bin.join("preactivate"), &run_hook("env-preactivate"));
        write(
            &bin.join("postdeactivate.fish"),
            &fish_hook("env-postdeactivate"),
        );
        write(
            &bin.join("postactivate.fish"),
            &format!("{}set -gx FROM_HOOK 1\n", fish_hook("env-postactivate")),
        );
        write(
            &bin.join("predeactivate.fish"),
            &format!("{}set -e FROM_HOOK\n", fish_hook("env-predeactivate")),
        );
    }
    let script = r#"
function fish_prompt; echo -n '> '; end
envreg init fish | source
hash pip 2>/dev/null
set before (env | string match -v -r '^_=' | sort)
set before_fns (functions -a | sort)
workon proj1
echo "VE1=$VIRTUAL_ENV"
echo "VEP1=$VIRTUAL_ENV_PROMPT"
echo "PROMPT1="(fish_prompt)
echo "FIRST1=$PATH[1]"
echo "PY1="(command -s python)
echo "PIP1="(command -s pip)
echo "FROMHOOK="(set -q FROM_HOOK; and echo 1; or echo unset)
workon proj2
echo "PROMPT2="(fish_prompt)
set p2 $PATH
for i in (seq 100); workon proj1; workon proj2; end
test (string join : $PATH) = (string join : $p2); and echo NOGROWTH=1
workon proj3; set rc $status
echo "BADRC=$rc"
echo "VE3=$VIRTUAL_ENV"
deactivate
set after (env | string match -v -r '^_=' | sort)
set after_fns (functions -a | sort)
test "$before" = "$after"; and echo SAMEENV=1; or diff (printf '%s\n' $before | psub) (printf '%s\n' $after | psub)
test "$before_fns" = "$after_fns"; and echo SAMEFNS=1; or diff (printf '%s\n' $before_fns | psub) (printf '%s\n' $after_fns | psub)
echo "PROMPTEND="(fish_prompt)
echo "FROMHOOKEND="(set -q FROM_HOOK; and echo 1; or echo unset)
echo "LIST="(workon | string join ' ')
echo "C1="(complete -C 'workon pr' | string join ' ')
echo "C2="(complete -C 'envreg sh' | string join ' ')
echo "C3="(complete -C 'envreg rm o' | string join ' ')
echo "C4="(complete -C 'envreg init f' | string join ' ')
echo DONE=1
"#;
    let run = sb.run_script("fish", &["--no-config"], "fish", script);
    run.assert_done();
    let d1 = sb.env_dir("proj1").display().to_string();
    assert_eq!(run.get("VE1"), d1);
    assert_eq!(run.get("VEP1"), "proj1");
    assert_eq!(run.get("PROMPT1"), "(proj1) > ");
    assert_eq!(run.get("FIRST1"), format!("{d1}/bin"));
    assert_eq!(run.get("PY1"), format!("{d1}/bin/python"));
    assert_eq!(run.get("PIP1"), format!("{d1}/bin/pip"));
    assert_eq!(run.get("FROMHOOK"), "1");
    assert_eq!(run.get("PROMPT2"), "(proj2) > ");
    assert_eq!(run.get("NOGROWTH"), "1");
    assert_ne!(run.get("BADRC"), "0");
    assert!(run.stderr.contains("did you mean"), "{}", run.stderr);
    assert_eq!(run.get("VE3"), sb.env_dir("proj2").display().to_string());
    assert_eq!(
        run.vars.get("SAMEENV").map(String::as_str),
        Some("1"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.vars.get("SAMEFNS").map(String::as_str),
        Some("1"),
        "{}",
        run.stdout
    );
    assert_eq!(run.get("PROMPTEND"), "> ");
    assert_eq!(run.get("FROMHOOKEND"), "unset");
    assert_eq!(run.get("LIST"), "other proj1 proj2");
    assert_eq!(run.get("C1"), "proj1 proj2");
    // The generated completion gives each subcommand its description.
    assert_eq!(
        run.get("C2"),
        "show\tShow everything the registry knows about one environment"
    );
    assert_eq!(run.get("C3"), "other");
    assert_eq!(run.get("C4"), "fish");
    let logged = std::fs::read_to_string(&log).unwrap();
    let first_cycle: String = logged.lines().take(16).map(|l| format!("{l}\n")).collect();
    assert_eq!(first_cycle, HOOK_ORDER);
}

/// fish: a failed `workon proj2` keeps proj1 active (see check_failed_switch).
#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_failed_workon_keeps_the_active_env() {
    if !require("fish") {
        return;
    }
    let variants: [(&str, MakeScript); 3] = [
        ("return at the top", |_| "return 1\n".to_string()),
        ("syntax error", |_| {
            "if then\nset -gx REACHED 1\n".to_string()
        }),
        ("return at the end", |real| format!("{real}\nreturn 3\n")),
    ];
    for (label, make) in variants {
        let sb = sandbox_with_envs();
        let bin1 = sb.env_dir("proj1").join("bin");
        write(&bin1.join("postactivate.fish"), "set -gx FROM_HOOK 1\n");
        write(&bin1.join("predeactivate.fish"), "set -e FROM_HOOK\n");
        let activate2 = sb.env_dir("proj2").join("bin/activate.fish");
        let real = std::fs::read_to_string(&activate2).unwrap();
        write(&activate2, &make(&real));
        let script = r#"
function fish_prompt; echo -n '> '; end
envreg init fish | source
set p0 $PATH
workon proj1
set p1 $PATH
workon proj2
echo "RC=$status"
echo "VE=$VIRTUAL_ENV"
echo "VEP=$VIRTUAL_ENV_PROMPT"
echo "FIRST=$PATH[1]"
test (string join : $PATH) = (string join : $p1); and echo SAMEPATH=1
echo "PROMPT="(fish_prompt)
echo "FROMHOOK="(set -q FROM_HOOK; and echo 1; or echo unset)
echo "REACHED="(set -q REACHED; and echo 1; or echo unset)
deactivate
echo "VEEND="(set -q VIRTUAL_ENV; and echo $VIRTUAL_ENV; or echo unset)
echo "PROMPTEND="(fish_prompt)
echo "FROMHOOKEND="(set -q FROM_HOOK; and echo 1; or echo unset)
test (string join : $PATH) = (string join : $p0); and echo PATHEND=1
functions -q deactivate; and echo STILLDEACT=1
echo DONE=1
"#;
        let run = sb.run_script("fish", &["--no-config"], "fish", script);
        let what = format!("fish with {label}");
        run.assert_done();
        let d1 = sb.env_dir("proj1").display().to_string();
        assert_ne!(run.get("RC"), "0", "{what}: workon succeeded");
        assert_eq!(run.get("VE"), d1, "{what}");
        assert_eq!(run.get("VEP"), "proj1", "{what}");
        assert_eq!(run.get("FIRST"), format!("{d1}/bin"), "{what}");
        assert_eq!(
            run.vars.get("SAMEPATH").map(String::as_str),
            Some("1"),
            "{what}"
        );
        assert_eq!(run.get("PROMPT"), "(proj1) > ", "{what}");
        assert_eq!(run.get("FROMHOOK"), "1", "{what}: postactivate not re-run");
        assert_eq!(run.get("REACHED"), "unset", "{what}");
        assert_eq!(run.get("VEEND"), "unset", "{what}");
        assert_eq!(run.get("PROMPTEND"), "> ", "{what}");
        assert_eq!(run.get("FROMHOOKEND"), "unset", "{what}");
        assert_eq!(
            run.vars.get("PATHEND").map(String::as_str),
            Some("1"),
            "{what}"
        );
        assert!(!run.vars.contains_key("STILLDEACT"), "{what}");
        assert!(
            run.stderr.contains("activating 'proj2' failed") && run.stderr.contains("active again"),
            "{what}: {}",
            run.stderr
        );
    }
}

#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_started_inside_an_activated_env() {
    if !require("fish") {
        return;
    }
    let sb = sandbox_with_envs();
    let d1 = sb.env_dir("proj1").display().to_string();
    let inner = sb.dir.path().join("inner.fish");
    write(
        &inner,
        &format!(
            r#"envreg init fish | source
workon proj2
echo "VE=$VIRTUAL_ENV"
contains -- '{d1}/bin' $PATH; and echo STALE=1
deactivate
echo "VEEND="(set -q VIRTUAL_ENV; and echo $VIRTUAL_ENV; or echo unset)
echo DONE=1
"#
        ),
    );
    let run = sb.run_script(
        "fish",
        &["--no-config"],
        "fish",
        &format!(
            "envreg init fish | source\nworkon proj1\nfish --no-config '{}'\n",
            inner.display()
        ),
    );
    run.assert_done();
    assert_eq!(run.get("VE"), sb.env_dir("proj2").display().to_string());
    assert!(!run.vars.contains_key("STALE"));
    assert_eq!(run.get("VEEND"), "unset");
}

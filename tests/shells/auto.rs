//! `envreg init SHELL --auto` in bash, zsh, fish, xonsh and nushell: cd into a bound
//! directory activates its environment, deeper keeps it, out deactivates
//! it; an environment activated by hand is left alone; a `.venv` or a
//! `.python-version` that envreg did not bind runs nothing; and a prompt
//! (or cd) that does not change the project starts no program.

use std::path::{Path, PathBuf};

use super::*;

/// The sandbox: proj1 linked to work/p1 (`envreg link`), proj2 bound to
/// work/p2 (`envreg set --project`), an untrusted work/evil with a `.venv`
/// whose activate script would leave a mark and a `.python-version`
/// naming proj1, and a fake `envreg` in fake/ that logs each call.
fn auto_sandbox() -> (Sandbox, PathBuf) {
    let sb = sandbox_with_envs();
    let work = sb.home.join("work");
    for d in ["p1/sub/deeper", "p2/sub", "evil/.venv/bin"] {
        std::fs::create_dir_all(work.join(d)).unwrap();
    }
    let p1 = work.join("p1");
    let p2 = work.join("p2");
    assert!(
        sb.envreg(&["link", "proj1", p1.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        sb.envreg(&["set", "proj2", "--project", p2.to_str().unwrap()])
            .status
            .success()
    );
    let mark = sb.home.join("MARK");
    let evil = format!("echo ran > '{}'\n", mark.display());
    for script in ["activate", "activate.fish"] {
        write(&work.join("evil/.venv/bin").join(script), &evil);
    }
    write(
        &work.join("evil/.venv/pyvenv.cfg"),
        "home = /usr/bin\nversion = 3.12.1\n",
    );
    write(&work.join("evil/.python-version"), "proj1\n");
    let fake = sb.dir.path().join("fake");
    sb.write_exe(
        &fake.join("envreg"),
        &format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\nexec '{ENVREG}' \"$@\"\n",
            sb.dir.path().join("calls.log").display()
        ),
    );
    (sb, fake)
}

/// The checks on a script's output, the same in every shell.
fn check(sb: &Sandbox, run: &Run) {
    run.assert_done();
    let env = |n: &str| sb.env_dir(n).display().to_string();
    let want = [
        ("IN", env("proj1")),
        ("DEEPER", env("proj1")),
        ("OUT", String::new()),
        ("PROJECT", env("proj2")),
        // Activated without a cd to the project's root.
        ("STAYED", sb.home.join("work/p2/sub").display().to_string()),
        ("SWITCH", env("proj1")),
        ("OUT2", String::new()),
        ("EVIL", String::new()),
        ("HAND", env("proj2")),
        ("HANDOUT", env("proj2")),
        ("AGAIN", env("proj1")),
        ("HANDOFF", String::new()),
        ("HANDOFF2", String::new()),
        ("NOFORK_VE", env("proj1")),
        ("NOFORK_CALLS", "1".to_string()),
    ];
    for (k, v) in want {
        assert_eq!(
            run.get(k),
            v,
            "{k}\nstdout:\n{}\nstderr:\n{}",
            run.stdout,
            run.stderr
        );
    }
    assert!(
        !sb.home.join("MARK").exists(),
        "the untrusted .venv's activate script ran"
    );
    assert!(
        !run.stderr.contains("not found") && !run.stderr.contains("Unknown command"),
        "a program was looked up on PATH: {}",
        run.stderr
    );
}

/// The script for bash and zsh; `prompt` is what a prompt runs.
fn posix_script(sh: &Posix, prompt: &str, fake: &Path) -> String {
    let Posix { strict, init, .. } = sh;
    let fake = fake.display();
    format!(
        r#"{strict}
eval "$(envreg init {init} --auto)"
p() {{ {prompt}; }}
cd work/p1; p; echo "IN=${{VIRTUAL_ENV-}}"
cd sub/deeper; p; echo "DEEPER=${{VIRTUAL_ENV-}}"
cd ../../..; p; echo "OUT=${{VIRTUAL_ENV-}}"
cd p2/sub; p; echo "PROJECT=${{VIRTUAL_ENV-}}"; echo "STAYED=$PWD"
cd ../../p1; p; echo "SWITCH=${{VIRTUAL_ENV-}}"
cd ..; p; echo "OUT2=${{VIRTUAL_ENV-}}"
cd evil; p; echo "EVIL=${{VIRTUAL_ENV-}}"
workon proj2
cd ../p1/sub; p; echo "HAND=${{VIRTUAL_ENV-}}"
cd ../..; p; echo "HANDOUT=${{VIRTUAL_ENV-}}"
deactivate
cd p1; p; echo "AGAIN=${{VIRTUAL_ENV-}}"
deactivate
cd sub; p; echo "HANDOFF=${{VIRTUAL_ENV-}}"
cd ../..; p; echo "HANDOFF2=${{VIRTUAL_ENV-}}"
saved="$PATH"
PATH="{fake}:$PATH"
cd p1; p
PATH="{fake}"
p; p; cd sub; p; p; cd deeper; p; cd ../..; p
PATH="$saved"
echo "NOFORK_VE=${{VIRTUAL_ENV-}}"
echo "NOFORK_CALLS=$(wc -l < "$CALLS" | tr -d ' ')"
echo DONE=1
"#
    )
}

fn posix(sh: &Posix, prompt: &str) {
    if !require(sh.program) {
        return;
    }
    let (sb, fake) = auto_sandbox();
    let script = format!(
        "CALLS='{}'\n{}",
        sb.dir.path().join("calls.log").display(),
        posix_script(sh, prompt, &fake)
    );
    let run = sb.run_script(sh.program, sh.args, sh.program, &script);
    check(&sb, &run);
}

#[test]
#[cfg_attr(not(all(has_bash, has_py_3_12)), ignore = "needs bash and python 3.12")]
fn bash_auto_activates_bound_directories_only() {
    posix(&BASH, "__envreg_auto_prompt");
}

#[test]
#[cfg_attr(not(all(has_zsh, has_py_3_12)), ignore = "needs zsh and python 3.12")]
fn zsh_auto_activates_bound_directories_only() {
    // chpwd does the work; a prompt runs nothing of envreg's.
    posix(&ZSH, ":");
}

#[test]
#[cfg_attr(not(all(has_fish, has_py_3_12)), ignore = "needs fish and python 3.12")]
fn fish_auto_activates_bound_directories_only() {
    if !require("fish") {
        return;
    }
    let (sb, fake) = auto_sandbox();
    let fake = fake.display();
    let script = format!(
        r#"set CALLS '{calls}'
envreg init fish --auto | source
function ve; set -q VIRTUAL_ENV; and echo $VIRTUAL_ENV; end
cd work/p1; echo "IN=$(ve)"
cd sub/deeper; echo "DEEPER=$(ve)"
cd ../../..; echo "OUT=$(ve)"
cd p2/sub; echo "PROJECT=$(ve)"; echo "STAYED=$PWD"
cd ../../p1; echo "SWITCH=$(ve)"
cd ..; echo "OUT2=$(ve)"
cd evil; echo "EVIL=$(ve)"
workon proj2
cd ../p1/sub; echo "HAND=$(ve)"
cd ../..; echo "HANDOUT=$(ve)"
deactivate
cd p1; echo "AGAIN=$(ve)"
deactivate
cd sub; echo "HANDOFF=$(ve)"
cd ../..; echo "HANDOFF2=$(ve)"
set saved $PATH
set PATH '{fake}' $PATH
cd p1
set PATH '{fake}'
cd sub; cd deeper; cd ../..; cd .
set PATH $saved
echo "NOFORK_VE=$(ve)"
echo "NOFORK_CALLS="(wc -l < $CALLS | string trim)
echo DONE=1
"#,
        calls = sb.dir.path().join("calls.log").display()
    );
    let run = sb.run_script("fish", &["--no-config"], "fish", &script);
    check(&sb, &run);
}

#[test]
#[cfg_attr(
    not(all(has_xonsh, has_py_3_12)),
    ignore = "needs xonsh and python 3.12"
)]
fn xonsh_auto_activates_bound_directories_only() {
    if !require("xonsh") {
        return;
    }
    let (sb, fake) = auto_sandbox();
    let script = format!(
        r#"execx(__import__("subprocess").check_output(["envreg", "init", "xonsh", "--auto"], text=True))
def ve():
    return ${{...}}.get("VIRTUAL_ENV", "")
cd work/p1
print("IN=" + ve())
cd sub/deeper
print("DEEPER=" + ve())
cd ../../..
print("OUT=" + ve())
cd p2/sub
print("PROJECT=" + ve())
print("STAYED=" + $PWD)
cd ../../p1
print("SWITCH=" + ve())
cd ..
print("OUT2=" + ve())
cd evil
print("EVIL=" + ve())
workon proj2
cd ../p1/sub
print("HAND=" + ve())
cd ../..
print("HANDOUT=" + ve())
deactivate
cd p1
print("AGAIN=" + ve())
deactivate
cd sub
print("HANDOFF=" + ve())
cd ../..
print("HANDOFF2=" + ve())
saved = list($PATH)
$PATH = ['{fake}'] + saved
cd p1
$PATH = ['{fake}']
cd sub
cd deeper
cd ../..
$PATH = saved
print("NOFORK_VE=" + ve())
print("NOFORK_CALLS=" + str(len(open('{calls}').read().splitlines())))
print("DONE=1")
"#,
        fake = fake.display(),
        calls = sb.dir.path().join("calls.log").display()
    );
    let run = sb.run_script("xonsh", &["--no-rc"], "xsh", &script);
    check(&sb, &run);
}

/// The shells without an auto hook say so (status 2) and print nothing.
#[test]
fn init_auto_for_a_shell_without_it_is_refused() {
    let sb = Sandbox::new();
    for shell in ["tcsh", "powershell"] {
        let out = sb.envreg(&["init", shell, "--auto"]);
        assert_eq!(out.status.code(), Some(2), "{shell}");
        assert!(out.stdout.is_empty(), "{shell}");
        assert!(
            text(&out.stderr).contains("--auto is not available for"),
            "{shell}: {}",
            text(&out.stderr)
        );
    }
    for shell in ["bash", "zsh", "fish", "xonsh", "nu"] {
        let out = sb.envreg(&["init", shell, "--auto"]);
        assert!(out.status.success(), "{shell}");
        let plain = sb.envreg(&["init", shell]);
        assert!(
            text(&out.stdout).starts_with(&text(&plain.stdout))
                && out.stdout.len() > plain.stdout.len(),
            "{shell}: --auto should append to the plain hook"
        );
    }
}

/// In an interactive bash the hook runs from PROMPT_COMMAND by itself, and
/// keeps `$?` for a prompt that shows it.
#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12, has_tmux)),
    ignore = "needs bash, tmux and python 3.12"
)]
fn bash_prompt_command_runs_the_hook_in_an_interactive_shell() {
    if !require("tmux") {
        return;
    }
    let (sb, _) = auto_sandbox();
    write(
        &sb.home.join(".bashrc"),
        "PS1='[$?] PROMPT$ '\neval \"$(envreg init bash --auto)\"\n",
    );
    let tmux = Tmux::start(&sb, "bash --noprofile --rcfile .bashrc -i");
    tmux.wait_for(&|s| s.contains("PROMPT$"), "the first prompt");
    tmux.send(&["cd work/p1/sub; false", "Enter"]);
    tmux.wait_for(&|s| s.contains("[1] PROMPT$"), "the status of false kept");
    tmux.send(&["echo \"VE=<$VIRTUAL_ENV>\"", "Enter"]);
    let want = format!("VE=<{}>", sb.env_dir("proj1").display());
    tmux.wait_for(&|s| s.contains(&want), "proj1 active");
    tmux.send(&["cd ../../evil; echo \"OUT=<$VIRTUAL_ENV>\"", "Enter"]);
    // The echo runs before the next prompt: still active there.
    tmux.wait_for(&|s| s.contains("OUT=<"), "the echo");
    tmux.send(&["echo \"LATER=<${VIRTUAL_ENV-}>\"", "Enter"]);
    tmux.wait_for(
        &|s| s.contains("LATER=<>"),
        "proj1 deactivated at the prompt",
    );
    assert!(!sb.home.join("MARK").exists());
}

/// nushell runs `env_change` hooks only at its REPL: a real terminal.
#[test]
#[cfg_attr(
    not(all(has_nu, has_py_3_12, has_tmux)),
    ignore = "needs nu, tmux and python 3.12"
)]
fn nu_auto_activates_bound_directories_only() {
    if !require("tmux") || !require("nu") {
        return;
    }
    let (sb, _) = auto_sandbox();
    let init = sb.envreg(&["init", "nu", "--auto"]);
    assert!(init.status.success(), "{}", text(&init.stderr));
    let hook = sb.home.join("envreg-auto.nu");
    std::fs::write(&hook, &init.stdout).unwrap();
    let tmux = Tmux::start(&sb, "nu --no-config-file");
    // Keys typed while the hook runs `workon` (before the next prompt) can
    // be dropped by nushell's line editor: a line whose output does not
    // show is typed again (a bounded number of times).
    let until = |line: &str, want: &str| {
        for _ in 0..20 {
            tmux.send(&[line, "Enter"]);
            for _ in 0..20 {
                if tmux.screen().contains(want) {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        }
        panic!("never saw {want} on the terminal:\n{}", tmux.screen());
    };
    until(
        &format!("source '{}'; print HOOK-LOADED", hook.display()),
        "\nHOOK-LOADED",
    );
    let show = |tag: &str, want: String| {
        until(
            &format!("print $'{tag}=<($env.VIRTUAL_ENV? | default \"\")>'"),
            &format!("\n{tag}=<{want}>"),
        );
    };
    let env = |n: &str| sb.env_dir(n).display().to_string();
    tmux.send(&["cd work/p1", "Enter"]);
    show("IN", env("proj1"));
    tmux.send(&["cd sub/deeper", "Enter"]);
    show("DEEPER", env("proj1"));
    tmux.send(&["cd ../../../p2/sub", "Enter"]);
    show("PROJECT", env("proj2"));
    tmux.send(&["cd ../../evil", "Enter"]);
    show("EVIL", String::new());
    until("workon proj2; print WORKON-DONE", "\nWORKON-DONE");
    tmux.send(&["cd ../p1", "Enter"]);
    show("HAND", env("proj2"));
    assert!(!sb.home.join("MARK").exists());
}

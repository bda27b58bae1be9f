//! nushell: workon, deactivate, the activate overlay, a failed switch.

use super::*;

/// nushell activates environments itself too, and keeps what a failing
/// command did to $env: proj2's pyvenv.cfg is unreadable (a directory), so
/// `workon proj2` fails, with proj1 still active.
#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_failed_workon_keeps_the_active_env() {
    if !require("nu") {
        return;
    }
    let sb = sandbox_with_envs();
    let cfg = sb.env_dir("proj2").join("pyvenv.cfg");
    std::fs::remove_file(&cfg).unwrap();
    std::fs::create_dir(&cfg).unwrap();
    let hook = sb.dir.path().join("envreg-hook.nu");
    write(&hook, &text(&sb.envreg(&["init", "nu"]).stdout));
    let script = format!(
        r#"
$env.PROMPT_COMMAND = {{|| "ORIG> " }}
source r#'{hook}'#
let p0 = $env.PATH
workon proj1
let p1 = $env.PATH
let bad = (try {{ workon proj2; 'ok' }} catch {{ 'failed' }})
print $"BAD=($bad)"
print $"VE=($env.VIRTUAL_ENV? | default unset)"
print $"PROMPT=(do $env.PROMPT_COMMAND)"
print $"SAMEPATH=(if $env.PATH == $p1 {{ 1 }} else {{ 0 }})"
deactivate
print $"VEEND=($env.VIRTUAL_ENV? | default unset)"
print $"PATHEND=(if $env.PATH == $p0 {{ 1 }} else {{ 0 }})"
print "DONE=1"
"#,
        hook = hook.display()
    );
    let run = run_nu_with_pythonhome(&sb, &script);
    run.assert_done();
    assert_eq!(run.get("BAD"), "failed");
    assert_eq!(run.get("VE"), sb.env_dir("proj1").display().to_string());
    assert_eq!(run.get("PROMPT"), "(proj1) ORIG> ");
    assert_eq!(run.get("SAMEPATH"), "1");
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("PATHEND"), "1");
}

/// nushell: the saved hook gives `workon` and `deactivate`; switching does
/// not grow PATH; an unknown name changes nothing; `deactivate` restores
/// PATH, the prompt closure and PYTHONHOME.
#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_workon_switch_deactivate() {
    if !require("nu") {
        return;
    }
    let sb = sandbox_with_envs();
    let hook = sb.dir.path().join("envreg-hook.nu");
    let out = sb.envreg(&["init", "nu"]);
    assert!(out.status.success());
    write(&hook, &text(&out.stdout));
    let script = format!(
        r#"
$env.PROMPT_COMMAND = {{|| "ORIG> " }}
source r#'{hook}'#
let before = $env.PATH
workon proj1
print $"VE1=($env.VIRTUAL_ENV)"
print $"VEP1=($env.VIRTUAL_ENV_PROMPT)"
print $"FIRST1=($env.PATH | first)"
print $"PY1=(which python | get path | first)"
print $"PH1=($env.PYTHONHOME? | default unset)"
print $"PROMPT1=(do $env.PROMPT_COMMAND)"
workon proj2
let p2 = $env.PATH
for i in 1..50 {{ workon proj1; workon proj2 }}
print $"NOGROWTH=(if $env.PATH == $p2 {{ 1 }} else {{ 0 }})"
let bad = (try {{ workon proj3; 'ok' }} catch {{ 'failed' }})
print $"BAD=($bad)"
print $"VE3=($env.VIRTUAL_ENV)"
deactivate
print $"VEEND=($env.VIRTUAL_ENV? | default unset)"
print $"SAMEPATH=(if $env.PATH == $before {{ 1 }} else {{ 0 }})"
print $"PHEND=($env.PYTHONHOME? | default unset)"
print $"PROMPTEND=(do $env.PROMPT_COMMAND)"
print $"LIST=(workon | lines | str join ' ')"
print "DONE=1"
"#,
        hook = hook.display()
    );
    let run = run_nu_with_pythonhome(&sb, &script);
    run.assert_done();
    let d1 = sb.env_dir("proj1").display().to_string();
    assert_eq!(run.get("VE1"), d1);
    assert_eq!(run.get("VEP1"), "proj1");
    assert_eq!(run.get("FIRST1"), format!("{d1}/bin"));
    assert_eq!(run.get("PY1"), format!("{d1}/bin/python"));
    assert_eq!(run.get("PH1"), "unset");
    assert_eq!(run.get("PROMPT1"), "(proj1) ORIG> ");
    assert_eq!(run.get("NOGROWTH"), "1");
    assert_eq!(run.get("BAD"), "failed");
    assert!(run.stderr.contains("did you mean"), "{}", run.stderr);
    assert_eq!(run.get("VE3"), sb.env_dir("proj2").display().to_string());
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("SAMEPATH"), "1");
    assert_eq!(run.get("PHEND"), "/kept/home");
    assert_eq!(run.get("PROMPTEND"), "ORIG> ");
    assert_eq!(run.get("LIST"), "proj1 proj2");
    assert!(!run.stderr.contains("deprecated"), "{}", run.stderr);
    let json = text(&sb.envreg(&["show", "proj1", "--json"]).stdout);
    assert!(!json.contains("\"last_used\": null"), "{json}");
}

/// nushell without the hook: `overlay use ENV/bin/activate.nu`, then
/// `deactivate` (an alias for `overlay hide`) puts everything back.
#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_activate_script_overlay() {
    if !require("nu") {
        return;
    }
    let sb = sandbox_with_envs();
    let activate = sb.env_dir("proj1").join("bin/activate.nu");
    let script = format!(
        r#"
let before = $env.PATH
overlay use r#'{activate}'#
print $"VE=($env.VIRTUAL_ENV)"
print $"VEP=($env.VIRTUAL_ENV_PROMPT)"
print $"PH=($env.PYTHONHOME? | default unset)"
print $"PREFIX=(^python -c 'import sys; print(sys.prefix)')"
deactivate
print $"VEEND=($env.VIRTUAL_ENV? | default unset)"
print $"SAMEPATH=(if $env.PATH == $before {{ 1 }} else {{ 0 }})"
print $"PHEND=($env.PYTHONHOME? | default unset)"
print "DONE=1"
"#,
        activate = activate.display()
    );
    let run = run_nu_with_pythonhome(&sb, &script);
    run.assert_done();
    let d1 = sb.env_dir("proj1").display().to_string();
    assert_eq!(run.get("VE"), d1);
    assert_eq!(run.get("VEP"), "proj1");
    assert_eq!(run.get("PH"), "unset");
    assert_eq!(run.get("PREFIX"), d1);
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("SAMEPATH"), "1");
    assert_eq!(run.get("PHEND"), "/kept/home");
}

/// Run a nu script without config, with PYTHONHOME set to `/kept/home` so
/// the test can see it put aside and restored.
fn run_nu_with_pythonhome(sb: &Sandbox, script: &str) -> Run {
    let file = sb.dir.path().join("test.nu");
    write(&file, script);
    let out = sb
        .command("nu")
        .arg("--no-config-file")
        .arg(&file)
        .env("PYTHONHOME", "/kept/home")
        .output()
        .unwrap();
    Run::from(out)
}

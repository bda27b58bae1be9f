//! xonsh: workon, deactivate, hooks, a failed switch.

use super::*;

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_xonsh)),
    ignore = "needs pyenv CPython 3.12, xonsh"
)]
fn xonsh_workon_switch_deactivate_hooks() {
    if !require("xonsh") {
        return;
    }
    let sb = sandbox_with_envs();
    let log = sb.dir.path().join("hooks.log");
    write(
        &sb.hooks_dir().join("postactivate.xsh"),
        &format!(
            "echo global-postactivate >> '{}'\n$FROM_HOOK = '1'\n",
            log.display()
        ),
    );
    write(
        &sb.env_dir("proj1").join("bin/predeactivate.xsh"),
        &format!("echo env-predeactivate >> '{}'\n", log.display()),
    );
    write(
        &sb.hooks_dir().join("predeactivate.xsh"),
        &format!(
            "echo global-predeactivate >> '{}'\ndel $FROM_HOOK\n",
            log.display()
        ),
    );
    let script = r#"
import os, shutil, tempfile
execx(__import__("subprocess").check_output(["envreg", "init", "xonsh"], text=True))
# xonsh's own settings (XONSH_*) may be filled in as it runs; not ours.
mine = lambda: {k: v for k, v in ${...}.detype().items() if not k.startswith("XONSH_")}
before = mine()
workon proj1
print("VE1=" + $VIRTUAL_ENV)
print("VEP1=" + $VIRTUAL_ENV_PROMPT)
print("PROMPT1=" + $PROMPT_FIELDS["env_name"]())
print("PY1=" + shutil.which("python", path=os.pathsep.join($PATH)))
print("FROMHOOK=" + ${...}.get("FROM_HOOK", "unset"))
workon proj2
print("PROMPT2=" + $PROMPT_FIELDS["env_name"]())
p2 = list($PATH)
for i in range(100):
    workon proj1
    workon proj2
if list($PATH) == p2:
    print("NOGROWTH=1")
r = !(workon proj3)
print("BADRC=" + str(r.returncode))
print("VE3=" + $VIRTUAL_ENV)
deactivate
after = mine()
print("SAMEENV=1" if before == after else "DIFF=" + repr({k: (before.get(k), after.get(k)) for k in set(before) | set(after) if before.get(k) != after.get(k)}))
print("NODEACT=" + str("deactivate" not in aliases))
listing = os.path.join(tempfile.mkdtemp(), "names")
workon > @(listing)
print("LIST=" + " ".join(open(listing).read().split()))
from xonsh.parsers.completion_context import CompletionContextParser
ctx = CompletionContextParser().parse("workon pr", 9)
print("C1=" + " ".join(sorted(__xonsh__.completers["envreg_workon"](ctx))))
print("DONE=1")
"#;
    let run = sb.run_script("xonsh", &["--no-rc"], "xsh", script);
    run.assert_done();
    let d1 = sb.env_dir("proj1").display().to_string();
    assert_eq!(run.get("VE1"), d1);
    assert_eq!(run.get("VEP1"), "proj1");
    assert_eq!(run.get("PROMPT1"), "(proj1) ");
    assert_eq!(run.get("PY1"), format!("{d1}/bin/python"));
    assert_eq!(run.get("FROMHOOK"), "1");
    assert_eq!(run.get("PROMPT2"), "(proj2) ");
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
    assert_eq!(run.get("NODEACT"), "True");
    assert_eq!(run.get("LIST"), "proj1 proj2");
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.starts_with(
            "global-postactivate\nenv-predeactivate\nglobal-predeactivate\nglobal-postactivate\n"
        ),
        "{logged}"
    );
}

/// xonsh activates environments itself (there is no activate script for
/// it): what it reads from proj2 can be broken (a pyvenv.cfg that is not
/// UTF-8), and then `workon proj2` fails with proj1 still active.
#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_xonsh)),
    ignore = "needs pyenv CPython 3.12, xonsh"
)]
fn xonsh_failed_workon_keeps_the_active_env() {
    if !require("xonsh") {
        return;
    }
    let sb = sandbox_with_envs();
    std::fs::write(
        sb.env_dir("proj2").join("pyvenv.cfg"),
        b"home = /x\nprompt = \xff\xfe\n",
    )
    .unwrap();
    let script = r#"
execx(__import__("subprocess").check_output(["envreg", "init", "xonsh"], text=True))
p0 = list($PATH)
workon proj1
p1 = list($PATH)
r = !(workon proj2)
print("RC=" + str(r.returncode))
print("VE=" + $VIRTUAL_ENV)
print("PROMPT=" + $PROMPT_FIELDS["env_name"]())
print("SAMEPATH=" + str(list($PATH) == p1))
deactivate
print("VEEND=" + ${...}.get("VIRTUAL_ENV", "unset"))
print("PATHEND=" + str(list($PATH) == p0))
print("DONE=1")
"#;
    let run = sb.run_script("xonsh", &["--no-rc"], "xsh", script);
    run.assert_done();
    assert_ne!(run.get("RC"), "0");
    assert_eq!(run.get("VE"), sb.env_dir("proj1").display().to_string());
    assert_eq!(run.get("PROMPT"), "(proj1) ");
    assert_eq!(run.get("SAMEPATH"), "True");
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("PATHEND"), "True");
    assert!(
        run.stderr.contains("cannot activate 'proj2'"),
        "{}",
        run.stderr
    );
}

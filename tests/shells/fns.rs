//! The virtualenvwrapper helpers printed after the hook by `envreg init
//! SHELL` (shell/extras/): mktmpenv, cdvirtualenv, cdsitepackages and
//! lssitepackages, run in real shells without rc files against environments
//! made by the real `envreg mkenv`.

use crate::support::shell::*;

const NO_ENV: &str = "envreg: no environment is active; run 'workon NAME' first";

/// The Python the environments are made with, as a quoted-safe string.
fn py() -> String {
    python()
        .expect("no Python found to build test environments")
        .display()
        .to_string()
}

/// proj1 (made with --no-pip) with a package directory in site-packages
/// and one directory added with `set --add-path`.
fn sandbox_with_env() -> Sandbox {
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1"]);
    std::fs::create_dir_all(site_packages(&sb, "proj1").join("fakepkg")).unwrap();
    let extra = sb.dir.path().join("extra lib");
    std::fs::create_dir_all(&extra).unwrap();
    let out = sb
        .command(ENVREG)
        .args(["set", "proj1", "--add-path"])
        .arg(&extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    sb
}

fn site_packages(sb: &Sandbox, name: &str) -> std::path::PathBuf {
    let lib = sb.env_dir(name).join("lib");
    let mut found: Vec<_> = std::fs::read_dir(&lib)
        .unwrap()
        .map(|e| e.unwrap().path().join("site-packages"))
        .filter(|p| p.is_dir())
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found.pop().unwrap()
}

/// The temp env is neither on disk nor in the registry.
fn check_gone(run: &Run) {
    let dir = run.get("VE");
    assert!(!std::path::Path::new(dir).exists(), "{dir} still on disk");
    assert_eq!(run.get("NAMESEND"), "", "temp env still registered");
}

fn check_tmp(sb: &Sandbox, run: &Run) {
    run.assert_done();
    let dir = run.get("VE");
    let name = dir.rsplit('/').next().unwrap();
    assert!(name.starts_with("tmp-"), "{dir}");
    assert_eq!(
        std::path::Path::new(dir).parent().unwrap(),
        sb.envreg_home.join("envs")
    );
    assert_eq!(run.get("PWD1"), dir, "mktmpenv did not cd into the env");
    assert_eq!(run.get("NAMES1"), name);
    assert_eq!(run.get("TEMP1"), "1", "ls --json does not say temp");
    assert_eq!(run.get("VEEND"), "unset");
    assert_eq!(run.get("DEACTEND"), "0", "deactivate still defined");
    check_gone(run);
    assert_ne!(
        run.get("BADRC"),
        "0",
        "mktmpenv with a bad option succeeded"
    );
    assert_eq!(run.get("BADVE"), "unset");
    assert_eq!(run.get("BADNAMES"), "");
    assert_eq!(run.get("BADDEACT"), "0");
    assert_eq!(
        run.get("BADPWD"),
        run.get("PWDEND"),
        "failed mktmpenv moved"
    );
}

fn check_dirs(sb: &Sandbox, run: &Run) {
    run.assert_done();
    let env = sb.env_dir("proj1");
    let sp = site_packages(sb, "proj1");
    for k in ["CDV0", "CDS0", "LS0"] {
        assert_eq!(run.get(k), "1", "{k}");
    }
    for k in ["MCDV0", "MCDS0", "MLS0"] {
        assert_eq!(run.get(k), NO_ENV, "{k}");
    }
    assert_eq!(run.get("CDV"), env.display().to_string());
    assert_eq!(run.get("CDVB"), env.join("bin").display().to_string());
    assert_eq!(run.get("CDS"), sp.display().to_string());
    assert_eq!(run.get("CDSS"), sp.join("fakepkg").display().to_string());
    let ls = run.get("LS");
    let lines: Vec<&str> = ls.split('|').collect();
    assert!(lines.contains(&"fakepkg"), "{ls}");
    assert!(lines.contains(&"envreg.pth"), "{ls}");
    let extra = sb.dir.path().join("extra lib").display().to_string();
    assert!(lines.contains(&extra.as_str()), "pth line missing: {ls}");
    assert_eq!(
        run.get("NOPKG"),
        "1",
        "cdsitepackages into a missing dir succeeded"
    );
}

struct Posix {
    program: &'static str,
    args: &'static [&'static str],
    strict: &'static str,
}

const BASH: Posix = Posix {
    program: "bash",
    args: &["--norc", "--noprofile"],
    strict: "set -eu",
};

const ZSH: Posix = Posix {
    program: "zsh",
    args: &["-f"],
    strict: "setopt err_exit nounset",
};

fn posix_tmp_script(sh: &Posix, mkenv_opts: &str) -> String {
    format!(
        r#"{strict}
VE= rc=
eval "$(envreg init {program})"
mktmpenv {mkenv_opts}
VE="$VIRTUAL_ENV"
echo "VE=$VE"
echo "PWD1=$PWD"
echo "NAMES1=$(envreg ls --names)"
echo "TEMP1=$(envreg ls --json | grep -c '"temp": true')"
echo "LSPIP=$(lssitepackages | tr '\n' '|')"
deactivate
echo "VEEND=${{VIRTUAL_ENV-unset}}"
rc=0; type deactivate >/dev/null 2>&1 || rc=1; echo "DEACTEND=$((1 - rc))"
echo "NAMESEND=$(envreg ls --names)"
cd "$HOME"
echo "PWDEND=$PWD"
rc=0; mktmpenv --no-such-option 2>/dev/null || rc=$?
echo "BADRC=$rc"
echo "BADVE=${{VIRTUAL_ENV-unset}}"
echo "BADNAMES=$(envreg ls --names)"
rc=0; type deactivate >/dev/null 2>&1 || rc=1; echo "BADDEACT=$((1 - rc))"
echo "BADPWD=$PWD"
echo DONE=1
"#,
        strict = sh.strict,
        program = sh.program,
    )
}

fn posix_dirs_script(sh: &Posix) -> String {
    format!(
        r#"{strict}
rc=
eval "$(envreg init {program})"
rc=0; cdvirtualenv 2>err || rc=$?; echo "CDV0=$rc"; echo "MCDV0=$(cat err)"
rc=0; cdsitepackages 2>err || rc=$?; echo "CDS0=$rc"; echo "MCDS0=$(cat err)"
rc=0; lssitepackages 2>err || rc=$?; echo "LS0=$rc"; echo "MLS0=$(cat err)"
workon proj1
cdvirtualenv; echo "CDV=$PWD"
cdvirtualenv bin; echo "CDVB=$PWD"
cdsitepackages; echo "CDS=$PWD"
cdsitepackages fakepkg; echo "CDSS=$PWD"
echo "LS=$(lssitepackages | tr '\n' '|')"
rc=0; cdsitepackages no-such-pkg 2>/dev/null || rc=1; echo "NOPKG=$rc"
deactivate
echo DONE=1
"#,
        strict = sh.strict,
        program = sh.program,
    )
}

fn check_posix_tmp(sh: &Posix) {
    if !require(sh.program) {
        return;
    }
    let sb = Sandbox::new();
    let opts = format!("--no-pip -p '{}'", py());
    let run = sb.run_script(sh.program, sh.args, "sh", &posix_tmp_script(sh, &opts));
    check_tmp(&sb, &run);
    assert_eq!(run.get("BADRC"), "2", "mkenv's usage status is passed on");
}

fn check_posix_dirs(sh: &Posix) {
    if !require(sh.program) {
        return;
    }
    let sb = sandbox_with_env();
    let run = sb.run_script(sh.program, sh.args, "sh", &posix_dirs_script(sh));
    check_dirs(&sb, &run);
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_mktmpenv_activates_and_deactivate_removes() {
    check_posix_tmp(&BASH);
}

#[test]
#[cfg_attr(
    not(all(has_zsh, has_py_3_12)),
    ignore = "needs zsh, pyenv CPython 3.12"
)]
fn zsh_mktmpenv_activates_and_deactivate_removes() {
    check_posix_tmp(&ZSH);
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_cd_and_ls_site_packages() {
    check_posix_dirs(&BASH);
}

#[test]
#[cfg_attr(
    not(all(has_zsh, has_py_3_12)),
    ignore = "needs zsh, pyenv CPython 3.12"
)]
fn zsh_cd_and_ls_site_packages() {
    check_posix_dirs(&ZSH);
}

/// With pip (mkenv's default), lssitepackages in the temp env lists pip.
#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_mktmpenv_with_pip_lists_pip() {
    if !require("bash") {
        return;
    }
    let sb = Sandbox::new();
    let opts = format!("-p '{}'", py());
    let run = sb.run_script("bash", BASH.args, "sh", &posix_tmp_script(&BASH, &opts));
    check_tmp(&sb, &run);
    let ls = run.get("LSPIP");
    assert!(ls.split('|').any(|l| l == "pip"), "{ls}");
}

/// The bash extras file passes shellcheck.
#[test]
#[cfg_attr(not(has_shellcheck), ignore = "needs shellcheck")]
fn bash_extras_pass_shellcheck() {
    if !require("shellcheck") {
        return;
    }
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("shell/extras/envreg-extras.bash");
    let out = std::process::Command::new("shellcheck")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stdout));
}

fn fish_tmp_script(mkenv_opts: &str) -> String {
    format!(
        r#"envreg init fish | source
mktmpenv {mkenv_opts}
set VE $VIRTUAL_ENV
echo "VE=$VE"
echo "PWD1=$PWD"
set -l n (envreg ls --names); echo "NAMES1=$n"
set -l n (envreg ls --json | grep -c '"temp": true'); echo "TEMP1=$n"
set -l n (lssitepackages | string join '|'); echo "LSPIP=$n"
deactivate
if set -q VIRTUAL_ENV; echo "VEEND=$VIRTUAL_ENV"; else; echo VEEND=unset; end
if functions -q deactivate; echo DEACTEND=1; else; echo DEACTEND=0; end
set -l n (envreg ls --names); echo "NAMESEND=$n"
cd $HOME
echo "PWDEND=$PWD"
mktmpenv --no-such-option 2>/dev/null
echo "BADRC=$status"
if set -q VIRTUAL_ENV; echo "BADVE=$VIRTUAL_ENV"; else; echo BADVE=unset; end
set -l n (envreg ls --names); echo "BADNAMES=$n"
if functions -q deactivate; echo BADDEACT=1; else; echo BADDEACT=0; end
echo "BADPWD=$PWD"
echo DONE=1
"#
    )
}

const FISH_DIRS: &str = r#"envreg init fish | source
cdvirtualenv 2>err; echo "CDV0=$status"; set -l m (cat err); echo "MCDV0=$m"
cdsitepackages 2>err; echo "CDS0=$status"; set -l m (cat err); echo "MCDS0=$m"
lssitepackages 2>err; echo "LS0=$status"; set -l m (cat err); echo "MLS0=$m"
workon proj1
cdvirtualenv; echo "CDV=$PWD"
cdvirtualenv bin; echo "CDVB=$PWD"
cdsitepackages; echo "CDS=$PWD"
cdsitepackages fakepkg; echo "CDSS=$PWD"
set -l l (lssitepackages | string join '|'); echo "LS=$l"
cdsitepackages no-such-pkg 2>/dev/null; and echo NOPKG=0; or echo NOPKG=1
deactivate
echo DONE=1
"#;

#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_mktmpenv_activates_and_deactivate_removes() {
    if !require("fish") {
        return;
    }
    let sb = Sandbox::new();
    let opts = format!("--no-pip -p '{}'", py());
    let run = sb.run_script("fish", &["--no-config"], "fish", &fish_tmp_script(&opts));
    check_tmp(&sb, &run);
}

#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_cd_and_ls_site_packages() {
    if !require("fish") {
        return;
    }
    let sb = sandbox_with_env();
    let run = sb.run_script("fish", &["--no-config"], "fish", FISH_DIRS);
    check_dirs(&sb, &run);
}

fn tcsh_tmp_script(mkenv_opts: &str) -> String {
    format!(
        r#"eval "`envreg init tcsh`"
mktmpenv {mkenv_opts}
set VE = "$VIRTUAL_ENV"
echo "VE=$VE"
echo "PWD1=$cwd"
echo "NAMES1=`envreg ls --names`"
set t = `envreg ls --json | grep -c 'temp.: true'`
echo "TEMP1=$t"
deactivate
if ($?VIRTUAL_ENV) echo "VEEND=set"
if (! $?VIRTUAL_ENV) echo "VEEND=unset"
set n = `alias deactivate | wc -l`
echo "DEACTEND=$n"
echo "NAMESEND=`envreg ls --names`"
cd "$HOME"
echo "PWDEND=$cwd"
mktmpenv --no-such-option >& /dev/null
echo "BADRC=$status"
if ($?VIRTUAL_ENV) echo "BADVE=set"
if (! $?VIRTUAL_ENV) echo "BADVE=unset"
echo "BADNAMES=`envreg ls --names`"
set n = `alias deactivate | wc -l`
echo "BADDEACT=$n"
echo "BADPWD=$cwd"
echo DONE=1
"#
    )
}

const TCSH_DIRS: &str = r#"eval "`envreg init tcsh`"
( cdvirtualenv ) >& err
echo "CDV0=$status"
echo "MCDV0=`cat err`"
( cdsitepackages ) >& err
echo "CDS0=$status"
echo "MCDS0=`cat err`"
( lssitepackages ) >& err
echo "LS0=$status"
echo "MLS0=`cat err`"
workon proj1
cdvirtualenv
echo "CDV=$cwd"
cdvirtualenv bin
echo "CDVB=$cwd"
cdsitepackages
echo "CDS=$cwd"
cdsitepackages fakepkg
echo "CDSS=$cwd"
( lssitepackages ) > ls.out
printf 'LS='
paste -sd '|' ls.out
( cdsitepackages no-such-pkg ) >& /dev/null
echo "NOPKG=$status"
deactivate
echo DONE=1
"#;

#[test]
#[cfg_attr(
    not(all(has_tcsh, has_py_3_12)),
    ignore = "needs tcsh, pyenv CPython 3.12"
)]
fn tcsh_mktmpenv_activates_and_deactivate_removes() {
    if !require("tcsh") {
        return;
    }
    let sb = Sandbox::new();
    let opts = format!("--no-pip -p '{}'", py());
    let run = sb.run_script("tcsh", &["-f"], "tcsh", &tcsh_tmp_script(&opts));
    check_tmp(&sb, &run);
}

/// tcsh: a failing `cd` ends a script, so the missing SUBDIR is tried in a
/// subshell, and output is redirected around a subshell (redirections after
/// an alias that uses its arguments become arguments).
#[test]
#[cfg_attr(
    not(all(has_tcsh, has_py_3_12)),
    ignore = "needs tcsh, pyenv CPython 3.12"
)]
fn tcsh_cd_and_ls_site_packages() {
    if !require("tcsh") {
        return;
    }
    let sb = sandbox_with_env();
    let run = sb.run_script("tcsh", &["-f"], "tcsh", TCSH_DIRS);
    check_dirs(&sb, &run);
}

/// The hook, and `out(...)`: a program's output through `subprocess`, not
/// xonsh's `$()`, whose capture can come back empty on a loaded machine
/// (a known xonsh race; the hook's rc line avoids it the same way).
const XONSH_INIT: &str = r#"execx(__import__("subprocess").check_output(["envreg", "init", "xonsh"], text=True))
def out(*args):
    return __import__("subprocess").check_output(list(args), text=True)"#;

fn xonsh_tmp_script(mkenv_opts: &str) -> String {
    format!(
        r#"{XONSH_INIT}
import json
mktmpenv {mkenv_opts}
VE = $VIRTUAL_ENV
print("VE=" + VE)
print("PWD1=" + $PWD)
print("NAMES1=" + out("envreg", "ls", "--names").strip())
print("TEMP1=" + str(sum(1 for e in json.loads(out("envreg", "ls", "--json")) if e["temp"])))
deactivate
print("VEEND=" + ${{...}}.get("VIRTUAL_ENV", "unset"))
print("DEACTEND=" + str(int("deactivate" in aliases)))
print("NAMESEND=" + out("envreg", "ls", "--names").strip())
cd $HOME
print("PWDEND=" + $PWD)
r = !(mktmpenv --no-such-option)
print("BADRC=" + str(r.returncode))
print("BADVE=" + ${{...}}.get("VIRTUAL_ENV", "unset"))
print("BADNAMES=" + out("envreg", "ls", "--names").strip())
print("BADDEACT=" + str(int("deactivate" in aliases)))
print("BADPWD=" + $PWD)
print("DONE=1")
"#
    )
}

fn xonsh_dirs_script() -> String {
    format!(
        r#"{XONSH_INIT}
def err():
    with open("err", encoding="utf-8") as f:
        return f.read().strip()
for f, k in (("cdvirtualenv", "CDV0"), ("cdsitepackages", "CDS0"), ("lssitepackages", "LS0")):
    r = !(@(f) 2>err)
    print(f"{{k}}={{r.returncode}}")
    print(f"M{{k}}=" + err())
workon proj1
cdvirtualenv
print("CDV=" + $PWD)
cdvirtualenv bin
print("CDVB=" + $PWD)
cdsitepackages
print("CDS=" + $PWD)
cdsitepackages fakepkg
print("CDSS=" + $PWD)
lssitepackages > ls.txt
with open("ls.txt", encoding="utf-8") as f:
    print("LS=" + "|".join(f.read().splitlines()))
r = !(cdsitepackages no-such-pkg)
print("NOPKG=" + str(int(r.returncode != 0)))
deactivate
print("DONE=1")
"#
    )
}

#[test]
#[cfg_attr(
    not(all(has_xonsh, has_py_3_12)),
    ignore = "needs xonsh, pyenv CPython 3.12"
)]
fn xonsh_mktmpenv_activates_and_deactivate_removes() {
    if !require("xonsh") {
        return;
    }
    let sb = Sandbox::new();
    let opts = format!("--no-pip -p '{}'", py());
    let run = sb.run_script("xonsh", &["--no-rc"], "xsh", &xonsh_tmp_script(&opts));
    check_tmp(&sb, &run);
    assert_eq!(run.get("BADRC"), "2", "mkenv's usage status is passed on");
}

#[test]
#[cfg_attr(
    not(all(has_xonsh, has_py_3_12)),
    ignore = "needs xonsh, pyenv CPython 3.12"
)]
fn xonsh_cd_and_ls_site_packages() {
    if !require("xonsh") {
        return;
    }
    let sb = sandbox_with_env();
    let run = sb.run_script("xonsh", &["--no-rc"], "xsh", &xonsh_dirs_script());
    check_dirs(&sb, &run);
}

/// Runs `script` in nushell after `source`-ing the saved hook.
fn run_nu(sb: &Sandbox, script: &str) -> Run {
    let hook = sb.dir.path().join("envreg-hook.nu");
    write(&hook, &text(&sb.envreg(&["init", "nu"]).stdout));
    let full = format!("source r#'{}'#\n{script}", hook.display());
    sb.run_script("nu", &["--no-config-file"], "nu", &full)
}

/// nushell: mktmpenv makes, activates and enters the temp env, records it
/// in $env.__ENVREG_TMP, and the hook's `deactivate` removes it.
#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_mktmpenv_activates_and_enters() {
    if !require("nu") {
        return;
    }
    let sb = Sandbox::new();
    let script = format!(
        r#"mktmpenv --no-pip -p r#'{py}'#
print $"VE=($env.VIRTUAL_ENV)"
print $"PWD1=($env.PWD)"
print $"TMP=($env.__ENVREG_TMP)"
print $"NAMES1=(^envreg ls --names | str trim)"
print $"TEMP1=(^envreg ls --json | from json | where temp == true | length)"
deactivate
print $"AFTER=(^envreg ls --names | lines | length)"
print $"GONE=(($env.VIRTUAL_ENV? | default unset))"
cd $env.HOME
let bad = (try {{ mktmpenv --no-such-option; 'ok' }} catch {{ 'failed' }})
print $"BAD=($bad)"
print $"BADVE=($env.VIRTUAL_ENV? | default unset)"
print $"BADNAMES=(^envreg ls --names | lines | length)"
print $"BADPWD=($env.PWD)"
print "DONE=1"
"#,
        py = py()
    );
    let run = run_nu(&sb, &script);
    run.assert_done();
    let dir = run.get("VE");
    let name = dir.rsplit('/').next().unwrap();
    assert!(name.starts_with("tmp-"), "{dir}");
    assert_eq!(run.get("PWD1"), dir);
    assert_eq!(run.get("TMP"), name);
    assert_eq!(run.get("NAMES1"), name);
    assert_eq!(run.get("TEMP1"), "1");
    assert_eq!(run.get("BAD"), "failed");
    assert_eq!(run.get("BADVE"), "unset");
    assert_eq!(run.get("AFTER"), "0", "deactivate removes the temp env");
    assert_eq!(run.get("GONE"), "unset");
    assert!(
        !std::path::Path::new(dir).exists(),
        "{dir} is still on disk"
    );
    assert_eq!(
        run.get("BADNAMES"),
        "0",
        "a failed mktmpenv registered an env"
    );
    assert_eq!(run.get("BADPWD"), sb.home.display().to_string());
}

#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_cd_and_ls_site_packages() {
    if !require("nu") {
        return;
    }
    let sb = sandbox_with_env();
    let script = r#"
let m = (try { cdvirtualenv; '' } catch {|e| $e.msg })
print $"CDV0=(if $m == '' { 0 } else { 1 })"
print $"MCDV0=($m)"
let m = (try { cdsitepackages; '' } catch {|e| $e.msg })
print $"CDS0=(if $m == '' { 0 } else { 1 })"
print $"MCDS0=($m)"
let m = (try { lssitepackages | ignore; '' } catch {|e| $e.msg })
print $"LS0=(if $m == '' { 0 } else { 1 })"
print $"MLS0=($m)"
workon proj1
cdvirtualenv
print $"CDV=($env.PWD)"
cdvirtualenv bin
print $"CDVB=($env.PWD)"
cdsitepackages
print $"CDS=($env.PWD)"
cdsitepackages fakepkg
print $"CDSS=($env.PWD)"
print $"LS=(lssitepackages | lines | str join '|')"
let r = (try { cdsitepackages no-such-pkg; 0 } catch { 1 })
print $"NOPKG=($r)"
deactivate
print "DONE=1"
"#;
    let run = run_nu(&sb, script);
    check_dirs(&sb, &run);
}

/// No pwsh here: PowerShell's extras are checked as text (they follow the
/// hook in `envreg init powershell`, define the four functions, stay ASCII).
#[test]
fn powershell_extras_as_text() {
    let sb = Sandbox::new();
    let out = sb.envreg(&["init", "powershell"]);
    assert!(out.status.success());
    let ps = text(&out.stdout);
    let hook_end = ps.find("function global:workon").expect("no workon");
    for needle in [
        "function global:mktmpenv",
        "function global:cdvirtualenv([string] $SubDir)",
        "function global:cdsitepackages([string] $SubDir)",
        "function global:lssitepackages",
        "envreg mkenv --temp @args",
        "envreg rm -y --force -- $name",
        "envreg.pth",
        NO_ENV,
    ] {
        let at = ps.find(needle).unwrap_or_else(|| panic!("lacks {needle}"));
        assert!(at > hook_end, "{needle} comes before the hook's workon");
    }
    assert!(ps.is_ascii());
}

/// In bash, zsh and fish `workon` leaves the current env with `deactivate`,
/// so switching away from a temporary env removes it too.
fn check_switch_removes(program: &str, args: &[&str], ext: &str, init: &str) {
    if !require(program) {
        return;
    }
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1"]);
    let script = format!(
        "{init}\nmktmpenv --no-pip -p '{py}'\necho \"VE=$VIRTUAL_ENV\"\nworkon proj1\necho \"VE2=$VIRTUAL_ENV\"\necho \"NAMES=$(envreg ls --names)\"\ndeactivate\necho DONE=1\n",
        py = py()
    );
    let run = sb.run_script(program, args, ext, &script);
    run.assert_done();
    assert!(run.get("VE").contains("/tmp-"), "{}", run.get("VE"));
    assert!(!std::path::Path::new(run.get("VE")).exists());
    assert_eq!(run.get("VE2"), sb.env_dir("proj1").display().to_string());
    assert_eq!(run.get("NAMES"), "proj1");
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_workon_away_from_a_temp_env_removes_it() {
    check_switch_removes("bash", BASH.args, "sh", "eval \"$(envreg init bash)\"");
}

#[test]
#[cfg_attr(
    not(all(has_zsh, has_py_3_12)),
    ignore = "needs zsh, pyenv CPython 3.12"
)]
fn zsh_workon_away_from_a_temp_env_removes_it() {
    check_switch_removes("zsh", ZSH.args, "sh", "eval \"$(envreg init zsh)\"");
}

#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_workon_away_from_a_temp_env_removes_it() {
    check_switch_removes(
        "fish",
        &["--no-config"],
        "fish",
        "envreg init fish | source",
    );
}

/// tcsh, xonsh and nushell: `workon OTHER` from a temporary env removes it too (a
/// `workon` that fails keeps it active and registered), and a second
/// `mktmpenv` replaces the first one.
fn check_switch_removes_script(program: &str, args: &[&str], ext: &str, script: &str) {
    if !require(program) {
        return;
    }
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1"]);
    let run = sb.run_script(program, args, ext, script);
    check_switch_run(&sb, &run);
}

fn check_switch_run(sb: &Sandbox, run: &Run) {
    run.assert_done();
    let ve = run.get("VE");
    assert!(ve.contains("/tmp-"), "{ve}");
    let name = ve.rsplit('/').next().unwrap();
    assert_eq!(run.get("VEBAD"), ve, "a failed workon left the temp env");
    assert_eq!(run.get("NAMESBAD"), format!("proj1 {name}"));
    assert!(!std::path::Path::new(ve).exists(), "{ve} still on disk");
    assert_eq!(run.get("VE2"), sb.env_dir("proj1").display().to_string());
    assert_eq!(run.get("NAMES"), "proj1");
    let second = run.get("VE4");
    assert!(
        second.contains("/tmp-") && second != run.get("VE3"),
        "{second}"
    );
    assert!(!std::path::Path::new(run.get("VE3")).exists());
    assert_eq!(
        run.get("NAMES4"),
        format!("proj1 {}", second.rsplit('/').next().unwrap())
    );
    assert_eq!(run.get("NAMESEND"), "proj1");
}

#[test]
#[cfg_attr(
    not(all(has_tcsh, has_py_3_12)),
    ignore = "needs tcsh, pyenv CPython 3.12"
)]
fn tcsh_workon_away_from_a_temp_env_removes_it() {
    let script = format!(
        r#"eval "`envreg init tcsh`"
mktmpenv --no-pip -p '{py}'
echo "VE=$VIRTUAL_ENV"
workon no-such-env
echo "VEBAD=$VIRTUAL_ENV"
echo "NAMESBAD=`envreg ls --names`"
workon proj1
echo "VE2=$VIRTUAL_ENV"
echo "NAMES=`envreg ls --names`"
mktmpenv --no-pip -p '{py}'
echo "VE3=$VIRTUAL_ENV"
mktmpenv --no-pip -p '{py}'
echo "VE4=$VIRTUAL_ENV"
echo "NAMES4=`envreg ls --names`"
deactivate
echo "NAMESEND=`envreg ls --names`"
echo DONE=1
"#,
        py = py()
    );
    check_switch_removes_script("tcsh", &["-f"], "tcsh", &script);
}

#[test]
#[cfg_attr(
    not(all(has_xonsh, has_py_3_12)),
    ignore = "needs xonsh, pyenv CPython 3.12"
)]
fn xonsh_workon_away_from_a_temp_env_removes_it() {
    let script = format!(
        r#"{XONSH_INIT}
def names():
    return " ".join(out("envreg", "ls", "--names").split())
mktmpenv --no-pip -p '{py}'
print("VE=" + $VIRTUAL_ENV)
r = !(workon no-such-env)
print("VEBAD=" + $VIRTUAL_ENV)
print("NAMESBAD=" + names())
workon proj1
print("VE2=" + $VIRTUAL_ENV)
print("NAMES=" + names())
mktmpenv --no-pip -p '{py}'
print("VE3=" + $VIRTUAL_ENV)
mktmpenv --no-pip -p '{py}'
print("VE4=" + $VIRTUAL_ENV)
print("NAMES4=" + names())
deactivate
print("NAMESEND=" + names())
print("DONE=1")
"#,
        py = py()
    );
    check_switch_removes_script("xonsh", &["--no-rc"], "xsh", &script);
}

#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_workon_away_from_a_temp_env_removes_it() {
    if !require("nu") {
        return;
    }
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1"]);
    let script = format!(
        r#"def names [] {{ ^envreg ls --names | lines | str join ' ' }}
mktmpenv --no-pip -p r#'{py}'#
print $"VE=($env.VIRTUAL_ENV)"
try {{ workon no-such-env }}
print $"VEBAD=($env.VIRTUAL_ENV)"
print $"NAMESBAD=(names)"
workon proj1
print $"VE2=($env.VIRTUAL_ENV)"
print $"NAMES=(names)"
mktmpenv --no-pip -p r#'{py}'#
print $"VE3=($env.VIRTUAL_ENV)"
mktmpenv --no-pip -p r#'{py}'#
print $"VE4=($env.VIRTUAL_ENV)"
print $"NAMES4=(names)"
deactivate
print $"NAMESEND=(names)"
print "DONE=1"
"#,
        py = py()
    );
    let run = run_nu(&sb, &script);
    check_switch_run(&sb, &run);
}

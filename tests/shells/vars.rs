//! The variables of `envreg set --var`: `workon` exports them, `deactivate`
//! restores each exactly (unset stays unset, a value or an empty value comes
//! back), a switch restores the old env's before setting the new one's, and
//! a failed switch leaves the active env's variables as they were.

use super::*;

/// A value no shell may evaluate: spaces, both quotes, `$`, backticks,
/// globs, a backslash, a leading tilde, a trailing space.
const WEIRD: &str = r#"~ a  b "dq" 'sq' $HOME ${HOME} `echo hi` $(echo x) * \n = ; & "#;

/// proj1 and proj2 with variables, proj3 without; `breakenv` (on PATH) makes
/// proj2's activate scripts fail at their end, after they changed things.
fn sandbox() -> Sandbox {
    let sb = sandbox_with_envs();
    sb.mkenvs(&["proj3"]);
    let weird = format!("WEIRD={WEIRD}");
    for (name, args) in [
        (
            "proj1",
            vec!["--var", "A_UNSET=one", "--var", "A_SET=new1"]
                .into_iter()
                .chain(["--var", "A_EMPTY=new2", "--var", &weird])
                .collect::<Vec<_>>(),
        ),
        ("proj2", vec!["--var", "B_ONLY=two", "--var", "A_SET=fromB"]),
    ] {
        let out = sb.envreg(&[&["set", name][..], &args].concat());
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let bin2 = sb.env_dir("proj2").join("bin");
    for script in ["activate", "activate.fish", "activate.csh", "activate.nu"] {
        if let Ok(real) = std::fs::read_to_string(bin2.join(script)) {
            // An error stops a sourced file in tcsh (it has no `return`).
            let tail = if script == "activate.csh" {
                "\nset x = $nosuchvar\n"
            } else if script == "activate.nu" {
                "\nerror make {msg: broken}\n"
            } else {
                "\nreturn 3\n"
            };
            write(
                &bin2.join(format!("{script}.broken")),
                &format!("{real}{tail}"),
            );
        }
    }
    sb.write_exe(
        &sb.sysbin.join("breakenv"),
        &format!(
            "#!/bin/sh\ncd '{}' && for f in *.broken; do cp \"$f\" \"${{f%.broken}}\"; done\n",
            bin2.display()
        ),
    );
    sb
}

/// The stages every shell's script prints with its `show` (TAG_ENV: the
/// exported variables, `|`-separated; TAG_SH: A_UNSET, A_SET, A_EMPTY,
/// B_ONLY as the shell sees them, `u` for unset).
fn check(sb: &Sandbox, run: &Run) {
    run.assert_done();
    let env = |tag: &str| {
        let mut v: Vec<String> = run
            .get(&format!("{tag}_ENV"))
            .split('|')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        v.sort();
        v
    };
    let want = |items: &[&str]| {
        let mut v: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    };
    let weird = format!("WEIRD={WEIRD}");
    let before = want(&["A_SET=orig", "A_EMPTY="]);
    let in1 = want(&["A_UNSET=one", "A_SET=new1", "A_EMPTY=new2", &weird]);
    assert_eq!(env("S0"), before);
    assert_eq!(run.get("S0_SH"), "u,orig,,u");
    // An env without variables changes none.
    assert_eq!(env("N"), before);
    assert_eq!(
        run.get("NOVARS"),
        "1",
        "workon proj3 changed the environment"
    );
    assert_eq!(env("S1"), in1);
    assert_eq!(run.get("S1_SH"), "one,new1,new2,u");
    assert_eq!(env("S2"), want(&["A_SET=fromB", "A_EMPTY=", "B_ONLY=two"]));
    assert_eq!(run.get("S2_SH"), "u,fromB,,two");
    assert_eq!(env("S3"), before);
    assert_eq!(run.get("S3_SH"), "u,orig,,u");
    // The failed switch: proj1 active, its variables as the user left them.
    assert_eq!(run.get("FRC"), "1");
    assert_eq!(run.get("FVE"), sb.env_dir("proj1").display().to_string());
    assert_eq!(
        env("F"),
        want(&["A_UNSET=one", "A_SET=usermod", "A_EMPTY=new2", &weird])
    );
    assert_eq!(run.get("F_SH"), "one,usermod,new2,u");
    assert_eq!(env("G"), before);
    assert_eq!(run.get("G_SH"), "u,orig,,u");
}

fn posix_script(sh: &Posix) -> String {
    let Posix { strict, init, .. } = sh;
    format!(
        r#"{strict}
rc= e0= e1=
eval "$(envreg init {init})"
unset A_UNSET B_ONLY WEIRD
export A_SET=orig A_EMPTY=
show() {{
    printf '%s\n' "$1_ENV=$(env | grep -E '^(A_UNSET|A_SET|A_EMPTY|WEIRD|B_ONLY)=' | tr '\n' '|')"
    printf '%s\n' "$1_SH=${{A_UNSET-u}},${{A_SET-u}},${{A_EMPTY-u}},${{B_ONLY-u}}"
}}
others() {{
    env | grep -v -E '^(PATH|VIRTUAL_ENV|VIRTUAL_ENV_PROMPT|_)=' | sort
}}
show S0
e0="$(others)"
workon proj3
e1="$(others)"
show N
if [ "$e0" = "$e1" ]; then echo NOVARS=1; fi
deactivate
workon proj1
show S1
workon proj2
show S2
deactivate
show S3
workon proj1
A_SET=usermod
breakenv
rc=0
workon proj2 || rc=$?
echo "FRC=$rc"
echo "FVE=$VIRTUAL_ENV"
show F
deactivate
show G
echo DONE=1
"#
    )
}

fn check_posix(sh: &Posix) {
    if !require(sh.program) {
        return;
    }
    let sb = sandbox();
    let run = sb.run_script(sh.program, sh.args, "sh", &posix_script(sh));
    check(&sb, &run);
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_workon_exports_vars_and_deactivate_restores_them() {
    check_posix(&BASH);
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_zsh)),
    ignore = "needs pyenv CPython 3.12, zsh"
)]
fn zsh_workon_exports_vars_and_deactivate_restores_them() {
    check_posix(&ZSH);
}

const FISH_SCRIPT: &str = r#"envreg init fish | source
set -e A_UNSET B_ONLY WEIRD
set -gx A_SET orig
set -gx A_EMPTY ''
function show
    set -l e (env | string match -r '^(?:A_UNSET|A_SET|A_EMPTY|WEIRD|B_ONLY)=.*')
    printf '%s_ENV=' $argv[1]
    printf '%s|' $e
    echo
    set -l sh
    for k in A_UNSET A_SET A_EMPTY B_ONLY
        if set -q $k
            set -a sh "$$k"
        else
            set -a sh u
        end
    end
    printf '%s_SH=%s\n' $argv[1] (string join , -- $sh)
end
function others
    env | string match -rv '^(?:PATH|VIRTUAL_ENV|VIRTUAL_ENV_PROMPT|_|_OLD_[A-Z_]*)=' | sort
end
show S0
set -l e0 (others)
workon proj3
set -l e1 (others)
show N
if test "$e0" = "$e1"
    echo NOVARS=1
end
deactivate
workon proj1
show S1
workon proj2
show S2
deactivate
show S3
workon proj1
set -gx A_SET usermod
breakenv
workon proj2
echo "FRC=$status"
echo "FVE=$VIRTUAL_ENV"
show F
deactivate
show G
set -n | string match -q -r '^__envreg_(old|kold|know)_|^__envreg_var_keys$'; or echo CLEAN=1
echo DONE=1
"#;

#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn fish_workon_exports_vars_and_deactivate_restores_them() {
    if !require("fish") {
        return;
    }
    let sb = sandbox();
    let run = sb.run_script("fish", &["--no-config"], "fish", FISH_SCRIPT);
    check(&sb, &run);
    assert_eq!(run.get("CLEAN"), "1", "the hook left its state behind");
}

/// xonsh activates without the activate scripts; its switch fails on an
/// unreadable pyvenv.cfg (before it leaves the active env).
const XONSH_SCRIPT: &str = r#"
import os, subprocess
execx(subprocess.check_output(["envreg", "init", "xonsh"], text=True))
for k in ("A_UNSET", "B_ONLY", "WEIRD"):
    ${...}.pop(k, None)
$A_SET = "orig"
$A_EMPTY = ""
KEYS = ("A_UNSET", "A_SET", "A_EMPTY", "WEIRD", "B_ONLY")
def show(tag):
    seen = subprocess.run(["env"], env=${...}.detype(), stdout=subprocess.PIPE, text=True).stdout
    print(tag + "_ENV=" + "|".join(l for l in seen.splitlines() if l.split("=", 1)[0] in KEYS))
    print(tag + "_SH=" + ",".join(${...}.get(k, "u") for k in ("A_UNSET", "A_SET", "A_EMPTY", "B_ONLY")))
def others():
    return {k: v for k, v in ${...}.detype().items() if not k.startswith("XONSH_") and k not in ("PATH", "VIRTUAL_ENV", "VIRTUAL_ENV_PROMPT")}
show("S0")
e0 = others()
workon proj3
e1 = others()
show("N")
if e0 == e1:
    print("NOVARS=1")
deactivate
workon proj1
show("S1")
workon proj2
show("S2")
deactivate
show("S3")
workon proj1
$A_SET = "usermod"
with open(os.path.join(os.path.dirname($VIRTUAL_ENV), "proj2", "pyvenv.cfg"), "wb") as f:
    f.write(b"home = /x\nprompt = \xff\xfe\n")
r = !(workon proj2)
print("FRC=" + str(r.returncode))
print("FVE=" + $VIRTUAL_ENV)
show("F")
deactivate
show("G")
print("DONE=1")
"#;

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_xonsh)),
    ignore = "needs pyenv CPython 3.12, xonsh"
)]
fn xonsh_workon_exports_vars_and_deactivate_restores_them() {
    if !require("xonsh") {
        return;
    }
    let sb = sandbox();
    let run = sb.run_script("xonsh", &["--no-rc"], "xsh", XONSH_SCRIPT);
    check(&sb, &run);
}

/// nushell activates without the activate scripts; its switch fails on a
/// pyvenv.cfg it cannot read (before it leaves the active env).
const NU_SCRIPT: &str = r#"
source r#'@HOOK@'#
hide-env -i A_UNSET B_ONLY WEIRD
$env.A_SET = 'orig'
$env.A_EMPTY = ''
def show [tag: string] {
    let keys = [A_UNSET A_SET A_EMPTY WEIRD B_ONLY]
    let seen = (^env | lines | where {|l| ($l | split row --number 2 '=' | first) in $keys } | str join '|')
    print $"($tag)_ENV=($seen)"
    let sh = ([A_UNSET A_SET A_EMPTY B_ONLY] | each {|k| if $k in $env { $env | get $k } else { 'u' } } | str join ',')
    print $"($tag)_SH=($sh)"
}
def others [] {
    ^env | lines | where {|l| not ($l =~ '^(PATH|VIRTUAL_ENV|VIRTUAL_ENV_PROMPT|_)=') } | sort
}
show S0
let e0 = (others)
workon proj3
let e1 = (others)
show N
if $e0 == $e1 { print "NOVARS=1" }
deactivate
workon proj1
show S1
workon proj2
show S2
deactivate
show S3
workon proj1
$env.A_SET = 'usermod'
let cfg = ($env.VIRTUAL_ENV | path dirname | path join proj2 pyvenv.cfg)
rm $cfg
mkdir $cfg
let bad = (try { workon proj2; 'ok' } catch { 'failed' })
print $"FRC=(if $bad == 'failed' { 1 } else { 0 })"
print $"FVE=($env.VIRTUAL_ENV)"
show F
deactivate
show G
print "DONE=1"
"#;

#[test]
#[cfg_attr(not(all(has_nu, has_py_3_12)), ignore = "needs nu, pyenv CPython 3.12")]
fn nu_workon_exports_vars_and_deactivate_restores_them() {
    if !require("nu") {
        return;
    }
    let sb = sandbox();
    let hook = sb.dir.path().join("envreg-hook.nu");
    write(&hook, &text(&sb.envreg(&["init", "nu"]).stdout));
    let script = NU_SCRIPT.replace("@HOOK@", &hook.display().to_string());
    let run = sb.run_script("nu", &["--no-config-file"], "nu", &script);
    check(&sb, &run);
}

/// PowerShell cannot be installed here: its hook is checked as text. It
/// reads the variables after the four fixed lines, sets them once the activate
/// script succeeded, restores them in the non-nondestructive deactivate, and
/// puts them back after a failed switch.
#[test]
fn powershell_vars_as_text() {
    let sb = Sandbox::new();
    let ps = text(&sb.envreg(&["init", "powershell"]).stdout);
    let at = |needle: &str| {
        ps.find(needle)
            .unwrap_or_else(|| panic!("no {needle:?} in the PowerShell hook"))
    };
    assert!(at("$vars = @($out | Select-Object -Skip 4)") < at("__envreg_SetVars $vars"));
    let deactivate = at("function global:__envreg_Deactivate(");
    let restore = at("        __envreg_RestoreVars\n");
    assert!(deactivate < restore && restore < at("function global:__envreg_Activate("));
    let failed = at("if (-not (__envreg_Activate $bin))");
    let put_back = at("foreach ($now in $keepNow)");
    assert!(failed < put_back && put_back < at("__envreg_SetVars $vars"));
    assert!(at("$keepNow = @(__envreg_SnapVars") < at("        deactivate\n    } elseif"));
}

/// tcsh: `show` is a sourced file (aliases cannot loop); the value tag is in
/// $tag.
const TCSH_SHOW: &str = r#"printf '%s\n' "${tag}_ENV=`env | grep -E '^(A_UNSET|A_SET|A_EMPTY|WEIRD|B_ONLY)=' | tr '\n' '|'`"
set line = ""
set sep = ""
foreach k (A_UNSET A_SET A_EMPTY B_ONLY)
    set v = u
    printenv $k > /dev/null
    if ($status == 0) set v = "`printenv $k`"
    set line = "${line}${sep}${v}"
    set sep = ","
end
printf '%s\n' "${tag}_SH=$line"
"#;

const TCSH_SCRIPT: &str = r#"set prompt = "> "
eval "`envreg init tcsh`"
unsetenv A_UNSET
unsetenv B_ONLY
unsetenv WEIRD
setenv A_SET orig
setenv A_EMPTY ''
set tag = S0
source "$HOME/show.tcsh"
env | grep -v -E '^(PATH|VIRTUAL_ENV|VIRTUAL_ENV_PROMPT|_)=' | sort > "$HOME/e0.txt"
workon proj3
env | grep -v -E '^(PATH|VIRTUAL_ENV|VIRTUAL_ENV_PROMPT|_)=' | sort > "$HOME/e1.txt"
set tag = N
source "$HOME/show.tcsh"
cmp -s "$HOME/e0.txt" "$HOME/e1.txt" && echo NOVARS=1
deactivate
workon proj1
set tag = S1
source "$HOME/show.tcsh"
workon proj2
set tag = S2
source "$HOME/show.tcsh"
deactivate
set tag = S3
source "$HOME/show.tcsh"
workon proj1
setenv A_SET usermod
breakenv
workon proj2
echo "FRC=$status"
echo "FVE=$VIRTUAL_ENV"
set tag = F
source "$HOME/show.tcsh"
deactivate
set tag = G
source "$HOME/show.tcsh"
echo DONE=1
"#;

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_tcsh)),
    ignore = "needs pyenv CPython 3.12, tcsh"
)]
fn tcsh_workon_exports_vars_and_deactivate_restores_them() {
    if !require("tcsh") {
        return;
    }
    let sb = sandbox();
    write(&sb.home.join("show.tcsh"), TCSH_SHOW);
    let run = sb.run_script("tcsh", &["-f"], "tcsh", TCSH_SCRIPT);
    check(&sb, &run);
}

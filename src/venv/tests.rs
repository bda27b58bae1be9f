//! Real tests: environments built on pyenv's interpreters, run by their own
//! python, and activated in real shells started without rc files.

use crate::venv::testing::matrix_tests;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::testing::{pyenv_interpreter, tool};
use super::*;

/// Build into a staging dir, then rename to `root/name` as mkenv does, so any
/// path that leaked from staging into a file would break the checks.
fn build(interp: &Interpreter, root: &Path, name: &str, opts: &Options) -> PathBuf {
    let staging = root.join(format!(".tmp-{name}"));
    let final_dir = root.join(name);
    create(interp, &staging, &final_dir, opts, &root.join("cache")).unwrap();
    fs::rename(&staging, &final_dir).unwrap();
    final_dir
}

fn opts(name: &str, system_site_packages: bool) -> Options {
    Options {
        name: name.into(),
        prompt: None,
        system_site_packages,
        pip: false,
    }
}

/// Ask the env's own python where it lives.
fn inspect(python: &Path) -> serde_json::Value {
    let script = "import json, sys, sysconfig\n\
                  print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix, \
                  'executable': sys.executable, 'path': sys.path, \
                  'purelib': sysconfig.get_paths()['purelib']}))";
    let out = Command::new(python)
        .args(["-c", script])
        .env_remove("PYTHONHOME")
        .env_remove("PYTHONPATH")
        .env_remove("VIRTUAL_ENV")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    assert!(out.status.success(), "{} failed: {out:?}", python.display());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn on_path(info: &serde_json::Value, dir: &Path) -> bool {
    let dir = dir.to_str().unwrap();
    info["path"].as_array().unwrap().iter().any(|p| p == dir)
}

/// A venv on pyenv's `version` works: its python runs with sys.prefix at the
/// env, site-packages where the layout put it, and pyvenv.cfg's
/// include-system-site-packages honoured both ways.
fn real_env(version: &str) {
    let Some(interp) = pyenv_interpreter(version) else {
        return;
    };
    check_supported(&interp).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let layout = Layout::new(&interp).unwrap();
    let base_site = interp.base_prefix.join(&interp.purelib);
    assert!(base_site.is_dir(), "{} should exist", base_site.display());

    for system_site_packages in [false, true] {
        let name = format!("env-{system_site_packages}");
        let env = build(
            &interp,
            tmp.path(),
            &name,
            &opts(&name, system_site_packages),
        );
        let python = env.join("bin/python");
        let info = inspect(&python);
        assert_eq!(info["prefix"], env.to_str().unwrap(), "{version}");
        assert_eq!(info["base_prefix"], interp.base_prefix.to_str().unwrap());
        assert_eq!(info["executable"], python.to_str().unwrap());
        let site = env.join(&layout.purelib);
        assert!(site.is_dir());
        assert_eq!(info["purelib"], site.to_str().unwrap(), "{version}");
        assert!(
            on_path(&info, &site),
            "{version}: {} not on sys.path",
            site.display()
        );
        assert_eq!(
            on_path(&info, &base_site),
            system_site_packages,
            "{version}: base site-packages on sys.path must follow the flag"
        );

        // Every other name runs the same interpreter.
        for exe in &layout.executables[1..] {
            let other = inspect(&env.join("bin").join(&exe.name));
            assert_eq!(other["prefix"], env.to_str().unwrap(), "{}", exe.name);
        }
        assert_eq!(fs::read_link(env.join("lib64")).unwrap(), Path::new("lib"));
        assert_eq!(fs::read_link(&python).unwrap(), interp.executable);

        let cfg = fs::read_to_string(env.join("pyvenv.cfg")).unwrap();
        let flag = format!("include-system-site-packages = {system_site_packages}\n");
        assert!(cfg.contains(&flag), "{cfg}");
        assert!(cfg.contains(&format!("version = {}\n", interp.version_string)));

        let gitignore = fs::read_to_string(env.join(".gitignore")).unwrap();
        assert!(gitignore.lines().any(|l| l == "*"));
        // Backup tools skip a tagged directory: an env must not carry one.
        assert!(
            !env.join("CACHEDIR.TAG").exists(),
            "{version}: an env must not be tagged as a cache"
        );

        // Scripts name the final directory, never the staging one.
        for script in [
            "activate",
            "activate.fish",
            "activate.csh",
            "activate.nu",
            "Activate.ps1",
        ] {
            let text = fs::read_to_string(env.join("bin").join(script)).unwrap();
            assert!(text.contains(env.to_str().unwrap()), "{script}");
            assert!(!text.contains(".tmp-"), "{script} names the staging dir");
        }
    }
}

matrix_tests! {
    real_env:
    real_env_3_6("3.6", has_py_3_6, "needs pyenv CPython 3.6");
    real_env_3_7("3.7", has_py_3_7, "needs pyenv CPython 3.7");
    real_env_3_8("3.8", has_py_3_8, "needs pyenv CPython 3.8");
    real_env_3_9("3.9", has_py_3_9, "needs pyenv CPython 3.9");
    real_env_3_10("3.10", has_py_3_10, "needs pyenv CPython 3.10");
    real_env_3_11("3.11", has_py_3_11, "needs pyenv CPython 3.11");
    real_env_3_13("3.13", has_py_3_13, "needs pyenv CPython 3.13");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn real_env_3_12() {
    real_env("3.12");
}

/// PyPy from Debian, where installed: the pypy names run the env too.
#[test]
#[cfg_attr(not(has_pypy3), ignore = "needs pypy3")]
fn real_env_pypy() {
    let Some(pypy) = tool("pypy3") else {
        return;
    };
    let interp = testing::query(&pypy);
    let tmp = tempfile::tempdir().unwrap();
    let env = build(&interp, tmp.path(), "pp", &opts("pp", false));
    for name in ["python", "pypy3", "pypy"] {
        let info = inspect(&env.join("bin").join(name));
        assert_eq!(info["prefix"], env.to_str().unwrap(), "{name}");
        let site = env.join(&interp.purelib);
        assert!(on_path(&info, &site), "{name}: {info}");
    }
}

fn fake(version: (u32, u32, u32)) -> Interpreter {
    Interpreter {
        executable: "/opt/py/bin/python".into(),
        base_prefix: "/opt/py".into(),
        version,
        version_string: format!("{}.{}.{}", version.0, version.1, version.2),
        implementation: "CPython".into(),
        platform: Platform::Linux,
        stdlib: "/opt/py/lib/python".into(),
        wheel_pkg_dir: None,
        purelib: "lib/python/site-packages".into(),
        platlib: "lib/python/site-packages".into(),
        scripts: "bin".into(),
        gil_disabled: false,
        pointer_size: 8,
    }
}

#[test]
fn python_2_7_is_hosted_but_older_2_and_3_5_are_refused_with_reasons() {
    check_supported(&fake((2, 7, 18))).unwrap();
    let err = check_supported(&fake((2, 6, 9))).unwrap_err().to_string();
    assert!(err.contains("2.7") && err.contains("-p 3.12"), "{err}");
    let err = check_supported(&fake((3, 5, 10))).unwrap_err().to_string();
    assert!(
        err.contains("end of life") && err.contains("pyenv install"),
        "{err}"
    );
    check_supported(&fake((3, 6, 15))).unwrap();
    check_supported(&fake((3, 13, 0))).unwrap();
}

#[test]
fn a_path_list_separator_in_the_final_dir_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let staging = tmp.path().join("staging");
    let err = create(
        &fake((3, 12, 1)),
        &staging,
        &tmp.path().join("a:b"),
        &opts("x", false),
        tmp.path(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("separator of PATH") && err.contains("ENVREG_HOME"),
        "{err}"
    );
    assert!(!staging.exists(), "nothing is written before the check");
}

#[cfg(unix)]
#[test]
fn a_non_utf8_final_dir_is_refused() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
    let err = create(&fake((3, 12, 1)), &bad, &bad, &opts("x", false), tmp.path())
        .unwrap_err()
        .to_string();
    assert!(err.contains("UTF-8"), "{err}");
}

/// The Windows tree, built on this machine from a fake CPython 3.13 whose
/// launchers are small files: Scripts\, Lib\site-packages, launcher copies,
/// the cmd.exe scripts and no csh script or lib64.
#[test]
fn windows_tree_is_built_from_the_launchers() {
    let tmp = tempfile::tempdir().unwrap();
    let stdlib = tmp.path().join("Python313").join("Lib");
    let nt = stdlib.join("venv").join("scripts").join("nt");
    fs::create_dir_all(&nt).unwrap();
    fs::write(nt.join("venvlauncher.exe"), "console launcher").unwrap();
    fs::write(nt.join("venvwlauncher.exe"), "gui launcher").unwrap();
    let interp = Interpreter {
        executable: tmp.path().join("Python313").join("python.exe"),
        base_prefix: tmp.path().join("Python313"),
        version: (3, 13, 0),
        version_string: "3.13.0".into(),
        implementation: "CPython".into(),
        platform: Platform::Windows,
        stdlib,
        wheel_pkg_dir: None,
        purelib: "Lib/site-packages".into(),
        platlib: "Lib/site-packages".into(),
        scripts: "Scripts".into(),
        gil_disabled: false,
        pointer_size: 8,
    };
    let env = build(&interp, tmp.path(), "win", &opts("win", false));
    let scripts = env.join("Scripts");
    assert_eq!(
        fs::read_to_string(scripts.join("python.exe")).unwrap(),
        "console launcher"
    );
    assert_eq!(
        fs::read_to_string(scripts.join("pythonw.exe")).unwrap(),
        "gui launcher"
    );
    assert!(env.join("Lib/site-packages").is_dir());
    assert!(!env.join("lib64").exists());
    for name in [
        "activate",
        "activate.bat",
        "deactivate.bat",
        "Activate.ps1",
        "activate.nu",
    ] {
        assert!(scripts.join(name).is_file(), "{name}");
    }
    assert!(!scripts.join("activate.csh").exists());
    let cfg = fs::read_to_string(env.join("pyvenv.cfg")).unwrap();
    let home = format!("home = {}\n", tmp.path().join("Python313").display());
    assert!(cfg.contains(&home), "{cfg}");

    // A missing launcher is a clear error naming it.
    fs::remove_file(nt.join("venvwlauncher.exe")).unwrap();
    let err = create(
        &interp,
        &tmp.path().join("s2"),
        &tmp.path().join("w2"),
        &opts("w2", false),
        tmp.path(),
    )
    .unwrap_err();
    let msg = format!("{err:#}");
    assert!(
        msg.contains("venvwlauncher.exe") && msg.contains("-p"),
        "{msg}"
    );
}

// ---------------------------------------------------------------------------
// Activation in real shells.

/// A built env under a directory whose name has a space, a quote, a `$` and a
/// `!`, with the prompt "demo's env".
struct Activated {
    _tmp: tempfile::TempDir,
    env: PathBuf,
}

fn activation_env() -> Option<Activated> {
    let interp = pyenv_interpreter("3.12")?;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("my envs' $HOME !x");
    fs::create_dir(&root).unwrap();
    let mut o = opts("demo", false);
    o.prompt = Some("demo's env".into());
    let env = build(&interp, &root, "demo", &o);
    Some(Activated { _tmp: tmp, env })
}

/// A child `sh` that reports what the environment passes on to programs:
/// `sh -c "$ENVREG_PROBE" sh KEY VAR` prints `KEY=[value]` or `KEY=<unset>`.
/// Reading through a child catches a variable set but not exported (or not
/// unexported) by the script under test.
const PROBE: &str = r#"
if eval "[ -n \"\${$2+set}\" ]"; then
    eval "printf '%s=[%s]\n' \"\$1\" \"\${$2}\""
else
    printf '%s=<unset>\n' "$1"
fi
"#;

/// Run `program args... script`, with ACTIVATE naming the script to source,
/// and read back `KEY=value` lines.
fn run(program: &Path, args: &[&str], script: &str, activate: &Path) -> HashMap<String, String> {
    let out = Command::new(program)
        .args(args)
        .arg(script)
        .env("ACTIVATE", activate)
        .env("ENVREG_PROBE", PROBE)
        .env_remove("VIRTUAL_ENV")
        .env_remove("VIRTUAL_ENV_PROMPT")
        .env_remove("VIRTUAL_ENV_DISABLE_PROMPT")
        .env_remove("PYTHONHOME")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "{} failed: {}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        program.display(),
        out.status
    );
    stdout
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// What every shell must report, for one PYTHONHOME case.
fn check(shell: &str, vals: &HashMap<String, String>, env: &Path, home: Option<&str>) {
    let get = |k: &str| {
        vals.get(k)
            .unwrap_or_else(|| panic!("{shell}: no {k} in {vals:?}"))
            .as_str()
    };
    let env_s = env.to_str().unwrap();
    let bin = format!("{env_s}/bin");
    let before = get("BEFORE_PATH");
    assert_eq!(get("VIRTUAL_ENV"), format!("[{env_s}]"), "{shell}");
    assert_eq!(get("PATH"), format!("[{bin}:{}", &before[1..]), "{shell}");
    assert_eq!(get("PYTHON"), format!("{bin}/python"), "{shell}");
    assert_eq!(get("SYS_PREFIX"), env_s, "{shell}: python runs in the env");
    assert_eq!(get("VIRTUAL_ENV_PROMPT"), "[demo's env]", "{shell}");
    assert_eq!(get("PROMPT"), "(demo's env) orig> ", "{shell}");
    assert_eq!(get("PYTHONHOME"), "<unset>", "{shell}");
    assert_eq!(get("AFTER_PATH"), before, "{shell}: PATH restored");
    assert_eq!(get("AFTER_PROMPT"), "orig> ", "{shell}");
    let expected_home = home.map_or("<unset>".to_string(), |h| format!("[{h}]"));
    assert_eq!(get("AFTER_PYTHONHOME"), expected_home, "{shell}");
    assert_eq!(get("AFTER_VIRTUAL_ENV"), "<unset>", "{shell}");
    assert_eq!(get("AFTER_VIRTUAL_ENV_PROMPT"), "<unset>", "{shell}");
    assert_eq!(get("DEACTIVATE"), "gone", "{shell}");
}

/// PYTHONHOME before activation: unset, set but empty, set to a value.
const HOMES: [Option<&str>; 3] = [None, Some(""), Some("/some where")];

const POSIX_BODY: &str = r#"
PS1='orig> '
probe() { sh -c "$ENVREG_PROBE" sh "$@"; }
# The prompt as the shell draws it (PS1 may refer to VIRTUAL_ENV_PROMPT).
draw() {
    if [ -n "${BASH_VERSION-}" ]; then eval 'printf "%s" "${PS1@P}"'
    elif [ -n "${ZSH_VERSION-}" ]; then eval 'print -rnP -- "$PS1"'
    else eval "printf '%s' \"$PS1\""
    fi
}
probe BEFORE_PATH PATH
workon() { . "$ACTIVATE"; }
workon
# Activating twice must not stack.
workon
probe VIRTUAL_ENV VIRTUAL_ENV
probe PATH PATH
printf 'PYTHON=%s\n' "$(command -v python)"
printf 'SYS_PREFIX=%s\n' "$(python -c 'import sys; print(sys.prefix)')"
probe VIRTUAL_ENV_PROMPT VIRTUAL_ENV_PROMPT
printf 'PROMPT=%s\n' "$(draw)"
probe PYTHONHOME PYTHONHOME
leave() { deactivate; }
leave
probe AFTER_PATH PATH
printf 'AFTER_PROMPT=%s\n' "$(draw)"
probe AFTER_PYTHONHOME PYTHONHOME
probe AFTER_VIRTUAL_ENV VIRTUAL_ENV
probe AFTER_VIRTUAL_ENV_PROMPT VIRTUAL_ENV_PROMPT
# A function answers with its bare name (pyenv-virtualenv may put a
# `deactivate` program on PATH, which does not count).
if [ "$(command -v deactivate || true)" = deactivate ]; then
    echo DEACTIVATE=defined
else
    echo DEACTIVATE=gone
fi
"#;

fn posix_prelude(strict: &str, home: Option<&str>) -> String {
    let home = match home {
        None => "unset PYTHONHOME".to_string(),
        Some(h) => format!("PYTHONHOME={}; export PYTHONHOME", activate::posix_quote(h)),
    };
    format!("{strict}\n{home}\n{POSIX_BODY}")
}

fn posix_shell(name: &str, args: &[&str], strict: &str) {
    let Some(shell) = tool(name) else {
        return;
    };
    let Some(a) = activation_env() else {
        return;
    };
    let activate = a.env.join("bin/activate");
    for home in HOMES {
        let vals = run(&shell, args, &posix_prelude(strict, home), &activate);
        check(name, &vals, &a.env, home);
    }
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn activate_in_bash_strict_inside_a_function() {
    // `set +h` makes `hash -r` fail: the script must survive it under -e.
    posix_shell("bash", &["--norc", "--noprofile", "-c"], "set -eu\nset +h");
    posix_shell("bash", &["--norc", "--noprofile", "-c"], "set -eu");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn activate_in_zsh() {
    posix_shell("zsh", &["-f", "-c"], "set -eu");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn activate_in_dash() {
    posix_shell("dash", &["-c"], "set -eu");
}

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn disabled_prompt_is_left_alone_in_bash() {
    let Some(bash) = tool("bash") else {
        return;
    };
    let Some(a) = activation_env() else {
        return;
    };
    let script = "set -eu\nPS1='orig> '\nVIRTUAL_ENV_DISABLE_PROMPT=1\n. \"$ACTIVATE\"\n\
                  printf 'PROMPT=%s\\n' \"$PS1\"\n\
                  printf 'VIRTUAL_ENV_PROMPT=%s\\n' \"$VIRTUAL_ENV_PROMPT\"\n\
                  deactivate\nprintf 'AFTER_PROMPT=%s\\n' \"$PS1\"\n";
    let vals = run(
        &bash,
        &["--norc", "--noprofile", "-c"],
        script,
        &a.env.join("bin/activate"),
    );
    assert_eq!(vals["PROMPT"], "orig> ");
    assert_eq!(vals["VIRTUAL_ENV_PROMPT"], "demo's env");
    assert_eq!(vals["AFTER_PROMPT"], "orig> ");
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn running_instead_of_sourcing_is_reported() {
    let Some(a) = activation_env() else {
        return;
    };
    let activate = a.env.join("bin/activate");
    for (name, args) in [
        ("bash", &["--norc", "--noprofile"][..]),
        ("zsh", &["-f"][..]),
    ] {
        let Some(shell) = tool(name) else {
            continue;
        };
        let out = Command::new(&shell)
            .args(args)
            .arg(&activate)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("must be sourced"), "{name}: {err}");
    }
}

#[test]
#[cfg_attr(
    not(all(has_fish, has_py_3_12)),
    ignore = "needs fish, pyenv CPython 3.12"
)]
fn activate_in_fish() {
    let Some(fish) = tool("fish") else {
        return;
    };
    let Some(a) = activation_env() else {
        return;
    };
    let body = r#"
function fish_prompt
    printf 'orig[%s]> ' $status
end
function probe
    sh -c "$ENVREG_PROBE" sh $argv
end
probe BEFORE_PATH PATH
function workon
    source $ACTIVATE
end
workon
workon
probe VIRTUAL_ENV VIRTUAL_ENV
probe PATH PATH
printf 'PYTHON=%s\n' (command -v python)
printf 'SYS_PREFIX=%s\n' (python -c 'import sys; print(sys.prefix)')
probe VIRTUAL_ENV_PROMPT VIRTUAL_ENV_PROMPT
false
printf 'STATUS_PROMPT=%s\n' (fish_prompt)
printf 'PROMPT=%s\n' (string replace '[0]' '' (fish_prompt))
probe PYTHONHOME PYTHONHOME
deactivate
probe AFTER_PATH PATH
printf 'AFTER_PROMPT=%s\n' (string replace '[0]' '' (fish_prompt))
probe AFTER_PYTHONHOME PYTHONHOME
probe AFTER_VIRTUAL_ENV VIRTUAL_ENV
probe AFTER_VIRTUAL_ENV_PROMPT VIRTUAL_ENV_PROMPT
if functions -q deactivate; echo DEACTIVATE=defined; else; echo DEACTIVATE=gone; end
"#;
    for home in HOMES {
        let prelude = match home {
            None => "set -e PYTHONHOME".to_string(),
            Some(h) => format!("set -gx PYTHONHOME {}", activate::fish_quote(h)),
        };
        let script = format!("{prelude}\n{body}");
        let vals = run(
            &fish,
            &["--no-config", "-c"],
            &script,
            &a.env.join("bin/activate.fish"),
        );
        check("fish", &vals, &a.env, home);
        // The wrapped prompt still sees the status of the last command.
        assert_eq!(vals["STATUS_PROMPT"], "(demo's env) orig[1]> ");
    }
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_tcsh)),
    ignore = "needs pyenv CPython 3.12, tcsh"
)]
fn activate_in_tcsh() {
    let Some(tcsh) = tool("tcsh") else {
        return;
    };
    let Some(a) = activation_env() else {
        return;
    };
    let body = r#"
set prompt = 'orig> '
alias probe 'sh -c "$ENVREG_PROBE:q" sh \!:*'
probe BEFORE_PATH PATH
source "$ACTIVATE:q"
source "$ACTIVATE:q"
probe VIRTUAL_ENV VIRTUAL_ENV
probe PATH PATH
printf 'PYTHON=%s\n' "`which python`"
printf 'SYS_PREFIX=%s\n' "`python -c 'import sys; print(sys.prefix)'`"
probe VIRTUAL_ENV_PROMPT VIRTUAL_ENV_PROMPT
printf 'PROMPT=%s\n' "$prompt:q"
probe PYTHONHOME PYTHONHOME
deactivate
probe AFTER_PATH PATH
printf 'AFTER_PROMPT=%s\n' "$prompt:q"
probe AFTER_PYTHONHOME PYTHONHOME
probe AFTER_VIRTUAL_ENV VIRTUAL_ENV
probe AFTER_VIRTUAL_ENV_PROMPT VIRTUAL_ENV_PROMPT
set aliased = "`alias deactivate`"
if ("$aliased" == "") then
    echo 'DEACTIVATE=gone'
else
    echo 'DEACTIVATE=defined'
endif
"#;
    let tmp = tempfile::tempdir().unwrap();
    for home in HOMES {
        let prelude = match home {
            None => "unsetenv PYTHONHOME".to_string(),
            Some(h) => format!("setenv PYTHONHOME {}", activate::csh_quote(h)),
        };
        let file = tmp.path().join("t.csh");
        fs::write(&file, format!("{prelude}\n{body}")).unwrap();
        let vals = run(
            &tcsh,
            &["-f"],
            file.to_str().unwrap(),
            &a.env.join("bin/activate.csh"),
        );
        check("tcsh", &vals, &a.env, home);
    }
}

#[test]
#[cfg_attr(not(has_shellcheck), ignore = "needs shellcheck")]
fn shellcheck_accepts_the_sh_script() {
    let Some(shellcheck) = tool("shellcheck") else {
        return;
    };
    let vars = activate::Vars {
        venv_dir: "/home/u/envs/it's $x `y` !z",
        bin_name: "bin",
        prompt: "demo's env",
    };
    let scripts = activate::render_all(&vars, false).unwrap();
    let sh = scripts.iter().find(|s| s.file_name == "activate").unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("activate");
    fs::write(&file, &sh.contents).unwrap();
    // Also read as bash, minus the advice to use bash's `[[` (SC2292): the
    // same file must run in dash.
    for dialect in ["sh", "bash"] {
        let out = Command::new(&shellcheck)
            .args(["--shell", dialect, "--enable=all", "--exclude=SC2292"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "shellcheck --shell {dialect}:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
#[cfg_attr(not(all(has_fish, has_tcsh)), ignore = "needs fish, tcsh")]
fn fish_and_csh_read_our_quoting_back() {
    let values = ["/my env/it's $HOME `id` \"q\" !1 \\x", "a'b\\'c", ""];
    if let Some(fish) = tool("fish") {
        for v in values {
            let script = format!("printf %s {}", activate::fish_quote(v));
            let out = Command::new(&fish)
                .args(["--no-config", "-c", &script])
                .output()
                .unwrap();
            assert_eq!(String::from_utf8_lossy(&out.stdout), v, "fish");
        }
    }
    if let Some(tcsh) = tool("tcsh") {
        let tmp = tempfile::tempdir().unwrap();
        for v in values {
            let file = tmp.path().join("q.csh");
            fs::write(
                &file,
                format!("set v = {}\nprintf %s \"$v:q\"\n", activate::csh_quote(v)),
            )
            .unwrap();
            let out = Command::new(&tcsh).arg("-f").arg(&file).output().unwrap();
            assert_eq!(String::from_utf8_lossy(&out.stdout), v, "tcsh: {out:?}");
        }
    }
}

/// Every file `create` writes is created exclusively: a symlink planted in
/// the staging directory (at pyvenv.cfg, an activation script or
/// .gitignore) makes creation fail, and its target is left unchanged.
#[cfg(unix)]
#[test]
fn planted_symlinks_in_staging_are_never_written_through() {
    let tmp = tempfile::tempdir().unwrap();
    let victim = tmp.path().join("victim");
    fs::write(&victim, "precious").unwrap();
    for (i, planted) in ["pyvenv.cfg", "bin/activate", ".gitignore"]
        .into_iter()
        .enumerate()
    {
        let staging = tmp.path().join(format!(".tmp-e{i}"));
        let link = staging.join(planted);
        fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let err = create(
            &fake((3, 12, 1)),
            &staging,
            &tmp.path().join(format!("e{i}")),
            &opts("e", false),
            &tmp.path().join("cache"),
        )
        .unwrap_err();
        assert!(format!("{err:#}").contains(planted), "{err:#}");
        assert_eq!(
            fs::read_to_string(&victim).unwrap(),
            "precious",
            "{planted}"
        );
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}

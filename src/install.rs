//! Installing packages into an environment: the one place that chooses the
//! installer (pip or uv) and runs it. Every command that installs (mkenv
//! -i/-r, and any rebuild) goes through [`Installer::resolve`] before it
//! creates anything, then [`Installer::for_interpreter`] once the interpreter
//! is known, then [`Installer::install`].
//!
//! The choice: `--installer` > `ENVREG_INSTALLER` > pip. envreg has no
//! configuration file, so the environment variable is the default a user sets
//! once. pip is the default because it honours `pip.conf`, which uv ignores.
//!
//! uv is `ENVREG_UV` if set, else `uv` on `PATH`. It runs as
//! `uv pip install --python ENV/bin/python …`; the user's `PIP_INDEX_URL`,
//! `PIP_EXTRA_INDEX_URL`, `PIP_FIND_LINKS` and `PIP_NO_INDEX` are carried over
//! to uv's equivalents when those are unset, and a pip configuration file uv
//! will not read is named on stderr.

use std::ffi::{OsStr, OsString};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::cli::InstallerName;
use crate::errors::hinted;
use crate::python::Interpreter;
use crate::ui::escape_controls;

/// Where the choice of installer came from: it decides the wording of
/// messages, and whether a Python 2 environment falls back to pip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Flag,
    Env,
    Default,
}

/// The installer a command will run, resolved and (for uv) found.
#[derive(Debug, Clone)]
pub struct Installer {
    kind: Kind,
    source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Pip,
    Uv(PathBuf),
}

/// An install that takes longer than this with pip prints the uv hint.
const HINT_AFTER: Duration = Duration::from_secs(2);

/// The uv hint is printed at most once per run.
static HINTED: AtomicBool = AtomicBool::new(false);

impl Installer {
    /// The installer for this run: the flag, else `ENVREG_INSTALLER`, else
    /// pip. When it is uv, uv must be found now, so that a command can fail
    /// before it creates anything.
    pub fn resolve(flag: Option<InstallerName>) -> Result<Installer> {
        let (name, source) = match flag {
            Some(name) => (name, Source::Flag),
            None => match std::env::var_os("ENVREG_INSTALLER").filter(|v| !v.is_empty()) {
                None => (InstallerName::Pip, Source::Default),
                Some(value) => (parse_env(&value)?, Source::Env),
            },
        };
        let kind = match name {
            InstallerName::Pip => Kind::Pip,
            InstallerName::Uv => Kind::Uv(find_uv().map_err(|err| not_found(source, err))?),
        };
        Ok(Installer { kind, source })
    }

    /// True when the installer is pip (which must then be in the env).
    pub fn is_pip(&self) -> bool {
        self.kind == Kind::Pip
    }

    /// The installer for an environment on `interp`: uv does not install
    /// into Python 2, so `--installer uv` is refused there, and a default of
    /// uv from `ENVREG_INSTALLER` falls back to pip with a note.
    pub fn for_interpreter(self, interp: &Interpreter) -> Result<Installer> {
        if !matches!(self.kind, Kind::Uv(_)) || interp.version.0 >= 3 {
            return Ok(self);
        }
        if self.source == Source::Env {
            crate::say!(
                "envreg: note: uv does not install into Python {}; installing with pip \
                 (ENVREG_INSTALLER=uv is ignored for this environment)",
                interp.version_string
            );
            return Ok(Installer {
                kind: Kind::Pip,
                source: Source::Default,
            });
        }
        bail!(hinted(
            format!(
                "uv does not install into Python {} ({}), and --installer uv was given",
                interp.version_string,
                escape_controls(&interp.executable.display().to_string())
            ),
            "drop --installer uv (Python 2 environments install with their pip)"
        ))
    }

    /// Install `packages` and the requirements files into the environment
    /// at `env`, whose interpreter is `python`. The installer's output,
    /// progress included, goes to our stderr; on failure the error says which
    /// installer failed and how (its own message is above it).
    pub fn install(
        &self,
        env: &Path,
        python: &Path,
        packages: &[String],
        requirements: &[PathBuf],
    ) -> Result<()> {
        let mut cmd = match &self.kind {
            Kind::Pip => {
                let mut cmd = Command::new(python);
                cmd.args(["-m", "pip", "install"]);
                cmd
            }
            Kind::Uv(uv) => {
                let mut cmd = Command::new(uv);
                cmd.args(["pip", "install", "--python"]).arg(python);
                let carried = carry_pip_settings(&|k| std::env::var_os(k));
                for (key, value) in carried.vars {
                    cmd.env(key, value);
                }
                cmd.args(carried.args);
                if let Some(files) = ignored_pip_config(&|k| std::env::var_os(k)) {
                    crate::say!(
                        "envreg: note: uv does not read pip's configuration ({files}); give \
                         its settings to uv as UV_* variables, or use --installer pip"
                    );
                }
                cmd
            }
        };
        for r in requirements {
            cmd.arg("-r").arg(r);
        }
        cmd.args(packages);
        cmd.env_remove("PYTHONHOME")
            .env("VIRTUAL_ENV", env)
            .stdout(crate::ui::stderr_as_stdio()?);
        let program = cmd.get_program().to_owned();
        let started = Instant::now();
        let status = cmd
            .status()
            .with_context(|| format!("cannot run {}", Path::new(&program).display()))?;
        if !status.success() {
            bail!("{} install failed ({status})", self.command_name());
        }
        if self.kind == Kind::Pip && self.source == Source::Default {
            self.maybe_hint(started.elapsed());
        }
        Ok(())
    }

    fn command_name(&self) -> &'static str {
        match self.kind {
            Kind::Pip => "pip",
            Kind::Uv(_) => "uv pip",
        }
    }

    /// After a slow pip install, on a terminal, with uv at hand: say once
    /// how to switch. Not when pip was chosen explicitly.
    fn maybe_hint(&self, took: Duration) {
        if took <= hint_after() || !std::io::stderr().is_terminal() || find_uv().is_err() {
            return;
        }
        if HINTED.swap(true, Ordering::Relaxed) {
            return;
        }
        crate::say!(
            "hint: installing with pip took {:.1} s; uv (found on PATH) is faster: \
             export ENVREG_INSTALLER=uv, or pass --installer uv",
            took.as_secs_f64()
        );
    }
}

/// The hint's threshold. Debug builds (the tests) may change it with
/// `ENVREG_INSTALL_HINT_MS`; release builds ignore that variable.
fn hint_after() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("ENVREG_INSTALL_HINT_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        return Duration::from_millis(ms);
    }
    HINT_AFTER
}

fn parse_env(value: &OsStr) -> Result<InstallerName> {
    match value.to_str() {
        Some("pip") => Ok(InstallerName::Pip),
        Some("uv") => Ok(InstallerName::Uv),
        _ => bail!(hinted(
            format!(
                "ENVREG_INSTALLER={} is not an installer envreg knows",
                escape_controls(&value.to_string_lossy())
            ),
            "set it to 'pip' or 'uv', or unset it (the default is pip)"
        )),
    }
}

/// uv: `ENVREG_UV` when set (it must be a file), else `uv` on `PATH`.
fn find_uv() -> Result<PathBuf> {
    if let Some(uv) = std::env::var_os("ENVREG_UV").filter(|v| !v.is_empty()) {
        let uv = PathBuf::from(uv);
        if uv.is_file() {
            return Ok(uv);
        }
        bail!(
            "ENVREG_UV={} is not a file",
            escape_controls(&uv.display().to_string())
        );
    }
    let exe = format!("uv{}", std::env::consts::EXE_SUFFIX);
    let found = std::env::var_os("PATH")
        .and_then(|path| {
            std::env::split_paths(&path)
                .filter(|dir| dir.is_absolute())
                .map(|dir| dir.join(&exe))
                .find(|candidate| crate::python::is_executable_file(candidate))
        })
        .ok_or_else(|| anyhow::anyhow!("uv is not on PATH"))?;
    // `pip install uv` into a pyenv Python puts a shim on PATH, a bash
    // script whose `pyenv exec` costs about 200 ms per run: run the uv it
    // would run directly when that can be told without running pyenv.
    Ok(crate::python::resolve_pyenv_shim(&found).unwrap_or(found))
}

fn not_found(source: Source, err: anyhow::Error) -> anyhow::Error {
    let chosen = match source {
        Source::Flag => "--installer uv",
        _ => "ENVREG_INSTALLER=uv",
    };
    let back = match source {
        Source::Flag => "or install with pip: drop --installer uv (or pass --installer pip)",
        _ => "or install with pip: unset ENVREG_INSTALLER (or pass --installer pip)",
    };
    hinted(
        format!("{chosen} chose uv to install packages, but uv cannot be found"),
        "get uv with 'pipx install uv' or 'pip install uv' (or point ENVREG_UV at it)",
    )
    .hint(back)
    .because(err)
    .into()
}

/// What a uv run gets from the user's pip settings.
#[derive(Debug, Default, PartialEq)]
struct Carried {
    vars: Vec<(&'static str, OsString)>,
    args: Vec<&'static str>,
}

/// pip's environment settings as uv's, for those uv has not been given:
/// `PIP_INDEX_URL` → `UV_INDEX_URL`, `PIP_EXTRA_INDEX_URL` →
/// `UV_EXTRA_INDEX_URL` (both space-separated), `PIP_FIND_LINKS` (space-
/// separated) → `UV_FIND_LINKS` (comma-separated), and a true
/// `PIP_NO_INDEX` → `--no-index` (uv reads no variable for it).
fn carry_pip_settings(get: &dyn Fn(&str) -> Option<OsString>) -> Carried {
    let set = |k: &str| get(k).filter(|v| !v.is_empty());
    let mut out = Carried::default();
    if let Some(url) = set("PIP_INDEX_URL")
        && set("UV_INDEX_URL").is_none()
        && set("UV_DEFAULT_INDEX").is_none()
    {
        out.vars.push(("UV_INDEX_URL", url));
    }
    if let Some(urls) = set("PIP_EXTRA_INDEX_URL")
        && set("UV_EXTRA_INDEX_URL").is_none()
        && set("UV_INDEX").is_none()
    {
        out.vars.push(("UV_EXTRA_INDEX_URL", urls));
    }
    if let Some(links) = set("PIP_FIND_LINKS")
        && set("UV_FIND_LINKS").is_none()
    {
        let links = links.to_string_lossy().into_owned();
        let joined = links.split_whitespace().collect::<Vec<_>>().join(",");
        if !joined.is_empty() {
            out.vars.push(("UV_FIND_LINKS", joined.into()));
        }
    }
    if set("PIP_NO_INDEX").is_some_and(|v| pip_true(&v)) && set("UV_NO_INDEX").is_none() {
        out.args.push("--no-index");
    }
    out
}

/// pip's reading of a boolean variable (its strtobool): y, yes, t, true, on, 1.
fn pip_true(value: &OsStr) -> bool {
    let v = value.to_string_lossy().trim().to_ascii_lowercase();
    matches!(v.as_str(), "y" | "yes" | "t" | "true" | "on" | "1")
}

/// The pip configuration files that exist and that pip would read but uv
/// will not, joined for one line; None when there is none.
fn ignored_pip_config(get: &dyn Fn(&str) -> Option<OsString>) -> Option<String> {
    let set = |k: &str| get(k).filter(|v| !v.is_empty());
    let mut files: Vec<PathBuf> = Vec::new();
    if let Some(file) = set("PIP_CONFIG_FILE") {
        // pip reads no configuration file at all when this is os.devnull.
        if file == OsStr::new("/dev/null") || file.eq_ignore_ascii_case("nul") {
            return None;
        }
        files.push(file.into());
    }
    if cfg!(unix) {
        let xdg_dirs = set("XDG_CONFIG_DIRS").unwrap_or_else(|| "/etc/xdg".into());
        for dir in std::env::split_paths(&xdg_dirs).filter(|d| d.is_absolute()) {
            files.push(dir.join("pip/pip.conf"));
        }
        files.push("/etc/pip.conf".into());
        if let Some(home) = set("HOME").map(PathBuf::from) {
            files.push(home.join(".pip/pip.conf"));
            let config = set("XDG_CONFIG_HOME")
                .map(PathBuf::from)
                .filter(|d| d.is_absolute())
                .unwrap_or_else(|| home.join(".config"));
            files.push(config.join("pip/pip.conf"));
            if cfg!(target_os = "macos") {
                files.push(home.join("Library/Application Support/pip/pip.conf"));
            }
        }
    } else if let Some(appdata) = set("APPDATA") {
        files.push(PathBuf::from(appdata).join("pip/pip.ini"));
    }
    let mut found: Vec<String> = Vec::new();
    for file in files.iter().filter(|f| f.is_file()) {
        let shown = escape_controls(&file.display().to_string()).into_owned();
        if !found.contains(&shown) {
            found.push(shown);
        }
    }
    (!found.is_empty()).then(|| found.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let map: HashMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn pip_settings_become_uvs() {
        let got = carry_pip_settings(&env(&[
            ("PIP_INDEX_URL", "https://a/simple"),
            ("PIP_EXTRA_INDEX_URL", "https://b/simple https://c/simple"),
            ("PIP_FIND_LINKS", " /w1  /w2 "),
            ("PIP_NO_INDEX", "Yes"),
        ]));
        assert_eq!(
            got,
            Carried {
                vars: vec![
                    ("UV_INDEX_URL", "https://a/simple".into()),
                    (
                        "UV_EXTRA_INDEX_URL",
                        "https://b/simple https://c/simple".into()
                    ),
                    ("UV_FIND_LINKS", "/w1,/w2".into()),
                ],
                args: vec!["--no-index"],
            }
        );
    }

    #[test]
    fn uvs_own_settings_win() {
        let got = carry_pip_settings(&env(&[
            ("PIP_INDEX_URL", "https://a/simple"),
            ("UV_DEFAULT_INDEX", "https://u/simple"),
            ("PIP_EXTRA_INDEX_URL", "https://b/simple"),
            ("UV_INDEX", "https://v/simple"),
            ("PIP_FIND_LINKS", "/w1"),
            ("UV_FIND_LINKS", "/u1"),
            ("PIP_NO_INDEX", "1"),
            ("UV_NO_INDEX", "0"),
        ]));
        assert_eq!(got, Carried::default());
        let got = carry_pip_settings(&env(&[
            ("PIP_INDEX_URL", "https://a/simple"),
            ("UV_INDEX_URL", "https://u/simple"),
        ]));
        assert_eq!(got, Carried::default());
    }

    #[test]
    fn pip_no_index_reads_like_pip() {
        for yes in ["1", "true", "TRUE", "yes", "on", "y", "t"] {
            assert!(pip_true(OsStr::new(yes)), "{yes}");
        }
        for no in ["0", "false", "no", "off", "", "maybe"] {
            assert!(!pip_true(OsStr::new(no)), "{no}");
        }
        let got = carry_pip_settings(&env(&[("PIP_NO_INDEX", "0")]));
        assert_eq!(got, Carried::default());
    }

    #[cfg(unix)]
    #[test]
    fn pip_config_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        std::fs::create_dir_all(home.join(".config/pip")).unwrap();
        std::fs::create_dir_all(home.join(".pip")).unwrap();
        let xdg = dir.path().join("xdg");
        let home_s = home.to_str().unwrap();
        let none = dir.path().join("none");
        let none_s = none.to_str().unwrap();
        let base = [("HOME", home_s), ("XDG_CONFIG_DIRS", none_s)];
        // /etc/pip.conf is the machine's: only judge what the test made.
        let strip = |s: Option<String>| {
            s.map(|s| {
                s.split(", ")
                    .filter(|f| *f != "/etc/pip.conf")
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .filter(|s| !s.is_empty())
        };
        assert_eq!(strip(ignored_pip_config(&env(&base))), None);
        std::fs::write(home.join(".config/pip/pip.conf"), "[global]\n").unwrap();
        std::fs::write(home.join(".pip/pip.conf"), "[global]\n").unwrap();
        assert_eq!(
            strip(ignored_pip_config(&env(&base))).unwrap(),
            format!("{home_s}/.pip/pip.conf, {home_s}/.config/pip/pip.conf")
        );
        std::fs::create_dir_all(xdg.join("pip")).unwrap();
        std::fs::write(xdg.join("pip/pip.conf"), "[global]\n").unwrap();
        let xdg_s = xdg.to_str().unwrap();
        let own = dir.path().join("own.conf");
        std::fs::write(&own, "[global]\n").unwrap();
        let got = strip(ignored_pip_config(&env(&[
            ("HOME", home_s),
            ("XDG_CONFIG_DIRS", xdg_s),
            ("XDG_CONFIG_HOME", none_s),
            ("PIP_CONFIG_FILE", own.to_str().unwrap()),
        ])));
        assert_eq!(
            got.unwrap(),
            format!(
                "{}, {xdg_s}/pip/pip.conf, {home_s}/.pip/pip.conf",
                own.display()
            )
        );
        // PIP_CONFIG_FILE=/dev/null: pip reads no file, so uv misses none.
        let got = ignored_pip_config(&env(&[("HOME", home_s), ("PIP_CONFIG_FILE", "/dev/null")]));
        assert_eq!(got, None);
    }
}

//! Running the query script in an interpreter and turning its answer into an
//! [`Interpreter`].

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use anyhow::{Context, Result, anyhow, bail};
use serde::{Deserialize, Serialize};

use super::{Interpreter, display_path};

/// The script, printed by every Python from 2.7 on as one JSON line.
pub const SCRIPT: &str = include_str!("query.py");

/// The query script's answer, as printed (and as cached).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryResult {
    /// `sys.executable`: the file that really ran (a shim's target).
    pub executable: PathBuf,
    /// `sys._base_executable`, or the base found through pyvenv.cfg.
    pub base_executable: Option<PathBuf>,
    pub prefix: PathBuf,
    pub base_prefix: PathBuf,
    pub version: (u32, u32, u32),
    pub version_string: String,
    pub implementation: String,
    pub platform: String,
    pub stdlib: PathBuf,
    pub wheel_pkg_dir: Option<PathBuf>,
    pub purelib: String,
    pub platlib: String,
    pub scripts: String,
    pub gil_disabled: bool,
    pub pointer_size: u32,
}

/// Run the query script with `python`. Python 2 (and 3 before 3.4) has no
/// `-I`, so a failed isolated run is retried with `-E -s -B`.
pub fn run(python: &Path) -> Result<QueryResult> {
    let isolated = exec(python, &["-I", "-B"])?;
    let output = if isolated.status.success() {
        isolated
    } else {
        let fallback = exec(python, &["-E", "-s", "-B"])?;
        if !fallback.status.success() {
            // The isolated attempt's complaint is the relevant one for any
            // Python 3; show it unless it was the "-I" usage error itself.
            let stderr = String::from_utf8_lossy(&isolated.stderr);
            let shown = if stderr.contains("-I") {
                &fallback
            } else {
                &isolated
            };
            bail!(
                "{} failed to run the interpreter query ({}){}; check that it is a working Python",
                display_path(python),
                shown.status,
                stderr_suffix(&shown.stderr)
            );
        }
        fallback
    };
    parse_output(&output.stdout).with_context(|| {
        format!(
            "{} answered the interpreter query with something unexpected{}",
            display_path(python),
            stderr_suffix(&output.stderr)
        )
    })
}

fn exec(python: &Path, flags: &[&str]) -> Result<Output> {
    Command::new(python)
        .args(flags)
        .arg("-c")
        .arg(SCRIPT)
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("could not run {}", display_path(python)))
}

fn stderr_suffix(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let text = text.trim();
    if text.is_empty() {
        String::new()
    } else {
        format!(": {text}")
    }
}

/// The answer is the last non-empty line (a sitecustomize may print first).
fn parse_output(stdout: &[u8]) -> Result<QueryResult> {
    let text = std::str::from_utf8(stdout).context("the answer is not UTF-8")?;
    let line = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .ok_or_else(|| anyhow!("no output"))?;
    serde_json::from_str(line).with_context(|| format!("could not parse {line:?}"))
}

impl QueryResult {
    /// The interpreter a venv built on this one must link to, with the
    /// scheme paths checked to be relative.
    pub fn to_interpreter(&self) -> Result<Interpreter> {
        let base = self
            .base_executable
            .clone()
            .filter(|p| !p.as_os_str().is_empty())
            .ok_or_else(|| {
                anyhow!(
                    "{} is a virtual environment's python whose base interpreter could not be found \
                     (looked next to pyvenv.cfg's home and in {}); pass the base interpreter with -p",
                    display_path(&self.executable),
                    display_path(&self.base_prefix)
                )
            })?;
        if !base.is_absolute() {
            bail!(
                "{} reported a relative base executable {}; pass an absolute path with -p",
                display_path(&self.executable),
                base.display()
            );
        }
        for (key, value) in [
            ("purelib", &self.purelib),
            ("platlib", &self.platlib),
            ("scripts", &self.scripts),
        ] {
            if value.is_empty() || value.starts_with('/') || value.split('/').any(|c| c == "..") {
                bail!(
                    "{} reports a venv {key} path {value:?} outside the environment; this interpreter's \
                     sysconfig is not supported",
                    display_path(&self.executable)
                );
            }
        }
        Ok(Interpreter {
            executable: follow_sibling_aliases(&base),
            base_prefix: self.base_prefix.clone(),
            version: self.version,
            version_string: self.version_string.clone(),
            implementation: self.implementation.clone(),
            platform: self.platform.clone(),
            stdlib: self.stdlib.clone(),
            wheel_pkg_dir: self.wheel_pkg_dir.clone(),
            purelib: self.purelib.clone(),
            platlib: self.platlib.clone(),
            scripts: self.scripts.clone(),
            gil_disabled: self.gil_disabled,
            pointer_size: self.pointer_size,
        })
    }
}

/// Follow symlinks that only rename within the same directory (`python3 ->
/// python3.12`), so an env links to the versioned name that matches its
/// `lib/pythonX.Y`. Links into another directory (Homebrew's `bin/python3 ->
/// ../Cellar/…`) are kept: their targets move on every patch upgrade.
pub fn follow_sibling_aliases(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..8 {
        let Ok(target) = std::fs::read_link(&current) else {
            break;
        };
        let mut components = target.components();
        let sibling = match (components.next(), components.next()) {
            (Some(std::path::Component::Normal(name)), None) => name.to_owned(),
            _ => break,
        };
        current.set_file_name(sibling);
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_read_from_the_last_line() {
        let good = r#"{"executable": "/p/bin/python3", "base_executable": "/p/bin/python3", "prefix": "/p",
            "base_prefix": "/p", "version": [3, 12, 1], "version_string": "3.12.1", "implementation": "CPython",
            "platform": "linux", "stdlib": "/p/lib/python3.12", "wheel_pkg_dir": null, "gil_disabled": false,
            "pointer_size": 8, "purelib": "lib/python3.12/site-packages",
            "platlib": "lib/python3.12/site-packages", "scripts": "bin"}"#
            .replace('\n', " ");
        let stdout = format!("hello from sitecustomize\n\n{good}\n");
        let result = parse_output(stdout.as_bytes()).unwrap();
        assert_eq!(result.version, (3, 12, 1));
        assert_eq!(result.to_interpreter().unwrap().scripts, "bin");
        assert!(parse_output(b"").is_err());
        assert!(parse_output(b"{not json").is_err());
    }

    #[test]
    fn scheme_paths_must_be_relative() {
        let mut result: QueryResult = serde_json::from_str(
            r#"{"executable": "/p/bin/python3", "base_executable": null, "prefix": "/p",
            "base_prefix": "/p", "version": [3, 12, 1], "version_string": "3.12.1", "implementation": "CPython",
            "platform": "linux", "stdlib": "/p/lib/python3.12", "wheel_pkg_dir": null, "gil_disabled": false,
            "pointer_size": 8, "purelib": "../lib", "platlib": "lib", "scripts": "bin"}"#,
        )
        .unwrap();
        let err = result.to_interpreter().unwrap_err().to_string();
        assert!(err.contains("base interpreter could not be found"), "{err}");
        result.base_executable = Some("/p/bin/python3".into());
        let err = result.to_interpreter().unwrap_err().to_string();
        assert!(err.contains("purelib"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn sibling_aliases_are_followed_but_other_links_kept() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        std::fs::write(bin.join("python3.12"), "").unwrap();
        std::os::unix::fs::symlink("python3.12", bin.join("python3")).unwrap();
        std::os::unix::fs::symlink("python3", bin.join("python")).unwrap();
        std::os::unix::fs::symlink(bin.join("python3.12"), dir.path().join("abs")).unwrap();
        assert_eq!(
            follow_sibling_aliases(&bin.join("python")),
            bin.join("python3.12")
        );
        assert_eq!(
            follow_sibling_aliases(&bin.join("python3.12")),
            bin.join("python3.12")
        );
        assert_eq!(
            follow_sibling_aliases(&dir.path().join("abs")),
            dir.path().join("abs")
        );
    }
}

//! Helpers for the shell integration tests: a hermetic sandbox (temp HOME,
//! ENVREG_HOME with a space in it, XDG dirs, a clean environment) in which
//! real shells run the hooks against environments made by `envreg mkenv`.

#![allow(dead_code)]

pub use super::env::*;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The built binary under test.
pub const ENVREG: &str = env!("CARGO_BIN_EXE_envreg");

/// A Python to build environments with: pyenv's 3.12.1 (found through
/// $PYENV_ROOT or $HOME/.pyenv), else any pyenv 3.x, else `python3` on PATH.
pub fn python() -> Option<PathBuf> {
    ["3.12", "3.13", "3.11", "3.10", "3.9", "3.8"]
        .iter()
        .find_map(|v| pyenv_python(v))
        .or_else(|| find_on_path("python3"))
}

/// A temporary HOME with ENVREG_HOME at "HOME/my envs" (a space on purpose).
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub home: PathBuf,
    pub envreg_home: PathBuf,
    /// Holds a copy of nothing but links to the shells and tools the tests use.
    pub sysbin: PathBuf,
    path: OsString,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::Builder::new()
            .prefix("envreg-shell-")
            .tempdir()
            .unwrap();
        let home = dir.path().join("home");
        let envreg_home = home.join("my envs");
        let sysbin = dir.path().join("sysbin");
        for d in [
            &home,
            &envreg_home,
            &sysbin,
            &home.join(".config"),
            &home.join(".cache"),
        ] {
            fs::create_dir_all(d).unwrap();
        }
        let bin_dir = Path::new(ENVREG).parent().unwrap().to_path_buf();
        let mut dirs = vec![bin_dir, sysbin.clone()];
        dirs.extend(["/usr/local/bin", "/usr/bin", "/bin"].map(PathBuf::from));
        let path = std::env::join_paths(dirs).unwrap();
        Sandbox {
            dir,
            home,
            envreg_home,
            sysbin,
            path,
        }
    }

    /// The PATH every shell starts with.
    pub fn path(&self) -> String {
        self.path.to_str().unwrap().to_string()
    }

    /// A command with a cleared, hermetic environment.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .env("HOME", &self.home)
            .env("PATH", &self.path)
            .env("ENVREG_HOME", &self.envreg_home)
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("XDG_CACHE_HOME", self.home.join(".cache"))
            .env("LANG", "C.UTF-8")
            .env("TERM", "dumb")
            .current_dir(&self.home)
            .stdin(Stdio::null());
        cmd
    }

    /// Run `envreg ARGS` in the sandbox.
    pub fn envreg(&self, args: &[&str]) -> Output {
        self.command(ENVREG).args(args).output().unwrap()
    }

    /// Create environments with the real `envreg mkenv NAME --no-pip`.
    pub fn mkenvs(&self, names: &[&str]) {
        let python = python().expect("no Python found to build test environments");
        for name in names {
            let out = self
                .command(ENVREG)
                .args(["mkenv", name, "--no-pip", "-p"])
                .arg(&python)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "mkenv {name} failed: {}",
                text(&out.stderr)
            );
        }
    }

    /// The directory of environment `name`.
    pub fn env_dir(&self, name: &str) -> PathBuf {
        self.envreg_home.join("envs").join(name)
    }

    /// Write an executable file.
    pub fn write_exe(&self, path: &Path, body: &str) {
        write(path, body);
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
    }

    /// Run `program ARGS... SCRIPT_FILE` where the script is written to a file.
    pub fn run_script(&self, program: &str, args: &[&str], ext: &str, script: &str) -> Run {
        let file = self.dir.path().join(format!("test-script.{ext}"));
        write(&file, script);
        let out = self
            .command(program)
            .args(args)
            .arg(&file)
            .output()
            .unwrap();
        Run::from(out)
    }

    /// The hooks directory `workon` looks in.
    pub fn hooks_dir(&self) -> PathBuf {
        self.envreg_home.join("hooks")
    }
}

pub fn write(path: &Path, body: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, body).unwrap();
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The outcome of a script: its output and the `KEY=value` lines it printed.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub success: bool,
    pub vars: BTreeMap<String, String>,
}

impl From<Output> for Run {
    fn from(out: Output) -> Run {
        let stdout = text(&out.stdout);
        let vars = stdout
            .lines()
            .filter_map(|l| l.split_once('='))
            .filter(|(k, _)| {
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
            })
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Run {
            stdout,
            stderr: text(&out.stderr),
            success: out.status.success(),
            vars,
        }
    }
}

impl Run {
    /// The value printed as `KEY=value`; panics with the whole output if absent.
    pub fn get(&self, key: &str) -> &str {
        self.vars.get(key).unwrap_or_else(|| {
            panic!(
                "script printed no {key}=\nstdout:\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Assert the script ran to its end (it prints DONE=1 last) and cleanly.
    pub fn assert_done(&self) {
        assert!(
            self.success && self.vars.get("DONE").map(String::as_str) == Some("1"),
            "script did not finish\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
    }
}

/// A tmux server on its own socket in the sandbox, with one session `t`
/// running `shell`; killed when dropped.
pub struct Tmux<'a> {
    sb: &'a Sandbox,
    socket: PathBuf,
}

impl<'a> Tmux<'a> {
    pub fn start(sb: &'a Sandbox, shell: &str) -> Tmux<'a> {
        let tmux = Tmux {
            sb,
            socket: sb.dir.path().join("tmux.sock"),
        };
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "120",
            "-y",
            "30",
            shell,
        ]);
        // Deliver Escape at once, not as the start of an Alt+key sequence.
        tmux.run(&["set-option", "-s", "escape-time", "0"]);
        tmux
    }

    /// Run a tmux command against this server; its stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self
            .sb
            .command("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .env("TERM", "xterm-256color")
            .output()
            .unwrap();
        assert!(out.status.success(), "tmux {args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    /// Poll the screen until `want` holds (no timing assertion: the limit
    /// only keeps a broken run from hanging).
    pub fn wait_for(&self, want: &dyn Fn(&str) -> bool, what: &str) -> String {
        let mut screen = String::new();
        for _ in 0..400 {
            screen = self.screen();
            if want(&screen) {
                return screen;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("never saw {what} on the terminal:\n{screen}");
    }
}

impl Drop for Tmux<'_> {
    fn drop(&mut self) {
        let _ = self
            .sb
            .command("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

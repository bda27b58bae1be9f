//! A hermetic world for running the built binary: a temp HOME and
//! ENVREG_HOME, no inherited VIRTUAL_ENV, PYTHONHOME or WORKON_HOME.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub use super::env::*;

pub const BIN: &str = env!("CARGO_BIN_EXE_envreg");

pub struct World {
    pub dir: tempfile::TempDir,
}

impl World {
    pub fn new() -> World {
        let dir = tempfile::Builder::new()
            .prefix("envreg-test")
            .tempdir()
            .unwrap();
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        World { dir }
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    pub fn envreg_home(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn index(&self) -> PathBuf {
        self.envreg_home().join("index.ron")
    }

    pub fn env_dir(&self, name: &str) -> PathBuf {
        self.envreg_home().join("envs").join(name)
    }

    /// A command for the binary with a hermetic environment.
    pub fn cmd<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .env("HOME", self.home())
            .env("ENVREG_HOME", self.envreg_home())
            .env("XDG_DATA_HOME", self.home().join(".local/share"))
            .env("XDG_CACHE_HOME", self.home().join(".cache"))
            // HOME is replaced, so say where the real pyenv versions are.
            .env("PYENV_ROOT", pyenv_root())
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
            .env("PIP_NO_INDEX", "1")
            .env_remove("VIRTUAL_ENV")
            .env_remove("PYTHONHOME")
            .env_remove("WORKON_HOME")
            .env_remove("ENVREG_PYTHON")
            .stdin(Stdio::null());
        cmd
    }

    pub fn run<I, S>(&self, args: I) -> Out
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Out::from(self.cmd(args).output().unwrap())
    }

    /// `envreg mkenv NAME -p PY [extra...]`, asserting success.
    pub fn mkenv(&self, name: &str, python: &Path, extra: &[&str]) -> Out {
        let mut args = vec!["mkenv".to_string(), name.to_string(), "-p".into()];
        args.push(python.display().to_string());
        args.extend(extra.iter().map(|s| s.to_string()));
        self.run(&args).ok()
    }

    pub fn index_bytes(&self) -> Option<Vec<u8>> {
        std::fs::read(self.index()).ok()
    }

    /// The names in the registry, via `ls --names`.
    pub fn names(&self) -> Vec<String> {
        self.run(["ls", "--names"])
            .ok()
            .stdout
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Entries in envs/ other than registered environments (staging, trash).
    pub fn leftovers(&self) -> Vec<String> {
        // An unfinished rename's journal is a leftover too.
        let journal = self.envreg_home().join("mv-journal.json");
        let mut found: Vec<String> = if journal.exists() {
            vec!["mv-journal.json".into()]
        } else {
            vec![]
        };
        let Ok(rd) = std::fs::read_dir(self.envreg_home().join("envs")) else {
            return found;
        };
        found.extend(
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with('.')),
        );
        found
    }
}

#[derive(Debug)]
pub struct Out {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Out {
    fn from(o: Output) -> Out {
        Out {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Out {
    #[track_caller]
    pub fn ok(self) -> Out {
        assert_eq!(self.code, Some(0), "expected success: {self:#?}");
        self
    }

    /// Assert exit 1 and an `envreg:` message containing every `needles` item.
    #[track_caller]
    pub fn fails_with(self, needles: &[&str]) -> Out {
        assert_eq!(self.code, Some(1), "expected exit 1: {self:#?}");
        assert!(self.stderr.starts_with("envreg: "), "{self:#?}");
        for n in needles {
            assert!(self.stderr.contains(n), "stderr lacks {n:?}: {self:#?}");
        }
        self
    }
}

/// Run a program and return its output, asserting success.
#[track_caller]
pub fn run_ok(program: &Path, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .env_remove("PYTHONHOME")
        .env_remove("VIRTUAL_ENV")
        .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .env("PIP_NO_INDEX", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
    assert!(
        out.status.success(),
        "{} {args:?} failed: {}{}",
        program.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Write a minimal pure-Python wheel `NAME-VERSION-py3-none-any.whl` into
/// `dir`, using the given Python's zipfile module (no network, no build tools).
pub fn make_wheel(python: &Path, dir: &Path, name: &str, version: &str) -> PathBuf {
    make_wheel_with_script(python, dir, name, version, None)
}

/// Like [`make_wheel`], with a console script `script` (an entry point that
/// prints "NAME VERSION from sys.prefix") when given.
pub fn make_wheel_with_script(
    python: &Path,
    dir: &Path,
    name: &str,
    version: &str,
    script: Option<&str>,
) -> PathBuf {
    let script_source = r#"
import base64, hashlib, sys, zipfile, os
name, version, out, script = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
di = "%s-%s.dist-info" % (name, version)
files = {
    "%s.py" % name: "VALUE = %r\ndef main():\n    import sys\n    print(%r, VALUE, 'from', sys.prefix)\n" % (version, name),
    di + "/METADATA": "Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (name, version),
    di + "/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
}
if script:
    files[di + "/entry_points.txt"] = "[console_scripts]\n%s = %s:main\n" % (script, name)
record = []
for path, text in files.items():
    data = text.encode()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    record.append("%s,sha256=%s,%d" % (path, digest, len(data)))
record.append(di + "/RECORD,,")
files[di + "/RECORD"] = "\n".join(record) + "\n"
path = os.path.join(out, "%s-%s-py3-none-any.whl" % (name, version))
with zipfile.ZipFile(path, "w") as z:
    for p, text in files.items():
        z.writestr(p, text)
print(path)
"#;
    let out = run_ok(
        python,
        &[
            "-c",
            script_source,
            name,
            version,
            dir.to_str().unwrap(),
            script.unwrap_or(""),
        ],
    );
    PathBuf::from(out.trim())
}

//! Running the query script in an interpreter and turning its answer into an
//! [`Interpreter`].

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use serde::{Deserialize, Serialize};

use super::{Interpreter, display_path};

/// The script, printed by every Python from 2.7 on as one JSON line.
pub const SCRIPT: &str = include_str!("query.py");

/// The query script's answer, as printed (and as cached): the interpreter as
/// it describes itself, and the file that ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// `sys.executable`: the file that really ran (a shim's target).
    pub ran: PathBuf,
    /// As reported, not yet checked: its `executable` is
    /// `sys._base_executable` (or the base found through pyvenv.cfg), empty
    /// when a venv's base could not be found. See [`Answer::into_interpreter`].
    pub interpreter: Interpreter,
}

/// How long an interpreter may take to answer before it is killed.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Bytes of each output stream kept (the last ones: the answer is the last
/// line); the rest is read and dropped, so a chatty program cannot fill memory.
pub(super) const KEEP: usize = 1 << 20;
/// Bytes of an output stream quoted in an error message.
const SHOWN: usize = 400;

/// The query's time limit. Debug builds (the tests) may shorten it with
/// `ENVREG_QUERY_TIMEOUT_MS`; release builds ignore that variable.
fn timeout() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("ENVREG_QUERY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        return Duration::from_millis(ms);
    }
    TIMEOUT
}

/// Run the query script with `python`. Python 2 (and 3 before 3.4) has no
/// `-I`, so a failed isolated run is retried with `-E -s -B`.
pub fn run(python: &Path) -> Result<Answer> {
    run_within(python, timeout())
}

pub(super) fn run_within(python: &Path, limit: Duration) -> Result<Answer> {
    let isolated = exec(python, &["-I", "-B"], limit)?;
    let output = if isolated.status.success() {
        isolated
    } else {
        let fallback = exec(python, &["-E", "-s", "-B"], limit)?;
        if !fallback.status.success() {
            // The isolated attempt's complaint is the relevant one for any
            // Python 3; show it unless it was the "-I" usage error itself.
            let stderr = String::from_utf8_lossy(&isolated.stderr.kept);
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
    parse_output(&output.stdout.kept).with_context(|| {
        let size = match output.stdout.total {
            n if n > SHOWN as u64 => format!(" ({n} bytes on stdout)"),
            _ => String::new(),
        };
        format!(
            "{} answered the interpreter query with something unexpected{size}{}",
            display_path(python),
            stderr_suffix(&output.stderr)
        )
    })
}

/// What a finished query process left.
struct Finished {
    status: ExitStatus,
    stdout: Stream,
    stderr: Stream,
}

/// The end of an output stream, and how long it was.
#[derive(Default)]
pub(super) struct Stream {
    /// At most the last [`KEEP`] bytes.
    pub(super) kept: Vec<u8>,
    pub(super) total: u64,
}

/// Run the script under `flags`, reading both streams (keeping their ends)
/// until the process exits and closes them, or killing it (and whatever it
/// started) once `limit` has passed.
fn exec(python: &Path, flags: &[&str], limit: Duration) -> Result<Finished> {
    let mut command = Command::new(python);
    command
        .args(flags)
        .arg("-c")
        .arg(SCRIPT)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Its own process group, so a timeout also kills what a wrapper script
    // started (the real interpreter behind it).
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .with_context(|| format!("could not run {}", display_path(python)))?;

    let (tx, rx) = mpsc::channel();
    for (index, pipe) in [
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .enumerate()
    {
        let tx = tx.clone();
        let pipe = pipe.context("the query's output pipe is missing")?;
        // Detached: after a kill, a reader ends when the last holder of the
        // pipe is gone, and nobody waits for it.
        std::thread::spawn(move || {
            let _ = tx.send((index, read_tail(pipe)));
        });
    }
    drop(tx);

    let deadline = Instant::now() + limit;
    let mut streams: [Option<Stream>; 2] = [None, None];
    let mut status = None;
    loop {
        if status.is_none() {
            status = child
                .try_wait()
                .with_context(|| format!("could not wait for {}", display_path(python)))?;
        }
        if let (Some(status), [Some(_), Some(_)]) = (status, &streams) {
            let [stdout, stderr] = streams.map(Option::unwrap_or_default);
            return Ok(Finished {
                status,
                stdout,
                stderr,
            });
        }
        let now = Instant::now();
        if now >= deadline {
            kill(&mut child);
            bail!(
                "{} did not answer the interpreter query within {}; it was stopped. Check that \
                 it is a working Python (run it by hand: does it start, or does it wait for \
                 something?)",
                display_path(python),
                describe(limit)
            );
        }
        let step = (deadline - now).min(Duration::from_millis(5));
        if streams.iter().any(Option::is_none) {
            match rx.recv_timeout(step) {
                Ok((index, stream)) => streams[index] = Some(stream),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    // A reader died without sending: count its stream as empty.
                    for s in streams.iter_mut().filter(|s| s.is_none()) {
                        *s = Some(Stream::default());
                    }
                }
            }
        } else {
            // Both pipes are closed; the process is about to exit.
            std::thread::sleep(step.min(Duration::from_millis(1)));
        }
    }
}

/// Kill the query process and its process group, and reap it.
fn kill(child: &mut Child) {
    #[cfg(unix)]
    if let Ok(pgid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill(2) with a negative pid signals the process group the
        // child leads (it was started with process_group(0)); no memory is
        // involved.
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// "10 s", or "1500 ms" for a limit that is not whole seconds.
pub(super) fn describe(limit: Duration) -> String {
    if limit.subsec_millis() == 0 {
        format!("{} s", limit.as_secs())
    } else {
        format!("{} ms", limit.as_millis())
    }
}

/// Read `pipe` to its end, keeping only the last [`KEEP`] bytes.
pub(super) fn read_tail(mut pipe: impl Read) -> Stream {
    let mut stream = Stream::default();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match pipe.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                stream.total += n as u64;
                stream.kept.extend_from_slice(&buf[..n]);
                // Trim in batches, not on every read.
                if stream.kept.len() >= 2 * KEEP {
                    let excess = stream.kept.len() - KEEP;
                    stream.kept.drain(..excess);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    if stream.kept.len() > KEEP {
        let excess = stream.kept.len() - KEEP;
        stream.kept.drain(..excess);
    }
    stream
}

/// ": <the end of stderr>" for an error message, at most [`SHOWN`] bytes of
/// it, "…" marking what was left out; empty when stderr was.
fn stderr_suffix(stderr: &Stream) -> String {
    let text = String::from_utf8_lossy(&stderr.kept);
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let cut = text.len() > SHOWN || stderr.total > stderr.kept.len() as u64;
    let mut start = text.len().saturating_sub(SHOWN);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let tail = &text[start..];
    if cut {
        format!(
            ": …{tail} (the last {} of {} bytes)",
            tail.len(),
            stderr.total
        )
    } else {
        format!(": {tail}")
    }
}

/// `text` quoted, cut to its first [`SHOWN`] bytes with "…" after it.
fn head(text: &str) -> String {
    if text.len() <= SHOWN {
        return format!("{text:?}");
    }
    let mut end = SHOWN;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{:?}…", &text[..end])
}

/// The answer is the last non-empty line (a sitecustomize may print first).
fn parse_output(stdout: &[u8]) -> Result<Answer> {
    let line = stdout
        .split(|&b| b == b'\n')
        .rev()
        .find(|l| !l.trim_ascii().is_empty())
        .ok_or_else(|| anyhow!("no output"))?;
    let line = std::str::from_utf8(line).map_err(|_| {
        anyhow!(
            "the answer is not UTF-8: {}",
            head(&String::from_utf8_lossy(line))
        )
    })?;
    serde_json::from_str(line).with_context(|| format!("could not parse {}", head(line)))
}

impl Answer {
    /// The interpreter a venv built on this one must link to: the base
    /// executable checked to be known and absolute (its sibling aliases
    /// followed), and the scheme paths checked to be relative.
    pub fn into_interpreter(self) -> Result<Interpreter> {
        let Answer {
            ran,
            mut interpreter,
        } = self;
        let base = &interpreter.executable;
        if base.as_os_str().is_empty() {
            bail!(
                "{} is a virtual environment's python whose base interpreter could not be found \
                 (looked next to pyvenv.cfg's home and in {}); pass the base interpreter with -p",
                display_path(&ran),
                display_path(&interpreter.base_prefix)
            );
        }
        if !base.is_absolute() {
            bail!(
                "{} reported a relative base executable {}; pass an absolute path with -p",
                display_path(&ran),
                base.display()
            );
        }
        for (key, value) in [
            ("purelib", &interpreter.purelib),
            ("platlib", &interpreter.platlib),
            ("scripts", &interpreter.scripts),
        ] {
            if value.is_empty() || value.starts_with('/') || value.split('/').any(|c| c == "..") {
                bail!(
                    "{} reports a venv {key} path {value:?} outside the environment; this interpreter's \
                     sysconfig is not supported",
                    display_path(&ran)
                );
            }
        }
        interpreter.executable = follow_sibling_aliases(base);
        Ok(interpreter)
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
        let good = r#"{"ran": "/p/bin/python3", "interpreter": {"executable": "/p/bin/python3",
            "base_prefix": "/p", "version": [3, 12, 1], "version_string": "3.12.1", "implementation": "CPython",
            "platform": "linux", "stdlib": "/p/lib/python3.12", "wheel_pkg_dir": null, "gil_disabled": false,
            "pointer_size": 8, "purelib": "lib/python3.12/site-packages",
            "platlib": "lib/python3.12/site-packages", "scripts": "bin"}}"#
            .replace('\n', " ");
        let stdout = format!("hello from sitecustomize\n\n{good}\n");
        let result = parse_output(stdout.as_bytes()).unwrap();
        assert_eq!(result.interpreter.version, (3, 12, 1));
        assert_eq!(result.into_interpreter().unwrap().scripts, "bin");
        assert!(parse_output(b"").is_err());
        assert!(parse_output(b"{not json").is_err());
    }

    #[test]
    fn scheme_paths_must_be_relative() {
        let mut result: Answer = serde_json::from_str(
            r#"{"ran": "/p/bin/python3", "interpreter": {"executable": "",
            "base_prefix": "/p", "version": [3, 12, 1], "version_string": "3.12.1", "implementation": "CPython",
            "platform": "linux", "stdlib": "/p/lib/python3.12", "wheel_pkg_dir": null, "gil_disabled": false,
            "pointer_size": 8, "purelib": "../lib", "platlib": "lib", "scripts": "bin"}}"#,
        )
        .unwrap();
        let err = result.clone().into_interpreter().unwrap_err().to_string();
        assert!(err.contains("base interpreter could not be found"), "{err}");
        result.interpreter.executable = "/p/bin/python3".into();
        let err = result.into_interpreter().unwrap_err().to_string();
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

//! What `-p` asked for: a path, a command name, or a version request; and
//! what an executable's or install directory's name says (a version request
//! too, see `discover`).

use std::path::PathBuf;

use anyhow::{Result, bail};

use super::Interpreter;

/// Which implementation a version request accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implementation {
    /// No prefix or `python`: whatever the `python*` names are.
    Any,
    /// `cpython3.12`
    CPython,
    /// `pypy3.9`, `pypy`
    PyPy,
}

/// A version request: `3`, `3.12`, `3.12.1`, `3.13t`, `cpython3.12`, `pypy3.9`.
/// Discovery reads the names of executables (`python3.12`) and of install
/// directories (`3.12.1`, `cpython-3.13.0+freethreaded-…`) into one too: what
/// the name says about the interpreter before it is queried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionRequest {
    pub implementation: Implementation,
    pub major: Option<u32>,
    pub minor: Option<u32>,
    pub micro: Option<u32>,
    /// A trailing `t`: only free-threaded builds match; without it, only builds with the GIL.
    pub free_threaded: bool,
}

/// A parsed `-p` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// No `-p`: `python3` on PATH, then `python`.
    Default,
    /// Contains a path separator or starts with `~` or `.`: used as given.
    Path(PathBuf),
    /// A word looked up on PATH (`python3`, `python3.12`, `pypy3`). When the
    /// name spells a version it is also the fallback `version` request.
    Command {
        name: String,
        version: Option<VersionRequest>,
    },
    /// Searched on PATH, in pyenv's versions and in uv-managed Pythons.
    Version(VersionRequest),
}

impl VersionRequest {
    /// Any CPython-named interpreter of any version (the default's fallback).
    pub fn any() -> Self {
        VersionRequest {
            implementation: Implementation::Any,
            major: None,
            minor: None,
            micro: None,
            free_threaded: false,
        }
    }

    /// `parts` as major, minor and micro (those missing are unknown).
    pub fn from_parts(implementation: Implementation, parts: &[u32], free_threaded: bool) -> Self {
        VersionRequest {
            implementation,
            major: parts.first().copied(),
            minor: parts.get(1).copied(),
            micro: parts.get(2).copied(),
            free_threaded,
        }
    }

    /// Whether the queried `interp` satisfies this request: same
    /// implementation, the requested version as a prefix, same threading.
    pub fn matches(&self, interp: &Interpreter) -> bool {
        let implementation_ok = match self.implementation {
            Implementation::Any => true,
            Implementation::CPython => interp.implementation.eq_ignore_ascii_case("cpython"),
            Implementation::PyPy => interp.implementation.eq_ignore_ascii_case("pypy"),
        };
        let (major, minor, micro) = interp.version;
        implementation_ok
            && self.major.is_none_or(|m| m == major)
            && self.minor.is_none_or(|m| m == minor)
            && self.micro.is_none_or(|m| m == micro)
            && self.free_threaded == interp.gil_disabled
    }

    /// Read as what a name says: could an interpreter with this name
    /// satisfy `req`? Unknown parts could; a name that says nothing of its
    /// implementation (`python3`) is not PyPy's.
    pub fn compatible(&self, req: &VersionRequest) -> bool {
        let is_pypy = |i: Implementation| i == Implementation::PyPy;
        let same = |want: Option<u32>, have: Option<u32>| match (want, have) {
            (Some(w), Some(h)) => w == h,
            _ => true,
        };
        is_pypy(req.implementation) == is_pypy(self.implementation)
            && same(req.major, self.major)
            && same(req.minor, self.minor)
            && same(req.micro, self.micro)
            && (req.free_threaded || !self.free_threaded)
    }

    /// The newest version this allows (unknown parts are unbounded);
    /// candidates are queried in this order, newest first.
    pub fn upper_bound(&self) -> (u32, u32, u32) {
        (
            self.major.unwrap_or(u32::MAX),
            self.minor.unwrap_or(u32::MAX),
            self.micro.unwrap_or(u32::MAX),
        )
    }

    /// How many version parts are given.
    pub fn specificity(&self) -> usize {
        [self.major, self.minor, self.micro]
            .iter()
            .flatten()
            .count()
    }
}

impl std::fmt::Display for VersionRequest {
    /// The canonical spelling: `3.12`, `3.13t`, `cpython3.12`, `pypy3.9`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.implementation {
            Implementation::Any => {}
            Implementation::CPython => f.write_str("cpython")?,
            Implementation::PyPy => f.write_str("pypy")?,
        }
        let parts = [self.major, self.minor, self.micro];
        let numbers: Vec<String> = parts
            .iter()
            .map_while(|p| p.map(|n| n.to_string()))
            .collect();
        if numbers.is_empty() && self.implementation == Implementation::Any {
            return f.write_str("3");
        }
        f.write_str(&numbers.join("."))?;
        if self.free_threaded {
            f.write_str("t")?;
        }
        Ok(())
    }
}

/// Every spelling `-p` accepts, for error messages.
pub const ACCEPTED_FORMS: &str = "a version (2.7, 3, 3.12, 3.12.1, 3.13t), an interpreter name \
     (python3.12, python2.7, pypy3, pypy3.10, cpython3.12), uv's spelling (cpython@3.12, \
     cpython-3.12, pypy@3.10, pypy-3.10), a command on PATH, or the path of an interpreter or \
     of a virtual environment";

/// uv's `cpython@3.12`, `cpython-3.12`, `pypy@3.10`, `pypy-3.10` (also
/// `python@3.12`, `any@3.12`). None when `lower` is not of that shape;
/// an error when it is, but names no implementation or version envreg knows.
fn parse_uv_style(lower: &str) -> Option<Result<VersionRequest>> {
    let (implementation, version) = if let Some(split) = lower.split_once('@') {
        split
    } else {
        let (implementation, version) = lower.split_once('-')?;
        if !matches!(implementation, "cpython" | "pypy") {
            return None;
        }
        (implementation, version)
    };
    let prefix = match implementation {
        "cpython" => "cpython",
        "pypy" => "pypy",
        "python" | "any" => "",
        _ => {
            return Some(Err(anyhow::anyhow!(
                "'{lower}': unknown implementation '{implementation}' (envreg knows cpython \
                 and pypy); -p accepts {ACCEPTED_FORMS}"
            )));
        }
    };
    let parsed = version
        .starts_with(|c: char| c.is_ascii_digit())
        .then(|| parse_version_request(&format!("{prefix}{version}")))
        .flatten();
    Some(parsed.ok_or_else(|| {
        anyhow::anyhow!("'{lower}': '{version}' is not a version; -p accepts {ACCEPTED_FORMS}")
    }))
}

impl Request {
    /// Classify a `-p` value. Only an empty value is an error here.
    pub fn parse(text: &str) -> Result<Request> {
        let text_trimmed = text.trim();
        if text_trimmed.is_empty() {
            bail!(crate::errors::hinted(
                "empty Python request",
                "pass a version like 3.12, a command like python3, or a path"
            ));
        }
        if is_path_like(text_trimmed) {
            return Ok(Request::Path(PathBuf::from(text_trimmed)));
        }
        let lower = text_trimmed.to_ascii_lowercase();
        if let Some(parsed) = parse_uv_style(&lower) {
            return Ok(Request::Version(parsed?));
        }
        if let Some(version) = parse_version_request(&lower) {
            // `python3.12` and `pypy3` are commands first; bare versions and
            // `cpython…` are not names anyone has on PATH.
            if lower.starts_with("python") || lower.starts_with("pypy") {
                return Ok(Request::Command {
                    name: text_trimmed.to_string(),
                    version: Some(version),
                });
            }
            return Ok(Request::Version(version));
        }
        Ok(Request::Command {
            name: text_trimmed.to_string(),
            version: None,
        })
    }
}

fn is_path_like(text: &str) -> bool {
    text.starts_with('~')
        || text.starts_with('.')
        || text.contains('/')
        || (cfg!(windows) && text.contains('\\'))
}

/// `[cpython|python|pypy]` then `X[.Y[.Z]]` then an optional `t` (which needs
/// a minor version). A bare prefix (`pypy`, `python`, `cpython`) is allowed;
/// a bare empty string is not.
pub fn parse_version_request(text: &str) -> Option<VersionRequest> {
    let (implementation, rest) = if let Some(rest) = text.strip_prefix("cpython") {
        (Implementation::CPython, rest)
    } else if let Some(rest) = text.strip_prefix("python") {
        (Implementation::Any, rest)
    } else if let Some(rest) = text.strip_prefix("pypy") {
        (Implementation::PyPy, rest)
    } else {
        (Implementation::Any, text)
    };
    let had_prefix = rest.len() != text.len();
    if rest.is_empty() {
        return had_prefix.then(|| VersionRequest {
            implementation,
            ..VersionRequest::any()
        });
    }
    let (numbers, free_threaded) = match rest.strip_suffix('t') {
        Some(numbers) => (numbers, true),
        None => (rest, false),
    };
    let parts = parse_numbers(numbers)?;
    if parts.is_empty() || parts.len() > 3 || (free_threaded && parts.len() < 2) {
        return None;
    }
    Some(VersionRequest::from_parts(
        implementation,
        &parts,
        free_threaded,
    ))
}

/// `X[.Y[...]]`: dot-separated decimal numbers, none empty.
pub fn parse_numbers(text: &str) -> Option<Vec<u32>> {
    text.split('.')
        .map(|p| {
            if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::python::Platform;

    /// A version request (or what a name says) from its parts.
    pub(in crate::python) fn version(
        implementation: Implementation,
        major: Option<u32>,
        minor: Option<u32>,
        micro: Option<u32>,
        free_threaded: bool,
    ) -> VersionRequest {
        VersionRequest {
            implementation,
            major,
            minor,
            micro,
            free_threaded,
        }
    }

    #[test]
    fn versions_parse() {
        use Implementation::*;
        let cases = [
            ("3", version(Any, Some(3), None, None, false)),
            ("3.12", version(Any, Some(3), Some(12), None, false)),
            ("3.12.1", version(Any, Some(3), Some(12), Some(1), false)),
            ("3.13t", version(Any, Some(3), Some(13), None, true)),
            (
                "cpython3.12",
                version(CPython, Some(3), Some(12), None, false),
            ),
            ("cpython", version(CPython, None, None, None, false)),
        ];
        for (text, want) in cases {
            assert_eq!(
                Request::parse(text).unwrap(),
                Request::Version(want),
                "{text}"
            );
        }
    }

    #[test]
    fn commands_parse_with_their_version() {
        use Implementation::*;
        let cases = [
            ("python3", Some(version(Any, Some(3), None, None, false))),
            (
                "python3.12",
                Some(version(Any, Some(3), Some(12), None, false)),
            ),
            ("python", Some(version(Any, None, None, None, false))),
            ("pypy3", Some(version(PyPy, Some(3), None, None, false))),
            (
                "pypy3.9",
                Some(version(PyPy, Some(3), Some(9), None, false)),
            ),
            ("pypy", Some(version(PyPy, None, None, None, false))),
            (
                "python3.13t",
                Some(version(Any, Some(3), Some(13), None, true)),
            ),
            ("mypython", None),
            ("python3-dbg", None),
            ("3t", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                Request::parse(text).unwrap(),
                Request::Command {
                    name: text.to_string(),
                    version: want
                },
                "{text}"
            );
        }
    }

    #[test]
    fn uv_spellings_parse() {
        use Implementation::*;
        let cases = [
            (
                "cpython@3.12",
                version(CPython, Some(3), Some(12), None, false),
            ),
            (
                "cpython-3.12",
                version(CPython, Some(3), Some(12), None, false),
            ),
            (
                "CPython-3.12.1",
                version(CPython, Some(3), Some(12), Some(1), false),
            ),
            ("pypy@3.10", version(PyPy, Some(3), Some(10), None, false)),
            ("pypy-3.9", version(PyPy, Some(3), Some(9), None, false)),
            ("python@2.7", version(Any, Some(2), Some(7), None, false)),
            ("any@3.13t", version(Any, Some(3), Some(13), None, true)),
            (
                "cpython@3.13t",
                version(CPython, Some(3), Some(13), None, true),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(
                Request::parse(text).unwrap(),
                Request::Version(want),
                "{text}"
            );
        }
        for (text, why) in [
            ("jython@2.7", "unknown implementation"),
            ("cpython@", "not a version"),
            ("cpython@abc", "not a version"),
            ("pypy-3.x", "not a version"),
            ("cpython@3.12-linux", "not a version"),
        ] {
            let err = Request::parse(text).unwrap_err().to_string();
            assert!(
                err.contains(why) && err.contains("cpython@3.12"),
                "{text}: {err}"
            );
        }
        // Other words with a dash are command names, as before.
        assert_eq!(
            Request::parse("python3-dbg").unwrap(),
            Request::Command {
                name: "python3-dbg".into(),
                version: None
            }
        );
        // Python 2 spellings.
        assert_eq!(
            Request::parse("2.7").unwrap(),
            Request::Version(version(Any, Some(2), Some(7), None, false))
        );
        assert_eq!(
            Request::parse("python2.7").unwrap(),
            Request::Command {
                name: "python2.7".into(),
                version: Some(version(Any, Some(2), Some(7), None, false))
            }
        );
    }

    #[test]
    fn paths_parse() {
        for text in [
            "~/py/bin/python",
            "./python",
            "../x",
            "/usr/bin/python3",
            "bin/python",
        ] {
            assert_eq!(
                Request::parse(text).unwrap(),
                Request::Path(PathBuf::from(text)),
                "{text}"
            );
        }
        assert!(Request::parse("  ").is_err());
    }

    #[test]
    fn versions_display_canonically() {
        for (text, shown) in [
            ("3.12", "3.12"),
            ("python3.13t", "3.13t"),
            ("pypy3.9", "pypy3.9"),
            ("cpython3.12.1", "cpython3.12.1"),
            ("python", "3"),
            ("pypy", "pypy"),
        ] {
            assert_eq!(
                parse_version_request(text).unwrap().to_string(),
                shown,
                "{text}"
            );
        }
    }

    #[test]
    fn malformed_versions_are_not_versions() {
        for text in [
            "3.",
            ".3",
            "3..1",
            "3.1.2.3",
            "x3",
            "3.12-dev",
            "99999999999",
        ] {
            assert_eq!(parse_version_request(text), None, "{text}");
        }
    }

    fn interp(version: (u32, u32, u32), implementation: &str, gil_disabled: bool) -> Interpreter {
        Interpreter {
            executable: "/x/python".into(),
            base_prefix: "/x".into(),
            version,
            version_string: format!("{}.{}.{}", version.0, version.1, version.2),
            implementation: implementation.into(),
            platform: Platform::Linux,
            stdlib: "/x/lib".into(),
            wheel_pkg_dir: None,
            purelib: String::new(),
            platlib: String::new(),
            scripts: "bin".into(),
            gil_disabled,
            pointer_size: 8,
        }
    }

    #[test]
    fn matching_is_a_version_prefix() {
        let req = |t: &str| parse_version_request(t).unwrap();
        let cpy = interp((3, 12, 1), "CPython", false);
        assert!(req("3").matches(&cpy));
        assert!(req("3.12").matches(&cpy));
        assert!(req("3.12.1").matches(&cpy));
        assert!(req("cpython3.12").matches(&cpy));
        assert!(!req("3.1").matches(&cpy));
        assert!(!req("3.12.2").matches(&cpy));
        assert!(!req("2").matches(&cpy));
        assert!(!req("pypy3.12").matches(&cpy));
        assert!(!req("3.12t").matches(&cpy));

        let ft = interp((3, 13, 0), "CPython", true);
        assert!(req("3.13t").matches(&ft));
        assert!(!req("3.13").matches(&ft));

        let pypy = interp((3, 9, 16), "PyPy", false);
        assert!(req("pypy3.9").matches(&pypy));
        assert!(req("pypy").matches(&pypy));
        assert!(!req("cpython3.9").matches(&pypy));
        assert!(req("3.9").matches(&pypy));
    }
}

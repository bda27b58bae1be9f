//! The directory layout of a venv, as a pure function of the interpreter
//! (which carries its platform), so every platform's layout is tested anywhere.

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::python::{Interpreter, Platform};

/// Where a file in the scripts directory comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A symlink to this absolute path (the base interpreter).
    Symlink(PathBuf),
    /// A symlink to a sibling in the same directory, e.g. `python3 -> python`.
    SiblingLink(&'static str),
    /// A copy of this file (Windows launchers; Python 2's executable, which
    /// would take the base as its prefix through a symlink).
    Copy(PathBuf),
}

/// One executable in the scripts directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Executable {
    /// File name inside the scripts directory.
    pub name: String,
    pub source: Source,
}

/// Every path a new environment needs, relative to its root, '/'-separated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// True for a Windows layout (`Scripts\`, launcher copies, `.bat` scripts).
    pub windows: bool,
    /// The scripts directory: "bin" or "Scripts".
    pub scripts: String,
    /// site-packages for pure and platform-specific packages (usually equal).
    pub purelib: String,
    pub platlib: String,
    /// The executables to create, `python` first.
    pub executables: Vec<Executable>,
    /// Create `lib64 -> lib`, as CPython does on 64-bit Linux and BSDs.
    pub lib64_link: bool,
    /// Further symlinks: Python 2's standard-library links; empty otherwise.
    pub links: Vec<Link>,
}

/// A symlink inside the environment to a file of the base installation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Relative to the environment's root, '/'-separated.
    pub path: String,
    /// Absolute.
    pub target: PathBuf,
    /// Skipped when the target is missing (headers); otherwise an error.
    pub optional: bool,
}

impl Layout {
    /// The layout for a venv on `interp`. Fails when the interpreter reported
    /// scheme paths that are not plain relative paths.
    pub fn new(interp: &Interpreter) -> Result<Layout> {
        let windows = interp.platform == Platform::Windows;
        let default_scripts = if windows { "Scripts" } else { "bin" };
        let scripts = if interp.scripts.is_empty() {
            default_scripts.to_string()
        } else {
            interp.scripts.clone()
        };
        for (what, rel) in [
            ("purelib", &interp.purelib),
            ("platlib", &interp.platlib),
            ("scripts", &scripts),
        ] {
            check_relative(what, rel, interp)?;
        }
        let python2 = super::python2::applies(interp);
        if python2 && (windows || !interp.implementation.eq_ignore_ascii_case("cpython")) {
            bail!(
                "envreg builds Python 2 environments only for CPython 2.7 on POSIX systems, not \
                 for {} {} on {}; use a Python 3 interpreter with -p (e.g. -p 3.12)",
                interp.implementation,
                interp.version_string,
                interp.platform
            );
        }
        let mut executables = if windows {
            windows_executables(interp)?
        } else {
            posix_executables(interp)
        };
        let links = if python2 {
            executables[0].source = Source::Copy(interp.executable.clone());
            super::python2::links(interp)
        } else {
            Vec::new()
        };
        // CPython links lib64 to lib on 64-bit POSIX other than macOS, up to
        // 3.14; only meaningful when the scheme puts packages under lib/.
        let lib64_link = !windows
            && interp.platform != Platform::Darwin
            && interp.pointer_size == 8
            && interp.version < (3, 15, 0)
            && interp.purelib.starts_with("lib/");
        Ok(Layout {
            windows,
            scripts,
            purelib: interp.purelib.clone(),
            platlib: interp.platlib.clone(),
            executables,
            lib64_link,
            links,
        })
    }

    /// The scripts directory as seen from purelib, '/'-separated, as wheel
    /// RECORD files list launchers: "../../../bin" for lib/python3.12/site-packages.
    pub fn scripts_from_purelib(&self) -> String {
        let depth = self.purelib.split('/').filter(|c| !c.is_empty()).count();
        let mut rel = "../".repeat(depth);
        rel.push_str(&self.scripts);
        rel
    }
}

fn check_relative(what: &str, rel: &str, interp: &Interpreter) -> Result<()> {
    let bad = rel.is_empty()
        || rel.starts_with('/')
        || rel.contains('\\')
        || rel.contains(':')
        || rel.split('/').any(|c| c == ".." || c == ".");
    if bad {
        bail!(
            "the interpreter {} reported the venv {what} path {rel:?}, which is not a plain \
             relative path inside the environment; envreg cannot lay out a venv for it \
             (try another interpreter with -p)",
            interp.executable.display()
        );
    }
    Ok(())
}

/// `python` links to the base executable; the other names link to `python`
/// (relative, as `python -m venv` does).
fn posix_executables(interp: &Interpreter) -> Vec<Executable> {
    let (major, minor) = (interp.version.0, interp.version.1);
    let mut names = vec![format!("python{major}"), format!("python{major}.{minor}")];
    if interp.gil_disabled {
        names.push(format!("python{major}.{minor}t"));
    }
    if interp.implementation.eq_ignore_ascii_case("pypy") {
        // PyPy's own command names, as virtualenv and uv provide them.
        names.extend([
            "pypy".to_string(),
            format!("pypy{major}"),
            format!("pypy{major}.{minor}"),
        ]);
    }
    let mut executables = vec![Executable {
        name: "python".to_string(),
        source: Source::Symlink(interp.executable.clone()),
    }];
    executables.extend(names.into_iter().map(|name| Executable {
        name,
        source: Source::SiblingLink("python"),
    }));
    executables
}

/// CPython on Windows: copies of the venv launchers it ships in
/// `Lib\venv\scripts\nt`, which find the base interpreter through pyvenv.cfg.
/// Up to 3.12 they are shipped already named python.exe / pythonw.exe.
fn windows_executables(interp: &Interpreter) -> Result<Vec<Executable>> {
    if !interp.implementation.eq_ignore_ascii_case("cpython") {
        bail!(
            "envreg cannot build a Windows venv for {} {} yet (only CPython ships the venv \
             launchers it copies); use a CPython interpreter with -p",
            interp.implementation,
            interp.version_string
        );
    }
    let nt = interp.stdlib.join("venv").join("scripts").join("nt");
    let (console, gui) = if interp.gil_disabled {
        ("venvlaunchert.exe", "venvwlaunchert.exe")
    } else if interp.version >= (3, 13, 0) {
        ("venvlauncher.exe", "venvwlauncher.exe")
    } else {
        ("python.exe", "pythonw.exe")
    };
    let (major, minor) = (interp.version.0, interp.version.1);
    let mut executables = vec![
        Executable {
            name: "python.exe".to_string(),
            source: Source::Copy(nt.join(console)),
        },
        Executable {
            name: "pythonw.exe".to_string(),
            source: Source::Copy(nt.join(gui)),
        },
    ];
    if interp.gil_disabled {
        executables.push(Executable {
            name: format!("python{major}.{minor}t.exe"),
            source: Source::Copy(nt.join(console)),
        });
        executables.push(Executable {
            name: format!("pythonw{major}.{minor}t.exe"),
            source: Source::Copy(nt.join(gui)),
        });
    }
    Ok(executables)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::venv::testing::{fake_pypy, fake_python27};

    /// A Linux CPython as pyenv builds it, with fields filled from known facts.
    fn cpython(minor: u32, gil_disabled: bool) -> Interpreter {
        let t = if gil_disabled { "t" } else { "" };
        let prefix = PathBuf::from(format!("/opt/py/3.{minor}"));
        Interpreter {
            executable: prefix.join(format!("bin/python3.{minor}{t}")),
            base_prefix: prefix.clone(),
            version: (3, minor, 1),
            version_string: format!("3.{minor}.1"),
            implementation: "CPython".into(),
            platform: Platform::Linux,
            stdlib: prefix.join(format!("lib/python3.{minor}{t}")),
            wheel_pkg_dir: None,
            purelib: format!("lib/python3.{minor}{t}/site-packages"),
            platlib: format!("lib/python3.{minor}{t}/site-packages"),
            scripts: "bin".into(),
            gil_disabled,
            pointer_size: 8,
        }
    }

    fn names(layout: &Layout) -> Vec<&str> {
        layout.executables.iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn posix_cpython_3_7() {
        let interp = cpython(7, false);
        let l = Layout::new(&interp).unwrap();
        assert!(!l.windows);
        assert_eq!(l.scripts, "bin");
        assert_eq!(l.purelib, "lib/python3.7/site-packages");
        assert_eq!(names(&l), ["python", "python3", "python3.7"]);
        assert_eq!(
            l.executables[0].source,
            Source::Symlink(interp.executable.clone())
        );
        assert_eq!(l.executables[1].source, Source::SiblingLink("python"));
        assert!(l.lib64_link);
        assert_eq!(l.scripts_from_purelib(), "../../../bin");
        assert_eq!(l.executables[0].name, "python");
    }

    #[test]
    fn posix_cpython_3_12() {
        let l = Layout::new(&cpython(12, false)).unwrap();
        assert_eq!(names(&l), ["python", "python3", "python3.12"]);
        assert_eq!(l.platlib, "lib/python3.12/site-packages");
        assert!(l.lib64_link);
    }

    #[test]
    fn posix_free_threaded_3_13t() {
        let l = Layout::new(&cpython(13, true)).unwrap();
        assert_eq!(
            names(&l),
            ["python", "python3", "python3.13", "python3.13t"]
        );
        assert_eq!(l.purelib, "lib/python3.13t/site-packages");
        assert_eq!(l.scripts_from_purelib(), "../../../bin");
    }

    #[test]
    fn no_lib64_on_macos_32_bit_or_from_3_15() {
        let mut mac = cpython(12, false);
        mac.platform = Platform::Darwin;
        assert!(!Layout::new(&mac).unwrap().lib64_link);
        let mut i386 = cpython(12, false);
        i386.pointer_size = 4;
        assert!(!Layout::new(&i386).unwrap().lib64_link);
        let mut new = cpython(15, false);
        new.version = (3, 15, 0);
        assert!(!Layout::new(&new).unwrap().lib64_link);
    }

    #[test]
    fn posix_pypy_gets_pypy_names() {
        let interp = fake_pypy((3, 9, 16));
        let l = Layout::new(&interp).unwrap();
        assert_eq!(
            names(&l),
            ["python", "python3", "python3.9", "pypy", "pypy3", "pypy3.9"]
        );
        assert!(l.lib64_link);
    }

    #[test]
    fn python_2_7_copies_its_executable_and_links_the_stdlib_landmarks() {
        let l = Layout::new(&fake_python27()).unwrap();
        assert_eq!(names(&l), ["python", "python2", "python2.7"]);
        assert_eq!(
            l.executables[0].source,
            Source::Copy("/opt/py/2.7/bin/python2.7".into())
        );
        assert_eq!(l.executables[1].source, Source::SiblingLink("python"));
        assert_eq!(l.purelib, "lib/python2.7/site-packages");
        let find = |path: &str| l.links.iter().find(|k| k.path == path).cloned();
        // The prefix landmark (os.py), the exec-prefix landmark
        // (lib-dynload), and what os and site import before the base's
        // stdlib is on sys.path.
        for (path, target) in [
            ("lib/python2.7/os.py", "/opt/py/2.7/lib/python2.7/os.py"),
            (
                "lib/python2.7/lib-dynload",
                "/opt/py/2.7/lib/python2.7/lib-dynload",
            ),
            (
                "lib/python2.7/encodings",
                "/opt/py/2.7/lib/python2.7/encodings",
            ),
            (
                "lib/python2.7/posixpath.py",
                "/opt/py/2.7/lib/python2.7/posixpath.py",
            ),
            (
                "lib/python2.7/_weakrefset.py",
                "/opt/py/2.7/lib/python2.7/_weakrefset.py",
            ),
        ] {
            let link = find(path).unwrap_or_else(|| panic!("no link {path}"));
            assert_eq!(link.target, PathBuf::from(target));
            assert!(!link.optional, "{path}");
        }
        let include = find("include/python2.7").unwrap();
        assert!(include.optional, "headers may be absent");
        assert!(Layout::new(&cpython(12, false)).unwrap().links.is_empty());
    }

    #[test]
    fn python_2_elsewhere_is_refused_with_a_reason() {
        let mut win = fake_python27();
        win.platform = Platform::Windows;
        let mut pypy = fake_python27();
        pypy.implementation = "PyPy".into();
        for interp in [win, pypy] {
            let err = Layout::new(&interp).unwrap_err().to_string();
            assert!(err.contains("CPython 2.7") && err.contains("-p"), "{err}");
        }
    }

    fn windows(minor: u32, gil_disabled: bool) -> Interpreter {
        let t = if gil_disabled { "t" } else { "" };
        Interpreter {
            executable: format!(r"C:\Python3{minor}\python{t}.exe").into(),
            base_prefix: format!(r"C:\Python3{minor}").into(),
            version: (3, minor, 0),
            version_string: format!("3.{minor}.0"),
            implementation: "CPython".into(),
            platform: Platform::Windows,
            stdlib: format!(r"C:\Python3{minor}\Lib").into(),
            wheel_pkg_dir: None,
            purelib: "Lib/site-packages".into(),
            platlib: "Lib/site-packages".into(),
            scripts: "Scripts".into(),
            gil_disabled,
            pointer_size: 8,
        }
    }

    fn copied_from(layout: &Layout) -> Vec<(String, String)> {
        layout
            .executables
            .iter()
            .map(|e| match &e.source {
                Source::Copy(from) => {
                    let file = from.to_string_lossy().replace('\\', "/");
                    let file = file.rsplit('/').next().unwrap().to_string();
                    (e.name.clone(), file)
                }
                other => panic!("{} is not a copy: {other:?}", e.name),
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn windows_3_12_copies_launchers_named_python() {
        let l = Layout::new(&windows(12, false)).unwrap();
        assert!(l.windows);
        assert_eq!(l.scripts, "Scripts");
        assert_eq!(l.purelib, "Lib/site-packages");
        assert!(!l.lib64_link);
        assert_eq!(
            copied_from(&l),
            pairs(&[("python.exe", "python.exe"), ("pythonw.exe", "pythonw.exe")])
        );
        let Source::Copy(from) = &l.executables[0].source else {
            unreachable!()
        };
        let from = from.to_string_lossy().replace('\\', "/");
        assert_eq!(from, "C:/Python312/Lib/venv/scripts/nt/python.exe");
        assert_eq!(l.scripts_from_purelib(), "../../Scripts");
        assert_eq!(l.executables[0].name, "python.exe");
    }

    #[test]
    fn windows_3_13_copies_venvlauncher() {
        let l = Layout::new(&windows(13, false)).unwrap();
        assert_eq!(
            copied_from(&l),
            pairs(&[
                ("python.exe", "venvlauncher.exe"),
                ("pythonw.exe", "venvwlauncher.exe")
            ])
        );
    }

    #[test]
    fn windows_free_threaded_adds_t_names() {
        let l = Layout::new(&windows(13, true)).unwrap();
        assert_eq!(
            copied_from(&l),
            pairs(&[
                ("python.exe", "venvlaunchert.exe"),
                ("pythonw.exe", "venvwlaunchert.exe"),
                ("python3.13t.exe", "venvlaunchert.exe"),
                ("pythonw3.13t.exe", "venvwlaunchert.exe"),
            ])
        );
    }

    #[test]
    fn windows_pypy_is_refused_with_a_reason() {
        let mut interp = windows(10, false);
        interp.implementation = "PyPy".into();
        let err = Layout::new(&interp).unwrap_err().to_string();
        assert!(err.contains("PyPy") && err.contains("-p"), "{err}");
    }

    #[test]
    fn odd_scheme_paths_are_refused() {
        for bad in [
            "/abs/site-packages",
            "../escape",
            "lib/./x",
            "",
            r"Lib\site-packages",
        ] {
            let mut interp = cpython(12, false);
            interp.purelib = bad.into();
            let err = Layout::new(&interp).unwrap_err().to_string();
            assert!(err.contains("purelib"), "{bad}: {err}");
        }
    }

    #[test]
    fn empty_scripts_falls_back_to_the_platform_default() {
        let mut interp = windows(12, false);
        interp.scripts.clear();
        assert_eq!(Layout::new(&interp).unwrap().scripts, "Scripts");
    }
}

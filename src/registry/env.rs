//! One handle on an environment's directory that answers every layout
//! question (scripts directory, interpreter, site-packages, pyvenv.cfg,
//! scripts) for POSIX and Windows environments alike. Commands and the
//! registry ask it instead of joining `bin/python` themselves.

use std::path::PathBuf;

/// How an environment's directory is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `bin/python`, `lib/pythonX.Y/site-packages`.
    Posix,
    /// `Scripts\python.exe`, `Lib\site-packages`.
    Windows,
}

impl Layout {
    /// The layout this platform's environments have.
    pub fn native() -> Layout {
        if cfg!(windows) {
            Layout::Windows
        } else {
            Layout::Posix
        }
    }
}

/// An environment directory and its layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Venv {
    pub dir: PathBuf,
    pub layout: Layout,
}

impl Venv {
    /// The environment at `dir`, its layout read from the directory: a
    /// `Scripts` directory without a `bin` one is a Windows layout; anything
    /// else (including a directory that is gone) is this platform's.
    pub fn open(dir: impl Into<PathBuf>) -> Venv {
        let dir = dir.into();
        let layout = if dir.join("bin").is_dir() {
            Layout::Posix
        } else if dir.join("Scripts").is_dir() {
            Layout::Windows
        } else {
            Layout::native()
        };
        Venv { dir, layout }
    }

    pub fn with_layout(dir: impl Into<PathBuf>, layout: Layout) -> Venv {
        Venv {
            dir: dir.into(),
            layout,
        }
    }

    /// The scripts directory's name: `bin` or `Scripts`.
    pub fn bin_name(&self) -> &'static str {
        match self.layout {
            Layout::Posix => "bin",
            Layout::Windows => "Scripts",
        }
    }

    /// The scripts directory (what goes first on PATH).
    pub fn bin_dir(&self) -> PathBuf {
        self.dir.join(self.bin_name())
    }

    /// The environment's interpreter: `bin/python` or `Scripts\python.exe`.
    pub fn python(&self) -> PathBuf {
        self.script("python")
    }

    /// The script or program `name` in the scripts directory (`.exe` added
    /// on Windows layouts).
    pub fn script(&self, name: &str) -> PathBuf {
        match self.layout {
            Layout::Posix => self.bin_dir().join(name),
            Layout::Windows => self.bin_dir().join(format!("{name}.exe")),
        }
    }

    pub fn cfg_path(&self) -> PathBuf {
        self.dir.join("pyvenv.cfg")
    }

    /// site-packages as it exists in the environment: `Lib/site-packages`
    /// on Windows, else the first `lib/<python or pypy>X.Y[t]/site-packages`
    /// (by name, so the answer is stable). `None` when there is none.
    pub fn site_packages(&self) -> Option<PathBuf> {
        match self.layout {
            Layout::Windows => {
                let sp = self.dir.join("Lib").join("site-packages");
                sp.is_dir().then_some(sp)
            }
            Layout::Posix => {
                let lib = self.dir.join("lib");
                let mut found: Vec<PathBuf> = std::fs::read_dir(&lib)
                    .ok()?
                    .flatten()
                    .filter(|e| {
                        let n = e.file_name();
                        let n = n.to_string_lossy();
                        n.starts_with("python") || n.starts_with("pypy")
                    })
                    .map(|e| e.path().join("site-packages"))
                    .filter(|p| p.is_dir())
                    .collect();
                found.sort();
                found.into_iter().next()
            }
        }
    }

    /// True when the directory has a pyvenv.cfg.
    pub fn is_venv(&self) -> bool {
        self.cfg_path().is_file()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    #[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
    fn posix_and_windows_layouts() {
        let d = tempfile::tempdir().unwrap();
        let posix = d.path().join("p");
        fs::create_dir_all(posix.join("bin")).unwrap();
        fs::create_dir_all(posix.join("lib/python3.12/site-packages")).unwrap();
        fs::write(posix.join("pyvenv.cfg"), "").unwrap();
        let v = Venv::open(&posix);
        assert_eq!(v.layout, Layout::Posix);
        assert_eq!(v.python(), posix.join("bin/python"));
        assert_eq!(v.script("pip"), posix.join("bin/pip"));
        assert_eq!(
            v.site_packages().unwrap(),
            posix.join("lib/python3.12/site-packages")
        );
        assert!(v.is_venv());

        let win = d.path().join("w");
        fs::create_dir_all(win.join("Scripts")).unwrap();
        fs::create_dir_all(win.join("Lib/site-packages")).unwrap();
        let v = Venv::open(&win);
        assert_eq!(v.layout, Layout::Windows);
        assert_eq!(v.python(), win.join("Scripts").join("python.exe"));
        assert_eq!(v.bin_dir(), win.join("Scripts"));
        assert_eq!(
            v.site_packages().unwrap(),
            win.join("Lib").join("site-packages")
        );
        assert!(!v.is_venv());

        let pypy = d.path().join("pypy");
        fs::create_dir_all(pypy.join("bin")).unwrap();
        fs::create_dir_all(pypy.join("lib/pypy3.9/site-packages")).unwrap();
        assert_eq!(
            Venv::open(&pypy).site_packages().unwrap(),
            pypy.join("lib/pypy3.9/site-packages")
        );
        assert_eq!(Venv::open(d.path().join("gone")).site_packages(), None);
    }
}

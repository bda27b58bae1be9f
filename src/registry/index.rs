//! The index schema (`index.ron`) and how it is read and written.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

/// The schema version this binary reads and writes.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub version: u32,
    #[serde(default)]
    pub envs: BTreeMap<String, Entry>,
}

impl Default for Index {
    fn default() -> Self {
        Index {
            version: VERSION,
            envs: BTreeMap::new(),
        }
    }
}

/// One registered environment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The environment's directory.
    pub path: PathBuf,
    /// True when envreg created the directory (and may delete it).
    pub managed: bool,
    pub python: PythonRecord,
    /// Seconds since the Unix epoch.
    pub created: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<PathBuf>,
    #[serde(default)]
    pub flags: Flags,
    /// Set while a step after creation (installing packages) has not
    /// finished: why the environment is not complete yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
    /// True for an environment found on disk but not recorded in the index
    /// (shown by readers that could not take the lock); never saved.
    #[serde(skip)]
    pub unrecorded: bool,
}

/// The interpreter an environment was built on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PythonRecord {
    /// What the user asked for with `-p`, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<String>,
    /// The base interpreter the environment's `python` links to.
    pub executable: PathBuf,
    /// Full version, e.g. "3.12.1".
    pub version: String,
    /// "CPython", "PyPy", ...
    pub implementation: String,
}

/// Options the environment was created with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Flags {
    #[serde(default)]
    pub pip: bool,
    #[serde(default)]
    pub system_site_packages: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Read the index at `path`. A missing file is an empty registry; an
/// unreadable or corrupt one is an error naming the file and the position.
pub fn read(path: &Path) -> Result<Index> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(Index::default()),
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", path.display())),
    };
    parse_file(path, &text)
}

/// Parse `text`, read from `path`; a corrupt file is an error naming both.
pub fn parse_file(path: &Path, text: &str) -> Result<Index> {
    parse(text).with_context(|| {
        format!(
            "the index {} is corrupt; it was left untouched. Fix it, or move it away: \
             the next 'envreg mkenv' registers the environments under envs/ again",
            path.display()
        )
    })
}

fn parse(text: &str) -> Result<Index> {
    let newer = |version: u32| {
        anyhow::anyhow!(
            "it was written by a newer envreg (schema version {version}; this envreg understands {VERSION}); upgrade envreg"
        )
    };
    let index: Index = match ron::from_str(text) {
        Ok(index) => index,
        Err(err) => {
            // A newer schema gets a clear message rather than a parse error
            // about some field we do not know.
            if let Ok(v) = ron::from_str::<VersionOnly>(text)
                && v.version > VERSION
            {
                return Err(newer(v.version));
            }
            bail!(
                "line {}, column {}: {}",
                err.position.line,
                err.position.col,
                err.code
            );
        }
    };
    if index.version > VERSION {
        return Err(newer(index.version));
    }
    if index.version == 0 {
        bail!("schema version 0 is not valid");
    }
    Ok(index)
}

/// Write `index` atomically: a temporary file beside it, fsync, rename.
/// Readers see either the old or the new file, never a half-written one.
pub fn write(path: &Path, index: &Index) -> Result<()> {
    if index.version > VERSION {
        bail!(
            "refusing to write {}: its schema version {} is newer than this envreg understands ({VERSION})",
            path.display(),
            index.version
        );
    }
    // One environment per line: readable, and half the size (and parse
    // time) of fully indented RON, which matters for `ls` with many envs.
    let pretty = ron::ser::PrettyConfig::default().depth_limit(2);
    let text = ron::ser::to_string_pretty(index, pretty).context("cannot serialize the index")?;
    let tmp = path.with_extension("ron.tmp");
    let write_tmp = || -> std::io::Result<()> {
        let mut file = File::create(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.write_all(b"\n")?;
        file.sync_all()
    };
    write_tmp().with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, path)
        .with_context(|| format!("cannot replace {} with {}", path.display(), tmp.display()))?;
    if let Some(dir) = path.parent() {
        sync_dir(dir);
    }
    Ok(())
}

/// Make a rename durable. Best effort: not every platform can open a directory.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Index {
        let mut index = Index::default();
        index.envs.insert(
            "proj1".into(),
            Entry {
                path: "/data/envs/proj1".into(),
                managed: true,
                python: PythonRecord {
                    requested: Some("3.12".into()),
                    executable: "/usr/bin/python3.12".into(),
                    version: "3.12.1".into(),
                    implementation: "CPython".into(),
                },
                created: 1_700_000_000,
                last_used: Some(1_700_000_100),
                project: Some("/src/proj1".into()),
                flags: Flags {
                    pip: true,
                    system_site_packages: false,
                    prompt: Some("it's \"mine\"".into()),
                },
                incomplete: None,
                unrecorded: false,
            },
        );
        index
    }

    #[test]
    fn round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.ron");
        let index = sample();
        write(&path, &index).unwrap();
        assert_eq!(read(&path).unwrap(), index);
        assert!(!path.with_extension("ron.tmp").exists());
    }

    #[test]
    fn missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read(&dir.path().join("index.ron")).unwrap(),
            Index::default()
        );
    }

    #[test]
    fn corrupt_file_names_position() {
        let err = parse("(version: 1, envs: {\n  \"a\": (path: oops").unwrap_err();
        let msg = format!("{err:#}");
        assert!(msg.contains("line 2"), "{msg}");
    }

    #[test]
    fn newer_version_is_refused() {
        let err = parse("(version: 7, envs: {}, future: [1, 2])").unwrap_err();
        assert!(err.to_string().contains("newer envreg"), "{err}");
        let index = Index {
            version: 2,
            ..Index::default()
        };
        let dir = tempfile::tempdir().unwrap();
        assert!(write(&dir.path().join("index.ron"), &index).is_err());
    }

    #[test]
    fn fields_added_later_default() {
        let text = "(version: 1, envs: {\"a\": (path: \"/x\", managed: true, \
            python: (executable: \"/p\", version: \"3.12.1\", implementation: \"CPython\"), created: 5)})";
        let index = parse(text).unwrap();
        let a = &index.envs["a"];
        assert_eq!(a.last_used, None);
        assert_eq!(a.flags, Flags::default());
    }
}

//! The index schema (`index.ron`) and how it is read and written.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use super::name;
use crate::errors::hinted;
use crate::{fsutil, ui};

/// The newest schema version this binary reads and writes.
///
/// 2 added the optional entry fields `temp` and `vars`; 3 added `links`.
/// An index is written as the oldest version that holds what it uses, so
/// an older envreg (which would drop fields it does not know) keeps working
/// with it; once an entry uses a newer field, an older envreg says "upgrade
/// envreg" instead of silently dropping it.
pub const VERSION: u32 = 3;

/// The version `index` must be written as: the oldest that holds it.
fn needed_version(index: &Index) -> u32 {
    if index.envs.values().any(|e| !e.links.is_empty()) {
        3
    } else if index.envs.values().any(|e| e.temp || !e.vars.is_empty()) {
        2
    } else {
        1
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub version: u32,
    #[serde(default, deserialize_with = "deserialize_envs")]
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
    /// Made by `mkenv --temp`; `rm --temp` removes every such environment.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub temp: bool,
    /// Environment variables set while it is active (`set --var`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub vars: BTreeMap<String, String>,
    /// Directories whose `.venv` `envreg link` made a symlink to this
    /// environment (absolute); bound to it like its project.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<PathBuf>,
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

/// The largest index envreg reads: far beyond any real registry (an entry
/// is a few hundred bytes), small enough that a wrong file cannot eat memory.
pub const MAX_BYTES: u64 = 64 << 20;

/// Read the index at `path`. A missing file is an empty registry; an
/// unreadable or corrupt one is an error naming the file and the position.
pub fn read(path: &Path) -> Result<Index> {
    match open(path)? {
        None => Ok(Index::default()),
        Some(mut file) => parse_file(path, read_all(path, &mut file)?),
    }
}

/// Open the index for reading: `None` when there is none. Anything but a
/// regular file (a directory, FIFO, device) is an error, and is never
/// opened, so a FIFO cannot make envreg wait. A symlink is followed.
pub fn open(path: &Path) -> Result<Option<File>> {
    match fsutil::open_regular(path) {
        Ok(file) => Ok(Some(file)),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err).with_context(|| format!("cannot read the index {}", path.display())),
    }
}

/// Read an opened index, refusing one larger than [`MAX_BYTES`].
pub fn read_all(path: &Path, file: &mut File) -> Result<Vec<u8>> {
    fsutil::read_capped(
        file,
        MAX_BYTES,
        &format!(
            "it is larger than {} MiB, too large to be an index",
            MAX_BYTES >> 20
        ),
    )
    .with_context(|| format!("cannot read the index {}", path.display()))
}

/// Why an index could not be used.
#[derive(Debug, PartialEq)]
enum ParseError {
    /// Well-formed enough to tell it was written by a newer envreg.
    Newer(u32),
    /// Anything else: the detail names the position.
    Corrupt(String),
}

/// Parse the contents of the index at `path`. A corrupt file is an error
/// naming the file and the position; an index written by a newer envreg is
/// not corrupt, and the error says to upgrade.
pub fn parse_file(path: &Path, bytes: impl AsRef<[u8]>) -> Result<Index> {
    parse(bytes.as_ref()).map_err(|err| match err {
        ParseError::Newer(version) => anyhow::Error::new(hinted(
            format!(
                "the index {} was written by a newer envreg (schema version {version}; this \
                 envreg understands {VERSION}); it was left untouched",
                path.display()
            ),
            "upgrade envreg to use it",
        )),
        ParseError::Corrupt(detail) => anyhow::Error::new(
            hinted(
                format!(
                    "the index {} is corrupt; it was left untouched",
                    path.display()
                ),
                "fix it, or move it away and run any envreg command: every environment \
                 envreg built under envs/ is registered again (their projects come back from \
                 their .project files; last-used times and variables are lost)",
            )
            .because(anyhow::anyhow!(detail)),
        ),
    })
}

fn parse(bytes: &[u8]) -> Result<Index, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let at = err.valid_up_to();
        ParseError::Corrupt(format!(
            "not a RON index: invalid UTF-8 at {}",
            position(&bytes[..at])
        ))
    })?;
    let index: Index = match ron::from_str(text) {
        Ok(index) => index,
        Err(err) => {
            // A newer schema gets a clear message rather than a parse error
            // about some field or name we do not know.
            if let Ok(v) = ron::from_str::<VersionOnly>(text)
                && v.version > VERSION
            {
                return Err(ParseError::Newer(v.version));
            }
            if let Some((at, c)) = text.char_indices().find(|&(_, c)| is_binary(c)) {
                return Err(ParseError::Corrupt(format!(
                    "not a RON index: the control character U+{:04X} at {}",
                    c as u32,
                    position(&bytes[..at])
                )));
            }
            return Err(ParseError::Corrupt(format!(
                "line {}, column {}: {}",
                err.position.line,
                err.position.col,
                ui::shorten(&ui::escape_controls(&err.code.to_string()), 300)
            )));
        }
    };
    if index.version > VERSION {
        return Err(ParseError::Newer(index.version));
    }
    if index.version == 0 {
        return Err(ParseError::Corrupt("schema version 0 is not valid".into()));
    }
    // In memory every index is the newest schema; `write` picks the
    // version the file needs.
    let mut index = index;
    index.version = VERSION;
    Ok(index)
}

/// Not something a text file holds: NUL and the other control characters
/// but tab, newline and carriage return. (Only looked for once parsing
/// failed: a hand-edited index may hold anything inside a string.)
fn is_binary(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// "line L, column C (byte B)" of the end of `before`.
fn position(before: &[u8]) -> String {
    let text = String::from_utf8_lossy(before);
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    format!("line {line}, column {col} (byte {})", before.len())
}

/// The `envs` map, refusing what a BTreeMap would silently accept: a name
/// given twice (the last would win) and a name `mkenv` would refuse.
fn deserialize_envs<'de, D>(deserializer: D) -> Result<BTreeMap<String, Entry>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::de::{Error, MapAccess, Visitor};

    struct Envs;

    impl<'de> Visitor<'de> for Envs {
        type Value = BTreeMap<String, Entry>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map from environment names to entries")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut envs = BTreeMap::new();
            while let Some(name) = map.next_key::<String>()? {
                let escaped = name.escape_debug().to_string();
                let shown = ui::shorten(&escaped, 80);
                if let Err(why) = name::validate(&name) {
                    return Err(A::Error::custom(format_args!(
                        "the environment name \"{shown}\" is not valid: {why}"
                    )));
                }
                if envs.contains_key(&name) {
                    return Err(A::Error::custom(format_args!(
                        "the environment \"{shown}\" is listed twice"
                    )));
                }
                let entry = map.next_value::<Entry>()?;
                envs.insert(name, entry);
            }
            Ok(envs)
        }
    }

    deserializer.deserialize_map(Envs)
}

/// Write `index` atomically (see [`fsutil::write_atomic`]): readers see
/// either the old or the new file, never a half-written one. A symlinked
/// index is written through to its target.
pub fn write(path: &Path, index: &Index) -> Result<()> {
    if index.version > VERSION {
        bail!(
            "refusing to write {}: its schema version {} is newer than this envreg understands ({VERSION})",
            path.display(),
            index.version
        );
    }
    let mut index = index.clone();
    index.version = needed_version(&index);
    // One environment per line: readable, and half the size (and parse
    // time) of fully indented RON, which matters for `ls` with many envs.
    let pretty = ron::ser::PrettyConfig::default().depth_limit(2);
    let mut text =
        ron::ser::to_string_pretty(&index, pretty).context("cannot serialize the index")?;
    text.push('\n');
    fsutil::write_atomic(path, text.as_bytes())
        .with_context(|| format!("cannot write the index {}", path.display()))
}

/// Make a rename durable (best effort).
pub use crate::fsutil::sync_dir;

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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
                temp: false,
                vars: BTreeMap::new(),
                links: Vec::new(),
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
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["index.ron"], "no temporary file is left");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_at_the_old_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, dir.path().join("index.ron.tmp")).unwrap();
        let path = dir.path().join("index.ron");
        write(&path, &sample()).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(read(&path).unwrap(), sample());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_index_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let dotfiles = dir.path().join("dotfiles");
        fs::create_dir(&dotfiles).unwrap();
        let target = dotfiles.join("index.ron");
        write(&target, &Index::default()).unwrap();
        let link = dir.path().join("index.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write(&link, &sample()).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(read(&target).unwrap(), sample());
        assert_eq!(read(&link).unwrap(), sample());
    }

    #[test]
    fn a_huge_file_is_not_an_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.ron");
        let file = File::create(&path).unwrap();
        file.set_len(MAX_BYTES + 1).unwrap();
        let msg = format!("{:#}", read(&path).unwrap_err());
        assert!(msg.contains("too large to be an index"), "{msg}");
    }

    #[test]
    fn version_2_only_when_an_entry_needs_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.ron");
        let mut index = sample();
        write(&path, &index).unwrap();
        assert!(fs::read_to_string(&path).unwrap().contains("version: 1"));
        index.envs.get_mut("proj1").unwrap().temp = true;
        write(&path, &index).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("version: 2") && text.contains("temp: true"),
            "{text}"
        );
        let back = read(&path).unwrap();
        assert!(back.envs["proj1"].temp);
        index.envs.get_mut("proj1").unwrap().temp = false;
        index
            .envs
            .get_mut("proj1")
            .unwrap()
            .vars
            .insert("K".into(), "v".into());
        write(&path, &index).unwrap();
        assert!(fs::read_to_string(&path).unwrap().contains("version: 2"));
        index
            .envs
            .get_mut("proj1")
            .unwrap()
            .links
            .push("/src/x".into());
        write(&path, &index).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("version: 3") && text.contains("/src/x"),
            "{text}"
        );
        assert_eq!(
            read(&path).unwrap().envs["proj1"].links,
            [PathBuf::from("/src/x")]
        );
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
        let msg = corrupt("(version: 1, envs: {\n  \"a\": (path: oops");
        assert!(msg.contains("line 2"), "{msg}");
    }

    fn corrupt(text: impl AsRef<[u8]>) -> String {
        match parse(text.as_ref()) {
            Err(ParseError::Corrupt(detail)) => detail,
            other => panic!("expected corruption: {other:?}"),
        }
    }

    /// What `main` prints for the error, hint lines included.
    fn message(text: impl AsRef<[u8]>) -> String {
        crate::errors::render(&parse_file(Path::new("/h/index.ron"), text).unwrap_err())
    }

    const ENTRY: &str = "(path: \"/x\", managed: true, python: (executable: \"/p\", \
        version: \"3.12.1\", implementation: \"CPython\"), created: 5)";

    #[test]
    fn a_name_listed_twice_is_corruption_with_its_position() {
        let text = format!("(version: 1, envs: {{\n\"a\": {ENTRY},\n\"a\": {ENTRY},\n}})");
        let detail = corrupt(&text);
        assert!(detail.starts_with("line 3, column "), "{detail}");
        assert!(detail.contains("\"a\" is listed twice"), "{detail}");
        let msg = message(&text);
        assert!(
            msg.contains("corrupt") && msg.contains("/h/index.ron"),
            "{msg}"
        );
    }

    #[test]
    fn a_name_mkenv_refuses_is_corruption_with_its_position() {
        for (name, why) in [
            ("a b", "a space"),
            ("../x", "must start with"),
            ("nul.txt", "reserved device name"),
            ("Com1", "reserved device name"),
            ("", "empty"),
        ] {
            let text = format!("(version: 1, envs: {{\n  \"ok\": {ENTRY},\n  {name:?}: {ENTRY}}})");
            let detail = corrupt(&text);
            assert!(detail.starts_with("line 3, column "), "{detail}");
            assert!(
                detail.contains("is not valid") && detail.contains(why),
                "{detail}"
            );
        }
        // A control character in a name is shown escaped.
        let text = format!("(version: 1, envs: {{\"a\\u{{1b}}[2J\": {ENTRY}}})");
        let detail = corrupt(&text);
        assert!(
            detail.contains("a\\u{1b}[2J") && !detail.contains('\x1b'),
            "{detail}"
        );
    }

    #[test]
    fn binary_garbage_is_not_a_ron_index() {
        let detail = corrupt(b"(version: 1,\n  \xff\xfe envs: {})");
        assert_eq!(
            detail,
            "not a RON index: invalid UTF-8 at line 2, column 3 (byte 15)"
        );
        let detail = corrupt(b"(version\0\0\0: 1)");
        assert_eq!(
            detail,
            "not a RON index: the control character U+0000 at line 1, column 9 (byte 8)"
        );
        let detail = corrupt(b"\x7fELF\x02\x01\x01");
        assert!(
            detail.starts_with("not a RON index: the control character U+007F at line 1, column 1"),
            "{detail}"
        );
        let msg = message(b"\x89PNG\r\n\x1a\n\0\0");
        assert!(
            msg.contains("not a RON index") && msg.contains("byte 0"),
            "{msg}"
        );
        // A raw control character inside a string of a valid index is fine.
        let text = "(version: 1, envs: {\"a\": (path: \"/x\", managed: true, python: \
            (executable: \"/p\", version: \"3.12\x1b\", implementation: \"C\"), created: 5)})";
        assert_eq!(
            parse(text.as_bytes()).unwrap().envs["a"].python.version,
            "3.12\x1b"
        );
    }

    #[test]
    fn a_newer_index_says_upgrade_never_corrupt() {
        let texts = [
            "(version: 7, envs: {}, future: [1, 2])".to_string(),
            // Entries a newer envreg writes: unknown fields, a missing one.
            "(version: 4, envs: {\"a\": (path: \"/x\", home: Some(\"/y\"))}, x: 1)".to_string(),
            // Names this version refuses, listed twice.
            format!("(version: 4, envs: {{\"café\": {ENTRY}, \"café\": {ENTRY}}})"),
        ];
        for text in texts {
            let msg = message(&text);
            assert!(
                msg.contains("newer envreg") && msg.contains("upgrade envreg"),
                "{msg}"
            );
            assert!(
                !msg.contains("corrupt") && !msg.contains("move it away"),
                "{msg}"
            );
        }
    }

    #[test]
    fn newer_version_is_refused() {
        let err = parse(b"(version: 7, envs: {}, future: [1, 2])").unwrap_err();
        assert_eq!(err, ParseError::Newer(7));
        let index = Index {
            version: VERSION + 1,
            ..Index::default()
        };
        let dir = tempfile::tempdir().unwrap();
        assert!(write(&dir.path().join("index.ron"), &index).is_err());
    }

    #[test]
    fn fields_added_later_default() {
        let text = "(version: 1, envs: {\"a\": (path: \"/x\", managed: true, \
            python: (executable: \"/p\", version: \"3.12.1\", implementation: \"CPython\"), created: 5)})";
        let index = parse(text.as_bytes()).unwrap();
        let a = &index.envs["a"];
        assert_eq!(a.last_used, None);
        assert_eq!(a.flags, Flags::default());
    }
}

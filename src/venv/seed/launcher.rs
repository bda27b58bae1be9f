//! Console-script launchers: which ones to write, their shebang and body.

use std::path::Path;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::python::Platform;

/// A `name = module:attr` line of entry_points.txt's `[console_scripts]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryPoint {
    pub name: String,
    pub module: String,
    /// A dotted attribute path inside the module, e.g. `main` or `cli.main`.
    pub attr: String,
}

/// Read the console (and, like pip on POSIX, GUI) scripts from the text of an
/// entry_points.txt. `origin` names the file in errors.
pub fn parse_entry_points(text: &str, origin: &str) -> Result<Vec<EntryPoint>> {
    let mut out = Vec::new();
    let mut in_scripts = false;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            in_scripts = matches!(section.trim(), "console_scripts" | "gui_scripts");
            continue;
        }
        if !in_scripts {
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            bail!("{origin}: expected `name = module:function`, found {line:?}");
        };
        // Drop extras (`module:func [extra]`): they only matter to resolvers.
        let value = value.split('[').next().unwrap_or_default().trim();
        let Some((module, attr)) = value.split_once(':') else {
            bail!("{origin}: entry point {line:?} names no function (`module:function`)");
        };
        let (name, module, attr) = (name.trim(), module.trim(), attr.trim());
        if !is_dotted_identifier(module) || !is_dotted_identifier(attr) {
            bail!("{origin}: entry point {line:?} is not of the form `module:function`");
        }
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            bail!("{origin}: entry point name {name:?} is not a valid file name");
        }
        out.push(EntryPoint {
            name: name.to_string(),
            module: module.to_string(),
            attr: attr.to_string(),
        });
    }
    Ok(out)
}

fn is_dotted_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|part| {
            part.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// The launcher names to write for `entry_points` on Python `major.minor`,
/// renaming version-suffixed ones the way pip does when it installs itself:
/// `pip`, `pip3`, `pip3.X` (pip's wheel lists `pip3.Y` for the Python it was
/// built on) and `easy_install`, `easy_install-3.X`.
pub fn script_names(
    entry_points: &[EntryPoint],
    major: u32,
    minor: u32,
) -> Vec<(String, &EntryPoint)> {
    let mut out: Vec<(String, &EntryPoint)> = Vec::new();
    for ep in entry_points {
        if is_versioned_variant(&ep.name, "pip", ".") {
            if ep.name == "pip" {
                out.push(("pip".into(), ep));
                out.push((format!("pip{major}"), ep));
                out.push((format!("pip{major}.{minor}"), ep));
            }
        } else if is_versioned_variant(&ep.name, "easy_install", "-") {
            if ep.name == "easy_install" {
                out.push(("easy_install".into(), ep));
                out.push((format!("easy_install-{major}.{minor}"), ep));
            }
        } else {
            out.push((ep.name.clone(), ep));
        }
    }
    // A wheel listing only `pip3` (no plain `pip`) still gets nothing extra;
    // drop duplicates while keeping the first occurrence.
    let mut seen = std::collections::HashSet::new();
    out.retain(|(name, _)| seen.insert(name.clone()));
    out
}

/// `base`, `base3`, `base3.9` (sep ".") or `base-3.9` (sep "-").
fn is_versioned_variant(name: &str, base: &str, sep: &str) -> bool {
    let Some(rest) = name.strip_prefix(base) else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let rest = if sep == "-" {
        match rest.strip_prefix('-') {
            Some(r) => r,
            None => return false,
        }
    } else {
        rest
    };
    let mut parts = rest.split('.');
    let major_ok = parts
        .next()
        .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let minor_ok = parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    major_ok && minor_ok && rest.split('.').count() <= 2
}

/// The first line(s) of a launcher run by `python`, ending without a newline.
///
/// A plain `#!<python>` when the kernel can take it; otherwise (whitespace in
/// the path, or a line longer than the limit: 127 bytes on Linux, 512 on
/// macOS) a `/bin/sh` trampoline: sh runs the second line, which re-executes
/// the file with the quoted python, while Python reads that line as the start
/// of a string literal that the third line closes.
pub fn shebang(python: &Path, platform: &Platform) -> Result<String> {
    let Some(exe) = python.to_str() else {
        bail!(
            "cannot write pip launchers for {}: the path is not valid UTF-8; \
             use an environment path in UTF-8",
            python.display()
        );
    };
    if exe.contains(['\n', '\r']) {
        bail!(
            "cannot write pip launchers for {exe:?}: the path contains a line break; \
             use an environment path without one"
        );
    }
    let limit = if *platform == Platform::Darwin {
        512
    } else {
        127
    };
    // "#!" + path + "\n"
    let simple = exe.len() + 3 <= limit && !exe.contains(|c: char| c.is_ascii_whitespace());
    if simple {
        return Ok(format!("#!{exe}"));
    }
    if exe.contains('\\') {
        // Python would read the backslash as an escape inside the string
        // literal that hides the sh line, which may not even parse.
        bail!(
            "cannot write pip launchers for {exe:?}: a path with spaces or longer than \
             {limit} bytes needs a /bin/sh launcher, which cannot hold a backslash; \
             use an environment path without backslashes"
        );
    }
    // sh single quotes; a quote inside is closed, emitted in double quotes,
    // and reopened. This never puts three single quotes in a row, which would
    // end Python's string literal early.
    let quoted = format!("'{}'", exe.replace('\'', r#"'"'"'"#));
    Ok(format!("#!/bin/sh\n'''exec' {quoted} \"$0\" \"$@\"\n' '''"))
}

/// The whole launcher file for `ep` after `shebang`.
pub fn script(shebang: &str, ep: &EntryPoint) -> String {
    format!("{shebang}\n{}", script_body(ep))
}

/// The Python code of a launcher for `ep`, without a shebang.
pub fn script_body(ep: &EntryPoint) -> String {
    let head = ep.attr.split('.').next().unwrap_or(&ep.attr);
    format!(
        "# -*- coding: utf-8 -*-\n\
         import re\n\
         import sys\n\
         from {module} import {head}\n\
         if __name__ == \"__main__\":\n    \
         sys.argv[0] = re.sub(r\"(-script\\.pyw|\\.exe)?$\", \"\", sys.argv[0])\n    \
         sys.exit({attr}())\n",
        module = ep.module,
        attr = ep.attr,
    )
}

/// Where pip's wheel keeps the Windows console-launcher stub (distlib's) for
/// a build with pointers of `pointer_size` bytes, relative to site-packages.
pub fn windows_stub(pointer_size: u32) -> &'static str {
    if pointer_size == 4 {
        "pip/_vendor/distlib/t32.exe"
    } else {
        "pip/_vendor/distlib/t64.exe"
    }
}

/// The shebang line (without line end) the Windows stub reads to find the
/// interpreter: `#!C:\env\Scripts\python.exe`, quoted when it has a space.
pub fn windows_shebang(python: &Path) -> Result<String> {
    let Some(exe) = python.to_str() else {
        bail!(
            "cannot write pip launchers for {}: the path is not valid UTF-8; \
             use an environment path in UTF-8",
            python.display()
        );
    };
    if exe.contains(['\n', '\r', '"']) {
        bail!(
            "cannot write pip launchers for {exe:?}: the path contains a line break or a \
             double quote; use an environment path without one"
        );
    }
    Ok(if exe.contains(' ') {
        format!("#!\"{exe}\"")
    } else {
        format!("#!{exe}")
    })
}

/// A Windows console launcher as pip's own installer (distlib) writes it:
/// the `stub` executable, then the shebang line ending in CRLF, then a zip
/// archive holding the script as `__main__.py`. The stub finds the archive
/// at its own end, reads the shebang and runs `python.exe <itself>`, which
/// Python executes as a zip application.
pub fn windows_exe(stub: &[u8], shebang: &str, ep: &EntryPoint) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("__main__.py", options)?;
    zip.write_all(script_body(ep).as_bytes())?;
    let archive = zip.finish()?.into_inner();
    let mut out = Vec::with_capacity(stub.len() + shebang.len() + 2 + archive.len());
    out.extend_from_slice(stub);
    out.extend_from_slice(shebang.as_bytes());
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&archive);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ep(name: &str) -> EntryPoint {
        EntryPoint {
            name: name.into(),
            module: "pip._internal.cli.main".into(),
            attr: "main".into(),
        }
    }

    #[test]
    fn parses_console_scripts_only() {
        let text = "[console_scripts]\npip = pip._internal.cli.main:main\n\
                    pip3.9 = pip._internal.cli.main:main\n\n\
                    [distutils.commands]\nalias = setuptools.command.alias:alias\n\
                    [gui_scripts]\n# comment\ntool = pkg.mod:obj.run [extra]\n";
        let eps = parse_entry_points(text, "x").unwrap();
        let names: Vec<_> = eps.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["pip", "pip3.9", "tool"]);
        assert_eq!(eps[2].module, "pkg.mod");
        assert_eq!(eps[2].attr, "obj.run");
    }

    #[test]
    fn rejects_malformed_entry_points() {
        for bad in [
            "[console_scripts]\npip\n",
            "[console_scripts]\npip = pip\n",
            "[console_scripts]\npip = os; rm:x\n",
            "[console_scripts]\n../x = a:b\n",
        ] {
            let err = parse_entry_points(bad, "pip-1.dist-info/entry_points.txt").unwrap_err();
            assert!(err.to_string().contains("entry_points.txt"), "{err}");
        }
    }

    #[test]
    fn pip_scripts_follow_the_target_version() {
        let eps = [ep("pip"), ep("pip3"), ep("pip3.9")];
        let names: Vec<_> = script_names(&eps, 3, 12)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["pip", "pip3", "pip3.12"]);
        // pip 24 lists only pip and pip3; pip3.X is still written.
        let names: Vec<_> = script_names(&eps[..2], 3, 13)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["pip", "pip3", "pip3.13"]);
    }

    #[test]
    fn easy_install_follows_the_target_version() {
        let eps = [ep("easy_install"), ep("easy_install-3.8"), ep("other")];
        let names: Vec<_> = script_names(&eps, 3, 7)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["easy_install", "easy_install-3.7", "other"]);
        assert!(!is_versioned_variant("pipx", "pip", "."));
        assert!(!is_versioned_variant("pip3.9.1", "pip", "."));
        assert!(!is_versioned_variant("easy_install3", "easy_install", "-"));
    }

    #[test]
    fn plain_shebang() {
        let s = shebang(Path::new("/home/u/envs/a/bin/python"), &Platform::Linux).unwrap();
        assert_eq!(s, "#!/home/u/envs/a/bin/python");
    }

    #[test]
    fn space_uses_trampoline() {
        let s = shebang(Path::new("/home/u/my envs/a/bin/python"), &Platform::Linux).unwrap();
        assert_eq!(
            s,
            "#!/bin/sh\n'''exec' '/home/u/my envs/a/bin/python' \"$0\" \"$@\"\n' '''"
        );
    }

    #[test]
    fn long_path_uses_trampoline_at_the_limit() {
        // 124 bytes of path + "#!" + "\n" = 127: still plain.
        let fits = format!("/{}", "a".repeat(123));
        assert_eq!(
            shebang(Path::new(&fits), &Platform::Linux).unwrap(),
            format!("#!{fits}")
        );
        let long = format!("/{}", "a".repeat(124));
        let s = shebang(Path::new(&long), &Platform::Linux).unwrap();
        assert!(s.starts_with("#!/bin/sh\n'''exec' '/aaa"), "{s}");
        // macOS allows longer lines.
        assert_eq!(
            shebang(Path::new(&long), &Platform::Darwin).unwrap(),
            format!("#!{long}")
        );
    }

    #[test]
    fn single_quote_in_path() {
        let s = shebang(Path::new("/tmp/it's here/bin/python"), &Platform::Linux).unwrap();
        assert_eq!(
            s,
            "#!/bin/sh\n'''exec' '/tmp/it'\"'\"'s here/bin/python' \"$0\" \"$@\"\n' '''"
        );
        // A quote with no space keeps the plain form: the kernel does not care.
        let s = shebang(Path::new("/tmp/it's/bin/python"), &Platform::Linux).unwrap();
        assert_eq!(s, "#!/tmp/it's/bin/python");
        // Quotes at the edges never make three in a row.
        let s = shebang(Path::new("/tmp/'' x'/python"), &Platform::Linux).unwrap();
        assert_eq!(s.matches("'''").count(), 2, "{s}");
    }

    #[test]
    fn unusable_paths_are_refused_with_reasons() {
        let err = shebang(Path::new("/a b\\c/python"), &Platform::Linux).unwrap_err();
        assert!(err.to_string().contains("backslash"), "{err}");
        let err = shebang(Path::new("/a\nb/python"), &Platform::Linux).unwrap_err();
        assert!(err.to_string().contains("line break"), "{err}");
    }

    #[test]
    fn script_body_calls_the_entry_point() {
        let body = script(
            "#!/x/python",
            &EntryPoint {
                name: "t".into(),
                module: "pkg.cli".into(),
                attr: "app.main".into(),
            },
        );
        assert!(body.starts_with("#!/x/python\n"));
        assert!(body.contains("from pkg.cli import app\n"));
        assert!(body.contains("    sys.exit(app.main())\n"));
        assert!(body.contains(r#"re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])"#));
    }
}

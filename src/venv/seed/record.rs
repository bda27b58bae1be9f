//! RECORD files: the hash format and the CSV lines pip reads on uninstall.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// `sha256=<urlsafe base64 without padding>` of `data`, as RECORD writes it.
pub fn hash(data: &[u8]) -> String {
    format!("sha256={}", URL_SAFE_NO_PAD.encode(Sha256::digest(data)))
}

/// One RECORD line (with its newline) for a file at `path` (relative to
/// site-packages, '/'-separated). `hash` and `size` are empty for RECORD itself.
pub fn line(path: &str, hash: &str, size: Option<u64>) -> String {
    let size = size.map(|s| s.to_string()).unwrap_or_default();
    format!("{},{hash},{size}\n", csv_field(path))
}

/// Quote a CSV field the way Python's csv module does when it has to.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Parse one RECORD line into (path, hash). Paths may be quoted; hash and size
/// never contain commas, so the line is split from the right.
pub fn parse_line(line: &str) -> Option<(String, String)> {
    let mut parts = line.rsplitn(3, ',');
    let _size = parts.next()?;
    let hash = parts.next()?;
    let path = parts.next()?;
    let path = match path.strip_prefix('"').and_then(|p| p.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => path.to_string(),
    };
    Some((path, hash.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_of_empty_file_matches_pip() {
        // The value pip writes for an empty REQUESTED file.
        assert_eq!(
            hash(b""),
            "sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"
        );
    }

    #[test]
    fn lines_quote_only_when_needed() {
        assert_eq!(
            line("pip/__init__.py", "sha256=abc", Some(12)),
            "pip/__init__.py,sha256=abc,12\n"
        );
        assert_eq!(
            line("x.dist-info/RECORD", "", None),
            "x.dist-info/RECORD,,\n"
        );
        assert_eq!(line("a,b\"c", "h", Some(1)), "\"a,b\"\"c\",h,1\n");
    }

    #[test]
    fn parse_round_trips() {
        for path in ["pip/__init__.py", "a,b\"c", "../../../bin/pip"] {
            let l = line(path, "sha256=xyz", Some(3));
            let (p, h) = parse_line(l.trim_end()).unwrap();
            assert_eq!(p, path);
            assert_eq!(h, "sha256=xyz");
        }
        assert_eq!(parse_line("no-commas"), None);
    }
}

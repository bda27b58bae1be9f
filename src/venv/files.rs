//! Creating files for environments and the seed cache: always exclusively
//! (`O_CREAT|O_EXCL`), so a file or symlink already at the path, planted or
//! left over, makes the write fail instead of being written through.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Create `path`, which must not exist, with `content` and permission bits
/// `mode` (before the umask; ignored off Unix).
pub fn write_new(path: &Path, content: &[u8], mode: u32) -> io::Result<()> {
    let mut file = create_new(path, mode)?;
    file.write_all(content)
}

/// Copy `from` to `to`, which must not exist, keeping `from`'s permission
/// bits (a read-only seed file stays read-only).
pub fn copy_new(from: &Path, to: &Path) -> io::Result<()> {
    let mut src = File::open(from)?;
    let meta = src.metadata()?;
    #[cfg(unix)]
    let mode = std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o7777;
    #[cfg(not(unix))]
    let mode = 0o644;
    let mut dst = create_new(to, mode)?;
    io::copy(&mut src, &mut dst)?;
    #[cfg(not(unix))]
    if meta.permissions().readonly() {
        dst.set_permissions(meta.permissions())?;
    }
    Ok(())
}

fn create_new(path: &Path, mode: u32) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_symlink_or_file_at_the_path_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let dangling = dir.path().join("dangling");
        let absent = dir.path().join("absent");
        std::os::unix::fs::symlink(&absent, &dangling).unwrap();
        let source = dir.path().join("source");
        std::fs::write(&source, "new").unwrap();

        for path in [&link, &victim, &dangling] {
            let err = write_new(path, b"new", 0o644).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::AlreadyExists, "{path:?}");
            let err = copy_new(&source, path).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::AlreadyExists, "{path:?}");
        }
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(!absent.exists(), "a dangling link's target was created");
    }

    #[cfg(unix)]
    #[test]
    fn modes_are_set_and_copies_keep_them() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ro = dir.path().join("ro");
        write_new(&ro, b"data", 0o444).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ro), 0o444);
        let copy = dir.path().join("copy");
        copy_new(&ro, &copy).unwrap();
        assert_eq!(mode(&copy), 0o444);
        assert_eq!(std::fs::read(&copy).unwrap(), b"data");
    }
}

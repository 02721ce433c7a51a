//! Every file casebook writes for the user goes through here, so that three
//! promises hold in one place:
//!
//! - a failure never leaves half a file (written beside, synced, renamed);
//! - no output ever lands on the diary, its `-wal`/`-shm`/`-journal`, or in
//!   the backups folder: compared by file identity (device and inode, after
//!   following symlinks), so another spelling, a symlink or a hard link to
//!   the diary is caught as well as its own name;
//! - what is written is the user's alone: files 0600, casebook's folders
//!   0700, whatever the umask.
//!
//! An output path that is a symlink is written through (its target is
//! replaced, the link stays); a FIFO is streamed to; a device is refused.
//!
//! Permissions are Unix bits (Linux and macOS). On Windows a new file
//! inherits the ACL of its folder, which under the user's profile (where
//! casebook's data directory is) is already user-only; the same intent.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The mode of every file casebook creates: the user's alone.
pub const FILE_MODE: u32 = 0o600;
/// The mode of every folder casebook creates.
pub const DIR_MODE: u32 = 0o700;

/// A refused output path, in the catalogue's words (`error-output-…`).
fn refused(id: &'static str, path: &Path) -> Error {
    Error::user(crate::error::Msg::new(id).text("path", path.display().to_string()))
}

/// "cannot write PATH: the folder DIR does not exist".
fn no_folder(path: &Path, dir: &Path) -> Error {
    Error::user(
        crate::error::Msg::new("error-write-no-folder")
            .text("path", path.display().to_string())
            .text("folder", dir.display().to_string()),
    )
}

/// The files no output may replace: the diary, its companions, and
/// everything in the backups folder.
#[derive(Debug, Clone)]
pub struct Protected {
    /// The diary and the files SQLite keeps beside it.
    files: Vec<PathBuf>,
    backups: PathBuf,
}

impl Protected {
    /// For the diary at `db` whose backups go to `backups`.
    pub fn new(db: &Path, backups: &Path) -> Protected {
        let files = ["", "-wal", "-shm", "-journal"]
            .iter()
            .map(|suffix| {
                let mut name = db.as_os_str().to_os_string();
                name.push(suffix);
                PathBuf::from(name)
            })
            .collect();
        Protected {
            files,
            backups: backups.to_path_buf(),
        }
    }

    /// Refuses `target` (already resolved) when it is one of the diary's own
    /// files; also when it is in the backups folder unless `backups_ok`.
    fn check(&self, shown: &Path, target: &Path, backups_ok: bool) -> Result<()> {
        let place = Place::of(target);
        if self
            .files
            .iter()
            .any(|f| place.is_some_and(|p| Place::of(f) == Some(p)) || same_file(f, target))
        {
            return Err(refused("error-output-is-diary", shown));
        }
        let folder = parent_of(target);
        if !backups_ok && (same_file(&self.backups, folder) || same_file(&self.backups, target)) {
            return Err(refused("error-output-in-backups", shown));
        }
        Ok(())
    }
}

/// Where a path points: its folder's identity and its own name, so that a
/// file that does not exist yet (a `-wal` after a clean close) is still
/// recognised under any spelling of its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place<'a> {
    folder: FileId,
    name: &'a std::ffi::OsStr,
}

impl<'a> Place<'a> {
    fn of(path: &'a Path) -> Option<Place<'a>> {
        Some(Place {
            folder: FileId::of(parent_of(path))?,
            name: path.file_name()?,
        })
    }
}

/// A file's identity: device and inode on Unix; elsewhere its canonical path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId(u64, u64);

impl FileId {
    /// The identity of what `path` points at (symlinks followed), if it exists.
    #[cfg(unix)]
    pub fn of(path: &Path) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path).ok()?;
        Some(FileId(m.dev(), m.ino()))
    }

    #[cfg(not(unix))]
    pub fn of(path: &Path) -> Option<FileId> {
        use std::hash::{Hash, Hasher};
        let canonical = path.canonicalize().ok()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        canonical.hash(&mut h);
        Some(FileId(0, h.finish()))
    }
}

/// True when `a` and `b` are the same existing file, however spelt.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (FileId::of(a), FileId::of(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Follows symlinks from `path` to the file they end at (which may not exist
/// yet): writing there replaces the target and keeps the link.
fn resolve(path: &Path) -> Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&current).map_err(|e| {
                    Error::io(
                        crate::error::Msg::new("doing-read-link")
                            .text("path", current.display().to_string()),
                        e,
                    )
                })?;
                current = if link.is_absolute() {
                    link
                } else {
                    parent_of(&current).join(link)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(refused("error-output-too-many-links", path))
}

/// What kind of thing an output path names, once links are followed.
enum Target {
    /// A regular file, or nothing yet: written atomically.
    File(PathBuf),
    /// A named pipe (or `/dev/stdout` on a pipe): streamed to.
    Fifo(PathBuf),
}

fn target_of(path: &Path, protected: &Protected, backups_ok: bool) -> Result<Target> {
    let target = resolve(path)?;
    protected.check(path, &target, backups_ok)?;
    let Ok(meta) = std::fs::metadata(&target) else {
        let dir = parent_of(&target);
        if !dir.is_dir() {
            return Err(no_folder(path, dir));
        }
        return Ok(Target::File(target));
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(refused("error-output-is-folder", path));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Ok(Target::Fifo(target));
        }
        if kind.is_block_device() || kind.is_char_device() || kind.is_socket() {
            return Err(refused("error-output-is-device", path));
        }
    }
    Ok(Target::File(target))
}

/// Writes an output file (`--out`, an export, a report): refused when it
/// would land on the diary, its companions or in the backups folder;
/// through a symlink to its target; streamed to a FIFO; refused on a device.
/// A regular file is written atomically and is the user's alone (0600).
pub fn write_output(path: &Path, bytes: &[u8], protected: &Protected) -> Result<()> {
    match target_of(path, protected, false)? {
        Target::File(target) => write_atomically(&target, bytes),
        Target::Fifo(target) => std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()))
            .map_err(|e| Error::cannot_write(path, &e)),
    }
}

/// Checks, before any work is done, that [`write_output`] would accept
/// `path`: so a refused `--out` changes nothing (no request recorded, no
/// erasure made).
pub fn check_output(path: &Path, protected: &Protected) -> Result<()> {
    target_of(path, protected, false).map(drop)
}

/// Where a database copy (`casebook backup PATH`) may be written: not over
/// the diary or its companions (the backups folder is its home), through a
/// symlink to its target, never to a device or FIFO (SQLite needs a file).
pub fn copy_destination(path: &Path, protected: &Protected) -> Result<PathBuf> {
    match target_of(path, protected, true)? {
        Target::File(target) => Ok(target),
        Target::Fifo(_) => Err(refused("error-output-is-device", path)),
    }
}

/// Writes `bytes` to a temporary file (0600) beside `path`, syncs it, then
/// renames it into place: readers see the old file or the new one, never a
/// torn one. Callers with a user-given path use [`write_output`].
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent_of(path);
    if !dir.is_dir() {
        return Err(no_folder(path, dir));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "casebook-output".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let fail = |e: std::io::Error| Error::cannot_write(path, &e);
    let _ = std::fs::remove_file(&tmp);
    let result = (|| -> std::io::Result<()> {
        let mut f = create_private(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)?;
    sync_dir(dir);
    Ok(())
}

/// Creates a new file (it must not exist) readable and writable by the user
/// only, whatever the umask.
pub fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    let file = options.open(path)?;
    // The umask may only take bits away; set exactly the mode we mean.
    restrict(path, FILE_MODE)?;
    Ok(file)
}

/// Creates `dir` and any missing parents, each new folder the user's alone
/// (0700). An existing folder is left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(DIR_MODE);
    }
    builder.create(dir)
}

/// Takes group and other permissions away from an existing file or folder
/// of casebook's (a diary or backup made by an older casebook was 0644).
/// Best effort: a file owned by someone else is left as it is.
pub fn tighten(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = std::fs::metadata(path)
            && m.permissions().mode() & 0o077 != 0
            && (m.is_file() || m.is_dir())
        {
            let mode = if m.is_dir() { DIR_MODE } else { FILE_MODE };
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).expect("meta").permissions().mode() & 0o777
    }

    #[test]
    fn outputs_never_land_on_the_diary_under_any_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("o.db");
        std::fs::write(&db, b"diary").expect("write");
        let backups = dir.path().join("backups");
        std::fs::create_dir(&backups).expect("mkdir");
        std::fs::write(backups.join("o-2026-01-01.db"), b"backup").expect("write");
        let p = Protected::new(&db, &backups);
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&db, &link).expect("symlink");
        let hard = dir.path().join("hard.db");
        std::fs::hard_link(&db, &hard).expect("hard link");
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).expect("mkdir");
        for path in [
            db.clone(),
            sub.join("..").join("o.db"),
            link.clone(),
            hard.clone(),
            dir.path().join("o.db-wal"),
            dir.path().join("o.db-shm"),
            sub.join("../o.db-journal"),
            backups.join("o-2026-01-01.db"),
            backups.join("new.txt"),
        ] {
            let e = write_output(&path, b"report", &p).expect_err("refused");
            assert!(e.to_string().contains("nothing was written"), "{e}");
        }
        assert_eq!(std::fs::read(&db).expect("read"), b"diary");
        assert!(!dir.path().join("o.db-wal").exists());
        // A backup may go into the backups folder, never over the diary.
        assert!(copy_destination(&backups.join("copy.db"), &p).is_ok());
        assert!(copy_destination(&dir.path().join("o.db-wal"), &p).is_err());
    }

    #[test]
    fn a_symlink_is_written_through_and_files_are_private() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = Protected::new(&dir.path().join("o.db"), &dir.path().join("backups"));
        let real = dir.path().join("real.txt");
        std::fs::write(&real, b"old").expect("write");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("real.txt", &link).expect("symlink");
        write_output(&link, b"new", &p).expect("write");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
        assert_eq!(mode(&real), 0o600);
        let folder = dir.path().join("a/b");
        create_private_dir(&folder).expect("mkdir");
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        let e = write_output(dir.path(), b"x", &p).expect_err("a folder");
        assert!(e.to_string().contains("is a folder"), "{e}");
    }

    #[test]
    fn a_device_is_refused() {
        use std::os::unix::fs::FileTypeExt;
        let p = Protected::new(Path::new("/nonexistent/o.db"), Path::new("/nonexistent/b"));
        let e = write_output(Path::new("/dev/null"), b"x", &p).expect_err("device");
        assert!(e.to_string().contains("is a device"), "{e}");
        let kind = std::fs::symlink_metadata("/dev/null")
            .expect("meta")
            .file_type();
        assert!(kind.is_char_device(), "the device node is untouched");
    }
}

/// Creates `path`, which must not exist, readable by its owner only, and
/// writes `bytes`, synced. A failure removes the part-written file.
pub fn write_new_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => refused("error-output-exists", path),
        _ => Error::io(
            crate::error::Msg::new("doing-create").text("path", path.display().to_string()),
            e,
        ),
    })?;
    let result = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = result {
        let _ = std::fs::remove_file(path);
        return Err(Error::cannot_write(path, &e));
    }
    Ok(())
}

/// `stem.ext` in the current folder, or `stem-2.ext`, `stem-3.ext`… the
/// first that does not exist yet.
pub fn new_private_file_name(stem: &str, ext: &str) -> std::path::PathBuf {
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut path = std::path::PathBuf::from(format!("{stem}.{ext}"));
    let mut n = 2;
    while path.exists() {
        path = std::path::PathBuf::from(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    path
}

/// Makes a rename durable. Best effort: not every platform can open a folder.
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

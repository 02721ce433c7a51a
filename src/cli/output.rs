//! Writing a personal-data file the user named: never over an existing
//! file (so never over the diary, its journal or a backup), never into the
//! backups folder, readable by the owner only.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Env;
use crate::{Error, Result};

/// Refuses a path that is the diary, one of its journal files, or in the
/// backups folder, whether or not it exists yet.
pub(crate) fn check_not_diary(env: &Env, path: &Path) -> Result<()> {
    let absolute = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // The folder may be a symlink: compare what it resolves to.
        match (p.parent(), p.file_name()) {
            (Some(dir), Some(name)) => dir.canonicalize().unwrap_or(dir.to_path_buf()).join(name),
            _ => p,
        }
    };
    let target = absolute(path);
    let db = absolute(&env.db_path);
    for suffix in ["", "-wal", "-shm", "-journal"] {
        if target == crate::store::sibling_path(&db, suffix) {
            return Err(Error::invalid(format!(
                "{} is the diary's own file: choose another --out",
                path.display()
            )));
        }
    }
    let backups = crate::backup::backup_dir(&env.db_path, &env.config.backup);
    let backups = backups.canonicalize().unwrap_or(absolute(&backups));
    if target.starts_with(&backups) {
        return Err(Error::invalid(format!(
            "{} is in the backups folder: choose another --out",
            path.display()
        )));
    }
    Ok(())
}

/// Creates `path` (it must not exist) with mode 0600 and writes `bytes`,
/// synced. A failure removes the part-written file.
pub(crate) fn write_new_private(env: &Env, path: &Path, bytes: &[u8]) -> Result<()> {
    check_not_diary(env, path)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Error::invalid(format!(
            "{} already exists: casebook never writes over a file; choose another --out",
            path.display()
        )),
        _ => Error::io(format!("cannot create {}", path.display()), e),
    })?;
    let result = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = result {
        let _ = std::fs::remove_file(path);
        return Err(Error::io(format!("cannot write {}", path.display()), e));
    }
    Ok(())
}

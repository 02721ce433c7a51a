//! Writing a personal-data file the user named: never over an existing
//! file (so never over the diary, its journal or a backup), never into the
//! backups folder, readable by the owner only.

use std::path::{Path, PathBuf};

use super::Env;
use crate::error::Msg;
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
            return Err(Error::user(
                Msg::new("error-output-is-diary").text("path", path.display().to_string()),
            ));
        }
    }
    let backups = crate::backup::backup_dir(&env.db_path, &env.config.backup);
    let backups = backups.canonicalize().unwrap_or(absolute(&backups));
    if target.starts_with(&backups) {
        return Err(Error::user(
            Msg::new("error-output-in-backups").text("path", path.display().to_string()),
        ));
    }
    Ok(())
}

/// Creates `path` (it must not exist) with mode 0600 and writes `bytes`,
/// synced; never the diary's files or the backups folder.
pub(crate) fn write_new_private(env: &Env, path: &Path, bytes: &[u8]) -> Result<()> {
    check_not_diary(env, path)?;
    crate::files::write_new_private(path, bytes)
}

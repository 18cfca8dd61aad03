//! Reading a file that a user or another program named: regular files only (a named pipe or
//! a device is never opened in a way that waits or reads for ever), and no larger than any
//! questionnaire or assessment supplycheck could use.

use std::fs::{self, File};
use std::io::Read as _;
use std::path::Path;

/// The largest file read: far above any real questionnaire or assessment (the largest
/// benchmarked, 10,000 items with notes, is a few megabytes), far below what would exhaust
/// a laptop's memory.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Opening or reading failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// It is not a regular file.
    #[error("it is {0}, not a regular file; give the path of a JSON file")]
    NotRegular(&'static str),
    /// It is larger than any file supplycheck reads.
    #[error(
        "it is {size} bytes, larger than the {max} MB supplycheck reads; is it the right file?",
        max = MAX_BYTES / 1024 / 1024
    )]
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
}

/// What a file type is, in words, for messages: "a named pipe (FIFO)", "a device", …
pub fn kind_of(t: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "something other than a file"
    }
}

/// Opens a file for reading without waiting on a FIFO or a device, and checks that it is a
/// regular file (links followed).
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if meta.is_file() {
        Ok(file)
    } else {
        Err(ReadError::NotRegular(kind_of(meta.file_type())))
    }
}

/// Reads a whole regular file of at most [`MAX_BYTES`].
pub fn read_regular(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    if size > MAX_BYTES {
        return Err(ReadError::TooLarge { size });
    }
    let mut bytes = Vec::new();
    // The size can change while reading; never read more than the limit and one byte.
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_and_a_folder_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.json");
        fs::write(&file, "{}").expect("write");
        assert_eq!(read_regular(&file).expect("read"), b"{}");
        let err = read_regular(dir.path()).expect_err("a folder");
        assert!(
            matches!(err, ReadError::NotRegular("a folder")) || matches!(err, ReadError::Io(_)),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_never_read() {
        let err = read_regular(Path::new("/dev/zero")).expect_err("a device");
        assert_eq!(
            err.to_string(),
            "it is a device, not a regular file; give the path of a JSON file"
        );
    }

    #[test]
    fn a_file_larger_than_the_limit_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("big.json");
        let f = File::create(&file).expect("create");
        f.set_len(MAX_BYTES + 1).expect("a sparse file");
        let err = read_regular(&file).expect_err("too large");
        assert!(matches!(err, ReadError::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("larger than the 64 MB"), "{err}");
    }
}

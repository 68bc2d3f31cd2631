//! Reading inputs (a file or `-` for stdin), decoding raw filters, writing
//! outputs (stdout or `-o FILE`, `FILE_1`, ...), and the colour policy.

use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use seccomp_asm::insn::{self, INSN_SIZE};
use seccomp_asm::{Arch, Insn};

use crate::error::Failure;

/// The name an input is called by in messages.
pub fn input_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// Reads a whole input: the file at `path`, or stdin for `-`.
pub fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::io("<stdin>", &e))?;
        Ok(buf)
    } else {
        fs::read(path).map_err(|e| Failure::io(path, &e))
    }
}

/// Decodes a raw filter in `arch`'s byte order. Unlike seccomp-tools, which
/// drops trailing bytes and crashes on an empty file, both are errors here.
pub fn decode_filter(bytes: &[u8], arch: Arch, name: &str) -> Result<Vec<Insn>, Failure> {
    if bytes.is_empty() {
        return Err(Failure::new(format!(
            "{name}: the input is empty; a filter is a sequence of {INSN_SIZE}-byte instructions"
        )));
    }
    insn::decode(bytes, arch.endian()).map_err(|e| Failure::new(format!("{name}: {e}")))
}

/// Decodes the whole instructions of a raw filter, as seccomp-tools'
/// `disasm` does: trailing bytes are dropped, and the second value says so
/// (a warning for the user). Input without one whole instruction is an error.
pub fn decode_filter_prefix(
    bytes: &[u8],
    arch: Arch,
    name: &str,
) -> Result<(Vec<Insn>, Option<String>), Failure> {
    if bytes.is_empty() {
        return decode_filter(bytes, arch, name).map(|insns| (insns, None));
    }
    if bytes.len() < INSN_SIZE {
        return Err(Failure::new(format!(
            "{name}: the input has {} bytes, less than one {INSN_SIZE}-byte instruction",
            bytes.len()
        )));
    }
    let insns = insn::decode_prefix(bytes, arch.endian());
    let dropped = match insn::decode(bytes, arch.endian()) {
        Ok(_) => None,
        Err(partial) => Some(format!(
            "{name}: {partial}; the last {} bytes are ignored",
            bytes.len() % INSN_SIZE
        )),
    };
    Ok((insns, dropped))
}

/// The `--arch` value, or the host's when none was given.
pub fn arch_or_native(arch: Option<Arch>) -> Result<Arch, Failure> {
    arch.or(Arch::native()).ok_or_else(|| {
        Failure::usage("could not detect the host architecture; specify one with --arch ARCH")
    })
}

/// Whether colours may be written to stdout: only to a terminal, and not
/// when `NO_COLOR` is set to a non-empty value (<https://no-color.org>).
pub fn stdout_color() -> bool {
    color_allowed(io::stdout().is_terminal(), std::env::var_os("NO_COLOR"))
}

fn color_allowed(is_terminal: bool, no_color: Option<OsString>) -> bool {
    is_terminal && no_color.is_none_or(|v| v.is_empty())
}

/// Where a command's results go: stdout, or files named after `-o FILE`.
///
/// As in seccomp-tools, every [`Output::write`] to a file goes to a new file:
/// `FILE` first, then `FILE_1`, `FILE_2`, ... (see [`file_of`]).
#[derive(Debug)]
pub struct Output {
    file: Option<PathBuf>,
    serial: usize,
}

impl Output {
    pub fn new(file: Option<PathBuf>) -> Output {
        Output { file, serial: 0 }
    }

    /// Whether what is written should carry colour codes: never in a file.
    pub fn color(&self) -> bool {
        self.file.is_none() && stdout_color()
    }

    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        match &self.file {
            None => write_stdout(bytes),
            Some(file) => {
                let path = file_of(file, self.serial);
                fs::write(&path, bytes).map_err(|e| Failure::io(&path.to_string_lossy(), &e))?;
                self.serial += 1;
                Ok(())
            }
        }
    }

    /// Like [`Output::write`], for text that `write` produces piece by piece:
    /// each piece goes out as it comes, so a long listing is never held
    /// whole in memory.
    pub fn write_text(
        &mut self,
        write: impl FnOnce(&mut dyn fmt::Write) -> fmt::Result,
    ) -> Result<(), Failure> {
        match &self.file {
            None => {
                let mut sink = IoSink::new(io::stdout().lock());
                let written = write(&mut sink);
                sink.finish(written, "<stdout>")
            }
            Some(file) => {
                let path = file_of(file, self.serial);
                let name = path.to_string_lossy();
                let file = fs::File::create(&path).map_err(|e| Failure::io(&name, &e))?;
                let mut sink = IoSink::new(file);
                let written = write(&mut sink);
                sink.finish(written, &name)?;
                self.serial += 1;
                Ok(())
            }
        }
    }
}

/// Text written to an `io::Write`; the first I/O error is kept for the
/// report, since `fmt::Write` can only say that writing failed.
struct IoSink<W: Write> {
    inner: W,
    error: Option<io::Error>,
}

impl<W: Write> IoSink<W> {
    fn new(inner: W) -> IoSink<W> {
        IoSink { inner, error: None }
    }

    /// Flushes, and turns the outcome of the writes into the command's.
    fn finish(mut self, written: fmt::Result, name: &str) -> Result<(), Failure> {
        let flushed = written
            .map_err(|fmt::Error| self.error.take())
            .and_then(|()| self.inner.flush().map_err(Some));
        flushed.map_err(|error| match error {
            Some(e) => Failure::io(name, &e),
            // Only a sink's own writes fail, and they keep their error.
            None => Failure::new(format!("{name}: the output could not be put together")),
        })
    }
}

impl<W: Write> fmt::Write for IoSink<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.inner.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}

/// Writes `bytes` to `path` so that the file holds either what it held
/// before or all of `bytes`, never a part: they go to a new file in the same
/// directory (with the old file's permissions), which then replaces it.
///
/// Only a regular file is replaced: a symbolic link is followed (the file
/// it names is replaced, the link stays), and anything else that is not a
/// regular file (`/dev/null`, a FIFO, a terminal) is written to as it is.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let name = path.to_string_lossy();
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|e| Failure::io(&name, &e))?
        }
        _ => path.to_path_buf(),
    };
    match fs::metadata(&target) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            return fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(&target)
                .and_then(|mut f| f.write_all(bytes))
                .map_err(|e| Failure::io(&name, &e));
        }
        _ => {}
    }
    let path = target.as_path();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| Failure::new(format!("{name}: not a file name")))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = dir.join(temp_name);
    let written = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        if let Ok(meta) = fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    written.map_err(|e| {
        let _ = fs::remove_file(&temp);
        Failure::io(&name, &e)
    })
}

/// Writes to stdout and flushes, so output interleaves correctly with the
/// log lines, which also go to stdout.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| Failure::io("<stdout>", &e))
}

/// The name of output number `serial` (from 0) for `-o file`: `file` itself,
/// then the serial inserted before the extension (`a.bpf` -> `a_1.bpf`,
/// `dir/a` -> `dir/a_1`), as seccomp-tools names them.
pub fn file_of(file: &Path, serial: usize) -> PathBuf {
    if serial == 0 {
        return file.to_path_buf();
    }
    let stem = file.file_stem().unwrap_or_default();
    let mut name = stem.to_os_string();
    name.push(format!("_{serial}"));
    if let Some(ext) = file.extension() {
        name.push(".");
        name.push(ext);
    }
    file.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_get_the_serial_before_the_extension() {
        let p = |s: &str, n| file_of(Path::new(s), n);
        assert_eq!(p("a.png", 0), Path::new("a.png"));
        assert_eq!(p("a.png", 1), Path::new("a_1.png"));
        assert_eq!(p("test/a.png", 3), Path::new("test/a_3.png"));
        assert_eq!(p("/tmp/out", 2), Path::new("/tmp/out_2"));
        assert_eq!(p("a.tar.gz", 1), Path::new("a.tar_1.gz"));
        assert_eq!(p(".hidden", 1), Path::new(".hidden_1"));
    }

    #[test]
    fn replacing_a_file_keeps_its_permissions_and_leaves_no_temporary() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("policy.asm");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        replace_file(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        // A directory in the way: an error, and the directory is untouched.
        let blocked = dir.path().join("d");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("x"), "x").unwrap();
        assert!(replace_file(&blocked, b"new").is_err());
        assert_eq!(fs::read_to_string(blocked.join("x")).unwrap(), "x");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn replacing_follows_links_and_writes_into_devices() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.asm");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.asm");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        replace_file(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        // /dev/null stays the device it is.
        replace_file(Path::new("/dev/null"), b"gone").unwrap();
        assert!(fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device());
    }

    #[test]
    fn colour_needs_a_terminal_and_no_no_color() {
        assert!(color_allowed(true, None));
        assert!(color_allowed(true, Some(OsString::new())));
        assert!(!color_allowed(true, Some(OsString::from("1"))));
        assert!(!color_allowed(false, None));
    }

    #[test]
    fn decoding_rejects_empty_and_partial_input() {
        let err = decode_filter(&[], Arch::X86_64, "f.bpf").unwrap_err();
        assert_eq!(
            err.message,
            "f.bpf: the input is empty; a filter is a sequence of 8-byte instructions"
        );
        let err = decode_filter(&[0; 9], Arch::X86_64, "f.bpf").unwrap_err();
        assert_eq!(
            err.message,
            "f.bpf: 9 bytes is not a whole number of 8-byte instructions (1 bytes left over)"
        );
    }

    #[test]
    fn prefix_decoding_drops_trailing_bytes_and_says_so() {
        let allow = [6, 0, 0, 0, 0, 0, 0xff, 0x7f];
        assert_eq!(
            decode_filter_prefix(&allow, Arch::X86_64, "f").unwrap(),
            (vec![Insn::new(6, 0, 0, 0x7fff0000)], None)
        );
        let mut long = allow.to_vec();
        long.extend([1, 2, 3]);
        assert_eq!(
            decode_filter_prefix(&long, Arch::X86_64, "f").unwrap(),
            (
                vec![Insn::new(6, 0, 0, 0x7fff0000)],
                Some(
                    "f: 11 bytes is not a whole number of 8-byte instructions \
                     (3 bytes left over); the last 3 bytes are ignored"
                        .to_string()
                )
            )
        );
        assert_eq!(
            decode_filter_prefix(&allow[..7], Arch::X86_64, "f")
                .unwrap_err()
                .message,
            "f: the input has 7 bytes, less than one 8-byte instruction"
        );
        assert_eq!(
            decode_filter_prefix(&[], Arch::X86_64, "f")
                .unwrap_err()
                .message,
            "f: the input is empty; a filter is a sequence of 8-byte instructions"
        );
    }

    #[test]
    fn decoding_follows_the_arch_byte_order() {
        let bytes = [0, 0x15, 1, 2, 0xc0, 0, 0, 0x3e];
        assert_eq!(
            decode_filter(&bytes, Arch::S390x, "f").unwrap(),
            [Insn::new(0x15, 1, 2, 0xc000003e)]
        );
        assert_eq!(
            decode_filter(&bytes, Arch::X86_64, "f").unwrap(),
            [Insn::new(0x1500, 1, 2, 0x3e0000c0)]
        );
    }
}

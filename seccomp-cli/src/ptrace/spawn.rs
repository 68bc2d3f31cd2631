//! Starting a program stopped for its tracer.
//!
//! The child asks to be traced (`PTRACE_TRACEME`), stops itself with
//! SIGSTOP so the tracer can set its options, optionally installs a filter
//! that returns `SECCOMP_RET_TRACE` for every syscall, and execs the
//! program. An exec that fails is reported back through a close-on-exec
//! pipe, so the tracer can tell "the program could not start" from "the
//! program exited with 127".

use std::ffi::{CString, OsStr, OsString};
use std::fs;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use libc::pid_t;

use super::sys;
use crate::error::{describe_io, Failure};

/// The options with which a tracer follows everything a program starts:
/// forks, vforks, threads, and execs (reported as events, not as a SIGTRAP
/// that would look like a real one), with syscall stops told apart from
/// signals (`SIGTRAP | 0x80`).
pub const FOLLOW: i32 = libc::PTRACE_O_TRACESYSGOOD
    | libc::PTRACE_O_TRACECLONE
    | libc::PTRACE_O_TRACEFORK
    | libc::PTRACE_O_TRACEVFORK
    | libc::PTRACE_O_TRACEEXEC;

/// What to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Program {
    /// `/bin/sh -c COMMAND`.
    Shell(String),
    /// A program and its arguments, found in `PATH` as a shell would.
    Exec(Vec<OsString>),
}

impl Program {
    /// The command line as a user would type it, for messages.
    pub fn display(&self) -> String {
        match self {
            Program::Shell(command) => command.clone(),
            Program::Exec(argv) => argv
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// A child stopped at its first SIGSTOP with the tracer's options set.
pub struct Spawned {
    pub pid: pid_t,
    /// The read end of the pipe an exec failure is written to.
    exec_report: OwnedFd,
}

impl Spawned {
    /// Why the exec failed, once the child has exited; `None` if it
    /// succeeded (the pipe was closed by the exec).
    pub fn exec_error(&self) -> Option<io::Error> {
        let mut errno = [0u8; 4];
        // SAFETY: reads into a 4-byte buffer from a descriptor we own; the
        // write end is closed (the child exited or exec'd), so this never blocks.
        let n = unsafe {
            libc::read(
                self.exec_report.as_raw_fd(),
                errno.as_mut_ptr().cast(),
                errno.len(),
            )
        };
        (n == 4).then(|| io::Error::from_raw_os_error(i32::from_ne_bytes(errno)))
    }
}

/// The filter a recorder installs in the child: one instruction,
/// `return TRACE`, so that every syscall of the program and of everything
/// it starts stops for the tracer once, at entry, and no syscall exit stops.
const TRACE_EVERYTHING: [libc::sock_filter; 1] = [libc::sock_filter {
    code: 0x06,
    jt: 0,
    jf: 0,
    k: libc::SECCOMP_RET_TRACE,
}];

/// Forks the child that stops for the tracer, sets `options` on it and
/// returns it stopped. With `trace_filter`, the child installs a filter
/// returning `TRACE` for every syscall before exec (setting no_new_privs
/// first only if the kernel refuses the filter without it); the tracer sees
/// the `seccomp(2)` call and its result before the exec.
pub fn spawn_traced(
    program: &Program,
    trace_filter: bool,
    options: i32,
) -> Result<Spawned, Failure> {
    let (path, argv) = match program {
        Program::Shell(command) => {
            let cmd = CString::new(command.as_str())
                .map_err(|_| Failure::usage("the command to run contains a NUL byte"))?;
            let sh = c_string(OsStr::new("/bin/sh"))?;
            (sh.clone(), vec![sh, c_string(OsStr::new("-c"))?, cmd])
        }
        Program::Exec(argv) => {
            let first = argv
                .first()
                .ok_or_else(|| Failure::usage("no program to run was given"))?;
            let path = find_program(first)?;
            let argv = argv.iter().map(|a| c_string(a)).collect::<Result<_, _>>()?;
            (c_string(path.as_os_str())?, argv)
        }
    };
    let mut argv_ptrs: Vec<*const libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
    argv_ptrs.push(std::ptr::null());
    let prog = libc::sock_fprog {
        len: TRACE_EVERYTHING.len() as u16,
        filter: TRACE_EVERYTHING.as_ptr().cast_mut(),
    };

    let mut fds = [0; 2];
    // SAFETY: `fds` is a valid out-array of two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(Failure::io(
            "cannot make a pipe",
            &io::Error::last_os_error(),
        ));
    }
    // SAFETY: pipe2 returned two fresh descriptors we now own.
    let (report_read, report_write) =
        unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };

    // SAFETY: between fork and exec the child calls only async-signal-safe
    // functions (ptrace, signal, kill, getpid, syscall, prctl, execv, write,
    // _exit) on data prepared before the fork.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(Failure::new(format!(
            "cannot fork: {}",
            describe_io(&io::Error::last_os_error())
        )));
    }
    if pid == 0 {
        unsafe {
            // The program must see the signal dispositions a shell would give it.
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            let mut errno = libc::EPERM;
            if sys::traceme().is_ok() {
                libc::kill(libc::getpid(), libc::SIGSTOP);
                if trace_filter {
                    let install = || {
                        libc::syscall(
                            libc::SYS_seccomp,
                            libc::SECCOMP_SET_MODE_FILTER,
                            0,
                            &prog as *const libc::sock_fprog,
                        )
                    };
                    if install() != 0 && *libc::__errno_location() == libc::EACCES {
                        libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
                        install();
                    }
                }
                libc::execv(path.as_ptr(), argv_ptrs.as_ptr());
                errno = *libc::__errno_location();
            }
            let bytes = errno.to_ne_bytes();
            libc::write(report_write.as_raw_fd(), bytes.as_ptr().cast(), bytes.len());
            libc::_exit(127);
        }
    }
    drop(report_write);

    let status = sys::wait_pid(pid).map_err(|e| Failure::io("waiting for the child", &e))?;
    if !libc::WIFSTOPPED(status) {
        return Err(Failure::new("the child exited before it could be traced"));
    }
    if let Err(e) = sys::set_options(pid, options) {
        sys::kill(pid, libc::SIGKILL);
        let _ = sys::wait_pid(pid);
        return Err(Failure::io("cannot trace the child", &e));
    }
    Ok(Spawned {
        pid,
        exec_report: report_read,
    })
}

fn c_string(s: &OsStr) -> Result<CString, Failure> {
    CString::new(s.as_bytes()).map_err(|_| {
        Failure::usage(format!(
            "`{}` contains a NUL byte, which no program can be given",
            s.to_string_lossy()
        ))
    })
}

/// The file `execvp` would run for `name`: itself if it has a slash, else
/// the first executable file of that name in `PATH`.
pub fn find_program(name: &OsStr) -> Result<PathBuf, Failure> {
    let shown = name.to_string_lossy();
    if name.is_empty() {
        return Err(Failure::usage("the program to run is an empty string"));
    }
    if name.as_bytes().contains(&b'/') {
        let path = PathBuf::from(name);
        return match executable(&path) {
            Ok(()) => Ok(path),
            Err(e) => Err(Failure::new(format!(
                "cannot run {shown}: {}",
                describe_io(&e)
            ))),
        };
    }
    let search = std::env::var_os("PATH").unwrap_or_else(|| "/usr/local/bin:/usr/bin:/bin".into());
    let mut refused = None;
    for dir in std::env::split_paths(&search) {
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        let candidate = dir.join(name);
        match executable(&candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                refused.get_or_insert(candidate);
            }
            Err(_) => {}
        }
    }
    Err(match refused {
        Some(path) => Failure::new(format!(
            "cannot run {shown}: {} is not executable",
            path.display()
        )),
        None => Failure::new(format!("cannot run {shown}: no such program in PATH")),
    })
}

/// Whether `path` is a file this process may execute.
fn executable(path: &Path) -> io::Result<()> {
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        return Err(io::Error::from_raw_os_error(libc::EISDIR));
    }
    let c = CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: a valid C string. Root may execute a file only if some
    // execute bit is set, which access(2) also answers for root.
    if unsafe { libc::access(c.as_ptr(), libc::X_OK) } != 0
        || meta.permissions().mode() & 0o111 == 0
    {
        return Err(io::Error::from_raw_os_error(libc::EACCES));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programs_are_found_as_a_shell_finds_them() {
        assert_eq!(
            find_program(OsStr::new("/bin/sh")).unwrap(),
            Path::new("/bin/sh")
        );
        let sh = find_program(OsStr::new("sh")).unwrap();
        assert!(sh.ends_with("sh") && executable(&sh).is_ok(), "{sh:?}");
        let missing = find_program(OsStr::new("no-such-program-xyz")).unwrap_err();
        assert_eq!(
            missing.message,
            "cannot run no-such-program-xyz: no such program in PATH"
        );
        let dir = find_program(OsStr::new("/")).unwrap_err();
        assert_eq!(dir.message, "cannot run /: Is a directory");
        let not_exec = find_program(OsStr::new("/etc/passwd")).unwrap_err();
        assert_eq!(
            not_exec.message,
            "cannot run /etc/passwd: Permission denied"
        );
    }
}

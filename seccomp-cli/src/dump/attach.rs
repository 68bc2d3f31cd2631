//! Reading the filters of a running process: attach with ptrace, then
//! `PTRACE_SECCOMP_GET_FILTER` with index 0 (the oldest), 1, ... until the
//! kernel says there is no such filter.

use libc::pid_t;

use super::{elf, Filter, Limit};
use crate::error::{describe_io, Failure};
use crate::ptrace::sys;

/// Calls `on_filter` for each filter of process `pid`, oldest first, up to
/// `limit`, and returns how many there were. Needs CAP_SYS_ADMIN.
pub fn dump_pid(
    pid: pid_t,
    limit: Limit,
    mut on_filter: impl FnMut(Filter) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    if pid <= 0 {
        return Err(Failure::usage(format!("invalid pid {pid}")));
    }
    // Read before attaching: the executable does not change while stopped.
    let arch = elf::process_arch(pid);
    let attached = Attached::new(pid)?;
    let mut filters = Vec::new();
    let mut index = 0u64;
    while !limit.reached(index) {
        match sys::seccomp_get_filter(pid, index) {
            Ok(bytes) => filters.push(Filter { bytes, arch, pid }),
            // ENOENT: no filter `index`; EINVAL: not in filter mode at all.
            Err(e) if matches!(e.raw_os_error(), Some(libc::ENOENT | libc::EINVAL)) => break,
            Err(e) => return Err(get_filter_error(pid, &e)),
        }
        index += 1;
    }
    // Let the process go before writing anything out.
    attached.detach()?;
    let count = filters.len() as u64;
    for filter in filters {
        on_filter(filter)?;
    }
    Ok(count)
}

fn get_filter_error(pid: pid_t, err: &std::io::Error) -> Failure {
    match err.raw_os_error() {
        Some(libc::EACCES | libc::EPERM) => Failure::new(format!(
            "cannot read the filters of pid {pid}: {}; PTRACE_SECCOMP_GET_FILTER requires \
             CAP_SYS_ADMIN (e.g. run as root)",
            describe_io(err)
        )),
        Some(libc::EMEDIUMTYPE) => Failure::new(format!(
            "pid {pid} has a filter that is not classic BPF, which cannot be dumped"
        )),
        _ => Failure::new(format!(
            "cannot read the filters of pid {pid}: {}",
            describe_io(err)
        )),
    }
}

/// A process attached with `PTRACE_ATTACH` and stopped; detached on drop.
struct Attached {
    pid: pid_t,
    detached: bool,
}

impl Attached {
    fn new(pid: pid_t) -> Result<Attached, Failure> {
        sys::attach(pid).map_err(|e| match e.raw_os_error() {
            Some(libc::ESRCH) => Failure::new(format!("no process with pid {pid}")),
            Some(libc::EPERM) => Failure::new(format!(
                "cannot attach to pid {pid}: {}; dumping a process needs CAP_SYS_ADMIN \
                 (e.g. run as root)",
                describe_io(&e)
            )),
            _ => Failure::new(format!("cannot attach to pid {pid}: {}", describe_io(&e))),
        })?;
        let attached = Attached {
            pid,
            detached: false,
        };
        // Wait for the SIGSTOP the attach sends; pass on any other signal
        // that arrives first, so the process loses none.
        loop {
            let status = sys::wait_pid(pid)
                .map_err(|e| Failure::io(&format!("waiting for pid {pid}"), &e))?;
            if libc::WIFEXITED(status) || libc::WIFSIGNALED(status) {
                return Err(Failure::new(format!(
                    "pid {pid} exited while being attached"
                )));
            }
            if libc::WIFSTOPPED(status) && libc::WSTOPSIG(status) == libc::SIGSTOP {
                return Ok(attached);
            }
            let signal = if libc::WIFSTOPPED(status) {
                libc::WSTOPSIG(status)
            } else {
                0
            };
            sys::cont(pid, signal).map_err(|e| Failure::io(&format!("pid {pid}"), &e))?;
        }
    }

    fn detach(mut self) -> Result<(), Failure> {
        self.detached = true;
        sys::detach(self.pid)
            .map_err(|e| Failure::io(&format!("detaching from pid {}", self.pid), &e))
    }
}

impl Drop for Attached {
    fn drop(&mut self) {
        if !self.detached {
            let _ = sys::detach(self.pid);
        }
    }
}

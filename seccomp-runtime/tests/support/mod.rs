//! Running a test body in a forked child, so that a filter it installs (and
//! the kernel's reaction to it) stays in that child, and filters built by hand.
//!
//! The child reports lines through a pipe; the parent reads them to EOF and
//! then takes the child's wait status, so a test can assert both what the
//! child got to say and how it ended.
//!
//! The test harness runs tests on several threads, and `fork` copies only
//! the calling one. The children here still allocate and start threads,
//! which glibc supports after `fork`; they close every inherited descriptor
//! but their own, so another test's pipes never stay open in them.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use seccomp_asm::bpf::seccomp::{LD_ABS, RET_K};
use seccomp_asm::bpf::{JEQ, JMP, K};
use seccomp_asm::data::offset;
use seccomp_runtime::{Action, Arch, Filter, Insn};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Once;

/// `AUDIT_ARCH_X86_64`.
pub const AUDIT_ARCH_X86_64: u32 = 0xc000_003e;

/// Exit code of a child whose body panicked.
pub const PANICKED: i32 = 101;

/// How a child ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Exited(i32),
    Signaled(i32),
}

/// A finished child: how it ended and every line it reported.
#[derive(Debug)]
pub struct Finished {
    pub status: Status,
    pub output: String,
}

impl Finished {
    /// The reported lines.
    pub fn lines(&self) -> Vec<&str> {
        self.output.lines().collect()
    }
}

/// The child's end of its pipes; threads of the child may share copies.
#[derive(Clone, Copy)]
pub struct Channel {
    to_parent: RawFd,
    from_parent: RawFd,
}

impl Channel {
    /// Sends one line to the parent with a single write(2), which strict
    /// mode allows and which takes no lock.
    pub fn say(&self, line: &str) {
        let mut bytes = Vec::with_capacity(line.len() + 1);
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
        self.say_raw(&bytes);
    }

    /// Sends bytes with one write(2) and no allocation.
    pub fn say_raw(&self, bytes: &[u8]) {
        // SAFETY: write(2) from a live buffer to our own pipe.
        let n = unsafe { libc::write(self.to_parent, bytes.as_ptr().cast(), bytes.len()) };
        assert_eq!(n, bytes.len() as isize, "short write to the parent");
    }

    /// Blocks until the parent calls [`Child::release`]; uses only read(2).
    pub fn wait_for_parent(&self) {
        let mut byte = 0u8;
        // SAFETY: read(2) of one byte into a live buffer.
        let n = unsafe { libc::read(self.from_parent, (&mut byte as *mut u8).cast(), 1) };
        assert_eq!(n, 1, "the parent went away");
    }
}

/// A running child.
pub struct Child {
    pid: libc::pid_t,
    from_child: BufReader<File>,
    to_child: File,
    output: String,
    waited: bool,
}

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills two descriptors that we then own.
    let rc = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    assert_eq!(rc, 0, "pipe2: {}", std::io::Error::last_os_error());
    // SAFETY: both are fresh descriptors owned by nobody else.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

/// Closes every descriptor from 3 up except those in `keep`.
fn close_all_but(keep: &mut [RawFd]) {
    keep.sort_unstable();
    let mut first: u32 = 3;
    for &fd in keep.iter() {
        let fd = fd as u32;
        if fd > first {
            // SAFETY: closing descriptors this process does not use.
            unsafe { libc::close_range(first, fd - 1, 0) };
        }
        first = first.max(fd + 1);
    }
    // SAFETY: as above.
    unsafe { libc::close_range(first, u32::MAX, 0) };
}

/// Where a forked child reports a panic; -1 in the test process itself.
static CHILD_REPORT_FD: AtomicI32 = AtomicI32::new(-1);

/// Sends a child's panic message to its parent.
///
/// Set once in the test process, before its first fork: setting a hook
/// takes a lock that a child could find held forever, had another thread
/// been setting a hook when it forked. The hook leaves the default hook
/// (and its locks) to the test process.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let fd = CHILD_REPORT_FD.load(Ordering::SeqCst);
            if fd < 0 {
                return previous(info);
            }
            let line = format!("panic: {info}\n");
            // SAFETY: write(2) from a live buffer.
            unsafe { libc::write(fd, line.as_ptr().cast(), line.len()) };
        }));
    });
}

/// Forks a child that runs `body` and exits with its return value.
///
/// In the child: core dumps are off (a test that kills it must not write a
/// core file), an alarm ends it after 60 seconds should it ever hang,
/// stderr goes to the parent with the reported lines, and a panic is
/// reported and exits with [`PANICKED`].
pub fn spawn(body: impl FnOnce(&Channel) -> i32) -> Child {
    install_panic_hook();
    let (from_child, to_parent) = pipe();
    let (from_parent, to_child) = pipe();
    // SAFETY: the child only runs `body` and then `_exit`s, never returning
    // into the test harness.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork: {}", std::io::Error::last_os_error());
    if pid == 0 {
        let channel = Channel {
            to_parent: to_parent.as_raw_fd(),
            from_parent: from_parent.as_raw_fd(),
        };
        close_all_but(&mut [channel.to_parent, channel.from_parent]);
        // SAFETY: plain system calls on values we own.
        unsafe {
            let no_core = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::setrlimit(libc::RLIMIT_CORE, &no_core);
            libc::alarm(60);
            libc::dup2(channel.to_parent, 2);
        }
        CHILD_REPORT_FD.store(channel.to_parent, Ordering::SeqCst);
        let code = std::panic::catch_unwind(AssertUnwindSafe(|| body(&channel)));
        // SAFETY: ends the child without running the harness's code.
        unsafe { libc::_exit(code.unwrap_or(PANICKED)) }
    }
    drop(to_parent);
    drop(from_parent);
    Child {
        pid,
        from_child: BufReader::new(File::from(from_child)),
        to_child: File::from(to_child),
        output: String::new(),
        waited: false,
    }
}

/// Runs `body` in a child to the end.
pub fn run(body: impl FnOnce(&Channel) -> i32) -> Finished {
    spawn(body).wait()
}

impl Child {
    pub fn pid(&self) -> libc::pid_t {
        self.pid
    }

    /// The next reported line, without its newline; `None` at EOF.
    pub fn read_line(&mut self) -> Option<String> {
        let mut line = String::new();
        let n = self
            .from_child
            .read_line(&mut line)
            .expect("read from child");
        self.output.push_str(&line);
        (n > 0).then(|| line.trim_end_matches('\n').to_owned())
    }

    /// Lets the child past its next [`Channel::wait_for_parent`].
    pub fn release(&mut self) {
        self.to_child.write_all(b"g").expect("write to child");
    }

    /// Reads what is left of the output and reaps the child.
    pub fn wait(mut self) -> Finished {
        let mut rest = String::new();
        self.from_child
            .read_to_string(&mut rest)
            .expect("read from child");
        self.output.push_str(&rest);
        let mut status = 0;
        // SAFETY: waits for our own child.
        let rc = unsafe { libc::waitpid(self.pid, &mut status, 0) };
        assert_eq!(rc, self.pid, "waitpid: {}", std::io::Error::last_os_error());
        self.waited = true;
        let status = if libc::WIFEXITED(status) {
            Status::Exited(libc::WEXITSTATUS(status))
        } else if libc::WIFSIGNALED(status) {
            Status::Signaled(libc::WTERMSIG(status))
        } else {
            panic!("unexpected wait status {status:#x}")
        };
        Finished {
            status,
            output: std::mem::take(&mut self.output),
        }
    }
}

impl Drop for Child {
    /// A test that fails before reaping its child leaves no process behind.
    fn drop(&mut self) {
        if !self.waited {
            // SAFETY: kills and reaps our own child.
            unsafe {
                libc::kill(self.pid, libc::SIGKILL);
                libc::waitpid(self.pid, std::ptr::null_mut(), 0);
            }
        }
    }
}

/// A filter for x86_64 that returns `ret` for system call `nr` and allows
/// every other one; a system call of another architecture kills the process.
pub const fn on_syscall(nr: i64, ret: u32) -> [Insn; 7] {
    [
        Insn::stmt(LD_ABS, offset::ARCH),
        Insn::new(JMP | JEQ | K, 1, 0, AUDIT_ARCH_X86_64),
        Insn::stmt(RET_K, Action::KILL_PROCESS),
        Insn::stmt(LD_ABS, offset::NR),
        Insn::new(JMP | JEQ | K, 0, 1, nr as u32),
        Insn::stmt(RET_K, ret),
        Insn::stmt(RET_K, Action::ALLOW),
    ]
}

/// As [`on_syscall`] for two system calls.
pub const fn on_syscalls(nr1: i64, ret1: u32, nr2: i64, ret2: u32) -> [Insn; 9] {
    [
        Insn::stmt(LD_ABS, offset::ARCH),
        Insn::new(JMP | JEQ | K, 1, 0, AUDIT_ARCH_X86_64),
        Insn::stmt(RET_K, Action::KILL_PROCESS),
        Insn::stmt(LD_ABS, offset::NR),
        Insn::new(JMP | JEQ | K, 0, 1, nr1 as u32),
        Insn::stmt(RET_K, ret1),
        Insn::new(JMP | JEQ | K, 0, 1, nr2 as u32),
        Insn::stmt(RET_K, ret2),
        Insn::stmt(RET_K, Action::ALLOW),
    ]
}

/// A program that allows everything.
pub static ALLOW_ALL: [Insn; 1] = [Insn::stmt(RET_K, Action::ALLOW)];

/// The x86_64 filter of a valid program.
pub fn filter(insns: &'static [Insn]) -> Filter {
    Filter::new(insns, Arch::X86_64).expect("a valid program")
}

/// Issues system call `nr` without arguments, bypassing libc's wrappers,
/// and describes the result as `ret=R errno=E` (errno only on failure).
pub fn call(nr: i64) -> String {
    // SAFETY: the system calls used with this take no arguments.
    let ret = unsafe { libc::syscall(nr) };
    if ret == -1 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap();
        format!("ret=-1 errno={errno}")
    } else {
        format!("ret={ret}")
    }
}

/// The calling thread's id.
pub fn gettid() -> i32 {
    // SAFETY: gettid(2) cannot fail.
    unsafe { libc::syscall(libc::SYS_gettid) as i32 }
}

/// A field of `/proc/<pid>/status` (`pid` may be `self`), e.g. `Seccomp`.
pub fn proc_status(pid: &str, field: &str) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("read status");
    let prefix = format!("{field}:");
    status
        .lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no {field} in /proc/{pid}/status"))
        .trim()
        .to_owned()
}

/// `prctl(PR_GET_NO_NEW_PRIVS)`.
pub fn no_new_privs() -> i32 {
    // SAFETY: a query without pointers.
    unsafe { libc::prctl(libc::PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) }
}

/// The `struct __user_cap_header_struct` of capget(2)/capset(2).
#[repr(C)]
struct CapHeader {
    version: u32,
    pid: i32,
}

/// One `struct __user_cap_data_struct`; version 3 uses two.
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

const LINUX_CAPABILITY_VERSION_3: u32 = 0x2008_0522;
const CAP_SYS_ADMIN: u32 = 21;

/// Removes CAP_SYS_ADMIN from the calling thread's effective set.
pub fn drop_cap_sys_admin() {
    let mut header = CapHeader {
        version: LINUX_CAPABILITY_VERSION_3,
        pid: 0,
    };
    let mut data = [CapData::default(); 2];
    // SAFETY: capget/capset with a version-3 header and two data structs.
    unsafe {
        let rc = libc::syscall(libc::SYS_capget, &mut header, data.as_mut_ptr());
        assert_eq!(rc, 0, "capget: {}", std::io::Error::last_os_error());
        data[0].effective &= !(1 << CAP_SYS_ADMIN);
        let rc = libc::syscall(libc::SYS_capset, &mut header, data.as_ptr());
        assert_eq!(rc, 0, "capset: {}", std::io::Error::last_os_error());
    }
}

/// Whether CAP_SYS_ADMIN is in the effective set, from `/proc/self/status`.
pub fn has_cap_sys_admin() -> bool {
    let eff = u64::from_str_radix(&proc_status("self", "CapEff"), 16).expect("hex CapEff");
    eff & (1 << CAP_SYS_ADMIN) != 0
}

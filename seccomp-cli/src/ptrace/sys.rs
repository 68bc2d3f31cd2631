//! Thin wrappers over the system calls the tracers need, returning
//! `io::Result` instead of -1 and errno.

use std::io;
use std::mem;

use libc::{c_long, c_void, pid_t};

// Request numbers from linux/ptrace.h, one type on every libc.
const PTRACE_TRACEME: u32 = 0;
const PTRACE_PEEKDATA: u32 = 2;
const PTRACE_CONT: u32 = 7;
const PTRACE_ATTACH: u32 = 16;
const PTRACE_DETACH: u32 = 17;
const PTRACE_SYSCALL: u32 = 24;
const PTRACE_SETOPTIONS: u32 = 0x4200;
const PTRACE_GETEVENTMSG: u32 = 0x4201;
const PTRACE_GETSIGINFO: u32 = 0x4202;
const PTRACE_SEIZE: u32 = 0x4206;
const PTRACE_INTERRUPT: u32 = 0x4207;
const PTRACE_LISTEN: u32 = 0x4208;
pub const PTRACE_SECCOMP_GET_FILTER: u32 = 0x420c;
pub const PTRACE_GET_SYSCALL_INFO: u32 = 0x420e;
pub const PTRACE_SYSCALL_INFO_ENTRY: u8 = 1;
pub const PTRACE_SYSCALL_INFO_EXIT: u8 = 2;
/// A stop for a filter's `SECCOMP_RET_TRACE`: `nr` and `args` as at entry.
pub const PTRACE_SYSCALL_INFO_SECCOMP: u8 = 3;

/// `struct ptrace_syscall_info` (linux/ptrace.h), with the union spelled as
/// the 64-bit words it is made of: on entry `nr, args[6]`; on exit
/// `rval (s64), is_error (u8)`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct SyscallInfo {
    pub op: u8,
    pub reserved: u8,
    pub flags: u16,
    pub arch: u32,
    pub instruction_pointer: u64,
    pub stack_pointer: u64,
    pub data: [u64; 8],
}

impl SyscallInfo {
    pub fn nr(&self) -> u64 {
        self.data[0]
    }

    pub fn args(&self) -> [u64; 6] {
        self.data[1..7].try_into().expect("six words")
    }

    pub fn rval(&self) -> i64 {
        self.data[0] as i64
    }
}

fn check(ret: c_long) -> io::Result<c_long> {
    if ret == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret)
    }
}

/// `ptrace(request, pid, addr, data)` for the requests whose result is a
/// status, never a peeked word (so -1 always means an error).
pub fn ptrace(request: u32, pid: pid_t, addr: usize, data: usize) -> io::Result<c_long> {
    // SAFETY: every request used here takes integer or caller-owned buffer
    // arguments, checked by the caller.
    check(unsafe { libc::ptrace(request as _, pid, addr as *mut c_void, data as *mut c_void) })
}

pub fn traceme() -> io::Result<()> {
    ptrace(PTRACE_TRACEME, 0, 0, 0).map(drop)
}

pub fn set_options(pid: pid_t, options: i32) -> io::Result<()> {
    ptrace(PTRACE_SETOPTIONS, pid, 0, options as usize).map(drop)
}

/// Resumes a stopped tracee until its next syscall entry or exit, delivering `signal` (0: none).
pub fn resume_to_syscall(pid: pid_t, signal: i32) -> io::Result<()> {
    ptrace(PTRACE_SYSCALL, pid, 0, signal as usize).map(drop)
}

/// Resumes a stopped tracee, delivering `signal` (0: none); it stops again
/// only for signals, events and `SECCOMP_RET_TRACE`.
pub fn cont(pid: pid_t, signal: i32) -> io::Result<()> {
    ptrace(PTRACE_CONT, pid, 0, signal as usize).map(drop)
}

pub fn attach(pid: pid_t) -> io::Result<()> {
    ptrace(PTRACE_ATTACH, pid, 0, 0).map(drop)
}

pub fn detach(pid: pid_t) -> io::Result<()> {
    detach_with(pid, 0)
}

/// Detaches a stopped tracee, delivering `signal` (0: none) as it goes.
pub fn detach_with(pid: pid_t, signal: i32) -> io::Result<()> {
    ptrace(PTRACE_DETACH, pid, 0, signal as usize).map(drop)
}

/// Traces a running thread without stopping it or sending it a signal,
/// with these `PTRACE_O_*` options.
pub fn seize(pid: pid_t, options: i32) -> io::Result<()> {
    ptrace(PTRACE_SEIZE, pid, 0, options as usize).map(drop)
}

/// Makes a seized tracee stop (a `PTRACE_EVENT_STOP`), whatever it is doing.
pub fn interrupt(pid: pid_t) -> io::Result<()> {
    ptrace(PTRACE_INTERRUPT, pid, 0, 0).map(drop)
}

/// Lets a seized tracee in a group-stop stay stopped, as it would be
/// untraced, while still reporting to the tracer.
pub fn listen(pid: pid_t) -> io::Result<()> {
    ptrace(PTRACE_LISTEN, pid, 0, 0).map(drop)
}

/// The pid of the child a fork, vfork or clone event stop is about.
pub fn event_pid(pid: pid_t) -> io::Result<pid_t> {
    let mut msg: libc::c_ulong = 0;
    ptrace(
        PTRACE_GETEVENTMSG,
        pid,
        0,
        &mut msg as *mut libc::c_ulong as usize,
    )?;
    Ok(msg as pid_t)
}

/// Whether a signal-delivery stop is really a group-stop, for which
/// `PTRACE_GETSIGINFO` fails with EINVAL.
pub fn is_group_stop(pid: pid_t) -> bool {
    // SAFETY: siginfo_t is plain data; all-zero is a valid value.
    let mut info: libc::siginfo_t = unsafe { mem::zeroed() };
    let r = ptrace(
        PTRACE_GETSIGINFO,
        pid,
        0,
        &mut info as *mut libc::siginfo_t as usize,
    );
    matches!(r, Err(e) if e.raw_os_error() == Some(libc::EINVAL))
}

pub fn syscall_info(pid: pid_t) -> io::Result<SyscallInfo> {
    let mut info = SyscallInfo::default();
    ptrace(
        PTRACE_GET_SYSCALL_INFO,
        pid,
        mem::size_of::<SyscallInfo>(),
        &mut info as *mut SyscallInfo as usize,
    )?;
    Ok(info)
}

/// `PTRACE_SECCOMP_GET_FILTER`: the instructions of filter `index` (0 =
/// the oldest) of a stopped tracee, as raw `struct sock_filter`s.
pub fn seccomp_get_filter(pid: pid_t, index: u64) -> io::Result<Vec<u8>> {
    let count = ptrace(PTRACE_SECCOMP_GET_FILTER, pid, index as usize, 0)?;
    let mut buf = vec![
        libc::sock_filter {
            code: 0,
            jt: 0,
            jf: 0,
            k: 0
        };
        count as usize
    ];
    let got = ptrace(
        PTRACE_SECCOMP_GET_FILTER,
        pid,
        index as usize,
        buf.as_mut_ptr() as usize,
    )?;
    if got != count {
        return Err(io::Error::other(format!(
            "filter {index} changed length while being read ({count} then {got} instructions)"
        )));
    }
    let mut bytes = Vec::with_capacity(buf.len() * 8);
    for f in &buf {
        // The in-memory layout, in native byte order, as the kernel stores it.
        bytes.extend_from_slice(&f.code.to_ne_bytes());
        bytes.push(f.jt);
        bytes.push(f.jf);
        bytes.extend_from_slice(&f.k.to_ne_bytes());
    }
    Ok(bytes)
}

/// Reads `len` bytes at `addr` in a stopped tracee's memory.
pub fn read_memory(pid: pid_t, addr: u64, len: usize) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; len];
    if len == 0 {
        return Ok(buf);
    }
    let local = libc::iovec {
        iov_base: buf.as_mut_ptr() as *mut c_void,
        iov_len: len,
    };
    let remote = libc::iovec {
        iov_base: addr as usize as *mut c_void,
        iov_len: len,
    };
    // SAFETY: `local` describes `buf`, which outlives the call.
    let n = unsafe { libc::process_vm_readv(pid, &local, 1, &remote, 1, 0) };
    if n == len as isize {
        return Ok(buf);
    }
    let err = if n < 0 {
        io::Error::last_os_error()
    } else {
        io::Error::other(format!("read {n} of {len} bytes at {addr:#x}"))
    };
    // Kernels built without CONFIG_CROSS_MEMORY_ATTACH lack process_vm_readv;
    // PTRACE_PEEKDATA works on any tracee, one word at a time.
    match err.raw_os_error() {
        Some(libc::ENOSYS) | Some(libc::EPERM) => peek_memory(pid, addr, len),
        _ => Err(err),
    }
}

fn peek_memory(pid: pid_t, addr: u64, len: usize) -> io::Result<Vec<u8>> {
    const WORD: usize = mem::size_of::<c_long>();
    let mut out = Vec::with_capacity(len + WORD);
    let mut at = addr;
    while out.len() < len {
        // A peeked word may legitimately be -1: errno tells errors apart.
        // SAFETY: errno is thread-local; PEEKDATA takes no buffer.
        let word = unsafe {
            *libc::__errno_location() = 0;
            libc::ptrace(
                PTRACE_PEEKDATA as _,
                pid,
                at as usize as *mut c_void,
                std::ptr::null_mut::<c_void>(),
            )
        };
        if word == -1 {
            let err = io::Error::last_os_error();
            if err.raw_os_error() != Some(0) {
                return Err(err);
            }
        }
        out.extend_from_slice(&word.to_ne_bytes());
        at += WORD as u64;
    }
    out.truncate(len);
    Ok(out)
}

/// Outcome of waiting for a traced process.
pub enum Waited {
    Event(pid_t, i32),
    /// No child or tracee is left.
    NoChildren,
    /// A signal handler ran on this thread (only from [`wait_any_interruptible`]).
    Interrupted,
}

/// Waits for any child or tracee (`__WALL`: threads too).
pub fn wait_any() -> io::Result<Waited> {
    loop {
        match wait_any_interruptible()? {
            Waited::Interrupted => continue,
            waited => return Ok(waited),
        }
    }
}

/// [`wait_any`], returning [`Waited::Interrupted`] when a signal handler
/// interrupts the wait, so that the caller can look at why.
pub fn wait_any_interruptible() -> io::Result<Waited> {
    let mut status = 0;
    // SAFETY: `status` is a valid out-pointer.
    let pid = unsafe { libc::waitpid(-1, &mut status, libc::__WALL) };
    if pid >= 0 {
        return Ok(Waited::Event(pid, status));
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error() {
        Some(libc::EINTR) => Ok(Waited::Interrupted),
        Some(libc::ECHILD) => Ok(Waited::NoChildren),
        _ => Err(err),
    }
}

/// Waits for one process (or thread) to change state.
pub fn wait_pid(pid: pid_t) -> io::Result<i32> {
    loop {
        let mut status = 0;
        // SAFETY: `status` is a valid out-pointer.
        let r = unsafe { libc::waitpid(pid, &mut status, libc::__WALL) };
        if r >= 0 {
            return Ok(status);
        }
        let err = io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EINTR) {
            return Err(err);
        }
    }
}

pub fn kill(pid: pid_t, signal: i32) {
    // SAFETY: kill takes plain integers. A process already gone (ESRCH) is fine.
    unsafe {
        libc::kill(pid, signal);
    }
}

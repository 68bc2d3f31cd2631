//! Filters built by hand and the seccomp facts the runtime's tests check,
//! next to the workspace's harness that runs a test body in a forked child
//! (so that a filter it installs, and the kernel's reaction to it, stays in
//! that child): see `seccomp_testkit::channel`.

// Each test binary uses a different part of this module.
#![allow(dead_code, unused_imports)]

pub use seccomp_testkit::channel::{run, spawn, Finished};
pub use seccomp_testkit::Status;

use seccomp_asm::bpf::seccomp::{LD_ABS, RET_K};
use seccomp_asm::bpf::{JEQ, JMP, K};
use seccomp_asm::data::offset;
use seccomp_runtime::{Action, Arch, Filter, Insn};

/// `AUDIT_ARCH_X86_64`.
pub const AUDIT_ARCH_X86_64: u32 = 0xc000_003e;

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

//! One system call under filters, from a known instruction address (x86_64).
//!
//! The call is made by one of two small assembly routines, one per calling
//! convention, so the address the kernel records as
//! `seccomp_data.instruction_pointer` (the instruction after `syscall` or
//! `int 0x80`) is a fixed label: [`Abi::call_site`]. The child and the parent
//! share the executable, so the label has the same address in both.

use super::child;
use super::{setup_error, sock_fprog, Harness, HarnessError, Status};
use core::sync::atomic::{AtomicI64, AtomicPtr, AtomicU32, AtomicU64, Ordering};
use seccomp_asm::{Arch, Insn, SeccompData};
use seccomp_testkit::slot::{trap, SetupSlot, Shared, EXIT_SETUP};
use seccomp_testkit::SetupError;

/// A calling convention a 64-bit x86 process can make system calls with.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Abi {
    /// `syscall`: `AUDIT_ARCH_X86_64`, 64-bit arguments.
    X86_64,
    /// `int 0x80` from a 64-bit process: `AUDIT_ARCH_I386`, i386 system-call
    /// numbers, 32-bit arguments (the kernel's IA-32 emulation must be on).
    I386,
}

/// Arguments of the assembly routines: the number, sign-extended, then the
/// six arguments.
#[repr(C)]
struct RawCall {
    nr: i64,
    args: [u64; 6],
}

extern "C" {
    fn seccomp_suite_syscall_x86_64(call: *const RawCall) -> i64;
    fn seccomp_suite_syscall_i386(call: *const RawCall) -> i64;
    /// Labels right after the system-call instructions; never called.
    fn seccomp_suite_syscall_x86_64_site();
    fn seccomp_suite_syscall_i386_site();
}

// Only caller-saved registers are changed, except rbx and rbp for `int 0x80`,
// which are saved. The i386 result is a 32-bit int: sign-extend it.
core::arch::global_asm!(
    ".pushsection .text.seccomp_suite_syscall,\"ax\",@progbits",
    ".globl seccomp_suite_syscall_x86_64",
    ".hidden seccomp_suite_syscall_x86_64",
    ".globl seccomp_suite_syscall_x86_64_site",
    ".hidden seccomp_suite_syscall_x86_64_site",
    ".type seccomp_suite_syscall_x86_64, @function",
    "seccomp_suite_syscall_x86_64:",
    "    mov r11, rdi",
    "    mov rax, qword ptr [r11]",
    "    mov rdi, qword ptr [r11 + 8]",
    "    mov rsi, qword ptr [r11 + 16]",
    "    mov rdx, qword ptr [r11 + 24]",
    "    mov r10, qword ptr [r11 + 32]",
    "    mov r8, qword ptr [r11 + 40]",
    "    mov r9, qword ptr [r11 + 48]",
    "    syscall",
    "seccomp_suite_syscall_x86_64_site:",
    "    ret",
    ".size seccomp_suite_syscall_x86_64, . - seccomp_suite_syscall_x86_64",
    ".globl seccomp_suite_syscall_i386",
    ".hidden seccomp_suite_syscall_i386",
    ".globl seccomp_suite_syscall_i386_site",
    ".hidden seccomp_suite_syscall_i386_site",
    ".type seccomp_suite_syscall_i386, @function",
    "seccomp_suite_syscall_i386:",
    "    push rbx",
    "    push rbp",
    "    mov r11, rdi",
    "    mov eax, dword ptr [r11]",
    "    mov ebx, dword ptr [r11 + 8]",
    "    mov ecx, dword ptr [r11 + 16]",
    "    mov edx, dword ptr [r11 + 24]",
    "    mov esi, dword ptr [r11 + 32]",
    "    mov edi, dword ptr [r11 + 40]",
    "    mov ebp, dword ptr [r11 + 48]",
    "    int 0x80",
    "seccomp_suite_syscall_i386_site:",
    "    movsxd rax, eax",
    "    pop rbp",
    "    pop rbx",
    "    ret",
    ".size seccomp_suite_syscall_i386, . - seccomp_suite_syscall_i386",
    ".popsection",
);

impl Abi {
    /// The architecture a filter sees in `seccomp_data.arch`.
    pub fn arch(self) -> Arch {
        match self {
            Abi::X86_64 => Arch::X86_64,
            Abi::I386 => Arch::I386,
        }
    }

    /// The address of the instruction after the system-call instruction:
    /// the `seccomp_data.instruction_pointer` of every call [`Harness::probe`]
    /// makes with this convention.
    pub fn call_site(self) -> u64 {
        let site: unsafe extern "C" fn() = match self {
            Abi::X86_64 => seccomp_suite_syscall_x86_64_site,
            Abi::I386 => seccomp_suite_syscall_i386_site,
        };
        site as usize as u64
    }

    fn routine(self) -> unsafe extern "C" fn(*const RawCall) -> i64 {
        match self {
            Abi::X86_64 => seccomp_suite_syscall_x86_64,
            Abi::I386 => seccomp_suite_syscall_i386,
        }
    }
}

/// A system call to make: the number and six arguments, as the filter sees
/// them.
///
/// If the filters let the call through, it really runs in the child (which
/// has no other business, but is a real process of the caller's user): pick
/// calls whose effect is harmless.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Syscall {
    pub abi: Abi,
    /// The number, in the numbering of `abi`.
    pub nr: i32,
    /// The arguments; with [`Abi::I386`] each must fit in 32 bits.
    pub args: [u64; 6],
}

impl Syscall {
    pub fn new(abi: Abi, nr: i32, args: [u64; 6]) -> Syscall {
        Syscall { abi, nr, args }
    }

    /// The `struct seccomp_data` the filters see for this call.
    pub fn seccomp_data(&self) -> SeccompData {
        SeccompData {
            nr: self.nr,
            arch: self.abi.arch().audit(),
            instruction_pointer: self.abi.call_site(),
            args: self.args,
        }
    }

    fn raw(&self) -> Result<RawCall, HarnessError> {
        if self.abi == Abi::I386 {
            if let Some((index, &value)) = self
                .args
                .iter()
                .enumerate()
                .find(|(_, &a)| a > u64::from(u32::MAX))
            {
                return Err(HarnessError::ArgumentTooWide { index, value });
            }
        }
        Ok(RawCall {
            nr: i64::from(self.nr),
            args: self.args,
        })
    }
}

/// What `SIGSYS` carried after a filter returned `SECCOMP_RET_TRAP`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Sigsys {
    /// `si_errno`: the data bits of the filter's return value.
    pub errno: i32,
    /// `si_code`: `SYS_SECCOMP` (1).
    pub code: i32,
    /// `si_syscall`: the system-call number.
    pub syscall: i32,
    /// `si_arch`: the `AUDIT_ARCH_*` of the call.
    pub arch: u32,
    /// `si_call_addr`: the address after the system-call instruction.
    pub call_addr: u64,
}

/// How a probed system call ended.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Ending {
    /// The call returned this value (`-errno` on failure).
    Returned(i64),
    /// `SIGSYS` was delivered to the caller (`SECCOMP_RET_TRAP`).
    Trapped(Sigsys),
    /// The process was killed by this signal during the call
    /// (`SECCOMP_RET_KILL_*` kill with `SIGSYS`).
    Killed { signal: i32 },
    /// The process exited with this status during the call (the call was
    /// `exit` or `exit_group`, and was let through).
    Exited { status: i32 },
}

impl Ending {
    /// The errno of a call that returned `-errno`.
    pub fn errno(&self) -> Option<i32> {
        match *self {
            Ending::Returned(v) if (-4095..=-1).contains(&v) => Some(-v as i32),
            _ => None,
        }
    }
}

/// Stages of a probe child, in order, after 0 (not yet calling).
const STAGE_REFUSED: u32 = 1;
const STAGE_CALLING: u32 = 2;
const STAGE_RETURNED: u32 = 3;
const STAGE_TRAPPED: u32 = 4;

/// What a probe child reports.
#[repr(C)]
struct ProbeResults {
    setup: SetupSlot,
    stage: AtomicU32,
    /// The refused filter, with [`STAGE_REFUSED`].
    refused_index: AtomicU64,
    /// `-errno` of the refused install, or the returned value.
    value: AtomicI64,
    sig_errno: AtomicI64,
    sig_code: AtomicI64,
    sig_syscall: AtomicI64,
    sig_arch: AtomicU32,
    sig_call_addr: AtomicU64,
}

/// Where the `SIGSYS` handler writes. Set only in the child, after `fork`.
static PROBE_RESULTS: AtomicPtr<ProbeResults> = AtomicPtr::new(core::ptr::null_mut());

/// The start of the kernel's `siginfo_t` for `SIGSYS` on 64-bit targets.
#[repr(C)]
struct SigsysInfo {
    signo: i32,
    errno: i32,
    code: i32,
    _pad: i32,
    call_addr: u64,
    syscall: i32,
    arch: u32,
}

extern "C" fn on_sigsys(_sig: libc::c_int, info: *mut libc::siginfo_t, _ctx: *mut libc::c_void) {
    let out = PROBE_RESULTS.load(Ordering::Relaxed);
    // SAFETY: the kernel passes a valid siginfo_t, whose SIGSYS fields have
    // this layout; `out` is the live shared mapping set before any filter.
    unsafe {
        if let (Some(out), Some(info)) = (out.as_ref(), info.cast::<SigsysInfo>().as_ref()) {
            out.sig_errno
                .store(i64::from(info.errno), Ordering::Relaxed);
            out.sig_code.store(i64::from(info.code), Ordering::Relaxed);
            out.sig_syscall
                .store(i64::from(info.syscall), Ordering::Relaxed);
            out.sig_arch.store(info.arch, Ordering::Relaxed);
            out.sig_call_addr.store(info.call_addr, Ordering::Relaxed);
            out.stage.store(STAGE_TRAPPED, Ordering::Release);
        }
    }
    // Returning would need rt_sigreturn, which the filter may not allow.
    trap()
}

/// The child of a probe: prepare, catch `SIGSYS`, install the filters, call.
///
/// # Safety
/// Only in a forked child; the filters' memory must be valid.
unsafe fn probe_child(
    out: &ProbeResults,
    filters: &[libc::sock_fprog],
    flags: u32,
    call: &RawCall,
    routine: unsafe extern "C" fn(*const RawCall) -> i64,
) -> libc::c_int {
    if !child::prepare(&out.setup) {
        return EXIT_SETUP;
    }
    PROBE_RESULTS.store(
        out as *const ProbeResults as *mut ProbeResults,
        Ordering::Relaxed,
    );
    let mut action: libc::sigaction = core::mem::zeroed();
    action.sa_sigaction = on_sigsys as *const () as usize;
    action.sa_flags = libc::SA_SIGINFO;
    libc::sigemptyset(&mut action.sa_mask);
    if libc::sigaction(libc::SIGSYS, &action, core::ptr::null_mut()) != 0 {
        out.setup.record(SetupError::last("sigaction"));
        return EXIT_SETUP;
    }
    for (i, prog) in filters.iter().enumerate() {
        let value = child::install(prog, flags);
        if value < 0 {
            out.refused_index.store(i as u64, Ordering::Relaxed);
            out.value.store(value, Ordering::Relaxed);
            out.stage.store(STAGE_REFUSED, Ordering::Release);
            // Earlier filters may be installed: no system call from here.
            trap();
        }
    }
    out.stage.store(STAGE_CALLING, Ordering::Release);
    let value = routine(call);
    out.value.store(value, Ordering::Relaxed);
    out.stage.store(STAGE_RETURNED, Ordering::Release);
    trap()
}

impl Harness {
    /// Installs `filters` in order (the last is the newest, run first) in a
    /// fresh child with no_new_privs, then makes `call` and reports how it
    /// ended. The filters see the `seccomp_data` of
    /// [`Syscall::seccomp_data`]. The harness's flags apply to every install.
    pub fn probe(&self, filters: &[&[Insn]], call: &Syscall) -> Result<Ending, HarnessError> {
        let raw = call.raw()?;
        let routine = call.abi.routine();
        let fprogs = filters
            .iter()
            .map(|f| sock_fprog(f))
            .collect::<Result<Vec<_>, _>>()?;
        let shared = Shared::<ProbeResults>::new()?;
        let out = shared.get();
        let flags = self.flags;
        let exit = self.run_child(|| {
            // SAFETY: runs in the forked child; `probe_child` is
            // async-signal-safe.
            unsafe { probe_child(out, &fprogs, flags, &raw, routine) }
        })?;
        if exit == Status::Exited(EXIT_SETUP) {
            return Err(setup_error(&out.setup, exit));
        }
        let stage = out.stage.load(Ordering::Acquire);
        let value = out.value.load(Ordering::Relaxed);
        match (stage, exit) {
            (STAGE_REFUSED, Status::Signaled(libc::SIGILL)) => Err(HarnessError::FilterRejected {
                index: out.refused_index.load(Ordering::Relaxed) as usize,
                errno: -value as i32,
            }),
            (STAGE_RETURNED, Status::Signaled(libc::SIGILL)) => Ok(Ending::Returned(value)),
            (STAGE_TRAPPED, Status::Signaled(libc::SIGILL)) => Ok(Ending::Trapped(Sigsys {
                errno: out.sig_errno.load(Ordering::Relaxed) as i32,
                code: out.sig_code.load(Ordering::Relaxed) as i32,
                syscall: out.sig_syscall.load(Ordering::Relaxed) as i32,
                arch: out.sig_arch.load(Ordering::Relaxed),
                call_addr: out.sig_call_addr.load(Ordering::Relaxed),
            })),
            (STAGE_CALLING, Status::Signaled(signal)) => Ok(Ending::Killed { signal }),
            (STAGE_CALLING, Status::Exited(status)) => Ok(Ending::Exited { status }),
            (stage, exit) => Err(HarnessError::Protocol {
                exit,
                detail: format!("the probe stopped at stage {stage}"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn i386_arguments_must_fit_32_bits() {
        let call = Syscall::new(Abi::I386, 20, [1, 2, 1 << 32, 0, 0, 0]);
        assert_eq!(
            Harness::new().probe(&[], &call),
            Err(HarnessError::ArgumentTooWide {
                index: 2,
                value: 1 << 32
            })
        );
    }

    #[test]
    fn call_sites_are_distinct_code_addresses() {
        let (a, b) = (Abi::X86_64.call_site(), Abi::I386.call_site());
        assert_ne!(a, b);
        let routine = seccomp_suite_syscall_x86_64 as *const () as u64;
        // The site follows the eight moves and the 2-byte `syscall`.
        assert!(a > routine && a - routine < 64, "{routine:#x} {a:#x}");
    }
}

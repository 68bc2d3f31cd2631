//! A system call seen at a ptrace stop: the calling convention it used, its
//! number and its arguments, as the kernel (and a seccomp filter) sees them.

use seccomp_asm::Arch;

use super::sys::SyscallInfo;

/// A syscall at its entry (or `SECCOMP_RET_TRACE`) stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Call {
    /// The `AUDIT_ARCH_*` of the calling convention used.
    pub audit: u32,
    /// The number, with the x32 bit when the call came through x32.
    pub nr: u64,
    /// The six argument registers, whole.
    pub args: [u64; 6],
}

impl Call {
    /// The call in a `PTRACE_GET_SYSCALL_INFO` entry or seccomp stop.
    pub fn from_info(info: &SyscallInfo) -> Call {
        Call {
            audit: info.arch,
            nr: info.nr(),
            args: info.args(),
        }
    }

    /// The ABI of the call: x32 calls share amd64's audit arch and carry
    /// the x32 bit in their number.
    pub fn abi(&self) -> Option<Arch> {
        if self.audit == Arch::X86_64.audit() && self.nr & u64::from(Arch::X32_SYSCALL_BIT) != 0 {
            Some(Arch::X32)
        } else {
            Arch::from_audit(self.audit)
        }
    }

    /// Bytes in a pointer (and an `unsigned long`) of the calling ABI.
    pub fn word_size(&self) -> usize {
        match self.abi() {
            Some(Arch::X32) => 4,
            _ if self.audit & Arch::AUDIT_ARCH_64BIT != 0 => 8,
            _ => 4,
        }
    }

    /// Whether the ABI's `seccomp_data` arguments are 64-bit words a filter
    /// must check in two halves (x32 included: its arguments are 64-bit
    /// registers); on the others the upper half is always zero.
    pub fn has_64bit_args(&self) -> bool {
        self.audit & Arch::AUDIT_ARCH_64BIT != 0
    }

    pub fn little_endian(&self) -> bool {
        self.audit & Arch::AUDIT_ARCH_LE != 0
    }

    /// An argument as the kernel sees an `unsigned long` of this ABI.
    pub fn ulong_arg(&self, i: usize) -> u64 {
        if self.word_size() == 4 {
            self.args[i] & 0xffff_ffff
        } else {
            self.args[i]
        }
    }

    /// Argument `i` as a filter sees it in `seccomp_data.args[i]`.
    pub fn filter_arg(&self, i: usize) -> u64 {
        if self.has_64bit_args() {
            self.args[i]
        } else {
            self.args[i] & 0xffff_ffff
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(arch: Arch, name: &str) -> Call {
        Call {
            audit: arch.audit(),
            nr: u64::from(arch.syscall_nr(name).unwrap()),
            args: [u64::MAX; 6],
        }
    }

    #[test]
    fn abi_and_word_size_follow_the_call() {
        let c = call(Arch::I386, "prctl");
        assert_eq!(c.abi(), Some(Arch::I386));
        assert_eq!((c.word_size(), c.has_64bit_args()), (4, false));
        assert_eq!(c.filter_arg(0), 0xffff_ffff);
        let c = call(Arch::X32, "seccomp");
        assert_eq!(c.audit, Arch::X86_64.audit());
        assert_eq!(c.abi(), Some(Arch::X32));
        assert_eq!((c.word_size(), c.has_64bit_args()), (4, true));
        assert_eq!(c.ulong_arg(0), 0xffff_ffff);
        assert_eq!(c.filter_arg(0), u64::MAX);
        let c = call(Arch::S390x, "prctl");
        assert!(!c.little_endian());
        assert_eq!(c.word_size(), 8);
        let c = call(Arch::X86_64, "read");
        assert_eq!(c.abi(), Some(Arch::X86_64));
        assert!(c.little_endian());
    }
}

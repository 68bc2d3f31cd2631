//! The filter equivalent to `SECCOMP_MODE_STRICT`, which installs none.

use seccomp_asm::action::Action;
use seccomp_asm::bpf::{self, seccomp};
use seccomp_asm::insn::encode;
use seccomp_asm::{Arch, Insn};

/// What seccomp-tools reports for strict mode: read, write, exit and
/// sigreturn (rt_sigreturn where the arch has no sigreturn) allowed, every
/// other syscall killed. It is the program seccomp-tools assembles:
///
/// ```text
/// 0000: A = sys_number
/// 0001: if (A == read) goto 0006
/// 0002: if (A == write) goto 0006
/// 0003: if (A == exit) goto 0006
/// 0004: if (A == rt_sigreturn) goto 0006
/// 0005: return KILL
/// 0006: return ALLOW
/// ```
///
/// `None` if `arch`'s table lacks one of the four syscalls.
pub fn strict_filter(arch: Arch) -> Option<Vec<Insn>> {
    let sigreturn = arch
        .syscall_nr("sigreturn")
        .or_else(|| arch.syscall_nr("rt_sigreturn"))?;
    let allowed = [
        arch.syscall_nr("read")?,
        arch.syscall_nr("write")?,
        arch.syscall_nr("exit")?,
        sigreturn,
    ];
    let mut insns = vec![Insn::stmt(seccomp::LD_ABS, 0)];
    for (i, nr) in allowed.into_iter().enumerate() {
        // From line 1 + i, the ALLOW at line 6 is 4 - i instructions ahead.
        insns.push(Insn::new(bpf::JMP | bpf::JEQ | bpf::K, 4 - i as u8, 0, nr));
    }
    insns.push(Insn::stmt(seccomp::RET_K, Action::KILL_THREAD));
    insns.push(Insn::stmt(seccomp::RET_K, Action::ALLOW));
    Some(insns)
}

/// [`strict_filter`] encoded in `arch`'s byte order.
pub fn strict_filter_bytes(arch: Arch) -> Option<Vec<u8>> {
    strict_filter(arch).map(|insns| encode(&insns, arch.endian()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amd64_matches_seccomp_tools_bytes() {
        // The bytes seccomp-tools' dumper spec expects for strict mode on amd64.
        let expected: &[u8] = b" \x00\x00\x00\x00\x00\x00\x00\
            \x15\x00\x04\x00\x00\x00\x00\x00\
            \x15\x00\x03\x00\x01\x00\x00\x00\
            \x15\x00\x02\x00<\x00\x00\x00\
            \x15\x00\x01\x00\x0F\x00\x00\x00\
            \x06\x00\x00\x00\x00\x00\x00\x00\
            \x06\x00\x00\x00\x00\x00\xFF\x7F";
        assert_eq!(strict_filter_bytes(Arch::X86_64).unwrap(), expected);
    }

    #[test]
    fn i386_uses_sigreturn_and_s390x_is_big_endian() {
        let i386 = strict_filter(Arch::I386).unwrap();
        // read 3, write 4, exit 1, sigreturn 119 on i386.
        let nrs: Vec<u32> = i386[1..5].iter().map(|i| i.k).collect();
        assert_eq!(nrs, [3, 4, 1, 119]);
        let s390x = strict_filter_bytes(Arch::S390x).unwrap();
        // read is 3 on s390x, jumping 4 ahead.
        assert_eq!(&s390x[8..16], &[0x00, 0x15, 4, 0, 0, 0, 0, 3]);
        assert_eq!(&s390x[48..56], &[0x00, 0x06, 0, 0, 0x7f, 0xff, 0, 0]);
    }

    #[test]
    fn aarch64_has_only_rt_sigreturn() {
        let nrs: Vec<u32> = strict_filter(Arch::Aarch64).unwrap()[1..5]
            .iter()
            .map(|i| i.k)
            .collect();
        // read 63, write 64, exit 93, rt_sigreturn 139.
        assert_eq!(nrs, [63, 64, 93, 139]);
    }
}

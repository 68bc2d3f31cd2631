//! The architecture of a process, from the ELF header of its executable.

use std::fs::File;
use std::io::Read;

use seccomp_asm::Arch;

const EI_CLASS: usize = 4;
const EI_DATA: usize = 5;
const ELFCLASS32: u8 = 1;
const ELFCLASS64: u8 = 2;
const ELFDATA2LSB: u8 = 1;
const ELFDATA2MSB: u8 = 2;

const EM_68K: u16 = 4;
const EM_386: u16 = 3;
const EM_MIPS: u16 = 8;
const EM_PARISC: u16 = 15;
const EM_PPC: u16 = 20;
const EM_PPC64: u16 = 21;
const EM_S390: u16 = 22;
const EM_ARM: u16 = 40;
const EM_SH: u16 = 42;
const EM_X86_64: u16 = 62;
const EM_AARCH64: u16 = 183;
const EM_RISCV: u16 = 243;
const EM_LOONGARCH: u16 = 258;

/// `e_flags` bit of a MIPS n32 object.
const EF_MIPS_ABI2: u32 = 0x20;

/// The architecture an ELF header describes: `e_machine` (offset 18) read in
/// the byte order `EI_DATA` gives, refined by `EI_CLASS` (x32 is a 32-bit
/// x86-64 object) and, for MIPS, the n32 flag. `None` for anything else.
pub fn arch_of_elf(header: &[u8]) -> Option<Arch> {
    if header.get(..4)? != b"\x7fELF" {
        return None;
    }
    let class = *header.get(EI_CLASS)?;
    let little = match *header.get(EI_DATA)? {
        ELFDATA2LSB => true,
        ELFDATA2MSB => false,
        _ => return None,
    };
    let half = |at: usize| -> Option<u16> {
        let b: [u8; 2] = header.get(at..at + 2)?.try_into().ok()?;
        Some(if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let word = |at: usize| -> Option<u32> {
        let b: [u8; 4] = header.get(at..at + 4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let is64 = match class {
        ELFCLASS32 => false,
        ELFCLASS64 => true,
        _ => return None,
    };
    let e_flags = || word(if is64 { 48 } else { 36 });
    let arch = match (half(18)?, is64, little) {
        (EM_386, false, true) => Arch::I386,
        (EM_X86_64, true, true) => Arch::X86_64,
        (EM_X86_64, false, true) => Arch::X32,
        (EM_AARCH64, true, true) => Arch::Aarch64,
        (EM_RISCV, true, true) => Arch::Riscv64,
        (EM_S390, true, false) => Arch::S390x,
        (EM_S390, false, false) => Arch::S390,
        (EM_ARM, false, true) => Arch::Arm,
        (EM_ARM, false, false) => Arch::Armeb,
        (EM_LOONGARCH, true, true) => Arch::Loongarch64,
        (EM_68K, false, false) => Arch::M68k,
        (EM_MIPS, false, _) => {
            let n32 = e_flags()? & EF_MIPS_ABI2 != 0;
            match (n32, little) {
                (false, false) => Arch::Mips,
                (false, true) => Arch::Mipsel,
                (true, false) => Arch::Mips64N32,
                (true, true) => Arch::Mipsel64N32,
            }
        }
        (EM_MIPS, true, false) => Arch::Mips64,
        (EM_MIPS, true, true) => Arch::Mipsel64,
        (EM_PARISC, false, false) => Arch::Parisc,
        (EM_PARISC, true, false) => Arch::Parisc64,
        (EM_PPC, false, false) => Arch::Ppc,
        (EM_PPC64, true, false) => Arch::Ppc64,
        (EM_PPC64, true, true) => Arch::Ppc64Le,
        (EM_SH, false, false) => Arch::Sh,
        (EM_SH, false, true) => Arch::Shel,
        _ => return None,
    };
    Some(arch)
}

/// The architecture of a running process, from `/proc/PID/exe`; `None` if
/// it cannot be read (the process is gone, no permission) or is not known.
pub fn process_arch(pid: i32) -> Option<Arch> {
    let mut header = [0u8; 64];
    let mut file = File::open(format!("/proc/{pid}/exe")).ok()?;
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    arch_of_elf(&header[..read])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An ELF header with the given class, data encoding, machine and flags.
    fn header(class: u8, data: u8, machine: u16, flags: u32) -> Vec<u8> {
        let mut h = vec![0u8; 64];
        h[..4].copy_from_slice(b"\x7fELF");
        h[EI_CLASS] = class;
        h[EI_DATA] = data;
        let little = data == ELFDATA2LSB;
        let m = if little {
            machine.to_le_bytes()
        } else {
            machine.to_be_bytes()
        };
        h[18..20].copy_from_slice(&m);
        let f = if little {
            flags.to_le_bytes()
        } else {
            flags.to_be_bytes()
        };
        let at = if class == ELFCLASS64 { 48 } else { 36 };
        h[at..at + 4].copy_from_slice(&f);
        h
    }

    #[test]
    fn seccomp_tools_arches() {
        let (c32, c64, le, be) = (ELFCLASS32, ELFCLASS64, ELFDATA2LSB, ELFDATA2MSB);
        assert_eq!(arch_of_elf(&header(c64, le, 62, 0)), Some(Arch::X86_64));
        assert_eq!(arch_of_elf(&header(c32, le, 3, 0)), Some(Arch::I386));
        assert_eq!(arch_of_elf(&header(c64, le, 183, 0)), Some(Arch::Aarch64));
        assert_eq!(arch_of_elf(&header(c64, le, 243, 0)), Some(Arch::Riscv64));
        // s390x is big-endian: e_machine 22 is stored as 00 16.
        let s390x = header(c64, be, 22, 0);
        assert_eq!(&s390x[18..20], &[0x00, 0x16]);
        assert_eq!(arch_of_elf(&s390x), Some(Arch::S390x));
    }

    #[test]
    fn class_data_and_flags_refine_the_machine() {
        let (c32, c64, le, be) = (ELFCLASS32, ELFCLASS64, ELFDATA2LSB, ELFDATA2MSB);
        assert_eq!(arch_of_elf(&header(c32, le, 62, 0)), Some(Arch::X32));
        assert_eq!(arch_of_elf(&header(c32, be, 40, 0)), Some(Arch::Armeb));
        assert_eq!(arch_of_elf(&header(c32, le, 40, 0)), Some(Arch::Arm));
        assert_eq!(arch_of_elf(&header(c32, le, 8, 0)), Some(Arch::Mipsel));
        assert_eq!(
            arch_of_elf(&header(c32, be, 8, 0x20)),
            Some(Arch::Mips64N32)
        );
        assert_eq!(arch_of_elf(&header(c64, le, 8, 0)), Some(Arch::Mipsel64));
        assert_eq!(arch_of_elf(&header(c64, le, 21, 0)), Some(Arch::Ppc64Le));
        assert_eq!(arch_of_elf(&header(c64, be, 21, 0)), Some(Arch::Ppc64));
        assert_eq!(
            arch_of_elf(&header(c64, le, 258, 0)),
            Some(Arch::Loongarch64)
        );
        // Big-endian aarch64 and 32-bit riscv have no seccomp arch here.
        assert_eq!(arch_of_elf(&header(c64, be, 183, 0)), None);
        assert_eq!(arch_of_elf(&header(c32, le, 243, 0)), None);
    }

    #[test]
    fn non_elf_and_truncated_headers() {
        assert_eq!(arch_of_elf(b"#!/bin/sh\n"), None);
        assert_eq!(
            arch_of_elf(&header(ELFCLASS64, ELFDATA2LSB, 62, 0)[..18]),
            None
        );
        assert_eq!(arch_of_elf(&header(3, ELFDATA2LSB, 62, 0)), None);
    }

    #[test]
    fn this_process_is_the_native_arch() {
        assert_eq!(process_arch(std::process::id() as i32), Arch::native());
    }
}

//! `Filter` and `OwnedFilter`: where their bytes live, and which programs
//! their constructors refuse.

#[cfg(target_os = "linux")]
mod support;

use seccomp_asm::bpf::seccomp::{JMP_JA, LD_ABS, LD_MEM, RET_K, ST_MEM};
use seccomp_asm::bpf::{ALU, DIV, JEQ, JMP, K, LSH, MAXINSNS};
use seccomp_runtime::{Action, Arch, Filter, Insn, LoadError, OwnedFilter, Violation};

/// getpid (39) fails with EPERM on x86_64; other architectures are killed.
static INSNS: [Insn; 7] = [
    Insn::stmt(LD_ABS, 4),
    Insn::new(JMP | JEQ | K, 1, 0, 0xc000_003e),
    Insn::stmt(RET_K, Action::KILL_PROCESS),
    Insn::stmt(LD_ABS, 0),
    Insn::new(JMP | JEQ | K, 0, 1, 39),
    Insn::stmt(RET_K, Action::ERRNO | 1),
    Insn::stmt(RET_K, Action::ALLOW),
];
static FILTER: Filter = Filter::__from_checked(&INSNS, Arch::X86_64);

#[test]
fn new_refuses_invalid_programs_with_every_violation() {
    static EMPTY: [Insn; 0] = [];
    assert_eq!(
        Filter::new(&EMPTY, Arch::X86_64),
        Err(vec![Violation::Empty])
    );

    static TOO_LONG: [Insn; MAXINSNS + 1] = [Insn::stmt(RET_K, Action::ALLOW); MAXINSNS + 1];
    assert_eq!(
        Filter::new(&TOO_LONG, Arch::X86_64),
        Err(vec![Violation::TooLong { len: MAXINSNS + 1 }])
    );

    static BAD: [Insn; 6] = [
        Insn::stmt(LD_ABS, 6),             // misaligned
        Insn::stmt(ALU | DIV | K, 0),      // division by zero
        Insn::stmt(ALU | LSH | K, 32),     // shift too far
        Insn::stmt(ST_MEM, 16),            // no M[16]
        Insn::new(JMP | JEQ | K, 9, 0, 0), // past the end
        Insn::stmt(JMP_JA, 0),             // not a return at the end
    ];
    assert_eq!(
        Filter::new(&BAD, Arch::X86_64),
        Err(vec![
            Violation::BadDataOffset { pc: 0, k: 6 },
            Violation::DivisionByZero { pc: 1 },
            Violation::ShiftTooFar { pc: 2, k: 32 },
            Violation::BadMemIndex { pc: 3, k: 16 },
            Violation::JumpOutOfRange { pc: 4, target: 14 },
            Violation::JumpOutOfRange { pc: 5, target: 6 },
            Violation::NoFinalReturn { pc: 5 },
        ])
    );

    static READ_BEFORE_WRITE: [Insn; 2] = [Insn::stmt(LD_MEM, 3), Insn::stmt(RET_K, 0)];
    assert_eq!(
        Filter::new(&READ_BEFORE_WRITE, Arch::I386),
        Err(vec![Violation::MemReadBeforeWrite { pc: 0, k: 3 }])
    );
}

#[test]
fn new_accepts_a_valid_program_as_is() {
    let filter = Filter::new(&INSNS, Arch::X86_64).unwrap();
    assert_eq!(filter, FILTER);
    assert_eq!(filter.instructions().as_ptr(), INSNS.as_ptr());
    assert_eq!(filter.len(), 7);
    assert_eq!(filter.arch(), Arch::X86_64);
    // The first instruction, `ld [4]`, in the machine's byte order.
    let first: [u8; 8] = if cfg!(target_endian = "little") {
        [0x20, 0, 0, 0, 4, 0, 0, 0]
    } else {
        [0, 0x20, 0, 0, 0, 0, 0, 4]
    };
    assert_eq!(filter.as_bytes()[..8], first);
    assert_eq!(filter.as_bytes().len(), 56);
}

#[test]
fn owned_filters_copy_check_and_load() {
    let owned = OwnedFilter::new(&INSNS, Arch::X86_64).unwrap();
    assert_eq!(*owned, FILTER);
    assert_ne!(owned.instructions().as_ptr(), INSNS.as_ptr());
    assert!(FILTER.is_static() && !owned.is_static());

    // The same program as raw bytes, in each byte order.
    let little: Vec<u8> = INSNS
        .iter()
        .flat_map(|i| i.to_bytes(seccomp_asm::insn::Endian::Little))
        .collect();
    let big: Vec<u8> = INSNS
        .iter()
        .flat_map(|i| i.to_bytes(seccomp_asm::insn::Endian::Big))
        .collect();
    assert_eq!(
        *OwnedFilter::from_bpf(&little, Arch::X86_64).unwrap(),
        FILTER
    );
    let s390x = OwnedFilter::from_bpf(&big, Arch::S390x).unwrap();
    assert_eq!(s390x.instructions(), &INSNS);
    assert_eq!(s390x.arch(), Arch::S390x);

    assert_eq!(
        OwnedFilter::from_bpf(&little[..13], Arch::X86_64).unwrap_err(),
        LoadError::PartialInstruction { len: 13 }
    );
    assert_eq!(
        OwnedFilter::new(&[], Arch::X86_64).unwrap_err(),
        [Violation::Empty]
    );
    // Every violation, each with its instruction.
    let bad = [Insn::stmt(LD_ABS, 6), Insn::stmt(ALU | DIV | K, 0)];
    let bytes: Vec<u8> = bad
        .iter()
        .flat_map(|i| i.to_bytes(seccomp_asm::insn::Endian::Little))
        .collect();
    let err = OwnedFilter::from_bpf(&bytes, Arch::X86_64).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the kernel refuses this filter (3 violations):\n  \
         line 0000: A = INVALID: load from offset 6 of seccomp_data: the offset must be a \
         multiple of 4 and less than 64\n  \
         line 0001: A /= 0x0: division by constant 0\n  \
         line 0001: A /= 0x0: the last instruction must be a return (`return K`, an action, or \
         `return A`)"
    );
}

#[cfg(target_os = "linux")]
mod read_only {
    use super::*;
    use support::{run, Status};

    /// The permissions (`r-xp`, ...) of the mapping holding `addr`.
    fn permissions_at(addr: usize) -> String {
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
        for line in maps.lines() {
            let mut fields = line.split_whitespace();
            let range = fields.next().unwrap();
            let perms = fields.next().unwrap();
            let (start, end) = range.split_once('-').unwrap();
            let start = usize::from_str_radix(start, 16).unwrap();
            let end = usize::from_str_radix(end, 16).unwrap();
            if (start..end).contains(&addr) {
                return perms.to_owned();
            }
        }
        panic!("{addr:#x} is in no mapping")
    }

    #[test]
    fn a_static_filter_and_its_instructions_are_in_read_only_memory() {
        let bytes = FILTER.as_bytes();
        let start = bytes.as_ptr() as usize;
        let last = start + bytes.len() - 1;
        let fprog = FILTER.as_sock_fprog() as usize;
        assert_eq!(fprog, &FILTER as *const Filter as usize);
        for addr in [start, last, fprog] {
            let perms = permissions_at(addr);
            assert!(
                perms.starts_with('r') && perms.as_bytes()[1] == b'-',
                "{addr:#x} is in a {perms} mapping"
            );
        }
    }

    #[test]
    fn an_owned_filter_and_its_sock_fprog_are_in_read_only_memory() {
        let owned = OwnedFilter::new(&INSNS, Arch::X86_64).unwrap();
        let bytes = owned.as_bytes();
        let start = bytes.as_ptr() as usize;
        let last = start + bytes.len() - 1;
        let fprog = owned.as_sock_fprog() as usize;
        // Not the `Filter` value, which lives wherever the owner put it.
        assert_ne!(fprog, &*owned as *const Filter as usize);
        for addr in [start, last, fprog] {
            let perms = permissions_at(addr);
            assert!(
                perms.starts_with("r--"),
                "{addr:#x} is in a {perms} mapping"
            );
        }
        // SAFETY: the sock_fprog of a live filter, read only.
        let (len, insns) = unsafe {
            (
                (*owned.as_sock_fprog()).len,
                (*owned.as_sock_fprog()).filter,
            )
        };
        assert_eq!(usize::from(len), INSNS.len());
        assert_eq!(
            insns.cast_const().cast::<Insn>(),
            owned.instructions().as_ptr()
        );
    }

    #[test]
    fn writing_to_an_owned_filter_faults() {
        for target in ["instructions", "sock_fprog"] {
            let child = run(|out| {
                let owned = OwnedFilter::new(&INSNS, Arch::X86_64).unwrap();
                out.say("writing");
                let at = match target {
                    "instructions" => owned.as_bytes().as_ptr().cast_mut(),
                    _ => owned.as_sock_fprog().cast_mut().cast::<u8>(),
                };
                // SAFETY: deliberately not: the write must fault.
                unsafe { at.write_volatile(1) };
                out.say("written");
                0
            });
            assert_eq!(
                child.status,
                Status::Signaled(libc::SIGSEGV),
                "{target}: {child:?}"
            );
            assert_eq!(child.lines(), ["writing"]);
        }
    }

    #[test]
    fn writing_to_the_instructions_faults() {
        let child = run(|out| {
            out.say("writing");
            let target = FILTER.as_bytes().as_ptr().cast_mut();
            // SAFETY: deliberately not: the write must fault.
            unsafe { target.write_volatile(0) };
            out.say("written");
            0
        });
        assert_eq!(child.status, Status::Signaled(libc::SIGSEGV), "{child:?}");
        assert_eq!(child.lines(), ["writing"]);
    }

    #[test]
    fn writing_to_the_sock_fprog_of_a_static_filter_faults() {
        let child = run(|out| {
            out.say("writing");
            let target = FILTER.as_sock_fprog().cast_mut().cast::<u16>();
            // SAFETY: deliberately not: the write must fault.
            unsafe { target.write_volatile(1) };
            out.say("written");
            0
        });
        assert_eq!(child.status, Status::Signaled(libc::SIGSEGV), "{child:?}");
        assert_eq!(child.lines(), ["writing"]);
    }
}

#[test]
fn display_is_the_disassembly_with_the_filters_own_names() {
    assert_eq!(
        FILTER.to_string(),
        "0000: A = arch\n\
         0001: if (A == ARCH_X86_64) goto 0003\n\
         0002: return KILL_PROCESS\n\
         0003: A = sys_number\n\
         0004: if (A != getpid) goto 0006\n\
         0005: return ERRNO(1)\n\
         0006: return ALLOW\n"
    );
    // The same program read as i386's: 39 is `mkdir` there.
    let i386 = Filter::new(&INSNS, Arch::I386).unwrap();
    assert!(
        i386.to_string()
            .contains("if (A != amd64.getpid) goto 0006"),
        "{i386}"
    );
}

#[test]
fn emulate_answers_as_the_kernel_would() {
    use seccomp_runtime::SeccompData;
    let call = |nr, arch| SeccompData {
        nr,
        arch,
        ..SeccompData::default()
    };
    assert_eq!(FILTER.emulate(&call(39, 0xc000_003e)), Action::Errno(1));
    assert_eq!(FILTER.emulate(&call(1, 0xc000_003e)), Action::Allow(0));
    assert_eq!(
        FILTER.emulate(&call(39, 0x4000_0003)),
        Action::KillProcess(0)
    );
}

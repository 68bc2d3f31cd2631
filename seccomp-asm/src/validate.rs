//! The kernel's acceptance rules for a seccomp filter, exactly.
//!
//! `seccomp(SECCOMP_SET_MODE_FILTER)` accepts a program if and only if
//! [`validate`] returns `Ok`. The checks are those of `bpf_check_classic`,
//! `check_load_and_stores` (net/core/filter.c) and `seccomp_check_filter`
//! (kernel/seccomp.c). The kernel stops at the first failure; this module
//! reports every instruction that fails, so a user can fix them all at once.
//!
//! Takes a program's instructions and gives every [`Violation`]. The rules
//! of one instruction are also checked on their own ([`check_insn`],
//! [`jump_target`]): the emulator applies them to each instruction it runs,
//! so the kernel's rules are written here only.

use crate::bpf::{self, seccomp};
use crate::data::{is_word_offset, SECCOMP_DATA_SIZE};
use crate::insn::Insn;
use core::fmt;

/// One reason the kernel refuses a program.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum Violation {
    /// A program of length 0.
    Empty,
    /// More than [`bpf::MAXINSNS`] instructions.
    TooLong {
        /// The program's length.
        len: usize,
    },
    /// An opcode that is not classic BPF at all (`chk_code_allowed`).
    UnknownOpcode {
        /// The instruction's index.
        pc: usize,
        /// Its opcode.
        code: u16,
    },
    /// A classic-BPF opcode that seccomp does not allow (`seccomp_check_filter`).
    NotAllowedInSeccomp {
        /// The instruction's index.
        pc: usize,
        /// Its opcode.
        code: u16,
    },
    /// `ld [k]` with `k` not a multiple of 4 or past `struct seccomp_data`.
    BadDataOffset {
        /// The load's index.
        pc: usize,
        /// The byte offset it reads.
        k: u32,
    },
    /// DIV by constant 0.
    DivisionByZero {
        /// The division's index.
        pc: usize,
    },
    /// LSH or RSH by a constant of 32 or more.
    ShiftTooFar {
        /// The shift's index.
        pc: usize,
        /// The shift count.
        k: u32,
    },
    /// Scratch memory `M[k]` with `k >= 16`.
    BadMemIndex {
        /// The load or store's index.
        pc: usize,
        /// The slot it names.
        k: u32,
    },
    /// A jump whose target is past the last instruction. `target` is the
    /// index it would land on (`pc + 1 + offset`).
    JumpOutOfRange {
        /// The jump's index.
        pc: usize,
        /// Where it would land.
        target: u64,
    },
    /// The last instruction is not `RET K` or `RET A`.
    NoFinalReturn {
        /// The last instruction's index.
        pc: usize,
    },
    /// `M[k]` read where the kernel's single forward pass cannot prove it was
    /// written (see [`validate`]).
    MemReadBeforeWrite {
        /// The reading instruction's index.
        pc: usize,
        /// The slot it reads.
        k: u32,
    },
}

impl Violation {
    /// The instruction at fault, if the violation is about one.
    pub fn pc(&self) -> Option<usize> {
        match *self {
            Violation::Empty | Violation::TooLong { .. } => None,
            Violation::UnknownOpcode { pc, .. }
            | Violation::NotAllowedInSeccomp { pc, .. }
            | Violation::BadDataOffset { pc, .. }
            | Violation::DivisionByZero { pc }
            | Violation::ShiftTooFar { pc, .. }
            | Violation::BadMemIndex { pc, .. }
            | Violation::JumpOutOfRange { pc, .. }
            | Violation::NoFinalReturn { pc }
            | Violation::MemReadBeforeWrite { pc, .. } => Some(pc),
        }
    }
}

/// Says what is wrong, without the instruction index (see [`Violation::pc`]).
impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Violation::Empty => f.write_str("the filter is empty; the kernel needs 1 to 4096 instructions"),
            Violation::TooLong { len } => {
                write!(f, "the filter has {len} instructions; the kernel accepts at most {}", bpf::MAXINSNS)
            }
            Violation::UnknownOpcode { code, .. } => write!(f, "opcode {code:#06x} is not a classic BPF instruction"),
            Violation::NotAllowedInSeccomp { code, .. } => {
                write!(f, "opcode {code:#06x} ({}) is not allowed in a seccomp filter", opcode_name(code))
            }
            Violation::BadDataOffset { k, .. } => write!(
                f,
                "load from offset {k} of seccomp_data: the offset must be a multiple of 4 and less than {SECCOMP_DATA_SIZE}"
            ),
            Violation::DivisionByZero { .. } => f.write_str("division by constant 0"),
            Violation::ShiftTooFar { k, .. } => write!(f, "shift by constant {k}: the kernel allows 0 to 31"),
            Violation::BadMemIndex { k, .. } => {
                write!(f, "scratch memory index {k}: mem[] has {} slots, 0 to 15", bpf::MEMWORDS)
            }
            Violation::JumpOutOfRange { target, .. } => {
                write!(f, "jump to instruction {target}, past the end of the filter")
            }
            Violation::NoFinalReturn { .. } => {
                f.write_str("the last instruction must be a return (`return K`, an action, or `return A`)")
            }
            Violation::MemReadBeforeWrite { k, .. } => write!(
                f,
                "mem[{k}] is read before the kernel can prove it was written: every path to this \
                 instruction must store to mem[{k}] after the last jump before it"
            ),
        }
    }
}

impl std::error::Error for Violation {}

/// The mnemonic of a classic opcode, for messages.
fn opcode_name(code: u16) -> &'static str {
    use bpf::*;
    match code {
        c if c == LD | H | ABS => "ldh [k]",
        c if c == LD | B | ABS => "ldb [k]",
        c if c == LD | W | IND => "ld [x + k]",
        c if c == LD | H | IND => "ldh [x + k]",
        c if c == LD | B | IND => "ldb [x + k]",
        c if c == LDX | B | MSH => "ldxb 4*([k]&0xf)",
        c if c == ALU | MOD | K => "mod #k",
        c if c == ALU | MOD | X => "mod x",
        _ => "classic BPF",
    }
}

/// Whether an opcode seccomp does not allow is one `chk_code_allowed` knows
/// (the rest of the classic-BPF instruction set).
fn is_classic_outside_seccomp(code: u16) -> bool {
    use bpf::*;
    matches!(code, c if c == ALU | MOD | K || c == ALU | MOD | X)
        || [
            LD | H | ABS,
            LD | B | ABS,
            LD | W | IND,
            LD | H | IND,
            LD | B | IND,
            LDX | B | MSH,
        ]
        .contains(&code)
}

/// Checks a program against every rule the kernel applies when a seccomp
/// filter is installed. `Ok` exactly when the kernel would accept it.
///
/// Scratch memory is checked with the kernel's own single forward pass,
/// not a path-sensitive analysis: after any jump the state is reset to "all
/// written" for the fall-through instruction, and a jump target only learns
/// what was written before the jumps to it. A smarter analysis would accept
/// programs the kernel refuses.
pub fn validate(insns: &[Insn]) -> Result<(), Vec<Violation>> {
    let mut out = Vec::new();
    let len = insns.len();
    if len == 0 {
        return Err(vec![Violation::Empty]);
    }
    if len > bpf::MAXINSNS {
        out.push(Violation::TooLong { len });
    }

    let mut jumps_in_range = true;
    for (pc, insn) in insns.iter().enumerate() {
        if let Err(v) = check_insn(pc, insn) {
            out.push(v);
            continue;
        }
        for offset in jump_offsets(insn).into_iter().flatten() {
            if let Err(v) = jump_target(pc, offset, len) {
                out.push(v);
                jumps_in_range = false;
            }
        }
    }

    let last = insns[len - 1].code;
    if last != seccomp::RET_K && last != seccomp::RET_A {
        out.push(Violation::NoFinalReturn { pc: len - 1 });
    }

    // The kernel runs this pass only on programs whose jumps are in range;
    // if some are not, the program is refused already.
    if jumps_in_range {
        check_mem_reads(insns, &mut out);
    }

    if out.is_empty() {
        Ok(())
    } else {
        Err(out)
    }
}

/// The rules one instruction breaks wherever it stands (all but where its
/// jumps land, which depends on the program's length; see [`jump_target`]):
/// an opcode the kernel does not know or seccomp does not allow, a load
/// outside `seccomp_data`, a constant divisor of 0 or shift of 32 or more, a
/// scratch slot past `mem[15]`. An instruction breaks at most one of them.
#[inline]
pub fn check_insn(pc: usize, insn: &Insn) -> Result<(), Violation> {
    use bpf::*;
    let (code, k) = (insn.code, insn.k);
    if !seccomp::allowed(code) {
        return Err(if is_classic_outside_seccomp(code) {
            Violation::NotAllowedInSeccomp { pc, code }
        } else {
            Violation::UnknownOpcode { pc, code }
        });
    }
    match code {
        seccomp::LD_ABS if !is_word_offset(k) => Err(Violation::BadDataOffset { pc, k }),
        c if c == ALU | DIV | K && k == 0 => Err(Violation::DivisionByZero { pc }),
        c if (c == ALU | LSH | K || c == ALU | RSH | K) && k >= 32 => {
            Err(Violation::ShiftTooFar { pc, k })
        }
        seccomp::LD_MEM | seccomp::LDX_MEM | seccomp::ST_MEM | seccomp::STX_MEM
            if k >= MEMWORDS =>
        {
            Err(Violation::BadMemIndex { pc, k })
        }
        _ => Ok(()),
    }
}

/// Where a jump at `pc` lands with this offset (`pc + 1 + offset`), in a
/// program of `len` instructions: past the last one, the kernel refuses it.
#[inline]
pub fn jump_target(pc: usize, offset: u32, len: usize) -> Result<usize, Violation> {
    let target = pc as u64 + 1 + u64::from(offset);
    if target < len as u64 {
        Ok(target as usize)
    } else {
        Err(Violation::JumpOutOfRange { pc, target })
    }
}

/// The offsets of an allowed jump: `k` for `ja`, `jt` and `jf` for a
/// conditional jump; none for any other instruction.
fn jump_offsets(insn: &Insn) -> [Option<u32>; 2] {
    match insn.code {
        seccomp::JMP_JA => [Some(insn.k), None],
        c if bpf::class(c) == bpf::JMP && seccomp::allowed(c) => {
            [Some(u32::from(insn.jt)), Some(u32::from(insn.jf))]
        }
        _ => [None, None],
    }
}

/// `check_load_and_stores`, reporting every failing read instead of the first.
/// Needs every jump target in range.
fn check_mem_reads(insns: &[Insn], out: &mut Vec<Violation>) {
    use bpf::*;
    let mut masks = vec![u16::MAX; insns.len()];
    let mut memvalid: u16 = 0;
    for (pc, insn) in insns.iter().enumerate() {
        memvalid &= masks[pc];
        // Indexes >= 16 were reported by `check_insn`; the kernel never gets
        // this far with them, so they do not count here.
        let bit = 1u16.checked_shl(insn.k).filter(|_| insn.k < MEMWORDS);
        match insn.code {
            seccomp::ST_MEM | seccomp::STX_MEM => memvalid |= bit.unwrap_or(0),
            seccomp::LD_MEM | seccomp::LDX_MEM => {
                if let Some(bit) = bit {
                    if memvalid & bit == 0 {
                        out.push(Violation::MemReadBeforeWrite { pc, k: insn.k });
                    }
                }
            }
            _ => {
                let offsets = jump_offsets(insn);
                for offset in offsets.into_iter().flatten() {
                    masks[pc + 1 + offset as usize] &= memvalid;
                }
                if offsets[0].is_some() {
                    memvalid = u16::MAX;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::seccomp::*;

    const ALLOW: Insn = Insn::stmt(RET_K, 0x7fff_0000);

    fn errors(insns: &[Insn]) -> Vec<Violation> {
        validate(insns).err().unwrap_or_default()
    }

    #[test]
    fn minimal_filter_is_accepted() {
        assert_eq!(validate(&[ALLOW]), Ok(()));
        assert_eq!(validate(&[Insn::stmt(RET_A, 0)]), Ok(()));
    }

    #[test]
    fn length_limits() {
        assert_eq!(errors(&[]), vec![Violation::Empty]);
        assert_eq!(validate(&vec![ALLOW; 4096]), Ok(()));
        assert_eq!(
            errors(&vec![ALLOW; 4097]),
            vec![Violation::TooLong { len: 4097 }]
        );
    }

    #[test]
    fn operand_rules() {
        let prog = [
            Insn::stmt(LD_ABS, 2),
            Insn::stmt(LD_ABS, 64),
            Insn::stmt(0x34, 0),
            Insn::stmt(0x64, 32),
            Insn::stmt(0x74, 31),
            Insn::stmt(LD_MEM, 16),
            Insn::stmt(0x94, 3),
            Insn::stmt(0x0e, 0),
            Insn::stmt(0x120, 0),
            ALLOW,
        ];
        assert_eq!(
            errors(&prog),
            vec![
                Violation::BadDataOffset { pc: 0, k: 2 },
                Violation::BadDataOffset { pc: 1, k: 64 },
                Violation::DivisionByZero { pc: 2 },
                Violation::ShiftTooFar { pc: 3, k: 32 },
                Violation::BadMemIndex { pc: 5, k: 16 },
                Violation::NotAllowedInSeccomp { pc: 6, code: 0x94 },
                Violation::UnknownOpcode { pc: 7, code: 0x0e },
                Violation::UnknownOpcode { pc: 8, code: 0x120 },
            ]
        );
    }

    #[test]
    fn jumps_must_land_inside() {
        assert_eq!(validate(&[Insn::stmt(JMP_JA, 0), ALLOW]), Ok(()));
        assert_eq!(
            errors(&[Insn::stmt(JMP_JA, 1), ALLOW]),
            vec![Violation::JumpOutOfRange { pc: 0, target: 2 }]
        );
        assert_eq!(
            errors(&[Insn::stmt(JMP_JA, u32::MAX), ALLOW]),
            vec![Violation::JumpOutOfRange {
                pc: 0,
                target: 1 << 32
            }]
        );
        assert_eq!(
            errors(&[Insn::new(0x15, 0, 1, 0), ALLOW]),
            vec![Violation::JumpOutOfRange { pc: 0, target: 2 }]
        );
    }

    #[test]
    fn last_instruction_must_return() {
        assert_eq!(
            errors(&[Insn::stmt(LD_IMM, 0)]),
            vec![Violation::NoFinalReturn { pc: 0 }]
        );
    }

    #[test]
    fn kernel_example_of_a_refused_mem_read() {
        // jeq #1,L1,L2; L1: st M[0]; ja L3; L2: ret #0; L3: ld M[0]; ret a
        let prog = [
            Insn::new(0x15, 0, 2, 1),
            Insn::stmt(ST_MEM, 0),
            Insn::stmt(JMP_JA, 1),
            Insn::stmt(RET_K, 0),
            Insn::stmt(LD_MEM, 0),
            Insn::stmt(RET_A, 0),
        ];
        assert_eq!(
            errors(&prog),
            vec![Violation::MemReadBeforeWrite { pc: 4, k: 0 }]
        );
    }

    #[test]
    fn mem_state_flows_through_returns_and_resets_after_jumps() {
        // A RET does not reset the state: the write before it still counts.
        let through_ret = [
            Insn::stmt(ST_MEM, 3),
            ALLOW,
            Insn::stmt(LD_MEM, 3),
            Insn::stmt(RET_A, 0),
        ];
        assert_eq!(validate(&through_ret), Ok(()));
        // Code right after a jump starts with every slot valid, unless it is
        // also a target of a jump.
        let after_jump = [
            Insn::new(0x15, 1, 1, 0),
            Insn::stmt(LD_MEM, 5),
            Insn::stmt(RET_A, 0),
        ];
        assert_eq!(validate(&after_jump), Ok(()));
        let at_target = [
            Insn::stmt(JMP_JA, 0),
            Insn::stmt(LD_MEM, 5),
            Insn::stmt(RET_A, 0),
        ];
        assert_eq!(
            errors(&at_target),
            vec![Violation::MemReadBeforeWrite { pc: 1, k: 5 }]
        );
        // Plain read with no write.
        assert_eq!(
            errors(&[Insn::stmt(LDX_MEM, 1), ALLOW]),
            vec![Violation::MemReadBeforeWrite { pc: 0, k: 1 }]
        );
    }
}

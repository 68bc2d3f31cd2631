//! Instructions as seccomp-tools reads them.
//!
//! Takes one [`Insn`]; gives an [`Op`]: what the instruction does, by the
//! low bits seccomp-tools looks at, or why seccomp-tools cannot read it
//! ([`Undecodable`]). The listing ([`crate::disasm`]), its data-flow pass
//! ([`crate::dataflow`]) and the symbolic walk ([`crate::symbolic`]) read
//! programs through it; the emulator, which follows the kernel, does not.

use crate::bpf::{AluOp, Reg};
use crate::insn::Insn;

/// What a load reads.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Source {
    /// An immediate (`A = 5`).
    Imm(u32),
    /// `len`: the size of `seccomp_data`, 64.
    Len,
    /// Scratch memory `mem[k]`.
    Mem(u32),
    /// The word of `seccomp_data` at byte offset `k` (any `k`: an offset the
    /// kernel would refuse is still a load to seccomp-tools).
    Data(u32),
}

/// The right-hand side of an ALU operation or a comparison.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Operand {
    /// The constant `k` (source bit clear).
    K(u32),
    /// The X register (source bit set).
    X,
}

/// A conditional jump's test.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Cmp {
    /// `A == operand` (JEQ).
    Eq,
    /// `A > operand`, unsigned (JGT).
    Gt,
    /// `A >= operand`, unsigned (JGE).
    Ge,
    /// `A & operand != 0` (JSET).
    Set,
}

/// Why seccomp-tools cannot read an instruction (it raises an error on it).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Undecodable {
    /// A load with mode IND, MSH or an undefined mode (`code & 0xe0`).
    LoadMode,
    /// An ALU operation that is not one of the ten (`code & 0xf0`: MOD and above XOR).
    AluOp,
    /// A jump operation above JSET (`code & 0x70`).
    JumpOp,
    /// A MISC operation other than TAX and TXA (`code & 0xf8`).
    MiscOp,
}

/// An instruction as seccomp-tools reads it.
///
/// seccomp-tools decodes leniently: only the low bits each class uses are
/// looked at (the class is `code & 7`, a load's mode `code & 0xe0`, a jump's
/// operation `code & 0x70`), so bits the kernel would refuse are ignored and
/// `0x2000` reads as `A = k`. The disassembler must reproduce that; the
/// emulator, which follows the kernel, does not use this view.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Op {
    /// A load into A (LD) or X (LDX).
    Load {
        /// The register loaded.
        dst: Reg,
        /// Where the value comes from.
        src: Source,
    },
    /// A store into scratch memory (ST from A, STX from X): `mem[slot] = src`.
    Store {
        /// The register stored.
        src: Reg,
        /// The scratch slot written, `k` as is (seccomp-tools does not check it).
        slot: u32,
    },
    /// A binary ALU operation on A: `A = A op operand`.
    Alu {
        /// Which operation (`+`, `<<`, ...).
        op: AluOp,
        /// The second operand: X or the constant `k`.
        operand: Operand,
    },
    /// `A = -A` (the source bit is ignored).
    Neg,
    /// Unconditional jump by `k`.
    Ja {
        /// Instructions skipped: the jump lands on `pc + 1 + k`.
        k: u32,
    },
    /// A conditional jump: to `pc + 1 + jt` if the test holds, else to
    /// `pc + 1 + jf`.
    Jump {
        /// Which comparison: JEQ, JGT, JGE or JSET.
        cmp: Cmp,
        /// What A is compared with.
        operand: Operand,
        /// Instructions skipped when the test holds.
        jt: u8,
        /// Instructions skipped when it does not.
        jf: u8,
    },
    /// `return A`.
    RetA,
    /// `return k`.
    RetK(u32),
    /// `X = A`.
    Tax,
    /// `A = X`.
    Txa,
    /// An instruction seccomp-tools raises an error on, and why.
    Undecodable(Undecodable),
}

impl Op {
    /// Reads an instruction the way seccomp-tools does.
    #[inline]
    pub const fn of(insn: Insn) -> Op {
        let code = insn.code;
        let k = insn.k;
        let operand = if code & 0x08 != 0 {
            Operand::X
        } else {
            Operand::K(k)
        };
        match code & 0x07 {
            class @ (0x00 | 0x01) => {
                let dst = if class == 0 { Reg::A } else { Reg::X };
                let src = match code & 0xe0 {
                    0x00 => Source::Imm(k),
                    0x20 => Source::Data(k),
                    0x60 => Source::Mem(k),
                    0x80 => Source::Len,
                    _ => return Op::Undecodable(Undecodable::LoadMode),
                };
                Op::Load { dst, src }
            }
            0x02 => Op::Store {
                src: Reg::A,
                slot: k,
            },
            0x03 => Op::Store {
                src: Reg::X,
                slot: k,
            },
            0x04 => {
                let op = match code & 0xf0 {
                    0x80 => return Op::Neg,
                    bits => match AluOp::from_bits(bits) {
                        Some(op) => op,
                        None => return Op::Undecodable(Undecodable::AluOp),
                    },
                };
                Op::Alu { op, operand }
            }
            0x05 => {
                let cmp = match code & 0x70 {
                    0x00 => return Op::Ja { k },
                    0x10 => Cmp::Eq,
                    0x20 => Cmp::Gt,
                    0x30 => Cmp::Ge,
                    0x40 => Cmp::Set,
                    _ => return Op::Undecodable(Undecodable::JumpOp),
                };
                Op::Jump {
                    cmp,
                    operand,
                    jt: insn.jt,
                    jf: insn.jf,
                }
            }
            0x06 => {
                if code & 0x18 == 0x10 {
                    Op::RetA
                } else {
                    Op::RetK(k)
                }
            }
            _ => match code & 0xf8 {
                0x00 => Op::Tax,
                0x80 => Op::Txa,
                _ => Op::Undecodable(Undecodable::MiscOp),
            },
        }
    }
}

//! Classic-BPF opcode constants (`include/uapi/linux/bpf_common.h`, `filter.h`).
//!
//! Every opcode the project reads or writes is named here, so no other module
//! spells an opcode as a bare number.
//!
//! Not a stage: the vocabulary every stage takes and gives instructions in,
//! with [`seccomp::allowed`], the opcodes a seccomp filter may use.

// Instruction classes: `code & 0x07`.
/// `BPF_LD`: load a word into A.
pub const LD: u16 = 0x00;
/// `BPF_LDX`: load a word into X.
pub const LDX: u16 = 0x01;
/// `BPF_ST`: store A into a scratch-memory slot.
pub const ST: u16 = 0x02;
/// `BPF_STX`: store X into a scratch-memory slot.
pub const STX: u16 = 0x03;
/// `BPF_ALU`: arithmetic or logic on A.
pub const ALU: u16 = 0x04;
/// `BPF_JMP`: unconditional or conditional jump.
pub const JMP: u16 = 0x05;
/// `BPF_RET`: end the filter and return a value.
pub const RET: u16 = 0x06;
/// `BPF_MISC`: copy between A and X.
pub const MISC: u16 = 0x07;

/// The class bits of an opcode.
pub const fn class(code: u16) -> u16 {
    code & 0x07
}

// Load sizes: `code & 0x18`.
/// `BPF_W`: 32-bit word; the only size seccomp accepts.
pub const W: u16 = 0x00;
/// `BPF_H`: 16-bit half word.
pub const H: u16 = 0x08;
/// `BPF_B`: byte.
pub const B: u16 = 0x10;

/// The size bits of a load.
pub const fn size(code: u16) -> u16 {
    code & 0x18
}

// Load modes: `code & 0xe0`.
/// `BPF_IMM`: load the constant `k`.
pub const IMM: u16 = 0x00;
/// `BPF_ABS`: load from byte offset `k` of the input (`seccomp_data`).
pub const ABS: u16 = 0x20;
/// `BPF_IND`: load from byte offset `X + k` of the input.
pub const IND: u16 = 0x40;
/// `BPF_MEM`: load scratch-memory slot `k`.
pub const MEM: u16 = 0x60;
/// `BPF_LEN`: load the length of the input.
pub const LEN: u16 = 0x80;
/// `BPF_MSH`: load `4 * (byte [k] & 0xf)`, an IP header length, into X.
pub const MSH: u16 = 0xa0;

/// The mode bits of a load.
pub const fn mode(code: u16) -> u16 {
    code & 0xe0
}

// ALU and jump operations: `code & 0xf0`.
/// `BPF_ADD`: `A += operand`.
pub const ADD: u16 = 0x00;
/// `BPF_SUB`: `A -= operand`.
pub const SUB: u16 = 0x10;
/// `BPF_MUL`: `A *= operand`.
pub const MUL: u16 = 0x20;
/// `BPF_DIV`: `A /= operand`, unsigned; dividing by an X of 0 ends the filter
/// with 0, dividing by a constant 0 is rejected.
pub const DIV: u16 = 0x30;
/// `BPF_OR`: `A |= operand`.
pub const OR: u16 = 0x40;
/// `BPF_AND`: `A &= operand`.
pub const AND: u16 = 0x50;
/// `BPF_LSH`: `A <<= operand`.
pub const LSH: u16 = 0x60;
/// `BPF_RSH`: `A >>= operand`, logical.
pub const RSH: u16 = 0x70;
/// `BPF_NEG`: `A = -A`; takes no operand.
pub const NEG: u16 = 0x80;
/// `BPF_MOD`: `A %= operand`; classic BPF, but rejected by seccomp.
pub const MOD: u16 = 0x90;
/// `BPF_XOR`: `A ^= operand`.
pub const XOR: u16 = 0xa0;

/// `BPF_JA`: jump forward `k` instructions unconditionally.
pub const JA: u16 = 0x00;
/// `BPF_JEQ`: jump if `A == operand`.
pub const JEQ: u16 = 0x10;
/// `BPF_JGT`: jump if `A > operand`, unsigned.
pub const JGT: u16 = 0x20;
/// `BPF_JGE`: jump if `A >= operand`, unsigned.
pub const JGE: u16 = 0x30;
/// `BPF_JSET`: jump if `A & operand` is not zero.
pub const JSET: u16 = 0x40;

/// The operation bits of an ALU or jump instruction.
pub const fn op(code: u16) -> u16 {
    code & 0xf0
}

// Operand source: `code & 0x08` for ALU and jumps, `code & 0x18` for RET.
/// `BPF_K`: the operand is the constant `k` (for RET: return `k`).
pub const K: u16 = 0x00;
/// `BPF_X`: the operand is the X register.
pub const X: u16 = 0x08;
/// `RET A` (`BPF_A` in `filter.h`).
pub const A: u16 = 0x10;

/// The source bit of an ALU or jump instruction.
pub const fn src(code: u16) -> u16 {
    code & 0x08
}

/// The return-value source of a RET instruction.
pub const fn rval(code: u16) -> u16 {
    code & 0x18
}

// MISC operations: `code & 0xf8`.
/// `BPF_TAX`: `X = A`.
pub const TAX: u16 = 0x00;
/// `BPF_TXA`: `A = X`.
pub const TXA: u16 = 0x80;

/// The operation bits of a MISC instruction.
pub const fn miscop(code: u16) -> u16 {
    code & 0xf8
}

/// A register of the BPF machine.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Reg {
    /// The accumulator: every load, ALU operation, jump and `RET A` works on it.
    A,
    /// The index register: a second operand for ALU and jumps, and the base of
    /// `BPF_IND` loads.
    X,
}

/// A binary ALU operation a seccomp filter may use (MOD is classic BPF but
/// not seccomp; NEG is unary).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum AluOp {
    /// `A + operand`, wrapping.
    Add,
    /// `A - operand`, wrapping.
    Sub,
    /// `A * operand`, wrapping.
    Mul,
    /// `A / operand`, unsigned.
    Div,
    /// `A | operand`.
    Or,
    /// `A & operand`.
    And,
    /// `A << operand`.
    Lsh,
    /// `A >> operand`, logical.
    Rsh,
    /// `A ^ operand`.
    Xor,
}

impl AluOp {
    /// Every operation, in opcode order.
    pub const ALL: [AluOp; 9] = [
        AluOp::Add,
        AluOp::Sub,
        AluOp::Mul,
        AluOp::Div,
        AluOp::Or,
        AluOp::And,
        AluOp::Lsh,
        AluOp::Rsh,
        AluOp::Xor,
    ];

    /// The operation bits of the opcode (`code & 0xf0`).
    pub const fn bits(self) -> u16 {
        match self {
            AluOp::Add => ADD,
            AluOp::Sub => SUB,
            AluOp::Mul => MUL,
            AluOp::Div => DIV,
            AluOp::Or => OR,
            AluOp::And => AND,
            AluOp::Lsh => LSH,
            AluOp::Rsh => RSH,
            AluOp::Xor => XOR,
        }
    }

    /// The operation whose bits these are (`None` for NEG, MOD and the
    /// undefined ones).
    pub const fn from_bits(bits: u16) -> Option<AluOp> {
        Some(match bits {
            ADD => AluOp::Add,
            SUB => AluOp::Sub,
            MUL => AluOp::Mul,
            DIV => AluOp::Div,
            OR => AluOp::Or,
            AND => AluOp::And,
            LSH => AluOp::Lsh,
            RSH => AluOp::Rsh,
            XOR => AluOp::Xor,
            _ => return None,
        })
    }

    /// The operator as the assembly language writes it (`+`, `<<`, ...).
    pub const fn symbol(self) -> &'static str {
        match self {
            AluOp::Add => "+",
            AluOp::Sub => "-",
            AluOp::Mul => "*",
            AluOp::Div => "/",
            AluOp::Or => "|",
            AluOp::And => "&",
            AluOp::Lsh => "<<",
            AluOp::Rsh => ">>",
            AluOp::Xor => "^",
        }
    }

    /// The operation an assembly operator (`+`, `<<`, ...) stands for.
    pub fn from_symbol(symbol: &str) -> Option<AluOp> {
        AluOp::ALL.into_iter().find(|op| op.symbol() == symbol)
    }
}

/// Number of scratch-memory slots (`BPF_MEMWORDS`).
pub const MEMWORDS: u32 = 16;

/// Most instructions one filter may have (`BPF_MAXINSNS`).
pub const MAXINSNS: usize = 4096;

/// Most instructions all filters stacked on one task may have, each filter
/// counting 4 more than its length (`MAX_INSNS_PER_PATH`).
pub const MAX_INSNS_PER_PATH: usize = 32768;

/// The opcodes of the 41 instructions a seccomp filter may use, by name.
pub mod seccomp {
    use super::*;

    /// `A = k`.
    pub const LD_IMM: u16 = LD | W | IMM;
    /// `X = k`.
    pub const LDX_IMM: u16 = LDX | W | IMM;
    /// `A = seccomp_data[k]`: the 32-bit word at byte offset `k`.
    pub const LD_ABS: u16 = LD | W | ABS;
    /// `A = M[k]`.
    pub const LD_MEM: u16 = LD | W | MEM;
    /// `X = M[k]`.
    pub const LDX_MEM: u16 = LDX | W | MEM;
    /// `A = sizeof(struct seccomp_data)`.
    pub const LD_LEN: u16 = LD | W | LEN;
    /// `X = sizeof(struct seccomp_data)`.
    pub const LDX_LEN: u16 = LDX | W | LEN;
    /// `M[k] = A`.
    pub const ST_MEM: u16 = ST;
    /// `M[k] = X`.
    pub const STX_MEM: u16 = STX;
    /// `A = -A`.
    pub const ALU_NEG: u16 = ALU | NEG;
    /// Jump forward `k` instructions.
    pub const JMP_JA: u16 = JMP | JA;
    /// Return `k`.
    pub const RET_K: u16 = RET | K;
    /// Return A.
    pub const RET_A: u16 = RET | A;
    /// `X = A`.
    pub const MISC_TAX: u16 = MISC | TAX;
    /// `A = X`.
    pub const MISC_TXA: u16 = MISC | TXA;

    /// The ALU operations seccomp allows, each with a K and an X form.
    pub const ALU_OPS: [u16; 9] = [ADD, SUB, MUL, DIV, OR, AND, LSH, RSH, XOR];
    /// The conditional jumps seccomp allows, each with a K and an X form.
    pub const COND_JUMPS: [u16; 4] = [JEQ, JGT, JGE, JSET];

    /// Whether `seccomp_check_filter` accepts this opcode.
    pub const fn allowed(code: u16) -> bool {
        match code {
            LD_IMM | LDX_IMM | LD_ABS | LD_MEM | LDX_MEM | LD_LEN | LDX_LEN | ST_MEM | STX_MEM
            | ALU_NEG | JMP_JA | RET_K | RET_A | MISC_TAX | MISC_TXA => true,
            // ALU and jump opcodes are class | op | source, the source bit
            // being the only one left; anything above the low byte is invalid.
            _ if code > 0xff => false,
            _ => match class(code) {
                ALU => matches!(op(code), ADD | SUB | MUL | DIV | OR | AND | LSH | RSH | XOR),
                JMP => matches!(op(code), JEQ | JGT | JGE | JSET),
                _ => false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alu_ops_map_to_their_bits_and_symbols_and_back() {
        for op in AluOp::ALL {
            assert_eq!(AluOp::from_bits(op.bits()), Some(op));
            assert_eq!(AluOp::from_symbol(op.symbol()), Some(op));
        }
        assert_eq!(AluOp::from_bits(NEG), None);
        assert_eq!(AluOp::from_bits(MOD), None);
        assert_eq!(AluOp::from_symbol("%"), None);
    }

    #[test]
    fn exactly_41_opcodes_are_allowed_for_seccomp() {
        let allowed: Vec<u16> = (0..=u16::MAX).filter(|&c| seccomp::allowed(c)).collect();
        assert_eq!(allowed.len(), 41, "{allowed:x?}");
        // Spot checks from the kernel's table.
        for code in [
            0x00, 0x01, 0x20, 0x60, 0x61, 0x80, 0x81, 0x02, 0x03, 0x84, 0x05, 0x06, 0x16,
        ] {
            assert!(allowed.contains(&code), "{code:#x}");
        }
        for code in [0x94, 0x9c, 0x28, 0x30, 0x40, 0x48, 0x50, 0xb1, 0x0e, 0x120] {
            assert!(!allowed.contains(&code), "{code:#x}");
        }
    }
}

//! Classic-BPF opcode constants (`include/uapi/linux/bpf_common.h`, `filter.h`).
//!
//! Every opcode the project reads or writes is named here, so no other module
//! spells an opcode as a bare number.

// Instruction classes: `code & 0x07`.
pub const LD: u16 = 0x00;
pub const LDX: u16 = 0x01;
pub const ST: u16 = 0x02;
pub const STX: u16 = 0x03;
pub const ALU: u16 = 0x04;
pub const JMP: u16 = 0x05;
pub const RET: u16 = 0x06;
pub const MISC: u16 = 0x07;

/// The class bits of an opcode.
pub const fn class(code: u16) -> u16 {
    code & 0x07
}

// Load sizes: `code & 0x18`.
pub const W: u16 = 0x00;
pub const H: u16 = 0x08;
pub const B: u16 = 0x10;

/// The size bits of a load.
pub const fn size(code: u16) -> u16 {
    code & 0x18
}

// Load modes: `code & 0xe0`.
pub const IMM: u16 = 0x00;
pub const ABS: u16 = 0x20;
pub const IND: u16 = 0x40;
pub const MEM: u16 = 0x60;
pub const LEN: u16 = 0x80;
pub const MSH: u16 = 0xa0;

/// The mode bits of a load.
pub const fn mode(code: u16) -> u16 {
    code & 0xe0
}

// ALU and jump operations: `code & 0xf0`.
pub const ADD: u16 = 0x00;
pub const SUB: u16 = 0x10;
pub const MUL: u16 = 0x20;
pub const DIV: u16 = 0x30;
pub const OR: u16 = 0x40;
pub const AND: u16 = 0x50;
pub const LSH: u16 = 0x60;
pub const RSH: u16 = 0x70;
pub const NEG: u16 = 0x80;
pub const MOD: u16 = 0x90;
pub const XOR: u16 = 0xa0;

pub const JA: u16 = 0x00;
pub const JEQ: u16 = 0x10;
pub const JGT: u16 = 0x20;
pub const JGE: u16 = 0x30;
pub const JSET: u16 = 0x40;

/// The operation bits of an ALU or jump instruction.
pub const fn op(code: u16) -> u16 {
    code & 0xf0
}

// Operand source: `code & 0x08` for ALU and jumps, `code & 0x18` for RET.
pub const K: u16 = 0x00;
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
pub const TAX: u16 = 0x00;
pub const TXA: u16 = 0x80;

/// The operation bits of a MISC instruction.
pub const fn miscop(code: u16) -> u16 {
    code & 0xf8
}

/// A register of the BPF machine.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Reg {
    A,
    X,
}

/// A binary ALU operation a seccomp filter may use (MOD is classic BPF but
/// not seccomp; NEG is unary).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum AluOp {
    Add,
    Sub,
    Mul,
    Div,
    Or,
    And,
    Lsh,
    Rsh,
    Xor,
}

impl AluOp {
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

    pub const LD_IMM: u16 = LD | W | IMM;
    pub const LDX_IMM: u16 = LDX | W | IMM;
    pub const LD_ABS: u16 = LD | W | ABS;
    pub const LD_MEM: u16 = LD | W | MEM;
    pub const LDX_MEM: u16 = LDX | W | MEM;
    pub const LD_LEN: u16 = LD | W | LEN;
    pub const LDX_LEN: u16 = LDX | W | LEN;
    pub const ST_MEM: u16 = ST;
    pub const STX_MEM: u16 = STX;
    pub const ALU_NEG: u16 = ALU | NEG;
    pub const JMP_JA: u16 = JMP | JA;
    pub const RET_K: u16 = RET | K;
    pub const RET_A: u16 = RET | A;
    pub const MISC_TAX: u16 = MISC | TAX;
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

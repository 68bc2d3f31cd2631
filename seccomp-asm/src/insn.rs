//! One classic-BPF instruction, and its byte encoding.
//!
//! Takes the bytes of a filter in an arch's byte order; gives its [`Insn`]s
//! ([`decode`]), and back ([`Insn::to_bytes`]).

use core::fmt;

/// One classic-BPF instruction, laid out exactly like the kernel's
/// `struct sock_filter`, so a `[Insn]` can be handed to `seccomp(2)` as is.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Insn {
    /// The opcode: class, size, mode or operation, and source bits.
    pub code: u16,
    /// Instructions to skip when a conditional jump is taken.
    pub jt: u8,
    /// Instructions to skip when a conditional jump is not taken.
    pub jf: u8,
    /// The constant operand: a value, an offset or a jump distance.
    pub k: u32,
}

/// Size of one encoded instruction.
pub const INSN_SIZE: usize = 8;

/// Byte order of an encoded filter: the order of the architecture it runs on.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Endian {
    /// Least significant byte first.
    Little,
    /// Most significant byte first.
    Big,
}

impl Endian {
    /// The byte order of the machine this code runs on.
    pub const NATIVE: Endian = if cfg!(target_endian = "big") {
        Endian::Big
    } else {
        Endian::Little
    };
}

impl Insn {
    /// An instruction from its four fields.
    pub const fn new(code: u16, jt: u8, jf: u8, k: u32) -> Insn {
        Insn { code, jt, jf, k }
    }

    /// An instruction without jump offsets.
    pub const fn stmt(code: u16, k: u32) -> Insn {
        Insn::new(code, 0, 0, k)
    }

    /// The 8 bytes of this instruction: code u16, jt u8, jf u8, k u32.
    pub const fn to_bytes(self, endian: Endian) -> [u8; INSN_SIZE] {
        let (c, k) = match endian {
            Endian::Little => (self.code.to_le_bytes(), self.k.to_le_bytes()),
            Endian::Big => (self.code.to_be_bytes(), self.k.to_be_bytes()),
        };
        [c[0], c[1], self.jt, self.jf, k[0], k[1], k[2], k[3]]
    }

    /// The instruction encoded in 8 bytes of the given byte order.
    pub const fn from_bytes(b: [u8; INSN_SIZE], endian: Endian) -> Insn {
        let c = [b[0], b[1]];
        let k = [b[4], b[5], b[6], b[7]];
        let (code, k) = match endian {
            Endian::Little => (u16::from_le_bytes(c), u32::from_le_bytes(k)),
            Endian::Big => (u16::from_be_bytes(c), u32::from_be_bytes(k)),
        };
        Insn::new(code, b[2], b[3], k)
    }
}

impl fmt::Debug for Insn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Insn {{ code: {:#04x}, jt: {}, jf: {}, k: {:#010x} }}",
            self.code, self.jt, self.jf, self.k
        )
    }
}

/// Encodes a program as the kernel (and `seccomp-tools asm -f raw`) lays it out.
pub fn encode(insns: &[Insn], endian: Endian) -> Vec<u8> {
    let mut out = Vec::with_capacity(insns.len() * INSN_SIZE);
    for insn in insns {
        out.extend_from_slice(&insn.to_bytes(endian));
    }
    out
}

/// A byte string whose length is not a whole number of instructions.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PartialInsn {
    /// Total length of the input.
    pub len: usize,
}

impl fmt::Display for PartialInsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} bytes is not a whole number of {INSN_SIZE}-byte instructions ({} bytes left over)",
            self.len,
            self.len % INSN_SIZE
        )
    }
}

impl std::error::Error for PartialInsn {}

/// Decodes a whole program; a trailing partial instruction is an error.
pub fn decode(bytes: &[u8], endian: Endian) -> Result<Vec<Insn>, PartialInsn> {
    if !bytes.len().is_multiple_of(INSN_SIZE) {
        return Err(PartialInsn { len: bytes.len() });
    }
    Ok(decode_prefix(bytes, endian))
}

/// Decodes every whole instruction and ignores trailing bytes, as
/// `seccomp-tools disasm` does.
pub fn decode_prefix(bytes: &[u8], endian: Endian) -> Vec<Insn> {
    bytes
        .chunks_exact(INSN_SIZE)
        .map(|c| Insn::from_bytes(c.try_into().expect("chunks_exact yields 8 bytes"), endian))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_matches_sock_filter() {
        assert_eq!(core::mem::size_of::<Insn>(), 8);
        assert_eq!(core::mem::align_of::<Insn>(), 4);
    }

    #[test]
    fn bytes_round_trip_in_both_orders() {
        let insn = Insn::new(0x15, 1, 2, 0xc000003e);
        assert_eq!(
            insn.to_bytes(Endian::Little),
            [0x15, 0, 1, 2, 0x3e, 0, 0, 0xc0]
        );
        assert_eq!(
            insn.to_bytes(Endian::Big),
            [0, 0x15, 1, 2, 0xc0, 0, 0, 0x3e]
        );
        for e in [Endian::Little, Endian::Big] {
            assert_eq!(Insn::from_bytes(insn.to_bytes(e), e), insn);
        }
    }

    #[test]
    fn decode_rejects_partial_and_prefix_drops_it() {
        let bytes = encode(&[Insn::stmt(0x06, 0x7fff0000)], Endian::Little);
        let mut long = bytes.clone();
        long.push(0);
        assert_eq!(decode(&long, Endian::Little), Err(PartialInsn { len: 9 }));
        assert_eq!(
            decode_prefix(&long, Endian::Little),
            decode(&bytes, Endian::Little).unwrap()
        );
    }
}

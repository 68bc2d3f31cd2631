//! `struct seccomp_data`: what a filter reads with `ld [k]`.
//!
//! Takes the byte offset of a load; gives the [`Field`] it reads (and back,
//! for a byte order), or the word itself from a [`SeccompData`].

use crate::insn::Endian;

/// The input of a seccomp filter, laid out as the kernel's `struct seccomp_data`.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct SeccompData {
    /// The system call number (the kernel stores it as an `int`).
    pub nr: i32,
    /// The `AUDIT_ARCH_*` value of the calling convention.
    pub arch: u32,
    /// The address of the system call instruction.
    pub instruction_pointer: u64,
    /// The six system call arguments, as 64-bit words.
    pub args: [u64; 6],
}

/// Size of `struct seccomp_data`: `A = len` loads this.
pub const SECCOMP_DATA_SIZE: u32 = 64;

/// Whether `ld [offset]` reads a whole word of `struct seccomp_data`: the
/// offset is a multiple of 4 and inside the structure. The kernel refuses
/// every other load (`seccomp_check_filter`).
pub const fn is_word_offset(offset: u32) -> bool {
    offset.is_multiple_of(4) && offset < SECCOMP_DATA_SIZE
}

/// Byte offsets of the fields.
pub mod offset {
    /// Offset of `nr`.
    pub const NR: u32 = 0;
    /// Offset of `arch`.
    pub const ARCH: u32 = 4;
    /// Offset of `instruction_pointer`.
    pub const INSTRUCTION_POINTER: u32 = 8;
    /// Offset of `args[0]`.
    pub const ARGS: u32 = 16;

    /// Offset of the 64-bit `args[i]`.
    pub const fn arg(i: u32) -> u32 {
        ARGS + 8 * i
    }
}

/// What a 32-bit word of `seccomp_data` holds.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Field {
    /// The system call number, `nr`.
    SysNumber,
    /// The `AUDIT_ARCH_*` value, `arch`.
    Arch,
    /// The low (`high == false`) or high 32 bits of the instruction pointer.
    InstructionPointer {
        /// Whether this is the high half.
        high: bool,
    },
    /// The low or high 32 bits of `args[index]`.
    Arg {
        /// Which argument, 0 to 5.
        index: u8,
        /// Whether this is the high half.
        high: bool,
    },
}

impl Field {
    /// The byte offset of this word for a machine of the given byte order: on
    /// big-endian machines the high word of a `u64` comes first.
    pub const fn offset(self, endian: Endian) -> u32 {
        let (base, high) = match self {
            Field::SysNumber => return offset::NR,
            Field::Arch => return offset::ARCH,
            Field::InstructionPointer { high } => (offset::INSTRUCTION_POINTER, high),
            Field::Arg { index, high } => (offset::arg(index as u32), high),
        };
        let second = match endian {
            Endian::Little => high,
            Endian::Big => !high,
        };
        if second {
            base + 4
        } else {
            base
        }
    }

    /// The word at a byte offset, if the offset is a valid seccomp load
    /// ([`is_word_offset`]).
    pub const fn at(offset: u32, endian: Endian) -> Option<Field> {
        if !is_word_offset(offset) {
            return None;
        }
        Some(match offset {
            offset::NR => Field::SysNumber,
            offset::ARCH => Field::Arch,
            _ => {
                let base = offset & !7;
                let second = offset & 4 != 0;
                let high = match endian {
                    Endian::Little => second,
                    Endian::Big => !second,
                };
                if base == offset::INSTRUCTION_POINTER {
                    Field::InstructionPointer { high }
                } else {
                    Field::Arg {
                        index: ((base - offset::ARGS) / 8) as u8,
                        high,
                    }
                }
            }
        })
    }
}

impl SeccompData {
    /// The 32-bit word a `ld [offset]` loads on a machine of the given byte
    /// order, or `None` if the kernel would refuse that load.
    pub const fn word(&self, offset: u32, endian: Endian) -> Option<u32> {
        let field = match Field::at(offset, endian) {
            Some(f) => f,
            None => return None,
        };
        let (value, high) = match field {
            Field::SysNumber => return Some(self.nr as u32),
            Field::Arch => return Some(self.arch),
            Field::InstructionPointer { high } => (self.instruction_pointer, high),
            Field::Arg { index, high } => (self.args[index as usize], high),
        };
        Some(if high {
            (value >> 32) as u32
        } else {
            value as u32
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_matches_the_kernel() {
        assert_eq!(
            core::mem::size_of::<SeccompData>(),
            SECCOMP_DATA_SIZE as usize
        );
    }

    #[test]
    fn words_follow_byte_order() {
        let d = SeccompData {
            nr: -1,
            arch: 0xc000003e,
            instruction_pointer: 0x1111_2222_3333_4444,
            args: [0xaaaa_bbbb_cccc_dddd, 0, 0, 0, 0, 0x5555_6666_7777_8888],
        };
        assert_eq!(d.word(0, Endian::Little), Some(u32::MAX));
        assert_eq!(d.word(8, Endian::Little), Some(0x3333_4444));
        assert_eq!(d.word(12, Endian::Little), Some(0x1111_2222));
        assert_eq!(d.word(8, Endian::Big), Some(0x1111_2222));
        assert_eq!(d.word(16, Endian::Big), Some(0xaaaa_bbbb));
        assert_eq!(d.word(60, Endian::Little), Some(0x5555_6666));
        assert_eq!(d.word(62, Endian::Little), None);
        assert_eq!(d.word(64, Endian::Little), None);
    }

    #[test]
    fn field_offsets_invert() {
        for e in [Endian::Little, Endian::Big] {
            for off in (0..64).step_by(4) {
                assert_eq!(Field::at(off, e).unwrap().offset(e), off);
            }
        }
    }
}

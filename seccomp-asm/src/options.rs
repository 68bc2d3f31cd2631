//! The options of assembling: the architecture, how faithfully to follow
//! seccomp-tools, and jump relaxation. Their own module because every stage
//! of the text pipeline reads them (the lexer and parser for the mode, the
//! diagnostics for how positions print), not only the assembler that takes
//! them.
//!
//! Not a stage: what the caller of [`crate::assemble`] chooses, and every
//! stage of it reads.

use crate::arch::Arch;

/// How faithfully to follow seccomp-tools.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Mode {
    /// seccomp-tools' output and errors; its silent losses become warnings.
    Compatible,
    /// Refuse anything masked, ambiguous, or refused by the kernel.
    Strict,
}

/// How to assemble: for which architecture, in which mode.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Options {
    /// Whose syscall names, byte order and argument layout to use.
    pub arch: Arch,
    /// Compatible (seccomp-tools) or strict.
    pub mode: Mode,
    /// Route conditional jumps farther than 255 instructions through `goto`
    /// trampolines instead of failing with `LongJumpError`.
    pub relax_jumps: bool,
}

impl Options {
    /// Compatible mode for `arch`, without jump relaxation.
    pub fn compatible(arch: Arch) -> Options {
        Options {
            arch,
            mode: Mode::Compatible,
            relax_jumps: false,
        }
    }

    /// Strict mode for `arch`, without jump relaxation.
    pub fn strict(arch: Arch) -> Options {
        Options {
            arch,
            mode: Mode::Strict,
            relax_jumps: false,
        }
    }
}

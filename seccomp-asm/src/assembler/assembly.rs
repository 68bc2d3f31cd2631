//! What assembly gives: the instructions, and what the caller may want to
//! know of how they came from the source.
//!
//! Takes nothing; every step of assembly fills its part of an [`Assembly`].

use crate::arch::Arch;
use crate::diag::{Diagnostic, Span};
use crate::insn::Insn;

/// An assembled program.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Assembly {
    /// The architecture whose names and byte order were used.
    pub arch: Arch,
    /// The instructions, in program order.
    pub insns: Vec<Insn>,
    /// Compatible mode: one per problem seccomp-tools lets through silently.
    /// Always empty in strict mode.
    pub warnings: Vec<Diagnostic>,
    /// For each instruction, the span of the statement that produced it
    /// (a trampoline belongs to its jump).
    pub spans: Vec<Span>,
    /// Every syscall name and `ARCH_*` constant used.
    pub names: Vec<NameUse>,
}

/// A syscall name or `ARCH_*` constant in the program.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NameUse {
    /// The instruction it is a constant of.
    pub insn: usize,
    /// Where it is written in the source.
    pub span: Span,
    /// The syscall name (without an arch qualifier) or the constant.
    pub name: &'static str,
    /// The arch written before the dot (`i386.read`).
    pub qualified: Option<Arch>,
    /// The arch whose table gave the value.
    pub resolved_for: Arch,
    /// The number it stands for.
    pub value: u32,
}

//! The pure core of the seccomp toolchain.
//!
//! Everything here is computation on bytes and text, with no system calls, so
//! the `seccomp!` macro, the `seccomp` command-line tool and the runtime share
//! one implementation of each stage:
//!
//! - [`insn`], [`bpf`]: instructions, their byte encoding, opcode constants;
//! - [`arch`], [`data`], [`action`]: what a filter sees and returns;
//! - the lexer → the parser → [`assembler`]: seccomp-tools assembly to
//!   instructions (the first two are internal: [`assemble`] is how to run
//!   them), with [`diag`] for the errors and how they print and [`options`]
//!   for what every stage of it reads;
//! - [`decoder`] → [`dataflow`] → [`disasm`]: instructions as seccomp-tools
//!   reads them, the data-flow pass that names their constants, and the
//!   listing of `seccomp-tools disasm`;
//! - [`emu`]: running a filter, and the output of `seccomp-tools emu`;
//! - [`symbolic`] → [`explain`] → [`audit`]: every path of a filter, the
//!   policy it amounts to, and how it can be escaped (`seccomp-tools explain`
//!   and `audit`); [`lint`]: their findings with levels, for the macro and
//!   the command's checks.

#![warn(missing_docs)]
#![forbid(unsafe_code)]

// The README's example is compiled as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub mod action;
pub mod arch;
pub mod assembler;
pub mod audit;
pub mod bpf;
pub mod data;
pub mod dataflow;
pub mod decoder;
pub mod diag;
pub mod disasm;
pub mod emu;
pub mod explain;
pub mod insn;
mod lexer;
pub mod lint;
pub mod options;
mod parser;
pub mod symbolic;
pub mod validate;
#[rustfmt::skip] // generated: `cargo run -p xtask -- gen-tables`
mod tables;

pub use action::Action;
pub use arch::Arch;
pub use assembler::{assemble, Assembly, Mode, NameUse, Options};
pub use data::SeccompData;
pub use diag::{render, render_bytes, render_each, Diagnostic, ErrorClass, Severity, Span};
pub use insn::{Endian, Insn};

/// The argument names seccomp-tools shows for a syscall (`write` → `fd`,
/// `buf`, `count`), in order; an `x32_` name has those of the plain one.
pub fn syscall_arg_names(name: &str) -> Option<impl Iterator<Item = &'static str> + Clone> {
    // Names are separated by spaces, and a syscall without arguments has an
    // empty list. (Splitting on ASCII blanks is much cheaper than on Unicode
    // whitespace, and the listing looks names up on every argument load.)
    syscall_arg_list(name).map(str::split_ascii_whitespace)
}

/// The argument names of a syscall as the table keeps them, separated by
/// spaces; an `x32_` name falls back to the plain one, as seccomp-tools'
/// table does.
pub(crate) fn syscall_arg_list(name: &str) -> Option<&'static str> {
    table_arg_list(name).or_else(|| name.strip_prefix("x32_").and_then(table_arg_list))
}

fn table_arg_list(name: &str) -> Option<&'static str> {
    use tables::sysargs::{SYSARGS, TEXT};
    let text = |off: u16, len: u8| &TEXT[usize::from(off)..usize::from(off) + usize::from(len)];
    let i = SYSARGS
        .binary_search_by(|&(off, len, _, _)| text(off, len).cmp(name))
        .ok()?;
    let (_, _, off, len) = SYSARGS[i];
    Some(text(off, len))
}

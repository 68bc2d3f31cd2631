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
//! - [`validate`]: the kernel's acceptance rules, which the assembler and the
//!   emulator apply too;
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
pub use arch::{syscall_arg_names, Arch};
pub use assembler::{assemble, Assembly, Mode, NameUse, Options};
pub use data::SeccompData;
pub use diag::{render, render_bytes, render_each, Diagnostic, ErrorClass, Severity, Span};
pub use insn::{Endian, Insn};

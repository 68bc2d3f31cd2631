//! seccomp-tools assembly to instructions, and the checks of the two modes.
//!
//! Takes the source's bytes and the [`Options`]; gives an [`Assembly`], or
//! every [`Diagnostic`](crate::diag::Diagnostic) that stopped it. The pipeline is the lexer → the
//! parser → [`assemble`], one token and one statement at a time: no list of a
//! whole source's tokens or syntax trees is held. Each step is a module of
//! its own:
//!
//! - `pipeline`: [`assemble`], where the lexer, the parser and the steps
//!   below meet, and the report of unknown tokens;
//! - `lower`: each statement, as it is parsed, to its instruction (a jump to
//!   what it tests and where it goes), with the checks of its values;
//! - `layout`: labels and jump targets resolved, `goto` trampolines placed,
//!   the instructions emitted, and the kernel's rules checked on them;
//! - `arch_checks`: syscall names against the arch the path to them tests;
//! - `multi_abi`: [`assemble_each`], one source for several architectures;
//! - `assembly`: what they give, [`Assembly`].
//!
//! ```
//! use seccomp_asm::{assemble, render, Arch, Mode, Options};
//!
//! let src = b"A = sys_number\nif (A == write) goto ok\nreturn ERRNO(1)\nok: return ALLOW\n";
//! let asm = assemble(src, &Options::strict(Arch::X86_64)).unwrap();
//! assert_eq!(asm.insns.len(), 4);
//! assert_eq!((asm.insns[1].jt, asm.insns[1].jf, asm.insns[1].k), (1, 0, 1));
//!
//! let bad = b"A = mem[16]\nreturn A\n";
//! let errors = assemble(bad, &Options::compatible(Arch::X86_64)).unwrap_err();
//! assert_eq!(
//!     render(&errors, bad, "<inline>", Mode::Compatible),
//!     "<inline>:1:9 index of mem[] must between 0 and 15, got 16\nA = mem[16]\n        ^^\n"
//! );
//! ```
//!
//! - [`Mode::Compatible`] does what seccomp-tools 1.7.1 does: the same bytes,
//!   or the same first error (all unknown tokens at once). Everything it lets
//!   through silently (a masked value, a filter the kernel refuses) becomes a
//!   warning next to the same bytes.
//! - [`Mode::Strict`] gives the same bytes wherever seccomp-tools' output
//!   masks nothing and breaks no kernel rule, and errors otherwise, as many as
//!   it can find in one run. Constants must fit 32 bits: `0..=0xffffffff`, or
//!   a negative value down to `-2^31`, taken as two's complement. Action
//!   data must fit 16 bits and `ERRNO(n)` needs `n <= 4095` (the kernel caps
//!   errno there); `args_h[i] >> 32` (which seccomp-tools loads as the low
//!   word) is refused, as are numeric jump targets past the end, an empty
//!   program, and everything [`crate::validate`] refuses, each pointing at
//!   the statement responsible. `;` may separate statements, as a newline
//!   does.
//!
//! In both modes, names go beyond seccomp-tools' five architectures:
//! `<arch>.<name>` takes every [`Arch`](crate::Arch) name and alias, and
//! `ARCH_*` every [`Arch::constant`](crate::Arch::constant). An `ARCH_*`
//! constant in the wrong case, on which seccomp-tools crashes, is an
//! `UnknownConstant` error. With [`Options::relax_jumps`], a conditional jump
//! farther than 255 instructions goes through a `goto` placed right after it
//! instead of failing.

mod arch_checks;
mod assembly;
mod layout;
mod lower;
mod multi_abi;
mod pipeline;

pub use crate::options::{Mode, Options};
pub use assembly::{Assembly, NameUse};
pub use multi_abi::assemble_each;
pub use pipeline::assemble;

//! Examples, cross-crate tests and the kernel test harness of the seccomp
//! toolchain.
//!
//! The promise of the toolchain is that a filter that compiles is one the
//! kernel accepts, and that it does what the emulator says. This library is
//! how the tests hold it to that, against the running kernel:
//!
//! - [`kernel`]: install any program (valid or not) in a forked child and get
//!   the kernel's verdict; make a system call under filters and see how it
//!   ended;
//! - [`gen`]: seeded, reproducible programs over the whole classic-BPF
//!   instruction space, valid seccomp programs and their mutations;
//! - [`shrink`]: reduce a program while a property holds, and print it as
//!   Rust;
//! - [`explain_truth`]: hold what `explain` claims to the emulator;
//! - [`differential`]: compare the validator with the kernel over many
//!   generated programs;
//! - [`emu_kernel`] (x86_64): compare the emulator with the kernel, filter
//!   and system call by filter and system call;
//! - [`fuzz`]: what each fuzz target checks of one input, shared by the
//!   targets and the replay of their regression inputs.

pub mod differential;
#[cfg(target_arch = "x86_64")]
pub mod emu_kernel;
pub mod explain_truth;
pub mod fuzz;
pub mod gen;
pub mod kernel;
pub mod shrink;

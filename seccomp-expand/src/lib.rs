//! The expansion of `seccomp!`, on `proc_macro2` tokens so that it runs
//! outside the compiler too: the proc-macro crate `seccomp-macros` is a shim
//! over [`seccomp`], and the benchmark and the fuzz target drive the same
//! function. Use the macro through `seccomp-runtime`, which re-exports it
//! and provides the `Filter` type it builds.
//!
//! The stages: `input` reads the invocation, `source` turns inline
//! tokens back into program text, `expand` assembles it for each target
//! ABI and lays out the result, and `check` adds what needs the whole
//! assembled program.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod check;
mod expand;
mod input;
mod source;
mod targets;

pub use expand::seccomp;

/// An expansion that is only the error `message`, at the invocation.
pub fn error_at_call_site(message: &str) -> proc_macro2::TokenStream {
    expand::error_expr(syn::Error::new(proc_macro2::Span::call_site(), message))
}

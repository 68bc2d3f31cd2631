//! The `seccomp!` macro. Use it through `seccomp-runtime`, which re-exports it
//! and provides the `Filter` type it builds.
//!
//! The macro is a thin adapter over the `seccomp-asm` core: [`input`] reads
//! the invocation, [`source`] turns inline tokens back into program text,
//! [`expand`] assembles it for each target ABI and lays out the result, and
//! [`check`] adds the checks that need the whole assembled program.

mod check;
mod expand;
mod input;
mod source;
mod targets;

use proc_macro::TokenStream;

/// Compiles seccomp-tools assembly into a `Filter` at build time.
/// See the `seccomp-runtime` documentation for the language and options.
#[doc(hidden)]
#[proc_macro]
pub fn seccomp_impl(input: TokenStream) -> TokenStream {
    let invocation = syn::parse_macro_input!(input as input::Invocation);
    expand::expand(invocation).unwrap_or_else(syn::Error::into_compile_error).into()
}

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
    let input = proc_macro2::TokenStream::from(input);
    // The core returns errors as values and is fuzzed not to panic; should a
    // panic slip through anyway, it becomes an error at the invocation
    // instead of an internal compiler error.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| expand::seccomp(input)));
    let tokens = match result {
        Ok(tokens) => tokens,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let msg =
                format!("seccomp!: internal error ({what}); please report it with this filter");
            expand::error_expr(syn::Error::new(proc_macro2::Span::call_site(), msg))
        }
    };
    tokens.into()
}

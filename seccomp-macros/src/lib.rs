//! The `seccomp!` macro. Use it through `seccomp-runtime`, which re-exports it
//! and provides the `Filter` type it builds; the expansion itself is
//! `seccomp-expand`, on compiler-independent tokens.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use proc_macro::TokenStream;

/// Compiles seccomp-tools assembly into a `Filter` at build time.
/// See the `seccomp-runtime` documentation for the language and options.
#[doc(hidden)]
#[proc_macro]
pub fn seccomp_impl(input: TokenStream) -> TokenStream {
    let input = proc_macro2::TokenStream::from(input);
    // The expansion returns errors as values and is fuzzed not to panic;
    // should a panic slip through anyway, it becomes an error at the
    // invocation instead of an internal compiler error.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        seccomp_expand::seccomp(input)
    }));
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
            seccomp_expand::error_at_call_site(&msg)
        }
    };
    tokens.into()
}

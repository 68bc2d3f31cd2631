//! The `seccomp!` macro's own front end on any input, through the same code
//! the proc-macro runs (its modules, compiled here on `proc_macro2`): option
//! parsing, laying inline tokens out again, string and file programs, then
//! assembly, lints and the emitted code. Whatever comes in, what goes out is
//! one Rust expression (the filter, or `compile_error!`s).
#![no_main]

#[allow(dead_code)]
#[path = "../../seccomp-macros/src/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "../../seccomp-macros/src/expand.rs"]
mod expand;
#[allow(dead_code)]
#[path = "../../seccomp-macros/src/input.rs"]
mod input;
#[allow(dead_code)]
#[path = "../../seccomp-macros/src/source.rs"]
mod source;
#[allow(dead_code)]
#[path = "../../seccomp-macros/src/targets.rs"]
mod targets;

use libfuzzer_sys::fuzz_target;
use proc_macro2::{Literal, TokenStream};
use std::str::FromStr;
use std::sync::Once;

/// Where `file = "..."` programs are read from (the macro resolves them
/// against `CARGO_MANIFEST_DIR`).
fn manifest_dir() -> std::path::PathBuf {
    static SET: Once = Once::new();
    let dir = std::env::temp_dir().join(format!("seccomp-macro-fuzz-{}", std::process::id()));
    SET.call_once(|| {
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        std::env::set_var("CARGO_MANIFEST_DIR", &dir);
    });
    dir
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, text)) = data.split_first() else {
        return;
    };
    let mut options = String::new();
    match selector & 3 {
        1 => options.push_str("arch = amd64, "),
        2 => options.push_str("arch = aarch64, "),
        3 => options.push_str("arch = s390x, "),
        _ => {}
    }
    if selector & 4 != 0 {
        options.push_str("relax_jumps, ");
    }
    if selector & 8 != 0 {
        options.push_str("allow(all), ");
    }
    let mut tokens = TokenStream::from_str(&format!("(::seccomp_runtime) {options}"))
        .expect("the options are tokens");
    match (selector >> 4) % 3 {
        // Inline: the bytes are Rust tokens (options included, if they say so).
        0 => {
            let Ok(text) = std::str::from_utf8(text) else {
                return;
            };
            let Ok(program) = TokenStream::from_str(text) else {
                return;
            };
            tokens.extend(program);
        }
        1 => {
            let text = String::from_utf8_lossy(text);
            tokens.extend([proc_macro2::TokenTree::Literal(Literal::string(&text))]);
        }
        _ => {
            std::fs::write(manifest_dir().join("f.asm"), text).expect("the program file");
            tokens.extend(TokenStream::from_str(r#"file = "f.asm""#).unwrap());
        }
    }
    let out = expand::seccomp(tokens);
    if let Err(e) = syn::parse2::<syn::Expr>(out.clone()) {
        panic!("the expansion is not an expression ({e}): {out}");
    }
});

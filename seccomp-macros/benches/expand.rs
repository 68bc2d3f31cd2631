//! How long `seccomp!` takes to expand a filter at the kernel's size limit.
//!
//! A proc-macro crate exports nothing but its macros, so the expansion code
//! is compiled into this benchmark as modules of its own; proc-macro2 then
//! runs on its own token implementation, which has real line and column
//! positions like the compiler's.

// Built as a test harness too, where the modules' own unit tests are
// compiled but not run from here.
#[allow(dead_code, unused_imports)]
#[path = "../src/check.rs"]
mod check;
#[allow(dead_code, unused_imports)]
#[path = "../src/expand.rs"]
mod expand;
#[allow(dead_code, unused_imports)]
#[path = "../src/input.rs"]
mod input;
#[allow(dead_code, unused_imports)]
#[path = "../src/source.rs"]
mod source;
#[allow(dead_code, unused_imports)]
#[path = "../src/targets.rs"]
mod targets;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use proc_macro2::TokenStream;
use std::str::FromStr;

/// An allowlist of 4096 instructions in libseccomp's style: the arch and
/// x32 checks, then per syscall a test of its number and of its first
/// argument's two words, with its own returns. Syscalls are named where
/// every ABI has the name (so every target variant assembles), and numbered
/// otherwise.
fn allowlist_source() -> String {
    let named = [
        "read",
        "write",
        "close",
        "exit_group",
        "futex",
        "getpid",
        "brk",
        "munmap",
    ];
    let mut src = String::from(
        "X = 0\nA = arch\nif (A == ARCH_X86_64) goto native\nreturn KILL_PROCESS\n\
         native: A = sys_number\nif (A < 0x40000000) goto checks\nreturn KILL_PROCESS\nchecks:\n",
    );
    // 7 instructions above, 7 per syscall, and the final return.
    for i in 0..584 {
        let nr = match named.get(i) {
            Some(name) => name.to_string(),
            None => (1000 + i).to_string(),
        };
        src.push_str(&format!(
            "if (A != {nr}) goto next_{i}\nA = args[0] >> 32\nif (A != 0) goto deny_{i}\n\
             A = args[0]\nif (A > {i}) goto deny_{i}\nreturn ALLOW\ndeny_{i}: return ERRNO(1)\n\
             next_{i}:\n"
        ));
    }
    src.push_str("return ERRNO(38)\n");
    src
}

fn bench(c: &mut Criterion) {
    let text = allowlist_source();
    let inline = TokenStream::from_str(&format!("(crate) {text}")).expect("tokens");
    let string = TokenStream::from_str(&format!("(crate) {text:?}")).expect("tokens");
    let pinned = TokenStream::from_str(&format!("(crate) arch = amd64, {text:?}")).expect("tokens");

    // The size is part of the claim: check it once.
    let invocation = input::parse(pinned.clone()).expect("an invocation");
    let out = match expand::expand(invocation) {
        Ok(tokens) => tokens.to_string(),
        Err(e) => panic!(
            "the filter does not assemble: {}",
            e.into_iter().next().unwrap()
        ),
    };
    assert!(out.contains("4096usize"), "not 4096 instructions");

    let mut group = c.benchmark_group("seccomp! expansion, 4096 instructions");
    group.sample_size(20);
    for (name, tokens) in [
        ("inline, every target ABI", &inline),
        ("string, every target ABI", &string),
        ("string, arch = amd64", &pinned),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(expand::seccomp(tokens.clone())))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

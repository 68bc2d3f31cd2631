//! How long `seccomp!` takes to expand a filter at the kernel's size limit.
//!
//! The expansion runs on proc-macro2's own token implementation here, which
//! has real line and column positions like the compiler's.

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
    let out = seccomp_expand::seccomp(pinned.clone()).to_string();
    assert!(
        !out.contains("compile_error"),
        "the filter does not assemble: {out}"
    );
    assert!(out.contains("4096usize"), "not 4096 instructions");

    let mut group = c.benchmark_group("seccomp! expansion, 4096 instructions");
    group.sample_size(20);
    for (name, tokens) in [
        ("inline, every target ABI", &inline),
        ("string, every target ABI", &string),
        ("string, arch = amd64", &pinned),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(seccomp_expand::seccomp(tokens.clone())))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The real compiler on `seccomp!` inputs at the edges: nesting as deep as
//! rustc's own parser takes inline, a million levels in a string or a file,
//! and programs (text or raw filters) far past the kernel's 4096
//! instructions. Each must end the
//! way a user can act on: it compiles, or rustc exits normally with the
//! macro's error message. A crash of rustc (a stack overflow is a SIGSEGV,
//! which no `catch_unwind` can turn into an error) fails the test.
//!
//! The programs are generated into a scratch crate under the target
//! directory that depends on `seccomp-runtime` by path, and checked with
//! `cargo check`, which runs the macro as any build does.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Nesting of inline tokens. rustc 1.95's parser overflows its stack at about
/// 10,580 nested groups in any macro invocation (measured with a
/// `macro_rules!` that ignores its input), before a macro runs; this is the
/// deepest round figure it takes.
const INLINE_DEPTH: usize = 10_000;

/// Nesting of program text, which only the macro reads.
const TEXT_DEPTH: usize = 1_000_000;

/// The scratch crate, written once per test run.
fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compiler-limits");
        let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("seccomp-runtime");
        std::fs::create_dir_all(dir.join("src/bin")).expect("create the scratch crate");
        std::fs::create_dir_all(dir.join("filters")).expect("create its filters directory");
        let manifest = format!(
            "[package]\nname = \"compiler-limits\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n\n[dependencies]\nseccomp-runtime = {{ path = {runtime:?} }}\n\n\
             # The core assembles megabytes of text here, as in the workspace.\n\
             [profile.dev.package.seccomp-asm]\nopt-level = 2\n\n[workspace]\n"
        );
        std::fs::write(dir.join("Cargo.toml"), manifest).expect("write the manifest");
        // The workspace's versions, so that the check needs no network.
        let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock");
        std::fs::copy(lock, dir.join("Cargo.lock")).expect("copy Cargo.lock");
        dir
    })
}

/// How `cargo check` of one program ended.
struct Outcome {
    success: bool,
    code: Option<i32>,
    stderr: String,
}

/// Checks `src/bin/<name>.rs` holding `main_rs`, with `files` written into
/// the crate's `filters/` first.
fn check(name: &str, main_rs: &str, files: &[(&str, &[u8])]) -> Outcome {
    let dir = scratch();
    for (file, bytes) in files {
        std::fs::write(dir.join("filters").join(file), bytes).expect("write a filter file");
    }
    std::fs::write(dir.join(format!("src/bin/{name}.rs")), main_rs).expect("write the program");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["check", "--quiet", "--offline", "--bin", name])
        .arg("--target-dir")
        .arg(dir.join("target"))
        .current_dir(dir)
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("run cargo check");
    let outcome = Outcome {
        success: out.status.success(),
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    for crash in [
        "SIGSEGV",
        "signal:",
        "overflowed its stack",
        "internal compiler error",
        "unexpectedly panicked",
        "seccomp!: internal error",
    ] {
        assert!(
            !outcome.stderr.contains(crash),
            "{name}: the compiler crashed ({crash}):\n{}",
            head(&outcome.stderr)
        );
    }
    outcome
}

/// The start of a long compiler output, for failure messages.
fn head(text: &str) -> &str {
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn compiles(name: &str, out: &Outcome) {
    assert!(
        out.success,
        "{name} does not compile:\n{}",
        head(&out.stderr)
    );
}

/// Rejected with rustc's normal exit (cargo reports a failed compilation as
/// 101), every expected message present, and an error output of reasonable
/// size whatever the size of the input.
fn rejected(name: &str, out: &Outcome, messages: &[&str]) {
    assert!(!out.success, "{name} compiles but must not");
    assert_eq!(out.code, Some(101), "{name}:\n{}", head(&out.stderr));
    for m in messages {
        assert!(
            out.stderr.contains(m),
            "{name}: no `{m}` in:\n{}",
            head(&out.stderr)
        );
    }
    assert!(
        out.stderr.len() < 16 * 1024,
        "{name}: {} bytes of errors",
        out.stderr.len()
    );
}

/// A program around `seccomp!(<args>)`.
fn program(args: &str) -> String {
    format!(
        "use seccomp_runtime::{{seccomp, Filter}};\n\
         static FILTER: Filter = seccomp!({args});\n\
         fn main() {{\n    assert!(!FILTER.instructions().is_empty());\n}}\n"
    )
}

/// `if (!(!(...(A == 1)...))) goto ok` with `depth` negations and `inner`
/// in place of the comparison.
fn negations(depth: usize, inner: &str) -> String {
    format!(
        "if ({}{inner}{}) goto ok",
        "!(".repeat(depth),
        ")".repeat(depth)
    )
}

/// A policy whose one condition is nested: arch and x32 checks, so that no
/// lint objects, then the condition.
fn nested_policy(condition: &str) -> String {
    format!(
        "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\n\
         if (A >= 0x40000000) goto dead\n{condition}\nreturn ERRNO(1)\n\
         ok: return ALLOW\ndead: return KILL\n"
    )
}

#[test]
fn inline_tokens_as_deep_as_rustc_parses() {
    let src = nested_policy(&negations(INLINE_DEPTH, "A == 39"));
    let out = check(
        "inline_deep",
        &program(&format!("arch = amd64,\n{src}")),
        &[],
    );
    compiles("inline_deep", &out);

    // The same depth with a mistake at the bottom: the error names it.
    let src = nested_policy(&negations(INLINE_DEPTH, "A == getpidd"));
    let out = check(
        "inline_deep_error",
        &program(&format!("arch = amd64,\n{src}")),
        &[],
    );
    rejected(
        "inline_deep_error",
        &out,
        &["error: unknown token \"getpidd\"", "A == getpidd)"],
    );

    // Options are read without entering the groups they take.
    let lints = format!(
        "{}x32_guard{}",
        "(".repeat(INLINE_DEPTH),
        ")".repeat(INLINE_DEPTH)
    );
    let out = check(
        "inline_deep_option",
        &program(&format!("allow{lints}, return ALLOW")),
        &[],
    );
    rejected("inline_deep_option", &out, &["error: expected a lint name"]);
}

#[test]
fn text_a_million_levels_deep() {
    let valid = nested_policy(&negations(TEXT_DEPTH, "A == 39"));
    let out = check(
        "string_deep",
        &program(&format!("arch = amd64, {valid:?}")),
        &[],
    );
    compiles("string_deep", &out);

    // Unclosed: the error is at the end of the line, and the line is shown
    // around it, not in full.
    let unclosed = nested_policy(&format!("if ({}A == 39", "!(".repeat(TEXT_DEPTH)));
    let at = format!(
        "<string>:5:{} unexpected string \"\\n\"",
        4 + 2 * TEXT_DEPTH + 7 + 1
    );
    let out = check(
        "string_deep_unclosed",
        &program(&format!("arch = amd64, {unclosed:?}")),
        &[],
    );
    rejected("string_deep_unclosed", &out, &[&at, "!(!(!(!(A == 39\n"]);

    let out = check(
        "file_deep_unclosed",
        &program("arch = amd64, file = \"filters/deep.asm\""),
        &[("deep.asm", unclosed.as_bytes())],
    );
    let at = at.replace("<string>", "filters/deep.asm");
    rejected("file_deep_unclosed", &out, &[&at, "!(!(!(!(A == 39\n"]);
}

#[test]
fn programs_far_past_the_kernel_limit() {
    // Inline: 20,000 statements.
    let inline = "A = 0\n".repeat(20_000) + "return ALLOW";
    let out = check(
        "inline_oversized",
        &program(&format!("allow(all), arch = amd64,\n{inline}")),
        &[],
    );
    let too_long = "the filter has 20001 instructions; the kernel accepts at most 4096";
    rejected("inline_oversized", &out, &[too_long]);

    // A string of a million statements, for every target ABI.
    let text = "A = 0\n".repeat(1_000_000) + "return ALLOW\n";
    let out = check(
        "string_oversized",
        &program(&format!("allow(all), {text:?}")),
        &[],
    );
    rejected(
        "string_oversized",
        &out,
        &["the filter has 1000001 instructions; the kernel accepts at most 4096"],
    );

    // A file of ten million lines (60 MB).
    let text = "A = 0\n".repeat(10_000_000) + "return ALLOW\n";
    let out = check(
        "file_oversized",
        &program("allow(all), arch = amd64, file = \"filters/huge.asm\""),
        &[("huge.asm", text.as_bytes())],
    );
    rejected(
        "file_oversized",
        &out,
        &["filters/huge.asm:4097:1 the filter has 10000001 instructions; the kernel accepts at most 4096"],
    );

    // A raw filter of 100 MB: 13,107,200 times `A += 1`.
    let insn = [0x04, 0, 0, 0, 1, 0, 0, 0];
    let bytes: Vec<u8> = insn.iter().copied().cycle().take(100 << 20).collect();
    let out = check(
        "bpf_oversized",
        &program("arch = amd64, bpf = \"filters/huge.bpf\""),
        &[("huge.bpf", &bytes)],
    );
    rejected(
        "bpf_oversized",
        &out,
        &["filters/huge.bpf has 13107200 instructions; the kernel accepts at most 4096"],
    );
}

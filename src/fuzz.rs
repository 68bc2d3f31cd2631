//! What each fuzz target (`fuzz/`) checks of one input, as functions: the
//! targets call them on what libFuzzer generates, and `tests/fuzz_regressions.rs`
//! replays the committed seeds and regression inputs through them on every
//! `cargo test`. Each panics on a broken property.
//!
//! Every input starts with selector bytes (an index into `Arch::ALL`, flags)
//! described at each function; the rest is source text or instructions.

use crate::explain_truth;
use proc_macro2::{Literal, TokenStream};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use seccomp_asm::disasm::{disassemble, first_unsupported, DisasmOptions};
use seccomp_asm::emu::{self, emu_output, emulate_input, EmuInput};
use seccomp_asm::insn::decode_prefix;
use seccomp_asm::validate::validate as kernel_rules;
use seccomp_asm::{audit, explain, render, Arch, Endian, Mode, Options, SeccompData};
use std::str::FromStr;
use std::sync::Once;

/// The text front end: lexer, parser and assembler, in both modes, with and
/// without jump relaxation, on any bytes; the diagnostics render in both
/// styles. Checks what must hold of every result, not only the absence of
/// panics.
pub fn assemble(data: &[u8]) {
    let Some((&selector, src)) = data.split_first() else {
        return;
    };
    let arch = Arch::ALL[usize::from(selector) % Arch::ALL.len()];
    for mode in [Mode::Compatible, Mode::Strict] {
        for relax_jumps in [false, true] {
            let opts = Options {
                arch,
                mode,
                relax_jumps,
            };
            match seccomp_asm::assemble(src, &opts) {
                Ok(asm) => {
                    assert_eq!(asm.spans.len(), asm.insns.len());
                    if mode == Mode::Strict {
                        assert!(asm.warnings.is_empty());
                        assert_eq!(kernel_rules(&asm.insns), Ok(()));
                    }
                    for span in &asm.spans {
                        assert!(span.start <= span.end && span.end <= src.len());
                    }
                    if !asm.warnings.is_empty() {
                        render(&asm.warnings, src, "fuzz", mode);
                    }
                }
                Err(diags) => {
                    assert!(!diags.is_empty());
                    render(&diags, src, "fuzz", Mode::Compatible);
                    render(&diags, src, "fuzz", Mode::Strict);
                }
            }
        }
    }
}

/// The validator on any instructions. A program it accepts must run to a
/// return in the emulator on any input (the kernel's checks guarantee
/// termination and in-range accesses), which the input's tail supplies.
pub fn validate(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let endian = if selector & 1 == 0 {
        Endian::Little
    } else {
        Endian::Big
    };
    let insns = decode_prefix(rest, endian);
    match kernel_rules(&insns) {
        Ok(()) => {
            // The words of the seccomp_data: the bytes past the program,
            // repeated.
            let mut words = rest.chunks(8).map(|c| {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                u64::from_le_bytes(w)
            });
            let mut next = || words.next().unwrap_or(0);
            let input = SeccompData {
                nr: next() as i32,
                arch: next() as u32,
                instruction_pointer: next(),
                args: [next(), next(), next(), next(), next(), next()],
            };
            let out = emu::emulate(&insns, &input, endian);
            assert!(out.is_ok(), "a valid program failed to run: {out:?}");
        }
        Err(violations) => {
            assert!(!violations.is_empty());
            for v in &violations {
                if let Some(pc) = v.pc() {
                    assert!(pc < insns.len().max(1));
                }
                let _ = v.to_string();
            }
        }
    }
}

/// The disassembler on any instructions, with every option and arch: one
/// line per instruction (plus the header), and the reference's error for
/// unsupported lines.
pub fn disasm(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Some((&flags, bytes)) = rest.split_first() else {
        return;
    };
    let arch = Arch::ALL[usize::from(selector) % Arch::ALL.len()];
    let opts = DisasmOptions {
        arch,
        bpf: flags & 1 != 0,
        arg_infer: flags & 2 != 0,
        color: flags & 4 != 0,
    };
    let insns = decode_prefix(bytes, arch.endian());
    let out = disassemble(&insns, &opts);
    let header = if opts.bpf { 2 } else { 0 };
    assert_eq!(out.lines().count(), header + insns.len().max(1));
    assert!(out.ends_with('\n'));
    if let Some(u) = first_unsupported(&insns) {
        assert!(u.pc < insns.len());
        let _ = u.to_string();
    }
}

/// Bytes of input taken before the program: selector, flags, then the
/// 64 bytes of seccomp_data.
const HEAD: usize = 2 + 64;
/// The emulator and the `seccomp-tools emu` output on any instructions and
/// input, some input words undefined.
pub fn emulate(data: &[u8]) {
    if data.len() < HEAD {
        return;
    }
    let (head, program) = data.split_at(HEAD);
    let arch = Arch::ALL[usize::from(head[0]) % Arch::ALL.len()];
    let flags = head[1];
    let word = |i: usize| u64::from_le_bytes(head[2 + 8 * i..10 + 8 * i].try_into().unwrap());
    let seccomp_data = SeccompData {
        nr: word(0) as i32,
        arch: (word(0) >> 32) as u32,
        instruction_pointer: word(1),
        args: [word(2), word(3), word(4), word(5), word(6), word(7)],
    };
    let insns = decode_prefix(program, arch.endian());
    let full = emu::emulate(&insns, &seccomp_data, arch.endian());
    if let Ok(out) = &full {
        assert_eq!(out.path.last(), Some(&out.pc));
        assert!(out.path.windows(2).all(|w| w[0] < w[1]));
    }
    // Leave some words undefined, as `seccomp-tools emu` does.
    let mut input = EmuInput::from(&seccomp_data);
    let given = usize::from(flags & 7).min(6);
    for arg in &mut input.args[given..] {
        *arg = None;
    }
    if flags & 8 != 0 {
        input.sys_nr = None;
    }
    if flags & 16 != 0 {
        input.instruction_pointer = None;
    }
    let partial = emulate_input(&insns, &input, arch.endian());
    if given == 6 && flags & 24 == 0 {
        assert_eq!(partial, full);
    }
    let text = emu_output(&insns, arch, &input, flags & 32 != 0, flags & 64 != 0);
    assert_eq!(text.is_ok(), partial.is_ok());
}

/// The most paths a filter may have for [`explain()`] to hold its policy to
/// the emulator.
pub const TRUTH_CHECK_PATHS: usize = 256;

/// `explain` on any instructions: the policy renders (plain and coloured),
/// and for a filter the kernel would accept, every claim it makes is held to
/// the emulator on inputs inside and outside it (the check of
/// `xtask explain-truth`).
pub fn explain(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Some((&seed, program)) = rest.split_first() else {
        return;
    };
    let arch = Arch::ALL[usize::from(selector) % Arch::ALL.len()];
    let insns = decode_prefix(program, arch.endian());
    let Ok(policy) = explain::explain(&insns, arch, Some("fuzz")) else {
        return;
    };
    let plain = policy.render(false);
    assert!(plain.starts_with("Seccomp policy for fuzz\n"));
    let coloured = policy.render(true);
    assert!(coloured.len() >= plain.len());
    // The truth check builds inputs for every path and matches each input
    // against every path, so its cost grows with the square of the paths;
    // past `TRUTH_CHECK_PATHS` a run would take seconds, and the fuzzer
    // checks the rendering only (`xtask explain-truth` covers such filters).
    if kernel_rules(&insns).is_ok() && policy.analysis().leaves().len() <= TRUTH_CHECK_PATHS {
        let mut rng = ChaCha8Rng::seed_from_u64(u64::from(seed));
        if let Err(d) = explain_truth::check(&insns, arch, &mut rng, 16) {
            panic!(
                "explain disagrees with the emulator on {:?}: emulated {}, claimed {:?}\n{}",
                d.data, d.emulated, d.claimed, d.policy
            );
        }
    }
}

/// `audit` on any instructions: the human report (plain and coloured) and the
/// JSON one render, the JSON is well-formed and holds every finding.
pub fn audit(data: &[u8]) {
    let Some((&selector, program)) = data.split_first() else {
        return;
    };
    let arch = Arch::ALL[usize::from(selector) % Arch::ALL.len()];
    let insns = decode_prefix(program, arch.endian());
    let Ok(report) = audit::audit(&insns, arch, Some("fuzz")) else {
        return;
    };
    let plain = report.render(false);
    assert!(report.render(true).len() >= plain.len());
    let json = audit::json(std::slice::from_ref(&report));
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("audit JSON parses");
    let findings = parsed["reports"][0]["findings"]
        .as_array()
        .expect("a findings array");
    assert_eq!(findings.len(), report.findings().len());
}

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

/// The `seccomp!` macro's own front end on any input, through the same
/// function the proc-macro runs (`seccomp_expand::seccomp`, on `proc_macro2`
/// tokens): option parsing, laying inline tokens out again, string and file
/// programs, then assembly, lints and the emitted code. Whatever comes in,
/// what goes out is one Rust expression (the filter, or `compile_error!`s).
///
/// The first byte: bits 0-1 add an `arch = ...` option, bit 2 `relax_jumps`,
/// bit 3 `allow(all)`; the rest, modulo 4, picks inline tokens, a string
/// literal, a file of text or a raw filter (`bpf = ...`).
pub fn macro_input(data: &[u8]) {
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
    match (selector >> 4) % 4 {
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
        2 => {
            std::fs::write(manifest_dir().join("f.asm"), text).expect("the program file");
            tokens.extend(TokenStream::from_str(r#"file = "f.asm""#).unwrap());
        }
        _ => {
            // A raw filter needs an ABI: the selector's, or amd64.
            std::fs::write(manifest_dir().join("f.bpf"), text).expect("the filter file");
            let arch = if selector & 3 == 0 {
                "arch = amd64, "
            } else {
                ""
            };
            let option = format!(r#"{arch}bpf = "f.bpf""#);
            tokens.extend(TokenStream::from_str(&option).unwrap());
        }
    }
    let out = seccomp_expand::seccomp(tokens);
    if let Err(e) = syn::parse2::<syn::Expr>(out.clone()) {
        panic!("the expansion is not an expression ({e}): {out}");
    }
}

/// `seccomp record --merge`'s reader on any text, as a policy file it is
/// given to merge into: it gives a document or an error, never a panic;
/// a document written out again reads back as the same recording, text
/// around the block and all; and the written block assembles in strict
/// mode unless it is past the kernel's size limit, and then allows each
/// syscall it says was recorded, on its ABI, in the emulator.
pub fn record_policy(data: &[u8]) {
    use seccomp_cli::record::{block, policy};
    let text = String::from_utf8_lossy(data);
    let Ok(doc) = block::parse(&text, "fuzz.asm") else {
        return;
    };
    let default = doc.default.unwrap_or(policy::DefaultAction::ENOSYS);
    let block_text = policy::write_block(&doc.recording, default);
    let written = format!("{}{block_text}{}", doc.before, doc.after);
    let again = block::parse(&written, "fuzz.asm").expect("a written policy reads back");
    assert_eq!(again.recording, doc.recording, "{written}");
    assert_eq!(again.default, Some(default));
    assert_eq!((&again.before, &again.after), (&doc.before, &doc.after));
    let assembly = match seccomp_asm::assembler::assemble(
        block_text.as_bytes(),
        &Options::strict(Arch::X86_64),
    ) {
        Ok(assembly) => assembly,
        Err(diags) => {
            // The writer keeps every jump in reach and every value in range:
            // only the kernel's limits (its 4,096 instructions) can refuse it.
            let kernel_only = diags
                .iter()
                .all(|d| d.class == seccomp_asm::diag::ErrorClass::KernelRule);
            assert!(kernel_only, "{block_text}\n{diags:?}");
            return;
        }
    };
    for (&abi, syscalls) in &doc.recording.abis {
        for (&nr, seen) in syscalls {
            let mut args = [0u64; 6];
            for (&i, values) in &seen.args {
                args[usize::from(i)] = *values.keys().next().expect("a value");
            }
            let data = SeccompData {
                nr: nr as i32,
                arch: abi.audit(),
                instruction_pointer: 0,
                args,
            };
            let out = emu::emulate(&assembly.insns, &data, Arch::X86_64.endian())
                .expect("a recorded policy runs to a return");
            assert_eq!(
                out.ret,
                seccomp_asm::Action::ALLOW,
                "{abi} {nr:#x}\n{block_text}"
            );
        }
    }
}

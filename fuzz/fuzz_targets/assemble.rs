//! The text front end: lexer, parser and assembler, in both modes, with and
//! without jump relaxation, on any bytes; the diagnostics render in both
//! styles. Checks what must hold of every result, not only the absence of
//! panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seccomp_asm::validate::validate;
use seccomp_asm::{assemble, render, Arch, Mode, Options};

fuzz_target!(|data: &[u8]| {
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
            match assemble(src, &opts) {
                Ok(asm) => {
                    assert_eq!(asm.spans.len(), asm.insns.len());
                    if mode == Mode::Strict {
                        assert!(asm.warnings.is_empty());
                        assert_eq!(validate(&asm.insns), Ok(()));
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
});

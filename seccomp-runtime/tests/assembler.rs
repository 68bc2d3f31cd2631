//! `Assembler`: text assembled at run time with the checks of `seccomp!`.

use seccomp_runtime::{Action, Arch, Assembler, ErrorClass, Level, Lint, SeccompData};

const GUARDED: &str = "\
A = arch
if (A != ARCH_X86_64) goto dead
A = sys_number
if (A >= 0x40000000) goto dead
if (A == write) goto ok
return ERRNO(1)
ok: return ALLOW
dead: return KILL
";

#[test]
fn a_policy_assembles_into_a_sealed_filter_for_its_arch() {
    let assembled = Assembler::new(Arch::X86_64).assemble(GUARDED).unwrap();
    let filter = assembled.filter();
    assert!(!filter.is_static());
    assert_eq!(filter.arch(), Arch::X86_64);
    assert_eq!(filter.len(), 8);
    let write = SeccompData {
        nr: 1,
        arch: 0xc000_003e,
        ..Default::default()
    };
    assert_eq!(filter.emulate(&write), Action::Allow(0));
    // The same text for aarch64 would compare aarch64's number of write on
    // a path its own arch check keeps for x86_64: refused, at the name.
    let err = Assembler::new(Arch::Aarch64).assemble(GUARDED).unwrap_err();
    assert_eq!(err.diagnostics().len(), 1, "{err}");
    assert_eq!(err.diagnostics()[0].class, ErrorClass::ArchMismatch);
    assert!(
        err.to_string()
            .starts_with("<policy>:5:10 syscall `write` is resolved for aarch64"),
        "{err}"
    );
}

#[test]
fn every_error_is_reported_at_its_statement() {
    let err = Assembler::new(Arch::X86_64)
        .name("policy.asm")
        .assemble("A = sys_numbr\nA = args[9]\nreturn ERRNO(5000)\n")
        .unwrap_err();
    assert_eq!(err.diagnostics().len(), 3, "{err}");
    assert!(err.lints().is_empty());
    let text = err.to_string();
    assert!(text.starts_with("policy.asm:1:5 "), "{text}");
    assert!(text.contains("\npolicy.asm:2:"), "{text}");
    assert!(text.contains("\npolicy.asm:3:"), "{text}");
}

#[test]
fn lint_levels_decide_what_refuses_a_program() {
    // No arch check and no x32 guard: both denied by default.
    let unguarded =
        "A = sys_number\nif (A == ptrace) goto deny\nreturn ALLOW\ndeny: return ERRNO(1)\n";
    let err = Assembler::new(Arch::X86_64)
        .name("deny.asm")
        .assemble(unguarded)
        .unwrap_err();
    let denied: Vec<Lint> = err.lints().iter().map(|f| f.lint).collect();
    assert_eq!(denied[..2], [Lint::ArchUnchecked, Lint::X32Guard], "{err}");
    let text = err.to_string();
    assert!(text.contains("error[arch_unchecked]"), "{text}");
    assert!(
        text.contains("= note: `arch_unchecked` is deny by default; `Assembler::allow` allows it"),
        "{text}"
    );

    // Allowed, or made warnings, they let it through, with the warnings.
    let assembled = Assembler::new(Arch::X86_64)
        .allow(Lint::ArchUnchecked)
        .warn(Lint::X32Guard)
        .level(Lint::PermissiveDefault, Level::Allow)
        .assemble(unguarded)
        .unwrap();
    let warned: Vec<Lint> = assembled.warnings().iter().map(|f| f.lint).collect();
    assert!(warned.contains(&Lint::X32Guard), "{warned:?}");
    assert!(!warned.contains(&Lint::PermissiveDefault), "{warned:?}");
    assert!(assembled.warnings_text().contains("warning[x32_guard]"));

    // And a warning can be made an error.
    let err = Assembler::new(Arch::X86_64)
        .deny(Lint::DangerousAllow)
        .allow(Lint::ArchUnchecked)
        .allow(Lint::X32Guard)
        .assemble(unguarded)
        .unwrap_err();
    assert!(err
        .lints()
        .iter()
        .any(|f| f.lint == Lint::DangerousAllow && f.level == Level::Deny));
}

#[test]
fn long_jumps_need_relax_jumps() {
    let far = format!(
        "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\n\
         if (A >= 0x40000000) goto dead\nif (A == getpid) goto far\n{}\
         return ERRNO(1)\nfar: return ALLOW\ndead: return KILL\n",
        "A = 0\n".repeat(300)
    );
    let err = Assembler::new(Arch::X86_64).assemble(&far).unwrap_err();
    assert!(err.to_string().contains("relax_jumps"), "{err}");
    let relaxed = Assembler::new(Arch::X86_64)
        .relax_jumps(true)
        .allow(Lint::KernelCache)
        .assemble(&far)
        .unwrap();
    assert!(relaxed.filter().len() > 300);
}

#[test]
fn a_million_levels_of_nesting_assemble_or_fail_at_the_end_of_the_line() {
    let depth = 1_000_000;
    let nested = GUARDED.replace(
        "if (A == write) goto ok",
        &format!(
            "if ({}A == write{}) goto ok",
            "!(".repeat(depth),
            ")".repeat(depth)
        ),
    );
    let deep = Assembler::new(Arch::X86_64).assemble(&nested).unwrap();
    let flat = Assembler::new(Arch::X86_64).assemble(GUARDED).unwrap();
    // An even number of negations is none.
    assert_eq!(deep.filter().instructions(), flat.filter().instructions());

    let unclosed = GUARDED.replace(
        "if (A == write) goto ok",
        &format!("if ({}A == write", "!(".repeat(depth)),
    );
    let err = Assembler::new(Arch::X86_64)
        .assemble(&unclosed)
        .unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("<policy>:5:{} ", 4 + 2 * depth + 10 + 1)),
        "{}",
        &text[..200]
    );
    // The line is shown around the caret, not in full.
    assert!(text.len() < 1024, "{} bytes", text.len());
}

#[test]
fn a_raw_filter_of_100_mb_is_refused_with_its_violations() {
    use seccomp_runtime::{LoadError, OwnedFilter, Violation};
    // 13,107,200 times `A += 1`.
    let bytes: Vec<u8> = [4u8, 0, 0, 0, 1, 0, 0, 0]
        .iter()
        .copied()
        .cycle()
        .take(100 << 20)
        .collect();
    match OwnedFilter::from_bpf(&bytes, Arch::X86_64) {
        Err(LoadError::Invalid { violations, .. }) => assert_eq!(
            violations,
            [
                Violation::TooLong { len: 13_107_200 },
                Violation::NoFinalReturn { pc: 13_107_199 }
            ]
        ),
        other => panic!("expected the violations, got {:?}", other.map(|f| f.len())),
    }
}

//! The x32 bypass `x32_guard` warns of is real on the running kernel: a
//! denylist that checks only the native number lets the same syscall's x32
//! number (nr | 0x40000000, same AUDIT_ARCH_X86_64) through to the syscall
//! table, and the guard the lint asks for closes it.
#![cfg(target_arch = "x86_64")]

use seccomp_asm::assembler::{assemble, Options};
use seccomp_asm::lint::{lint, Level, Levels, Lint, LintFinding};
use seccomp_asm::{Arch, Insn};
use seccomp_suite::kernel::{Abi, Ending, Harness, Syscall};

/// getppid on x86_64 (and in the x32 table, which shares the common
/// numbers): harmless if it runs, and its result (the test process's pid)
/// cannot be mistaken for an errno.
const NR_GETPPID: i32 = 110;
const X32_BIT: i32 = 0x4000_0000;
/// The errno the filters answer with; nothing else in the kernel returns
/// 77 (EBADFD) for getppid, so seeing it means the filter answered.
const DENIED: i32 = 77;

/// Denies getppid by its native number only, after an arch check.
const CHECKED: &str = "A = arch
if (A != ARCH_X86_64) goto dead
A = sys_number
if (A == getppid) goto deny
return ALLOW
deny: return ERRNO(77)
dead: return KILL
";

/// The same denylist without any arch check.
const UNCHECKED: &str = "A = sys_number
if (A == getppid) goto deny
return ALLOW
deny: return ERRNO(77)
";

fn asm(src: &str) -> Vec<Insn> {
    assemble(src.as_bytes(), &Options::strict(Arch::X86_64))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .insns
}

/// The guard the lint's fix names, answering with the filter's errno
/// rather than KILL so the child lives to report the call's result.
fn guarded(src: &str) -> String {
    let out = src.replace(
        "A = sys_number\n",
        "A = sys_number\nif (A >= 0x40000000) goto deny\n",
    );
    assert_ne!(out, src, "the guard goes after the load of sys_number");
    out
}

fn findings(insns: &[Insn]) -> Vec<LintFinding> {
    lint(insns, Arch::X86_64, &Levels::default()).expect("walkable")
}

fn getppid(nr: i32) -> Syscall {
    Syscall::new(Abi::X86_64, nr, [0; 6])
}

fn probe(filter: &[Insn], nr: i32) -> Ending {
    Harness::new()
        .probe(&[filter], &getppid(nr))
        .unwrap_or_else(|e| panic!("probe of {nr:#x}: {e}"))
}

/// What the x32 number does with no filter: ENOSYS on a kernel built
/// without CONFIG_X86_X32_ABI, the parent's pid where x32 is built in.
/// Anything else means the call did not reach the syscall table as
/// expected, and the comparisons below would prove nothing.
fn x32_unfiltered() -> (Ending, &'static str) {
    let ending = Harness::new()
        .probe(&[], &getppid(X32_BIT | NR_GETPPID))
        .expect("unfiltered probe");
    let parent = i64::from(std::process::id());
    let what = match ending {
        Ending::Returned(v) if v == -i64::from(libc::ENOSYS) => "ENOSYS: no x32 ABI in this kernel",
        Ending::Returned(v) if v == parent => "ran: the x32 ABI is built in",
        other => panic!("x32 getppid without a filter ended {other:?}"),
    };
    (ending, what)
}

/// The kernel half: the unguarded filter denies the native number and
/// passes the x32 one to the syscall table untouched; with the guard both
/// get the filter's errno.
fn bypass_is_real_and_the_guard_closes_it(src: &str) {
    let (unfiltered, what) = x32_unfiltered();
    let open = asm(src);
    assert_eq!(
        probe(&open, NR_GETPPID),
        Ending::Returned(-i64::from(DENIED)),
        "the filter denies native getppid"
    );
    let x32 = probe(&open, X32_BIT | NR_GETPPID);
    assert_ne!(
        x32.errno(),
        Some(DENIED),
        "x32 getppid got the filter's errno ({x32:?}); without a filter it is {what}"
    );
    assert_eq!(
        x32, unfiltered,
        "x32 getppid under the filter ends as without one ({what})"
    );
    eprintln!("x32 getppid under the unguarded filter: {x32:?}, {what}");

    let closed = asm(&guarded(src));
    for nr in [NR_GETPPID, X32_BIT | NR_GETPPID] {
        assert_eq!(
            probe(&closed, nr),
            Ending::Returned(-i64::from(DENIED)),
            "guarded filter, nr {nr:#x}"
        );
    }
}

fn x32_guard(found: &[LintFinding]) -> Option<&LintFinding> {
    found.iter().find(|f| f.lint == Lint::X32Guard)
}

/// The lint half: `x32_guard` denies exactly the filter the kernel lets
/// through, naming the syscall, and is silent once the guard is in.
fn lint_names_the_bypass(src: &str) {
    let found = findings(&asm(src));
    let x32 = x32_guard(&found).unwrap_or_else(|| panic!("no x32_guard in {found:?}"));
    assert_eq!(x32.level, Level::Deny);
    assert!(x32.message.contains("getppid"), "{}", x32.message);
    let syscalls = &x32.finding.as_ref().expect("an audit finding").syscalls;
    assert_eq!(syscalls, &["getppid"]);

    let found = findings(&asm(&guarded(src)));
    assert!(x32_guard(&found).is_none(), "{found:?}");
}

#[test]
fn a_denylist_after_an_arch_check_is_bypassed_by_x32_numbers() {
    bypass_is_real_and_the_guard_closes_it(CHECKED);
    lint_names_the_bypass(CHECKED);
    // The arch check is there: only the x32 bypass is an error.
    let denied: Vec<Lint> = findings(&asm(CHECKED))
        .into_iter()
        .filter(|f| f.level == Level::Deny)
        .map(|f| f.lint)
        .collect();
    assert_eq!(denied, [Lint::X32Guard]);
}

#[test]
fn a_denylist_without_an_arch_check_is_bypassed_by_x32_numbers() {
    bypass_is_real_and_the_guard_closes_it(UNCHECKED);
    lint_names_the_bypass(UNCHECKED);
    let denied = |src: &str| -> Vec<Lint> {
        findings(&asm(src))
            .into_iter()
            .filter(|f| f.level == Level::Deny)
            .map(|f| f.lint)
            .collect()
    };
    assert_eq!(denied(UNCHECKED), [Lint::ArchUnchecked, Lint::X32Guard]);
    // The guard fixes the x32 bypass, not the missing arch check.
    assert_eq!(denied(&guarded(UNCHECKED)), [Lint::ArchUnchecked]);
}

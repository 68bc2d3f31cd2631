//! Lints on the classic filters: what each finds, at which level, where.

use seccomp_asm::assembler::{assemble, Options};
use seccomp_asm::lint::{self, cache_allows, Level, Levels, Lint};
use seccomp_asm::{Arch, Insn};

fn asm(src: &str, arch: Arch) -> Vec<Insn> {
    assemble(src.as_bytes(), &Options::strict(arch))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .insns
}

fn lints(src: &str, arch: Arch) -> Vec<(Lint, Level, Option<usize>, String)> {
    lint::lint(&asm(src, arch), arch, &Levels::default())
        .expect("walkable")
        .into_iter()
        .map(|f| (f.lint, f.level, f.pc, f.message))
        .collect()
}

const DENY_EXECVE: &str = "A = arch
if (A != ARCH_X86_64) goto dead
A = sys_number
if (A == execve) goto dead
return ALLOW
dead:
return KILL
";

#[test]
fn a_denylist_without_the_x32_guard_is_denied_at_its_dispatch() {
    let found = lints(DENY_EXECVE, Arch::X86_64);
    let x32 = found
        .iter()
        .find(|f| f.0 == Lint::X32Guard)
        .expect("x32_guard");
    assert_eq!(x32.1, Level::Deny);
    assert_eq!(x32.2, Some(2), "the load of sys_number");
    assert!(x32.3.contains("execve"), "{}", x32.3);
    assert!(x32
        .3
        .contains("Fix: After the arch check, KILL when sys_number >= 0x40000000"));
    // The denylist also warns.
    let levels: Vec<(Lint, Level)> = found.iter().map(|f| (f.0, f.1)).collect();
    assert!(
        levels.contains(&(Lint::PermissiveDefault, Level::Warn)),
        "{levels:?}"
    );
    assert!(
        levels.contains(&(Lint::DangerousAllow, Level::Warn)),
        "{levels:?}"
    );
    assert!(!levels.iter().any(|l| l.0 == Lint::ArchUnchecked));
}

#[test]
fn with_the_guard_no_denied_lint_remains() {
    let guarded = DENY_EXECVE.replace(
        "A = sys_number\n",
        "A = sys_number\nif (A >= 0x40000000) goto dead\n",
    );
    let found = lints(&guarded, Arch::X86_64);
    assert!(found.iter().all(|f| f.1 != Level::Deny), "{found:?}");
}

#[test]
fn no_arch_check_names_both_bypasses() {
    let src = "A = sys_number\nif (A == write) goto deny\nreturn ALLOW\ndeny: return ERRNO(1)\n";
    let found = lints(src, Arch::X86_64);
    let denied: Vec<Lint> = found
        .iter()
        .filter(|f| f.1 == Level::Deny)
        .map(|f| f.0)
        .collect();
    assert_eq!(denied, [Lint::ArchUnchecked, Lint::X32Guard]);
    let unchecked = &found[0];
    assert_eq!(unchecked.2, Some(0));
    assert!(
        unchecked.3.starts_with("Architecture is never validated: "),
        "{}",
        unchecked.3
    );
}

#[test]
fn an_x86_64_filter_kills_an_aarch64_program() {
    // (Names would be an error on aarch64 already: they would be resolved
    // for the target on a path the arch check pins to x86_64.)
    let src = "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\n\
               if (A >= 0x40000000) goto dead\nif (A == amd64.read) goto ok\nreturn ERRNO(1)\n\
               ok: return ALLOW\ndead: return KILL\n";
    let on_arm = lints(src, Arch::Aarch64);
    let killed = on_arm
        .iter()
        .find(|f| f.0 == Lint::TargetArchKilled)
        .expect("target_arch_killed");
    assert_eq!((killed.1, killed.2), (Level::Deny, Some(1)));
    assert!(
        killed.3.contains("refuses every system call on aarch64"),
        "{}",
        killed.3
    );
    assert!(killed.3.contains("ARCH_X86_64 only"), "{}", killed.3);
    assert!(!lints(src, Arch::X86_64)
        .iter()
        .any(|f| f.0 == Lint::TargetArchKilled));
}

#[test]
fn reading_arguments_before_the_dispatch_costs_the_cache() {
    let src = "A = arch\nif (A != ARCH_X86_64) goto dead\nA = args[0]\n\
               if (A == 0x1234) goto dead\nA = sys_number\nif (A >= 0x40000000) goto dead\n\
               if (A == read) goto ok\nif (A == write) goto ok\nreturn ERRNO(1)\n\
               ok: return ALLOW\ndead: return KILL\n";
    let found = lints(src, Arch::X86_64);
    // read and write are allowed only when args[0] != 0x1234: not always,
    // so the cache has nothing to lose.
    assert!(!found.iter().any(|f| f.0 == Lint::KernelCache), "{found:?}");
    let src = src.replace("if (A == 0x1234) goto dead", "if (A == 0x1234) goto next");
    let found = lints(&src, Arch::X86_64);
    let cache = found
        .iter()
        .find(|f| f.0 == Lint::KernelCache)
        .expect("kernel_cache");
    assert_eq!((cache.1, cache.2), (Level::Warn, Some(2)));
    assert!(
        cache.3.starts_with("2 syscalls the filter always allows"),
        "{}",
        cache.3
    );
    assert!(cache.3.contains("(read, write)") && cache.3.contains("line 2 reads args[0]"));
    // Dispatching first gives the cache every allowed syscall.
    let first = "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\n\
                 if (A >= 0x40000000) goto dead\nif (A == read) goto ok\nreturn ERRNO(1)\n\
                 ok: return ALLOW\ndead: return KILL\n";
    let insns = asm(first, Arch::X86_64);
    assert_eq!(cache_allows(&insns, 0, Arch::X86_64.audit()), Ok(true));
    assert_eq!(cache_allows(&insns, 1, Arch::X86_64.audit()), Ok(false));
}

#[test]
fn levels_and_names() {
    let mut levels = Levels::default();
    assert_eq!(levels.get(Lint::OrwChain), Level::Allow);
    levels.set(Lint::X32Guard, Level::Allow);
    let found = lint::lint(&asm(DENY_EXECVE, Arch::X86_64), Arch::X86_64, &levels).unwrap();
    assert!(!found.iter().any(|f| f.lint == Lint::X32Guard));
    assert_eq!(Lint::from_name("x32_guard"), Ok(Lint::X32Guard));
    let e = Lint::from_name("x32-gaurd").unwrap_err();
    assert_eq!(e.suggestion, Some(Lint::X32Guard));
    assert_eq!(
        e.to_string(),
        "unknown lint `x32-gaurd`; did you mean `x32_guard`?"
    );
    let e = Lint::from_name("zzz").unwrap_err();
    assert!(e
        .to_string()
        .starts_with("unknown lint `zzz`; the lints are arch_unchecked, "));
}

//! The lints on the command line: `check` holding a raw filter from
//! anywhere to them, and their `--allow`, `--warn`, `--deny` levels.

mod common;

use std::process::Output;

use common::{records, seccomp, str_field, unhex};

/// The classic bypassable denylist: execve is killed by its native number
/// only, so it stays reachable through its x32 number.
const DENYLIST: &str = "A = arch
if (A != ARCH_X86_64) goto dead
A = sys_number
if (A == execve) goto dead
return ALLOW
dead:
return KILL
";

/// The x32 guard the denylist lacks, after its load of `sys_number`.
fn guarded() -> String {
    DENYLIST.replace(
        "A = sys_number\n",
        "A = sys_number\nif (A >= 0x40000000) goto dead\n",
    )
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// The raw bytes of a program, assembled as seccomp-tools would.
fn raw(src: &str) -> Vec<u8> {
    let out = seccomp(&["asm", "-a", "amd64", "-f", "raw", "-"], src.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    out.stdout
}

/// Asserts a usage error: status 2, one line on stderr, nothing on stdout.
fn assert_usage_error(out: &Output, stderr: &str) {
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), stderr);
    assert!(out.stdout.is_empty());
}

#[test]
fn level_flags_are_checked() {
    assert_usage_error(
        &seccomp(&["check", "-", "--allow", "x32-gaurd"], b""),
        "error: invalid value 'x32-gaurd' for '--allow <LINT>': unknown lint `x32-gaurd`; \
         did you mean `x32_guard`?\n",
    );
    assert_usage_error(
        &seccomp(&["check", "-", "--deny", "x32_guard,nonsense"], b""),
        "error: invalid value 'nonsense' for '--deny <LINT>': unknown lint `nonsense`; the lints \
         are arch_unchecked, x32_guard, target_arch_killed, syscall_alt_gap, permissive_default, \
         dangerous_allow, kernel_cache, orw_chain\n",
    );
    assert_usage_error(
        &seccomp(
            &["check", "-", "--warn", "x32_guard", "--allow", "x32_guard"],
            b"",
        ),
        "error: lint `x32_guard` is given two levels, --allow and --warn\n",
    );
}

#[test]
fn check_passes_a_libseccomp_allow_list_and_lists_its_warnings() {
    let foreign = records("../foreign/foreign.jsonl");
    let record = foreign
        .iter()
        .find(|r| r["id"] == "libseccomp-allow-x86_64-linear")
        .expect("the libseccomp allow-list record");
    let out = seccomp(
        &["check", "-a", str_field(record, "arch"), "-"],
        &unhex(str_field(record, "hex")),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
    assert_eq!(
        text(&out.stdout),
        "ok: 52 instructions; the kernel accepts this filter\n\
         warn  [dangerous_allow] line 0034: socket is allowed (amd64): socket reaches ALLOW - \
         network access (exfiltration). Fix: Block socket unless the program genuinely needs it.\n\
         warn  [dangerous_allow] line 0035: connect is allowed (amd64): connect reaches ALLOW - \
         network access (exfiltration). Fix: Block connect unless the program genuinely needs it.\n\
         lints: 2 warnings for amd64, none denied\n"
    );
    // Linted for another target, the same filter kills every program.
    let out = seccomp(
        &["check", "-a", "aarch64", "-"],
        &unhex(str_field(record, "hex")),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "\ndeny  [target_arch_killed] line 0001: The filter refuses every system call on \
             aarch64"
        ),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(
            "lints: 1 denied, 2 warnings for aarch64; the filter fails the check \
             (`--warn LINT` or `--allow LINT` changes a level)\n"
        ),
        "{stdout}"
    );
}

#[test]
fn check_fails_the_denylist_unless_its_lint_is_allowed() {
    let bpf = raw(DENYLIST);
    let out = seccomp(&["check", "-a", "amd64", "-"], &bpf);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "");
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "ok: 6 instructions; the kernel accepts this filter"
    );
    assert_eq!(
        lines[1],
        "deny  [x32_guard] line 0002: x32 ABI is not guarded (amd64): Syscalls blocked by their \
         native number are reachable via their x32 number (nr | 0x40000000): execve. Fix: After \
         the arch check, KILL when sys_number >= 0x40000000 (or jset 0x40000000)."
    );
    // The warnings follow in the order of their lines.
    assert!(lines[2].starts_with("warn  [syscall_alt_gap] line 0003: "));
    assert!(lines[3..11]
        .iter()
        .all(|l| l.starts_with("warn  [") && l.contains("] line 0004: ")));
    assert_eq!(
        lines[11..],
        [
            "lints: 1 denied, 9 warnings for amd64; the filter fails the check \
          (`--warn LINT` or `--allow LINT` changes a level)"
        ]
    );

    let out = seccomp(&["check", "-a", "amd64", "--allow", "x32_guard", "-"], &bpf);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("x32_guard"), "{stdout}");
    assert!(
        stdout.ends_with("\nlints: 9 warnings for amd64, none denied\n"),
        "{stdout}"
    );

    // A warning made an error fails the guarded filter.
    let out = seccomp(
        &["check", "-a", "amd64", "--deny", "syscall_alt_gap", "-"],
        &raw(&guarded()),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("\ndeny  [syscall_alt_gap] line 0004: execve blocked but execveat allowed"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(
            "\nlints: 1 denied, 8 warnings for amd64; the filter fails the check \
             (`--warn LINT` or `--allow LINT` changes a level)\n"
        ),
        "{stdout}"
    );
}

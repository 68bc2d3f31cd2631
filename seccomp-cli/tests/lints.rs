//! The lints on the command line: `asm --strict` refusing a program at the
//! statement responsible, `check` holding a raw filter from anywhere to the
//! same lints, and the `--allow`, `--warn`, `--deny` levels of both.

mod common;
// Only the reader of records is needed here.
#[allow(dead_code)]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::seccomp;
use corpus::records;
use seccomp_conformance::{str_field, unhex};

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

/// The warnings the denylist has besides its error.
const DENYLIST_WARNINGS: &str = "syscall_alt_gap,dangerous_allow,permissive_default";

/// The x32_guard error on the denylist, as `asm --strict` prints it.
fn x32_error(file: &str) -> String {
    format!(
        "{file}:3:1 error[x32_guard]: x32 ABI is not guarded (amd64): Syscalls blocked by their \
         native number are reachable via their x32 number (nr | 0x40000000): execve. Fix: After \
         the arch check, KILL when sys_number >= 0x40000000 (or jset 0x40000000).\n\
         A = sys_number\n\
         ^^^^^^^^^^^^^^\n  \
         = note: `--warn x32_guard` to make it a warning, `--allow x32_guard` to allow it\n"
    )
}

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        Dir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn file(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write temp file");
        path
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// `seccomp asm --strict -a amd64 FILE EXTRA...`.
fn asm_strict(file: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["asm", "--strict", "-a", "amd64", path_str(file)];
    args.extend_from_slice(extra);
    seccomp(&args, b"")
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

#[test]
fn a_denied_lint_refuses_the_program_at_its_statement_and_writes_nothing() {
    let dir = Dir::new();
    let src = dir.file("deny.asm", DENYLIST.as_bytes());
    let output = dir.file("deny.bpf", b"the previous output");
    let out = asm_strict(&src, &["-f", "raw", "-o", path_str(&output)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    // Denied first, then the warnings, each a block of its own.
    let name = path_str(&src);
    assert!(
        stderr.starts_with(&format!("{}\n{name}:4:1 warning[", x32_error(name))),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(
            "  = note: `--allow dangerous_allow` to allow it\n\n\
             error: the program is refused by 1 denied lint (and 9 warnings); nothing was written\n"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.matches("\n  = note: ").count(), 10, "{stderr}");
    assert_eq!(
        std::fs::read(&output).unwrap(),
        b"the previous output",
        "the output file is left as it was"
    );
}

#[test]
fn allowing_the_denied_lint_assembles_and_keeps_the_warnings() {
    let dir = Dir::new();
    let src = dir.file("deny.asm", DENYLIST.as_bytes());
    let out = asm_strict(&src, &["-f", "raw", "--allow", "x32_guard"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(out.stdout, raw(DENYLIST));
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("error"), "{stderr}");
    let name = path_str(&src);
    assert!(
        stderr.contains(&format!(
            "\n\n{name}:5:1 warning[permissive_default]: Default action is ALLOW (denylist) \
             (amd64): "
        )),
        "{stderr}"
    );
    assert!(
        stderr.starts_with(&format!(
            "{name}:4:1 warning[syscall_alt_gap]: execve blocked but execveat allowed (amd64): "
        )),
        "{stderr}"
    );
    // Warnings end with their note, and nothing after them.
    assert!(
        stderr.ends_with("\n  = note: `--allow dangerous_allow` to allow it\n"),
        "{stderr}"
    );
}

#[test]
fn the_x32_guard_removes_the_error() {
    let dir = Dir::new();
    let src = dir.file("guarded.asm", guarded().as_bytes());
    let out = asm_strict(&src, &["-f", "raw"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, raw(&guarded()));
    assert!(!text(&out.stderr).contains("error"));
    // With its warnings allowed too, strict mode is silent.
    let out = asm_strict(&src, &["-f", "raw", "--allow", DENYLIST_WARNINGS]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn deny_turns_a_warning_into_an_error() {
    let dir = Dir::new();
    let src = dir.file("guarded.asm", guarded().as_bytes());
    let output = dir.file("out.bpf", b"");
    let out = asm_strict(
        &src,
        &["--deny", "dangerous_allow", "-o", path_str(&output)],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let name = path_str(&src);
    assert!(
        stderr.starts_with(&format!(
            "{name}:6:1 error[dangerous_allow]: execveat is allowed (amd64): execveat reaches \
             ALLOW - arbitrary program execution. Fix: Block execveat unless the program \
             genuinely needs it.\n\
             return ALLOW\n\
             ^^^^^^^^^^^^\n  \
             = note: `--warn dangerous_allow` to make it a warning, `--allow dangerous_allow` to \
             allow it\n\n"
        )),
        "{stderr}"
    );
    assert!(stderr.ends_with(
        "error: the program is refused by 7 denied lints (and 2 warnings); nothing was written\n"
    ));
    assert_eq!(std::fs::read(&output).unwrap(), b"");
}

#[test]
fn a_finding_about_the_whole_filter_has_no_statement_to_show() {
    let src = "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\n\
               if (A >= 0x40000000) goto dead\nif (A == open) goto ok\nif (A == read) goto ok\n\
               if (A == write) goto ok\nreturn ERRNO(1)\nok: return ALLOW\ndead: return KILL\n";
    let out = seccomp(
        &["asm", "--strict", "-a", "amd64", "--warn", "orw_chain", "-"],
        src.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stderr),
        "<inline>: warning[orw_chain]: A file can be opened and its contents copied out (amd64): \
         open, read and write all reach ALLOW, so the contents of an arbitrary file (e.g. the \
         flag) can be copied straight back out. Fix: Deny the open-family syscalls unless the \
         program genuinely needs arbitrary files.\n  \
         = note: `--allow orw_chain` to allow it\n"
    );
}

/// Asserts a usage error: status 2, one line on stderr, nothing on stdout.
fn assert_usage_error(out: &Output, stderr: &str) {
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), stderr);
    assert!(out.stdout.is_empty());
}

#[test]
fn level_flags_are_checked() {
    let dir = Dir::new();
    let src = dir.file("deny.asm", DENYLIST.as_bytes());
    let src = path_str(&src);
    assert_usage_error(
        &seccomp(&["asm", "--strict", src, "--allow", "x32-gaurd"], b""),
        "error: invalid value 'x32-gaurd' for '--allow <LINT>': unknown lint `x32-gaurd`; \
         did you mean `x32_guard`?\n",
    );
    assert_usage_error(
        &seccomp(&["check", "-", "--deny", "x32_guard,nonsense"], b""),
        "error: invalid value 'nonsense' for '--deny <LINT>': unknown lint `nonsense`; the lints \
         are arch_unchecked, x32_guard, target_arch_killed, syscall_alt_gap, permissive_default, \
         dangerous_allow, kernel_cache, orw_chain\n",
    );
    // Without --strict asm is seccomp-tools' and has no lints.
    for flag in ["--allow", "--warn", "--deny"] {
        assert_usage_error(
            &seccomp(&["asm", src, flag, "x32_guard"], b""),
            "error: the following required arguments were not provided: --strict\n",
        );
    }
    assert_usage_error(
        &seccomp(
            &[
                "asm",
                "--strict",
                src,
                "--warn",
                "x32_guard",
                "--allow",
                "x32_guard",
            ],
            b"",
        ),
        "error: lint `x32_guard` is given two levels, --allow and --warn\n",
    );
}

#[test]
fn without_strict_asm_prints_no_lint() {
    let out = seccomp(&["asm", "-a", "amd64", "-"], DENYLIST.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
    assert_eq!(
        text(&out.stdout),
        concat!(
            r#"" \x00\x00\x00\x04\x00\x00\x00\x15\x00\x00\x03>\x00\x00\xC0 \x00\x00\x00"#,
            r#"\x00\x00\x00\x00\x15\x00\x01\x00;\x00\x00\x00\x06\x00\x00\x00\x00\x00"#,
            r#"\xFF\x7F\x06\x00\x00\x00\x00\x00\x00\x00""#,
            "\n"
        )
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

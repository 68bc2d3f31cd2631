//! Inputs far past what the tools are meant for, through the binary: a
//! million levels of nesting, ten million lines, a raw filter of 100 MB, and
//! the most paths 4096 instructions can make. Each ends in a normal exit
//! with a result or a clear error, never a crash (the README's limits).

// Only the runner of the shared test support is needed here.
#[allow(dead_code)]
mod common;

use common::seccomp;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const DEPTH: usize = 1_000_000;

fn scratch(name: &str, bytes: &[u8]) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-limits");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the input");
    path.to_str().expect("a UTF-8 path").to_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `explain` and `audit` of `file` succeed and say they stopped at their
/// budget.
fn explained_and_audited_as_truncated(file: &str) {
    for command in ["explain", "audit"] {
        let out = seccomp(&[command, file], b"");
        assert!(out.status.success(), "{command}: {}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("WARNING: analysis truncated"),
            "{command}: {text}"
        );
    }
}

/// The arch and x32 checks, then `condition`.
fn policy(condition: &str) -> String {
    format!(
        "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\n\
         if (A >= 0x40000000) goto dead\n{condition}\nreturn ERRNO(1)\n\
         ok: return ALLOW\ndead: return KILL\n"
    )
}

#[test]
fn nesting_a_million_deep() {
    let deep = policy(&format!(
        "if ({}A == 39{}) goto ok",
        "!(".repeat(DEPTH),
        ")".repeat(DEPTH)
    ));
    let shallow = policy("if (A == 39) goto ok");
    let deep = scratch("deep.asm", deep.as_bytes());
    let shallow = scratch("shallow.asm", shallow.as_bytes());
    for strict in [&[][..], &["--strict"][..]] {
        let run = |file: &str| seccomp(&[&["asm", file, "-f", "raw"][..], strict].concat(), b"");
        let (d, s) = (run(&deep), run(&shallow));
        assert!(d.status.success(), "{}", stderr(&d));
        // An even number of negations is none.
        assert_eq!(d.stdout, s.stdout);
    }

    // Unclosed: an error at the end of the line, exit 1. The reference's
    // layout quotes the whole line, as seccomp-tools does; strict mode
    // quotes the part around the caret.
    let unclosed = policy(&format!("if ({}A == 39", "!(".repeat(DEPTH)));
    let unclosed = scratch("unclosed.asm", unclosed.as_bytes());
    let at = format!(
        "unclosed.asm:5:{} unexpected string \"\\n\"",
        4 + 2 * DEPTH + 7 + 1
    );
    let out = seccomp(&["asm", &unclosed], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.contains(&at), "{}", &text[..200]);
    assert!(text.len() > 2 * DEPTH);
    let out = seccomp(&["asm", &unclosed, "--strict"], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.contains(&at), "{text}");
    assert!(text.contains("!(!(!(A == 39\n"), "{text}");
    assert!(text.len() < 1024, "{text}");
}

#[test]
fn ten_million_lines() {
    let src = "\n".repeat(10_000_000) + "return ALLOW\n";
    let path = scratch("lines.asm", src.as_bytes());
    let out = seccomp(&["asm", &path, "-f", "raw"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, [6, 0, 0, 0, 0, 0, 0xff, 0x7f]);

    // Ten million statements: assembled as seccomp-tools would, with the
    // kernel's limit as a warning; refused in strict mode.
    let src = "A = 0\n".repeat(10_000_000) + "return ALLOW\n";
    let path = scratch("statements.asm", src.as_bytes());
    let out = seccomp(&["asm", &path, "-f", "raw"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout.len(), 8 * 10_000_001);
    assert!(stderr(&out)
        .contains("the filter has 10000001 instructions; the kernel accepts at most 4096"));
    let out = seccomp(&["asm", &path, "--strict", "-o", "/dev/null"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("statements.asm:4097:1 the filter has 10000001 instructions"));
}

#[test]
fn raw_filter_of_100_mb() {
    // 13,107,200 times `A += 1`, never returning.
    let insn = [0x04, 0, 0, 0, 1, 0, 0, 0];
    let bytes: Vec<u8> = insn.iter().copied().cycle().take(100 << 20).collect();
    let path = scratch("huge.bpf", &bytes);
    let file = path.as_str();

    let out = seccomp(&["emu", file, "0"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "error: line 13107199 is the last and does not return\n"
    );

    let out = seccomp(&["check", file], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("the filter has 13107200 instructions; the kernel accepts at most 4096"));

    explained_and_audited_as_truncated(file);

    // 600 MB of listing: counted, not kept.
    let status = Command::new(env!("CARGO_BIN_EXE_seccomp"))
        .arg("disasm")
        .arg(file)
        .stdout(Stdio::null())
        .status()
        .expect("seccomp runs");
    assert!(status.success());
}

#[test]
fn most_paths_at_the_kernel_limit() {
    // 1365 independent bit tests, each splitting the paths in two that meet
    // again: 2^1365 paths in 4096 instructions.
    let mut bytes = Vec::new();
    for i in 0..1365u32 {
        let insn = |code: u16, jt: u8, jf: u8, k: u32| {
            let mut b = code.to_le_bytes().to_vec();
            b.extend([jt, jf]);
            b.extend(k.to_le_bytes());
            b
        };
        bytes.extend(insn(0x20, 0, 0, 16 + 4 * (i % 12)));
        bytes.extend(insn(0x45, 0, 1, 1 << (i % 32)));
        bytes.extend(insn(0x05, 0, 0, 0));
    }
    bytes.extend([6, 0, 0, 0, 0, 0, 0xff, 0x7f]);
    let path = scratch("paths.bpf", &bytes);
    let file = path.as_str();

    let out = seccomp(&["emu", file, "read", "1", "2", "3", "4", "5", "6"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("return ALLOW at line 4095\n"));
    explained_and_audited_as_truncated(file);
    // The kernel takes it; the lints refuse it (it never checks the arch).
    let out = seccomp(&["check", file], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("ok: 4096 instructions; the kernel accepts this filter\n"),
        "{text}"
    );
    assert!(text.contains("deny  [arch_unchecked]"), "{text}");
}

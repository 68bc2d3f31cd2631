//! The reference outputs of seccomp-tools 1.7.1 (`seccomp-conformance/data/conformance`),
//! replayed through the `seccomp` binary: every record is one real process,
//! run the way the reference was run.
//!
//! - `asm -a ARCH -f raw -` with the source on stdin: the same bytes, or exit
//!   status 1 with the reference's message as the whole of stderr;
//! - `disasm FILE -a ARCH` in the default, `--no-bpf` and `--asm-able` modes;
//! - `emu -a ARCH FILE NR A0 .. A5 -i IP`, with and without `-q`.

mod common;
// Only the reader of records is needed here.
#[allow(dead_code)]
mod corpus;

use std::ffi::OsStr;
use std::process::Output;

use common::seccomp;
use corpus::records;
use seccomp_conformance::{first_difference, str_field, unhex};
use serde_json::Value;

/// Checks a run that must succeed with `expected` on stdout and nothing on stderr.
fn check_success(what: &str, out: &Output, expected: &[u8]) -> Option<String> {
    check_output(what, out, expected).or_else(|| {
        (!out.stderr.is_empty()).then(|| {
            format!(
                "{what}: unexpected stderr {:?}",
                String::from_utf8_lossy(&out.stderr)
            )
        })
    })
}

/// Whether `stderr` is only assembler warnings: blocks of a
/// `<inline>:ROW:COL warning: ...` line, the source line, and carets.
fn only_asm_warnings(stderr: &str) -> bool {
    let lines: Vec<&str> = stderr.lines().collect();
    stderr.ends_with('\n')
        && lines.len().is_multiple_of(3)
        && lines.chunks(3).all(|block| {
            let header = block[0].strip_prefix("<inline>:").and_then(|rest| {
                let (row, rest) = rest.split_once(':')?;
                let (col, rest) = rest.split_once(' ')?;
                let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
                (numeric(row) && numeric(col)).then_some(rest)
            });
            let carets = block[2].trim_start_matches(' ');
            header.is_some_and(|rest| rest.starts_with("warning: "))
                && !carets.is_empty()
                && carets.bytes().all(|b| b == b'^')
        })
}

/// Checks a run that must succeed with `expected` on stdout.
fn check_output(what: &str, out: &Output, expected: &[u8]) -> Option<String> {
    if out.status.code() != Some(0) {
        return Some(format!(
            "{what}: exit {:?}, stderr {:?}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    if out.stdout != expected {
        return Some(format!(
            "{what}: {}",
            first_difference(
                &String::from_utf8_lossy(expected),
                &String::from_utf8_lossy(&out.stdout)
            )
        ));
    }
    None
}

fn assert_no_failures(failures: &[String], runs: usize) {
    assert!(
        failures.is_empty(),
        "{} of {runs} runs differ from the reference:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn check_asm_records(file: &str, count: usize) {
    let records = records(file);
    assert_eq!(records.len(), count, "{file}");
    let mut failures = Vec::new();
    for record in &records {
        let id = str_field(record, "id");
        let arch = str_field(record, "arch");
        let source = str_field(record, "src");
        let out = seccomp(&["asm", "-a", arch, "-f", "raw", "-"], source.as_bytes());
        let what = format!("{id} ({arch})");
        let failure = if record["ok"].as_bool().expect("ok") {
            // What seccomp-tools accepts silently, this tool assembles the
            // same way and reports on stderr (see `asm --strict`).
            check_output(&what, &out, &unhex(str_field(record, "hex"))).or_else(|| {
                let stderr = String::from_utf8_lossy(&out.stderr);
                if stderr.is_empty() || only_asm_warnings(&stderr) {
                    None
                } else {
                    Some(format!("{what}: unexpected stderr {stderr:?}"))
                }
            })
        } else {
            let expected = str_field(record, "error");
            let stderr = String::from_utf8_lossy(&out.stderr);
            if out.status.code() != Some(1) || !out.stdout.is_empty() {
                Some(format!(
                    "{what}: exit {:?}, stdout {:?}, expected exit 1 and no output",
                    out.status.code(),
                    String::from_utf8_lossy(&out.stdout)
                ))
            } else if stderr != expected {
                Some(format!(
                    "{what}: stderr\n{}",
                    first_difference(expected, &stderr)
                ))
            } else {
                None
            }
        };
        failures.extend(failure);
    }
    assert_no_failures(&failures, records.len());
}

#[test]
fn asm() {
    check_asm_records("asm.jsonl", 400);
}

#[test]
fn asm_edge_cases() {
    check_asm_records("asm-edge.jsonl", 104);
}

#[test]
fn warning_blocks_are_recognised() {
    let block = "<inline>:1:5 warning: x\nA = args_h[0] >> 32\n    ^^^^^^^^^^^^^^^\n";
    assert!(only_asm_warnings(block));
    assert!(only_asm_warnings(&block.repeat(2)));
    assert!(!only_asm_warnings(&block.replace("warning", "error")));
    assert!(!only_asm_warnings(&block[..block.len() - 1]));
    assert!(!only_asm_warnings("<inline>:1:5 warning: x\nA = 1\n"));
    assert!(!only_asm_warnings("<inline>:x:5 warning: x\nA = 1\n^\n"));
}

#[test]
fn disasm() {
    let records = records("disasm.jsonl");
    assert_eq!(records.len(), 450);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut modes = [0; 3];
    let mut failures = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let id = str_field(record, "id");
        let arch = str_field(record, "arch");
        let mode = str_field(record, "mode");
        let path = dir.path().join(format!("{i}.bpf"));
        std::fs::write(&path, unhex(str_field(record, "hex"))).expect("write filter");
        let mut args = vec![
            OsStr::new("disasm"),
            path.as_os_str(),
            OsStr::new("-a"),
            OsStr::new(arch),
        ];
        let (flag, slot) = match mode {
            "default" => (None, 0),
            "nobpf" => (Some("--no-bpf"), 1),
            "asmable" => (Some("--asm-able"), 2),
            other => panic!("{id}: unknown mode {other}"),
        };
        args.extend(flag.map(OsStr::new));
        modes[slot] += 1;
        let out = seccomp(&args, b"");
        let what = format!("{id} ({arch}, {mode})");
        failures.extend(check_success(
            &what,
            &out,
            str_field(record, "out").as_bytes(),
        ));
    }
    assert_eq!(modes, [150, 150, 150]);
    assert_no_failures(&failures, records.len());
}

fn u64_field(record: &Value, field: &str) -> u64 {
    record[field].as_u64().expect("unsigned 64-bit number")
}

#[test]
fn emu() {
    let records = records("emu.jsonl");
    assert_eq!(records.len(), 300);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut failures = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let id = str_field(record, "id");
        let arch = str_field(record, "arch");
        let path = dir.path().join(format!("{i}.bpf"));
        std::fs::write(&path, unhex(str_field(record, "hex"))).expect("write filter");
        let call_args: Vec<String> = record["args"]
            .as_array()
            .expect("args")
            .iter()
            .map(|v| v.as_u64().expect("unsigned 64-bit number").to_string())
            .collect();
        assert_eq!(call_args.len(), 6, "{id}");
        let mut args: Vec<String> = vec![
            "emu".into(),
            "-a".into(),
            arch.into(),
            path.to_str().expect("UTF-8 temp path").into(),
            u64_field(record, "nr").to_string(),
        ];
        args.extend(call_args);
        args.extend(["-i".to_string(), u64_field(record, "ip").to_string()]);
        for (quiet, field) in [(false, "out"), (true, "quiet_out")] {
            let mut run_args = args.clone();
            if quiet {
                run_args.push("-q".into());
            }
            let out = seccomp(&run_args, b"");
            let what = format!("{id} ({arch}, {field})");
            failures.extend(check_success(
                &what,
                &out,
                str_field(record, field).as_bytes(),
            ));
        }
    }
    assert_no_failures(&failures, 2 * records.len());
}

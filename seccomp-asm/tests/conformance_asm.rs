//! The assembler against seccomp-tools 1.7.1's own outputs, in
//! `data/conformance/` of `seccomp-conformance`: `asm.jsonl`, the shared
//! corpus, and `asm-edge.jsonl`, edge cases recorded the same way (an error
//! at the end of input, rows lost to trailing blanks and CRLF, quoting in
//! messages, numeric targets, jumps just under and over 255).
//!
//! Compatible mode must give the reference's bytes, or its error class and
//! message byte for byte. Strict mode must give the same bytes wherever the
//! reference's output breaks no kernel rule and nothing was masked, and an
//! error of the right kind everywhere else. Strict mode also takes `;` as a
//! statement separator, where seccomp-tools sees an unknown token.

use seccomp_asm::insn::{decode, encode};
use seccomp_asm::validate::validate;
use seccomp_asm::{assemble, render_bytes, Arch, ErrorClass, Mode, Options};
use serde_json::Value;

struct Case {
    id: String,
    arch: Arch,
    src: String,
    expected: Result<Vec<u8>, (String, String)>,
}

fn cases() -> Vec<Case> {
    let mut all = read_cases("asm.jsonl");
    assert_eq!(all.len(), 400);
    let edge = read_cases("asm-edge.jsonl");
    assert_eq!(edge.len(), 104);
    all.extend(edge);
    all
}

fn read_cases(file: &str) -> Vec<Case> {
    let path = seccomp_conformance::path(&format!("conformance/{file}"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("valid JSON line");
            let s = |k: &str| {
                v[k].as_str()
                    .unwrap_or_else(|| panic!("field {k}"))
                    .to_string()
            };
            let expected = if v["ok"].as_bool().expect("ok") {
                Ok(hex(&s("hex")))
            } else {
                Err((s("error_class"), s("error")))
            };
            Case {
                id: s("id"),
                arch: s("arch").parse().expect("known arch"),
                src: s("src"),
                expected,
            }
        })
        .collect()
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn class_name(c: ErrorClass) -> &'static str {
    c.name()
}

#[test]
fn compatible_mode_reproduces_every_case() {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let opts = Options::compatible(case.arch);
        let got = assemble(case.src.as_bytes(), &opts);
        match (&case.expected, got) {
            (Ok(bytes), Ok(asm)) => {
                let ours = encode(&asm.insns, case.arch.endian());
                if &ours != bytes {
                    failures.push(format!("{}: bytes differ", case.id));
                }
                assert_eq!(asm.spans.len(), asm.insns.len(), "{}", case.id);
            }
            (Err((class, message)), Err(diags)) => {
                let rendered =
                    render_bytes(&diags, case.src.as_bytes(), "<inline>", Mode::Compatible);
                if diags.iter().any(|d| class_name(d.class) != class) {
                    failures.push(format!(
                        "{}: class {:?} instead of {class}",
                        case.id, diags[0].class
                    ));
                } else if rendered != message.as_bytes() {
                    failures.push(format!(
                        "{}: message\n{}\ninstead of\n{message}",
                        case.id,
                        String::from_utf8_lossy(&rendered)
                    ));
                }
            }
            (Ok(_), Err(diags)) => failures.push(format!("{}: rejected: {:?}", case.id, diags)),
            (Err((class, _)), Ok(_)) => {
                failures.push(format!("{}: accepted, expected {class}", case.id))
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Whether the source has something seccomp-tools masks or misreads, found by
/// scanning the text (independently of the assembler): a number outside
/// `-2^31..2^32`, action data above 16 bits, an errno above 4095, or
/// `args_h[i] >> 32`.
fn masks_something(src: &str) -> bool {
    let code: String = src
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let starts_number = (c.is_ascii_digit()
            || (c == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || bytes[i - 1] == b'_'
                    || bytes[i - 1] == b'.'));
        if starts_number {
            let end = i
                + bytes[i..]
                    .iter()
                    .skip(1)
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                    .count()
                + 1;
            let text = &code[i..end];
            let (neg, body) = text.strip_prefix('-').map_or((false, text), |b| (true, b));
            let value = match body.strip_prefix("0x") {
                Some(h) => i128::from_str_radix(h, 16).ok(),
                None => body.parse::<i128>().ok(),
            };
            if let Some(v) = value {
                let v = if neg { -v } else { v };
                if !(-(1i128 << 31)..(1i128 << 32)).contains(&v) {
                    return true;
                }
            } else if body.bytes().all(|b| b.is_ascii_hexdigit() || b == b'x') {
                return true;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    for action in [
        "KILL_PROCESS",
        "KILL_THREAD",
        "KILL",
        "TRAP",
        "ERRNO",
        "USER_NOTIF",
        "LOG",
        "TRACE",
        "ALLOW",
    ] {
        for (at, _) in code.match_indices(&format!("{action}(")) {
            let inner: String = code[at + action.len() + 1..]
                .chars()
                .take_while(|&c| c != '\n')
                .filter(|c| !matches!(c, '(' | ')' | ' ' | '\t'))
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            let v = match inner.strip_prefix("0x") {
                Some(h) => i128::from_str_radix(h, 16).ok(),
                None => inner.parse::<i128>().ok(),
            };
            if let Some(v) = v {
                let v = v & 0xffff_ffff;
                if v > 0xffff || (action == "ERRNO" && v > 4095) {
                    return true;
                }
            }
        }
    }
    let lower = code.to_ascii_lowercase();
    lower.match_indices("args_h").any(|(at, _)| {
        let rest = &lower[at..];
        let close = rest.find(']').unwrap_or(rest.len());
        rest[close..]
            .trim_start_matches([']', ' ', '\t'])
            .starts_with(">>")
    })
}

/// Whether a reference error lists only `;` as unknown tokens.
fn only_semicolons_unknown(message: &str) -> bool {
    let unknown: Vec<&str> = message
        .lines()
        .filter_map(|l| l.split_once(" unknown token ").map(|(_, t)| t))
        .collect();
    !unknown.is_empty() && unknown.iter().all(|t| *t == "\";\"")
}

#[test]
fn strict_mode_agrees_or_refuses_for_a_reason() {
    let mut identical = 0;
    let mut kernel_refused = 0;
    let mut masked = 0;
    let mut reference_errors = 0;
    let mut semicolons = 0;
    let mut arch_mismatches = 0;
    let mut failures = Vec::new();
    for case in cases() {
        let got = assemble(case.src.as_bytes(), &Options::strict(case.arch));
        match (&case.expected, got) {
            (Ok(bytes), got) => {
                let insns = decode(bytes, case.arch.endian()).expect("whole instructions");
                let kernel_ok = validate(&insns).is_ok();
                match got {
                    Ok(asm) => {
                        if !kernel_ok {
                            failures
                                .push(format!("{}: accepted a filter the kernel refuses", case.id));
                        } else if &encode(&asm.insns, case.arch.endian()) != bytes {
                            failures.push(format!("{}: bytes differ", case.id));
                        } else if masks_something(&case.src) {
                            failures.push(format!("{}: accepted a masked value", case.id));
                        } else {
                            identical += 1;
                        }
                    }
                    Err(diags) => {
                        let kernel_classes = [
                            ErrorClass::KernelRule,
                            ErrorClass::TargetOutOfRange,
                            ErrorClass::EmptyProgram,
                        ];
                        let mask_classes = [ErrorClass::ValueOutOfRange, ErrorClass::HighWordShift];
                        let all_in =
                            |set: &[ErrorClass]| diags.iter().all(|d| set.contains(&d.class));
                        if !kernel_ok && diags.iter().any(|d| kernel_classes.contains(&d.class)) {
                            kernel_refused += 1;
                        } else if kernel_ok && masks_something(&case.src) && all_in(&mask_classes) {
                            masked += 1;
                        } else if kernel_ok
                            && !masks_something(&case.src)
                            && all_in(&[ErrorClass::ArchMismatch])
                        {
                            // The corpus's generator checks one arch and
                            // names syscalls of another (`-a`).
                            arch_mismatches += 1;
                        } else {
                            failures.push(format!("{}: refused: {diags:?}", case.id));
                        }
                    }
                }
            }
            (Err((_, message)), got) if only_semicolons_unknown(message) => {
                // As if each `;` were a newline, which compatible mode (checked
                // against the reference above) assembles.
                let lines = case.src.replace(';', "\n");
                let expected = assemble(lines.as_bytes(), &Options::compatible(case.arch))
                    .ok()
                    .filter(|a| a.warnings.is_empty())
                    .map(|a| a.insns);
                if got.as_ref().ok().map(|a| &a.insns) == expected.as_ref() {
                    semicolons += 1;
                } else {
                    failures.push(format!("{}: with `;` as newlines: {got:?}", case.id));
                }
            }
            (Err((class, _)), Ok(_)) => {
                failures.push(format!("{}: accepted, expected {class}", case.id))
            }
            (Err((class, _)), Err(diags)) => {
                if diags.iter().any(|d| d.class.name() == class) {
                    reference_errors += 1;
                } else {
                    failures.push(format!("{}: no {class} among {diags:?}", case.id));
                }
            }
        }
    }
    eprintln!(
        "strict: {identical} identical, {kernel_refused} refused for a kernel rule, \
         {masked} refused for a masked value, {arch_mismatches} refused for names of \
         another arch than the arch check's, {reference_errors} reference errors, \
         {semicolons} with `;` separators"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(
        identical + kernel_refused + masked + arch_mismatches + reference_errors + semicolons,
        504
    );
}

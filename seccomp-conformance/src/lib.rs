//! The reference the seccomp crates are tested against: recorded outputs of
//! seccomp-tools 1.7.1 (`data/conformance/`) and filters made by libseccomp
//! and firejail with seccomp-tools' verdicts (`data/foreign/`), and the few
//! functions every test that replays them needs. Paths are relative to
//! `data/`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The README's example runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The data directory, wherever the crate was unpacked.
pub fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
}

/// The path of a file of the data (`"conformance/asm.jsonl"`, say).
pub fn path(rel: &str) -> PathBuf {
    dir().join(rel)
}

/// The bytes of a file of the data.
///
/// # Panics
///
/// If the file cannot be read: the data is part of this crate.
pub fn read(rel: &str) -> Vec<u8> {
    let path = path(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The records of a JSON Lines file of the data, one object per line.
///
/// # Panics
///
/// If the file cannot be read or a line is not JSON.
pub fn records(rel: &str) -> Vec<Value> {
    let text = String::from_utf8(read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{rel}: {e}")))
        .collect()
}

/// A string field of a record.
///
/// # Panics
///
/// If the record has no such string field; the panic names the record.
pub fn str_field<'a>(record: &'a Value, field: &str) -> &'a str {
    record[field]
        .as_str()
        .unwrap_or_else(|| panic!("{}: no string field {field}", record["id"]))
}

/// The bytes of a lowercase or uppercase hex string (a record's `hex`).
///
/// # Panics
///
/// On an odd length or a character that is not a hex digit.
pub fn unhex(s: &str) -> Vec<u8> {
    assert!(s.len().is_multiple_of(2), "odd hex length");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex digit"))
        .collect()
}

/// Where two listings first differ, for a failure message: whole listings
/// are long. The line (from 0) with both versions, or the two line counts,
/// or, when only line ends differ, both texts whole.
pub fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {i}:\n  expected {e:?}\n  actual   {a:?}");
        }
    }
    if expected.lines().count() == actual.lines().count() {
        format!("same lines, different line ends: expected {expected:?}, actual {actual:?}")
    } else {
        format!(
            "{} lines expected, {} produced",
            expected.lines().count(),
            actual.lines().count()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_the_readme_lists_is_there() {
        for (file, n) in [
            ("conformance/asm.jsonl", 400),
            ("conformance/disasm.jsonl", 450),
            ("conformance/emu.jsonl", 300),
            ("conformance/explain.jsonl", 110),
            ("conformance/audit.jsonl", 110),
        ] {
            assert_eq!(records(file).len(), n, "{file}");
        }
        assert_eq!(unhex("06000000"), [6, 0, 0, 0]);
    }
}

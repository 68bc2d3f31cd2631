//! Reading the conformance corpus, which lives with the core's tests in
//! `seccomp-asm/tests/data` (this crate's package leaves out the tests that
//! read it).

use std::path::{Path, PathBuf};

use serde_json::Value;

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../seccomp-asm/tests/data/conformance")
}

pub fn records(name: &str) -> Vec<Value> {
    let path = corpus_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

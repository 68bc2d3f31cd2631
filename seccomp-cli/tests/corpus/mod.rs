//! The conformance corpus of seccomp-tools' outputs, from the
//! `seccomp-conformance` crate, by file name.

use std::path::PathBuf;

use serde_json::Value;

pub fn corpus_dir() -> PathBuf {
    seccomp_conformance::path("conformance")
}

pub fn records(name: &str) -> Vec<Value> {
    seccomp_conformance::records(&format!("conformance/{name}"))
}

//! Compile errors of `seccomp!`, as a user sees them: each file under
//! `tests/ui/` must fail to compile with exactly the reviewed `.stderr`.

use std::path::{Path, PathBuf};

#[test]
fn compile_errors() {
    stage_filter_files();
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

/// `file = "..."` is relative to the compiled crate's `CARGO_MANIFEST_DIR`,
/// which for these tests is the project trybuild generates under the target
/// directory; the filter files are copied there first.
fn stage_filter_files() {
    let target_dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is inside the target directory")
        .to_path_buf();
    let project = target_dir
        .join("tests/trybuild")
        .join(env!("CARGO_PKG_NAME"));
    let staged = project.join("filters");
    std::fs::create_dir_all(&staged).expect("create the trybuild project's filters directory");
    let source: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/filters");
    for entry in std::fs::read_dir(&source).expect("tests/ui/filters exists") {
        let path = entry.expect("directory entry").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, staged.join(name)).expect("copy a filter file");
    }
}

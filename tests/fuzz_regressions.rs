//! The fuzz targets' committed inputs, replayed on every `cargo test`: the
//! seeds (`fuzz/seeds/`, from the conformance data) and the regression
//! inputs (`fuzz/regressions/`, made by `fuzz/regressions.py`), each through
//! the function its target runs, which panics on a broken property.

use seccomp_suite::fuzz;
use std::path::Path;

/// What a target runs on one input.
type Check = fn(&[u8]);

/// Runs `check` on every file of `fuzz/<dir>/<target>/`; returns how many.
fn replay(dir: &str, target: &str, check: Check) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(dir)
        .join(target);
    let mut entries: Vec<_> = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for file in &entries {
        let data = std::fs::read(file).expect("read an input");
        let run = std::panic::catch_unwind(|| check(&data));
        assert!(run.is_ok(), "{} breaks its target", file.display());
    }
    entries.len()
}

// One test: the macro target sets CARGO_MANIFEST_DIR for its file programs,
// which must not race with other threads of this process.
#[test]
fn seeds_and_regressions_hold() {
    let targets: [(&str, Check); 8] = [
        ("assemble", fuzz::assemble),
        ("validate", fuzz::validate),
        ("disasm", fuzz::disasm),
        ("emulate", fuzz::emulate),
        ("explain", fuzz::explain),
        ("audit", fuzz::audit),
        ("macro_input", fuzz::macro_input),
        ("record_policy", fuzz::record_policy),
    ];
    for (target, check) in targets {
        let seeds = replay("seeds", target, check);
        let regressions = replay("regressions", target, check);
        assert!(seeds > 0 && regressions > 0, "{target}: nothing replayed");
    }
}

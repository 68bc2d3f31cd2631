//! `asm -f rust` output compiles on its own and holds the instructions.

use std::path::Path;
use std::process::Command;

use seccomp_asm::{Arch, Insn};
use seccomp_cli::formats::rust_source;

fn rustc(dir: &Path, args: &[&str]) {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    let out = Command::new(rustc)
        .current_dir(dir)
        .args(["--edition", "2021"])
        .args(args)
        .output()
        .expect("rustc runs");
    assert!(
        out.status.success(),
        "rustc {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn generated_source_compiles_and_keeps_the_instructions() {
    let insns = [
        Insn::new(0x20, 0, 0, 4),
        Insn::new(0x15, 1, 0, 0xc000003e),
        Insn::new(0x06, 0, 0, 0),
        Insn::new(0x06, 0, 0, 0x7fff0000),
    ];
    let comments = [
        "A = arch".to_string(),
        "if (A != ARCH_X86_64) goto 0003 /* a */".to_string(),
        String::new(),
        "return ALLOW // trailing".to_string(),
    ];
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("filter.rs"),
        rust_source(&insns, Arch::X86_64, &comments),
    )
    .unwrap();
    // Warning-free as a library of its own.
    rustc(
        dir.path(),
        &[
            "--crate-type",
            "lib",
            "-D",
            "warnings",
            "--out-dir",
            ".",
            "filter.rs",
        ],
    );
    std::fs::write(
        dir.path().join("main.rs"),
        r#"mod filter { include!("filter.rs"); }
fn main() {
    assert_eq!(std::mem::size_of::<filter::SockFilter>(), 8);
    assert_eq!(std::mem::align_of::<filter::SockFilter>(), 4);
    for f in filter::FILTER.iter() {
        println!("{:#x} {} {} {:#x}", f.code, f.jt, f.jf, f.k);
    }
}
"#,
    )
    .unwrap();
    rustc(dir.path(), &["-o", "main", "main.rs"]);
    let out = Command::new(dir.path().join("main")).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "0x20 0 0 0x4\n0x15 1 0 0xc000003e\n0x6 0 0 0x0\n0x6 0 0 0x7fff0000\n"
    );
}

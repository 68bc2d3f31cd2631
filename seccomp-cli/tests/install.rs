//! The `c_source` and `assembly` outputs really install their filter: built
//! with the system C compiler and run, the kernel applies the filter.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

use std::path::Path;
use std::process::Command;

use seccomp_cli::formats::{assembly, c_source};

/// `A = sys_number; if (A == getpid) return ERRNO(42); return ALLOW` for amd64.
const GETPID_ERRNO_42: &[u8] = b"\x20\x00\x00\x00\x00\x00\x00\x00\
                                 \x15\x00\x00\x01\x27\x00\x00\x00\
                                 \x06\x00\x00\x00\x2a\x00\x05\x00\
                                 \x06\x00\x00\x00\x00\x00\xff\x7f";

/// Calls `install_seccomp`, then checks getpid fails with errno 42.
const MAIN: &str = r#"
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
  install_seccomp();
  long r = syscall(SYS_getpid);
  return (r == -1 && errno == 42) ? 0 : 1;
}
"#;

fn build_and_run(dir: &Path, sources: &[&str]) {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let out = Command::new(cc)
        .current_dir(dir)
        .args(sources)
        .args(["-o", "prog"])
        .output()
        .expect("the C compiler runs");
    assert!(
        out.status.success(),
        "cc failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let status = Command::new(dir.join("prog")).status().expect("prog runs");
    assert_eq!(status.code(), Some(0), "the filter was not applied");
}

#[test]
fn c_source_installs_the_filter() {
    let dir = tempfile::tempdir().unwrap();
    let main = format!("{}{MAIN}", c_source(GETPID_ERRNO_42));
    std::fs::write(dir.path().join("main.c"), main).unwrap();
    build_and_run(dir.path(), &["main.c"]);
}

#[test]
fn amd64_assembly_installs_the_filter() {
    let dir = tempfile::tempdir().unwrap();
    // seccomp-tools' template is Intel syntax and leaves the symbol local,
    // as tools that embed it expect; say both to GNU as. GNU as also binds
    // `>>` tighter than `-`, so the template's `_filter_end - _filter >> 3`
    // (kept byte for byte) needs parentheses to assemble there.
    let template = assembly(GETPID_ERRNO_42, seccomp_asm::Arch::X86_64).unwrap();
    let quirk = "push   _filter_end - _filter >> 3 /* .len */";
    assert!(template.contains(quirk));
    let asm = format!(
        ".intel_syntax noprefix\n.text\n.globl install_seccomp\n{}",
        template.replace(quirk, "push   (_filter_end - _filter) >> 3 /* .len */")
    );
    std::fs::write(dir.path().join("filter.s"), asm).unwrap();
    let main = format!("void install_seccomp(void);\n{MAIN}");
    std::fs::write(dir.path().join("main.c"), main).unwrap();
    build_and_run(dir.path(), &["main.c", "filter.s"]);
}

//! `seccomp!(bpf = ...)`: a raw filter made by another tool, embedded as it
//! is. The filter is libseccomp's export of an x86_64 allow-list
//! (`tests/tools/gen_bpf_fixtures.py`); its errors are in `tests/ui/bpf_errors.rs`.

use seccomp_asm::insn::{decode, Endian};
use seccomp_runtime::{seccomp, Arch, Filter};

static ALLOWLIST: Filter = seccomp!(
    arch = amd64,
    bpf = "tests/ui/filters/libseccomp-allowlist.amd64.bpf"
);

const EXPORTED: &[u8] = include_bytes!("ui/filters/libseccomp-allowlist.amd64.bpf");

#[test]
fn a_raw_filter_compiles_to_its_own_instructions() {
    let exported = decode(EXPORTED, Endian::Little).expect("whole instructions");
    assert_eq!(exported.len(), 17);
    assert_eq!(ALLOWLIST.instructions(), &exported[..]);
    assert_eq!(ALLOWLIST.arch(), Arch::X86_64);
}

#[test]
fn its_policy_is_what_libseccomp_was_asked_for() {
    // Asked: allow read, write, close, exit_group, and getpid when its
    // first argument is 0; ENOSYS for the rest. libseccomp added the arch
    // check and the x32 guard.
    let policy = ALLOWLIST.explain().to_string();
    let expected = "\
  ALLOW:
    read, write, close, exit_group
    getpid when args[0] == 0x0

  ERRNO(38):
    <default> (any other syscall)

  KILL:
    sys_number >= 0x40000000  (x32 ABI)

Other architectures: KILL
";
    assert!(policy.ends_with(expected), "{policy}");
}

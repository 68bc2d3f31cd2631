//! The output formats of `asm` and `dump`, as pure functions of the bytes.
//!
//! Every format seccomp-tools 1.7.1 defines is reproduced byte for byte: its
//! `asm.c`, `asm.amd64.asm`, `asm.i386.asm` and `asm.s390x.asm` templates are
//! filled in exactly as it fills them. The aarch64 and riscv64 assembly
//! templates (seccomp-tools has none and crashes) and the `rust` format are
//! this tool's own.

use std::fmt::Write as _;

use seccomp_asm::{Arch, Insn};

/// Where the templates take the filter bytes.
const PLACEHOLDER: &str = "<TO_BE_REPLACED>";
/// Where this tool's own assembly templates take the instruction count.
const LEN_PLACEHOLDER: &str = "<LEN>";

/// Ruby's `String#inspect` of a binary string, plus a newline: the default
/// output of `seccomp-tools asm`.
///
/// Printable ASCII stays literal except `"` and `\`, which are escaped, and
/// `#`, escaped when `{`, `$` or `@` follows (it would start an
/// interpolation). `\a \b \t \n \v \f \r \e` are named; every other byte is
/// `\xHH` in upper case.
pub fn inspect(bytes: &[u8]) -> String {
    let mut out = seccomp_asm::diag::ruby_inspect(bytes);
    out.push('\n');
    out
}

/// `dump -f inspect`: a double-quoted string with **every** byte as `\xHH`
/// (upper case), plus a newline.
pub fn dump_inspect(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 + 3);
    out.push('"');
    for b in bytes {
        write!(out, "\\x{b:02X}").expect("writing to a String cannot fail");
    }
    out.push_str("\"\n");
    out
}

/// The bytes in decimal, comma-separated, as the C formats list them.
fn decimal_list(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write!(out, "{b}").expect("writing to a String cannot fail");
    }
    out
}

/// `-f c_array` (also `carray`): `unsigned char bpf[] = {32,0,...};` and a newline.
pub fn c_array(bytes: &[u8]) -> String {
    format!("unsigned char bpf[] = {{{}}};\n", decimal_list(bytes))
}

/// `-f c_source`: seccomp-tools' `asm.c` template with the bytes filled in.
pub fn c_source(bytes: &[u8]) -> String {
    C_SOURCE_TEMPLATE.replacen(PLACEHOLDER, &decimal_list(bytes), 1)
}

/// The architectures `-f assembly` has a template for.
pub const ASSEMBLY_ARCHES: [Arch; 5] = [
    Arch::X86_64,
    Arch::I386,
    Arch::S390x,
    Arch::Aarch64,
    Arch::Riscv64,
];

/// An architecture without an assembly template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoAssemblyTemplate(pub Arch);

impl std::fmt::Display for NoAssemblyTemplate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "no assembly template for {}; -f assembly supports ",
            self.0
        )?;
        for (i, arch) in ASSEMBLY_ARCHES.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(arch.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for NoAssemblyTemplate {}

/// `-f assembly`: a function `install_seccomp` in `arch`'s assembly that sets
/// `PR_SET_NO_NEW_PRIVS` and installs the filter with `prctl`, the bytes in
/// `.ascii` as `\ooo` octal escapes.
///
/// amd64, i386 and s390x use seccomp-tools' templates unchanged. The aarch64
/// and riscv64 ones follow the s390x one; they state the instruction count
/// as a number rather than as a label difference, which GNU as cannot always
/// fold into an immediate operand.
pub fn assembly(bytes: &[u8], arch: Arch) -> Result<String, NoAssemblyTemplate> {
    let template = match arch {
        Arch::X86_64 => AMD64_TEMPLATE,
        Arch::I386 => I386_TEMPLATE,
        Arch::S390x => S390X_TEMPLATE,
        Arch::Aarch64 => AARCH64_TEMPLATE,
        Arch::Riscv64 => RISCV64_TEMPLATE,
        other => return Err(NoAssemblyTemplate(other)),
    };
    let mut octal = String::with_capacity(bytes.len() * 4);
    for b in bytes {
        write!(octal, "\\{b:03o}").expect("writing to a String cannot fail");
    }
    let len = (bytes.len() / seccomp_asm::insn::INSN_SIZE).to_string();
    Ok(template
        .replacen(PLACEHOLDER, &octal, 1)
        .replacen(LEN_PLACEHOLDER, &len, 1))
}

/// `-f rust`: a Rust source defining `SockFilter` (the layout of the kernel's
/// `struct sock_filter`) and `pub static FILTER: [SockFilter; N]`, one
/// instruction a line. `comments[i]`, when present and not empty, follows
/// instruction `i` after its line number (the disassembly of that line).
///
/// The source needs no crate: it compiles on its own, and `FILTER.as_ptr()`
/// can be handed to the kernel in a `struct sock_fprog`.
pub fn rust_source(insns: &[Insn], arch: Arch, comments: &[String]) -> String {
    let mut out = String::new();
    let n = insns.len();
    let plural = if n == 1 { "" } else { "s" };
    writeln!(
        out,
        "// A seccomp filter for {arch} (AUDIT_{} = {:#010x}): {n} instruction{plural}.\n\
         // Written by `seccomp asm -f rust`.\n",
        arch.constant(),
        arch.audit()
    )
    .expect("writing to a String cannot fail");
    out.push_str(RUST_PRELUDE);
    writeln!(out, "pub static FILTER: [SockFilter; {n}] = [")
        .expect("writing to a String cannot fail");
    for (i, insn) in insns.iter().enumerate() {
        write!(
            out,
            "    SockFilter {{ code: {:#06x}, jt: {}, jf: {}, k: {:#010x} }}, // {i:04}",
            insn.code, insn.jt, insn.jf, insn.k
        )
        .expect("writing to a String cannot fail");
        if let Some(comment) = comments.get(i).filter(|c| !c.trim().is_empty()) {
            // A comment runs to the end of its line: keep it on one.
            let one_line: String = comment
                .trim()
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            write!(out, ": {one_line}").expect("writing to a String cannot fail");
        }
        out.push('\n');
    }
    out.push_str("];\n");
    out
}

const RUST_PRELUDE: &str = "\
/// One classic-BPF instruction, laid out as the kernel's `struct sock_filter`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SockFilter {
    pub code: u16,
    pub jt: u8,
    pub jf: u8,
    pub k: u32,
}

/// The filter. Install it with a `struct sock_fprog { len: FILTER.len() as u16,
/// filter: FILTER.as_ptr() }` passed to `prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ..)`
/// or `seccomp(SECCOMP_SET_MODE_FILTER, ..)`.
";

/// seccomp-tools' `asm.c`: a C function installing the filter with `prctl`.
const C_SOURCE_TEMPLATE: &str = r#"#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>

static void install_seccomp() {
  static unsigned char filter[] = {<TO_BE_REPLACED>};
  struct prog {
    unsigned short len;
    unsigned char *filter;
  } rule = {
    .len = sizeof(filter) >> 3,
    .filter = filter
  };
  if(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) { perror("prctl(PR_SET_NO_NEW_PRIVS)"); exit(2); }
  if(prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &rule) < 0) { perror("prctl(PR_SET_SECCOMP)"); exit(2); }
}
"#;

/// seccomp-tools' `asm.amd64.asm` (Intel syntax).
const AMD64_TEMPLATE: &str = r#"install_seccomp:
  push   rbp
  mov    rbp, rsp
  push   38
  pop    rdi
  push   0x1
  pop    rsi
  xor    eax, eax
  mov    al, 0x9d
  syscall
  push   22
  pop    rdi
  lea    rdx, [rip + _filter]
  push   rdx /* .filter */
  push   _filter_end - _filter >> 3 /* .len */
  mov    rdx, rsp
  push   0x2
  pop    rsi
  xor    eax, eax
  mov    al, 0x9d
  syscall
  leave
  ret
_filter:
.ascii "<TO_BE_REPLACED>"
_filter_end:
"#;

/// seccomp-tools' `asm.i386.asm` (Intel syntax).
const I386_TEMPLATE: &str = r#"install_seccomp:
  push   ebx
  push   ebp
  mov    ebp, esp
  push   38
  pop    ebx
  push   0x1
  pop    ecx
  xor    eax, eax
  mov    al, 0xac
  int    0x80
  push   22
  pop    ebx
  jmp    __get_eip__
__back__:
  pop    edx
  push   edx /* .filter */
  mov    edx, _filter_end - _filter >> 3 /* .len */
  push   edx
  mov    edx, esp
  push   0x2
  pop    ecx
  xor    eax, eax
  mov    al, 0xac
  int    0x80
  leave
  pop    ebx
  ret
__get_eip__:
  call __back__
_filter:
.ascii "<TO_BE_REPLACED>"
_filter_end:
"#;

/// seccomp-tools' `asm.s390x.asm`.
const S390X_TEMPLATE: &str = r#"  .globl install_seccomp
install_seccomp:
  lghi   %r1, 172   /* __NR_prctl */
  lghi   %r2, 38    /* PR_SET_NO_NEW_PRIVS */
  lghi   %r3, 1
  xgr    %r4, %r4
  xgr    %r5, %r5
  xgr    %r6, %r6
  svc    0

  lghi   %r1, 172   /* __NR_prctl */
  lghi   %r2, 22    /* PR_SET_SECCOMP */
  lghi   %r3, 2     /* SECCOMP_MODE_FILTER */
  aghi   %r15, -16  /* sizeof(struct sock_fprog) */
  mvhhi  0(%r15), (_filter_end - _filter) >> 3  /* .len */
  larl   %r4, _filter
  stg    %r4, 8(%r15)                           /* .filter */
  lgr    %r4, %r15
  svc    0
  aghi   %r15, 16

  br     %r14

_filter:
.ascii "<TO_BE_REPLACED>"
_filter_end:
"#;

/// This tool's aarch64 template, in the manner of seccomp-tools' s390x one.
const AARCH64_TEMPLATE: &str = r#"  .globl install_seccomp
install_seccomp:
  mov    x8, #167   /* __NR_prctl */
  mov    x0, #38    /* PR_SET_NO_NEW_PRIVS */
  mov    x1, #1
  mov    x2, xzr
  mov    x3, xzr
  mov    x4, xzr
  svc    #0

  mov    x8, #167   /* __NR_prctl */
  mov    x0, #22    /* PR_SET_SECCOMP */
  mov    x1, #2     /* SECCOMP_MODE_FILTER */
  sub    sp, sp, #16  /* sizeof(struct sock_fprog) */
  mov    w2, #<LEN>
  strh   w2, [sp]     /* .len */
  adr    x2, _filter
  str    x2, [sp, #8] /* .filter */
  mov    x2, sp
  svc    #0
  add    sp, sp, #16

  ret

_filter:
.ascii "<TO_BE_REPLACED>"
_filter_end:
"#;

/// This tool's riscv64 template, in the manner of seccomp-tools' s390x one.
const RISCV64_TEMPLATE: &str = r#"  .globl install_seccomp
install_seccomp:
  li     a7, 167    /* __NR_prctl */
  li     a0, 38     /* PR_SET_NO_NEW_PRIVS */
  li     a1, 1
  li     a2, 0
  li     a3, 0
  li     a4, 0
  ecall

  li     a7, 167    /* __NR_prctl */
  li     a0, 22     /* PR_SET_SECCOMP */
  li     a1, 2      /* SECCOMP_MODE_FILTER */
  addi   sp, sp, -16  /* sizeof(struct sock_fprog) */
  li     a2, <LEN>
  sh     a2, 0(sp)    /* .len */
  lla    a2, _filter
  sd     a2, 8(sp)    /* .filter */
  mv     a2, sp
  ecall
  addi   sp, sp, 16

  ret

_filter:
.ascii "<TO_BE_REPLACED>"
_filter_end:
"#;

#[cfg(test)]
mod tests {
    use super::*;

    /// `A = arch` then `return ALLOW`, little-endian.
    const ARCH_ALLOW: [u8; 16] = [0x20, 0, 0, 0, 4, 0, 0, 0, 0x06, 0, 0, 0, 0, 0, 0xff, 0x7f];

    #[test]
    fn inspect_is_rubys_string_inspect() {
        assert_eq!(
            inspect(&ARCH_ALLOW),
            "\" \\x00\\x00\\x00\\x04\\x00\\x00\\x00\\x06\\x00\\x00\\x00\\x00\\x00\\xFF\\x7F\"\n"
        );
        assert_eq!(inspect(b""), "\"\"\n");
        assert_eq!(inspect(b"AZaz09~ !'%"), "\"AZaz09~ !'%\"\n");
    }

    #[test]
    fn inspect_escapes_quotes_backslashes_and_interpolation() {
        assert_eq!(
            inspect(b"\"\\#{#$#@#a##"),
            r#""\"\\\#{\#$\#@#a##""#.to_string() + "\n"
        );
    }

    #[test]
    fn inspect_names_control_characters() {
        assert_eq!(
            inspect(&[7, 8, 9, 10, 11, 12, 13, 27, 0, 0x1f, 0x7f, 0x80, 0xab]),
            r#""\a\b\t\n\v\f\r\e\x00\x1F\x7F\x80\xAB""#.to_string() + "\n"
        );
    }

    #[test]
    fn dump_inspect_escapes_every_byte() {
        assert_eq!(
            dump_inspect(&ARCH_ALLOW),
            r#""\x20\x00\x00\x00\x04\x00\x00\x00\x06\x00\x00\x00\x00\x00\xFF\x7F""#.to_string()
                + "\n"
        );
        assert_eq!(dump_inspect(b"a\n"), "\"\\x61\\x0A\"\n");
    }

    #[test]
    fn c_array_lists_decimal_bytes() {
        assert_eq!(
            c_array(&ARCH_ALLOW),
            "unsigned char bpf[] = {32,0,0,0,4,0,0,0,6,0,0,0,0,0,255,127};\n"
        );
        assert_eq!(c_array(&[]), "unsigned char bpf[] = {};\n");
    }

    #[test]
    fn c_source_fills_the_reference_template() {
        let expected = r#"#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>

static void install_seccomp() {
  static unsigned char filter[] = {32,0,0,0,4,0,0,0,6,0,0,0,0,0,255,127};
  struct prog {
    unsigned short len;
    unsigned char *filter;
  } rule = {
    .len = sizeof(filter) >> 3,
    .filter = filter
  };
  if(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) { perror("prctl(PR_SET_NO_NEW_PRIVS)"); exit(2); }
  if(prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &rule) < 0) { perror("prctl(PR_SET_SECCOMP)"); exit(2); }
}
"#;
        assert_eq!(c_source(&ARCH_ALLOW), expected);
    }

    const ARCH_ALLOW_OCTAL: &str =
        r"\040\000\000\000\004\000\000\000\006\000\000\000\000\000\377\177";

    #[test]
    fn amd64_assembly_fills_the_reference_template() {
        let expected = format!(
            r#"install_seccomp:
  push   rbp
  mov    rbp, rsp
  push   38
  pop    rdi
  push   0x1
  pop    rsi
  xor    eax, eax
  mov    al, 0x9d
  syscall
  push   22
  pop    rdi
  lea    rdx, [rip + _filter]
  push   rdx /* .filter */
  push   _filter_end - _filter >> 3 /* .len */
  mov    rdx, rsp
  push   0x2
  pop    rsi
  xor    eax, eax
  mov    al, 0x9d
  syscall
  leave
  ret
_filter:
.ascii "{ARCH_ALLOW_OCTAL}"
_filter_end:
"#
        );
        assert_eq!(assembly(&ARCH_ALLOW, Arch::X86_64).unwrap(), expected);
    }

    #[test]
    fn i386_assembly_of_nothing_matches_the_reference() {
        let expected = r#"install_seccomp:
  push   ebx
  push   ebp
  mov    ebp, esp
  push   38
  pop    ebx
  push   0x1
  pop    ecx
  xor    eax, eax
  mov    al, 0xac
  int    0x80
  push   22
  pop    ebx
  jmp    __get_eip__
__back__:
  pop    edx
  push   edx /* .filter */
  mov    edx, _filter_end - _filter >> 3 /* .len */
  push   edx
  mov    edx, esp
  push   0x2
  pop    ecx
  xor    eax, eax
  mov    al, 0xac
  int    0x80
  leave
  pop    ebx
  ret
__get_eip__:
  call __back__
_filter:
.ascii ""
_filter_end:
"#;
        assert_eq!(assembly(&[], Arch::I386).unwrap(), expected);
    }

    #[test]
    fn s390x_assembly_fills_the_reference_template() {
        let bytes = [0, 0x06, 0, 0, 0x7f, 0xff, 0, 0];
        let expected = r#"  .globl install_seccomp
install_seccomp:
  lghi   %r1, 172   /* __NR_prctl */
  lghi   %r2, 38    /* PR_SET_NO_NEW_PRIVS */
  lghi   %r3, 1
  xgr    %r4, %r4
  xgr    %r5, %r5
  xgr    %r6, %r6
  svc    0

  lghi   %r1, 172   /* __NR_prctl */
  lghi   %r2, 22    /* PR_SET_SECCOMP */
  lghi   %r3, 2     /* SECCOMP_MODE_FILTER */
  aghi   %r15, -16  /* sizeof(struct sock_fprog) */
  mvhhi  0(%r15), (_filter_end - _filter) >> 3  /* .len */
  larl   %r4, _filter
  stg    %r4, 8(%r15)                           /* .filter */
  lgr    %r4, %r15
  svc    0
  aghi   %r15, 16

  br     %r14

_filter:
.ascii "\000\006\000\000\177\377\000\000"
_filter_end:
"#;
        assert_eq!(assembly(&bytes, Arch::S390x).unwrap(), expected);
    }

    #[test]
    fn aarch64_and_riscv64_assembly_state_the_count() {
        let a64 = assembly(&ARCH_ALLOW, Arch::Aarch64).unwrap();
        assert!(a64.contains("  mov    w2, #2\n"), "{a64}");
        assert!(a64.contains(&format!(".ascii \"{ARCH_ALLOW_OCTAL}\"\n_filter_end:\n")));
        assert!(a64.contains("  mov    x8, #167   /* __NR_prctl */\n"));
        let rv = assembly(&ARCH_ALLOW, Arch::Riscv64).unwrap();
        assert!(rv.contains("  li     a2, 2\n"), "{rv}");
        assert!(rv.contains("  li     a7, 167    /* __NR_prctl */\n"));
        assert!(rv.contains(&format!(".ascii \"{ARCH_ALLOW_OCTAL}\"\n_filter_end:\n")));
        assert!(!a64.contains('<') && !rv.contains('<'));
    }

    #[test]
    fn other_arches_have_no_assembly_template() {
        let err = assembly(&ARCH_ALLOW, Arch::Mipsel).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no assembly template for mipsel; -f assembly supports amd64, i386, s390x, aarch64, riscv64"
        );
    }

    #[test]
    fn rust_source_lists_each_instruction() {
        let insns = [Insn::new(0x20, 0, 0, 4), Insn::new(0x06, 0, 0, 0x7fff0000)];
        let comments = ["A = arch".to_string(), "return\nALLOW".to_string()];
        let src = rust_source(&insns, Arch::X86_64, &comments);
        assert!(src.starts_with(
            "// A seccomp filter for amd64 (AUDIT_ARCH_X86_64 = 0xc000003e): 2 instructions.\n"
        ));
        assert!(src.contains("pub static FILTER: [SockFilter; 2] = [\n"));
        assert!(src.contains(
            "    SockFilter { code: 0x0020, jt: 0, jf: 0, k: 0x00000004 }, // 0000: A = arch\n"
        ));
        assert!(src.contains(
            "    SockFilter { code: 0x0006, jt: 0, jf: 0, k: 0x7fff0000 }, // 0001: return ALLOW\n"
        ));
        assert!(src.ends_with("];\n"));
        let bare = rust_source(&insns[..1], Arch::Aarch64, &[]);
        assert!(bare.contains("k: 0x00000004 }, // 0000\n];\n"), "{bare}");
        assert!(bare.contains("): 1 instruction.\n"));
    }
}

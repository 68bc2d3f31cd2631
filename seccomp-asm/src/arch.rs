//! The calling conventions a seccomp filter can see, with their `AUDIT_ARCH_*`
//! values, byte orders and syscall tables.
//!
//! Takes an arch's name or alias, `AUDIT_ARCH_*` value, `ARCH_*` constant or
//! Rust compile target; gives the [`Arch`], and from it what a filter for it
//! depends on: its byte order, its audit value and its syscalls, by name and
//! by number; and for a syscall's name, the names of its arguments
//! ([`syscall_arg_names`]).

use crate::insn::Endian;
use crate::tables;
use core::fmt;
use core::str::FromStr;

/// One calling convention (ABI) as seccomp sees it: the `arch` word of
/// `seccomp_data` and the syscall numbers that go with it.
///
/// The five seccomp-tools knows come first; x32 shares `AUDIT_ARCH_X86_64`
/// and marks its syscall numbers with bit 0x40000000.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Arch {
    /// x86-64 (`amd64`), `AUDIT_ARCH_X86_64`.
    X86_64,
    /// 32-bit x86 (`i386`), also the ia32 compat ABI of x86-64 kernels.
    I386,
    /// 64-bit Arm (`aarch64`, `arm64`).
    Aarch64,
    /// 64-bit RISC-V (`riscv64`).
    Riscv64,
    /// 64-bit IBM Z (`s390x`).
    S390x,
    /// The x32 ABI of x86-64: `AUDIT_ARCH_X86_64` with syscall numbers carrying
    /// [`Arch::X32_SYSCALL_BIT`].
    X32,
    /// 32-bit Arm, little-endian (`arm`, `armel`, `armhf`), also the compat ABI of
    /// aarch64 kernels.
    Arm,
    /// 32-bit Arm, big-endian (`armeb`).
    Armeb,
    /// 64-bit LoongArch (`loongarch64`, `loong64`).
    Loongarch64,
    /// Motorola 68000 (`m68k`).
    M68k,
    /// 32-bit MIPS o32, big-endian (`mips`).
    Mips,
    /// 32-bit MIPS o32, little-endian (`mipsel`).
    Mipsel,
    /// 64-bit MIPS n64, big-endian (`mips64`).
    Mips64,
    /// 64-bit MIPS n64, little-endian (`mipsel64`, `mips64el`).
    Mipsel64,
    /// MIPS n32 (64-bit registers, 32-bit pointers), big-endian (`mips64n32`).
    Mips64N32,
    /// MIPS n32, little-endian (`mipsel64n32`, `mips64eln32`).
    Mipsel64N32,
    /// 32-bit PA-RISC (`parisc`, `hppa`).
    Parisc,
    /// 64-bit PA-RISC (`parisc64`, `hppa64`).
    Parisc64,
    /// 32-bit PowerPC (`ppc`, `powerpc`).
    Ppc,
    /// 64-bit PowerPC, big-endian (`ppc64`, `powerpc64`).
    Ppc64,
    /// 64-bit PowerPC, little-endian (`ppc64le`, `powerpc64le`).
    Ppc64Le,
    /// 31-bit IBM S/390 (`s390`), also the compat ABI of s390x kernels.
    S390,
    /// SuperH, big-endian (`sh`).
    Sh,
    /// SuperH, little-endian (`shel`).
    Shel,
}

/// The fixed facts of one [`Arch`].
struct Info {
    /// The name used on the command line and in qualified syscall names
    /// (`amd64.read`); seccomp-tools' spelling for its five.
    name: &'static str,
    /// Other accepted spellings of `name`.
    aliases: &'static [&'static str],
    /// The `AUDIT_ARCH_*` name without `AUDIT_`, also the assembler's constant.
    constant: &'static str,
    audit: u32,
    endian: Endian,
    table: Table,
}

/// One ABI's generated syscall table (see `xtask gen-tables`): names laid end
/// to end, and tables of offsets into them.
struct Table {
    names: &'static str,
    by_name: &'static [(u16, u8, u32)],
    by_nr: &'static [(u32, u16)],
}

impl Table {
    fn text(&self, off: u16, len: u8) -> &'static str {
        &self.names[usize::from(off)..usize::from(off) + usize::from(len)]
    }

    fn name(&self, i: usize) -> &'static str {
        let (off, len, _) = self.by_name[i];
        self.text(off, len)
    }
}

/// A syscall of one ABI's table, as a lookup by name found it: small enough
/// for a token to carry, and giving the table's copy of the name and the
/// number without searching again.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) struct SyscallEntry {
    arch: Arch,
    /// Its place in the table's list by name.
    index: u16,
}

impl SyscallEntry {
    /// The ABI whose table it is in.
    pub(crate) fn arch(self) -> Arch {
        self.arch
    }

    /// The name, as the table spells it.
    pub(crate) fn name(self) -> &'static str {
        self.arch.info().table.name(usize::from(self.index))
    }

    /// The number a filter sees for it.
    pub(crate) fn nr(self) -> u32 {
        self.arch.info().table.by_name[usize::from(self.index)].2
    }
}

macro_rules! info {
    ($name:literal, [$($alias:literal),*], $constant:literal, $audit:literal, $endian:ident, $table:ident) => {
        Info {
            name: $name,
            aliases: &[$($alias),*],
            constant: $constant,
            audit: $audit,
            endian: Endian::$endian,
            table: Table {
                names: tables::$table::NAMES,
                by_name: &tables::$table::BY_NAME,
                by_nr: &tables::$table::BY_NR,
            },
        }
    };
}

impl Arch {
    /// Every architecture, the five of seccomp-tools first.
    pub const ALL: [Arch; 24] = [
        Arch::X86_64,
        Arch::I386,
        Arch::Aarch64,
        Arch::Riscv64,
        Arch::S390x,
        Arch::X32,
        Arch::Arm,
        Arch::Armeb,
        Arch::Loongarch64,
        Arch::M68k,
        Arch::Mips,
        Arch::Mipsel,
        Arch::Mips64,
        Arch::Mipsel64,
        Arch::Mips64N32,
        Arch::Mipsel64N32,
        Arch::Parisc,
        Arch::Parisc64,
        Arch::Ppc,
        Arch::Ppc64,
        Arch::Ppc64Le,
        Arch::S390,
        Arch::Sh,
        Arch::Shel,
    ];

    /// The architectures seccomp-tools 1.7.1 knows.
    pub const SECCOMP_TOOLS: [Arch; 5] = [
        Arch::X86_64,
        Arch::I386,
        Arch::Aarch64,
        Arch::Riscv64,
        Arch::S390x,
    ];

    /// The bit x32 syscall numbers carry (`__X32_SYSCALL_BIT`).
    pub const X32_SYSCALL_BIT: u32 = 0x4000_0000;

    /// `__AUDIT_ARCH_64BIT`: the `AUDIT_ARCH_*` bit of ABIs with 64-bit
    /// registers, whose `seccomp_data` arguments have two meaningful halves.
    pub const AUDIT_ARCH_64BIT: u32 = 0x8000_0000;

    /// `__AUDIT_ARCH_LE`: the `AUDIT_ARCH_*` bit of little-endian ABIs.
    pub const AUDIT_ARCH_LE: u32 = 0x4000_0000;

    fn info(self) -> &'static Info {
        static INFO: [Info; 24] = [
            info!(
                "amd64",
                ["x86_64", "x86-64"],
                "ARCH_X86_64",
                0xc000003e,
                Little,
                x86_64
            ),
            info!(
                "i386",
                ["x86", "i686", "i586", "i486"],
                "ARCH_I386",
                0x40000003,
                Little,
                x86
            ),
            info!(
                "aarch64",
                ["arm64"],
                "ARCH_AARCH64",
                0xc00000b7,
                Little,
                aarch64
            ),
            info!("riscv64", [], "ARCH_RISCV64", 0xc00000f3, Little, riscv64),
            info!("s390x", [], "ARCH_S390X", 0x80000016, Big, s390x),
            info!("x32", [], "ARCH_X86_64", 0xc000003e, Little, x32),
            info!(
                "arm",
                ["armel", "armhf"],
                "ARCH_ARM",
                0x40000028,
                Little,
                arm
            ),
            info!("armeb", [], "ARCH_ARMEB", 0x00000028, Big, arm),
            info!(
                "loongarch64",
                ["loong64"],
                "ARCH_LOONGARCH64",
                0xc0000102,
                Little,
                loongarch64
            ),
            info!("m68k", [], "ARCH_M68K", 0x00000004, Big, m68k),
            info!("mips", [], "ARCH_MIPS", 0x00000008, Big, mips),
            info!("mipsel", [], "ARCH_MIPSEL", 0x40000008, Little, mips),
            info!("mips64", [], "ARCH_MIPS64", 0x80000008, Big, mips64),
            info!(
                "mipsel64",
                ["mips64el"],
                "ARCH_MIPSEL64",
                0xc0000008,
                Little,
                mips64
            ),
            info!(
                "mips64n32",
                [],
                "ARCH_MIPS64N32",
                0xa0000008,
                Big,
                mips64n32
            ),
            info!(
                "mipsel64n32",
                ["mips64eln32"],
                "ARCH_MIPSEL64N32",
                0xe0000008,
                Little,
                mips64n32
            ),
            info!("parisc", ["hppa"], "ARCH_PARISC", 0x0000000f, Big, parisc),
            info!(
                "parisc64",
                ["hppa64"],
                "ARCH_PARISC64",
                0x8000000f,
                Big,
                parisc64
            ),
            info!("ppc", ["powerpc"], "ARCH_PPC", 0x00000014, Big, ppc),
            info!("ppc64", ["powerpc64"], "ARCH_PPC64", 0x80000015, Big, ppc64),
            info!(
                "ppc64le",
                ["powerpc64le"],
                "ARCH_PPC64LE",
                0xc0000015,
                Little,
                ppc64
            ),
            info!("s390", [], "ARCH_S390", 0x00000016, Big, s390),
            info!("sh", [], "ARCH_SH", 0x0000002a, Big, sh),
            info!("shel", [], "ARCH_SHEL", 0x4000002a, Little, sh),
        ];
        &INFO[self as usize]
    }

    /// The canonical name: seccomp-tools' for its five (`amd64`, `i386`, ...).
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Other names accepted for this arch.
    pub fn aliases(self) -> &'static [&'static str] {
        self.info().aliases
    }

    /// The `AUDIT_ARCH_*` value the filter sees in `seccomp_data.arch`.
    pub fn audit(self) -> u32 {
        self.info().audit
    }

    /// The assembler constant for [`Arch::audit`], e.g. `ARCH_X86_64`.
    pub fn constant(self) -> &'static str {
        self.info().constant
    }

    /// The byte order of this ABI, and so of the filters and `seccomp_data`
    /// it sees.
    pub fn endian(self) -> Endian {
        self.info().endian
    }

    /// Whether a filter must check both 32-bit halves of an argument: the
    /// ABI's registers are 64-bit (x32's included). On the others the upper
    /// half of `seccomp_data.args[i]` is always zero.
    pub fn has_64bit_args(self) -> bool {
        self.audit() & Self::AUDIT_ARCH_64BIT != 0
    }

    /// Whether seccomp-tools 1.7.1 knows this arch.
    pub fn is_seccomp_tools(self) -> bool {
        Self::SECCOMP_TOOLS.contains(&self)
    }

    /// The number a filter sees for a syscall name on this ABI.
    pub fn syscall_nr(self, name: &str) -> Option<u32> {
        self.syscall(name).map(|(_, nr)| nr)
    }

    /// [`Arch::syscall_nr`], with the table's own copy of the name, for a
    /// caller that keeps the name longer than the text it looked up.
    pub fn syscall(self, name: &str) -> Option<(&'static str, u32)> {
        self.syscall_entry(name).map(|e| (e.name(), e.nr()))
    }

    /// Where this ABI's table has a syscall of this name.
    pub(crate) fn syscall_entry(self, name: &str) -> Option<SyscallEntry> {
        let table = &self.info().table;
        // Compared as bytes, which orders as `str` does without checking
        // character boundaries at every step.
        let names = table.names.as_bytes();
        let i = table
            .by_name
            .binary_search_by(|&(off, len, _)| {
                let off = usize::from(off);
                names[off..off + usize::from(len)].cmp(name.as_bytes())
            })
            .ok()?;
        Some(SyscallEntry {
            arch: self,
            // Names are at 16-bit offsets of the table's text, each at least
            // a byte long: there are fewer than 2^16 of them.
            index: i as u16,
        })
    }

    /// The first arch (in [`Arch::ALL`] order) with a syscall of this name,
    /// if any has one.
    pub fn first_with_syscall(name: &str) -> Option<Arch> {
        Self::ALL
            .into_iter()
            .find(|a| a.syscall_entry(name).is_some())
    }

    /// The name printed for a syscall number on this ABI.
    pub fn syscall_name(self, nr: u32) -> Option<&'static str> {
        let table = &self.info().table;
        let i = table.by_nr.binary_search_by_key(&nr, |&(n, _)| n).ok()?;
        Some(table.name(usize::from(table.by_nr[i].1)))
    }

    /// Every `(name, number)` of this ABI, sorted by name.
    pub fn syscalls(self) -> impl ExactSizeIterator<Item = (&'static str, u32)> {
        let table = &self.info().table;
        (0..table.by_name.len()).map(move |i| (table.name(i), table.by_name[i].2))
    }

    /// The arch of this name or alias, spelled exactly (the text before the
    /// `.` of a qualified syscall name); [`Arch::from_str`] ignores case.
    pub fn from_name(name: &str) -> Option<Arch> {
        Self::ALL
            .into_iter()
            .find(|a| a.name() == name || a.aliases().contains(&name))
    }

    /// The arch whose `ARCH_*` constant is this name (x32 answers to
    /// `ARCH_X86_64` as amd64 does; amd64 is returned).
    pub fn from_constant(constant: &str) -> Option<Arch> {
        Self::ALL.into_iter().find(|a| a.constant() == constant)
    }

    /// The first arch (in [`Arch::ALL`] order) with this `AUDIT_ARCH_*` value.
    pub fn from_audit(audit: u32) -> Option<Arch> {
        Self::ALL.into_iter().find(|a| a.audit() == audit)
    }

    /// The arch of the machine this code was compiled for, if seccomp knows it
    /// (the first of [`Arch::RUST_TARGETS`] that selects this target).
    pub const fn native() -> Option<Arch> {
        let mut i = 0;
        while i < Self::RUST_TARGETS.len() {
            let (arch, target) = Self::RUST_TARGETS[i];
            if target.is_this_target() {
                return Some(arch);
            }
            i += 1;
        }
        None
    }

    /// The ABIs a Rust compile target can have, each with what selects it.
    /// ABIs with no Rust target (parisc, s390, sh) have none; no Rust target
    /// has two of them.
    pub const RUST_TARGETS: [(Arch, RustTarget); 19] = {
        const fn t(
            target_arch: &'static [&'static str],
            endian: Option<Endian>,
            pointer_width: Option<u32>,
        ) -> RustTarget {
            RustTarget {
                target_arch,
                endian,
                pointer_width,
            }
        }
        const LITTLE: Option<Endian> = Some(Endian::Little);
        const BIG: Option<Endian> = Some(Endian::Big);
        const MIPS: &[&str] = &["mips", "mips32r6"];
        const MIPS64: &[&str] = &["mips64", "mips64r6"];
        [
            (Arch::X86_64, t(&["x86_64"], None, Some(64))),
            (Arch::X32, t(&["x86_64"], None, Some(32))),
            (Arch::I386, t(&["x86"], None, None)),
            (Arch::Aarch64, t(&["aarch64"], LITTLE, None)),
            (Arch::Riscv64, t(&["riscv64"], None, None)),
            (Arch::S390x, t(&["s390x"], None, None)),
            (Arch::Arm, t(&["arm"], LITTLE, None)),
            (Arch::Armeb, t(&["arm"], BIG, None)),
            (Arch::Loongarch64, t(&["loongarch64"], None, None)),
            (Arch::M68k, t(&["m68k"], None, None)),
            (Arch::Mips, t(MIPS, BIG, None)),
            (Arch::Mipsel, t(MIPS, LITTLE, None)),
            (Arch::Mips64, t(MIPS64, BIG, Some(64))),
            (Arch::Mipsel64, t(MIPS64, LITTLE, Some(64))),
            (Arch::Mips64N32, t(MIPS64, BIG, Some(32))),
            (Arch::Mipsel64N32, t(MIPS64, LITTLE, Some(32))),
            (Arch::Ppc, t(&["powerpc"], None, None)),
            (Arch::Ppc64, t(&["powerpc64"], BIG, None)),
            (Arch::Ppc64Le, t(&["powerpc64"], LITTLE, None)),
        ]
    };
}

/// The Rust compile targets of one ABI, as `cfg` tells them: any of its
/// `target_arch` values, and the byte order and pointer width where that
/// `target_arch` has ABIs of both.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct RustTarget {
    /// The `target_arch` values (`mips` and `mips32r6` run the same ABIs).
    pub target_arch: &'static [&'static str],
    /// The `target_endian` it needs, if any.
    pub endian: Option<Endian>,
    /// The `target_pointer_width` it needs, if any.
    pub pointer_width: Option<u32>,
}

impl RustTarget {
    /// Whether this code was compiled for one of these targets.
    pub const fn is_this_target(&self) -> bool {
        let mut arch_matches = false;
        let mut i = 0;
        while i < self.target_arch.len() {
            arch_matches |= same_str(self.target_arch[i], std::env::consts::ARCH);
            i += 1;
        }
        let endian_matches = matches!(
            (self.endian, Endian::NATIVE),
            (None, _) | (Some(Endian::Little), Endian::Little) | (Some(Endian::Big), Endian::Big)
        );
        let width_matches = match self.pointer_width {
            None => true,
            Some(bits) => bits == usize::BITS,
        };
        arch_matches && endian_matches && width_matches
    }
}

/// `a == b`, in a `const fn`.
const fn same_str(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The argument names seccomp-tools shows for a syscall (`write` → `fd`,
/// `buf`, `count`), in order; an `x32_` name has those of the plain one.
pub fn syscall_arg_names(name: &str) -> Option<impl Iterator<Item = &'static str> + Clone> {
    // Names are separated by spaces, and a syscall without arguments has an
    // empty list. (Splitting on ASCII blanks is much cheaper than on Unicode
    // whitespace, and the listing looks names up on every argument load.)
    syscall_arg_list(name).map(str::split_ascii_whitespace)
}

/// The argument names of a syscall as the table keeps them, separated by
/// spaces; an `x32_` name falls back to the plain one, as seccomp-tools'
/// table does.
pub(crate) fn syscall_arg_list(name: &str) -> Option<&'static str> {
    table_arg_list(name).or_else(|| name.strip_prefix("x32_").and_then(table_arg_list))
}

fn table_arg_list(name: &str) -> Option<&'static str> {
    use crate::tables::sysargs::{SYSARGS, TEXT};
    let text = |off: u16, len: u8| &TEXT[usize::from(off)..usize::from(off) + usize::from(len)];
    let i = SYSARGS
        .binary_search_by(|&(off, len, _, _)| text(off, len).cmp(name))
        .ok()?;
    let (_, _, off, len) = SYSARGS[i];
    Some(text(off, len))
}

impl fmt::Display for Arch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An arch name that is not known.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnknownArch(pub String);

impl fmt::Display for UnknownArch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown architecture {:?}; known: ", self.0)?;
        for (i, arch) in Arch::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(arch.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownArch {}

impl FromStr for Arch {
    type Err = UnknownArch;

    /// Accepts the canonical names and aliases, case-insensitively.
    fn from_str(s: &str) -> Result<Arch, UnknownArch> {
        Arch::from_name(&s.to_ascii_lowercase()).ok_or_else(|| UnknownArch(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_table_is_in_enum_order() {
        for (i, arch) in Arch::ALL.iter().enumerate() {
            assert_eq!(*arch as usize, i);
            assert_eq!(arch.name().parse::<Arch>(), Ok(*arch));
        }
    }

    #[test]
    fn audit_values_match_the_kernel_header() {
        // From include/uapi/linux/audit.h.
        assert_eq!(Arch::X86_64.audit(), 0xc000003e);
        assert_eq!(Arch::Aarch64.audit(), 0xc00000b7);
        assert_eq!(Arch::S390x.audit(), 0x80000016);
        assert_eq!(Arch::Mipsel64N32.audit(), 0xe0000008);
        assert_eq!(Arch::from_audit(0xc000003e), Some(Arch::X86_64));
    }

    #[test]
    fn argument_width_follows_the_audit_arch() {
        for arch in [
            Arch::X86_64,
            Arch::X32,
            Arch::Aarch64,
            Arch::S390x,
            Arch::Ppc64Le,
            Arch::Mips64N32,
        ] {
            assert!(arch.has_64bit_args(), "{arch}");
        }
        for arch in [Arch::I386, Arch::Arm, Arch::Mips, Arch::Ppc, Arch::S390] {
            assert!(!arch.has_64bit_args(), "{arch}");
        }
    }

    #[test]
    fn names_resolve_per_abi() {
        assert_eq!(Arch::X86_64.syscall_nr("write"), Some(1));
        assert_eq!(Arch::I386.syscall_nr("write"), Some(4));
        assert_eq!(Arch::Aarch64.syscall_nr("open"), None);
        assert_eq!(Arch::X86_64.syscall_nr("x32_read"), Some(0x4000_0000));
        assert_eq!(Arch::X32.syscall_nr("read"), Some(0x4000_0000));
        assert_eq!(Arch::X32.syscall_nr("execve"), Some(0x4000_0000 | 520));
        assert_eq!(Arch::Mipsel.syscall_nr("read"), Some(4003));
        assert_eq!(Arch::Mips64.syscall_nr("read"), Some(5000));
        assert_eq!(Arch::Arm.syscall_nr("set_tls"), Some(0xf0005));
        // seccomp-tools prints the last name its table gives a number.
        assert_eq!(Arch::Aarch64.syscall_name(80), Some("newfstat"));
        assert_eq!(Arch::Aarch64.syscall_name(61), Some("getdents64"));
        assert_eq!(Arch::I386.syscall_name(219), Some("madvise1"));
        assert_eq!(Arch::X86_64.syscall_name(17), Some("pread64"));
    }

    #[test]
    fn every_name_of_every_table_is_found_again() {
        for arch in Arch::ALL {
            let names: Vec<(&str, u32)> = arch.syscalls().collect();
            assert!(
                names.windows(2).all(|w| w[0].0 < w[1].0),
                "{arch}: sorted, no duplicates"
            );
            for (name, nr) in names {
                assert_eq!(arch.syscall_nr(name), Some(nr), "{arch} {name}");
                // The printed name of the number has that number too.
                let printed = arch.syscall_name(nr).expect("every number has a name");
                assert_eq!(arch.syscall_nr(printed), Some(nr), "{arch} {printed}");
            }
        }
    }

    #[test]
    fn no_abi_has_two_rust_targets() {
        let abis = Arch::RUST_TARGETS;
        for (i, (a, _)) in abis.iter().enumerate() {
            assert!(abis[i + 1..].iter().all(|(b, _)| a != b), "{a:?}");
        }
    }

    #[test]
    fn no_rust_target_selects_two_abis() {
        fn apart<T: PartialEq>(x: Option<T>, y: Option<T>) -> bool {
            x.is_some() && y.is_some() && x != y
        }
        let abis = Arch::RUST_TARGETS;
        for (i, (a, ta)) in abis.iter().enumerate() {
            for (b, tb) in &abis[i + 1..] {
                let shared = ta.target_arch.iter().any(|t| tb.target_arch.contains(t));
                assert!(
                    !shared
                        || apart(ta.endian, tb.endian)
                        || apart(ta.pointer_width, tb.pointer_width),
                    "{a:?} and {b:?}"
                );
            }
        }
    }

    #[test]
    fn native_arch_is_known_here() {
        #[cfg(all(target_arch = "x86_64", target_pointer_width = "64"))]
        assert_eq!(Arch::native(), Some(Arch::X86_64));
        #[cfg(target_arch = "aarch64")]
        assert_eq!(Arch::native(), Some(Arch::Aarch64));
    }
}

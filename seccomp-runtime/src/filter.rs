//! [`Filter`]: a checked seccomp program in `'static`, read-only memory.

use core::fmt;
use core::hash::{Hash, Hasher};
use seccomp_asm::bpf;
use seccomp_asm::validate::{self, Violation};
use seccomp_asm::{audit, disasm, emu, explain, Action, Arch, Insn, SeccompData};

/// The kernel's `struct sock_fprog`, with a pointer that is never written through.
#[repr(C)]
struct SockFprog {
    len: u16,
    filter: *const Insn,
}

/// A seccomp filter whose instructions live in read-only memory.
///
/// A `Filter` only points at `'static` instructions, and its first field is
/// laid out exactly like the kernel's `struct sock_fprog`, so installing it
/// hands the kernel a pointer to the `Filter` itself: nothing is copied into
/// writable memory on the way. Declared as a `static`, both the instructions
/// and the `sock_fprog` that points at them sit in memory the process cannot
/// write (the linker places the latter in `.data.rel.ro`, made read-only once
/// relocations are applied).
///
/// Filters are usually written with the `seccomp!` macro, which checks the
/// program when the crate is compiled. [`Filter::new`] builds one from
/// instructions at run time and checks them with the same rules.
///
/// ```
/// use seccomp_asm::bpf::{seccomp::RET_K};
/// use seccomp_runtime::{Action, Arch, Filter, Insn};
///
/// static ALLOW_ALL: [Insn; 1] = [Insn::stmt(RET_K, Action::ALLOW)];
///
/// let filter = Filter::new(&ALLOW_ALL, Arch::X86_64).expect("a valid program");
/// assert_eq!(filter.len(), 1);
/// assert_eq!(filter.instructions(), &ALLOW_ALL);
/// ```
#[repr(C)]
pub struct Filter {
    fprog: SockFprog,
    arch: Arch,
}

// SAFETY: a `Filter` only reads, through a `'static` shared reference turned
// into a raw pointer, instructions nobody may mutate.
unsafe impl Send for Filter {}
// SAFETY: as for `Send`: there is no interior mutability to race on.
unsafe impl Sync for Filter {}

impl Filter {
    /// A filter from a program `seccomp!` has already checked at compile time.
    ///
    /// # Panics
    ///
    /// If `insns` is empty or longer than 4096 instructions. Those are
    /// checked by `seccomp!` already; in a `static` or `const` initializer the
    /// panic is a compile error, so a length is never silently truncated.
    #[doc(hidden)]
    pub const fn __from_checked(insns: &'static [Insn], arch: Arch) -> Filter {
        assert!(
            !insns.is_empty() && insns.len() <= bpf::MAXINSNS,
            "a seccomp filter has 1 to 4096 instructions"
        );
        Filter {
            fprog: SockFprog {
                len: insns.len() as u16,
                filter: insns.as_ptr(),
            },
            arch,
        }
    }

    /// A filter from instructions built at run time, checked against every
    /// rule the kernel applies when it installs a filter.
    ///
    /// `arch` records the architecture the program was written for: the
    /// syscall numbers it compares against are that architecture's.
    ///
    /// Returns every [`Violation`] the validator finds, so all of them can be
    /// fixed at once.
    ///
    /// The instructions are used where they are, not copied: pass a `static`
    /// array to have them in read-only memory (a leaked `Vec` is `'static`
    /// too, but lives in writable memory).
    ///
    /// ```
    /// use seccomp_asm::bpf::{seccomp::LD_ABS};
    /// use seccomp_runtime::{Arch, Filter, Insn, Violation};
    ///
    /// // `ld [2]`: a misaligned load, and no final return.
    /// static BAD: [Insn; 1] = [Insn::stmt(LD_ABS, 2)];
    ///
    /// let violations = Filter::new(&BAD, Arch::X86_64).unwrap_err();
    /// assert_eq!(
    ///     violations,
    ///     [Violation::BadDataOffset { pc: 0, k: 2 }, Violation::NoFinalReturn { pc: 0 }]
    /// );
    /// ```
    pub fn new(insns: &'static [Insn], arch: Arch) -> Result<Filter, Vec<Violation>> {
        validate::validate(insns)?;
        Ok(Filter::__from_checked(insns, arch))
    }

    /// The program.
    pub const fn instructions(&self) -> &'static [Insn] {
        // SAFETY: `fprog` was built from a `&'static [Insn]` of exactly this
        // length and is never changed.
        unsafe { core::slice::from_raw_parts(self.fprog.filter, self.fprog.len as usize) }
    }

    /// The number of instructions (1 to 4096).
    pub const fn len(&self) -> usize {
        self.fprog.len as usize
    }

    /// Always `false`: the kernel refuses empty programs, so no `Filter` is empty.
    pub const fn is_empty(&self) -> bool {
        self.fprog.len == 0
    }

    /// The architecture the program was written for.
    pub const fn arch(&self) -> Arch {
        self.arch
    }

    /// The program as the kernel reads it: 8 bytes per instruction in the
    /// byte order of the machine running this code, the same bytes as
    /// `seccomp-tools asm -f raw` for that machine.
    ///
    /// These are the very bytes that get installed, not a copy.
    pub const fn as_bytes(&self) -> &'static [u8] {
        let insns = self.instructions();
        // SAFETY: `Insn` is `#[repr(C)]` with fields u16, u8, u8, u32: 8
        // bytes, alignment 4, no padding, so every byte is initialized; u8
        // has no alignment requirement; the data is `'static` and immutable.
        unsafe {
            core::slice::from_raw_parts(insns.as_ptr().cast::<u8>(), core::mem::size_of_val(insns))
        }
    }

    /// A pointer to the filter's own `struct sock_fprog`, for `seccomp(2)`
    /// and `prctl(2)`. Nothing is copied: it points at this `Filter`.
    #[cfg(target_os = "linux")]
    pub fn as_sock_fprog(&self) -> *const libc::sock_fprog {
        // `Filter` is `#[repr(C)]` with `fprog` first, and `SockFprog` has
        // the layout of `sock_fprog` (checked in the tests).
        (&self.fprog as *const SockFprog).cast::<libc::sock_fprog>()
    }
}

impl Filter {
    /// What the filter returns for one system call, as the kernel would
    /// compute it (the emulator of `seccomp_asm::emu`, which is tested against
    /// the running kernel).
    ///
    /// ```
    /// use seccomp_runtime::{seccomp, Action, Filter, SeccompData};
    ///
    /// static FILTER: Filter = seccomp!(
    ///     arch = amd64,
    ///     "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\n\
    ///      if (A >= 0x40000000) goto dead\nif (A == getpid) goto deny\nreturn ALLOW\n\
    ///      deny: return ERRNO(1)\ndead: return KILL"
    /// );
    /// let getpid = SeccompData { nr: 39, arch: 0xc000_003e, ..Default::default() };
    /// assert_eq!(FILTER.emulate(&getpid), Action::Errno(1));
    /// ```
    ///
    /// A `Filter` holds a program the kernel accepts (`seccomp!` and
    /// [`Filter::new`] check it), and on such a program the emulation always
    /// returns. Should a program built some other way fail to run, the answer
    /// is what the kernel does for an unknown verdict: kill the process.
    pub fn emulate(&self, data: &SeccompData) -> Action {
        match emu::emulate(self.instructions(), data, self.arch.endian()) {
            Ok(outcome) => outcome.action,
            Err(_) => Action::KillProcess(0),
        }
    }
}

impl Filter {
    /// What the filter lets through: per architecture it dispatches on,
    /// which syscalls under which argument conditions reach each action, and
    /// the default. Displays as `seccomp explain` prints it.
    ///
    /// ```
    /// use seccomp_runtime::{seccomp, Filter};
    ///
    /// static FILTER: Filter = seccomp!(
    ///     arch = amd64,
    ///     "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\n\
    ///      if (A >= 0x40000000) goto dead\nif (A == write) goto ok\nreturn ERRNO(1)\n\
    ///      ok: return ALLOW\ndead: return KILL"
    /// );
    /// let policy = FILTER.explain().to_string();
    /// assert!(policy.contains("  ALLOW:\n    write\n"));
    /// assert!(policy.contains("Other architectures: KILL"));
    /// ```
    pub fn explain(&self) -> explain::Policy {
        explain::Policy::new(self.analysis(), self.arch, None)
    }

    /// How the filter can be escaped: seccomp-tools' audit checks, as typed
    /// findings. Displays as `seccomp audit` prints it.
    ///
    /// ```
    /// use seccomp_runtime::{seccomp, Filter};
    ///
    /// static FILTER: Filter = seccomp!(
    ///     arch = amd64,
    ///     "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\n\
    ///      if (A >= 0x40000000) goto dead\nif (A == write) goto ok\nreturn ERRNO(1)\n\
    ///      ok: return ALLOW\ndead: return KILL"
    /// );
    /// assert!(FILTER.audit().findings().is_empty());
    /// ```
    pub fn audit(&self) -> audit::Report {
        audit::Report::new(&self.analysis(), self.arch, None)
    }

    fn analysis(&self) -> explain::Analysis {
        // A `Filter` holds a program the kernel accepts, and the walk reads
        // every such program: it fails only on opcodes the kernel refuses
        // and scratch slots past the 16 the kernel allows.
        explain::Analysis::new(self.instructions())
            .expect("the kernel's rules admit only programs the walk reads")
    }
}

/// The disassembly of the filter, one line per instruction, with the names of
/// its architecture: `0000: A = arch`, `0001: if (A != ARCH_X86_64) goto 0008`...
impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        disasm::Listing {
            insns: self.instructions(),
            arch: self.arch,
        }
        .fmt(f)
    }
}

impl fmt::Debug for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Filter")
            .field("arch", &self.arch)
            .field("instructions", &self.instructions())
            .finish()
    }
}

/// Two filters are equal when they hold the same program for the same
/// architecture, wherever the instructions are stored.
impl PartialEq for Filter {
    fn eq(&self, other: &Filter) -> bool {
        self.arch == other.arch && self.instructions() == other.instructions()
    }
}

impl Eq for Filter {}

impl Hash for Filter {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.arch.hash(state);
        self.instructions().hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use seccomp_asm::bpf::seccomp::{LD_ABS, RET_K};
    use seccomp_asm::Action;

    static PROGRAM: [Insn; 2] = [Insn::stmt(LD_ABS, 0), Insn::stmt(RET_K, Action::ALLOW)];
    static FROM_STATIC: Filter = Filter::__from_checked(&PROGRAM, Arch::X86_64);
    const FROM_CONST: Filter = Filter::__from_checked(&PROGRAM, Arch::Aarch64);
    // A const evaluated at compile time from the const accessors.
    const LEN: usize = FROM_CONST.len();

    #[test]
    fn static_and_const_filters_share_the_instructions() {
        assert_eq!(FROM_STATIC.instructions().as_ptr(), PROGRAM.as_ptr());
        assert_eq!(FROM_CONST.instructions().as_ptr(), PROGRAM.as_ptr());
        assert_eq!(LEN, 2);
        assert_eq!(FROM_STATIC.arch(), Arch::X86_64);
        assert_eq!(FROM_CONST.arch(), Arch::Aarch64);
        assert!(!FROM_STATIC.is_empty());
        assert_ne!(FROM_STATIC, FROM_CONST);
    }

    #[test]
    fn bytes_are_the_native_encoding() {
        let want: &[u8] = if cfg!(target_endian = "little") {
            &[0x20, 0, 0, 0, 0, 0, 0, 0, 0x06, 0, 0, 0, 0, 0, 0xff, 0x7f]
        } else {
            &[0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0x06, 0, 0, 0x7f, 0xff, 0, 0]
        };
        assert_eq!(FROM_STATIC.as_bytes(), want);
        assert_eq!(
            FROM_STATIC.as_bytes().as_ptr(),
            PROGRAM.as_ptr().cast::<u8>()
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn layout_matches_sock_fprog() {
        use core::mem::{align_of, offset_of, size_of};
        assert_eq!(size_of::<SockFprog>(), size_of::<libc::sock_fprog>());
        assert_eq!(align_of::<SockFprog>(), align_of::<libc::sock_fprog>());
        assert_eq!(
            offset_of!(SockFprog, len),
            offset_of!(libc::sock_fprog, len)
        );
        assert_eq!(
            offset_of!(SockFprog, filter),
            offset_of!(libc::sock_fprog, filter)
        );
        assert_eq!(offset_of!(Filter, fprog), 0);
        assert_eq!(size_of::<Insn>(), size_of::<libc::sock_filter>());

        let fprog = FROM_STATIC.as_sock_fprog();
        assert_eq!(
            fprog.cast::<u8>(),
            (&FROM_STATIC as *const Filter).cast::<u8>()
        );
        // SAFETY: the pointer is to a live `static` with this layout.
        let (len, insns) = unsafe { ((*fprog).len, (*fprog).filter) };
        assert_eq!(len, 2);
        assert_eq!(insns.cast_const().cast::<Insn>(), PROGRAM.as_ptr());
    }

    #[test]
    fn new_checks_and_keeps_the_program() {
        let filter = Filter::new(&PROGRAM, Arch::I386).unwrap();
        assert_eq!(filter.instructions().as_ptr(), PROGRAM.as_ptr());
        assert_eq!(filter.arch(), Arch::I386);
        static EMPTY: [Insn; 0] = [];
        assert_eq!(
            Filter::new(&EMPTY, Arch::X86_64),
            Err(vec![Violation::Empty])
        );
    }
}

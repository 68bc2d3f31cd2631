//! [`Filter`]: a checked seccomp program in read-only memory.

use core::fmt;
use core::hash::{Hash, Hasher};
use seccomp_asm::bpf;
use seccomp_asm::insn::decode;
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
/// A `Filter` is laid out, first field, exactly like the kernel's `struct
/// sock_fprog`, and what the kernel is handed when it is installed is never
/// a copy in writable memory:
///
/// - **Built by `seccomp!`** (or [`Filter::new`] on a `static` array), a
///   filter points at `'static` instructions; declared as a `static`, both
///   the instructions and the `sock_fprog` pointing at them sit in memory the
///   process cannot write (the linker places the latter in `.data.rel.ro`,
///   made read-only once relocations are applied), and the kernel gets a
///   pointer to the `Filter` itself.
/// - **Built at run time**, it is part of an [`OwnedFilter`], which owns a
///   mapping holding a `sock_fprog` and the instructions, made read-only
///   before its constructor returns; the kernel gets a pointer into it.
///
/// Filters are usually written with the `seccomp!` macro, which checks the
/// program when the crate is compiled. The run-time constructors check it
/// with the same rules.
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
    /// The `sock_fprog` to hand to the kernel when it is not `fprog`: the
    /// read-only one of an [`OwnedFilter`]'s mapping. Null for `'static`
    /// instructions. (A pointer rather than the mapping itself, so that a
    /// `Filter` has no destructor and a `const` one works in const code.)
    sealed: *const SockFprog,
}

// SAFETY: a `Filter` only reads instructions nobody may mutate: `'static`
// shared ones, or those of the read-only mapping of the `OwnedFilter` it is
// part of (and only reachable by reference through it).
unsafe impl Send for Filter {}
// SAFETY: as for `Send`: there is no interior mutability to race on.
unsafe impl Sync for Filter {}

/// A [`Filter`] built at run time, owning its instructions: assembled from
/// text ([`Assembler`](crate::Assembler)), loaded from a raw filter
/// ([`OwnedFilter::from_bpf`]) or copied from instructions
/// ([`OwnedFilter::new`]). It dereferences to the [`Filter`], so it is
/// installed, emulated, explained and audited the same way.
///
/// The instructions, and the `sock_fprog` the kernel is handed, are in a
/// mapping of the filter's own, made read-only (`mprotect(PROT_READ)`)
/// before the constructor returns and unmapped when the filter is dropped:
/// nothing the kernel reads at install time is writable, as for a `static`
/// built by `seccomp!`.
///
/// ```
/// use seccomp_asm::bpf::{seccomp::RET_K};
/// use seccomp_runtime::{Action, Arch, Insn, OwnedFilter};
///
/// let built = vec![Insn::stmt(RET_K, Action::ERRNO | 1)];
/// let filter = OwnedFilter::new(&built, Arch::X86_64).expect("a valid program");
/// assert_eq!(filter.instructions(), &built[..]);
/// assert_ne!(filter.instructions().as_ptr(), built.as_ptr());
/// assert!(!filter.is_static());
/// ```
pub struct OwnedFilter {
    filter: Filter,
    /// Keeps the instructions `filter` points at alive.
    _storage: Storage,
}

/// Where an owned filter's instructions are: a read-only mapping (see
/// [`sealed`]).
#[cfg(target_os = "linux")]
type Storage = sealed::Mapping;
/// Where an owned filter's instructions are: elsewhere, where nothing is
/// installed, a copy on the heap.
#[cfg(not(target_os = "linux"))]
type Storage = Box<[Insn]>;

impl core::ops::Deref for OwnedFilter {
    type Target = Filter;

    fn deref(&self) -> &Filter {
        &self.filter
    }
}

impl fmt::Debug for OwnedFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("OwnedFilter").field(&self.filter).finish()
    }
}

/// The disassembly, as for [`Filter`].
impl fmt::Display for OwnedFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.filter.fmt(f)
    }
}

impl OwnedFilter {
    /// A filter from instructions anywhere, checked against every rule the
    /// kernel applies (every [`Violation`] is returned), then copied into
    /// read-only memory of its own.
    pub fn new(insns: &[Insn], arch: Arch) -> Result<OwnedFilter, Vec<Violation>> {
        validate::validate(insns)?;
        Ok(OwnedFilter::sealed(insns, arch))
    }

    /// A filter from a raw BPF program, as `seccomp_export_bpf` (libseccomp),
    /// seccompiler, `seccomp dump` or `seccomp asm -f raw` write it: 8 bytes
    /// per instruction in the byte order of `arch`, the architecture it was
    /// made for. Checked as [`OwnedFilter::new`] checks a program, with every
    /// violation reported.
    ///
    /// ```
    /// use seccomp_runtime::{Arch, LoadError, OwnedFilter};
    ///
    /// // `return ALLOW`, little-endian.
    /// let filter = OwnedFilter::from_bpf(&[6, 0, 0, 0, 0, 0, 0xff, 0x7f], Arch::X86_64).unwrap();
    /// assert_eq!(filter.len(), 1);
    ///
    /// let err = OwnedFilter::from_bpf(&[6, 0, 0], Arch::X86_64).unwrap_err();
    /// assert_eq!(err, LoadError::PartialInstruction { len: 3 });
    /// ```
    pub fn from_bpf(bytes: &[u8], arch: Arch) -> Result<OwnedFilter, LoadError> {
        let insns = decode(bytes, arch.endian())
            .map_err(|partial| LoadError::PartialInstruction { len: partial.len })?;
        if let Err(violations) = validate::validate(&insns) {
            return Err(LoadError::Invalid {
                violations,
                insns,
                arch,
            });
        }
        Ok(OwnedFilter::sealed(&insns, arch))
    }

    /// A filter owning a read-only copy of checked instructions.
    pub(crate) fn sealed(insns: &[Insn], arch: Arch) -> OwnedFilter {
        debug_assert!(validate::validate(insns).is_ok());
        let len = insns.len() as u16;
        #[cfg(target_os = "linux")]
        {
            let mapping = sealed::Mapping::new(insns);
            OwnedFilter {
                filter: Filter {
                    fprog: SockFprog {
                        len,
                        filter: mapping.insns(),
                    },
                    arch,
                    sealed: mapping.fprog(),
                },
                _storage: mapping,
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            let copy: Box<[Insn]> = insns.into();
            OwnedFilter {
                filter: Filter {
                    fprog: SockFprog {
                        len,
                        filter: copy.as_ptr(),
                    },
                    arch,
                    sealed: core::ptr::null(),
                },
                _storage: copy,
            }
        }
    }
}

/// Why a raw filter cannot become a [`Filter`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum LoadError {
    /// The bytes are not a whole number of 8-byte instructions.
    PartialInstruction {
        /// How many bytes there are.
        len: usize,
    },
    /// Every rule of the kernel the program breaks, and the program, to
    /// show the instructions at fault.
    Invalid {
        /// The violations, in the validator's order.
        violations: Vec<Violation>,
        /// The decoded instructions.
        insns: Vec<Insn>,
        /// The architecture they were decoded for.
        arch: Arch,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::PartialInstruction { len } => write!(
                f,
                "not a raw BPF filter: {len} bytes are not a whole number of 8-byte instructions"
            ),
            LoadError::Invalid {
                violations,
                insns,
                arch,
            } => {
                let n = violations.len();
                write!(
                    f,
                    "the kernel refuses this filter ({n} violation{}):",
                    if n == 1 { "" } else { "s" }
                )?;
                for v in violations {
                    match v.pc().filter(|&pc| pc < insns.len()) {
                        Some(pc) => {
                            let line = disasm::statement(insns[pc], pc, arch.endian());
                            write!(f, "\n  line {pc:04}: {line}: {v}")?;
                        }
                        None => write!(f, "\n  {v}")?,
                    }
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

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
            sealed: core::ptr::null(),
        }
    }

    /// A filter from `'static` instructions built at run time, checked
    /// against every rule the kernel applies when it installs a filter.
    ///
    /// `arch` records the architecture the program was written for: the
    /// syscall numbers it compares against are that architecture's.
    ///
    /// Returns every [`Violation`] the validator finds, so all of them can be
    /// fixed at once.
    ///
    /// The instructions are used where they are, not copied: pass a `static`
    /// array to have them in read-only memory. For instructions in memory of
    /// any other kind (a `Vec`, say), [`OwnedFilter::new`] copies them into
    /// read-only memory of the filter's own.
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
    pub const fn instructions(&self) -> &[Insn] {
        // SAFETY: `fprog` was built from instructions of exactly this length
        // that live as long as `self` (`'static` ones, or the filter's own
        // storage) and is never changed.
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

    /// Whether the instructions are `'static` ones (from `seccomp!` or
    /// [`Filter::new`]) rather than the read-only copy of an [`OwnedFilter`].
    pub const fn is_static(&self) -> bool {
        self.sealed.is_null()
    }

    /// The program as the kernel reads it: 8 bytes per instruction in the
    /// byte order of the machine running this code, the same bytes as
    /// `seccomp-tools asm -f raw` for that machine.
    ///
    /// These are the very bytes that get installed, not a copy.
    pub const fn as_bytes(&self) -> &[u8] {
        let insns = self.instructions();
        // SAFETY: `Insn` is `#[repr(C)]` with fields u16, u8, u8, u32: 8
        // bytes, alignment 4, no padding, so every byte is initialized; u8
        // has no alignment requirement; the data lives as long as `self`
        // and is immutable.
        unsafe {
            core::slice::from_raw_parts(insns.as_ptr().cast::<u8>(), core::mem::size_of_val(insns))
        }
    }

    /// A pointer to the `struct sock_fprog` to hand to `seccomp(2)` and
    /// `prctl(2)`: this filter's own for `'static` instructions, the one at
    /// the start of the read-only mapping for an owned copy. Nothing is
    /// copied.
    #[cfg(target_os = "linux")]
    pub fn as_sock_fprog(&self) -> *const libc::sock_fprog {
        if self.sealed.is_null() {
            // `Filter` is `#[repr(C)]` with `fprog` first, and `SockFprog`
            // has the layout of `sock_fprog` (checked in the tests).
            (&self.fprog as *const SockFprog).cast::<libc::sock_fprog>()
        } else {
            self.sealed.cast::<libc::sock_fprog>()
        }
    }
}

/// Read-only mappings for filters built at run time.
#[cfg(target_os = "linux")]
mod sealed {
    use super::SockFprog;
    use seccomp_asm::Insn;
    use std::alloc::{handle_alloc_error, Layout};

    /// A private anonymous mapping holding a `sock_fprog` and, after it, the
    /// instructions it points at; read-only once made.
    pub struct Mapping {
        base: *mut u8,
        size: usize,
    }

    /// Where the instructions start: after the `sock_fprog`, 8-aligned.
    const INSNS_AT: usize = core::mem::size_of::<SockFprog>().next_multiple_of(8);

    impl Mapping {
        /// Maps, fills and seals. Running out of memory is handled as an
        /// allocation failure is anywhere in Rust.
        pub fn new(insns: &[Insn]) -> Mapping {
            let bytes = INSNS_AT + core::mem::size_of_val(insns);
            let layout = Layout::from_size_align(bytes, 8).expect("a filter is at most 32 KiB");
            // SAFETY: sysconf has no preconditions.
            let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) })
                .ok()
                .filter(|&p| p > 0)
                .unwrap_or(4096);
            let size = bytes.next_multiple_of(page);
            // SAFETY: a new private anonymous mapping; no existing memory
            // is touched.
            let base = unsafe {
                libc::mmap(
                    core::ptr::null_mut(),
                    size,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                    -1,
                    0,
                )
            };
            if base == libc::MAP_FAILED {
                handle_alloc_error(layout);
            }
            let base = base.cast::<u8>();
            let mapping = Mapping { base, size };
            // SAFETY: the mapping is `size >= bytes` bytes, writable, page-
            // aligned (so aligned for both types), and ours alone.
            unsafe {
                let dst = base.add(INSNS_AT).cast::<Insn>();
                core::ptr::copy_nonoverlapping(insns.as_ptr(), dst, insns.len());
                base.cast::<SockFprog>().write(SockFprog {
                    len: insns.len() as u16,
                    filter: dst,
                });
            }
            // SAFETY: the whole mapping, which is ours.
            if unsafe { libc::mprotect(base.cast(), size, libc::PROT_READ) } != 0 {
                // Only ENOMEM is possible here; the mapping is unmapped on
                // the way out.
                handle_alloc_error(layout);
            }
            mapping
        }

        /// The `sock_fprog` at the start of the mapping.
        pub fn fprog(&self) -> *const SockFprog {
            self.base.cast::<SockFprog>()
        }

        /// The instructions.
        pub fn insns(&self) -> *const Insn {
            // SAFETY: within the mapping (see `new`).
            unsafe { self.base.add(INSNS_AT).cast::<Insn>() }
        }
    }

    impl Drop for Mapping {
        fn drop(&mut self) {
            // SAFETY: the mapping `new` made, unmapped once. A failure
            // (impossible for a whole mapping of ours) would only leak it.
            unsafe { libc::munmap(self.base.cast(), self.size) };
        }
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

//! Generates `seccomp-asm/src/tables/` from the reference tables:
//!
//! - `syscalls.csv` (libseccomp's table, 18 ABIs): which syscalls exist on which ABI;
//! - `seccomp-tools-syscalls.csv`: seccomp-tools' own names for its five ABIs,
//!   with its aliases and its `x32_<name>` entries, in its table order;
//! - `seccomp-tools-sysargs.csv`: the argument names seccomp-tools shows.
//!
//! Each ABI gets one module with two tables, both as a filter sees the numbers
//! (mips bases added, the x32 bit set):
//! - `BY_NAME`, sorted by name, for the assembler;
//! - `BY_NR`, one name per number, sorted by number, for the disassembler: the
//!   name seccomp-tools prints (the last name of its table with that number)
//!   where it has one, else the kernel's name.
//!
//! The names are one string per module, `NAMES`, and the tables hold offsets
//! into it: tables of plain integers need no relocation when a
//! position-independent program starts, where 19,000 `&str` pointers did.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// A column of `syscalls.csv`, and how its numbers appear to a filter.
struct Abi {
    column: &'static str,
    /// Added to (or, for x32, or-ed into) every number of the column.
    nr_base: u32,
    /// The seccomp-tools arch whose table this ABI shares, if any.
    seccomp_tools: Option<&'static str>,
}

const X32_SYSCALL_BIT: u32 = 0x4000_0000;

const ABIS: &[Abi] = &[
    Abi {
        column: "x86",
        nr_base: 0,
        seccomp_tools: Some("i386"),
    },
    Abi {
        column: "x86_64",
        nr_base: 0,
        seccomp_tools: Some("amd64"),
    },
    Abi {
        column: "x32",
        nr_base: X32_SYSCALL_BIT,
        seccomp_tools: None,
    },
    Abi {
        column: "arm",
        nr_base: 0,
        seccomp_tools: None,
    },
    Abi {
        column: "aarch64",
        nr_base: 0,
        seccomp_tools: Some("aarch64"),
    },
    Abi {
        column: "loongarch64",
        nr_base: 0,
        seccomp_tools: None,
    },
    Abi {
        column: "m68k",
        nr_base: 0,
        seccomp_tools: None,
    },
    Abi {
        column: "mips",
        nr_base: 4000,
        seccomp_tools: None,
    },
    Abi {
        column: "mips64",
        nr_base: 5000,
        seccomp_tools: None,
    },
    Abi {
        column: "mips64n32",
        nr_base: 6000,
        seccomp_tools: None,
    },
    Abi {
        column: "parisc",
        nr_base: 0,
        seccomp_tools: None,
    },
    Abi {
        column: "parisc64",
        nr_base: 0,
        seccomp_tools: None,
    },
    Abi {
        column: "ppc",
        nr_base: 0,
        seccomp_tools: None,
    },
    Abi {
        column: "ppc64",
        nr_base: 0,
        seccomp_tools: None,
    },
    Abi {
        column: "riscv64",
        nr_base: 0,
        seccomp_tools: Some("riscv64"),
    },
    Abi {
        column: "s390",
        nr_base: 0,
        seccomp_tools: None,
    },
    Abi {
        column: "s390x",
        nr_base: 0,
        seccomp_tools: Some("s390x"),
    },
    Abi {
        column: "sh",
        nr_base: 0,
        seccomp_tools: None,
    },
];

pub fn run(args: &[String]) -> Result<(), String> {
    let data = PathBuf::from(args.first().map(String::as_str).unwrap_or("../shared/data"));
    let out_dir = workspace_root().join("seccomp-asm/src/tables");
    let kernel = read_kernel_table(&data.join("syscalls.csv"))?;
    let tools = read_seccomp_tools_table(&data.join("seccomp-tools-syscalls.csv"))?;
    let sysargs = read(&data.join("seccomp-tools-sysargs.csv"))?;

    fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let mut mods = String::new();
    for abi in ABIS {
        let column = kernel
            .column(abi.column)
            .expect("columns were checked on reading");
        let mut by_name: BTreeMap<String, u32> = BTreeMap::new();
        let mut by_nr: BTreeMap<u32, String> = BTreeMap::new();
        for (name, nr) in kernel
            .rows
            .iter()
            .filter_map(|(name, nrs)| Some((name, nrs[column]?)))
        {
            let nr = if abi.nr_base == X32_SYSCALL_BIT {
                nr | X32_SYSCALL_BIT
            } else {
                nr + abi.nr_base
            };
            by_name.insert(name.clone(), nr);
            by_nr.insert(nr, name.clone());
        }
        if let Some(st) = abi.seccomp_tools {
            let table = tools
                .get(st)
                .ok_or(format!("no {st} rows in seccomp-tools-syscalls.csv"))?;
            for (name, nr) in table {
                if let Some(&kernel_nr) = by_name.get(name) {
                    if kernel_nr != *nr {
                        return Err(format!(
                            "{st}: {name} is {nr} for seccomp-tools, {kernel_nr} for the kernel"
                        ));
                    }
                }
                by_name.insert(name.clone(), *nr);
                // Later rows overwrite earlier ones: seccomp-tools prints the last.
                by_nr.insert(*nr, name.clone());
            }
        }
        let mut src = header(abi);
        let names = NameBlob::new(by_name.keys());
        writeln!(src, "/// Every name of the ABI, one after the other.").unwrap();
        writeln!(src, "pub static NAMES: &str = {:?};\n", names.text).unwrap();
        writeln!(
            src,
            "/// `(offset in NAMES, length, number)` of every name, sorted by name."
        )
        .unwrap();
        writeln!(
            src,
            "pub static BY_NAME: [(u16, u8, u32); {}] = [",
            by_name.len()
        )
        .unwrap();
        for (name, nr) in &by_name {
            let (off, len) = names.span(name);
            writeln!(src, "    ({off}, {len}, {nr:#x}),").unwrap();
        }
        writeln!(src, "];\n").unwrap();
        writeln!(
            src,
            "/// `(number, index in BY_NAME)` of the name printed for each number, sorted by number."
        )
        .unwrap();
        writeln!(src, "pub static BY_NR: [(u32, u16); {}] = [", by_nr.len()).unwrap();
        let index: BTreeMap<&String, usize> =
            by_name.keys().enumerate().map(|(i, n)| (n, i)).collect();
        for (nr, name) in &by_nr {
            writeln!(src, "    ({nr:#x}, {}),", index[name]).unwrap();
        }
        writeln!(src, "];").unwrap();
        write(&out_dir.join(format!("{}.rs", abi.column)), &src)?;
        writeln!(mods, "pub mod {};", abi.column).unwrap();
    }

    let mut args_src = String::from(GENERATED);
    writeln!(
        args_src,
        "//! Argument names seccomp-tools shows, sorted by syscall name.\n"
    )
    .unwrap();
    let mut entries = BTreeMap::new();
    for line in data_lines(&sysargs) {
        let (name, args) = line
            .split_once(',')
            .ok_or(format!("bad sysargs row {line:?}"))?;
        let args: Vec<&str> = args.split_whitespace().collect();
        entries.insert(name.to_string(), args.join(" "));
    }
    let blob = NameBlob::new(entries.iter().flat_map(|(name, args)| [name, args]));
    writeln!(
        args_src,
        "/// Syscall names and their space-separated argument names."
    )
    .unwrap();
    writeln!(args_src, "pub static TEXT: &str = {:?};\n", blob.text).unwrap();
    writeln!(
        args_src,
        "/// `(name offset, name length, arguments offset, arguments length)` in TEXT, by name."
    )
    .unwrap();
    writeln!(
        args_src,
        "pub static SYSARGS: [(u16, u8, u16, u8); {}] = [",
        entries.len()
    )
    .unwrap();
    for (name, args) in &entries {
        let (name_off, name_len) = blob.span(name);
        let (args_off, args_len) = blob.span(args);
        writeln!(
            args_src,
            "    ({name_off}, {name_len}, {args_off}, {args_len}),"
        )
        .unwrap();
    }
    writeln!(args_src, "];").unwrap();
    write(&out_dir.join("sysargs.rs"), &args_src)?;
    writeln!(mods, "pub mod sysargs;").unwrap();

    let mod_src = format!(
        "{GENERATED}//! Syscall tables, one module per ABI column of libseccomp's `syscalls.csv`.\n\n{mods}"
    );
    write(&out_dir.join("mod.rs"), &mod_src)?;
    println!(
        "wrote {} ABI tables and the argument names to {}",
        ABIS.len(),
        out_dir.display()
    );
    Ok(())
}

const GENERATED: &str =
    "// @generated by `cargo run -p xtask -- gen-tables` from the reference tables. Do not edit.\n\n";

fn header(abi: &Abi) -> String {
    let mut s = String::from(GENERATED);
    write!(s, "//! Syscalls of the `{}` ABI", abi.column).unwrap();
    if let Some(st) = abi.seccomp_tools {
        write!(
            s,
            ", merged with seccomp-tools' `{st}` table (its aliases included)"
        )
        .unwrap();
    }
    s.push_str(".\n\n");
    s
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Strings laid end to end, each found again by its offset and length.
struct NameBlob {
    text: String,
    spans: BTreeMap<String, (usize, usize)>,
}

impl NameBlob {
    fn new<'a>(strings: impl IntoIterator<Item = &'a String>) -> NameBlob {
        let mut blob = NameBlob {
            text: String::new(),
            spans: BTreeMap::new(),
        };
        for s in strings {
            if !blob.spans.contains_key(s) {
                blob.spans.insert(s.clone(), (blob.text.len(), s.len()));
                blob.text.push_str(s);
            }
        }
        blob
    }

    /// Offset and length of a string added with [`NameBlob::new`]; the
    /// tables store them in 16 and 8 bits.
    fn span(&self, s: &str) -> (u16, u8) {
        let (off, len) = self.spans[s];
        (
            u16::try_from(off).expect("names fit 64 KiB"),
            u8::try_from(len).expect("a name is shorter than 256 bytes"),
        )
    }
}

struct KernelTable {
    columns: Vec<String>,
    rows: Vec<(String, Vec<Option<u32>>)>,
}

impl KernelTable {
    fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// `syscalls.csv`: a `#syscall (...)` header, then `name,nr,kver,nr,kver,...`.
fn read_kernel_table(path: &Path) -> Result<KernelTable, String> {
    let text = read(path)?;
    let mut lines = text.lines();
    let header = lines.next().ok_or("syscalls.csv is empty")?;
    // Every other column after the name is a `_kver` column.
    let columns: Vec<String> = header
        .split(',')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    for abi in ABIS {
        if !columns.iter().any(|c| c == abi.column) {
            return Err(format!("syscalls.csv has no {} column", abi.column));
        }
    }
    let mut rows = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() != 1 + 2 * columns.len() {
            return Err(format!("syscalls.csv: bad row {line:?}"));
        }
        let nrs = fields[1..]
            .iter()
            .step_by(2)
            .map(|f| match *f {
                "PNR" => Ok(None),
                n => n
                    .parse()
                    .map(Some)
                    .map_err(|_| format!("syscalls.csv: bad number {n:?} in {line:?}")),
            })
            .collect::<Result<Vec<_>, String>>()?;
        rows.push((fields[0].to_string(), nrs));
    }
    Ok(KernelTable { columns, rows })
}

/// `seccomp-tools-syscalls.csv`: `arch,name,nr` in seccomp-tools' order.
fn read_seccomp_tools_table(path: &Path) -> Result<BTreeMap<String, Vec<(String, u32)>>, String> {
    let text = read(path)?;
    let mut tables: BTreeMap<String, Vec<(String, u32)>> = BTreeMap::new();
    for line in data_lines(&text) {
        let mut f = line.split(',');
        let (Some(arch), Some(name), Some(nr), None) = (f.next(), f.next(), f.next(), f.next())
        else {
            return Err(format!("seccomp-tools-syscalls.csv: bad row {line:?}"));
        };
        let nr = nr
            .parse()
            .map_err(|_| format!("seccomp-tools-syscalls.csv: bad number in {line:?}"))?;
        tables
            .entry(arch.to_string())
            .or_default()
            .push((name.to_string(), nr));
    }
    Ok(tables)
}

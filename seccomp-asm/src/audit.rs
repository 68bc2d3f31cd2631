//! `audit`: how a filter can be escaped.
//!
//! Takes the [`Analysis`] of a filter (the same one [`crate::explain`]
//! reads) and gives a [`Report`] of typed [`Finding`]s: seccomp-tools'
//! checks, with its wording, severities and order. Its `Display` is
//! `seccomp-tools audit`'s output; [`json`] is that of `audit -f json`.
//!
//! A check asks of one architecture section which verdicts a syscall number
//! can reach (`SectionView`): a leaf is reachable for a number when every
//! fact its path states about the syscall number holds for it. Argument facts
//! are not consulted, since the caller chooses the arguments; the walk has
//! already dropped paths that contradict themselves.

use std::collections::HashMap;
use std::fmt;

use crate::arch::Arch;
use crate::disasm::color;
use crate::explain::{Analysis, Fusion, Renderer, TRUNCATED};
use crate::insn::Insn;
use crate::lexer::is_word;
use crate::symbolic::WalkError;

/// How bad a finding is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Severity {
    /// A way around the filter: program execution, another process's memory,
    /// an unchecked architecture, files copied out.
    High,
    /// A lesser capability, such as network access for exfiltration.
    Medium,
    /// A minor weakness; sorts after the others.
    Low,
}

impl Severity {
    /// The lowercase name, as the JSON report writes it (`high`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }

    const fn tag(self) -> &'static str {
        match self {
            Severity::High => "[HIGH]",
            Severity::Medium => "[MEDIUM]",
            Severity::Low => "[LOW]",
        }
    }

    const fn color(self) -> &'static str {
        match self {
            Severity::High => color::ERROR,
            Severity::Medium => color::WARN,
            Severity::Low => color::INFO,
        }
    }
}

/// Which check found a weakness.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Check {
    /// The architecture is never checked, or unlisted ones reach ALLOW.
    ArchUnchecked,
    /// A dangerous syscall reaches ALLOW.
    DangerousAllow,
    /// One of a group of equivalent syscalls is denied while another is allowed.
    SyscallAltGap,
    /// open, read and write families all reach ALLOW.
    OrwChain,
    /// The default action is ALLOW.
    PermissiveDefault,
    /// x32 numbers of syscalls denied natively reach ALLOW (amd64).
    X32Guard,
}

impl Check {
    /// The finding id, as seccomp-tools spells it.
    pub const fn id(self) -> &'static str {
        match self {
            Check::ArchUnchecked => "arch-unchecked",
            Check::DangerousAllow => "dangerous-allow",
            Check::SyscallAltGap => "syscall-alt-gap",
            Check::OrwChain => "orw-chain",
            Check::PermissiveDefault => "permissive-default",
            Check::X32Guard => "x32-guard",
        }
    }

    /// All six checks.
    pub const ALL: [Check; 6] = [
        Check::ArchUnchecked,
        Check::X32Guard,
        Check::PermissiveDefault,
        Check::DangerousAllow,
        Check::OrwChain,
        Check::SyscallAltGap,
    ];
}

/// One weakness.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Finding {
    /// The check that found it.
    pub check: Check,
    /// How bad it is.
    pub severity: Severity,
    /// A one-line summary (`execve is allowed`).
    pub title: String,
    /// What the weakness is and how it can be used.
    pub detail: String,
    /// The section's architecture name (`None` for a whole-filter finding).
    pub arch: Option<String>,
    /// The section's `AUDIT_ARCH` value, when the filter checks it.
    pub audit: Option<u32>,
    /// The syscalls the finding is about.
    pub syscalls: Vec<String>,
    /// The argument condition under which it holds, as `explain` writes it.
    pub condition: Option<String>,
    /// The same condition with terminal colours, for the human report.
    condition_colored: Option<String>,
    /// How to close the hole, in a sentence.
    pub remediation: String,
}

impl Finding {
    /// The finding id of [`Finding::check`], e.g. `dangerous-allow`.
    pub fn id(&self) -> &'static str {
        self.check.id()
    }

    fn rank(&self) -> (Severity, &'static str, String) {
        (self.severity, self.id(), self.syscalls.join(","))
    }
}

/// What `audit` found in one filter.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Report {
    source: Option<String>,
    arches: Vec<String>,
    findings: Vec<Finding>,
    truncated: bool,
}

/// Dangerous syscalls: name, severity, why.
const DANGEROUS: [(&str, Severity, &str); 8] = [
    ("execve", Severity::High, "arbitrary program execution"),
    ("execveat", Severity::High, "arbitrary program execution"),
    (
        "ptrace",
        Severity::High,
        "inspect/inject into other processes",
    ),
    (
        "process_vm_readv",
        Severity::High,
        "read another process's memory",
    ),
    (
        "process_vm_writev",
        Severity::High,
        "write another process's memory",
    ),
    (
        "io_uring_setup",
        Severity::High,
        "reads/writes/opens as ring operations, bypassing filters on those syscalls",
    ),
    ("socket", Severity::Medium, "network access (exfiltration)"),
    ("connect", Severity::Medium, "network access (exfiltration)"),
];

/// Dangerous on i386 alone: the multiplexed socket API.
const DANGEROUS_I386: (&str, Severity, &str) = (
    "socketcall",
    Severity::Medium,
    "multiplexed socket API (exfiltration)",
);

/// Groups of syscalls with one capability; `high` groups give high findings.
const ALT_GROUPS: [(&str, &[&str]); 5] = [
    ("exec", &["execve", "execveat"]),
    ("open", &["open", "openat", "openat2"]),
    ("read", &["read", "readv", "pread64", "preadv", "preadv2"]),
    (
        "write",
        &["write", "writev", "pwrite64", "pwritev", "sendfile"],
    ),
    ("fork", &["fork", "vfork", "clone", "clone3"]),
];

/// Audits a filter; `arch` is assumed when the filter checks none.
pub fn audit(insns: &[Insn], arch: Arch, source: Option<&str>) -> Result<Report, WalkError> {
    Ok(Report::new(&Analysis::new(insns)?, arch, source))
}

/// One architecture section, asked which verdicts each syscall reaches.
struct SectionView<'a> {
    analysis: &'a Analysis,
    arch: Option<Arch>,
    name: String,
    audit: Option<u32>,
    leaves: Vec<usize>,
    /// For each number of the arch's table, the leaves it can reach.
    reach: HashMap<u32, Vec<usize>>,
}

impl<'a> SectionView<'a> {
    fn new(
        analysis: &'a Analysis,
        arch: Option<Arch>,
        audit: Option<u32>,
        leaves: Vec<usize>,
    ) -> Self {
        let name = match arch {
            Some(a) => a.name().to_owned(),
            None => format!("{:#x} (unknown)", audit.unwrap_or(0)),
        };
        // Checks only ask about numbers of the arch's table: index the
        // leaves by them once. A leaf that pins a number admits that one
        // alone; the others are tried against every number.
        let mut reach: HashMap<u32, Vec<usize>> = HashMap::new();
        if let Some(a) = arch {
            let mut numbers: Vec<u32> = a.syscalls().map(|(_, nr)| nr).collect();
            numbers.sort_unstable();
            numbers.dedup();
            for &l in &leaves {
                let f = analysis.facts(l);
                match f.sys_eq {
                    Some(nr) => {
                        if numbers.binary_search(&nr).is_ok() {
                            reach.entry(nr).or_default().push(l);
                        }
                    }
                    None => {
                        for &nr in &numbers {
                            if f.admits_nr(nr) {
                                reach.entry(nr).or_default().push(l);
                            }
                        }
                    }
                }
            }
        }
        SectionView {
            analysis,
            arch,
            name,
            audit,
            leaves,
            reach,
        }
    }

    fn number(&self, name: &str) -> Option<u32> {
        self.arch?.syscall_nr(name)
    }

    fn reachable(&self, nr: u32) -> &[usize] {
        self.reach.get(&nr).map_or(&[], Vec::as_slice)
    }

    fn allowed(&self, nr: u32) -> bool {
        self.reachable(nr)
            .iter()
            .any(|&l| self.analysis.verdict(l).is_allow())
    }

    /// Singled out for denial: a leaf pins the number to another verdict,
    /// and no path allows it (unlike a mere omission from an allow-list).
    fn denied(&self, nr: u32) -> bool {
        !self.allowed(nr)
            && self.leaves.iter().any(|&l| {
                self.analysis.facts(l).sys_eq == Some(nr) && !self.analysis.verdict(l).is_allow()
            })
    }

    /// The argument condition under which `nr` is allowed (plain and with
    /// colours), `None` when it is allowed unconditionally.
    fn allow_condition(&self, nr: u32) -> Option<(String, String)> {
        let arch = self.arch?;
        let walk = self.analysis.walk();
        let fusion = Fusion::new(walk, arch.endian());
        let lists = self
            .reachable(nr)
            .iter()
            .filter(|&&l| self.analysis.verdict(l).is_allow())
            .map(|&l| self.analysis.residual_terms(l))
            .collect();
        let sys = arch.syscall_name(nr);
        let merged = fusion.merge_or(lists);
        let terms: usize = merged.iter().map(Vec::len).sum();
        if terms > MAX_CONDITION_TERMS {
            let text = format!(
                "one of {} conditions of up to {} tests each (too large to print; see explain)",
                merged.len(),
                merged.iter().map(Vec::len).max().unwrap_or(0)
            );
            return Some((text.clone(), text));
        }
        let plain = Renderer::new(walk, arch.endian(), false);
        let painted = Renderer::new(walk, arch.endian(), true);
        let mut texts: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut colored: Vec<String> = Vec::new();
        for list in merged {
            let folded = fusion.fold(&list);
            let text = plain.conjunction(&folded, sys);
            if !seen.insert(text.clone()) {
                continue;
            }
            texts.push(text);
            colored.push(painted.conjunction(&folded, sys));
        }
        if texts.iter().any(String::is_empty) {
            return None;
        }
        Some((texts.join(" or "), colored.join(" or ")))
    }

    fn finding(&self, check: Check, severity: Severity) -> Finding {
        Finding {
            check,
            severity,
            title: String::new(),
            detail: String::new(),
            arch: Some(self.name.clone()),
            audit: self.audit,
            syscalls: Vec::new(),
            condition: None,
            condition_colored: None,
            remediation: String::new(),
        }
    }

    fn permissive_default(&self) -> Option<Finding> {
        let default = self.analysis.default_verdict(&self.leaves)?;
        if default.label() != "ALLOW" {
            return None;
        }
        Some(Finding {
            title: "Default action is ALLOW (denylist)".to_owned(),
            detail: "Any syscall the filter does not explicitly block is allowed; a denylist is \
                     bypassable by any syscall the author overlooked."
                .to_owned(),
            remediation:
                "Use an allowlist: default to KILL/ERRNO and permit only the needed syscalls."
                    .to_owned(),
            ..self.finding(Check::PermissiveDefault, Severity::High)
        })
    }

    fn alt_gaps(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        for (group, names) in ALT_GROUPS {
            let present: Vec<(&str, u32)> = names
                .iter()
                .filter_map(|&n| self.number(n).map(|nr| (n, nr)))
                .collect();
            let denied: Vec<&str> = present
                .iter()
                .filter(|&&(_, nr)| self.denied(nr))
                .map(|&(n, _)| n)
                .collect();
            let allowed: Vec<&str> = present
                .iter()
                .filter(|&&(_, nr)| self.allowed(nr))
                .map(|&(n, _)| n)
                .collect();
            if denied.is_empty() || allowed.is_empty() {
                continue;
            }
            let severity = if matches!(group, "exec" | "open") {
                Severity::High
            } else {
                Severity::Medium
            };
            out.push(Finding {
                title: format!(
                    "{} blocked but {} allowed",
                    denied.join("/"),
                    allowed.join("/")
                ),
                detail: format!(
                    "{} denied, but the equivalent {} reaches ALLOW - same capability, different \
                     syscall number.",
                    denied.join(", "),
                    allowed.join(", ")
                ),
                syscalls: denied
                    .iter()
                    .chain(&allowed)
                    .map(|s| (*s).to_owned())
                    .collect(),
                remediation: format!(
                    "Deny every equivalent in the group: also block {}.",
                    allowed.join(", ")
                ),
                ..self.finding(Check::SyscallAltGap, severity)
            });
        }
        out
    }

    fn orw_chain(&self) -> Option<Finding> {
        let first = |names: &[&'static str]| {
            names
                .iter()
                .copied()
                .find(|&n| self.number(n).is_some_and(|nr| self.allowed(nr)))
        };
        let o = first(ALT_GROUPS[1].1)?;
        let r = first(ALT_GROUPS[2].1)?;
        let w = first(ALT_GROUPS[3].1)?;
        Some(Finding {
            title: "A file can be opened and its contents copied out".to_owned(),
            detail: format!(
                "{o}, {r} and {w} all reach ALLOW, so the contents of an arbitrary file (e.g. the \
                 flag) can be copied straight back out."
            ),
            syscalls: vec![o.to_owned(), r.to_owned(), w.to_owned()],
            remediation:
                "Deny the open-family syscalls unless the program genuinely needs arbitrary files."
                    .to_owned(),
            ..self.finding(Check::OrwChain, Severity::High)
        })
    }

    fn dangerous_allows(&self) -> Vec<Finding> {
        let extra = (self.arch == Some(Arch::I386)).then_some(DANGEROUS_I386);
        DANGEROUS
            .iter()
            .copied()
            .chain(extra)
            .filter_map(|(name, severity, why)| {
                let nr = self.number(name)?;
                if !self.allowed(nr) {
                    return None;
                }
                let (condition, condition_colored) = self.allow_condition(nr).unzip();
                Some(Finding {
                    title: format!("{name} is allowed"),
                    detail: format!("{name} reaches ALLOW - {why}."),
                    syscalls: vec![name.to_owned()],
                    condition,
                    condition_colored,
                    remediation: format!("Block {name} unless the program genuinely needs it."),
                    ..self.finding(Check::DangerousAllow, severity)
                })
            })
            .collect()
    }

    /// amd64's x32 ABI shares `AUDIT_ARCH_X86_64` with numbers `nr |
    /// 0x40000000`: syscalls whose native number is denied and whose x32
    /// number is allowed.
    fn x32_guard(&self) -> Option<Finding> {
        let arch = self.arch?;
        let mut table: Vec<(u32, &'static str)> = arch.syscalls().map(|(n, nr)| (nr, n)).collect();
        // The reference's table order: by number, aliases by name.
        table.sort_unstable();
        let sharp: Vec<&str> = table
            .iter()
            .filter(|(_, name)| !name.starts_with("x32_"))
            .filter(|&&(nr, name)| {
                self.number(&format!("x32_{name}"))
                    .is_some_and(|x| self.allowed(x) && !self.allowed(nr))
            })
            .map(|&(_, name)| name)
            .collect();
        if sharp.is_empty() {
            return None;
        }
        let shown: Vec<String> = sharp.iter().take(8).map(|s| (*s).to_owned()).collect();
        let more = if sharp.len() > shown.len() {
            format!(", ... (+{} more)", sharp.len() - shown.len())
        } else {
            String::new()
        };
        Some(Finding {
            title: "x32 ABI is not guarded".to_owned(),
            detail: format!(
                "Syscalls blocked by their native number are reachable via their x32 number (nr | \
                 0x40000000): {}{more}.",
                shown.join(", ")
            ),
            syscalls: shown,
            remediation:
                "After the arch check, KILL when sys_number >= 0x40000000 (or jset 0x40000000)."
                    .to_owned(),
            ..self.finding(Check::X32Guard, Severity::High)
        })
    }
}

impl Report {
    /// Runs every check on an analysed filter.
    pub fn new(analysis: &Analysis, arch: Arch, source: Option<&str>) -> Report {
        let mut findings = Vec::new();
        let whole = |title: &str, detail: &str| Finding {
            check: Check::ArchUnchecked,
            severity: Severity::High,
            title: title.to_owned(),
            detail: detail.to_owned(),
            arch: None,
            audit: None,
            syscalls: Vec::new(),
            condition: None,
            condition_colored: None,
            remediation: "Compare data[4] against your AUDIT_ARCH_* and KILL every architecture \
                          you do not explicitly handle."
                .to_owned(),
        };
        if analysis.arch_values().is_empty() {
            findings.push(whole(
                "Architecture is never validated",
                "The filter checks syscall numbers without ever comparing data[4] (arch). Numbers \
                 mean different syscalls under another AUDIT_ARCH, so the checks can be dodged by \
                 invoking through a different ABI (e.g. i386 numbering on amd64).",
            ));
        } else if analysis
            .other_leaves()
            .iter()
            .any(|&l| analysis.verdict(l).label() == "ALLOW")
        {
            findings.push(whole(
                "Unlisted architectures reach ALLOW",
                "Some paths reach ALLOW on an architecture the filter does not explicitly check, \
                 so a different-ABI call can slip past the syscall-number rules.",
            ));
        }
        let mut arches = Vec::new();
        for s in analysis.sections(arch) {
            let view = SectionView::new(analysis, s.arch, s.audit, s.leaves);
            arches.push(view.name.clone());
            findings.extend(view.permissive_default());
            findings.extend(view.alt_gaps());
            findings.extend(view.orw_chain());
            findings.extend(view.dangerous_allows());
            if view.arch == Some(Arch::X86_64) {
                findings.extend(view.x32_guard());
            }
        }
        findings.sort_by(|a, b| a.rank().cmp(&b.rank()));
        Report {
            source: source.map(str::to_owned),
            arches,
            findings,
            truncated: analysis.truncated(),
        }
    }

    /// What the filter was read from (a file name), as given to [`audit`];
    /// the human report names it in its heading.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The architectures audited, one per section.
    pub fn arches(&self) -> &[String] {
        &self.arches
    }

    /// The findings, most severe first.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether the walk stopped at its budget: weaknesses may then be missing.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// The text `seccomp-tools audit` prints, with its colours when `color`.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        if let Some(source) = &self.source {
            out.push_str(&format!("Seccomp audit of {source}\n"));
        }
        if !self.arches.is_empty() {
            out.push_str(&format!("Architectures: {}\n", self.arches.join(", ")));
        }
        if self.truncated {
            out.push_str(TRUNCATED);
        }
        if self.findings.is_empty() {
            out.push_str("\nNo weaknesses found.\n");
            return out;
        }
        for f in &self.findings {
            let paint = |s: &str, c: &str| {
                if color {
                    color::paint(s, c)
                } else {
                    s.to_owned()
                }
            };
            let names = &f.syscalls;
            let hl = |s: &str| {
                if color {
                    highlight(s, names)
                } else {
                    s.to_owned()
                }
            };
            let arch = f
                .arch
                .as_ref()
                .map_or_else(String::new, |a| format!(" ({})", paint(a, color::ARCH)));
            out.push_str(&format!(
                "\n{} {}{arch}\n",
                paint(f.severity.tag(), f.severity.color()),
                hl(&f.title)
            ));
            paragraph(&mut out, &f.detail, "    ", "    ", &hl);
            let condition = if color {
                &f.condition_colored
            } else {
                &f.condition
            };
            if let Some(c) = condition {
                paragraph(&mut out, c, "    when: ", "          ", &hl);
            }
            paragraph(&mut out, &f.remediation, "    fix:  ", "          ", &hl);
        }
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Tests a finding's condition has at most to be written out; beyond, it
/// says how many alternatives there are (a filter of exploding paths would
/// otherwise give a condition of hundreds of megabytes).
const MAX_CONDITION_TERMS: usize = 8192;

/// Lines a report's lines may take at most.
const WIDTH: usize = 120;

/// `text` wrapped at word boundaries to [`WIDTH`], the first line after
/// `first`, the others after `hang`.
fn paragraph(out: &mut String, text: &str, first: &str, hang: &str, hl: &dyn Fn(&str) -> String) {
    let mut indent = first;
    // The line so far and its length in characters.
    let mut line: Option<(String, usize)> = None;
    let emit = |indent: &str, line: &str, out: &mut String| {
        out.push_str(&hl(&format!("{indent}{line}")));
        out.push('\n');
    };
    for word in text.split_whitespace() {
        let n = word.chars().count();
        match &mut line {
            None => line = Some((word.to_owned(), n)),
            Some((l, len)) => {
                if indent.chars().count() + *len + 1 + n <= WIDTH {
                    l.push(' ');
                    l.push_str(word);
                    *len += 1 + n;
                } else {
                    emit(indent, l, out);
                    indent = hang;
                    line = Some((word.to_owned(), n));
                }
            }
        }
    }
    if let Some((l, _)) = line {
        emit(indent, &l, out);
    }
}

/// Paints the finding's syscall names where they stand as whole words.
fn highlight(text: &str, names: &[String]) -> String {
    let mut out = text.to_owned();
    let mut done: Vec<&str> = Vec::new();
    for name in names {
        if done.contains(&name.as_str()) || name.is_empty() {
            continue;
        }
        done.push(name);
        let bytes = out.as_bytes();
        let mut painted = String::with_capacity(out.len());
        let mut i = 0;
        let mut last = 0;
        while let Some(pos) = out[i..].find(name.as_str()) {
            let start = i + pos;
            let end = start + name.len();
            let before = start == 0 || !is_word(bytes[start - 1]);
            let after = end == bytes.len() || !is_word(bytes[end]);
            if before && after {
                painted.push_str(&out[last..start]);
                color::paint_into(&mut painted, name, color::SYSCALL);
                last = end;
            }
            i = end;
        }
        painted.push_str(&out[last..]);
        out = painted;
    }
    out
}

/// `seccomp-tools audit -f json`'s output for the reports of stacked filters.
pub fn json(reports: &[Report]) -> String {
    let mut out = String::new();
    out.push_str("{\n  \"stacked_filters\": ");
    out.push_str(&reports.len().to_string());
    out.push_str(",\n  \"reports\": ");
    json_array(&mut out, 1, reports.iter(), |out, r, depth| {
        let i = "  ".repeat(depth + 1);
        out.push_str("{\n");
        out.push_str(&format!("{i}\"source\": "));
        json_opt(out, r.source.as_deref());
        out.push_str(&format!(",\n{i}\"arches\": "));
        json_array(out, depth + 1, r.arches.iter(), |out, a, _| {
            json_str(out, a)
        });
        out.push_str(&format!(",\n{i}\"truncated\": {}", r.truncated));
        out.push_str(&format!(",\n{i}\"findings\": "));
        json_array(out, depth + 1, r.findings.iter(), |out, f, depth| {
            let i = "  ".repeat(depth + 1);
            out.push_str("{\n");
            let field = |out: &mut String, key: &str, v: Option<&str>, last: bool| {
                out.push_str(&format!("{i}\"{key}\": "));
                json_opt(out, v);
                out.push_str(if last { "\n" } else { ",\n" });
            };
            field(out, "id", Some(f.id()), false);
            field(out, "severity", Some(f.severity.name()), false);
            field(out, "title", Some(&f.title), false);
            field(out, "detail", Some(&f.detail), false);
            field(out, "arch", f.arch.as_deref(), false);
            out.push_str(&format!("{i}\"syscalls\": "));
            json_array(out, depth + 1, f.syscalls.iter(), |out, s, _| {
                json_str(out, s)
            });
            out.push_str(",\n");
            field(out, "condition", f.condition.as_deref(), false);
            field(out, "remediation", Some(&f.remediation), true);
            out.push_str(&"  ".repeat(depth));
            out.push('}');
        });
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
        out.push('}');
    });
    out.push_str("\n}\n");
    out
}

/// An array in Ruby's `JSON.pretty_generate` layout, whose empty array
/// spans two lines.
fn json_array<T>(
    out: &mut String,
    depth: usize,
    items: impl Iterator<Item = T>,
    mut item: impl FnMut(&mut String, T, usize),
) {
    let inner = "  ".repeat(depth + 1);
    out.push_str("[\n");
    for (n, x) in items.enumerate() {
        if n > 0 {
            out.push_str(",\n");
        }
        out.push_str(&inner);
        item(out, x, depth + 1);
    }
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
    out.push(']');
}

fn json_opt(out: &mut String, v: Option<&str>) {
    match v {
        Some(s) => json_str(out, s),
        None => out.push_str("null"),
    }
}

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

//! From an invocation to the emitted code: assemble for each ABI, then lay
//! out one `#[cfg]`-gated constant per distinct program, or per distinct
//! set of errors.
//!
//! ABIs whose programs differ only in constants (syscall numbers, argument
//! offsets) share one instruction array: it holds the first ABI's program,
//! and the others patch the `k` fields that differ, under their own `cfg`.

use crate::input::{Invocation, Program};
use crate::source::InlineSource;
use crate::targets::target_abis;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use seccomp_asm::assembler::{assemble_each, Assembly, Mode};
use seccomp_asm::bpf::MAXINSNS;
use seccomp_asm::diag::{
    describe_io, render, render_each, Diagnostic, ErrorClass, Span as AsmSpan,
};
use seccomp_asm::disasm::{disassemble, DisasmOptions, HEADER};
use seccomp_asm::explain::{Analysis, Policy};
use seccomp_asm::insn::decode;
use seccomp_asm::lint::{lint_analysis, Level, Levels, Lint, LintFinding};
use seccomp_asm::validate::validate;
use seccomp_asm::{Arch, Insn};
use std::path::PathBuf;

/// An ABI to assemble for, and the `cfg` predicate selecting it (none when
/// the user chose the ABI with `arch = ...`).
struct Abi {
    arch: Arch,
    pred: Option<TokenStream>,
}

/// The whole macro on compiler-independent tokens: the invocation's tokens
/// in, the expression it expands to out (the filter, or its errors as
/// `compile_error!`s). The proc-macro entry point, the benchmark and the fuzz
/// target all run this.
pub fn seccomp(input: TokenStream) -> TokenStream {
    match crate::input::parse(input).and_then(expand) {
        Ok(tokens) => tokens,
        Err(errors) => error_expr(errors),
    }
}

pub fn expand(inv: Invocation) -> syn::Result<TokenStream> {
    let source = Source::load(&inv.program, inv.arch.map(|a| a.0))?;
    let krate = &inv.krate;

    let abis: Vec<Abi> = match inv.arch {
        Some((arch, _)) => vec![Abi { arch, pred: None }],
        None => target_abis()
            .into_iter()
            .map(|(arch, pred)| Abi {
                arch,
                pred: Some(pred),
            })
            .collect(),
    };
    let arches: Vec<Arch> = abis.iter().map(|a| a.arch).collect();
    let results = match source.raw() {
        // A raw filter comes with its ABI (see `input`): one result.
        Some(raw) => arches.iter().map(|&arch| raw.assembly(arch)).collect(),
        None => assemble_each(source.text().as_bytes(), &arches, inv.relax_jumps),
    };
    let mut levels = Levels::default();
    for &(lint, level, _) in &inv.lints {
        levels.set(lint, level);
    }
    let explicit = |lint: Lint| inv.lints.iter().any(|l| l.0 == lint);

    // Programs that differ only in `k` fields share a base; identical error
    // lists are reported once, and so are identical warnings.
    let mut bases: Vec<Base> = Vec::new();
    let mut failures: Vec<(Failure, Vec<&Abi>)> = Vec::new();
    let mut warnings: Vec<(Reported, Vec<&Abi>)> = Vec::new();
    for (abi, result) in abis.iter().zip(results) {
        let failure = match result {
            Ok(asm) => {
                let analysis = match Analysis::new(&asm.insns) {
                    Ok(a) => a,
                    Err(e) => {
                        let msg = format!("seccomp!: the filter cannot be analysed: {e}");
                        failures.push((
                            Failure::Lints(vec![Reported {
                                lint: None,
                                deny: true,
                                span: None,
                                message: msg,
                            }]),
                            vec![abi],
                        ));
                        continue;
                    }
                };
                let findings = lint_analysis(&analysis, &asm.insns, abi.arch, &levels);
                let report = |f: &LintFinding| Reported {
                    lint: Some(f.lint),
                    deny: f.level == Level::Deny,
                    span: f.pc.and_then(|pc| asm.spans.get(pc).copied()),
                    message: lint_message(f, abi, explicit(f.lint)),
                };
                let denied: Vec<Reported> = findings
                    .iter()
                    .filter(|f| f.level == Level::Deny)
                    .map(report)
                    .collect();
                for w in findings
                    .iter()
                    .filter(|f| f.level == Level::Warn)
                    .map(report)
                {
                    match warnings.iter_mut().find(|(r, _)| *r == w) {
                        Some((_, abis)) => abis.push(abi),
                        None => warnings.push((w, vec![abi])),
                    }
                }
                if denied.is_empty() {
                    match bases.iter_mut().find(|b| b.fits(&asm.insns)) {
                        Some(base) => base.add(abi, asm.insns),
                        None => bases.push(Base::new(abi, asm.insns, analysis)),
                    }
                    continue;
                }
                Failure::Lints(denied)
            }
            Err(mut diags) => {
                if abi.pred.is_some() {
                    diags
                        .iter_mut()
                        .for_each(|d| crate::check::explain_target_name(d, abi.arch));
                }
                Failure::Assembly(diags)
            }
        };
        match failures.iter_mut().find(|(f, _)| *f == failure) {
            Some((_, abis)) => abis.push(abi),
            None => failures.push((failure, vec![abi])),
        }
    }

    // An error every ABI shares (a typo, a kernel rule, a lint) is reported
    // once, for every target; errors of some ABIs only fire when compiling
    // for them.
    if bases.is_empty() && failures.len() == 1 {
        return Err(source.failure(&failures[0].0));
    }

    let mut variants = TokenStream::new();
    for base in &bases {
        let cfg = any_cfg(base.abis.iter().map(|(abi, _)| *abi));
        let body = base.emit(krate);
        variants.extend(quote! {
            #cfg
            const __SECCOMP_FILTER: #krate::Filter = #body;
        });
    }
    for (failure, abis) in &failures {
        let cfg = any_cfg(abis.iter().copied());
        let body = error_expr(source.failure(failure));
        variants.extend(quote! {
            #cfg
            const __SECCOMP_FILTER: #krate::Filter = #body;
        });
    }
    for (warning, abis) in &warnings {
        let cfg = any_cfg(abis.iter().copied());
        variants.extend(source.warning(warning, &cfg));
    }
    if inv.arch.is_none() {
        let preds = abis.iter().filter_map(|a| a.pred.as_ref());
        let names: Vec<&str> = abis.iter().map(|a| a.arch.name()).collect();
        let msg = format!(
            "seccomp!: the target architecture has no seccomp ABI this macro knows ({}); \
             select one explicitly with `seccomp!(arch = <name>, ...)`",
            names.join(", ")
        );
        variants.extend(quote! {
            #[cfg(not(any(#(#preds),*)))]
            const __SECCOMP_FILTER: #krate::Filter = ::core::compile_error!(#msg);
        });
    }
    let rerun = source.rerun_trigger();
    Ok(quote! {
        {
            #rerun
            #variants
            __SECCOMP_FILTER
        }
    })
}

/// Why an ABI gets no filter.
#[derive(PartialEq)]
enum Failure {
    /// The assembler's errors.
    Assembly(Vec<Diagnostic>),
    /// Denied lints.
    Lints(Vec<Reported>),
}

/// A lint finding as the macro reports it: the statement responsible (a
/// byte range of the program text) and the message.
#[derive(PartialEq)]
struct Reported {
    lint: Option<Lint>,
    deny: bool,
    span: Option<AsmSpan>,
    message: String,
}

/// A lint's message as a compiler lint reads: which lint, at which level
/// and why, the finding, and how to change its level.
fn lint_message(f: &LintFinding, abi: &Abi, explicit: bool) -> String {
    let level = f.level.name();
    let why = if explicit {
        format!("`{level}({})` is set", f.lint)
    } else {
        format!("`{}` is {level} by default", f.lint)
    };
    // Without `arch = ...` the program is built for each target ABI, and
    // the finding is the one of the target being compiled.
    let target = if abi.pred.is_some() {
        format!(" on this target ({})", abi.arch)
    } else {
        String::new()
    };
    let (other, becomes) = if f.level == Level::Deny {
        ("warn", "a warning")
    } else {
        ("deny", "an error")
    };
    format!(
        "seccomp! lint `{}`{target}: {}\n  = note: {why}; `seccomp!(allow({}), ...)` allows it, \
         `{other}({})` makes it {becomes}",
        f.lint, f.message, f.lint, f.lint
    )
}

/// `#[cfg(any(...))]` over the ABIs' predicates; nothing for a chosen ABI.
fn any_cfg<'a>(abis: impl Iterator<Item = &'a Abi>) -> TokenStream {
    let preds: Vec<&TokenStream> = abis.filter_map(|a| a.pred.as_ref()).collect();
    if preds.is_empty() {
        TokenStream::new()
    } else {
        quote!(#[cfg(any(#(#preds),*))])
    }
}

/// One instruction array and the ABIs that use it, each with the `k` fields
/// it changes.
struct Base<'a> {
    insns: Vec<Insn>,
    abis: Vec<(&'a Abi, Vec<(usize, u32)>)>,
    /// What the first ABI's program permits, for the doc text.
    policy: Policy,
}

impl<'a> Base<'a> {
    fn new(abi: &'a Abi, insns: Vec<Insn>, analysis: Analysis) -> Base<'a> {
        Base {
            insns,
            abis: vec![(abi, Vec::new())],
            policy: Policy::new(analysis, abi.arch, None),
        }
    }

    /// Whether a program is this one but for `k` fields.
    fn fits(&self, insns: &[Insn]) -> bool {
        self.insns.len() == insns.len()
            && self
                .insns
                .iter()
                .zip(insns)
                .all(|(a, b)| (a.code, a.jt, a.jf) == (b.code, b.jt, b.jf))
    }

    fn add(&mut self, abi: &'a Abi, insns: Vec<Insn>) {
        let patches = self
            .insns
            .iter()
            .zip(&insns)
            .enumerate()
            .filter(|(_, (a, b))| a.k != b.k)
            .map(|(i, (_, b))| (i, b.k))
            .collect();
        self.abis.push((abi, patches));
    }

    /// The block that evaluates to the `Filter`: the array (documented with
    /// its disassembly), the patches of each ABI, and each ABI's arch.
    fn emit(&self, krate: &TokenStream) -> TokenStream {
        let first = self.abis[0].0.arch;
        let len = self.insns.len();
        let mut heading = format!(" Seccomp filter of {len} instructions, assembled for {first}");
        let others: Vec<&str> = self.abis[1..].iter().map(|(a, _)| a.arch.name()).collect();
        if !others.is_empty() {
            heading.push_str(&format!(
                " and for {} (whose syscall numbers and argument offsets replace the `k` fields \
                 that differ)",
                others.join(", ")
            ));
        }
        heading.push('.');
        let policy_heading = format!(
            " What it permits on {first} (as `seccomp explain` prints it), then its disassembly:"
        );
        let policy = self.policy.to_string();
        let policy_lines = policy.lines().map(|line| {
            let line = format!(" {line}");
            quote!(#[doc = #line])
        });
        let docs = crate::check::listing(&self.insns, first)
            .into_iter()
            .map(|line| {
                let line = format!(" {line}");
                quote!(#[doc = #line])
            });
        let array = insn_array(&self.insns);
        let patched: Vec<TokenStream> = self
            .abis
            .iter()
            .filter(|(_, patches)| !patches.is_empty())
            .map(|(abi, patches)| {
                let cfg = abi.pred.as_ref().map(|p| quote!(#[cfg(#p)]));
                let (index, k): (Vec<usize>, Vec<proc_macro2::Literal>) =
                    patches.iter().map(|&(i, k)| (i, hex(k, 8))).unzip();
                quote!(#cfg { #(p[#index].k = #k;)* })
            })
            .collect();
        let init = if patched.is_empty() {
            array
        } else {
            quote!({
                #[allow(unused_mut)] // no patch applies on some targets
                let mut p: [Insn; #len] = #array;
                #(#patched)*
                p
            })
        };
        let arches = self.abis.iter().map(|(abi, _)| {
            let cfg = abi.pred.as_ref().map(|p| quote!(#[cfg(#p)]));
            let variant = format_ident!("{}", format!("{:?}", abi.arch));
            quote!(#cfg const ARCH: Arch = Arch::#variant;)
        });
        quote!({
            use #krate::__private::{Arch, Filter, Insn};
            #[doc = #heading]
            #[doc = ""]
            #[doc = #policy_heading]
            #[doc = ""]
            #[doc = " ```text"]
            #(#policy_lines)*
            #[doc = " ```"]
            #[doc = ""]
            #(#docs)*
            static INSNS: [Insn; #len] = #init;
            #(#arches)*
            Filter::__from_checked(&INSNS, ARCH)
        })
    }
}

/// `[Insn { code: 0x20, jt: 0x00, jf: 0x00, k: 0x00000004 }, ...]`, built
/// token by token: a filter can have 4096 of them.
fn insn_array(insns: &[Insn]) -> TokenStream {
    use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, TokenTree};
    let span = Span::call_site();
    let name = Ident::new("Insn", span);
    let fields = ["code", "jt", "jf", "k"].map(|f| Ident::new(f, span));
    // Making a literal means lexing its text; most values repeat.
    let mut literals: std::collections::HashMap<(u32, usize), proc_macro2::Literal> =
        Default::default();
    let mut lit = |value: u32, digits: usize| {
        literals
            .entry((value, digits))
            .or_insert_with(|| hex(value, digits))
            .clone()
    };
    let mut items = TokenStream::new();
    for insn in insns {
        let values = [
            lit(u32::from(insn.code), 2),
            lit(u32::from(insn.jt), 2),
            lit(u32::from(insn.jf), 2),
            lit(insn.k, 8),
        ];
        let mut body = TokenStream::new();
        for (i, (field, value)) in fields.iter().zip(values).enumerate() {
            if i > 0 {
                body.extend([TokenTree::Punct(Punct::new(',', Spacing::Alone))]);
            }
            body.extend([
                TokenTree::Ident(field.clone()),
                TokenTree::Punct(Punct::new(':', Spacing::Alone)),
                TokenTree::Literal(value),
            ]);
        }
        items.extend([
            TokenTree::Ident(name.clone()),
            TokenTree::Group(Group::new(Delimiter::Brace, body)),
            TokenTree::Punct(Punct::new(',', Spacing::Alone)),
        ]);
    }
    TokenTree::Group(Group::new(Delimiter::Bracket, items)).into()
}

/// The program text and where it came from, for error reporting.
enum Source {
    Inline(InlineSource),
    Text {
        text: String,
        lit: syn::LitStr,
    },
    /// A file of assembly text, or a raw filter (`raw`), whose text is then
    /// its disassembly: errors and lints quote the instruction at fault.
    File {
        text: String,
        lit: syn::LitStr,
        path: PathBuf,
        display: String,
        raw: Option<Raw>,
    },
}

/// A raw filter read from `bpf = "..."`.
struct Raw {
    insns: Vec<Insn>,
    /// Each instruction's line in the disassembly that stands for the text.
    spans: Vec<AsmSpan>,
}

impl Raw {
    /// What assembling would give: the instructions as they are, or every
    /// rule of the kernel they break, each at its instruction.
    fn assembly(&self, arch: Arch) -> Result<Assembly, Vec<Diagnostic>> {
        if let Err(violations) = validate(&self.insns) {
            let end = self.spans.last().map_or(AsmSpan::new(0, 0), |s| *s);
            let diags = violations
                .iter()
                .map(|v| {
                    let span = v.pc().map_or(end, |pc| self.spans[pc]);
                    Diagnostic::error(ErrorClass::KernelRule, v.to_string(), span)
                })
                .collect();
            return Err(diags);
        }
        Ok(Assembly {
            arch,
            insns: self.insns.clone(),
            warnings: Vec::new(),
            spans: self.spans.clone(),
            names: Vec::new(),
        })
    }
}

/// The bytes of a file named relative to `CARGO_MANIFEST_DIR`.
fn read_file(lit: &syn::LitStr) -> syn::Result<(PathBuf, String, Vec<u8>)> {
    let display = lit.value();
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let path = dir.join(&display);
    let bytes = std::fs::read(&path).map_err(|e| {
        let e = describe_io(&e);
        let msg = format!("cannot read {display} (relative to CARGO_MANIFEST_DIR): {e}");
        syn::Error::new(lit.span(), msg)
    })?;
    Ok((path, display, bytes))
}

impl Source {
    fn load(program: &Program, arch: Option<Arch>) -> syn::Result<Source> {
        Ok(match program {
            Program::Inline(tokens) => Source::Inline(InlineSource::new(tokens.clone())),
            Program::Text(lit) => Source::Text {
                text: lit.value(),
                lit: lit.clone(),
            },
            Program::File(lit) => {
                let (path, display, bytes) = read_file(lit)?;
                let text = String::from_utf8(bytes).map_err(|e| {
                    syn::Error::new(lit.span(), format!("{display} is not UTF-8 text: {e}"))
                })?;
                Source::File {
                    text,
                    lit: lit.clone(),
                    path,
                    display,
                    raw: None,
                }
            }
            Program::Bpf(lit) => {
                let (path, display, bytes) = read_file(lit)?;
                // The option parser makes `arch` part of `bpf = ...`.
                let arch = arch.unwrap_or(Arch::X86_64);
                let insns = decode(&bytes, arch.endian()).map_err(|partial| {
                    let msg = format!(
                        "{display} is not a raw BPF filter: its {} bytes are not a whole number \
                         of 8-byte instructions",
                        partial.len
                    );
                    syn::Error::new(lit.span(), msg)
                })?;
                // Past the kernel's limit nothing else matters, and the
                // listing of a huge file would be huge.
                if insns.len() > MAXINSNS {
                    let msg = format!(
                        "{display} has {} instructions; the kernel accepts at most {MAXINSNS}",
                        insns.len()
                    );
                    return Err(syn::Error::new(lit.span(), msg));
                }
                let (text, spans) = disassembly(&insns, arch);
                Source::File {
                    text,
                    lit: lit.clone(),
                    path,
                    display: format!("{display} (disassembled)"),
                    raw: Some(Raw { insns, spans }),
                }
            }
        })
    }

    fn raw(&self) -> Option<&Raw> {
        match self {
            Source::File { raw, .. } => raw.as_ref(),
            _ => None,
        }
    }

    fn text(&self) -> &str {
        match self {
            Source::Inline(s) => &s.text,
            Source::Text { text, .. } | Source::File { text, .. } => text,
        }
    }

    /// One `syn::Error` per diagnostic (and per note), combined so that all show.
    fn errors(&self, diags: &[Diagnostic]) -> syn::Error {
        let mut all: Option<syn::Error> = None;
        let mut push = |e: syn::Error| match &mut all {
            Some(all) => all.combine(e),
            None => all = Some(e),
        };
        match self {
            Source::Inline(src) => {
                for diag in diags {
                    push(spanned_error(
                        src,
                        diag.span.start,
                        diag.span.end,
                        &diag.message,
                    ));
                    for note in &diag.notes {
                        push(spanned_error(
                            src,
                            note.span.start,
                            note.span.end,
                            &note.message,
                        ));
                    }
                }
            }
            Source::Text { text, lit } | Source::File { text, lit, .. } => {
                let name = match self {
                    Source::File { display, .. } => display.as_str(),
                    _ => "<string>",
                };
                for rendered in render_each(diags, text.as_bytes(), name, Mode::Strict) {
                    let rendered = String::from_utf8_lossy(&rendered);
                    push(syn::Error::new(lit.span(), rendered.trim_end()));
                }
            }
        }
        all.unwrap_or_else(|| syn::Error::new(Span::call_site(), "seccomp!: assembly failed"))
    }

    /// The errors of an ABI that gets no filter.
    fn failure(&self, failure: &Failure) -> syn::Error {
        match failure {
            Failure::Assembly(diags) => self.errors(diags),
            Failure::Lints(lints) => {
                let mut all: Option<syn::Error> = None;
                for r in lints {
                    let e = self.lint_error(r);
                    match &mut all {
                        Some(all) => all.combine(e),
                        None => all = Some(e),
                    }
                }
                all.unwrap_or_else(|| syn::Error::new(Span::call_site(), "seccomp!: denied"))
            }
        }
    }

    /// The text of a lint finding with its place: for inline programs the
    /// span says where; for text and files, the location block does.
    fn lint_text(&self, r: &Reported) -> String {
        let (head, note) = r.message.split_once('\n').unwrap_or((&r.message, ""));
        let block = |text: &str, name: &str, span: AsmSpan| {
            let diag = if r.deny {
                Diagnostic::error(ErrorClass::Lint, head, span)
            } else {
                Diagnostic::warning(ErrorClass::Lint, head, span)
            };
            render(
                std::slice::from_ref(&diag),
                text.as_bytes(),
                name,
                Mode::Strict,
            )
        };
        match (self, r.span) {
            (Source::Text { text, .. }, Some(span)) => {
                format!("{}\n{note}", block(text, "<string>", span).trim_end())
            }
            (Source::File { text, display, .. }, Some(span)) => {
                format!("{}\n{note}", block(text, display, span).trim_end())
            }
            _ => r.message.clone(),
        }
    }

    /// Where a lint finding points: its statement's tokens, or the program.
    fn lint_spans(&self, r: &Reported) -> (Span, Span) {
        match (self, r.span) {
            (Source::Inline(src), Some(span)) => src
                .spans(span.start, span.end)
                .unwrap_or_else(|| (self.anchor(), self.anchor())),
            _ => (self.anchor(), self.anchor()),
        }
    }

    /// The first token the user wrote for the program.
    fn anchor(&self) -> Span {
        match self {
            Source::Inline(src) => src
                .spans(0, 1)
                .map_or_else(Span::call_site, |(first, _)| first),
            Source::Text { lit, .. } | Source::File { lit, .. } => lit.span(),
        }
    }

    fn lint_error(&self, r: &Reported) -> syn::Error {
        let (first, last) = self.lint_spans(r);
        let a = format_ident!("a", span = first);
        let b = format_ident!("b", span = last);
        syn::Error::new_spanned(quote!(#a #b), self.lint_text(r))
    }

    /// A warning on stable Rust: the use of a deprecated constant named
    /// after the lint, at the statement responsible, whose deprecation note
    /// is the finding. `#[allow(deprecated)]` on the item silences it too.
    fn warning(&self, r: &Reported, cfg: &TokenStream) -> TokenStream {
        let note = format!("\n{}", self.lint_text(r));
        let lint = r.lint.map_or("seccomp_lint", Lint::name);
        let (at, _) = self.lint_spans(r);
        let name = format_ident!("{}", lint);
        let used = format_ident!("{}", lint, span = at);
        quote! {
            #cfg
            const _: () = {
                #[deprecated(note = #note)]
                #[allow(non_upper_case_globals)]
                const #name: () = ();
                #used
            };
        }
    }

    /// For file input: make the build depend on the file, so editing it
    /// recompiles the filter.
    fn rerun_trigger(&self) -> TokenStream {
        match self {
            Source::File { path, .. } => {
                let path = path.to_string_lossy();
                quote!(
                    const _: &[u8] = ::core::include_bytes!(#path);
                )
            }
            _ => TokenStream::new(),
        }
    }
}

/// Errors as one expression: each `compile_error!` inside parentheses, as
/// statements of a block whose last one is the block's value. The value has
/// the error type, so rustc reports these errors and nothing after them.
pub fn error_expr(err: syn::Error) -> TokenStream {
    let errors = err.into_iter().map(|e| e.to_compile_error());
    quote!({ #( (#errors) );* })
}

/// An error covering the tokens of a byte range of an inline program.
fn spanned_error(src: &InlineSource, start: usize, end: usize, message: &str) -> syn::Error {
    match src.spans(start, end) {
        Some((first, last)) => {
            // `new_spanned` takes the first and last span of what it is given,
            // which lets one error cover several tokens on stable Rust.
            let a = format_ident!("a", span = first);
            let b = format_ident!("b", span = last);
            syn::Error::new_spanned(quote!(#a #b), message)
        }
        None => match src.last_span() {
            Some(at) => syn::Error::new(at, format!("{message} (at the end of the program)")),
            None => syn::Error::new(Span::call_site(), message),
        },
    }
}

/// A hex literal of fixed width, the way BPF listings show fields.
fn hex(value: u32, digits: usize) -> proc_macro2::Literal {
    let text = format!("0x{value:0digits$x}");
    text.parse().expect("a hex number is a valid literal")
}

/// The listing of a raw filter with its BPF columns, one line per
/// instruction and no header, and each line's span: the text a raw filter's
/// errors and lints quote.
fn disassembly(insns: &[Insn], arch: Arch) -> (String, Vec<AsmSpan>) {
    let listing = disassemble(insns, &DisasmOptions::new(arch));
    let mut text = String::with_capacity(listing.len());
    let mut spans = Vec::with_capacity(insns.len() + 1);
    for line in listing
        .lines()
        .skip(HEADER.lines().count())
        .take(insns.len())
    {
        let start = text.len();
        text.push_str(line.trim_start());
        spans.push(AsmSpan::new(start, text.len()));
        text.push('\n');
    }
    // The end of the text, where an error about no instruction (an empty
    // filter) points.
    spans.push(AsmSpan::new(text.len(), text.len()));
    (text, spans)
}

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
use seccomp_asm::assembler::{assemble_each, Mode};
use seccomp_asm::diag::{render, Diagnostic};
use seccomp_asm::{Arch, Insn};
use std::path::PathBuf;

/// An ABI to assemble for, and the `cfg` predicate selecting it (none when
/// the user chose the ABI with `arch = ...`).
struct Abi {
    arch: Arch,
    pred: Option<TokenStream>,
}

pub fn expand(inv: Invocation) -> syn::Result<TokenStream> {
    let source = Source::load(&inv.program)?;
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
    let results = assemble_each(source.text().as_bytes(), &arches, inv.relax_jumps);

    // Programs that differ only in `k` fields share a base; identical error
    // lists are reported once.
    let mut bases: Vec<Base> = Vec::new();
    let mut failures: Vec<(Vec<Diagnostic>, Vec<&Abi>)> = Vec::new();
    for (abi, result) in abis.iter().zip(results) {
        match result {
            Ok(asm) => match bases.iter_mut().find(|b| b.fits(&asm.insns)) {
                Some(base) => base.add(abi, asm.insns),
                None => bases.push(Base::new(abi, asm.insns)),
            },
            Err(mut diags) => {
                if abi.pred.is_some() {
                    diags
                        .iter_mut()
                        .for_each(|d| crate::check::explain_target_name(d, abi.arch));
                }
                match failures.iter_mut().find(|(d, _)| *d == diags) {
                    Some((_, abis)) => abis.push(abi),
                    None => failures.push((diags, vec![abi])),
                }
            }
        }
    }

    // An error every ABI shares (a typo, a kernel rule) is reported once, for
    // every target; errors of some ABIs only fire when compiling for them.
    if bases.is_empty() && failures.len() == 1 {
        return Err(source.errors(&failures[0].0));
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
    for (diags, abis) in &failures {
        let cfg = any_cfg(abis.iter().copied());
        let body = error_expr(source.errors(diags));
        variants.extend(quote! {
            #cfg
            const __SECCOMP_FILTER: #krate::Filter = #body;
        });
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
}

impl<'a> Base<'a> {
    fn new(abi: &'a Abi, insns: Vec<Insn>) -> Base<'a> {
        Base {
            insns,
            abis: vec![(abi, Vec::new())],
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
        heading.push_str(". Disassembly:");
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
    File {
        text: String,
        lit: syn::LitStr,
        path: PathBuf,
        display: String,
    },
}

impl Source {
    fn load(program: &Program) -> syn::Result<Source> {
        Ok(match program {
            Program::Inline(tokens) => Source::Inline(InlineSource::new(tokens.clone())),
            Program::Text(lit) => Source::Text {
                text: lit.value(),
                lit: lit.clone(),
            },
            Program::File(lit) => {
                let display = lit.value();
                let dir = std::env::var_os("CARGO_MANIFEST_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_default();
                let path = dir.join(&display);
                let text = std::fs::read(&path).map_err(|e| {
                    let e = io_message(&e);
                    let msg =
                        format!("cannot read {display} (relative to CARGO_MANIFEST_DIR): {e}");
                    syn::Error::new(lit.span(), msg)
                })?;
                let text = String::from_utf8(text).map_err(|e| {
                    syn::Error::new(lit.span(), format!("{display} is not UTF-8 text: {e}"))
                })?;
                Source::File {
                    text,
                    lit: lit.clone(),
                    path,
                    display,
                }
            }
        })
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
        for diag in diags {
            match self {
                Source::Inline(src) => {
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
                Source::Text { text, lit } => {
                    let rendered = render(
                        std::slice::from_ref(diag),
                        text.as_bytes(),
                        "<string>",
                        Mode::Strict,
                    );
                    push(syn::Error::new(lit.span(), rendered.trim_end()));
                }
                Source::File {
                    text, lit, display, ..
                } => {
                    let rendered = render(
                        std::slice::from_ref(diag),
                        text.as_bytes(),
                        display,
                        Mode::Strict,
                    );
                    push(syn::Error::new(lit.span(), rendered.trim_end()));
                }
            }
        }
        all.unwrap_or_else(|| syn::Error::new(Span::call_site(), "seccomp!: assembly failed"))
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

/// The OS's wording for an I/O error, without Rust's `(os error N)`.
fn io_message(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
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

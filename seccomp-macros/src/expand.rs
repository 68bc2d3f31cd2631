//! From an invocation to the emitted code: assemble for each ABI, check,
//! and lay out one `#[cfg]`-gated constant per distinct result.

use crate::input::{Invocation, Program};
use crate::source::InlineSource;
use crate::targets::target_abis;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use seccomp_asm::assembler::{self, Assembly, Mode, Options};
use seccomp_asm::diag::{render, Diagnostic};
use seccomp_asm::{Arch, Insn};
use std::path::PathBuf;

pub fn expand(inv: Invocation) -> syn::Result<TokenStream> {
    let source = Source::load(&inv.program)?;
    let krate = &inv.krate;

    let abis: Vec<(Arch, Option<TokenStream>)> = match inv.arch {
        Some((arch, _)) => vec![(arch, None)],
        None => target_abis()
            .into_iter()
            .map(|(arch, pred)| (arch, Some(pred)))
            .collect(),
    };

    // Assemble once per ABI and group the ABIs that give the same result,
    // so the expansion holds each distinct program once.
    let mut groups: Vec<Group> = Vec::new();
    for (arch, pred) in abis {
        let result = assemble_for(&source, arch, inv.relax_jumps, pred.is_some());
        match groups.iter_mut().find(|g| g.result.same_as(&result)) {
            Some(group) => group.abis.push((arch, pred)),
            None => groups.push(Group {
                result,
                abis: vec![(arch, pred)],
            }),
        }
    }

    // An error every ABI shares (a typo, a kernel rule) is reported once, for
    // every target; errors of some ABIs only fire when compiling for them.
    if let [Group {
        result: Outcome::Errors(diags),
        ..
    }] = groups.as_slice()
    {
        return Err(source.errors(diags));
    }

    let mut variants = TokenStream::new();
    let mut all_preds = Vec::new();
    for group in &groups {
        let preds: Vec<&TokenStream> = group.abis.iter().filter_map(|(_, p)| p.as_ref()).collect();
        all_preds.extend(preds.iter().cloned().cloned());
        let cfg = if preds.is_empty() {
            quote!()
        } else {
            quote!(#[cfg(any(#(#preds),*))])
        };
        let body = match &group.result {
            Outcome::Program(asm) => emit_program(krate, asm, &group.abis),
            Outcome::Errors(diags) => error_expr(source.errors(diags)),
        };
        variants.extend(quote! {
            #cfg
            const __SECCOMP_FILTER: #krate::Filter = { #body };
        });
    }
    if inv.arch.is_none() {
        let names: Vec<&str> = target_abis().iter().map(|(a, _)| a.name()).collect();
        let msg = format!(
            "seccomp!: the target architecture has no seccomp ABI this macro knows ({}); \
             select one explicitly with `seccomp!(arch = <name>, ...)`",
            names.join(", ")
        );
        variants.extend(quote! {
            #[cfg(not(any(#(#all_preds),*)))]
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

/// The result of assembling for one ABI.
enum Outcome {
    Program(Assembly),
    Errors(Vec<Diagnostic>),
}

impl Outcome {
    fn same_as(&self, other: &Outcome) -> bool {
        match (self, other) {
            (Outcome::Program(a), Outcome::Program(b)) => a.insns == b.insns,
            (Outcome::Errors(a), Outcome::Errors(b)) => a == b,
            _ => false,
        }
    }
}

struct Group {
    result: Outcome,
    abis: Vec<(Arch, Option<TokenStream>)>,
}

/// Assembles for one ABI; `per_target` says the ABI was picked from the
/// compile target rather than written by the user.
fn assemble_for(source: &Source, arch: Arch, relax_jumps: bool, per_target: bool) -> Outcome {
    let opts = Options {
        arch,
        mode: Mode::Strict,
        relax_jumps,
    };
    match assembler::assemble(source.text().as_bytes(), &opts) {
        Ok(asm) => Outcome::Program(asm),
        Err(mut diags) => {
            if per_target {
                diags
                    .iter_mut()
                    .for_each(|d| crate::check::explain_target_name(d, arch));
            }
            Outcome::Errors(diags)
        }
    }
}

fn emit_program(
    krate: &TokenStream,
    asm: &Assembly,
    abis: &[(Arch, Option<TokenStream>)],
) -> TokenStream {
    let insns = asm.insns.iter().map(|Insn { code, jt, jf, k }| {
        let code = hex(u32::from(*code), 2);
        let (jt, jf) = (hex(u32::from(*jt), 2), hex(u32::from(*jf), 2));
        let k = hex(*k, 8);
        quote!(#krate::__private::Insn { code: #code, jt: #jt, jf: #jf, k: #k })
    });
    let len = asm.insns.len();
    // The ABIs of a group share the instructions but not the arch the
    // filter reports (its names, its byte order).
    let arches = abis.iter().map(|(arch, pred)| {
        let cfg = pred.as_ref().map(|p| quote!(#[cfg(#p)]));
        let variant = format_ident!("{}", format!("{arch:?}"));
        quote!(#cfg const __SECCOMP_ARCH: #krate::__private::Arch = #krate::__private::Arch::#variant;)
    });
    let first = abis[0].0;
    let mut heading = format!(" Seccomp filter of {len} instructions for {first}");
    for (other, _) in &abis[1..] {
        heading.push_str(&format!(", {other}"));
    }
    heading.push_str(&format!(" (names as on {first}):"));
    let docs = crate::check::listing(&asm.insns, first)
        .into_iter()
        .map(|line| {
            let line = format!(" {line}");
            quote!(#[doc = #line])
        });
    quote_spanned! {Span::call_site()=>
        #[doc = #heading]
        #[doc = ""]
        #(#docs)*
        static __SECCOMP_INSNS: [#krate::__private::Insn; #len] = [#(#insns),*];
        #(#arches)*
        #krate::Filter::__from_checked(&__SECCOMP_INSNS, __SECCOMP_ARCH)
    }
}

/// A hex literal of fixed width, the way BPF listings show fields.
fn hex(value: u32, digits: usize) -> proc_macro2::Literal {
    let text = format!("0x{value:0digits$x}");
    text.parse().expect("a hex number is a valid literal")
}

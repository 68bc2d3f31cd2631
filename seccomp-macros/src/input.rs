//! What the user wrote inside `seccomp!(...)`: options, then the program.
//!
//! ```text
//! seccomp!( [arch = IDENT,] [relax_jumps,] [allow(LINT, ...),] [warn(...),] [deny(...),] PROGRAM )
//! PROGRAM := inline tokens | "string literal" | file = "path"
//! ```
//!
//! Options are told apart from an inline program by the token after the name:
//! `arch = x,`, `relax_jumps,` and `allow(...)` are not statements of the
//! language (`arch` is a keyword, a label would be `relax_jumps:`, and no
//! statement starts with a name and a parenthesis).

use proc_macro2::{Span, TokenStream};
use seccomp_asm::lint::{Level, Lint};
use seccomp_asm::Arch;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

/// The parsed invocation.
pub struct Invocation {
    /// The path of the runtime crate (`$crate` of its `seccomp!` wrapper).
    pub krate: TokenStream,
    /// `arch = ...`: resolve names for this arch only, instead of each target.
    pub arch: Option<(Arch, Span)>,
    pub relax_jumps: bool,
    /// `allow(...)`, `warn(...)`, `deny(...)`: lint levels, in the order
    /// written (a later one wins), each with the span of its name.
    pub lints: Vec<(Lint, Level, Span)>,
    pub program: Program,
}

pub enum Program {
    /// Tokens written inline.
    Inline(TokenStream),
    /// A string literal holding seccomp-tools text.
    Text(LitStr),
    /// `file = "path"`, relative to `CARGO_MANIFEST_DIR`.
    File(LitStr),
}

impl Parse for Invocation {
    fn parse(input: ParseStream) -> syn::Result<Invocation> {
        // The runtime's wrapper passes `($crate)` first.
        let krate;
        syn::parenthesized!(krate in input);
        let krate: TokenStream = krate.parse()?;

        let mut arch = None;
        let mut relax_jumps = false;
        let mut lints = Vec::new();
        let mut file = None;
        loop {
            let fork = input.fork();
            let Ok(name) = fork.parse::<Ident>() else {
                break;
            };
            match name.to_string().as_str() {
                "arch" if fork.peek(Token![=]) && !fork.peek(Token![==]) => {
                    input.parse::<Ident>()?;
                    input.parse::<Token![=]>()?;
                    let value: Ident = input.parse()?;
                    let parsed = value
                        .to_string()
                        .parse::<Arch>()
                        .map_err(|e| syn::Error::new(value.span(), e))?;
                    if arch.replace((parsed, value.span())).is_some() {
                        return Err(syn::Error::new(name.span(), "`arch` is given twice"));
                    }
                }
                "relax_jumps" if fork.peek(Token![,]) || fork.is_empty() => {
                    input.parse::<Ident>()?;
                    relax_jumps = true;
                }
                level @ ("allow" | "warn" | "deny") if fork.peek(syn::token::Paren) => {
                    input.parse::<Ident>()?;
                    let level = match level {
                        "allow" => Level::Allow,
                        "warn" => Level::Warn,
                        _ => Level::Deny,
                    };
                    let names;
                    syn::parenthesized!(names in input);
                    let names = names.parse_terminated(Ident::parse, Token![,])?;
                    if names.is_empty() {
                        return Err(syn::Error::new(
                            name.span(),
                            "name the lints: `allow(x32_guard)`",
                        ));
                    }
                    for n in names {
                        // `all` sets every lint, as rustc's `warnings` group
                        // does for warnings.
                        if n == "all" {
                            lints.extend(Lint::ALL.map(|l| (l, level, n.span())));
                            continue;
                        }
                        let lint = Lint::from_name(&n.to_string())
                            .map_err(|e| syn::Error::new(n.span(), e))?;
                        lints.push((lint, level, n.span()));
                    }
                }
                "file" if fork.peek(Token![=]) && !fork.peek(Token![==]) => {
                    input.parse::<Ident>()?;
                    input.parse::<Token![=]>()?;
                    let path: LitStr = input.parse()?;
                    if file.replace(path).is_some() {
                        return Err(syn::Error::new(name.span(), "`file` is given twice"));
                    }
                }
                _ => break,
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }

        let program = if let Some(path) = file {
            if !input.is_empty() {
                return Err(
                    input.error("a program is given both inline and with `file = ...`; keep one")
                );
            }
            Program::File(path)
        } else if is_lone_string(input) {
            Program::Text(input.parse()?)
        } else {
            Program::Inline(input.parse()?)
        };
        Ok(Invocation {
            krate,
            arch,
            relax_jumps,
            lints,
            program,
        })
    }
}

/// Whether exactly one token is left and it is a string literal: a lone
/// string is verbatim text; a string followed by more tokens is an inline
/// program with a typo. Looked at as raw tokens: a program can be a long
/// string, which `peek(LitStr)` would unescape just to look.
fn is_lone_string(input: ParseStream) -> bool {
    let cursor = input.cursor();
    match cursor.literal() {
        Some((lit, rest)) if rest.eof() => {
            let text = lit.to_string();
            text.starts_with('"') || text.starts_with("r\"") || text.starts_with("r#")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> syn::Result<Invocation> {
        syn::parse_str(src)
    }

    #[test]
    fn options_then_inline_program() {
        let inv = parse("(crate) arch = aarch64, relax_jumps, A = arch return ALLOW").unwrap();
        assert_eq!(inv.arch.map(|a| a.0), Some(Arch::Aarch64));
        assert!(inv.relax_jumps);
        let Program::Inline(tokens) = inv.program else {
            panic!("inline expected")
        };
        assert_eq!(tokens.to_string(), "A = arch return ALLOW");
    }

    #[test]
    fn a_label_named_like_an_option_is_a_statement() {
        let inv = parse("(crate) relax_jumps: return ALLOW").unwrap();
        assert!(!inv.relax_jumps);
        assert!(matches!(inv.program, Program::Inline(_)));
    }

    #[test]
    fn string_and_file_programs() {
        assert!(matches!(
            parse("(crate) \"return ALLOW\"").unwrap().program,
            Program::Text(_)
        ));
        assert!(matches!(
            parse("(crate) file = \"f.asm\"").unwrap().program,
            Program::File(_)
        ));
        assert!(matches!(
            parse("(crate) arch = s390x, file = \"f.asm\",")
                .unwrap()
                .program,
            Program::File(_)
        ));
    }

    #[test]
    fn lint_levels() {
        let inv = parse("(crate) allow(x32_guard, orw_chain), deny(dangerous_allow), return ALLOW")
            .unwrap();
        let levels: Vec<(Lint, Level)> = inv.lints.iter().map(|l| (l.0, l.1)).collect();
        assert_eq!(
            levels,
            [
                (Lint::X32Guard, Level::Allow),
                (Lint::OrwChain, Level::Allow),
                (Lint::DangerousAllow, Level::Deny)
            ]
        );
        let err = parse("(crate) allow(x32_gaurd), return ALLOW")
            .err()
            .unwrap()
            .to_string();
        assert_eq!(err, "unknown lint `x32_gaurd`; did you mean `x32_guard`?");
    }

    #[test]
    fn bad_options_are_errors() {
        let err = |s| parse(s).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err("(crate) arch = vax, return ALLOW").contains("unknown architecture \"vax\""));
        assert!(err("(crate) file = \"a\", return ALLOW").contains("both inline and with `file"));
        assert!(err("(crate) arch = amd64, arch = i386, return ALLOW").contains("twice"));
    }
}

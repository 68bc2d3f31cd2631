//! What the user wrote inside `seccomp!(...)`: options, then the program.
//!
//! ```text
//! seccomp!( [arch = IDENT,] [relax_jumps,] [allow(LINT, ...),] [warn(...),] [deny(...),] PROGRAM )
//! PROGRAM := inline tokens | "string literal" | file = "path" | bpf = "path" (with arch)
//! ```
//!
//! Options are told apart from an inline program by the token after the name:
//! `arch = x,`, `relax_jumps,` and `allow(...)` are not statements of the
//! language (`arch` is a keyword, a label would be `relax_jumps:`, and no
//! statement starts with a name and a parenthesis).

use proc_macro2::{Delimiter, Spacing, Span, TokenStream, TokenTree};
use seccomp_asm::lint::{Level, Lint};
use seccomp_asm::Arch;
use syn::LitStr;

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
    /// `bpf = "path"`: a raw filter (8-byte `sock_filter`s in the byte
    /// order of the `arch` option), relative to `CARGO_MANIFEST_DIR`.
    Bpf(LitStr),
}

/// Reads an invocation from its top-level tokens only.
///
/// Groups are never entered except the short ones options own (`($crate)`,
/// `allow(...)`), and those only one level: an inline program may nest as
/// deep as the compiler lets it, and nothing here recurses into it (syn's
/// token buffer would, one stack frame per level).
pub fn parse(input: TokenStream) -> syn::Result<Invocation> {
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    let mut at = 0;

    // The runtime's wrapper passes `($crate)` first.
    let krate = match tokens.first() {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => g.stream(),
        _ => {
            return Err(syn::Error::new(
                Span::call_site(),
                "seccomp_impl! is called through seccomp_runtime::seccomp!",
            ))
        }
    };
    at += 1;

    let mut arch = None;
    let mut relax_jumps = false;
    let mut lints = Vec::new();
    let mut file: Option<(&'static str, LitStr, Span)> = None;
    while let Some(TokenTree::Ident(name)) = tokens.get(at) {
        let next = tokens.get(at + 1);
        let is_assign = is_assign(next, tokens.get(at + 2));
        match name.to_string().as_str() {
            "arch" if is_assign => {
                let value = match tokens.get(at + 2) {
                    Some(TokenTree::Ident(value)) => value,
                    other => {
                        return Err(expected(other, name.span(), "an ABI name after `arch =`"))
                    }
                };
                let parsed = value
                    .to_string()
                    .parse::<Arch>()
                    .map_err(|e| syn::Error::new(value.span(), e))?;
                if arch.replace((parsed, value.span())).is_some() {
                    return Err(syn::Error::new(name.span(), "`arch` is given twice"));
                }
                at += 3;
            }
            "relax_jumps" if next.is_none() || is_punct(next, ',') => {
                relax_jumps = true;
                at += 1;
            }
            level @ ("allow" | "warn" | "deny") => {
                let Some(TokenTree::Group(names)) = next.filter(
                    |t| matches!(t, TokenTree::Group(g) if g.delimiter() == Delimiter::Parenthesis),
                ) else {
                    break;
                };
                let level = match level {
                    "allow" => Level::Allow,
                    "warn" => Level::Warn,
                    _ => Level::Deny,
                };
                let before = lints.len();
                lint_names(names.stream(), level, &mut lints)?;
                if lints.len() == before {
                    return Err(syn::Error::new(
                        name.span(),
                        "name the lints: `allow(x32_guard)`",
                    ));
                }
                at += 2;
            }
            option @ ("file" | "bpf") if is_assign => {
                let path = match tokens.get(at + 2) {
                    Some(TokenTree::Literal(lit)) if is_string(lit) => string(lit)?,
                    other => {
                        let what = format!("a path in a string after `{option} =`");
                        return Err(expected(other, name.span(), &what));
                    }
                };
                // The option's name, kept past this token's text.
                let option: &'static str = if option == "file" { "file" } else { "bpf" };
                if let Some((given, ..)) = &file {
                    let msg = if *given == option {
                        format!("`{option}` is given twice")
                    } else {
                        "a program is given both with `file = ...` and with `bpf = ...`; keep one"
                            .to_string()
                    };
                    return Err(syn::Error::new(name.span(), msg));
                }
                file = Some((option, path, name.span()));
                at += 3;
            }
            _ => break,
        }
        match tokens.get(at) {
            None => break,
            Some(t) if is_punct(Some(t), ',') => at += 1,
            Some(t) => return Err(syn::Error::new(t.span(), "expected `,` after the option")),
        }
    }

    let rest = &tokens[at..];
    let program = match file {
        Some((option, path, at)) => {
            if let Some(extra) = rest.first() {
                let msg =
                    format!("a program is given both inline and with `{option} = ...`; keep one");
                return Err(syn::Error::new(extra.span(), msg));
            }
            if option == "file" {
                Program::File(path)
            } else {
                // A raw filter holds the numbers and the byte order of the
                // ABI it was made for; nothing in it says which.
                if arch.is_none() {
                    return Err(syn::Error::new(
                        at,
                        "a raw filter is made for one ABI (its byte order and syscall numbers): \
                         name it with `arch = ...`, e.g. `seccomp!(arch = amd64, bpf = \"...\")`",
                    ));
                }
                if relax_jumps {
                    return Err(syn::Error::new(
                        at,
                        "`relax_jumps` rewrites assembly text; a raw filter's jumps are already encoded",
                    ));
                }
                Program::Bpf(path)
            }
        }
        None => match rest {
            // A lone string is verbatim text; a string followed by more
            // tokens is an inline program with a typo.
            [TokenTree::Literal(lit)] if is_string(lit) => Program::Text(string(lit)?),
            _ => Program::Inline(rest.iter().cloned().collect()),
        },
    };
    Ok(Invocation {
        krate,
        arch,
        relax_jumps,
        lints,
        program,
    })
}

/// `LINT, LINT, ...` (a trailing comma allowed); `all` sets every lint, as
/// rustc's `warnings` group does for warnings.
fn lint_names(
    names: TokenStream,
    level: Level,
    lints: &mut Vec<(Lint, Level, Span)>,
) -> syn::Result<()> {
    let mut want_name = true;
    for token in names {
        match (&token, want_name) {
            (TokenTree::Ident(n), true) => {
                if n == "all" {
                    lints.extend(Lint::ALL.map(|l| (l, level, n.span())));
                } else {
                    let lint = Lint::from_name(&n.to_string())
                        .map_err(|e| syn::Error::new(n.span(), e))?;
                    lints.push((lint, level, n.span()));
                }
            }
            (TokenTree::Punct(p), false) if p.as_char() == ',' => {}
            (_, true) => return Err(syn::Error::new(token.span(), "expected a lint name")),
            (_, false) => return Err(syn::Error::new(token.span(), "expected `,` between lints")),
        }
        want_name = !want_name;
    }
    Ok(())
}

fn is_punct(token: Option<&TokenTree>, c: char) -> bool {
    matches!(token, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// Whether `first` (then `second`) is a lone `=`, not the start of `==`
/// (`arch == ...` would be a condition, not an option).
fn is_assign(first: Option<&TokenTree>, second: Option<&TokenTree>) -> bool {
    match first {
        Some(TokenTree::Punct(p)) if p.as_char() == '=' => {
            p.spacing() == Spacing::Alone || !is_punct(second, '=')
        }
        _ => false,
    }
}

/// Whether a literal is a string (plain or raw), looked at as a raw token:
/// a program can be a long string, not worth unescaping just to look.
fn is_string(lit: &proc_macro2::Literal) -> bool {
    let text = lit.to_string();
    text.starts_with('"') || text.starts_with("r\"") || text.starts_with("r#")
}

fn string(lit: &proc_macro2::Literal) -> syn::Result<LitStr> {
    match syn::Lit::new(lit.clone()) {
        syn::Lit::Str(s) => Ok(s),
        _ => Err(syn::Error::new(lit.span(), "expected a string literal")),
    }
}

/// An error at the token where `what` was expected, or after `after` when
/// the input ended.
fn expected(found: Option<&TokenTree>, after: Span, what: &str) -> syn::Error {
    match found {
        Some(t) => syn::Error::new(t.span(), format!("expected {what}")),
        None => syn::Error::new(
            after,
            format!("expected {what}, found the end of the input"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> syn::Result<Invocation> {
        super::parse(src.parse().unwrap())
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
    fn raw_filters_come_with_their_abi() {
        let inv = parse("(crate) arch = amd64, bpf = \"f.bpf\"").unwrap();
        assert!(matches!(inv.program, Program::Bpf(_)));
        let err = |s| parse(s).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err("(crate) bpf = \"f.bpf\"").contains("name it with `arch = ...`"));
        assert!(
            err("(crate) arch = amd64, bpf = \"a\", bpf = \"b\"").contains("`bpf` is given twice")
        );
        assert!(err("(crate) arch = amd64, bpf = f")
            .contains("expected a path in a string after `bpf =`"));
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

//! `seccomp audit`: the weaknesses of a filter, as `seccomp-tools audit`
//! reports them, for reading or as JSON.

use seccomp_asm::audit::{self, audit};

use crate::cli::{AuditArgs, AuditFormat};
use crate::commands::filters::{self, walk_failure, Source};
use crate::error::Failure;
use crate::io::{stdout_color, write_stdout};

pub fn run(args: AuditArgs) -> Result<u8, Failure> {
    let Some(sources) = filters::collect(args.source)? else {
        return filters::show_help("audit");
    };
    if sources.is_empty() {
        return Ok(0);
    }
    match args.format {
        AuditFormat::Human => human(&sources)?,
        AuditFormat::Json => {
            // One document for all filters, which need no warning: the
            // document counts them itself.
            let reports = sources.iter().map(report).collect::<Result<Vec<_>, _>>()?;
            write_stdout(audit::json(&reports).as_bytes())?;
        }
    }
    Ok(0)
}

fn human(sources: &[Source]) -> Result<(), Failure> {
    let color = stdout_color();
    filters::warn_stacked(sources.len(), "audited")?;
    // As with `explain`, each report goes out as soon as it is known.
    for source in sources {
        write_stdout(report(source)?.render(color).as_bytes())?;
    }
    Ok(())
}

fn report(source: &Source) -> Result<audit::Report, Failure> {
    audit(&source.insns, source.arch, Some(&source.label)).map_err(|e| walk_failure(source, &e))
}

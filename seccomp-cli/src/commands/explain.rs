//! `seccomp explain`: a filter as a per-action policy, the text of
//! `seccomp-tools explain`.

use seccomp_asm::explain::explain;

use crate::cli::ExplainArgs;
use crate::commands::filters::{self, walk_failure};
use crate::error::Failure;
use crate::io::{stdout_color, write_stdout};

pub fn run(args: ExplainArgs) -> Result<u8, Failure> {
    let Some(sources) = filters::collect(args.source)? else {
        return filters::show_help("explain");
    };
    let color = stdout_color();
    filters::warn_stacked(sources.len(), "explained")?;
    // Each policy goes out as soon as it is known, so a filter the analysis
    // cannot read still leaves the ones before it printed, as in seccomp-tools.
    for source in &sources {
        let policy = explain(&source.insns, source.arch, Some(&source.label))
            .map_err(|e| walk_failure(source, &e))?;
        write_stdout(policy.render(color).as_bytes())?;
    }
    Ok(0)
}

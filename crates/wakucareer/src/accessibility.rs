//! `wakucareer admin accessibility-report`: reads every axe-core run the browser suite saved
//! (`NN-axe.json` under its artifacts) and the manual checks, and writes the statement's
//! results (`web::accessibility_report`).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use web::accessibility_report::{AxeRun, Outcome, build, parse_manual};

use crate::cli::say;

pub fn write_report(artifacts: &Path, manual: &Path, out: &Path) -> anyhow::Result<()> {
    let mut files = Vec::new();
    collect(artifacts, &mut files)?;
    if files.is_empty() {
        bail!(
            "no axe runs under {}: run the browser tests first (./scripts/test)",
            artifacts.display()
        );
    }
    let mut runs = Vec::new();
    let mut newest = std::time::UNIX_EPOCH;
    for file in &files {
        let text = std::fs::read_to_string(file)?;
        let run: AxeRun = serde_json::from_str(&text)
            .with_context(|| format!("{} is not an axe run", file.display()))?;
        newest = newest.max(std::fs::metadata(file)?.modified()?);
        runs.push(run);
    }
    let text = std::fs::read_to_string(manual)
        .with_context(|| format!("cannot read {}", manual.display()))?;
    let checks = parse_manual(&text).map_err(anyhow::Error::msg)?;
    let day =
        domain::local_time::to_jst(chrono::DateTime::<chrono::Utc>::from(newest)).date_naive();
    let report = build(&runs, &checks, &day.to_string()).map_err(anyhow::Error::msg)?;
    std::fs::write(out, serde_json::to_string_pretty(&report)? + "\n")
        .with_context(|| format!("cannot write {}", out.display()))?;
    let count = |o: Outcome| report.rows.iter().filter(|r| r.outcome == o).count();
    say(&format!(
        "{}: {} axe runs over {} pages; {} pass, {} fail, {} not applicable, {} not checked",
        out.display(),
        report.axe_runs,
        report.pages.len(),
        count(Outcome::Pass),
        count(Outcome::Fail),
        count(Outcome::NotApplicable),
        count(Outcome::NotChecked)
    ));
    Ok(())
}

fn collect(dir: &Path, into: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, into)?;
        } else if path.to_string_lossy().ends_with("-axe.json") {
            into.push(path);
        }
    }
    into.sort();
    Ok(())
}

//! `conformance [--write-skipped]`: runs every vector, prints one summary line per category and
//! the failures; exits non-zero when a case fails. `--write-skipped` rewrites `SKIPPED.md` from
//! the skip list first (what `cargo xtask conformance` does).

fn main() {
    let write = std::env::args().skip(1).any(|a| a == "--write-skipped");
    let path = conformance::skips::markdown_path();
    let rendered = conformance::skips::render_markdown();
    if write && std::fs::read_to_string(&path).ok().as_deref() != Some(rendered.as_str()) {
        if let Err(e) = std::fs::write(&path, &rendered) {
            eprintln!("error: cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("wrote {}", path.display());
    }
    let categories = conformance::run_all();
    let mut failed = 0;
    for c in &categories {
        for (id, why) in c.failures() {
            println!("FAILED {} / {id}: {why}", c.name);
            failed += 1;
        }
    }
    for c in &categories {
        println!("{c}");
    }
    if failed > 0 {
        std::process::exit(1);
    }
}

//! A progress bar on standard error for long command-line runs: drawn from counters another
//! thread updates, only when standard error is a terminal and the run has lasted a second
//! (short runs and logs stay clean).

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// One stage of the run: its label, its total, and how to read how far it has got.
pub struct Stage {
    pub label: &'static str,
    /// Read each time the bar is drawn: a total found as the run goes.
    pub total: Box<dyn Fn() -> usize + Send>,
    pub done: Box<dyn Fn() -> usize + Send>,
}

/// A bar drawn until [`Bar::finish`].
pub struct Bar {
    stop: Arc<AtomicBool>,
    drawer: Option<JoinHandle<()>>,
}

const WIDTH: usize = 30;

/// The bar's line for a stage at `done` of `total`.
pub fn line(label: &str, done: usize, total: usize) -> String {
    let done = done.min(total);
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    format!(
        "[{}{}] {label} {done}/{total}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled)
    )
}

impl Bar {
    pub fn start(stages: Vec<Stage>) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        if !std::io::stderr().is_terminal() {
            return Self { stop, drawer: None };
        }
        let stopping = Arc::clone(&stop);
        let drawer = std::thread::spawn(move || {
            let started = Instant::now();
            let mut drawn = false;
            while !stopping.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(200));
                if started.elapsed() < Duration::from_secs(1) {
                    continue;
                }
                let current = stages
                    .iter()
                    .find(|s| (s.done)() < (s.total)())
                    .or(stages.last());
                if let Some(stage) = current {
                    eprint!(
                        "\r{}\x1b[K",
                        line(stage.label, (stage.done)(), (stage.total)())
                    );
                    let _ = std::io::stderr().flush();
                    drawn = true;
                }
            }
            if drawn {
                eprint!("\r\x1b[K");
            }
        });
        Self {
            stop,
            drawer: Some(drawer),
        }
    }

    pub fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(drawer) = self.drawer.take() {
            let _ = drawer.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_in_proportion() {
        assert_eq!(
            line("scoring people", 0, 10),
            format!("[{}] scoring people 0/10", "-".repeat(30))
        );
        assert_eq!(
            line("x", 5, 10),
            format!("[{}{}] x 5/10", "#".repeat(15), "-".repeat(15))
        );
        assert_eq!(line("x", 12, 10), format!("[{}] x 10/10", "#".repeat(30)));
        assert_eq!(line("x", 0, 0), format!("[{}] x 0/0", "#".repeat(30)));
    }
}

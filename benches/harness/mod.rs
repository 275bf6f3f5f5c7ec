#![allow(dead_code)] // Each bench compiles this module for itself and uses part of it.

//! What the benches share: the bundled reports, and one timing loop (no
//! framework: the fastest and the median run are printed, nothing is asserted).

use derek::corpus::BundledReport;
use std::time::{Duration, Instant};

/// The bundled reports, or the process ends with the reason.
pub fn reports() -> Vec<BundledReport> {
    derek::corpus::bundled().unwrap_or_else(|e| {
        eprintln!("bench: {e}");
        std::process::exit(1)
    })
}

/// The fastest and the median of several runs.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub min: Duration,
    pub median: Duration,
}

impl Timing {
    /// Both in milliseconds.
    pub fn ms(self) -> (f64, f64) {
        (
            self.min.as_secs_f64() * 1e3,
            self.median.as_secs_f64() * 1e3,
        )
    }

    /// Both in microseconds.
    pub fn us(self) -> (f64, f64) {
        (
            self.min.as_secs_f64() * 1e6,
            self.median.as_secs_f64() * 1e6,
        )
    }
}

/// Runs `f` `runs` times (at least once); returns the timing and the last result.
pub fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Timing, T) {
    let mut times = Vec::with_capacity(runs.max(1));
    let mut run = || {
        let started = Instant::now();
        let result = std::hint::black_box(f());
        times.push(started.elapsed());
        result
    };
    let mut last = run();
    for _ in 1..runs {
        last = run();
    }
    times.sort();
    let timing = Timing {
        min: times[0],
        median: times[times.len() / 2],
    };
    (timing, last)
}

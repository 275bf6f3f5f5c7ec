//! Bench: texts shaped to make a stage grow faster than its input (one long line
//! of the same figure, parentheses never closed, back-references to the year of
//! a sentence before, many short lines, a long heading over many paragraphs, a
//! long quoted search phrase). For each shape,
//! the whole pipeline (parse, extract, sourced facts, catalogue; or index and
//! search) runs at 1× and 4× a size; the bench prints time (fastest of a few
//! runs) and peak heap memory for both, and the 4×/1× ratios. Linear stages
//! give ratios near 4; a quadratic one gives 16.
//!
//! Run with `cargo bench --bench hostile`; `HOSTILE_KB=N` sets the 1× size
//! (default 32 KB), `HOSTILE_RUNS=N` the runs per size (default 3),
//! `HOSTILE_SHAPE=TEXT` runs only the shapes whose name contains it.

mod harness;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` with the same arguments; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grown = new_size - layout.size();
                let now = IN_USE.fetch_add(grown, Ordering::Relaxed) + grown;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One hostile shape: a text of about `bytes` bytes, and a query when the
/// shape is for search.
struct Shape {
    name: &'static str,
    make: fn(usize) -> (String, Option<String>),
}

/// `unit` repeated to about `bytes` bytes, after a line that makes it a paragraph.
fn repeat(unit: &str, bytes: usize) -> String {
    let mut text = String::from("1. ");
    while text.len() < bytes {
        text.push_str(unit);
    }
    text.push_str(".\n");
    text
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "plus de 1 000 ",
        make: |n| (repeat("plus de 1 000 ", n), None),
    },
    Shape {
        name: "de 7 à 10 % ",
        make: |n| (repeat("de 7 à 10 % ", n), None),
    },
    Shape {
        name: "(12) ",
        make: |n| (repeat("(12) ", n), None),
    },
    Shape {
        name: "(12 never closed",
        make: |n| (repeat("(12 ", n), None),
    },
    Shape {
        name: "12 % ",
        make: |n| (repeat("12 % ", n), None),
    },
    Shape {
        name: "soit 12 cas ",
        make: |n| (repeat("soit 12 cas ", n), None),
    },
    Shape {
        name: "number words",
        make: |n| (repeat("deux cent trente-quatre mille cas, ", n), None),
    },
    Shape {
        name: "12 cas. en 2012, ",
        make: |n| (repeat("En 2012, 12 cas. ", n), None),
    },
    Shape {
        name: "la même année. Parmi elles, 4",
        make: |n| {
            (
                repeat(
                    "la même année, 12 cas, dont 3, ont été jugés depuis 2016. Parmi elles, 4 ",
                    n,
                ),
                None,
            )
        },
    },
    Shape {
        name: "many short lines",
        make: |n| {
            let mut text = String::new();
            let mut k = 1;
            while text.len() < n {
                text.push_str(&format!("{k}. En 2015, 12 cas.\n"));
                k += 1;
            }
            (text, None)
        },
    },
    Shape {
        name: "long heading, short paragraphs",
        make: |n| {
            let mut text = String::from("I. Renseignements");
            while text.len() < n / 4 {
                text.push_str(" généraux");
            }
            text.push_str("\n\n");
            let mut k = 1;
            while text.len() < n {
                text.push_str(&format!("{k}. En 2015, 12 cas.\n\n"));
                k += 1;
            }
            (text, None)
        },
    },
    Shape {
        name: "search: long phrase, long paragraph",
        make: |n| {
            let words = ["violence", "femmes", "centres", "crise", "enfants"];
            let mut text = String::from("1. ");
            let mut phrase = String::from("\"");
            let mut k = 0;
            while text.len() < n {
                let w = words.get(k % words.len()).copied().unwrap_or("cas");
                text.push_str(w);
                text.push(' ');
                if phrase.len() < n / 2 {
                    phrase.push_str(w);
                    phrase.push(' ');
                }
                k += 1;
            }
            text.push_str(".\n");
            phrase.push('"');
            (text, Some(phrase))
        },
    },
];

/// The fastest time and the largest peak heap growth of `runs` runs.
fn measure(text: &str, query: Option<&str>, runs: usize) -> (Duration, usize) {
    let reports = harness::reports();
    let Some(first) = reports.first() else {
        return (Duration::ZERO, 0);
    };
    let catalogue = derek::series::catalogue::Catalogue::bundled().unwrap_or_else(|e| {
        eprintln!("bench: {e}");
        std::process::exit(1)
    });
    // A report with the hostile text, as the widget would read a visitor's file.
    let leaked: &'static str = Box::leak(text.to_string().into_boxed_str());
    let report = derek::corpus::BundledReport {
        meta: first.meta.clone(),
        text: leaked,
    };
    let mut best = Duration::MAX;
    let mut peak = 0;
    for _ in 0..runs.max(1) {
        let report = report.clone();
        let base = IN_USE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let started = Instant::now();
        let result = match query {
            None => {
                let doc = derek::document::parse(report.text);
                let corpus =
                    derek::series::sourced::Corpus::from_documents(vec![report], vec![doc]);
                catalogue.build(&corpus).len() + corpus.facts.len()
            }
            Some(q) => {
                let doc = derek::document::parse(report.text);
                let index = derek::search::SearchIndex::new(&[&doc]);
                index.search(q, 10).hits.len()
            }
        };
        std::hint::black_box(result);
        best = best.min(started.elapsed());
        peak = peak.max(PEAK.load(Ordering::Relaxed).saturating_sub(base));
    }
    (best, peak)
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let kb = env_usize("HOSTILE_KB", 32);
    let runs = env_usize("HOSTILE_RUNS", 3);
    println!(
        "{:<36} {:>10} {:>10} {:>6} {:>10} {:>10} {:>6}",
        "shape", "time 1×", "time 4×", "ratio", "peak 1×", "peak 4×", "ratio"
    );
    let mut worst: (f64, f64) = (0.0, 0.0);
    let only = std::env::var("HOSTILE_SHAPE").unwrap_or_default();
    for shape in SHAPES.iter().filter(|s| s.name.contains(&only)) {
        let (small, small_query) = (shape.make)(kb * 1000);
        let (large, large_query) = (shape.make)(4 * kb * 1000);
        let (t1, m1) = measure(&small, small_query.as_deref(), runs);
        let (t4, m4) = measure(&large, large_query.as_deref(), runs);
        let time_ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        let memory_ratio = m4 as f64 / (m1 as f64).max(1.0);
        worst = (worst.0.max(time_ratio), worst.1.max(memory_ratio));
        println!(
            "{:<36} {:>8.1}ms {:>8.1}ms {:>6.1} {:>8.1}MB {:>8.1}MB {:>6.1}",
            shape.name,
            t1.as_secs_f64() * 1e3,
            t4.as_secs_f64() * 1e3,
            time_ratio,
            m1 as f64 / 1e6,
            m4 as f64 / 1e6,
            memory_ratio
        );
    }
    println!(
        "hostile: {kb} KB and {} KB per shape; worst ratio 4×/1×: time {:.1}, memory {:.1} (linear: about 4, goal: under 5)",
        4 * kb,
        worst.0,
        worst.1
    );
}

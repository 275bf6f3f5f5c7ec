//! Derek: the statistics Kazakhstan reported to UN human-rights bodies, extracted
//! from the reports' text and charted. See `ARCHITECTURE.md` for the pipeline.
//!
//! corpus → document → extract → series → chart → web: each module depends only on
//! the ones before it.

pub mod chart;
pub mod corpus;
pub mod document;
pub mod extract;
pub mod series;

#[cfg(target_arch = "wasm32")]
mod web;

//! Derek: the statistics Kazakhstan reported to UN human-rights bodies, extracted
//! from the reports' text and charted. See `ARCHITECTURE.md` for the pipeline.
//!
//! corpus → document → extract → series → chart → present → web (search beside
//! series): each module depends only on the ones before it.

pub mod chart;
pub mod corpus;
pub mod document;
pub mod extract;
pub mod present;
pub mod search;
pub mod series;

#[cfg(target_arch = "wasm32")]
pub mod web;

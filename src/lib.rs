//! Derek: the statistics Kazakhstan reported to UN human-rights bodies, extracted
//! from the reports' text and charted. See `ARCHITECTURE.md` for the pipeline.
//!
//! corpus → document → extract → series → chart → present → web (search beside
//! series): each module depends only on the ones before it.

pub mod baked;
pub mod chart;
pub mod corpus;
pub mod document;
pub mod extract;
pub mod i18n;
pub mod present;
pub mod search;
pub mod series;
pub mod startup;

#[cfg(target_arch = "wasm32")]
pub mod web;

// Start-up (parsing five reports, extracting their figures) allocates a great deal:
// talc does it faster than wasm's default allocator. Single-threaded wasm only.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

//! The clients generated from every rest-json protocol-test suite by `build.rs`, as modules
//! `input_NN` and `output_NN`, and the tables [`INPUT`] and [`OUTPUT`] of their dispatchers.
//! Generated code: the generator's own output is checked for warnings on the FinSpace crate.
#![allow(
    missing_docs,
    deprecated,
    dead_code,
    unused_imports,
    unexpected_cfgs,
    clippy::all
)]

include!(concat!(env!("OUT_DIR"), "/suites.rs"));

// Synthetic corpora for the benchmarks: plans shaped exactly like the bundled
// one (same focus areas, measures, target kinds, units, commitments, projects
// and text lengths), each with its own id, jurisdiction and numbers, and with
// observations on every fifth target so that progress has work to do.
// Every plan validates with no error (counts stay whole, shares at most
// 100%), so that validation is measured on its clean path; a variant carries
// a known number of errors for the diagnostics path. Deterministic: plan i is
// always the same.
#pragma once

#include <govplan/plan.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace govplan::bench {

/// The bundled plan, the template of every synthetic plan.
const plan& template_plan();

/// Synthetic plan number i (0-based); validate() finds no error in it.
plan make_plan(std::size_t i);

/// Plan i with exactly `errors` validation errors (target.unit.incompatible):
/// at most the count targets without observations or 其中 relations (over 30
/// in the bundled plan's shape); std::invalid_argument beyond.
plan make_plan_with_errors(std::size_t i, std::size_t errors);

/// Plans 0..n-1 as JSON texts.
std::vector<std::string> make_json_corpus(std::size_t n);

}  // namespace govplan::bench

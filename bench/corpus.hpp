// Synthetic corpora for the benchmarks: plans shaped exactly like the bundled
// one (same focus areas, measures, target kinds, units, commitments, projects
// and text lengths), each with its own id, jurisdiction and numbers, and with
// observations on every fifth target so that progress has work to do.
// Deterministic: plan i is always the same.
#pragma once

#include <govplan/plan.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace govplan::bench {

/// The bundled plan, the template of every synthetic plan.
const plan& template_plan();

/// Synthetic plan number i (0-based).
plan make_plan(std::size_t i);

/// Plans 0..n-1 as JSON texts.
std::vector<std::string> make_json_corpus(std::size_t n);

}  // namespace govplan::bench

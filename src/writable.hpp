// Internal: what every writer checks before it writes. Not API.
#pragma once

#include <govplan/error.hpp>
#include <govplan/plan.hpp>
#include <govplan/unit.hpp>

#include <optional>
#include <string>
#include <vector>

namespace govplan::detail {

/// Fails when a reader would refuse what a writer would write from `p`: a
/// string that is not UTF-8 or a list over the readers' collection limit
/// (errc::invalid_value, named by its path), an id used twice
/// (errc::duplicate_id). Writers call it first and refuse, so that nothing is
/// written that cannot be read back.
result<void> check_writable(const plan& p);

/// Registers a unit the plan defines for itself in `units`, or says why it
/// cannot be (no symbol or base, a symbol already defined differently, a
/// definition the registry refuses). The JSON reader, the archive reader and
/// the writers all apply it to a plan's "units" list.
std::optional<std::string> register_plan_unit(unit_registry& units, const unit& u);

/// The plan's own units, then every other unit it uses (targets, baselines,
/// observations, investments) that the standard registry does not hold: the
/// units a JSON document of the plan defines in its "units" list.
std::vector<unit> units_to_define(const plan& p);

/// Why the units a plan uses cannot all be defined in one registry (a symbol
/// used with two definitions, or one that redefines a standard unit), or
/// nullopt. A JSON reader would refuse the document written from such a plan.
std::optional<std::string> units_problem(const plan& p);

/// Ranges a member's type does not say, checked by every reader.
inline constexpr int max_year = 9999;
inline constexpr int max_ordinal = 10'000;

/// A year or a focus area's ordinal out of range, or nullopt.
std::optional<std::string> range_problem(const plan& p);

/// Why a reader would refuse `p` beyond the types and encodings of its
/// members: a value out of range, a unit that cannot be defined, an id used
/// twice (range_problem, units_problem, first_repeated_id), or nullopt. The
/// archive reader applies it to what it loaded; the JSON reader checks the
/// same rules as it reads, with a pointer. tests/fuzz/targets.hpp's
/// exercise() checks that whatever loads from an archive reads back from JSON.
std::optional<error> readers_refuse(const plan& p);

/// Fails with errc::limit_exceeded when `bytes` of a document are over what
/// the readers accept by default (json_limits / archive_limits::max_bytes).
result<void> check_writable_size(std::size_t bytes, std::size_t reader_limit, const char* what);

}  // namespace govplan::detail

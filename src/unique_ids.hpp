// Internal: the first id a plan uses twice, found in one walk. Not API.
#pragma once

#include <govplan/plan.hpp>

#include <optional>
#include <string_view>

namespace govplan::detail {

struct repeated_id {
    std::string_view id;
    element_position at;  ///< of the second use
    bool project = false;  ///< the second use is a project's id (else a target's)
};

/// Targets and projects share one id space; empty ids are not compared. Both
/// loaders refuse a plan with a repeated id (links by id would be ambiguous).
std::optional<repeated_id> first_repeated_id(const plan& p);

}  // namespace govplan::detail

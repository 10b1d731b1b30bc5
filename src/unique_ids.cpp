#include "unique_ids.hpp"

#include <unordered_set>

namespace govplan::detail {

std::optional<repeated_id> first_repeated_id(const plan& p)
{
    std::unordered_set<std::string_view> seen;
    seen.reserve(target_count(p) + project_count(p));
    // all targets, then all projects: the second use in that order is named
    for (auto [t, at] : each_target(p))
        if (!t.id.empty() && !seen.insert(t.id).second) return repeated_id{t.id, at, false};
    for (auto [pr, at] : each_project(p))
        if (!pr.id.empty() && !seen.insert(pr.id).second) return repeated_id{pr.id, at, true};
    return std::nullopt;
}

}  // namespace govplan::detail

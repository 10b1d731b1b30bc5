#include "unique_ids.hpp"

#include <unordered_set>

namespace govplan::detail {

std::optional<repeated_id> first_repeated_id(const plan& p)
{
    std::unordered_set<std::string_view> seen;
    seen.reserve(target_count(p) + project_count(p));
    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
        const auto& area = p.focus_areas[f];
        for (std::size_t t = 0; t < area.targets.size(); ++t) {
            const std::string_view id = area.targets[t].id;
            if (!id.empty() && !seen.insert(id).second) return repeated_id{id, {f, element_position::lead, t}, false};
        }
        for (std::size_t m = 0; m < area.measures.size(); ++m) {
            const auto& measure = area.measures[m];
            for (std::size_t t = 0; t < measure.targets.size(); ++t) {
                const std::string_view id = measure.targets[t].id;
                if (!id.empty() && !seen.insert(id).second) return repeated_id{id, {f, m, t}, false};
            }
            for (std::size_t j = 0; j < measure.projects.size(); ++j) {
                const std::string_view id = measure.projects[j].id;
                if (!id.empty() && !seen.insert(id).second) return repeated_id{id, {f, m, j}, true};
            }
        }
    }
    return std::nullopt;
}

}  // namespace govplan::detail

#include "unique_ids.hpp"

#include "id_index.hpp"

namespace govplan::detail {

std::optional<repeated_id> first_repeated_id(const plan& p)
{
    id_index seen(target_count(p) + project_count(p));
    // In document order (a focus area's own targets, then each measure's
    // targets and projects), as validate() reports: each_target and
    // each_project would put every project after every target.
    auto seen_before = [&](const std::string& id) { return !id.empty() && !seen.add(id).second; };
    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
        const auto& area = p.focus_areas[f];
        for (std::size_t t = 0; t < area.targets.size(); ++t)
            if (seen_before(area.targets[t].id)) return repeated_id{area.targets[t].id, {f, std::nullopt, t}, false};
        for (std::size_t m = 0; m < area.measures.size(); ++m) {
            const auto& measure = area.measures[m];
            for (std::size_t t = 0; t < measure.targets.size(); ++t)
                if (seen_before(measure.targets[t].id)) return repeated_id{measure.targets[t].id, {f, m, t}, false};
            for (std::size_t j = 0; j < measure.projects.size(); ++j)
                if (seen_before(measure.projects[j].id)) return repeated_id{measure.projects[j].id, {f, m, j}, true};
        }
    }
    return std::nullopt;
}

}  // namespace govplan::detail

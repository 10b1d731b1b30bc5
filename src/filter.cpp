#include <govplan/filter.hpp>

#include <string_view>
#include <unordered_set>

GOVPLAN_BEGIN_NAMESPACE

namespace {

bool place_matches(const element_filter& f, const plan& p, const element_position& at)
{
    if (at.focus_area >= p.focus_areas.size()) return false;
    const focus_area& area = p.focus_areas[at.focus_area];
    if (f.focus && area.ordinal != *f.focus) return false;
    if (!f.measure.empty()) {
        if (at.in_lead() || at.measure >= area.measures.size()) return false;
        if (area.measures[at.measure].lead.find(f.measure) == std::string::npos) return false;
    }
    return true;
}

}  // namespace

bool matches(const element_filter& f, const plan& p, const target& t, const element_position& at)
{
    if (f.stage) return false;
    if (f.kind && t.kind != *f.kind) return false;
    if (f.commitment && t.commitment != *f.commitment) return false;
    return place_matches(f, p, at);
}

bool matches(const element_filter& f, const plan& p, const project& pr, const element_position& at)
{
    if (f.kind) return false;
    if (f.stage && pr.stage != *f.stage) return false;
    if (f.commitment && pr.commitment != *f.commitment) return false;
    return place_matches(f, p, at);
}

plan select(const plan& p, const element_filter& f)
{
    return select(
        p, [&](const target& t, const element_position& at) { return matches(f, p, t, at); },
        [&](const project& pr, const element_position& at) { return matches(f, p, pr, at); });
}

plan select(const plan& p, const std::function<bool(const target&, const element_position&)>& keep_target,
            const std::function<bool(const project&, const element_position&)>& keep_project)
{
    plan out = p;
    for (std::size_t a = 0; a < out.focus_areas.size(); ++a) {
        focus_area& area = out.focus_areas[a];
        const focus_area& original = p.focus_areas[a];
        area.targets.clear();
        for (std::size_t i = 0; i < original.targets.size(); ++i) {
            if (keep_target(original.targets[i], {a, element_position::lead, i}))
                area.targets.push_back(original.targets[i]);
        }
        for (std::size_t m = 0; m < area.measures.size(); ++m) {
            measure& ms = area.measures[m];
            const measure& from = original.measures[m];
            ms.targets.clear();
            ms.projects.clear();
            for (std::size_t i = 0; i < from.targets.size(); ++i) {
                if (keep_target(from.targets[i], {a, m, i})) ms.targets.push_back(from.targets[i]);
            }
            for (std::size_t i = 0; i < from.projects.size(); ++i) {
                if (keep_project(from.projects[i], {a, m, i})) ms.projects.push_back(from.projects[i]);
            }
        }
    }
    // references to what was left out go, so that the selection validates as a plan
    std::unordered_set<std::string_view> targets, projects;
    for_each_target(out, [&](const target& t, const element_position&) { targets.insert(t.id); });
    for_each_project(out, [&](const project& pr, const element_position&) { projects.insert(pr.id); });
    auto prune = [&](std::vector<target>& list) {
        for (auto& t : list) {
            std::erase_if(t.project_ids, [&](const std::string& id) { return !projects.contains(id); });
            if (t.scope) std::erase_if(t.scope->project_ids, [&](const std::string& id) { return !projects.contains(id); });
            if (!t.parent_id.empty() && !targets.contains(t.parent_id)) t.parent_id.clear();
        }
    };
    for (auto& area : out.focus_areas) {
        prune(area.targets);
        for (auto& m : area.measures) {
            prune(m.targets);
            for (auto& pr : m.projects)
                std::erase_if(pr.targets, [&](const target_link& l) { return !targets.contains(l.target_id); });
        }
    }
    return out;
}

GOVPLAN_END_NAMESPACE

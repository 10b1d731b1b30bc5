#include <govplan/filter.hpp>

#include "links.hpp"

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
        if (at.in_lead() || *at.measure >= area.measures.size()) return false;
        if (area.measures[*at.measure].lead.find(f.measure) == std::string::npos) return false;
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
    for (auto& area : out.focus_areas) {
        area.targets.clear();
        for (auto& m : area.measures) {
            m.targets.clear();
            m.projects.clear();
        }
    }
    for (auto [t, at] : each_target(p)) {
        if (!keep_target(t, at)) continue;
        focus_area& area = out.focus_areas[at.focus_area];
        (at.in_lead() ? area.targets : area.measures[*at.measure].targets).push_back(t);
    }
    for (auto [pr, at] : each_project(p)) {
        if (keep_project(pr, at)) out.focus_areas[at.focus_area].measures[*at.measure].projects.push_back(pr);
    }
    // references to what was left out go, so that the selection validates as a plan
    detail::drop_dangling_links(out);
    return out;
}

GOVPLAN_END_NAMESPACE

namespace govplan::detail {

void drop_dangling_links(plan& p)
{
    std::unordered_set<std::string_view> targets, projects;  // views of ids, which stay put
    for (auto [t, at] : each_target(std::as_const(p))) targets.insert(t.id);
    for (auto [pr, at] : each_project(std::as_const(p))) projects.insert(pr.id);
    const auto gone = [&](const std::string& id) { return !projects.contains(id); };
    for (auto [t, at] : each_target(p)) {
        std::erase_if(t.project_ids, gone);
        if (t.scope) std::erase_if(t.scope->project_ids, gone);
        if (!t.parent_id.empty() && !targets.contains(t.parent_id)) t.parent_id.reset();
    }
    for (auto [pr, at] : each_project(p))
        std::erase_if(pr.targets, [&](const target_link& l) { return !targets.contains(l.target_id); });
}

}  // namespace govplan::detail

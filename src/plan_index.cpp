#include <govplan/plan_index.hpp>

#include <algorithm>

GOVPLAN_BEGIN_NAMESPACE

plan_index::plan_index(const plan& p)
{
    const std::size_t targets = target_count(p);
    const std::size_t projects = project_count(p);
    targets_.reserve(targets);
    projects_.reserve(projects);
    naming_.reserve(projects);
    order_.reserve(projects);
    for (auto [t, at] : each_target(p))
        if (!t.id.empty()) targets_.try_emplace(t.id, &t);
    for (auto [pr, at] : each_project(p)) {
        order_.emplace(&pr, order_.size());
        if (!pr.id.empty()) projects_.try_emplace(pr.id, &pr);
        for (const auto& link : pr.targets) {
            if (link.target_id.empty()) continue;
            auto& list = naming_[link.target_id];
            if (list.empty() || list.back() != &pr) list.push_back(&pr);  // a project linking twice counts once
        }
    }
}

const target* plan_index::find_target(std::string_view id) const noexcept
{
    const auto it = targets_.find(id);
    return it == targets_.end() ? nullptr : it->second;
}

const project* plan_index::find_project(std::string_view id) const noexcept
{
    const auto it = projects_.find(id);
    return it == projects_.end() ? nullptr : it->second;
}

const std::vector<const project*>& plan_index::projects_naming(std::string_view target_id) const noexcept
{
    static const std::vector<const project*> none;
    const auto it = naming_.find(target_id);
    return it == naming_.end() ? none : it->second;
}

std::vector<const project*> plan_index::projects_of(const target& t) const
{
    std::vector<const project*> out;
    if (!t.id.empty()) out = projects_naming(t.id);
    for (const auto& id : t.project_ids) {
        // Every project with a listed id, as a walk over all projects would find.
        if (const project* pr = find_project(id)) out.push_back(pr);
    }
    auto position = [&](const project* pr) { return order_.at(pr); };
    std::sort(out.begin(), out.end(), [&](const project* a, const project* b) { return position(a) < position(b); });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

GOVPLAN_END_NAMESPACE

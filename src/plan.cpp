#include <govplan/plan.hpp>

GOVPLAN_BEGIN_NAMESPACE

std::string jurisdiction::full_name() const { return province + city + district; }

namespace {
// One search for both constnesses of the plan.
template <class Range>
auto* first_with_id(Range elements, std::string_view id) noexcept
{
    for (auto [e, at] : elements)
        if (e.id == id) return &e;
    return static_cast<decltype(&(*elements.begin()).element)>(nullptr);
}
}  // namespace

const target* find_target(const plan& p, std::string_view id) noexcept { return first_with_id(each_target(p), id); }
target* find_target(plan& p, std::string_view id) noexcept { return first_with_id(each_target(p), id); }
const project* find_project(const plan& p, std::string_view id) noexcept { return first_with_id(each_project(p), id); }
project* find_project(plan& p, std::string_view id) noexcept { return first_with_id(each_project(p), id); }

std::size_t target_count(const plan& p) noexcept
{
    std::size_t n = 0;
    for (const auto& area : p.focus_areas) {
        n += area.targets.size();
        for (const auto& m : area.measures) n += m.targets.size();
    }
    return n;
}

std::size_t project_count(const plan& p) noexcept
{
    std::size_t n = 0;
    for (const auto& area : p.focus_areas)
        for (const auto& m : area.measures) n += m.projects.size();
    return n;
}

GOVPLAN_END_NAMESPACE

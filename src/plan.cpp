#include <govplan/plan.hpp>

GOVPLAN_BEGIN_NAMESPACE

std::string jurisdiction::full_name() const { return province + city + district; }

void for_each_target(const plan& p,
                     const std::function<void(const target&, const element_position&)>& visit)
{
    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
        const auto& own = p.focus_areas[f].targets;
        for (std::size_t t = 0; t < own.size(); ++t) visit(own[t], {f, element_position::lead, t});
        const auto& measures = p.focus_areas[f].measures;
        for (std::size_t m = 0; m < measures.size(); ++m) {
            for (std::size_t t = 0; t < measures[m].targets.size(); ++t) visit(measures[m].targets[t], {f, m, t});
        }
    }
}

void for_each_project(const plan& p,
                      const std::function<void(const project&, const element_position&)>& visit)
{
    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
        const auto& measures = p.focus_areas[f].measures;
        for (std::size_t m = 0; m < measures.size(); ++m) {
            for (std::size_t j = 0; j < measures[m].projects.size(); ++j) visit(measures[m].projects[j], {f, m, j});
        }
    }
}

const target* find_target(const plan& p, std::string_view id) noexcept
{
    for (const auto& area : p.focus_areas) {
        for (const auto& t : area.targets)
            if (t.id == id) return &t;
        for (const auto& m : area.measures)
            for (const auto& t : m.targets)
                if (t.id == id) return &t;
    }
    return nullptr;
}

const project* find_project(const plan& p, std::string_view id) noexcept
{
    for (const auto& area : p.focus_areas)
        for (const auto& m : area.measures)
            for (const auto& pr : m.projects)
                if (pr.id == id) return &pr;
    return nullptr;
}

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

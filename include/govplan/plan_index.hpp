// govplan — a plan's ids and links, indexed once.
#pragma once

#include <govplan/config.hpp>

#include <govplan/plan.hpp>

#include <cstddef>
#include <string_view>
#include <unordered_map>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

/// Lookups by id and the links between targets and projects of one plan,
/// built in one walk over the plan (time and memory linear in its items);
/// each lookup then takes constant time on average, so relating every target
/// to its projects is linear too, where find_target() and find_project() per
/// item would be quadratic.
///
/// A view: it points into the plan, which must outlive the index and must not
/// change while the index is used.
class plan_index {
public:
    explicit plan_index(const plan& p);

    /// The first target with this id in document order (as find_target()), or nullptr.
    [[nodiscard]] const target* find_target(std::string_view id) const noexcept;
    /// The first project with this id in document order (as find_project()), or nullptr.
    [[nodiscard]] const project* find_project(std::string_view id) const noexcept;
    /// The projects that link to `target_id` (project::targets, any role),
    /// each once, in document order.
    [[nodiscard]] const std::vector<const project*>& projects_naming(std::string_view target_id) const noexcept;
    /// The projects linked to `t` either way (listed in its project_ids, or
    /// linking to it in their targets), each once, in document order.
    [[nodiscard]] std::vector<const project*> projects_of(const target& t) const;

private:
    std::unordered_map<std::string_view, const target*> targets_;
    std::unordered_map<std::string_view, const project*> projects_;
    std::unordered_map<std::string_view, std::vector<const project*>> naming_;
    std::unordered_map<const project*, std::size_t> order_;  ///< document position of each project
};

GOVPLAN_END_NAMESPACE

// govplan — choosing targets and projects: the everyday questions as a value.
//
//   govplan::element_filter f;
//   f.focus = 8;                                   // the 8th focus area
//   f.commitment = govplan::commitment::binding;   // its binding targets
//   for (auto [t, at] : each_target(p))
//       if (matches(f, p, t, at)) …
//   plan just_those = select(p, f);                // the same plan, only what matches
//
// Every field that is set must hold (AND); a field the element does not have
// (a stage for a target, a kind for a project) never holds.
#pragma once

#include <govplan/config.hpp>

#include <govplan/plan.hpp>
#include <govplan/project.hpp>
#include <govplan/target.hpp>

#include <functional>
#include <optional>
#include <string>

GOVPLAN_BEGIN_NAMESPACE

struct element_filter {
    std::optional<int> focus;                          ///< the focus area's ordinal (1-based)
    std::string measure;                               ///< words of the measure's lead phrase; empty: any
    std::optional<govplan::commitment> commitment;     ///< binding, expected, aspirational
    std::optional<target_kind> kind;                   ///< targets only
    std::optional<project_stage> stage;                ///< projects only

    /// True when no field is set: everything matches.
    [[nodiscard]] bool empty() const noexcept
    {
        return !focus && measure.empty() && !commitment && !kind && !stage;
    }
};

/// Whether a target, at `at` in `p` (as each_target gives it), is chosen.
[[nodiscard]] bool matches(const element_filter& f, const plan& p, const target& t, const element_position& at);
/// Whether a project, at `at` in `p` (as each_project gives it), is chosen.
[[nodiscard]] bool matches(const element_filter& f, const plan& p, const project& pr, const element_position& at);

/// `p` with only the targets and projects `f` chooses; focus areas and
/// measures stay (empty ones too), so positions and ordinals keep their meaning.
/// References to what was left out (project_ids, a project's target links, a
/// parent_id) are dropped, so the selection validates as a plan.
[[nodiscard]] plan select(const plan& p, const element_filter& f);

/// The same with predicates of your own: the targets and projects for which
/// they return true (called with positions as each_target gives them).
[[nodiscard]] plan select(const plan& p, const std::function<bool(const target&, const element_position&)>& keep_target,
                          const std::function<bool(const project&, const element_position&)>& keep_project);

GOVPLAN_END_NAMESPACE

// govplan — validation: every problem of a plan at once.
//
// validate() never throws for bad data and never stops at the first problem.
// Each diagnostic has a severity, a stable code (documented in
// docs/validation.md), the path of the offending element in the plan
// ("focus_areas[2].measures[0].targets[3].unit") and a readable message.
#pragma once

#include <govplan/config.hpp>

#include <govplan/dates.hpp>
#include <govplan/plan.hpp>
#include <govplan/unit.hpp>

#include <boost/describe/enum.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

enum class severity { error, warning };
BOOST_DESCRIBE_ENUM(severity, error, warning)

struct diagnostic {
    govplan::severity severity = govplan::severity::error;
    std::string code;     ///< stable: "target.unit.incompatible"
    std::string path;     ///< "focus_areas[0].measures[1].targets[2].unit"
    std::string message;  ///< readable explanation
    friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

/// One rule validate() applies: its code, its severity and what it checks.
/// Every diagnostic carries the code and severity of one of these.
struct validation_rule {
    std::string_view code;      ///< "target.unit.incompatible"
    govplan::severity severity;
    std::string_view checks;    ///< what holds when it does not fire, in a few words
};

/// Every rule, in the order docs/validation.md lists them (a test keeps the
/// two in step). Static storage: the views stay valid.
[[nodiscard]] std::span<const validation_rule> validation_rules() noexcept;

struct validation_options {
    /// Units a target may use; nullptr means unit_registry::standard().
    const unit_registry* units = nullptr;
    /// When set, observations dated after it are errors.
    std::optional<date> as_of;
    /// The plan period, for validating a lone element; validate(plan) uses
    /// the plan's own period.
    std::optional<date_period> period;
};

/// Every diagnostic of the plan: first the checks of each element in document
/// order (an id used twice is reported at its second use), then the
/// cross-reference checks in document order (dangling ids, a project listed
/// twice, the projects that name a target against its count), parent cycles
/// last.
[[nodiscard]] std::vector<diagnostic> validate(const plan& p, const validation_options& options = {});

/// Diagnostics of one element alone; paths start at `path`. Checks that need
/// the whole plan (duplicate or dangling ids, focus ordinals) are not run; a
/// lone target's named projects are its own `project_ids`.
[[nodiscard]] std::vector<diagnostic> validate(const target& t, const validation_options& options = {},
                                               const std::string& path = "target");
[[nodiscard]] std::vector<diagnostic> validate(const project& p, const validation_options& options = {},
                                               const std::string& path = "project");

[[nodiscard]] std::size_t error_count(const std::vector<diagnostic>& diagnostics) noexcept;
[[nodiscard]] std::size_t warning_count(const std::vector<diagnostic>& diagnostics) noexcept;

GOVPLAN_END_NAMESPACE

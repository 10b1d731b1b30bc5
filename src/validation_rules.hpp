// Internal: the table of validation rules, and the compile-time lookup that
// makes a misspelt code a build error. Not API: validation_rules() is.
#pragma once

#include <govplan/validation.hpp>

#include <cstddef>
#include <string_view>

// Outside the ABI namespace: the table is the library's own, not exported.
namespace govplan::validation_detail {

using enum severity;

/// Every rule validate() applies, in the order of docs/validation.md; a test
/// checks the two against each other. A code is written here once and named
/// at the check that reports it (rule_ref below), never built from pieces.
inline constexpr validation_rule rule_table[] = {
    {"plan.id.empty", error, "the plan has an id"},
    {"plan.title.empty", error, "the plan has a title"},
    {"plan.period.invalid", error, "the period is two calendar dates, first <= last"},
    {"plan.year.mismatch", error, "the year is the year the period starts in"},
    {"plan.report_date.missing", error, "the plan has a report date"},
    {"plan.units.invalid", error, "a plan-defined unit has a symbol, dimension, base, positive scale and a denominator without a slash"},
    {"plan.units.conflict", error, "a plan-defined unit does not redefine a known symbol"},
    {"focus_area.ordinal.sequence", error, "focus area ordinals run 1..N in order"},
    {"focus_area.title.empty", error, "a focus area has a title"},
    {"measure.lead.empty", error, "a measure has a lead phrase"},
    {"measure.text.empty", error, "a measure has text"},
    {"measure.deadline.invalid", error, "a measure's deadline is a calendar date"},
    {"measure.deadline.outside_period", error, "a measure's deadline falls in the plan period"},
    {"target.id.empty", error, "a target has an id"},
    {"project.id.empty", error, "a project has an id"},
    {"target.id.duplicate", error, "a target's id is not used before (targets and projects share ids)"},
    {"project.id.duplicate", error, "a project's id is not used before (targets and projects share ids)"},
    {"target.metric.empty", error, "a target names its metric"},
    {"target.kind.invalid", error, "a target's kind is an enumerator"},
    {"target.comparator.invalid", error, "a target's comparator is an enumerator"},
    {"target.commitment.invalid", error, "a target's commitment is an enumerator"},
    {"target.hedge.invalid", error, "a target's hedge is an enumerator"},
    {"project.stage.invalid", error, "a project's stage is an enumerator"},
    {"project.type.invalid", error, "a project's type is an enumerator"},
    {"project.target.role.invalid", error, "a project's link role is an enumerator"},
    {"target.comparator.incompatible", error, "the comparator suits the kind"},
    {"target.value.missing", error, "a target that compares a number states it"},
    {"target.grade.missing", error, "a grade target names its grade"},
    {"target.grade.unexpected", error, "only a grade target has a grade"},
    {"target.reference.missing", error, "a within or relative target names what it is set against"},
    {"target.attainment.value", error, "full attainment is 100% or 0"},
    {"target.range.missing", error, "a range has both ends"},
    {"target.trend.missing", error, "a direction target has a trend"},
    {"target.value.unexpected", error, "no value the comparator does not use"},
    {"target.range.order", error, "a range's low end is below its high end"},
    {"target.value.negative", error, "amounts, counts, shares and non-percent levels are not negative"},
    {"target.value.over_100_percent", error, "a share or reduction is at most 100%"},
    {"target.value.fractional_count", error, "a count is whole in its base unit"},
    {"target.unit.missing", error, "a target that states a number has a unit"},
    {"target.unit.unknown", error, "the unit is registered, with that definition"},
    {"target.unit.incompatible", error, "the unit suits the kind"},
    {"target.baseline.date.invalid", error, "a baseline date is a calendar date"},
    {"target.baseline.empty", error, "a baseline names its year or date"},
    {"target.baseline.year.mismatch", error, "a baseline's year is the year of its date"},
    {"target.baseline.unit.incompatible", error, "a baseline can be compared with its target"},
    {"target.deadline.invalid", error, "a target's deadline is a calendar date"},
    {"target.deadline.outside_period", error, "a target's deadline is not before the plan period"},
    {"target.milestone.date.invalid", error, "a milestone's date is a calendar date"},
    {"target.milestone.order", error, "milestones are in date order, one per date"},
    {"target.milestone.after_deadline", error, "no milestone after the deadline"},
    {"target.scope.noun.empty", error, "a scope names what it covers"},
    {"target.scope.count.invalid", error, "a scope counts whole items"},
    {"target.group.id.empty", error, "a group has an id"},
    {"target.parent.self", error, "a target is not part of itself"},
    {"target.parent.dangling", error, "a target's parent exists"},
    {"target.parent.cycle", error, "chains of parents end"},
    {"target.projects.exceed_count", error, "the named projects do not exceed the count they exemplify"},
    {"target.projects.dangling", error, "a listed project exists"},
    {"target.projects.duplicate", error, "a project is listed once"},
    {"project.name.empty", error, "a project has a name"},
    {"project.target.dangling", error, "a linked target exists"},
    {"project.investment.unit", error, "an investment is money in a registered unit"},
    {"project.investment.negative", error, "an investment is not negative"},
    {"project.investment.exceeds_total", error, "this year's investment is at most the total"},
    {"observation.date.invalid", error, "an observation's date is a calendar date"},
    {"observation.date.after_as_of", error, "no observation after the as-of date"},
    {"observation.unit.missing", error, "an observation has a unit"},
    {"observation.value.not_met_or_not", error, "a target without a number is observed as 1 or 0"},
    {"observation.unit.incompatible", error, "an observation combines with its target's unit"},
    {"plan.focus_areas.empty", warning, "the plan has focus areas"},
    {"target.value.equals_baseline", warning, "a target differs from its baseline"},
    {"target.value.zero_growth", warning, "a growth target is not zero"},
    {"target.stretch.below_floor", warning, "a stretch value is above the floor it stretches"},
    {"target.stretch.above_ceiling", warning, "a stretch value is below the ceiling it stretches"},
};

/// A rule named by its code, checked when the program is compiled: a code
/// that is not in the table does not build.
struct rule_ref {
    const validation_rule* rule;
    consteval rule_ref(const char* code)  // NOLINT: implicit, so that a check names its rule by code
        : rule(find(code))
    {
    }

private:
    static consteval const validation_rule* find(std::string_view code)
    {
        for (const auto& r : rule_table)
            if (r.code == code) return &r;
        throw "no validation rule has this code";  // not a constant expression: the build fails here
    }
};

}  // namespace govplan::validation_detail

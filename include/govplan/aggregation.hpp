// govplan — aggregation: how many targets of which kind, how much they commit.
//
// The rules (docs/aggregation.md):
// - Only amounts and counts add up, and only within one unit family (one
//   dimension and base: 元 with 万元 and 亿元; 美元 apart; each measure word
//   apart). Rates, shares, levels and percentage-point changes never add:
//   for them a group reports counts and the range (min, max).
// - Per-capita and yearly-average targets never add either.
// - Sums are exact; units are normalised to the largest unit of the family
//   that every value converts into exactly (万元 + 亿元 → 亿元), or to a unit
//   the caller names.
// - Summing values of different families (元 with 美元, % with 个百分点, 亩
//   with 公里) is an error naming the two values that clashed, never a total.
#pragma once

#include <govplan/config.hpp>

#include <govplan/decimal.hpp>
#include <govplan/error.hpp>
#include <govplan/plan.hpp>
#include <govplan/unit.hpp>

#include <boost/describe/enum.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

/// The exact sum of quantities of one unit family, in `unit` (or, when
/// nullptr, the largest unit of the inputs that all convert into exactly).
/// Empty input sums to nothing: errc::invalid_value. Different families:
/// errc::incompatible_units naming both values.
[[nodiscard]] result<quantity> sum(const std::vector<quantity>& values, const unit* in = nullptr);

/// What targets are grouped by.
enum class group_by { focus_area, measure, kind, comparator, commitment, dimension, unit, category, stage };
BOOST_DESCRIBE_ENUM(group_by, focus_area, measure, kind, comparator, commitment, dimension, unit, category, stage)

/// A target seen by aggregation: the target, its plan and its position.
struct target_view {
    const plan& owner;
    const target& item;
    element_position position;
};

/// Totals of one unit family inside a group.
struct family_total {
    govplan::dimension dimension = govplan::dimension::count;
    std::string base;              ///< the family: 元, 美元, 个, 平方米…
    govplan::unit unit;            ///< the unit of sum, min and max
    std::size_t count = 0;         ///< targets with a value in this family
    std::size_t summed = 0;        ///< of which add up (amounts and counts with a floor or exact value)
    std::optional<decimal> sum;    ///< their exact sum; absent when none adds up
    decimal min;
    decimal max;
    friend bool operator==(const family_total&, const family_total&) = default;
};

/// One group of targets.
struct target_group {
    std::string key;                ///< the group's label: "1", "amount", "亿元", "binding"…
    std::size_t targets = 0;
    std::size_t binding = 0;
    std::size_t expected = 0;
    std::size_t aspirational = 0;
    std::vector<family_total> totals;  ///< additive families first, in order of appearance
    friend bool operator==(const target_group&, const target_group&) = default;
};

struct aggregation_options {
    /// Preferred unit per family for sums, min and max (e.g. 万元 instead of
    /// the default 亿元). Units of other families are ignored.
    std::vector<unit> preferred_units;
    /// How many threads share the plans: 1 (the default) works on the
    /// caller's thread only; 0 means one per core; never more than one per
    /// plan. Each thread takes a run of consecutive plans and the partial
    /// groups are merged in plan order, so the result (groups, their order,
    /// every total, every error and exception) is the one a single thread
    /// gives. Where a merge cannot be sure of that (an exact sum that could
    /// overflow in one order and not the other, a failure after the first
    /// run, a plan listed twice) the plans are grouped again on the
    /// caller's thread. A key function you pass is therefore called from
    /// several threads at once, and may be called twice for a target.
    std::size_t threads = 1;
};

/// Groups the targets of the plans by `key` (groups in order of first
/// appearance; for focus_area the key is the ordinal, for measure the lead
/// phrase, for enumerations the code, for unit the symbol, for dimension the
/// dimension code plus the base when it matters: "money 元", "count 家").
/// category and stage group targets by their linked projects ("none" when
/// there are none). Fails only when an exact sum overflows.
[[nodiscard]] result<std::vector<target_group>> aggregate_targets(const std::vector<const plan*>& plans, group_by key,
                                                                  const aggregation_options& options = {});
[[nodiscard]] result<std::vector<target_group>> aggregate_targets(const plan& p, group_by key,
                                                                  const aggregation_options& options = {});

/// Groups by a key you compute; targets for which `key` returns nullopt are
/// left out.
[[nodiscard]] result<std::vector<target_group>> aggregate_targets(
    const std::vector<const plan*>& plans, const std::function<std::optional<std::string>(const target_view&)>& key,
    const aggregation_options& options = {});

/// Projects per stage (every stage listed, in order) and per category (in
/// order of appearance; "" for none).
struct project_counts {
    std::vector<std::pair<project_stage, std::size_t>> by_stage;
    std::vector<std::pair<std::string, std::size_t>> by_category;
    std::size_t total = 0;
    friend bool operator==(const project_counts&, const project_counts&) = default;
};
[[nodiscard]] project_counts count_projects(const plan& p);

/// A count target and the projects the plan names for it: "30 declared, 3 named".
struct declared_named {
    std::string target_id;
    std::string metric;
    quantity declared;         ///< the target's value
    std::size_t named = 0;     ///< distinct projects linked either way
    friend bool operator==(const declared_named&, const declared_named&) = default;
};
/// Every count target with at least one named project, in document order.
[[nodiscard]] std::vector<declared_named> declared_versus_named(const plan& p);

GOVPLAN_END_NAMESPACE

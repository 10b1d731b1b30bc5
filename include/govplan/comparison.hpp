// govplan — across plans: one metric side by side, and what changed.
#pragma once

#include <govplan/config.hpp>

#include <govplan/plan.hpp>
#include <govplan/unit.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

/// One plan's target for a metric.
struct metric_row {
    std::string plan_id;
    std::string jurisdiction;     ///< jurisdiction::full_name()
    int year = 0;
    std::string target_id;
    std::string qualifier;
    target_kind kind = target_kind::amount;
    std::string requirement;      ///< requirement_text(): "≥ 50亿元"
    std::optional<quantity> value;
    govplan::commitment commitment = govplan::commitment::expected;
    friend bool operator==(const metric_row&, const metric_row&) = default;
};

/// Every target whose metric is `metric` (exact match) in each plan, plans
/// in the order given, targets in document order.
[[nodiscard]] std::vector<metric_row> line_up(const std::vector<const plan*>& plans, std::string_view metric);

/// How one target differs between two plans. Targets are matched by metric,
/// qualifier and kind (in document order when a plan repeats them).
struct target_change {
    std::string metric;
    std::string qualifier;
    std::string before;  ///< requirement text in the old plan ("" when added)
    std::string after;   ///< requirement text in the new plan ("" when dropped)
    std::string before_id;
    std::string after_id;
    friend bool operator==(const target_change&, const target_change&) = default;
};

struct plan_diff {
    std::vector<target_change> added;
    std::vector<target_change> dropped;
    std::vector<target_change> raised;   ///< the stated number went up (same unit family)
    std::vector<target_change> lowered;  ///< the stated number went down
    std::vector<target_change> changed;  ///< same number, other comparator, unit, trend or commitment
    [[nodiscard]] bool empty() const noexcept
    {
        return added.empty() && dropped.empty() && raised.empty() && lowered.empty() && changed.empty();
    }
    friend bool operator==(const plan_diff&, const plan_diff&) = default;
};

[[nodiscard]] plan_diff diff(const plan& before, const plan& after);

GOVPLAN_END_NAMESPACE

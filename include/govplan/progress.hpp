// govplan — progress: where each target stands on a date, given observations.
//
// How status is decided (docs/aggregation.md has the worked example):
// - The latest observation dated on or before the as-of date counts,
//   converted exactly into the target's unit.
// - Accrual: a yearly amount or count with a floor (以上, 突破, a bare
//   number, 左右, a range) is expected to accrue in proportion to the days
//   elapsed between the start of the plan period and the deadline (default:
//   the period's end). Met once the observed value satisfies the comparator;
//   otherwise the pace observed ÷ expected decides: ≥ on_track → on_track,
//   ≥ at_risk → at_risk, else behind; past the deadline, behind.
// - Ceiling: an amount or count "at most" (以内, 不超过) is met by staying
//   low: behind once breached, met at the deadline if never breached, before
//   it on_track while at or under the pro-rata allowance, else at_risk.
// - Level: levels, shares, rates, pp changes, per-capita, yearly-average and
//   cumulative targets are judged at the deadline against the latest value:
//   met if it satisfies the comparator then, behind if not; before the
//   deadline on_track if it satisfies it now, else by the ratio of the value
//   to the target (the same thresholds). "At most" levels are satisfied by
//   staying at or under the value.
// - Direction: the latest value against the baseline (or, without one, the
//   earliest observation): moved the right way → on_track (met at the
//   deadline), unchanged → at_risk, the wrong way → behind.
// - Qualitative: qualitative and grade targets, and targets compared with
//   nothing (within, none) or with a named reference alone, are observed as
//   met (value 1) or not (value 0): met; not met is at_risk before the
//   deadline and behind from it.
// - Milestones: an accrual target with milestones expects, at a date, the
//   value on the line through (period start, 0), each milestone and
//   (deadline, value), instead of the straight pro-rata line.
// - A pp change observed as levels (in %) is the latest level minus the
//   baseline; a change observed in 个百分点 is signed as numbers are (a fall
//   of 0.6 points is -0.6). With trend decrease the change is counted
//   downwards, so a fall of 0.6 meets 下降0.5个百分点以上.
// - No observation on or before the as-of date, or one in a unit that does
//   not convert: no_data.
#pragma once

#include <govplan/config.hpp>

#include <govplan/dates.hpp>
#include <govplan/decimal.hpp>
#include <govplan/plan.hpp>
#include <govplan/unit.hpp>

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

enum class progress_status { met, on_track, at_risk, behind, no_data };
BOOST_DESCRIBE_ENUM(progress_status, met, on_track, at_risk, behind, no_data)

/// How a target was judged.
enum class progress_basis { accrual, ceiling, level, direction, qualitative };
BOOST_DESCRIBE_ENUM(progress_basis, accrual, ceiling, level, direction, qualitative)

/// Boundaries between statuses; the defaults are documented in
/// docs/aggregation.md.
struct progress_thresholds {
    decimal on_track{95, 2};         ///< pace or ratio ≥ 0.95: on track
    decimal at_risk{80, 2};          ///< ≥ 0.80: at risk; below: behind
    decimal about_tolerance{5, 2};   ///< 左右 targets count as reached within ±5%
};

struct target_progress {
    std::string target_id;
    std::string metric;
    element_position position;
    govplan::commitment commitment = govplan::commitment::expected;
    progress_basis basis = progress_basis::level;
    progress_status status = progress_status::no_data;
    /// The review label: 提前实现 (met before the deadline), 已实现 (met),
    /// 快于预期 (on track at or above pace), 符合预期 (on track), 滞后预期
    /// (at risk, or behind before the deadline), 未实现 (behind at the
    /// deadline), 暂无数据 (no data).
    std::string label;
    std::optional<date> observed_on;
    std::optional<quantity> observed;   ///< in the target's unit
    std::optional<decimal> expected;    ///< accrual and ceiling: the pro-rata value by the as-of date
    std::optional<decimal> attainment;  ///< observed ÷ stated value, 4 decimals
    std::string note;                   ///< why there is no data, and similar
    friend bool operator==(const target_progress&, const target_progress&) = default;
};

/// Every target of the plan, in document order.
[[nodiscard]] std::vector<target_progress> evaluate_progress(const plan& p, date as_of,
                                                             const progress_thresholds& thresholds = {});

/// One target, given the plan period.
[[nodiscard]] target_progress evaluate_progress(const target& t, const date_period& period, date as_of,
                                                const progress_thresholds& thresholds = {});

/// Counts per status for a focus area (key: its ordinal) or the whole plan
/// (key: "plan"), binding targets also apart.
/// How many statuses there are: the size of the counts indexed by one.
inline constexpr std::size_t progress_status_count =
    boost::mp11::mp_size<boost::describe::describe_enumerators<progress_status>>::value;

struct progress_rollup {
    std::string key;
    std::size_t targets = 0;
    std::array<std::size_t, progress_status_count> by_status{};  ///< indexed by progress_status: read with count()
    std::size_t binding_targets = 0;
    std::array<std::size_t, progress_status_count> binding_by_status{};  ///< read with binding_count()
    decimal share_met;          ///< met ÷ targets, 4 decimals (0 when no targets)
    decimal binding_share_met;  ///< met ÷ binding targets, 4 decimals

    /// The targets with status `s`; std::out_of_range for a value that is no progress_status.
    [[nodiscard]] std::size_t count(progress_status s) const { return by_status.at(static_cast<std::size_t>(s)); }
    /// The binding targets with status `s`.
    [[nodiscard]] std::size_t binding_count(progress_status s) const
    {
        return binding_by_status.at(static_cast<std::size_t>(s));
    }
    friend bool operator==(const progress_rollup&, const progress_rollup&) = default;
};

/// One rollup per focus area (in order), then one for the plan.
[[nodiscard]] std::vector<progress_rollup> rollup_progress(const plan& p, const std::vector<target_progress>& progress);

GOVPLAN_END_NAMESPACE

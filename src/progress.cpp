#include <govplan/progress.hpp>

#include <algorithm>

GOVPLAN_BEGIN_NAMESPACE
namespace {

const decimal one = decimal::from_integer(1);

progress_basis basis_of(const target& t)
{
    if (met_or_not(t)) return progress_basis::qualitative;
    if (t.comparator == comparator::direction || t.kind == target_kind::direction) return progress_basis::direction;
    const bool flow = (t.kind == target_kind::amount || t.kind == target_kind::count) && !t.per_capita &&
                      !t.yearly_average && !t.cumulative;
    if (!flow) return progress_basis::level;
    if (t.comparator == comparator::at_most || t.comparator == comparator::less_than) return progress_basis::ceiling;
    return progress_basis::accrual;
}

/// The number a floor-type comparison is measured against.
std::optional<decimal> floor_value(const target& t)
{
    if (t.comparator == comparator::range) return t.low;
    return t.value;
}

/// True when `v` satisfies the target's comparator (meets_bound). "Exactly"
/// counts as reached once the value is reached; "about" within the tolerance
/// below it; a range includes both ends.
bool satisfies(const target& t, const decimal& v, const progress_thresholds& th)
{
    switch (t.comparator) {
    case comparator::at_least:
    case comparator::more_than:
    case comparator::at_most:
    case comparator::less_than: return t.value && meets_bound(t.comparator, v, *t.value);
    case comparator::exactly:
        // 清零: an attainment of 0 is met by staying at (or under) zero.
        if (t.kind == target_kind::attainment && t.value && t.value->is_zero()) {
            return meets_bound(comparator::at_most, v, *t.value);
        }
        return t.value && meets_bound(comparator::at_least, v, *t.value);
    case comparator::about: {
        if (!t.value) return false;
        auto slack = decimal::multiply(*t.value, th.about_tolerance);
        auto lowest = slack ? decimal::subtract(*t.value, *slack) : result<decimal>(*t.value);
        return lowest && meets_bound(comparator::at_least, v, *lowest);
    }
    case comparator::range:
        return t.low && t.high && meets_bound(comparator::at_least, v, *t.low) &&
               meets_bound(comparator::at_most, v, *t.high);
    case comparator::direction:
    case comparator::within:
    case comparator::none: return false;
    }
    return false;
}

std::optional<decimal> ratio(const decimal& a, const decimal& b)
{
    if (b.is_zero()) return std::nullopt;
    auto r = decimal::divide(a, b, 4);
    return r ? std::optional<decimal>(*r) : std::nullopt;
}

progress_status by_thresholds(const std::optional<decimal>& r, const progress_thresholds& th)
{
    if (!r) return progress_status::behind;
    if (*r >= th.on_track) return progress_status::on_track;
    if (*r >= th.at_risk) return progress_status::at_risk;
    return progress_status::behind;
}

/// value × days elapsed ÷ days from the period start to the deadline (both
/// ends counted), to two more digits than the value has.
std::optional<decimal> pro_rata(const decimal& value, const date_period& period, const date& deadline, const date& as_of)
{
    const date start = period.begin();
    const long total = (deadline - start).days() + 1;
    const long elapsed = as_of < start ? 0 : (std::min(as_of, deadline) - start).days() + 1;
    auto share = decimal::multiply(value, decimal::from_integer(elapsed));
    if (!share) return std::nullopt;
    auto out = decimal::divide(*share, decimal::from_integer(total > 0 ? total : 1), value.scale() + 2);
    return out ? std::optional<decimal>(*out) : std::nullopt;
}

/// The expected value at `as_of` on the line through (period start, 0), each
/// milestone (date order, inside the period start..deadline) and
/// (deadline, value); without milestones this is pro_rata().
std::optional<decimal> expected_at(const target& t, const decimal& value, const date_period& period,
                                   const date& deadline, const date& as_of)
{
    struct point {
        date when;
        decimal value;
    };
    std::vector<point> line{{period.begin() - boost::gregorian::days(1), decimal(0, 0)}};
    std::vector<const milestone*> ms;
    for (const auto& m : t.milestones)
        if (!m.date.is_special() && m.date >= period.begin() && m.date < deadline) ms.push_back(&m);
    if (ms.empty()) return pro_rata(value, period, deadline, as_of);
    std::stable_sort(ms.begin(), ms.end(), [](const milestone* a, const milestone* b) { return a->date < b->date; });
    for (const milestone* m : ms) line.push_back({m->date, m->value});
    line.push_back({deadline, value});
    if (as_of < period.begin()) return decimal(0, value.scale());
    for (std::size_t i = 1; i < line.size(); ++i) {
        if (as_of > line[i].when) continue;
        const auto& a = line[i - 1];
        const auto& b = line[i];
        // a.value + (b.value − a.value) × (as_of − a.when) ÷ (b.when − a.when)
        auto rise = decimal::subtract(b.value, a.value);
        if (!rise) return std::nullopt;
        const long span = (b.when - a.when).days();
        const long done = (as_of - a.when).days();
        auto part = decimal::multiply(*rise, decimal::from_integer(done));
        if (!part) return std::nullopt;
        const int digits = std::max(a.value.scale(), b.value.scale()) + 2;
        auto step = decimal::divide(*part, decimal::from_integer(span > 0 ? span : 1), digits);
        if (!step) return std::nullopt;
        auto out = decimal::add(a.value, *step);
        return out ? std::optional<decimal>(*out) : std::nullopt;
    }
    return value;
}

std::string label_for(progress_status s, bool before_deadline, bool at_or_above_pace)
{
    switch (s) {
    case progress_status::met: return before_deadline ? "提前实现" : "已实现";
    case progress_status::on_track: return at_or_above_pace ? "快于预期" : "符合预期";
    case progress_status::at_risk: return "滞后预期";
    case progress_status::behind: return before_deadline ? "滞后预期" : "未实现";
    case progress_status::no_data: return "暂无数据";
    }
    return "";
}

/// What the rule of a basis decides about an observed value.
struct verdict {
    verdict() = default;
    verdict(progress_status s, bool above = false, const char* why = nullptr)  // NOLINT: implicit, {status} reads well
        : status(s), above_pace(above), note(why)
    {
    }
    progress_status status = progress_status::no_data;
    bool above_pace = false;           ///< at or above the expected pace (快于预期)
    const char* note = nullptr;        ///< why, when the status needs a word
    std::optional<decimal> expected;   ///< the value expected by the as-of date, when there is one
};

/// The dates a target is judged on.
struct moment {
    const date_period& period;
    date deadline;
    date as_of;
    bool before_deadline;
};

verdict no_data(const char* why) { return {progress_status::no_data, false, why}; }

/// A value built up over the period (an amount, a count, a rise): met once
/// the target holds, else compared with the pro rata share by the as-of date.
verdict judge_accrual(const target& t, const decimal& v, const moment& when, const progress_thresholds& th)
{
    const auto stated = floor_value(t);
    if (!stated) return no_data("the target states no value");
    if (satisfies(t, v, th) || (t.comparator == comparator::range && meets_bound(comparator::at_least, v, *t.low)))
        return {progress_status::met};
    if (!when.before_deadline) return {progress_status::behind};
    verdict out;
    out.expected = expected_at(t, *stated, when.period, when.deadline, when.as_of);
    if (!out.expected) return no_data("the expected value needs more than 18 digits");
    const auto pace = !out.expected->is_zero() ? ratio(v, *out.expected) : std::optional<decimal>(one);
    out.above_pace = pace && *pace >= one;
    out.status = by_thresholds(pace, th);
    return out;
}

/// A ceiling used up over the period (at most N): behind once over it, else
/// compared with the allowance pro rata by the as-of date.
verdict judge_ceiling(const target& t, const decimal& v, const moment& when, const progress_thresholds& th)
{
    if (!t.value) return no_data("the target states no value");
    if (!satisfies(t, v, th)) return {progress_status::behind, false, "over the ceiling"};
    if (!when.before_deadline) return {progress_status::met};
    verdict out;
    out.expected = pro_rata(*t.value, when.period, when.deadline, when.as_of);
    if (!out.expected) return no_data("the allowance needs more than 18 digits");
    out.status = meets_bound(comparator::at_most, v, *out.expected) ? progress_status::on_track : progress_status::at_risk;
    return out;
}

/// A level held at any moment (a rate, a share): judged by how close it is.
verdict judge_level(const target& t, const decimal& v, bool before_deadline, const progress_thresholds& th)
{
    const bool ok = satisfies(t, v, th);
    if (!before_deadline) return {ok ? progress_status::met : progress_status::behind};
    if (ok) return {progress_status::on_track, true};
    std::optional<decimal> closeness;
    if (t.comparator == comparator::at_most || t.comparator == comparator::less_than) {
        if (t.value && v.coefficient() > 0) closeness = ratio(*t.value, v);
    } else if (t.comparator == comparator::range && t.high && v > *t.high) {
        if (v.coefficient() > 0) closeness = ratio(*t.high, v);
    } else if (auto stated = floor_value(t); stated && !stated->is_negative() && !v.is_negative()) {
        closeness = ratio(v, *stated);
    }
    return {by_thresholds(closeness, th)};
}

/// A direction (提高, 下降, 稳定): the value against the baseline, or against
/// the first observation when there is no baseline.
verdict judge_direction(const target& t, const decimal& v, const unit& observed_unit,
                        const std::vector<const observation*>& seen, bool before_deadline)
{
    std::optional<decimal> reference;
    if (t.baseline && t.baseline->value) {
        if (auto b = convert(*t.baseline->value, observed_unit)) reference = b->value;
    }
    if (!reference && seen.size() >= 2) {
        if (auto first = convert(seen.front()->value, observed_unit)) reference = first->value;
    }
    if (!reference || !t.trend) return no_data("a direction needs a baseline or two observations");
    const progress_status reached = before_deadline ? progress_status::on_track : progress_status::met;
    if (*t.trend == trend::stable) {
        // Held: not lower than where it started.
        if (v < *reference) return {progress_status::behind};
        return {reached, true};
    }
    const bool right_way = *t.trend == trend::increase ? v > *reference : v < *reference;
    if (v == *reference) return {progress_status::at_risk, right_way};
    if (!right_way) return {progress_status::behind};
    return {reached, true};
}

/// Met (observed as 1) or not (0).
verdict judge_qualitative(const decimal& v, bool before_deadline)
{
    if (!v.is_zero()) return {progress_status::met};
    return {before_deadline ? progress_status::at_risk : progress_status::behind, false, "not met"};
}

/// The observed quantity `q` in the target's unit, written to `observed`, and
/// the number judged, written to `value` (negated for a decrease, so that
/// more is better); a pp change observed as the level it changes (in %)
/// becomes the change from the baseline level. Says why when it cannot be.
std::optional<std::string> read_observation(const target& t, const quantity& q, progress_basis basis,
                                            std::optional<quantity>& observed, decimal& value)
{
    if (basis == progress_basis::qualitative) {  // met (1) or not (0)
        observed = q;
        value = q.value;
        return std::nullopt;
    }
    if (t.kind == target_kind::pp_change && q.unit.dimension() == dimension::percent) {
        if (!t.baseline || !t.baseline->value || t.baseline->value->unit.dimension() != dimension::percent)
            return "a pp change observed as a level needs a baseline level in %";
        auto change = decimal::subtract(q.value, t.baseline->value->value);
        if (!change) return "the change from the baseline level needs more than 18 digits";
        value = *change;
        observed = quantity{value, t.unit};
    } else if (t.unit.empty()) {
        observed = q;
        value = q.value;
    } else {
        auto converted = convert(q, t.unit);
        if (!converted) return conversion_error(converted.error(), q, t.unit).message;
        value = converted->value;
        observed = std::move(*converted);
    }
    if (t.kind == target_kind::pp_change && t.trend == trend::decrease) value = -value;
    return std::nullopt;
}

}  // namespace

target_progress evaluate_progress(const target& t, const date_period& period, date as_of,
                                  const progress_thresholds& th)
{
    target_progress out;
    out.target_id = t.id;
    out.metric = t.metric;
    out.commitment = t.commitment;
    out.basis = basis_of(t);
    const date deadline = t.deadline.value_or(period.last());
    const bool before_deadline = !deadline.is_special() && as_of < deadline;
    // Pro rata and deadlines need calendar dates: a plan loaded with a null
    // period (or a target with a null deadline) is judged on nothing.
    if (!is_valid(period) || deadline.is_special() || as_of.is_special()) {
        out.status = progress_status::no_data;
        out.label = label_for(out.status, false, false);
        out.note = "the plan period, the deadline or the as-of date is not a calendar date";
        return out;
    }

    // Observations up to the as-of date, in date order (stable for ties).
    std::vector<const observation*> seen;
    for (const auto& o : t.observations)
        if (!o.date.is_special() && o.date <= as_of) seen.push_back(&o);
    std::stable_sort(seen.begin(), seen.end(),
                     [](const observation* a, const observation* b) { return a->date < b->date; });
    if (seen.empty()) {
        out.status = progress_status::no_data;
        out.label = label_for(out.status, before_deadline, false);
        out.note = t.observations.empty() ? "no observations" : "no observation on or before the as-of date";
        return out;
    }
    const observation& latest = *seen.back();
    decimal v;
    if (const auto problem = read_observation(t, latest.value, out.basis, out.observed, v)) {
        out.status = progress_status::no_data;
        out.label = label_for(out.status, before_deadline, false);
        out.note = "observation on " + to_iso_string(latest.date) + ": " + *problem;
        return out;
    }
    out.observed_on = latest.date;
    if (auto stated = floor_value(t);
        stated && out.basis != progress_basis::direction && out.basis != progress_basis::qualitative) {
        out.attainment = ratio(v, *stated);
    }

    verdict judged;
    const moment when{period, deadline, as_of, before_deadline};
    switch (out.basis) {
    case progress_basis::accrual: judged = judge_accrual(t, v, when, th); break;
    case progress_basis::ceiling: judged = judge_ceiling(t, v, when, th); break;
    case progress_basis::level: judged = judge_level(t, v, before_deadline, th); break;
    case progress_basis::direction: {
        // the unit the observation was read in: a pp change observed as a level keeps its %
        const bool level_of_pp_change =
            t.kind == target_kind::pp_change && latest.value.unit.dimension() == dimension::percent;
        judged = judge_direction(t, v, level_of_pp_change ? latest.value.unit : out.observed->unit, seen, before_deadline);
        break;
    }
    case progress_basis::qualitative: judged = judge_qualitative(v, before_deadline); break;
    }
    out.status = judged.status;
    out.expected = judged.expected;
    if (judged.note != nullptr) out.note = judged.note;
    out.label = label_for(out.status, before_deadline, judged.above_pace);
    return out;
}

std::vector<target_progress> evaluate_progress(const plan& p, date as_of, const progress_thresholds& thresholds)
{
    std::vector<target_progress> out;
    out.reserve(target_count(p));
    for (auto [t, at] : each_target(p)) {
        out.push_back(evaluate_progress(t, p.period, as_of, thresholds));
        out.back().position = at;
    }
    return out;
}

std::vector<progress_rollup> rollup_progress(const plan& p, const std::vector<target_progress>& progress)
{
    std::vector<progress_rollup> out(p.focus_areas.size() + 1);
    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) out[f].key = std::to_string(p.focus_areas[f].ordinal);
    out.back().key = "plan";
    for (const auto& tp : progress) {
        const auto s = static_cast<std::size_t>(tp.status);
        for (progress_rollup* r : {&out.back(), tp.position.focus_area < p.focus_areas.size()
                                                    ? &out[tp.position.focus_area]
                                                    : static_cast<progress_rollup*>(nullptr)}) {
            if (r == nullptr) continue;
            ++r->targets;
            ++r->by_status.at(s);
            if (tp.commitment == commitment::binding) {
                ++r->binding_targets;
                ++r->binding_by_status.at(s);
            }
        }
    }
    for (auto& r : out) {
        auto share = [](std::size_t n, std::size_t of) {
            return of == 0 ? decimal(0, 4)
                           : decimal::divide(decimal::from_integer(static_cast<std::int64_t>(n)),
                                             decimal::from_integer(static_cast<std::int64_t>(of)), 4)
                                 .value();
        };
        r.share_met = share(r.count(progress_status::met), r.targets);
        r.binding_share_met = share(r.binding_count(progress_status::met), r.binding_targets);
    }
    return out;
}

GOVPLAN_END_NAMESPACE

#include "corpus.hpp"

#include <govplan/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace govplan::bench {
namespace {

/// True when v of unit `u` is a whole number of its base (2.2万 of 万单 is;
/// 3.3 of 家 is not): what validation asks of a count.
bool whole_in_base(const decimal& v, const unit& u)
{
    const auto in_base = decimal::multiply(v, decimal::from_integer(u.scale().numerator))
                             .and_then([&](decimal x) { return decimal::divide_exact(x, decimal::from_integer(u.scale().denominator)); });
    return in_base && in_base->is_integer();
}

/// A stated number of target `t` scaled by 1.0, 1.1, … 1.9 depending on the
/// plan, exactly, and kept valid: a count stays whole (rounded, else the
/// template's number), a share or reduction stays at most 100%, an implied
/// full attainment (100%, 0) is not scaled.
decimal vary(const decimal& d, std::size_t i, const target& t)
{
    if (t.kind == target_kind::attainment) return d;
    const decimal factor(static_cast<std::int64_t>(10 + i % 10), 1);
    auto scaled = decimal::multiply(d, factor);
    if (!scaled) return d;
    const bool percent_share = (t.kind == target_kind::share || t.kind == target_kind::reduction_rate) &&
                               t.unit.dimension() == dimension::percent;
    if (percent_share && *scaled > decimal::from_integer(100)) return d;
    if (t.unit.dimension() == dimension::count && t.unit.per().empty() && !whole_in_base(*scaled, t.unit)) {
        const auto rounded = decimal::divide(*scaled, decimal::from_integer(1), 0);
        return rounded && whole_in_base(*rounded, t.unit) ? *rounded : d;
    }
    return *scaled;
}

/// Targets made invalid by make_plan_with_errors: a count stated in %
/// (target.unit.incompatible), one error each; only targets without
/// observations and outside any 其中 relation, so that no second error
/// follows from the first.
void break_targets(plan& p, std::size_t errors)
{
    const unit percent = unit_registry::standard().find("%").value();
    std::vector<const std::string*> parents;
    for (auto [t, at] : each_target(p)) {
        if (!t.parent_id.empty()) parents.push_back(&*t.parent_id);
    }
    auto is_parent = [&](const std::string& id) {
        return std::any_of(parents.begin(), parents.end(), [&](const std::string* s) { return *s == id; });
    };
    for (auto [t, at] : each_target(p)) {
        if (errors == 0) return;
        if (t.kind == target_kind::count && t.observations.empty() && t.parent_id.empty() && !is_parent(t.id)) {
            t.unit = percent;
            --errors;
        }
    }
    if (errors > 0) throw std::invalid_argument("make_plan_with_errors: not enough count targets to break");
}

}  // namespace

const plan& template_plan()
{
    static const plan p = load_json(GOVPLAN_BUNDLED_PLAN).value();
    return p;
}

plan make_plan(std::size_t i)
{
    plan p = template_plan();
    p.id = fmt::format("county-{:04}-2025", i);
    p.jurisdiction.district = fmt::format("第{}县", i);
    p.title = fmt::format("第{}县2025年重点工作安排", i);
    std::size_t n = 0;
    auto touch = [&](target& t) {
        auto vary_one = [&](auto& v) {
            if (v) *v = vary(*v, i, t);
        };
        vary_one(t.value), vary_one(t.low), vary_one(t.high), vary_one(t.stretch);
        if (n++ % 5 == 0 && t.value && !t.unit.empty()) {
            t.observations.push_back({date(2025, 6, 30), {decimal::multiply(*t.value, decimal(5, 1)).value_or(*t.value), t.unit},
                                      "synthetic", "benchmark"});
        }
    };
    for (auto& area : p.focus_areas) {
        for (auto& t : area.targets) touch(t);
        for (auto& m : area.measures)
            for (auto& t : m.targets) touch(t);
    }
    return p;
}

plan make_plan_with_errors(std::size_t i, std::size_t errors)
{
    plan p = make_plan(i);
    break_targets(p, errors);
    return p;
}

std::vector<std::string> make_json_corpus(std::size_t n)
{
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(plan_to_json(make_plan(i)));
    return out;
}

}  // namespace govplan::bench

#include <govplan/aggregation.hpp>
#include <govplan/codes.hpp>

#include "int128.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace govplan {
namespace {

using detail::int128;

std::string describe(const quantity& q)
{
    std::string family = std::string(to_code(q.unit.dimension));
    if (q.unit.dimension == dimension::money) family += ", " + std::string(q.unit.currency());
    else if (q.unit.dimension == dimension::count) family += " of " + q.unit.base;
    return to_string(q) + " (" + family + ")";
}

/// True when a is a larger unit than b (compares num/den exactly).
bool larger(const unit& a, const unit& b)
{
    return int128(a.scale.numerator) * b.scale.denominator > int128(b.scale.numerator) * a.scale.denominator;
}

/// The unit every value converts into exactly: `preferred` when it works,
/// else the largest such unit among the values' own units.
result<unit> common_unit(const std::vector<quantity>& values, const unit* preferred)
{
    auto all_exact = [&](const unit& u) {
        return std::all_of(values.begin(), values.end(), [&](const quantity& q) { return convert(q, u).has_value(); });
    };
    if (preferred != nullptr && all_exact(*preferred)) return *preferred;
    std::vector<unit> candidates;
    for (const auto& q : values)
        if (std::find(candidates.begin(), candidates.end(), q.unit) == candidates.end()) candidates.push_back(q.unit);
    std::stable_sort(candidates.begin(), candidates.end(), larger);
    for (const auto& u : candidates)
        if (all_exact(u)) return u;
    return error(errc::inexact_conversion, "no unit holds all of these values exactly");
}

bool additive(const target& t)
{
    const bool kind_adds = t.kind == target_kind::amount || t.kind == target_kind::count;
    const bool floor_or_exact = t.comparator == comparator::at_least || t.comparator == comparator::more_than ||
                                t.comparator == comparator::exactly || t.comparator == comparator::about;
    return kind_adds && floor_or_exact && !t.per_capita && !t.yearly_average && t.value.has_value();
}

/// The stated numbers of a target (value, or both ends of a range).
std::vector<decimal> stated_values(const target& t)
{
    std::vector<decimal> out;
    if (t.value) out.push_back(*t.value);
    if (t.comparator == comparator::range) {
        if (t.low) out.push_back(*t.low);
        if (t.high) out.push_back(*t.high);
    }
    return out;
}

std::string family_key(const unit& u) { return std::string(to_code(u.dimension)) + "\x1f" + u.base; }

struct family_values {
    std::size_t targets = 0;
    std::vector<quantity> all;
    std::vector<quantity> summed;
};

struct group_state {
    target_group group;
    std::vector<std::string> family_order;
    std::map<std::string, family_values> families;
};

/// The projects linked to a target, either way.
std::vector<const project*> linked_projects(const plan& p, const target& t)
{
    std::vector<const project*> out;
    for_each_project(p, [&](const project& pr, const element_position&) {
        const bool listed = std::find(t.project_ids.begin(), t.project_ids.end(), pr.id) != t.project_ids.end();
        if (listed || (!t.id.empty() && pr.target_id == t.id)) out.push_back(&pr);
    });
    return out;
}

std::vector<std::string> keys_for(const target_view& v, group_by key)
{
    const target& t = v.item;
    switch (key) {
    case group_by::focus_area: return {std::to_string(v.owner.focus_areas[v.position.focus_area].ordinal)};
    case group_by::measure:
        return {v.position.in_lead() ? v.owner.focus_areas[v.position.focus_area].title
                                     : v.owner.focus_areas[v.position.focus_area].measures[v.position.measure].lead};
    case group_by::kind: return {std::string(to_code(t.kind))};
    case group_by::comparator: return {std::string(to_code(t.comparator))};
    case group_by::commitment: return {std::string(to_code(t.commitment))};
    case group_by::dimension: {
        if (t.unit.empty()) return {"none"};
        std::string k(to_code(t.unit.dimension));
        if (t.unit.dimension == dimension::money || t.unit.dimension == dimension::count) k += " " + t.unit.base;
        return {k};
    }
    case group_by::unit: return {t.unit.empty() ? std::string("none") : t.unit.symbol};
    case group_by::category:
    case group_by::stage: {
        std::vector<std::string> out;
        for (const project* pr : linked_projects(v.owner, t)) {
            std::string k = key == group_by::stage ? std::string(to_code(pr->stage))
                                                   : (pr->category.empty() ? std::string("none") : pr->category);
            if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
        }
        if (out.empty()) out.push_back("none");
        return out;
    }
    }
    return {"none"};
}

result<std::vector<target_group>> aggregate(
    const std::vector<const plan*>& plans,
    const std::function<std::vector<std::string>(const target_view&)>& keys, const aggregation_options& options)
{
    std::vector<std::string> order;
    std::map<std::string, group_state> groups;
    for (const plan* p : plans) {
        if (p == nullptr) throw std::invalid_argument("govplan::aggregate_targets: null plan");
        for_each_target(*p, [&](const target& t, const element_position& at) {
            for (const auto& k : keys(target_view{*p, t, at})) {
                auto [it, inserted] = groups.try_emplace(k);
                if (inserted) {
                    order.push_back(k);
                    it->second.group.key = k;
                }
                group_state& g = it->second;
                ++g.group.targets;
                switch (t.commitment) {
                case commitment::binding: ++g.group.binding; break;
                case commitment::expected: ++g.group.expected; break;
                case commitment::aspirational: ++g.group.aspirational; break;
                }
                if (t.unit.empty()) continue;
                const auto values = stated_values(t);
                if (values.empty()) continue;
                const std::string fk = family_key(t.unit);
                auto [fit, fresh] = g.families.try_emplace(fk);
                if (fresh) g.family_order.push_back(fk);
                // A range counts once; both its ends bound min and max.
                ++fit->second.targets;
                for (const auto& v : values) fit->second.all.push_back({v, t.unit});
                if (additive(t)) fit->second.summed.push_back({*t.value, t.unit});
            }
        });
    }

    std::vector<target_group> out;
    for (const auto& k : order) {
        group_state& g = groups.at(k);
        std::vector<family_total> additive_totals, other_totals;
        for (const auto& fk : g.family_order) {
            const family_values& fv = g.families.at(fk);
            const unit* preferred = nullptr;
            for (const auto& u : options.preferred_units)
                if (convertible(u, fv.all.front().unit)) preferred = &u;
            auto u = common_unit(fv.all, preferred);
            if (!u) return u.error();
            family_total ft;
            ft.dimension = u->dimension;
            ft.base = u->base;
            ft.unit = *u;
            bool first = true;
            for (const auto& q : fv.all) {
                const decimal v = convert(q, *u)->value;
                if (first || v < ft.min) ft.min = v;
                if (first || v > ft.max) ft.max = v;
                first = false;
            }
            ft.count = fv.targets;
            ft.summed = fv.summed.size();
            if (!fv.summed.empty()) {
                auto total = sum(fv.summed, &*u);
                if (!total) return total.error();
                ft.sum = total->value;
            }
            (ft.sum ? additive_totals : other_totals).push_back(std::move(ft));
        }
        g.group.totals = std::move(additive_totals);
        g.group.totals.insert(g.group.totals.end(), other_totals.begin(), other_totals.end());
        out.push_back(std::move(g.group));
    }
    return out;
}

}  // namespace

result<quantity> sum(const std::vector<quantity>& values, const unit* in)
{
    if (values.empty()) return error(errc::invalid_value, "nothing to sum");
    for (const auto& q : values) {
        if (!convertible(q.unit, values.front().unit)) {
            return error(errc::incompatible_units,
                         "cannot add " + describe(q) + " to " + describe(values.front()) + ": different units");
        }
    }
    if (in != nullptr && !convertible(*in, values.front().unit)) {
        return error(errc::incompatible_units,
                     "cannot express " + describe(values.front()) + " in " + in->symbol + ": different units");
    }
    auto u = in != nullptr ? result<unit>(*in) : common_unit(values, nullptr);
    if (!u) return u.error();
    decimal total;
    for (const auto& q : values) {
        auto converted = convert(q, *u);
        if (!converted) return converted.error();
        auto next = decimal::add(total, converted->value);
        if (!next) return next.error();
        total = *next;
    }
    // A computed total: no trailing fractional zeros (433.5, not 433.50).
    return quantity{total.normalized(), *u};
}

result<std::vector<target_group>> aggregate_targets(const std::vector<const plan*>& plans, group_by key,
                                                    const aggregation_options& options)
{
    return aggregate(plans, [key](const target_view& v) { return keys_for(v, key); }, options);
}

result<std::vector<target_group>> aggregate_targets(const plan& p, group_by key, const aggregation_options& options)
{
    return aggregate_targets(std::vector<const plan*>{&p}, key, options);
}

result<std::vector<target_group>> aggregate_targets(
    const std::vector<const plan*>& plans, const std::function<std::optional<std::string>(const target_view&)>& key,
    const aggregation_options& options)
{
    return aggregate(
        plans,
        [&key](const target_view& v) {
            auto k = key(v);
            return k ? std::vector<std::string>{*k} : std::vector<std::string>{};
        },
        options);
}

project_counts count_projects(const plan& p)
{
    project_counts out;
    for (auto s : all_values<project_stage>()) out.by_stage.emplace_back(s, 0);
    for_each_project(p, [&](const project& pr, const element_position&) {
        ++out.total;
        for (auto& [stage, n] : out.by_stage)
            if (stage == pr.stage) ++n;
        auto it = std::find_if(out.by_category.begin(), out.by_category.end(),
                               [&](const auto& c) { return c.first == pr.category; });
        if (it == out.by_category.end()) out.by_category.emplace_back(pr.category, 1);
        else ++it->second;
    });
    return out;
}

std::vector<declared_named> declared_versus_named(const plan& p)
{
    std::vector<declared_named> out;
    for_each_target(p, [&](const target& t, const element_position&) {
        if (t.unit.empty() || t.unit.dimension != dimension::count || !t.value) return;
        std::set<std::string> names;
        for (const project* pr : linked_projects(p, t)) names.insert(pr->id);
        if (names.empty()) return;
        out.push_back({t.id, t.metric, quantity{*t.value, t.unit}, names.size()});
    });
    return out;
}

}  // namespace govplan

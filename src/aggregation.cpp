#include <govplan/aggregation.hpp>
#include <govplan/plan_index.hpp>
#include <govplan/codes.hpp>

#include "int128.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

GOVPLAN_BEGIN_NAMESPACE
namespace {

using detail::int128;

std::string describe(const quantity& q)
{
    std::string family = std::string(to_code(q.unit.dimension()));
    if (q.unit.dimension() == dimension::money) family += ", " + std::string(q.unit.currency());
    else if (q.unit.dimension() == dimension::count) family += " of " + q.unit.base();
    return to_string(q) + " (" + family + ")";
}

/// True when a is a larger unit than b (compares num/den exactly).
bool larger(const unit& a, const unit& b)
{
    return int128(a.scale().numerator) * b.scale().denominator > int128(b.scale().numerator) * a.scale().denominator;
}

/// The largest of the values' own units that every value converts into exactly.
result<unit> common_unit(const std::vector<quantity>& values)
{
    auto all_exact = [&](const unit& u) {
        return std::all_of(values.begin(), values.end(), [&](const quantity& q) { return convert(q, u).has_value(); });
    };
    std::vector<unit> candidates;
    for (const auto& q : values)
        if (std::find(candidates.begin(), candidates.end(), q.unit) == candidates.end()) candidates.push_back(q.unit);
    std::stable_sort(candidates.begin(), candidates.end(), larger);
    for (const auto& u : candidates)
        if (all_exact(u)) return u;
    return error(errc::inexact_conversion, "no unit holds all of these values exactly");
}

/// Only flows add up (an amount added this year, a number of things), never
/// a stock held, a rate (人/万人) or a 其中 part of another target, which its
/// parent already counts.
bool additive(const target& t)
{
    const bool kind_adds = t.kind == target_kind::amount || t.kind == target_kind::count;
    const bool floor_or_exact = t.comparator == comparator::at_least || t.comparator == comparator::more_than ||
                                t.comparator == comparator::exactly || t.comparator == comparator::about;
    return kind_adds && floor_or_exact && !t.per_capita && !t.yearly_average && t.value.has_value() &&
           accumulation_of(t) == accumulation::flow && t.parent_id.empty() && t.unit.per().empty();
}

/// The stated numbers of a target (value, or both ends of a range), without
/// allocating: at most two.
struct stated_numbers {
    std::array<decimal, 2> items{};
    std::size_t size = 0;
    [[nodiscard]] bool empty() const noexcept { return size == 0; }
    [[nodiscard]] const decimal* begin() const noexcept { return items.data(); }
    [[nodiscard]] const decimal* end() const noexcept { return items.data() + size; }
    [[nodiscard]] const decimal& front() const noexcept { return items[0]; }
};

stated_numbers stated_values(const target& t)
{
    stated_numbers out;
    if (t.value) out.items[out.size++] = *t.value;
    if (t.comparator == comparator::range) {
        if (t.low && out.size < 2) out.items[out.size++] = *t.low;
        if (t.high && out.size < 2) out.items[out.size++] = *t.high;
    }
    return out;
}

/// One exact unit inside a family: its running exact sum, min and max, so
/// that each value is converted never, and each unit once per group.
struct unit_bucket {
    const unit* u = nullptr;
    decimal min;
    decimal max;
    decimal sum;
    std::size_t summed = 0;
};

struct family_values {
    dimension dim = dimension::count;
    const std::string* base = nullptr;
    const std::string* per = nullptr;  ///< rates of one denominator form their own family
    std::size_t targets = 0;
    std::vector<unit_bucket> buckets;
};

struct group_state {
    target_group group;
    std::vector<family_values> families;  ///< in order of appearance
    /// Statement groups of mode shared already summed here: their subjects
    /// share one value, which adds up once.
    std::unordered_set<std::string> shared_groups;  ///< plan address + NUL + group id
};

using key_function = std::function<void(const target_view&, std::vector<std::string>&)>;

/// One index per plan, built the first time a key needs links.
class index_cache {
public:
    const plan_index& of(const plan& p)
    {
        auto it = indexes_.find(&p);
        if (it == indexes_.end()) it = indexes_.emplace(&p, plan_index(p)).first;
        return it->second;
    }

private:
    std::unordered_map<const plan*, plan_index> indexes_;
};

void keys_for(const target_view& v, group_by key, index_cache& links, std::vector<std::string>& out)
{
    const target& t = v.item;
    switch (key) {
    case group_by::focus_area: out.push_back(std::to_string(v.owner.focus_areas[v.position.focus_area].ordinal)); return;
    case group_by::measure:
        out.push_back(v.position.in_lead() ? v.owner.focus_areas[v.position.focus_area].title
                                           : v.owner.focus_areas[v.position.focus_area].measures[*v.position.measure].lead);
        return;
    case group_by::kind: out.emplace_back(to_code(t.kind)); return;
    case group_by::comparator: out.emplace_back(to_code(t.comparator)); return;
    case group_by::commitment: out.emplace_back(to_code(t.commitment)); return;
    case group_by::dimension: {
        if (t.unit.empty()) {
            out.emplace_back("none");
            return;
        }
        std::string k(to_code(t.unit.dimension()));
        if (t.unit.dimension() == dimension::money || t.unit.dimension() == dimension::count) {
            k += ' ';
            k += t.unit.base();
        }
        out.push_back(std::move(k));
        return;
    }
    case group_by::unit: out.push_back(t.unit.empty() ? std::string("none") : t.unit.symbol()); return;
    case group_by::category:
    case group_by::stage: {
        for (const project* pr : links.of(v.owner).projects_of(t)) {
            std::string k = key == group_by::stage ? std::string(to_code(pr->stage))
                                                   : (pr->category.empty() ? std::string("none") : pr->category);
            if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(std::move(k));
        }
        if (out.empty()) out.emplace_back("none");
        return;
    }
    }
    out.emplace_back("none");
}

/// Adds a target's stated values to its family in a group.
result<void> add_to(group_state& g, const target& t, const plan& owner)
{
    const auto values = stated_values(t);
    if (t.unit.empty() || values.empty()) return {};
    auto fam = std::find_if(g.families.begin(), g.families.end(), [&](const family_values& f) {
        return f.dim == t.unit.dimension() && *f.base == t.unit.base() && *f.per == t.unit.per();
    });
    if (fam == g.families.end()) {
        fam = g.families.insert(g.families.end(), family_values{t.unit.dimension(), &t.unit.base(), &t.unit.per(), 0, {}});
    }
    ++fam->targets;  // a range counts once; both its ends bound min and max
    auto bucket = std::find_if(fam->buckets.begin(), fam->buckets.end(), [&](const unit_bucket& b) { return *b.u == t.unit; });
    if (bucket == fam->buckets.end()) {
        bucket = fam->buckets.insert(fam->buckets.end(), unit_bucket{&t.unit, values.front(), values.front(), {}, 0});
    }
    for (const auto& v : values) {
        if (v < bucket->min) bucket->min = v;
        if (v > bucket->max) bucket->max = v;
    }
    // A value shared by the subjects of one group (of one plan) adds once.
    auto first_of_shared_group = [&] {
        if (!t.group || t.group->mode != group_mode::shared || t.group->id.empty()) return true;
        const plan* address = &owner;
        std::string key(reinterpret_cast<const char*>(&address), sizeof address);
        key += t.group->id;
        return g.shared_groups.insert(std::move(key)).second;
    };
    if (additive(t) && first_of_shared_group()) {
        auto next = decimal::add(bucket->sum, *t.value);
        if (!next) return error(next.error(), "the sum of the " + bucket->u->symbol() + " figures needs more than 18 digits");
        bucket->sum = *next;
        ++bucket->summed;
    }
    return {};
}

/// The family's totals in one unit: the preferred one when every figure
/// converts into it exactly, else the largest unit of the family that does.
result<family_total> total_of(const family_values& fam, const aggregation_options& options)
{
    std::vector<const unit*> candidates;
    for (const auto& u : options.preferred_units)
        if (convertible(u, *fam.buckets.front().u)) candidates.push_back(&u);
    std::vector<const unit*> own;
    for (const auto& b : fam.buckets) own.push_back(b.u);
    std::stable_sort(own.begin(), own.end(), [](const unit* a, const unit* b) { return larger(*a, *b); });
    candidates.insert(candidates.end(), own.begin(), own.end());

    for (const unit* u : candidates) {
        family_total ft;
        ft.dimension = u->dimension();
        ft.base = u->base();
        ft.unit = *u;
        ft.count = fam.targets;
        bool exact = true;
        bool first = true;
        decimal total;
        for (const auto& b : fam.buckets) {
            auto lo = convert({b.min, *b.u}, *u);
            auto hi = convert({b.max, *b.u}, *u);
            auto s = b.summed > 0 ? convert({b.sum, *b.u}, *u) : result<quantity, errc>(quantity{});
            if (!lo || !hi || !s) {
                if ((!lo && lo.error() == errc::decimal_overflow) || (!hi && hi.error() == errc::decimal_overflow) ||
                    (!s && s.error() == errc::decimal_overflow)) {
                    return error(errc::decimal_overflow, "a total of " + u->base() + " needs more than 18 digits");
                }
                exact = false;
                break;
            }
            if (first || lo->value < ft.min) ft.min = lo->value;
            if (first || hi->value > ft.max) ft.max = hi->value;
            first = false;
            if (b.summed > 0) {
                auto next = decimal::add(total, s->value);
                if (!next) return error(next.error(), "a total of " + u->base() + " needs more than 18 digits");
                total = *next;
                ft.summed += b.summed;
            }
        }
        if (!exact) continue;
        if (ft.summed > 0) ft.sum = total.normalized();
        return ft;
    }
    return error(errc::inexact_conversion, "no unit holds the " + *fam.base + " figures exactly");
}

result<std::vector<target_group>> aggregate(const std::vector<const plan*>& plans, const key_function& keys,
                                            const aggregation_options& options)
{
    std::vector<group_state> groups;
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(64);  // groups are few (focus areas, kinds, units): no rehash on the way
    std::vector<std::string> scratch;
    for (const plan* p : plans) {
        if (p == nullptr) throw std::invalid_argument("govplan::aggregate_targets: null plan");
        for (auto [t, at] : each_target(*p)) {
            scratch.clear();
            keys(target_view{*p, t, at}, scratch);
            for (auto& k : scratch) {
                auto [it, inserted] = index.try_emplace(k, groups.size());
                if (inserted) {
                    groups.emplace_back();
                    groups.back().group.key = std::move(k);
                }
                group_state& g = groups[it->second];
                ++g.group.targets;
                switch (t.commitment) {
                case commitment::binding: ++g.group.binding; break;
                case commitment::expected: ++g.group.expected; break;
                case commitment::aspirational: ++g.group.aspirational; break;
                }
                if (auto added = add_to(g, t, *p); !added) return added.error();
            }
        }
    }

    std::vector<target_group> out;
    out.reserve(groups.size());
    for (auto& g : groups) {
        std::vector<family_total> additive_totals, other_totals;
        for (const auto& fam : g.families) {
            auto ft = total_of(fam, options);
            if (!ft) return ft.error();
            (ft->sum ? additive_totals : other_totals).push_back(std::move(*ft));
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
                     "cannot express " + describe(values.front()) + " in " + in->symbol() + ": different units");
    }
    auto u = in != nullptr ? result<unit>(*in) : common_unit(values);
    if (!u) return u.error();
    decimal total;
    for (const auto& q : values) {
        auto converted = convert(q, *u);
        if (!converted) return conversion_error(converted.error(), q, *u);
        auto next = decimal::add(total, converted->value);
        if (!next) return error(next.error(), "the sum in " + u->symbol() + " needs more than 18 digits");
        total = *next;
    }
    // A computed total: no trailing fractional zeros (433.5, not 433.50).
    return quantity{total.normalized(), *u};
}

result<std::vector<target_group>> aggregate_targets(const std::vector<const plan*>& plans, group_by key,
                                                    const aggregation_options& options)
{
    index_cache links;
    return aggregate(
        plans, [key, &links](const target_view& v, std::vector<std::string>& out) { keys_for(v, key, links, out); },
        options);
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
        [&key](const target_view& v, std::vector<std::string>& out) {
            if (auto k = key(v)) out.push_back(std::move(*k));
        },
        options);
}

project_counts count_projects(const plan& p)
{
    project_counts out;
    for (auto s : all_values<project_stage>()) out.by_stage.emplace_back(s, 0);
    std::unordered_map<std::string, std::size_t> category_at;  // category → its row
    for (auto [pr, position] : each_project(p)) {
        ++out.total;
        for (auto& [stage, n] : out.by_stage)
            if (stage == pr.stage) ++n;
        const auto [row, added] = category_at.try_emplace(pr.category, out.by_category.size());
        if (added) out.by_category.emplace_back(pr.category, 0);
        ++out.by_category[row->second].second;
    }
    return out;
}

std::vector<declared_named> declared_versus_named(const plan& p)
{
    std::vector<declared_named> out;
    const plan_index links(p);
    for (auto [t, at] : each_target(p)) {
        if (t.unit.empty() || t.unit.dimension() != dimension::count || !t.value) continue;
        const auto named = links.projects_of(t).size();
        if (named == 0) continue;
        out.push_back({t.id, t.metric, quantity{*t.value, t.unit}, named});
    }
    return out;
}

GOVPLAN_END_NAMESPACE

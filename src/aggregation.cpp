#include <govplan/aggregation.hpp>
#include <govplan/plan_index.hpp>
#include <govplan/codes.hpp>

#include "int128.hpp"
#include "memory_hints.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <thread>
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
    int widest_scale = 0;  ///< the most digits after the point among the values summed
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
    std::unordered_set<std::string> shared_groups;  ///< plan address + NUL + group id
};

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

/// The keys of one target. The strings keep their room from one target to
/// the next, so keys are made without allocating.
class key_list {
public:
    std::string& add(std::string_view key)
    {
        if (size_ == keys_.size()) keys_.emplace_back();
        return keys_[size_++].assign(key);
    }
    void clear() noexcept { size_ = 0; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] std::vector<std::string>::const_iterator begin() const noexcept { return keys_.begin(); }
    [[nodiscard]] std::vector<std::string>::const_iterator end() const noexcept
    {
        return keys_.begin() + static_cast<std::ptrdiff_t>(size_);
    }
    [[nodiscard]] bool contains(std::string_view key) const { return std::find(begin(), end(), key) != end(); }

private:
    std::vector<std::string> keys_;
    std::size_t size_ = 0;
};

/// Appends the keys of one target; the cache holds the plan indexes it needs.
using key_function = std::function<void(const target_view&, index_cache&, key_list&)>;

/// The groups of a run of consecutive plans, in order of first appearance.
struct partial {
    std::vector<group_state> groups;
    std::unordered_map<std::string, std::size_t> index;
    bool negative_summed = false;  ///< a negative value went into a sum
};

void keys_for(const target_view& v, group_by key, index_cache& links, key_list& out)
{
    const target& t = v.item;
    switch (key) {
    case group_by::focus_area: {
        std::array<char, 24> digits{};
        const auto end =
            std::to_chars(digits.data(), digits.data() + digits.size(), v.owner.focus_areas[v.position.focus_area].ordinal).ptr;
        out.add(std::string_view(digits.data(), static_cast<std::size_t>(end - digits.data())));
        return;
    }
    case group_by::measure:
        out.add(v.position.in_lead() ? v.owner.focus_areas[v.position.focus_area].title
                                     : v.owner.focus_areas[v.position.focus_area].measures[*v.position.measure].lead);
        return;
    case group_by::kind: out.add(to_code(t.kind)); return;
    case group_by::comparator: out.add(to_code(t.comparator)); return;
    case group_by::commitment: out.add(to_code(t.commitment)); return;
    case group_by::dimension: {
        if (t.unit.empty()) {
            out.add("none");
            return;
        }
        std::string& k = out.add(to_code(t.unit.dimension()));
        if (t.unit.dimension() == dimension::money || t.unit.dimension() == dimension::count) {
            k += ' ';
            k += t.unit.base();
        }
        return;
    }
    case group_by::unit: out.add(t.unit.empty() ? std::string_view("none") : std::string_view(t.unit.symbol())); return;
    case group_by::category:
    case group_by::stage: {
        for (const project* pr : links.of(v.owner).projects_of(t)) {
            const std::string_view k = key == group_by::stage ? to_code(pr->stage)
                                       : pr->category.empty() ? std::string_view("none")
                                                              : std::string_view(pr->category);
            if (!out.contains(k)) out.add(k);
        }
        if (out.empty()) out.add("none");
        return;
    }
    }
    out.add("none");
}

/// A number standing for the one key a target has under `key`, found
/// without making the key's text: within one grouping, targets with equal
/// numbers have equal keys (the number is the address of what the key is
/// made from, which the plans keep still, or an enumerator). Unequal
/// numbers may still share a key. 0 when the key is made each time:
/// category and stage, where a target may have several keys.
std::uintptr_t key_token(const target_view& v, group_by key) noexcept
{
    const auto address = [](const void* p) { return reinterpret_cast<std::uintptr_t>(p); };
    const auto enumerator = [](auto e) { return static_cast<std::uintptr_t>(e) + 1; };  // one-byte codes: never 0
    const focus_area& area = v.owner.focus_areas[v.position.focus_area];
    switch (key) {
    case group_by::focus_area: return address(&area);
    case group_by::measure: return v.position.in_lead() ? address(&area) : address(&area.measures[*v.position.measure]);
    case group_by::kind: return enumerator(v.item.kind);
    case group_by::comparator: return enumerator(v.item.comparator);
    case group_by::commitment: return enumerator(v.item.commitment);
    case group_by::dimension:
    case group_by::unit: return address(&v.item.unit.definition());  // one address for every unit-less target
    case group_by::category:
    case group_by::stage: return 0;
    }
    return 0;
}

/// Whether `f` is the family of this dimension, base and denominator. The
/// same definition (most often) holds the same strings: their addresses
/// then answer without comparing the text.
bool same_family(const family_values& f, dimension dim, const std::string& base, const std::string& per)
{
    auto same = [](const std::string* held, const std::string& text) { return held == &text || *held == text; };
    return f.dim == dim && same(f.base, base) && same(f.per, per);
}

/// Adds a target's stated values to its family in a group. False when a
/// sum needs more digits than a decimal has; `failure` then says which.
/// (Not a result<void>: making an empty one for every target costs more
/// than the adding.)
bool add_to(group_state& g, const target& t, const plan& owner, bool& negative_summed, std::optional<error>& failure)
{
    const auto values = stated_values(t);
    if (t.unit.empty() || values.empty()) return true;
    // The plans' units mostly share their definitions: a bucket is first
    // looked for by definition (an address), and only then by what it says.
    auto fam = g.families.end();
    auto bucket = std::vector<unit_bucket>::iterator{};
    for (auto f = g.families.begin(); f != g.families.end() && fam == g.families.end(); ++f) {
        if (f->dim != t.unit.dimension()) continue;
        const auto b = std::find_if(f->buckets.begin(), f->buckets.end(),
                                    [&](const unit_bucket& x) { return x.u->shares_definition_with(t.unit); });
        if (b != f->buckets.end()) fam = f, bucket = b;
    }
    if (fam == g.families.end()) {
        fam = std::find_if(g.families.begin(), g.families.end(), [&](const family_values& f) {
            return same_family(f, t.unit.dimension(), t.unit.base(), t.unit.per());
        });
        if (fam == g.families.end()) {
            fam = g.families.insert(g.families.end(),
                                    family_values{t.unit.dimension(), &t.unit.base(), &t.unit.per(), 0, {}});
        }
        bucket = std::find_if(fam->buckets.begin(), fam->buckets.end(), [&](const unit_bucket& x) { return *x.u == t.unit; });
        if (bucket == fam->buckets.end()) {
            bucket = fam->buckets.insert(fam->buckets.end(), unit_bucket{&t.unit, values.front(), values.front(), {}, 0});
        }
    }
    ++fam->targets;  // a range counts once; both its ends bound min and max
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
        if (!next) {
            failure.emplace(next.error(), "the sum of the " + bucket->u->symbol() + " figures needs more than 18 digits");
            return false;
        }
        bucket->sum = *next;
        ++bucket->summed;
        bucket->widest_scale = std::max(bucket->widest_scale, t.value->scale());
        if (t.value->coefficient() < 0) negative_summed = true;
    }
    return true;
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

/// The group of `key` in `into`, added at the end when new.
std::size_t group_of(partial& into, const std::string& key)
{
    const auto [it, inserted] = into.index.try_emplace(key, into.groups.size());
    if (inserted) {
        into.groups.emplace_back();
        into.groups.back().group.key = key;
    }
    return it->second;
}

/// Counts a target in a group and adds its values (false: see add_to).
bool count_in(partial& into, std::size_t group, const target& t, const plan& p, std::optional<error>& failure)
{
    group_state& g = into.groups[group];
    ++g.group.targets;
    switch (t.commitment) {
    case commitment::binding: ++g.group.binding; break;
    case commitment::expected: ++g.group.expected; break;
    case commitment::aspirational: ++g.group.aspirational; break;
    }
    return add_to(g, t, p, into.negative_summed, failure);
}

/// Which group a key token (key_token) last led to: a few dozen slots, so
/// the groups of a focus area's targets, and of every unit the plans use,
/// are found again without making or hashing their keys.
class token_memo {
public:
    struct entry {
        std::uintptr_t token = 0;
        std::size_t group = 0;
    };
    entry& slot(std::uintptr_t token) noexcept { return slots_[detail::slot_of_64(token)]; }

private:
    std::array<entry, 64> slots_{};
};

/// Groups the targets of `plans` into `into`, in order. `builtin`: the
/// built-in key that `keys` makes, whose tokens (key_token) may stand in
/// for the keys; none for a caller's key function.
result<void> collect(partial& into, const plan* const* first, const plan* const* last, const key_function& keys,
                     std::optional<group_by> builtin)
{
    index_cache links;
    key_list scratch;
    token_memo memo;
    std::optional<error> failure;
    into.index.reserve(64);  // groups are few (focus areas, kinds, units): no rehash on the way
    std::size_t last_group = 0;
    bool have_last = false;
    for (; first != last; ++first) {
        const plan& p = **first;
        for (auto [t, at] : each_target(p)) {
            if (at.measure && at.index == 0) {
                // A measure's few targets are an allocation of their own, which
                // the processor cannot guess: ask for the next measure's now.
                const auto& ms = p.focus_areas[at.focus_area].measures;
                if (*at.measure + 1 < ms.size()) detail::prefetch(ms[*at.measure + 1].targets, 4);
            }
            const target_view view{p, t, at};
            if (const std::uintptr_t token = builtin ? key_token(view, *builtin) : 0; token != 0) {
                token_memo::entry& known = memo.slot(token);
                if (known.token != token) {
                    scratch.clear();
                    keys(view, links, scratch);  // one key: every token-bearing key is one
                    known = {token, group_of(into, *scratch.begin())};
                }
                if (!count_in(into, known.group, t, p, failure)) return std::move(*failure);
                continue;
            }
            scratch.clear();
            keys(view, links, scratch);
            for (const auto& k : scratch) {
                // neighbours mostly share their key (a focus area's targets): skip the hash then
                if (!have_last || into.groups[last_group].group.key != k) {
                    last_group = group_of(into, k);
                    have_last = true;
                }
                if (!count_in(into, last_group, t, p, failure)) return std::move(*failure);
            }
        }
    }
    return {};
}

/// Adds the groups of later plans to those of earlier ones, as collecting
/// them all in one run would have. False when a sum overflows.
bool merge(partial& into, partial&& later)
{
    into.negative_summed = into.negative_summed || later.negative_summed;
    for (auto& g : later.groups) {
        const auto [it, inserted] = into.index.try_emplace(g.group.key, into.groups.size());
        if (inserted) {
            into.groups.push_back(std::move(g));
            continue;
        }
        group_state& to = into.groups[it->second];
        to.group.targets += g.group.targets;
        to.group.binding += g.group.binding;
        to.group.expected += g.group.expected;
        to.group.aspirational += g.group.aspirational;
        for (auto& fam : g.families) {
            auto same = std::find_if(to.families.begin(), to.families.end(), [&](const family_values& f) {
                return same_family(f, fam.dim, *fam.base, *fam.per);
            });
            if (same == to.families.end()) {
                to.families.push_back(std::move(fam));
                continue;
            }
            same->targets += fam.targets;
            for (const auto& b : fam.buckets) {
                auto bucket = std::find_if(same->buckets.begin(), same->buckets.end(),
                                           [&](const unit_bucket& x) { return *x.u == *b.u; });
                if (bucket == same->buckets.end()) {
                    same->buckets.push_back(b);
                    continue;
                }
                // strict comparisons: of equal values the earlier one stays, as in one run
                if (b.min < bucket->min) bucket->min = b.min;
                if (b.max > bucket->max) bucket->max = b.max;
                if (b.summed == 0) continue;
                auto next = decimal::add(bucket->sum, b.sum);
                if (!next) return false;
                bucket->sum = *next;
                bucket->summed += b.summed;
                bucket->widest_scale = std::max(bucket->widest_scale, b.widest_scale);
            }
        }
    }
    return true;
}

/// True when collecting the plans in one run could not have failed where
/// the merged runs did not. With no negative value every running sum is at
/// most the total and has no more digits after the point than the widest
/// value, so a total that fits at that scale means every running sum fit.
bool one_run_fits(const partial& merged)
{
    if (merged.negative_summed) return false;
    for (const auto& g : merged.groups)
        for (const auto& fam : g.families)
            for (const auto& b : fam.buckets) {
                const int128 at_widest = int128(b.sum.coefficient()) * detail::pow10_128(b.widest_scale - b.sum.scale());
                if (at_widest >= detail::pow10_128(decimal::max_digits)) return false;
            }
    return true;
}

result<std::vector<target_group>> totals_of(std::vector<group_state>& groups, const aggregation_options& options)
{
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

/// The runs of plans collected on threads and merged in plan order, or
/// nothing when the merge could differ from one run (then the caller
/// collects in one run, which gives the error a single thread gives).
std::optional<partial> collect_on_threads(const std::vector<const plan*>& plans, std::size_t runs,
                                          const key_function& keys, std::optional<group_by> builtin)
{
    std::vector<partial> parts(runs);
    std::vector<result<void>> outcomes(runs);
    std::vector<std::exception_ptr> failures(runs);
    auto run = [&](std::size_t i) {
        const auto* first = plans.data() + plans.size() * i / runs;
        const auto* last = plans.data() + plans.size() * (i + 1) / runs;
        try {
            outcomes[i] = collect(parts[i], first, last, keys, builtin);
        } catch (...) {
            failures[i] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(runs - 1);
    for (std::size_t i = 1; i < runs; ++i) {
        try {
            threads.emplace_back(run, i);
        } catch (...) {
            run(i);  // no thread to be had (std::system_error, std::bad_alloc): this one does the run
        }
    }
    run(0);
    for (auto& t : threads) t.join();
    // The first run is the start of what one thread does: its exception is
    // the one one thread throws. A later run's failure may never be reached
    // by one thread (an earlier sum can fail first), so that is redone.
    if (failures[0]) std::rethrow_exception(failures[0]);
    for (std::size_t i = 0; i < runs; ++i)
        if (failures[i] || !outcomes[i]) return std::nullopt;
    for (std::size_t i = 1; i < runs; ++i)
        if (!merge(parts[0], std::move(parts[i]))) return std::nullopt;
    if (!one_run_fits(parts[0])) return std::nullopt;
    return std::move(parts[0]);
}

/// True when one plan is listed twice. One thread then adds a shared
/// group's value once for both (the group is known by plan address), which
/// runs on threads could not see: such a list is grouped on one thread.
bool repeats_a_plan(const std::vector<const plan*>& plans)
{
    std::vector<const plan*> sorted(plans);
    std::sort(sorted.begin(), sorted.end(), std::less<>());
    return std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end();
}

result<std::vector<target_group>> aggregate(const std::vector<const plan*>& plans, const key_function& keys,
                                            std::optional<group_by> builtin, const aggregation_options& options)
{
    for (const plan* p : plans)
        if (p == nullptr) throw std::invalid_argument("govplan::aggregate_targets: null plan");
    // asked once: each answer reads /sys, which costs more than grouping a small plan
    static const std::size_t cores = std::max<std::size_t>(1, std::thread::hardware_concurrency());
    const std::size_t threads = options.threads != 0 ? options.threads : cores;
    const std::size_t runs = std::min(threads, plans.size());
    if (runs > 1 && !repeats_a_plan(plans)) {
        if (auto merged = collect_on_threads(plans, runs, keys, builtin)) return totals_of(merged->groups, options);
    }
    partial all;
    if (auto collected = collect(all, plans.data(), plans.data() + plans.size(), keys, builtin); !collected)
        return collected.error();
    return totals_of(all.groups, options);
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
    return aggregate(
        plans, [key](const target_view& v, index_cache& links, key_list& out) { keys_for(v, key, links, out); }, key,
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
        [&key](const target_view& v, index_cache&, key_list& out) {
            if (auto k = key(v)) out.add(*k);
        },
        std::nullopt, options);
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

#include <govplan/codes.hpp>

#include "printable.hpp"
#include <govplan/validation.hpp>

#include "described.hpp"
#include "id_index.hpp"
#include "memory_hints.hpp"
#include "validation_rules.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <string>
#include <unordered_set>

GOVPLAN_BEGIN_NAMESPACE
namespace {

using validation_detail::rule_ref;

std::string indexed(const std::string& path, const char* member, std::size_t i)
{
    std::string out = path;
    out += '.';
    out += member;
    out += '[';
    out += std::to_string(i);
    out += ']';
    return out;
}

/// The path of an element, rendered only when a diagnostic needs it: most
/// elements have none, and building every path would dominate the cost.
/// A chain: focus_areas[2] → .measures[0] → .targets[3], or a given root.
struct lazy_path {
    const lazy_path* parent = nullptr;   ///< the enclosing element, or nullptr
    const char* member = nullptr;        ///< "targets"; nullptr when `root` is the whole path
    std::size_t index = 0;
    const std::string* root = nullptr;   ///< a path given by the caller

    [[nodiscard]] std::string str() const
    {
        if (member == nullptr) return root != nullptr ? *root : std::string();
        std::string out = parent != nullptr ? parent->str() : std::string();
        if (!out.empty()) out += '.';
        out += member;
        out += '[';
        out += std::to_string(index);
        out += ']';
        return out;
    }
    friend std::string operator+(const lazy_path& p, const char* suffix)
    {
        std::string out = p.str();
        if (!out.empty() || suffix[0] != '.') out += suffix;
        else out += suffix + 1;
        return out;
    }
};

std::string indexed(const lazy_path& path, const char* member, std::size_t i) { return indexed(path.str(), member, i); }

/// True when v × num / den is a whole number (a count in its base unit).
bool whole_in_base(const decimal& v, const unit_scale& s)
{
    __extension__ using int128 = __int128;
    int128 den = s.denominator;
    for (int i = 0; i < v.scale(); ++i) den *= 10;
    return den != 0 && (int128(v.coefficient()) * s.numerator) % den == 0;
}

std::string quoted(const std::string& s) { return "\"" + detail::quoted_excerpt(s) + "\""; }

using detail::is_enumerator;

/// The code of an enumerator, or "<invalid N>" for a stray value: validation
/// must not throw on bad data.
template <class Enum>
std::string code_of(Enum e)
{
    if (is_enumerator(e)) return std::string(to_code(e));
    return "<invalid " + std::to_string(static_cast<long long>(e)) + ">";
}

using detail::hash_id;

/// Calls visit(k, repeated) for each id of `ids` in order, `repeated` saying
/// that an earlier entry is the same id. A short list (the usual one) is
/// searched; a long one is hashed, so the pass stays linear in the ids.
template <class Visit>
void each_noting_repeats(const std::vector<std::string>& ids, Visit&& visit)
{
    constexpr std::size_t searched = 16;
    if (ids.size() <= searched) {
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const auto before = ids.begin() + static_cast<std::ptrdiff_t>(k);
            visit(k, std::find(ids.begin(), before, ids[k]) != before);
        }
        return;
    }
    std::unordered_set<std::string_view> seen;
    seen.reserve(ids.size());
    for (std::size_t k = 0; k < ids.size(); ++k) visit(k, !seen.insert(ids[k]).second);
}

/// How many distinct projects name a target as one of its instances: listed
/// in its project_ids, or linking to its id as `exemplifies`. Only count
/// targets with an upper bound ask, so the links from projects are gathered
/// once and a target's own list is merged in when it asks.
class named_projects {
public:
    explicit named_projects(const plan& p)
    {
        for (auto [pr, at] : each_project(p))
            for (const auto& link : pr.targets)
                if (link.role == link_role::exemplifies && !link.target_id.empty() && !pr.id.empty())
                    links_.push_back({hash_id(link.target_id), link.target_id, pr.id});
        std::sort(links_.begin(), links_.end());
        links_.erase(std::unique(links_.begin(), links_.end()), links_.end());
    }
    [[nodiscard]] std::size_t of(const target& tg) const
    {
        if (tg.id.empty()) return 0;
        // Ordered by the hash of the target id first: the search compares
        // numbers, and strings only among the links of one hash. Within the
        // target's range the project ids are in order, so each listed id is
        // looked up there: logarithmic per target, whatever links it has.
        const std::uint64_t hash = links_.empty() ? 0 : hash_id(tg.id);
        const auto [lo, hi] = std::equal_range(links_.begin(), links_.end(), named_link{hash, tg.id, {}},
                                               [](const named_link& a, const named_link& b) {
                                                   return a.target_hash != b.target_hash ? a.target_hash < b.target_hash
                                                                                          : a.target_id < b.target_id;
                                               });
        std::size_t named = static_cast<std::size_t>(hi - lo);
        const auto& own = tg.project_ids;
        auto linked = [&, lo = lo, hi = hi](std::string_view id) {
            return std::binary_search(lo, hi, named_link{hash, tg.id, id});
        };
        each_noting_repeats(own, [&](std::size_t k, bool repeated) {
            if (!repeated && !linked(own[k])) ++named;
        });
        return named;
    }

private:
    struct named_link {
        std::uint64_t target_hash;
        std::string_view target_id;
        std::string_view project_id;
        friend auto operator<=>(const named_link&, const named_link&) = default;
    };
    std::vector<named_link> links_;  ///< distinct (target, project) pairs
};

class checker {
public:
    checker(std::vector<diagnostic>& out, const validation_options& options, const unit_registry* units = nullptr)
        : out_(out), options_(options),
          units_(units != nullptr ? *units : options.units != nullptr ? *options.units : unit_registry::standard())
    {
    }

    /// A diagnostic under `rule`, with its code and severity.
    void report(rule_ref rule, std::string path, std::string message)
    {
        out_.push_back({rule.rule->severity, std::string(rule.rule->code), std::move(path), std::move(message)});
    }

    // ---- dates -----------------------------------------------------------
    /// The rules a deadline is checked by: a measure's or a target's.
    struct deadline_rules {
        rule_ref invalid, outside_period;
    };
    static constexpr deadline_rules measure_deadline{"measure.deadline.invalid", "measure.deadline.outside_period"};
    static constexpr deadline_rules target_deadline{"target.deadline.invalid", "target.deadline.outside_period"};

    /// A target's deadline may lie after the period: a horizon (到2027年).
    void check_deadline(const std::optional<date>& deadline, const deadline_rules& rules, const lazy_path& owner,
                        bool horizon_allowed = false)
    {
        if (!deadline) return;
        if (deadline->is_special()) {
            report(rules.invalid, owner + ".deadline", "the deadline is not a calendar date");
            return;
        }
        const bool horizon = horizon_allowed && options_.period && *deadline > options_.period->last();
        if (options_.period && is_valid(*options_.period) && !options_.period->contains(*deadline) && !horizon) {
            report(rules.outside_period, owner + ".deadline",
                  "deadline " + to_iso_string(*deadline) + " is outside the plan period " +
                      to_iso_string(options_.period->begin()) + " to " + to_iso_string(options_.period->last()));
        }
    }

    // ---- targets ---------------------------------------------------------
    /// `in_plan`: the named projects are counted later, from the plan's links
    /// (check_links); a target alone counts its own project_ids here.
    void check_target(const target& t, const lazy_path& path, bool in_plan)
    {
        if (t.id.empty()) report("target.id.empty", path + ".id", "the target has no id");
        if (t.metric.empty()) report("target.metric.empty", path + ".metric", "the target names no metric");
        if (!is_enumerator(t.kind)) report("target.kind.invalid", path + ".kind", "kind " + code_of(t.kind) + " is not defined");
        if (!is_enumerator(t.comparator)) {
            report("target.comparator.invalid", path + ".comparator",
                  "comparator " + code_of(t.comparator) + " is not defined");
        }
        if (!is_enumerator(t.commitment)) {
            report("target.commitment.invalid", path + ".commitment",
                  "commitment " + code_of(t.commitment) + " is not defined");
        }

        if (!is_enumerator(t.hedge)) report("target.hedge.invalid", path + ".hedge", "hedge " + code_of(t.hedge) + " is not defined");

        const bool unit_known = check_unit(t, path);
        check_values(t, path, unit_known);
        check_baseline(t, path, unit_known);
        check_deadline(t.deadline, target_deadline, path, true);
        check_milestones(t, path);
        check_scope(t, path);
        if (t.group && t.group->id.empty()) report("target.group.id.empty", path + ".group.id", "the group has no id");
        if (!t.parent_id.empty() && t.parent_id == t.id) {
            report("target.parent.self", path + ".parent_id", "a target cannot be part of itself");
        }
        check_observations(t, path);
        if (!in_plan) check_named_count(t, path, nullptr, unit_known);
    }

    /// check_named_count for a target of a plan, once every project is known.
    void check_named_count(const target& t, const lazy_path& path, const named_projects& named)
    {
        if (t.unit.empty() || t.unit.dimension() != dimension::count) return;  // before the registry: only counts count
        check_named_count(t, path, &named, registered(t.unit));
    }

    void check_milestones(const target& t, const lazy_path& path)
    {
        for (std::size_t i = 0; i < t.milestones.size(); ++i) {
            const auto& m = t.milestones[i];
            const lazy_path p{&path, "milestones", i};
            if (m.date.is_special()) {
                report("target.milestone.date.invalid", p + ".date", "not a calendar date");
                continue;
            }
            if (i > 0 && !t.milestones[i - 1].date.is_special() && !(t.milestones[i - 1].date < m.date)) {
                report("target.milestone.order", p + ".date", "milestones must be in date order, one per date");
            }
            const auto deadline = t.deadline ? t.deadline : (options_.period ? std::optional<date>(options_.period->last())
                                                                              : std::nullopt);
            if (deadline && !deadline->is_special() && m.date > *deadline) {
                report("target.milestone.after_deadline", p + ".date",
                      "milestone " + to_iso_string(m.date) + " is after the deadline " + to_iso_string(*deadline));
            }
        }
    }

    void check_scope(const target& t, const lazy_path& path)
    {
        if (!t.scope) return;
        if (t.scope->noun.empty()) report("target.scope.noun.empty", path + ".scope.noun", "a scope names what it covers");
        if (t.scope->count && (t.scope->count->is_negative() || !t.scope->count->is_integer())) {
            report("target.scope.count.invalid", path + ".scope.count",
                  "a scope counts whole items (" + t.scope->count->to_string() + ")");
        }
    }

    /// Targets that state no number need no unit.
    static bool needs_unit(const target& t) noexcept
    {
        // 清零 (nothing left) is zero of whatever it counts: no unit needed.
        const bool implied_zero = t.kind == target_kind::attainment && t.value_implied && t.value &&
                                  *t.value == decimal::from_integer(0);
        return t.comparator != comparator::direction && !met_or_not(t) && !implied_zero;
    }

    bool check_unit(const target& t, const lazy_path& path)
    {
        if (t.unit.empty()) {
            if (needs_unit(t)) report("target.unit.missing", path + ".unit", "a target with a value needs a unit");
            return false;
        }
        if (!registered(t.unit)) {
            const unit* same_symbol = units_.lookup(t.unit.symbol());
            report("target.unit.unknown", path + ".unit",
                  same_symbol ? "unit " + quoted(t.unit.symbol()) + " differs from the registered unit of that name"
                              : "unit " + quoted(t.unit.symbol()) + " is not registered");
            return false;
        }
        if (!kind_accepts(t.kind, t.unit.dimension())) {
            report("target.unit.incompatible", path + ".unit",
                  "a " + std::string(code_of(t.kind)) + " target cannot be stated in " + quoted(t.unit.symbol()) + " (" +
                      std::string(code_of(t.unit.dimension())) + ")");
        }
        return true;
    }

    void unexpected(const std::optional<decimal>& v, const lazy_path& path, const char* field, const target& t)
    {
        if (v) {
            report("target.value.unexpected", path + "." + field,
                  std::string("a ") + std::string(code_of(t.comparator)) + " target does not use " + field);
        }
    }

    void check_values(const target& t, const lazy_path& path, bool unit_known)
    {
        check_kind_fit(t, path);
        check_compared_values(t, path);
        check_numbers(t, path, unit_known);
        check_stretch(t, path);
    }

    /// The comparator, grade, reference and attainment suit the kind.
    void check_kind_fit(const target& t, const lazy_path& path)
    {
        if (t.kind == target_kind::direction && t.comparator != comparator::direction) {
            report("target.comparator.incompatible", path + ".comparator",
                  "a direction target needs the direction comparator, not " + std::string(code_of(t.comparator)));
        }
        const bool wordy = t.kind == target_kind::qualitative || t.kind == target_kind::grade;
        if (wordy && t.comparator != comparator::none && t.comparator != comparator::within) {
            report("target.comparator.incompatible", path + ".comparator",
                  "a " + std::string(code_of(t.kind)) + " target compares no number: its comparator is none or within");
        }
        if (!wordy && t.comparator == comparator::none) {
            report("target.comparator.incompatible", path + ".comparator",
                  "only qualitative and grade targets have comparator none");
        }
        if (t.kind == target_kind::grade && t.grade.empty()) {
            report("target.grade.missing", path + ".grade", "a grade target names its grade (AA级, 国家级)");
        } else if (t.kind != target_kind::grade && !t.grade.empty()) {
            report("target.grade.unexpected", path + ".grade", "only a grade target has a grade");
        }
        if ((t.comparator == comparator::within || t.kind == target_kind::relative) && t.reference.empty()) {
            report("target.reference.missing", path + ".reference",
                  "a " + std::string(t.comparator == comparator::within ? "within" : "relative") +
                      " target names what it is set against");
        }
        if (t.kind == target_kind::attainment && t.value && !t.value->is_zero() &&
            !(*t.value == decimal::from_integer(100) && t.unit.dimension() == dimension::percent)) {
            report("target.attainment.value", path + ".value",
                  "full attainment is 100% (全覆盖, 全面达标) or 0 (清零), not " + t.value->to_string() + t.unit.symbol());
        }
        // The implied number is recorded like a stated one (the default case below
        // reports it missing); a target that compares no number has none to imply.
        if (t.value_implied && (t.comparator == comparator::direction || t.comparator == comparator::within ||
                                t.comparator == comparator::none)) {
            report("target.value.unexpected", path + ".value_implied",
                  "a " + std::string(code_of(t.comparator)) + " target states no number to imply");
        }
    }

    /// The values the comparator uses are there, and no others.
    void check_compared_values(const target& t, const lazy_path& path)
    {
        switch (t.comparator) {
        case comparator::range:
            unexpected(t.value, path, "value", t);
            if (!t.low) report("target.range.missing", path + ".low", "a range needs its low end");
            if (!t.high) report("target.range.missing", path + ".high", "a range needs its high end");
            if (t.low && t.high && !(*t.low < *t.high)) {
                report("target.range.order", path + ".low",
                      "the low end " + t.low->to_string() + " is not below the high end " + t.high->to_string());
            }
            break;
        case comparator::direction:
            unexpected(t.value, path, "value", t);
            unexpected(t.low, path, "low", t);
            unexpected(t.high, path, "high", t);
            unexpected(t.stretch, path, "stretch", t);
            if (!t.trend) report("target.trend.missing", path + ".trend", "a direction target needs its trend");
            break;
        case comparator::within:
        case comparator::none:
            unexpected(t.value, path, "value", t);
            unexpected(t.low, path, "low", t);
            unexpected(t.high, path, "high", t);
            unexpected(t.stretch, path, "stretch", t);
            break;
        default:
            // 高于全省平均: a relative target may name its reference instead of a number.
            if (!t.value && !(t.kind == target_kind::relative && !t.reference.empty())) {
                report("target.value.missing", path + ".value", "the target states no value");
            }
            unexpected(t.low, path, "low", t);
            unexpected(t.high, path, "high", t);
            break;
        }

    }

    /// Each number within its kind's domain: signs, percentages, whole counts.
    void check_numbers(const target& t, const lazy_path& path, bool unit_known)
    {
        const bool non_negative = t.kind == target_kind::amount || t.kind == target_kind::count ||
                                  t.kind == target_kind::share ||
                                  (t.kind == target_kind::level && unit_known && t.unit.dimension() != dimension::percent);
        // A percent level may pass 100 (债务率控制在120%以下); a share and a reduction may not.
        const bool percent_share = t.kind == target_kind::share || t.kind == target_kind::reduction_rate;
        const decimal hundred = decimal::from_integer(100);
        auto check_number = [&](const std::optional<decimal>& v, const char* field) {
            if (!v) return;
            if (non_negative && v->is_negative()) {
                report("target.value.negative", path + "." + field,
                      "a " + std::string(code_of(t.kind)) + " cannot be negative (" + v->to_string() + ")");
            }
            if (percent_share && unit_known && t.unit.dimension() == dimension::percent && *v > hundred) {
                report("target.value.over_100_percent", path + "." + field,
                      "a share cannot exceed 100% (" + v->to_string() + "%)");
            }
            // A rate (张/千人口) counts per something: 6.5 is a fine rate.
            if (unit_known && t.unit.dimension() == dimension::count && t.unit.per().empty() &&
                !whole_in_base(*v, t.unit.scale())) {
                {
                    report("target.value.fractional_count", path + "." + field,
                          "a count of " + t.unit.base() + " must be a whole number (" + v->to_string() + t.unit.symbol() +
                              ")");
                }
            }
        };
        check_number(t.value, "value");
        check_number(t.low, "low");
        check_number(t.high, "high");
        check_number(t.stretch, "stretch");

    }

    /// Warnings: a growth of zero, a stretch on the wrong side of the value.
    void check_stretch(const target& t, const lazy_path& path)
    {
        // 负增长 (less than 0) and 保持正增长 (more than 0) commit to something.
        if (t.kind == target_kind::growth_rate && t.value && t.value->is_zero() &&
            (t.comparator == comparator::exactly || t.comparator == comparator::at_least ||
             t.comparator == comparator::about)) {
            report("target.value.zero_growth", path + ".value", "a growth target of zero commits to nothing");
        }
        if (t.stretch && t.value) {
            const bool upper = t.comparator == comparator::at_most || t.comparator == comparator::less_than;
            if (upper && !meets_bound(comparator::less_than, *t.stretch, *t.value)) {
                report("target.stretch.above_ceiling", path + ".stretch",
                        "the stretch value " + t.stretch->to_string() + " is not below the ceiling " +
                            t.value->to_string());
            } else if (!upper && !meets_bound(comparator::more_than, *t.stretch, *t.value)) {
                report("target.stretch.below_floor", path + ".stretch",
                        "the stretch value " + t.stretch->to_string() + " is not above the floor " +
                            t.value->to_string());
            }
        } else if (t.stretch && t.comparator == comparator::range && t.high &&
                   !meets_bound(comparator::more_than, *t.stretch, *t.high)) {
            report("target.stretch.below_floor", path + ".stretch",
                    "the stretch value " + t.stretch->to_string() + " is not above the range");
        }
    }

    static bool same_family_required(target_kind k) noexcept
    {
        return k == target_kind::amount || k == target_kind::count || k == target_kind::level ||
               k == target_kind::share;
    }

    void check_baseline(const target& t, const lazy_path& path, bool unit_known)
    {
        if (!t.baseline) return;
                const auto& b = *t.baseline;
        if (b.date && b.date->is_special()) report("target.baseline.date.invalid", path + ".baseline.date", "not a calendar date");
        if (b.year == 0 && !b.date) report("target.baseline.empty", path + ".baseline", "a baseline names at least its year or date");
        if (b.year != 0 && b.date && !b.date->is_special() && b.date->year() != b.year) {
            report("target.baseline.year.mismatch", path + ".baseline.year",
                  "year " + std::to_string(b.year) + " is not the year of " + to_iso_string(*b.date));
        }
        if (!b.value || !unit_known || !same_family_required(t.kind)) return;
        if (!convertible(b.value->unit, t.unit)) {
            report("target.baseline.unit.incompatible", path + ".baseline.value",
                  "baseline " + to_string(*b.value) + " cannot be compared with a target in " +
                      quoted(t.unit.symbol()));
            return;
        }
        if (t.value && (t.comparator == comparator::exactly || t.comparator == comparator::at_least ||
                        t.comparator == comparator::about)) {
            auto order = compare(*b.value, quantity{*t.value, t.unit});
            if (order && *order == std::strong_ordering::equal) {
                report("target.value.equals_baseline", path + ".value",
                        "the target " + t.value->to_string() + t.unit.symbol() + " equals its baseline");
            }
        }
    }

    void check_observations(const target& t, const lazy_path& path)
    {
        for (std::size_t i = 0; i < t.observations.size(); ++i) {
            const auto& o = t.observations[i];
            const lazy_path p{&path, "observations", i};
            if (o.date.is_special()) {
                report("observation.date.invalid", p + ".date", "not a calendar date");
            } else if (options_.as_of && o.date > *options_.as_of) {
                report("observation.date.after_as_of", p + ".date",
                      "observed on " + to_iso_string(o.date) + ", after the as-of date " +
                          to_iso_string(*options_.as_of));
            }
            const unit& reference = t.kind == target_kind::direction || t.unit.empty()
                                        ? (i == 0 ? o.value.unit : t.observations[0].value.unit)
                                        : t.unit;
            if (govplan::met_or_not(t)) {
                if (!o.value.unit.empty() || (!o.value.value.is_zero() && !(o.value.value == decimal::from_integer(1)))) {
                    report("observation.value.not_met_or_not", p + ".value",
                          "a " + std::string(code_of(t.kind)) + " target is observed as 1 (met) or 0 (not met), without unit");
                }
                continue;
            }
            // A pp change may be observed as the level it changes (in %).
            if (t.kind == target_kind::pp_change && o.value.unit.dimension() == dimension::percent) continue;
            if (o.value.unit.empty()) {
                report("observation.unit.missing", p + ".value", "the observation has no unit");
            } else if (!reference.empty() && !convertible(o.value.unit, reference)) {
                std::string why = o.value.unit.dimension() == dimension::money && reference.dimension() == dimension::money
                                      ? " (money in two currencies: " + std::string(o.value.unit.currency()) +
                                            " and " + std::string(reference.currency()) + ")"
                                      : "";
                report("observation.unit.incompatible", p + ".value",
                      "observed " + to_string(o.value) + " cannot be combined with " + quoted(reference.symbol()) + why);
            }
        }
    }

    void check_named_count(const target& t, const lazy_path& path, const named_projects* named_in_plan, bool unit_known)
    {
        if (!unit_known || t.unit.dimension() != dimension::count) return;
        // The named projects are a floor on the real count: an error only
        // where that floor already breaks the target's upper bound.
        comparator upper = comparator::at_most;
        std::optional<decimal> bound = t.value;
        switch (t.comparator) {
        case comparator::at_most:
        case comparator::less_than: upper = t.comparator; break;
        case comparator::exactly:
        case comparator::about: break;
        case comparator::range: bound = t.high; break;
        default: return;  // at_least, more_than, direction: no upper bound
        }
        if (!bound) return;
        const std::size_t named = named_in_plan != nullptr ? named_in_plan->of(t) : t.project_ids.size();
        if (named == 0) return;
        auto in_base = convert(quantity{*bound, t.unit}, unit{t.unit.base(), dimension::count, t.unit.base()});
        if (!in_base) return;
        if (!meets_bound(upper, decimal::from_integer(static_cast<std::int64_t>(named)), in_base->value)) {
            report("target.projects.exceed_count", path + ".project_ids",
                  std::to_string(named) + " named projects exceed the count of " + bound->to_string() +
                      t.unit.symbol());
        }
    }

    // ---- projects --------------------------------------------------------
    void check_project(const project& p, const lazy_path& path)
    {
        if (p.id.empty()) report("project.id.empty", path + ".id", "the project has no id");
        if (p.name.empty()) report("project.name.empty", path + ".name", "the project has no name");
        if (!is_enumerator(p.stage)) report("project.stage.invalid", path + ".stage", "stage " + code_of(p.stage) + " is not defined");
        if (!is_enumerator(p.type)) report("project.type.invalid", path + ".type", "type " + code_of(p.type) + " is not defined");
        for (std::size_t i = 0; i < p.targets.size(); ++i) {
            if (!is_enumerator(p.targets[i].role)) {
                report("project.target.role.invalid", lazy_path{&path, "targets", i} + ".role",
                      "role " + code_of(p.targets[i].role) + " is not defined");
            }
        }
        auto check_money = [&](const std::optional<quantity>& q, const char* field) {
            if (!q) return;
            if (q->unit.dimension() != dimension::money || !registered(q->unit)) {
                report("project.investment.unit", path + "." + field,
                      "an investment is an amount of money in a registered unit, not " + quoted(q->unit.symbol()));
            } else if (q->value.is_negative()) {
                report("project.investment.negative", path + "." + field, "an investment cannot be negative");
            }
        };
        check_money(p.total_investment, "total_investment");
        check_money(p.investment_this_year, "investment_this_year");
        if (p.total_investment && p.investment_this_year) {
            auto order = compare(*p.investment_this_year, *p.total_investment);
            if (order && *order == std::strong_ordering::greater) {
                report("project.investment.exceeds_total", path + ".investment_this_year",
                      "this year's investment " + to_string(*p.investment_this_year) + " exceeds the total " +
                          to_string(*p.total_investment));
            }
        }
    }


private:
    /// units_.contains(u), remembered by definition: a plan's targets share a
    /// few dozen definitions, and a definition never changes, so each is
    /// looked up by symbol about once instead of once per target. A slot per
    /// address: a definition evicts only the one that shares its slot.
    bool registered(const unit& u)
    {
        const unit_definition* d = &u.definition();
        const unit_definition*& slot = known_[detail::slot_of_64(reinterpret_cast<std::uintptr_t>(d))];
        if (slot == d) return true;
        if (!units_.contains(u)) return false;
        slot = d;
        return true;
    }

    std::vector<diagnostic>& out_;
    validation_options options_;
    const unit_registry& units_;
    std::array<const unit_definition*, 64> known_{};  ///< definitions found registered, by address
};

}  // namespace

namespace {

/// The registry a plan's targets are checked against: `base` plus the plan's
/// own units, each malformed or conflicting definition reported instead.
const unit_registry& with_plan_units(const plan& p, const unit_registry& base, std::optional<unit_registry>& extended,
                                     checker& problems)
{
    if (p.units.empty()) return base;
    extended.emplace(base);
    for (std::size_t i = 0; i < p.units.size(); ++i) {
        const unit& u = p.units[i];
        const std::string path = "units[" + std::to_string(i) + "]";
        if (u.symbol().empty() || u.base().empty() || u.scale().numerator <= 0 || u.scale().denominator <= 0 ||
            !is_enumerator(u.dimension()) || u.per().find('/') != std::string::npos) {
            problems.report("plan.units.invalid", path,
                            "a unit needs a symbol, a dimension, a base, a positive scale and a denominator without a slash");
        } else if (const unit* known = extended->lookup(u.symbol()); known != nullptr && !(*known == u)) {
            problems.report("plan.units.conflict", path, "unit " + quoted(u.symbol()) + " is already defined differently");
        } else {
            extended->add(u);
        }
    }
    return *extended;
}

void check_header(checker& c, const plan& p, bool period_ok)
{
    if (p.id.empty()) c.report("plan.id.empty", "id", "the plan has no id");
    if (p.title.empty()) c.report("plan.title.empty", "title", "the plan has no title");
    if (!period_ok) {
        c.report("plan.period.invalid", "period", "the plan period must be two calendar dates, first <= last");
    } else if (p.year != p.period.begin().year()) {
        c.report("plan.year.mismatch", "year",
                 "year " + std::to_string(p.year) + " is not the year the period starts (" +
                     std::to_string(p.period.begin().year()) + ")");
    }
    if (p.report_date.is_special()) c.report("plan.report_date.missing", "report_date", "the plan has no report date");
    if (p.focus_areas.empty()) c.report("plan.focus_areas.empty", "focus_areas", "the plan has no focus areas");
}

/// "focus_areas[f].measures[m].targets[i]": the path of an element.
std::string element_path(const element_position& at, bool project)
{
    const lazy_path area{nullptr, "focus_areas", at.focus_area};
    const lazy_path measure{&area, "measures", at.measure.value_or(0)};
    return lazy_path{at.in_lead() ? &area : &measure, project ? "projects" : "targets", at.index}.str();
}

/// The first use of each id (targets and projects share one namespace),
/// filled in document order as the elements are checked: one hash per
/// element and no allocation per id, so linear in the plan.
class id_table {
public:
    explicit id_table(std::size_t elements) : index_(elements) { uses_.reserve(elements); }

    /// Records a use; reports it when the id was used before.
    void claim(checker& c, const std::string& id, const element_position& at, bool project)
    {
        if (id.empty()) return;
        const auto [number, added] = index_.add(id);
        if (added) {
            uses_.push_back({at, project});
            return;
        }
        const use& first = uses_[number];
        static constexpr rule_ref target_rule{"target.id.duplicate"}, project_rule{"project.id.duplicate"};
        c.report(project ? project_rule : target_rule, element_path(at, project) + ".id",
                 "id " + quoted(id) + " is already used by " + element_path(first.at, first.project));
    }
    /// Whether `id` is the id of a project (`project`) or of a target.
    [[nodiscard]] bool names(std::string_view id, bool project) const
    {
        if (id.empty()) return false;
        const std::size_t number = index_.find(id);
        return number != detail::id_index::npos && uses_[number].project == project;
    }

private:
    struct use {
        element_position at;
        bool project;
    };
    detail::id_index index_;
    std::vector<use> uses_;  ///< by the number the index gives each id
};

/// The targets and projects of `p`, counted in a pass that also asks the
/// processor for each list of them, each project's links and each target's
/// observations: plain loads whose misses overlap, where the checks that
/// follow would meet the same misses one after another.
std::size_t count_and_prefetch(const plan& p) noexcept
{
    using detail::prefetch;
    std::size_t count = 0;
    for (const auto& area : p.focus_areas) {
        prefetch(area.targets);
        count += area.targets.size();
        for (const auto& ms : area.measures) {
            prefetch(ms.targets);
            prefetch(ms.projects);
            count += ms.targets.size() + ms.projects.size();
        }
    }
    for (const auto& area : p.focus_areas) {
        for (const auto& t : area.targets) prefetch(t.observations);
        for (const auto& ms : area.measures) {
            for (const auto& pr : ms.projects) prefetch(pr.targets);
            for (const auto& t : ms.targets) prefetch(t.observations);
        }
    }
    return count;
}

/// Each focus area, measure, target and project, in document order, each id
/// claimed as its element is reached.
void check_elements(checker& c, const plan& p, id_table& ids)
{
    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
        const focus_area& area = p.focus_areas[f];
        const lazy_path fpath{nullptr, "focus_areas", f};
        if (area.ordinal != static_cast<int>(f) + 1) {
            c.report("focus_area.ordinal.sequence", fpath + ".ordinal",
                     "focus area ordinal " + std::to_string(area.ordinal) + " should be " + std::to_string(f + 1) +
                         " (ordinals run 1..N in order)");
        }
        if (area.title.empty()) c.report("focus_area.title.empty", fpath + ".title", "the focus area has no title");
        auto check_targets = [&](const std::vector<target>& targets, const lazy_path& owner,
                                 std::optional<std::size_t> measure) {
            for (std::size_t t = 0; t < targets.size(); ++t) {
                ids.claim(c, targets[t].id, {f, measure, t}, false);
                c.check_target(targets[t], lazy_path{&owner, "targets", t}, true);
            }
        };
        check_targets(area.targets, fpath, std::nullopt);
        for (std::size_t m = 0; m < area.measures.size(); ++m) {
            const measure& ms = area.measures[m];
            const lazy_path mpath{&fpath, "measures", m};
            if (ms.lead.empty()) c.report("measure.lead.empty", mpath + ".lead", "the measure has no lead phrase");
            if (ms.text.empty()) c.report("measure.text.empty", mpath + ".text", "the measure has no text");
            c.check_deadline(ms.deadline, checker::measure_deadline, mpath);
            check_targets(ms.targets, mpath, m);
            for (std::size_t j = 0; j < ms.projects.size(); ++j) {
                ids.claim(c, ms.projects[j].id, {f, m, j}, true);
                c.check_project(ms.projects[j], lazy_path{&mpath, "projects", j});
            }
        }
    }
}

/// A target's parent, for the cycle check.
struct parent_link {
    std::string_view id;
    std::string path;  ///< of the target's parent_id
};

/// The links of one target: its parent, its listed projects, and the count
/// of the projects that name it (from either side). A parent that exists is
/// recorded for the cycle check.
void check_target_links(checker& c, const target& t, const lazy_path& where, const id_table& ids,
                        const named_projects& named,
                        std::unordered_map<std::string_view, std::string_view>& parent_of,
                        std::vector<parent_link>& with_parent)
{
    if (const auto& parent = t.parent_id; !parent.empty() && parent != t.id) {
        if (!ids.names(parent, false)) {
            c.report("target.parent.dangling", where + ".parent_id", "no target has id " + quoted(parent));
        } else if (!t.id.empty() && parent_of.try_emplace(t.id, parent).second) {
            with_parent.push_back({t.id, where + ".parent_id"});
        }
    }
    each_noting_repeats(t.project_ids, [&](std::size_t k, bool repeated) {
        const auto& id = t.project_ids[k];
        if (!ids.names(id, true)) {
            c.report("target.projects.dangling", indexed(where, "project_ids", k), "no project has id " + quoted(id));
        } else if (repeated) {
            c.report("target.projects.duplicate", indexed(where, "project_ids", k),
                     "project " + quoted(id) + " is listed twice");
        }
    });
    c.check_named_count(t, where, named);
}

/// 其中 chains must end: each id is walked once (state 1 on the current
/// chain, 2 when known to end), so the pass is linear in the targets; the
/// first loop in document order is reported.
void check_parent_cycles(checker& c, const std::unordered_map<std::string_view, std::string_view>& parent_of,
                         const std::vector<parent_link>& with_parent)
{
    std::unordered_map<std::string_view, int> state;
    state.reserve(parent_of.size());
    std::vector<std::string_view> chain;
    for (const auto& start : with_parent) {
        chain.clear();
        std::string_view id = start.id;
        while (true) {
            auto& s = state[id];
            if (s == 2) break;
            if (s == 1) {
                c.report("target.parent.cycle", start.path,
                         "target " + quoted(std::string(id)) + " is part of itself through its parents");
                break;
            }
            s = 1;
            chain.push_back(id);
            const auto next = parent_of.find(id);
            if (next == parent_of.end()) break;
            id = next->second;
        }
        for (auto done : chain) state[done] = 2;
    }
}

/// Links by id, checked once every id is known, in document order.
void check_links(checker& c, const plan& p, const id_table& ids)
{
    // Gathered here, not before the element checks: by now every project has
    // been read once, so this pass over them finds them in the cache.
    const named_projects named(p);
    std::unordered_map<std::string_view, std::string_view> parent_of;  // target id → parent id
    std::vector<parent_link> with_parent;                               // the same targets, in document order
    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
        const lazy_path fpath{nullptr, "focus_areas", f};
        const auto& area = p.focus_areas[f];
        for (std::size_t t = 0; t < area.targets.size(); ++t)
            check_target_links(c, area.targets[t], lazy_path{&fpath, "targets", t}, ids, named, parent_of, with_parent);
        for (std::size_t m = 0; m < area.measures.size(); ++m) {
            const lazy_path mpath{&fpath, "measures", m};
            const auto& ms = area.measures[m];
            for (std::size_t t = 0; t < ms.targets.size(); ++t)
                check_target_links(c, ms.targets[t], lazy_path{&mpath, "targets", t}, ids, named, parent_of, with_parent);
            for (std::size_t j = 0; j < ms.projects.size(); ++j) {
                const auto& links = ms.projects[j].targets;
                for (std::size_t k = 0; k < links.size(); ++k) {
                    if (!ids.names(links[k].target_id, false)) {
                        c.report("project.target.dangling",
                                 indexed(lazy_path{&mpath, "projects", j}, "targets", k) + ".target_id",
                                 "no target has id " + quoted(links[k].target_id));
                    }
                }
            }
        }
    }
    check_parent_cycles(c, parent_of, with_parent);
}

}  // namespace

std::span<const validation_rule> validation_rules() noexcept { return validation_detail::rule_table; }

std::vector<diagnostic> validate(const plan& p, const validation_options& options)
{
    std::vector<diagnostic> out;
    validation_options local = options;
    const bool period_ok = is_valid(p.period);
    if (period_ok) local.period = p.period;
    else local.period.reset();

    const unit_registry& base_units = options.units != nullptr ? *options.units : unit_registry::standard();
    std::vector<diagnostic> unit_problems;
    checker unit_checker(unit_problems, local, &base_units);
    std::optional<unit_registry> extended;
    const unit_registry& units = with_plan_units(p, base_units, extended, unit_checker);

    checker c(out, local, &units);
    check_header(c, p, period_ok);
    out.insert(out.end(), unit_problems.begin(), unit_problems.end());
    id_table ids(count_and_prefetch(p));
    check_elements(c, p, ids);
    check_links(c, p, ids);
    return out;
}

std::vector<diagnostic> validate(const target& t, const validation_options& options, const std::string& path)
{
    std::vector<diagnostic> out;
    checker c(out, options);
    c.check_target(t, lazy_path{nullptr, nullptr, 0, &path}, false);
    return out;
}

std::vector<diagnostic> validate(const project& p, const validation_options& options, const std::string& path)
{
    std::vector<diagnostic> out;
    checker c(out, options);
    c.check_project(p, lazy_path{nullptr, nullptr, 0, &path});
    return out;
}

std::size_t error_count(const std::vector<diagnostic>& diagnostics) noexcept
{
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                  [](const diagnostic& d) { return d.severity == severity::error; }));
}

std::size_t warning_count(const std::vector<diagnostic>& diagnostics) noexcept
{
    return static_cast<std::size_t>(std::count_if(
        diagnostics.begin(), diagnostics.end(), [](const diagnostic& d) { return d.severity == severity::warning; }));
}

GOVPLAN_END_NAMESPACE

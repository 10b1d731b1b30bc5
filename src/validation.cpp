#include <govplan/codes.hpp>

#include "printable.hpp"
#include <govplan/validation.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <string>
#include <unordered_set>

GOVPLAN_BEGIN_NAMESPACE
namespace {

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

/// The code of an enumerator, or "<invalid N>" for a stray value: validation
/// must not throw on bad data.
template <class Enum>
bool is_enumerator(Enum e) noexcept
{
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<Enum>>([&](auto d) { found = found || d.value == e; });
    return found;
}

template <class Enum>
std::string code_of(Enum e)
{
    if (is_enumerator(e)) return std::string(to_code(e));
    return "<invalid " + std::to_string(static_cast<long long>(e)) + ">";
}

class checker {
public:
    checker(std::vector<diagnostic>& out, const validation_options& options, const unit_registry* units = nullptr)
        : out_(out), options_(options),
          units_(units != nullptr ? *units : options.units != nullptr ? *options.units : unit_registry::standard())
    {
    }

    void error(std::string code, std::string path, std::string message)
    {
        out_.push_back({severity::error, std::move(code), std::move(path), std::move(message)});
    }
    void warning(std::string code, std::string path, std::string message)
    {
        out_.push_back({severity::warning, std::move(code), std::move(path), std::move(message)});
    }

    // ---- dates -----------------------------------------------------------
    /// A target's deadline may lie after the period: a horizon (到2027年).
    void check_deadline(const std::optional<date>& deadline, const char* element, const lazy_path& owner,
                        bool horizon_allowed = false)
    {
        if (!deadline) return;
        const std::string code_prefix = std::string(element) + ".deadline.";
        if (deadline->is_special()) {
            error(code_prefix + "invalid", owner + ".deadline", "the deadline is not a calendar date");
            return;
        }
        const bool horizon = horizon_allowed && options_.period && *deadline > options_.period->last();
        if (options_.period && is_valid(*options_.period) && !options_.period->contains(*deadline) && !horizon) {
            error(code_prefix + "outside_period", owner + ".deadline",
                  "deadline " + to_iso_string(*deadline) + " is outside the plan period " +
                      to_iso_string(options_.period->begin()) + " to " + to_iso_string(options_.period->last()));
        }
    }

    // ---- targets ---------------------------------------------------------
    void check_target(const target& t, const lazy_path& path, std::size_t named_projects)
    {
        if (t.id.empty()) error("target.id.empty", path + ".id", "the target has no id");
        if (t.metric.empty()) error("target.metric.empty", path + ".metric", "the target names no metric");
        if (!is_enumerator(t.kind)) error("target.kind.invalid", path + ".kind", "kind " + code_of(t.kind) + " is not defined");
        if (!is_enumerator(t.comparator)) {
            error("target.comparator.invalid", path + ".comparator",
                  "comparator " + code_of(t.comparator) + " is not defined");
        }
        if (!is_enumerator(t.commitment)) {
            error("target.commitment.invalid", path + ".commitment",
                  "commitment " + code_of(t.commitment) + " is not defined");
        }

        if (!is_enumerator(t.hedge)) error("target.hedge.invalid", path + ".hedge", "hedge " + code_of(t.hedge) + " is not defined");

        const bool unit_known = check_unit(t, path);
        check_values(t, path, unit_known);
        check_baseline(t, path, unit_known);
        check_deadline(t.deadline, "target", path, true);
        check_milestones(t, path);
        check_scope(t, path);
        if (t.group && t.group->id.empty()) error("target.group.id.empty", path + ".group.id", "the group has no id");
        if (!t.parent_id.empty() && t.parent_id == t.id) {
            error("target.parent.self", path + ".parent_id", "a target cannot be part of itself");
        }
        check_observations(t, path);
        check_named_count(t, path, named_projects, unit_known);
    }

    void check_milestones(const target& t, const lazy_path& path)
    {
        for (std::size_t i = 0; i < t.milestones.size(); ++i) {
            const auto& m = t.milestones[i];
            const std::string p = indexed(path, "milestones", i);
            if (m.date.is_special()) {
                error("target.milestone.date.invalid", p + ".date", "not a calendar date");
                continue;
            }
            if (i > 0 && !t.milestones[i - 1].date.is_special() && !(t.milestones[i - 1].date < m.date)) {
                error("target.milestone.order", p + ".date", "milestones must be in date order, one per date");
            }
            const auto deadline = t.deadline ? t.deadline : (options_.period ? std::optional<date>(options_.period->last())
                                                                              : std::nullopt);
            if (deadline && !deadline->is_special() && m.date > *deadline) {
                error("target.milestone.after_deadline", p + ".date",
                      "milestone " + to_iso_string(m.date) + " is after the deadline " + to_iso_string(*deadline));
            }
        }
    }

    void check_scope(const target& t, const lazy_path& path)
    {
        if (!t.scope) return;
        const std::string p = path + ".scope";
        if (t.scope->noun.empty()) error("target.scope.noun.empty", p + ".noun", "a scope names what it covers");
        if (t.scope->count && (t.scope->count->is_negative() || !t.scope->count->is_integer())) {
            error("target.scope.count.invalid", p + ".count",
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
            if (needs_unit(t)) error("target.unit.missing", path + ".unit", "a target with a value needs a unit");
            return false;
        }
        if (!units_.contains(t.unit)) {
            const unit* same_symbol = units_.lookup(t.unit.symbol);
            error("target.unit.unknown", path + ".unit",
                  same_symbol ? "unit " + quoted(t.unit.symbol) + " differs from the registered unit of that name"
                              : "unit " + quoted(t.unit.symbol) + " is not registered");
            return false;
        }
        if (!kind_accepts(t.kind, t.unit.dimension)) {
            error("target.unit.incompatible", path + ".unit",
                  "a " + std::string(code_of(t.kind)) + " target cannot be stated in " + quoted(t.unit.symbol) + " (" +
                      std::string(code_of(t.unit.dimension)) + ")");
        }
        return true;
    }

    void unexpected(const std::optional<decimal>& v, const lazy_path& path, const char* field, const target& t)
    {
        if (v) {
            error("target.value.unexpected", path + "." + field,
                  std::string("a ") + std::string(code_of(t.comparator)) + " target does not use " + field);
        }
    }

    void check_values(const target& t, const lazy_path& path, bool unit_known)
    {
        if (t.kind == target_kind::direction && t.comparator != comparator::direction) {
            error("target.comparator.incompatible", path + ".comparator",
                  "a direction target needs the direction comparator, not " + std::string(code_of(t.comparator)));
        }
        const bool wordy = t.kind == target_kind::qualitative || t.kind == target_kind::grade;
        if (wordy && t.comparator != comparator::none && t.comparator != comparator::within) {
            error("target.comparator.incompatible", path + ".comparator",
                  "a " + std::string(code_of(t.kind)) + " target compares no number: its comparator is none or within");
        }
        if (!wordy && t.comparator == comparator::none) {
            error("target.comparator.incompatible", path + ".comparator",
                  "only qualitative and grade targets have comparator none");
        }
        if (t.kind == target_kind::grade && t.grade.empty()) {
            error("target.grade.missing", path + ".grade", "a grade target names its grade (AA级, 国家级)");
        } else if (t.kind != target_kind::grade && !t.grade.empty()) {
            error("target.grade.unexpected", path + ".grade", "only a grade target has a grade");
        }
        if ((t.comparator == comparator::within || t.kind == target_kind::relative) && t.reference.empty()) {
            error("target.reference.missing", path + ".reference",
                  "a " + std::string(t.comparator == comparator::within ? "within" : "relative") +
                      " target names what it is set against");
        }
        if (t.kind == target_kind::attainment && t.value && !t.value->is_zero() &&
            !(*t.value == decimal::from_integer(100) && t.unit.dimension == dimension::percent)) {
            error("target.attainment.value", path + ".value",
                  "full attainment is 100% (全覆盖, 全面达标) or 0 (清零), not " + t.value->to_string() + t.unit.symbol);
        }
        // The implied number is recorded like a stated one (the default case below
        // reports it missing); a target that compares no number has none to imply.
        if (t.value_implied && (t.comparator == comparator::direction || t.comparator == comparator::within ||
                                t.comparator == comparator::none)) {
            error("target.value.unexpected", path + ".value_implied",
                  "a " + std::string(code_of(t.comparator)) + " target states no number to imply");
        }
        switch (t.comparator) {
        case comparator::range:
            unexpected(t.value, path, "value", t);
            if (!t.low) error("target.range.missing", path + ".low", "a range needs its low end");
            if (!t.high) error("target.range.missing", path + ".high", "a range needs its high end");
            if (t.low && t.high && !(*t.low < *t.high)) {
                error("target.range.order", path + ".low",
                      "the low end " + t.low->to_string() + " is not below the high end " + t.high->to_string());
            }
            break;
        case comparator::direction:
            unexpected(t.value, path, "value", t);
            unexpected(t.low, path, "low", t);
            unexpected(t.high, path, "high", t);
            unexpected(t.stretch, path, "stretch", t);
            if (!t.trend) error("target.trend.missing", path + ".trend", "a direction target needs its trend");
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
                error("target.value.missing", path + ".value", "the target states no value");
            }
            unexpected(t.low, path, "low", t);
            unexpected(t.high, path, "high", t);
            break;
        }

        const bool non_negative = t.kind == target_kind::amount || t.kind == target_kind::count ||
                                  t.kind == target_kind::share ||
                                  (t.kind == target_kind::level && unit_known && t.unit.dimension != dimension::percent);
        // A percent level may pass 100 (债务率控制在120%以下); a share and a reduction may not.
        const bool percent_share = t.kind == target_kind::share || t.kind == target_kind::reduction_rate;
        const decimal hundred = decimal::from_integer(100);
        auto check_number = [&](const std::optional<decimal>& v, const char* field) {
            if (!v) return;
            if (non_negative && v->is_negative()) {
                error("target.value.negative", path + "." + field,
                      "a " + std::string(code_of(t.kind)) + " cannot be negative (" + v->to_string() + ")");
            }
            if (percent_share && unit_known && t.unit.dimension == dimension::percent && *v > hundred) {
                error("target.value.over_100_percent", path + "." + field,
                      "a share cannot exceed 100% (" + v->to_string() + "%)");
            }
            // A rate (张/千人口) counts per something: 6.5 is a fine rate.
            if (unit_known && t.unit.dimension == dimension::count && t.unit.per.empty() &&
                !whole_in_base(*v, t.unit.scale)) {
                {
                    error("target.value.fractional_count", path + "." + field,
                          "a count of " + t.unit.base + " must be a whole number (" + v->to_string() + t.unit.symbol +
                              ")");
                }
            }
        };
        check_number(t.value, "value");
        check_number(t.low, "low");
        check_number(t.high, "high");
        check_number(t.stretch, "stretch");

        // 负增长 (less than 0) and 保持正增长 (more than 0) commit to something.
        if (t.kind == target_kind::growth_rate && t.value && t.value->is_zero() &&
            (t.comparator == comparator::exactly || t.comparator == comparator::at_least ||
             t.comparator == comparator::about)) {
            warning("target.value.zero_growth", path + ".value", "a growth target of zero commits to nothing");
        }
        if (t.stretch && t.value) {
            const bool upper = t.comparator == comparator::at_most || t.comparator == comparator::less_than;
            if (upper && !meets_bound(comparator::less_than, *t.stretch, *t.value)) {
                warning("target.stretch.above_ceiling", path + ".stretch",
                        "the stretch value " + t.stretch->to_string() + " is not below the ceiling " +
                            t.value->to_string());
            } else if (!upper && !meets_bound(comparator::more_than, *t.stretch, *t.value)) {
                warning("target.stretch.below_floor", path + ".stretch",
                        "the stretch value " + t.stretch->to_string() + " is not above the floor " +
                            t.value->to_string());
            }
        } else if (t.stretch && t.comparator == comparator::range && t.high &&
                   !meets_bound(comparator::more_than, *t.stretch, *t.high)) {
            warning("target.stretch.below_floor", path + ".stretch",
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
        const std::string p = path + ".baseline";
        const auto& b = *t.baseline;
        if (b.date && b.date->is_special()) error("target.baseline.date.invalid", p + ".date", "not a calendar date");
        if (b.year == 0 && !b.date) error("target.baseline.empty", p, "a baseline names at least its year or date");
        if (b.year != 0 && b.date && !b.date->is_special() && b.date->year() != b.year) {
            error("target.baseline.year.mismatch", p + ".year",
                  "year " + std::to_string(b.year) + " is not the year of " + to_iso_string(*b.date));
        }
        if (!b.value || !unit_known || !same_family_required(t.kind)) return;
        if (!convertible(b.value->unit, t.unit)) {
            error("target.baseline.unit.incompatible", p + ".value",
                  "baseline " + to_string(*b.value) + " cannot be compared with a target in " +
                      quoted(t.unit.symbol));
            return;
        }
        if (t.value && (t.comparator == comparator::exactly || t.comparator == comparator::at_least ||
                        t.comparator == comparator::about)) {
            auto order = compare(*b.value, quantity{*t.value, t.unit});
            if (order && *order == std::strong_ordering::equal) {
                warning("target.value.equals_baseline", path + ".value",
                        "the target " + t.value->to_string() + t.unit.symbol + " equals its baseline");
            }
        }
    }

    void check_observations(const target& t, const lazy_path& path)
    {
        for (std::size_t i = 0; i < t.observations.size(); ++i) {
            const auto& o = t.observations[i];
            const std::string p = indexed(path, "observations", i);
            if (o.date.is_special()) {
                error("observation.date.invalid", p + ".date", "not a calendar date");
            } else if (options_.as_of && o.date > *options_.as_of) {
                error("observation.date.after_as_of", p + ".date",
                      "observed on " + to_iso_string(o.date) + ", after the as-of date " +
                          to_iso_string(*options_.as_of));
            }
            const unit& reference = t.kind == target_kind::direction || t.unit.empty()
                                        ? (i == 0 ? o.value.unit : t.observations[0].value.unit)
                                        : t.unit;
            if (govplan::met_or_not(t)) {
                if (!o.value.unit.empty() || (!o.value.value.is_zero() && !(o.value.value == decimal::from_integer(1)))) {
                    error("observation.value.not_met_or_not", p + ".value",
                          "a " + std::string(code_of(t.kind)) + " target is observed as 1 (met) or 0 (not met), without unit");
                }
                continue;
            }
            // A pp change may be observed as the level it changes (in %).
            if (t.kind == target_kind::pp_change && o.value.unit.dimension == dimension::percent) continue;
            if (o.value.unit.empty()) {
                error("observation.unit.missing", p + ".value", "the observation has no unit");
            } else if (!reference.empty() && !convertible(o.value.unit, reference)) {
                std::string why = o.value.unit.dimension == dimension::money && reference.dimension == dimension::money
                                      ? " (money in two currencies: " + std::string(o.value.unit.currency()) +
                                            " and " + std::string(reference.currency()) + ")"
                                      : "";
                error("observation.unit.incompatible", p + ".value",
                      "observed " + to_string(o.value) + " cannot be combined with " + quoted(reference.symbol) + why);
            }
        }
    }

    void check_named_count(const target& t, const lazy_path& path, std::size_t named, bool unit_known)
    {
        if (!unit_known || t.unit.dimension != dimension::count || named == 0) return;
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
        auto in_base = convert(quantity{*bound, t.unit}, unit{t.unit.base, dimension::count, t.unit.base, {}, {}});
        if (!in_base) return;
        if (!meets_bound(upper, decimal::from_integer(static_cast<std::int64_t>(named)), in_base->value)) {
            error("target.projects.exceed_count", path + ".project_ids",
                  std::to_string(named) + " named projects exceed the count of " + bound->to_string() +
                      t.unit.symbol);
        }
    }

    // ---- projects --------------------------------------------------------
    void check_project(const project& p, const lazy_path& path)
    {
        if (p.id.empty()) error("project.id.empty", path + ".id", "the project has no id");
        if (p.name.empty()) error("project.name.empty", path + ".name", "the project has no name");
        if (!is_enumerator(p.stage)) error("project.stage.invalid", path + ".stage", "stage " + code_of(p.stage) + " is not defined");
        if (!is_enumerator(p.type)) error("project.type.invalid", path + ".type", "type " + code_of(p.type) + " is not defined");
        for (std::size_t i = 0; i < p.targets.size(); ++i) {
            if (!is_enumerator(p.targets[i].role)) {
                error("project.target.role.invalid", indexed(path, "targets", i) + ".role",
                      "role " + code_of(p.targets[i].role) + " is not defined");
            }
        }
        auto check_money = [&](const std::optional<quantity>& q, const char* field) {
            if (!q) return;
            if (q->unit.dimension != dimension::money || !units_.contains(q->unit)) {
                error("project.investment.unit", path + "." + field,
                      "an investment is an amount of money in a registered unit, not " + quoted(q->unit.symbol));
            } else if (q->value.is_negative()) {
                error("project.investment.negative", path + "." + field, "an investment cannot be negative");
            }
        };
        check_money(p.total_investment, "total_investment");
        check_money(p.investment_this_year, "investment_this_year");
        if (p.total_investment && p.investment_this_year) {
            auto order = compare(*p.investment_this_year, *p.total_investment);
            if (order && *order == std::strong_ordering::greater) {
                error("project.investment.exceeds_total", path + ".investment_this_year",
                      "this year's investment " + to_string(*p.investment_this_year) + " exceeds the total " +
                          to_string(*p.total_investment));
            }
        }
    }


private:
    std::vector<diagnostic>& out_;
    validation_options options_;
    const unit_registry& units_;
};

}  // namespace

std::vector<diagnostic> validate(const plan& p, const validation_options& options)
{
    std::vector<diagnostic> out;
    validation_options local = options;
    const bool period_ok = is_valid(p.period);
    if (period_ok) local.period = p.period;
    else local.period.reset();

    // The plan's own units join the registry; a definition that conflicts
    // with it or is malformed is reported, not thrown.
    // Copied only when the plan adds units of its own.
    const unit_registry& base_units = options.units != nullptr ? *options.units : unit_registry::standard();
    std::optional<unit_registry> extended;
    if (!p.units.empty()) extended.emplace(base_units);
    std::vector<diagnostic> unit_problems;
    for (std::size_t i = 0; i < p.units.size(); ++i) {
        const unit& u = p.units[i];
        const std::string path = "units[" + std::to_string(i) + "]";
        if (u.symbol.empty() || u.base.empty() || u.scale.numerator <= 0 || u.scale.denominator <= 0 ||
            !is_enumerator(u.dimension) || u.per.find('/') != std::string::npos) {
            unit_problems.push_back({severity::error, "plan.units.invalid", path,
                                     "a unit needs a symbol, a dimension, a base, a positive scale and a denominator without a slash"});
        } else if (const unit* known = extended->lookup(u.symbol); known != nullptr && !(*known == u)) {
            unit_problems.push_back({severity::error, "plan.units.conflict", path,
                                     "unit " + quoted(u.symbol) + " is already defined differently"});
        } else {
            extended->add(u);
        }
    }
    checker c(out, local, extended ? &*extended : &base_units);

    if (p.id.empty()) c.error("plan.id.empty", "id", "the plan has no id");
    if (p.title.empty()) c.error("plan.title.empty", "title", "the plan has no title");
    if (!period_ok) {
        c.error("plan.period.invalid", "period", "the plan period must be two calendar dates, first <= last");
    } else if (p.year != p.period.begin().year()) {
        c.error("plan.year.mismatch", "year",
                "year " + std::to_string(p.year) + " is not the year the period starts (" +
                    std::to_string(p.period.begin().year()) + ")");
    }
    if (p.report_date.is_special()) c.error("plan.report_date.missing", "report_date", "the plan has no report date");
    if (p.focus_areas.empty()) c.warning("plan.focus_areas.empty", "focus_areas", "the plan has no focus areas");
    out.insert(out.end(), unit_problems.begin(), unit_problems.end());

    // Ids: one namespace for targets and projects. Collected in document
    // order, then sorted once: a repeated id is reported where it repeats.
    struct id_use {
        std::string_view id;
        std::uint64_t prefix;  ///< the first 8 bytes: most comparisons end here
        std::size_t order;
        bool is_project;
        std::size_t f, m, i;  // m == npos: a focus area's own target
    };
    constexpr std::size_t npos = static_cast<std::size_t>(-1);
    auto prefix_of = [](std::string_view id) {
        std::uint64_t v = 0;
        std::memcpy(&v, id.data(), std::min<std::size_t>(id.size(), sizeof v));
        return v;
    };
    // Any strict order will do: size, then prefix, then the bytes.
    auto less = [](const id_use& a, std::string_view b_id, std::uint64_t b_prefix) {
        if (a.id.size() != b_id.size()) return a.id.size() < b_id.size();
        if (a.prefix != b_prefix) return a.prefix < b_prefix;
        return a.id.size() > 8 && std::memcmp(a.id.data() + 8, b_id.data() + 8, a.id.size() - 8) < 0;
    };
    std::vector<id_use> uses;
    uses.reserve(target_count(p) + project_count(p));
    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
        const auto& area = p.focus_areas[f];
        for (std::size_t t = 0; t < area.targets.size(); ++t)
            if (!area.targets[t].id.empty()) uses.push_back({area.targets[t].id, prefix_of(area.targets[t].id), uses.size(), false, f, npos, t});
        for (std::size_t m = 0; m < area.measures.size(); ++m) {
            const auto& ms = area.measures[m];
            for (std::size_t t = 0; t < ms.targets.size(); ++t)
                if (!ms.targets[t].id.empty()) uses.push_back({ms.targets[t].id, prefix_of(ms.targets[t].id), uses.size(), false, f, m, t});
            for (std::size_t j = 0; j < ms.projects.size(); ++j)
                if (!ms.projects[j].id.empty()) uses.push_back({ms.projects[j].id, prefix_of(ms.projects[j].id), uses.size(), true, f, m, j});
        }
    }
    std::vector<const id_use*> by_id(uses.size());
    for (std::size_t k = 0; k < uses.size(); ++k) by_id[k] = &uses[k];
    std::sort(by_id.begin(), by_id.end(), [&](const id_use* a, const id_use* b) {
        if (less(*a, b->id, b->prefix)) return true;
        if (less(*b, a->id, a->prefix)) return false;
        return a->order < b->order;
    });
    auto render = [](const id_use& u) {
        const lazy_path area{nullptr, "focus_areas", u.f};
        const lazy_path ms{&area, "measures", u.m};
        const lazy_path element{u.m == npos ? &area : &ms, u.is_project ? "projects" : "targets", u.i};
        return element.str();
    };
    std::vector<std::pair<std::size_t, diagnostic>> duplicates;  // (document order, diagnostic)
    std::size_t first = 0;  // where the current run of equal ids starts
    for (std::size_t k = 1; k < by_id.size(); ++k) {
        if (by_id[k]->id != by_id[k - 1]->id) {
            first = k;
            continue;
        }
        const id_use& u = *by_id[k];
        duplicates.emplace_back(u.order, diagnostic{severity::error,
                                                    std::string(u.is_project ? "project" : "target") + ".id.duplicate",
                                                    render(u) + ".id",
                                                    "id " + quoted(std::string(u.id)) + " is already used by " +
                                                        render(*by_id[first])});
    }
    std::sort(duplicates.begin(), duplicates.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t next_duplicate = 0;
    std::size_t order = 0;
    auto claim = [&](const std::string& id) {
        if (id.empty()) return;
        const std::size_t mine = order++;
        while (next_duplicate < duplicates.size() && duplicates[next_duplicate].first == mine) {
            out.push_back(duplicates[next_duplicate++].second);
        }
    };
    auto find_id = [&](std::string_view id) -> const id_use* {
        const std::uint64_t prefix = prefix_of(id);
        auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                                   [&](const id_use* a, std::string_view b) { return less(*a, b, prefix); });
        return it != by_id.end() && (*it)->id == id ? *it : nullptr;
    };

    // Projects naming each count target, for the named-versus-counted check.
    std::vector<std::pair<std::string_view, std::string_view>> links;  // (target id, project id)
    for (const auto& area : p.focus_areas) {
        for (const auto& t : area.targets)
            for (const auto& pid : t.project_ids) links.emplace_back(t.id, pid);
        for (const auto& m : area.measures) {
            for (const auto& t : m.targets)
                for (const auto& pid : t.project_ids) links.emplace_back(t.id, pid);
            for (const auto& pr : m.projects)
                for (const auto& link : pr.targets)
                    if (link.role == link_role::exemplifies && !link.target_id.empty() && !pr.id.empty()) {
                        links.emplace_back(link.target_id, pr.id);
                    }
        }
    }
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    auto named_count = [&](const target& tg) -> std::size_t {
        // Only counts are compared with their named projects.
        if (tg.id.empty() || links.empty() || tg.unit.dimension != dimension::count) return 0;
        const auto range = std::equal_range(links.begin(), links.end(), std::pair<std::string_view, std::string_view>(tg.id, {}),
                                            [](const auto& a, const auto& b) { return a.first < b.first; });
        return static_cast<std::size_t>(range.second - range.first);
    };

    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
        const focus_area& area = p.focus_areas[f];
        const lazy_path fpath{nullptr, "focus_areas", f};
        if (area.ordinal != static_cast<int>(f) + 1) {
            c.error("focus_area.ordinal.sequence", fpath + ".ordinal",
                    "focus area ordinal " + std::to_string(area.ordinal) + " should be " + std::to_string(f + 1) +
                        " (ordinals run 1..N in order)");
        }
        if (area.title.empty()) c.error("focus_area.title.empty", fpath + ".title", "the focus area has no title");
        auto check_targets = [&](const std::vector<target>& targets, const lazy_path& owner) {
            for (std::size_t t = 0; t < targets.size(); ++t) {
                const target& tg = targets[t];
                const lazy_path where{&owner, "targets", t};
                claim(tg.id);
                c.check_target(tg, where, named_count(tg));
            }
        };
        check_targets(area.targets, fpath);
        for (std::size_t m = 0; m < area.measures.size(); ++m) {
            const measure& ms = area.measures[m];
            const lazy_path mpath{&fpath, "measures", m};
            if (ms.lead.empty()) c.error("measure.lead.empty", mpath + ".lead", "the measure has no lead phrase");
            if (ms.text.empty()) c.error("measure.text.empty", mpath + ".text", "the measure has no text");
            c.check_deadline(ms.deadline, "measure", mpath);
            check_targets(ms.targets, mpath);
            for (std::size_t j = 0; j < ms.projects.size(); ++j) {
                claim(ms.projects[j].id);
                c.check_project(ms.projects[j], lazy_path{&mpath, "projects", j});
            }
        }
    }

    // Links, checked once every id is known.
    auto is_a = [&](const std::string& id, bool project) {
        const id_use* u = find_id(id);
        return u != nullptr && u->is_project == project;
    };
    std::unordered_set<std::string_view> listed;  // the ids one target lists, for its duplicates
    std::unordered_map<std::string_view, std::string_view> parent_of;  // target id → parent id
    struct part_of {
        std::string_view id;
        std::string path;  ///< of its parent_id
    };
    std::vector<part_of> with_parent;  // the same targets, in document order
    auto check_links = [&](const std::vector<target>& targets, const lazy_path& owner) {
        for (std::size_t t = 0; t < targets.size(); ++t) {
            if (const auto& parent = targets[t].parent_id; !parent.empty() && parent != targets[t].id) {
                if (!is_a(parent, false)) {
                    c.error("target.parent.dangling", lazy_path{&owner, "targets", t} + ".parent_id",
                            "no target has id " + quoted(parent));
                } else if (!targets[t].id.empty()) {
                    if (parent_of.try_emplace(targets[t].id, parent).second) {
                        with_parent.push_back({targets[t].id, lazy_path{&owner, "targets", t} + ".parent_id"});
                    }
                }
            }
            const auto& list = targets[t].project_ids;
            listed.clear();
            for (std::size_t k = 0; k < list.size(); ++k) {
                const lazy_path where{&owner, "targets", t};
                const bool again = !listed.insert(list[k]).second;
                if (!is_a(list[k], true)) {
                    c.error("target.projects.dangling", indexed(where, "project_ids", k),
                            "no project has id " + quoted(list[k]));
                } else if (again) {
                    c.error("target.projects.duplicate", indexed(where, "project_ids", k),
                            "project " + quoted(list[k]) + " is listed twice");
                }
            }
        }
    };
    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
        const lazy_path fpath{nullptr, "focus_areas", f};
        check_links(p.focus_areas[f].targets, fpath);
        const auto& measures = p.focus_areas[f].measures;
        for (std::size_t m = 0; m < measures.size(); ++m) {
            const lazy_path mpath{&fpath, "measures", m};
            check_links(measures[m].targets, mpath);
            for (std::size_t j = 0; j < measures[m].projects.size(); ++j) {
                const auto& links_of = measures[m].projects[j].targets;
                for (std::size_t k = 0; k < links_of.size(); ++k) {
                    const auto& tid = links_of[k].target_id;
                    if (!is_a(tid, false)) {
                        c.error("project.target.dangling",
                                indexed(lazy_path{&mpath, "projects", j}, "targets", k) + ".target_id",
                                "no target has id " + quoted(tid));
                    }
                }
            }
        }
    }
    // 其中 chains must end: each id is walked once (state 1 on the current
    // chain, 2 when known to end), so the pass is linear in the targets.
    std::unordered_map<std::string_view, int> state;
    state.reserve(parent_of.size());
    std::vector<std::string_view> chain;
    for (const auto& start : with_parent) {  // document order: the first loop found is reported
        chain.clear();
        std::string_view id = start.id;
        while (true) {
            auto& s = state[id];
            if (s == 2) break;
            if (s == 1) {
                c.error("target.parent.cycle", start.path,
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
    return out;
}

std::vector<diagnostic> validate(const target& t, const validation_options& options, const std::string& path)
{
    std::vector<diagnostic> out;
    checker c(out, options);
    c.check_target(t, lazy_path{nullptr, nullptr, 0, &path}, t.project_ids.size());
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

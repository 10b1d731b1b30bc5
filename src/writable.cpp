#include "writable.hpp"

#include "described.hpp"
#include "printable.hpp"
#include "unique_ids.hpp"

#include <govplan/archive.hpp>
#include <govplan/json.hpp>
#include <govplan/serialization.hpp>

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <stdexcept>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace govplan::detail {
namespace {

/// Finds the first value under `value` that a reader refuses (a string that is
/// not UTF-8, a list longer than the readers' collection limit, a value of an
/// enumeration that is none of its enumerators), writes its
/// path ("focus_areas[0].title") to `path` and the reason to `why`.
template <class T>
bool find_unreadable(const T& value, std::string& path, std::string& why)
{
    if constexpr (std::is_same_v<T, std::string>) {
        if (serialization_detail::valid_utf8(value)) return false;
        why = "is not UTF-8 text";
        return true;
    } else if constexpr (std::is_enum_v<T>) {
        if (is_enumerator(value)) return false;
        why = "is not a defined value (" + std::to_string(static_cast<long long>(value)) + ")";
        return true;
    } else if constexpr (is_vector<T>) {
        if (value.size() > json_limits{}.max_array_size || value.size() > archive_limits{}.max_collection_size) {
            why = "holds " + std::to_string(value.size()) + " elements, over the readers' limit of " +
                  std::to_string(std::min<std::size_t>(json_limits{}.max_array_size, archive_limits{}.max_collection_size));
            return true;
        }
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (find_unreadable(value[i], path, why)) {
                const bool index_or_empty = path.empty() || path.front() == '[';
                path.insert(0, "[" + std::to_string(i) + "]" + (index_or_empty ? "" : "."));
                return true;
            }
        }
        return false;
    } else if constexpr (is_optional<T>) {
        return value && find_unreadable(*value, path, why);
    } else if constexpr (is_boxed<T>) {
        return find_unreadable(*value, path, why);
    } else if constexpr (std::is_same_v<T, unit>) {
        return find_unreadable(value.definition(), path, why);  // its symbol, base, per and dimension
    } else if constexpr (described<T>) {
        bool found = false;
        for_each_member(value, [&](std::string_view name, const auto& member) {
            if (found || !find_unreadable(member, path, why)) return;
            found = true;
            const bool index_or_empty = path.empty() || path.front() == '[';
            path.insert(0, std::string(name) + (index_or_empty ? "" : "."));
        });
        return found;
    } else {
        return false;  // numbers, dates, decimals
    }
}

}  // namespace

namespace {

/// Calls visit(u) for every unit the plan's targets, baselines, observations
/// and investments use, in document order (its own "units" list aside).
template <class Visit>
void for_each_used_unit(const plan& p, Visit&& visit)
{
    for (auto [t, at] : each_target(p)) {
        visit(t.unit);
        if (t.baseline && t.baseline->value) visit(t.baseline->value->unit);
        for (const auto& o : t.observations) visit(o.value.unit);
    }
    for (auto [pr, at] : each_project(p)) {
        if (pr.total_investment) visit(pr.total_investment->unit);
        if (pr.investment_this_year) visit(pr.investment_this_year->unit);
    }
}

}  // namespace

std::vector<unit> units_to_define(const plan& p)
{
    std::vector<unit> out = p.units;
    // Copies, not views: views into `out` would dangle when it grows.
    std::unordered_set<std::string> listed;
    for (const auto& u : out) listed.insert(u.symbol());
    // A rate of a unit the reader knows (斤/亩 from a defined 斤) is derived by
    // the reader itself: listing it would read back as one more definition.
    std::optional<unit_registry> known;  // the standard units and the plan's own, once a rate needs them
    auto derived = [&](const unit& u) {
        if (u.symbol().find('/') == std::string::npos) return false;
        if (!known) {
            known.emplace(unit_registry::standard());
            for (const auto& own : p.units) (void)register_plan_unit(*known, own);
        }
        const auto found = known->find(u.symbol());
        return found && *found == u;
    };
    for_each_used_unit(p, [&](const unit& u) {
        if (u.empty() || unit_registry::standard().contains(u) || listed.count(u.symbol()) > 0 || derived(u)) return;
        listed.insert(u.symbol());
        out.push_back(u);
    });
    return out;
}

std::optional<std::string> register_plan_unit(unit_registry& units, const unit& u)
{
    if (u.symbol().empty() || u.base().empty()) return std::string("a unit needs a symbol and a base");
    if (const unit* existing = units.lookup(u.symbol()); existing != nullptr && !(*existing == u))
        return "unit \"" + quoted_excerpt(u.symbol()) + "\" is already defined differently";
    try {
        units.add(u);
    } catch (const std::invalid_argument& e) {
        return printable(e.what(), 200);
    }
    return std::nullopt;
}

std::optional<std::string> units_problem(const plan& p)
{
    // Every use is compared, not only the first of each symbol: a JSON
    // document names units by symbol, so a second definition would silently
    // take the first one's meaning.
    unit_registry units = unit_registry::standard();
    std::unordered_map<std::string, unit> defined;
    std::optional<std::string> problem;
    auto check = [&](const unit& u) {
        if (problem || u.empty() || unit_registry::standard().contains(u)) return;
        const auto [it, first] = defined.try_emplace(u.symbol(), u);
        if (!first) {
            if (!(it->second == u)) problem = "unit \"" + quoted_excerpt(u.symbol()) + "\" is used with two definitions";
            return;
        }
        problem = register_plan_unit(units, u);
    };
    for (const auto& u : p.units) check(u);
    for_each_used_unit(p, check);
    return problem;
}

std::optional<std::string> range_problem(const plan& p)
{
    if (p.year < 0 || p.year > max_year) return "year " + std::to_string(p.year) + " out of range 0.." + std::to_string(max_year);
    for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
        const int ordinal = p.focus_areas[f].ordinal;
        if (ordinal < 0 || ordinal > max_ordinal)
            return "focus_areas[" + std::to_string(f) + "].ordinal " + std::to_string(ordinal) + " out of range 0.." +
                   std::to_string(max_ordinal);
    }
    return std::nullopt;
}

std::optional<error> readers_refuse(const plan& p)
{
    if (auto why = range_problem(p)) return error(errc::invalid_value, *why);
    if (auto why = units_problem(p)) return error(errc::invalid_value, *why);
    if (const auto repeated = first_repeated_id(p)) {
        const element_position& at = repeated->at;
        std::string where = "focus_areas[" + std::to_string(at.focus_area) + "]";
        if (!at.in_lead()) where += ".measures[" + std::to_string(*at.measure) + "]";
        where += (repeated->project ? ".projects[" : ".targets[") + std::to_string(at.index) + "].id";
        return error(errc::duplicate_id, "id \"" + quoted_excerpt(repeated->id) + "\" is used twice (" + where + ")");
    }
    return std::nullopt;
}

result<void> check_writable(const plan& p)
{
    std::string path, why;
    if (find_unreadable(p, path, why)) return error(errc::invalid_value, path + " " + why + ": refused before writing");
    if (auto refused = readers_refuse(p)) {
        refused->message += ": refused before writing";
        return *refused;
    }
    return {};
}

result<void> check_writable_size(std::size_t bytes, std::size_t reader_limit, const char* what)
{
    if (bytes <= reader_limit) return {};
    return error(errc::limit_exceeded, std::string(what) + " would be " + std::to_string(bytes) +
                                           " bytes, over the readers' limit of " + std::to_string(reader_limit) +
                                           ": refused before writing");
}

}  // namespace govplan::detail

// Internal: the keys of each described type in a govplan JSON document, shared
// by the two readers (json.cpp's tree reader and json_direct.cpp's reader
// from parser events) and the writer. Not API.
#pragma once

#include <govplan/measure.hpp>
#include <govplan/plan.hpp>
#include <govplan/project.hpp>
#include <govplan/unit.hpp>

#include "described.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace govplan::detail {

// A described member of type quantity (or optional quantity) named "value" is
// written flat into its object: "value" (the decimal) and "unit" (the symbol,
// omitted when it is the enclosing target's unit). Observations and baselines
// read as {"date": …, "value": "21.4", "unit": "亿元"}.
template <class T>
inline constexpr bool is_quantity_v = std::is_same_v<T, quantity> || std::is_same_v<T, std::optional<quantity>>;

template <class T>
constexpr bool is_flat_quantity_member(std::string_view name)
{
    return is_quantity_v<T> && name == "value";
}

template <class T>
constexpr bool has_flat_quantity()
{
    bool found = false;
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) {
        using member = std::remove_cvref_t<decltype(std::declval<T&>().*m.pointer)>;
        if (is_flat_quantity_member<member>(m.name)) found = true;
    });
    return found;
}

/// Keys of format 1 that format 2 renamed: a measure's lead_unit and
/// partner_units (now its responsibility), a project's target_id (now one of
/// its target links). Only the tree reader reads format 1.
template <class T>
std::span<const std::string_view> version_1_keys()
{
    static constexpr std::string_view measure_keys[] = {"lead_unit", "partner_units"};
    static constexpr std::string_view project_keys[] = {"target_id"};
    if constexpr (std::is_same_v<T, measure>) return measure_keys;
    else if constexpr (std::is_same_v<T, project>) return project_keys;
    else return {};
}

/// Where each key of a described type goes: slots [0, members) are its
/// members in declaration order; then "unit" beside a flat quantity, the
/// document header ("format", "format_version") and last the format 1 keys.
///
/// A key is found with one hash of a few of its bytes into an open-addressed
/// table of twice the keys or more, then one comparison (rarely two): no
/// chain of comparisons, no division.
class key_table {
public:
    std::vector<std::string_view> names;
    std::size_t members = 0;
    std::size_t first_version_1 = 0;
    std::size_t unit = std::string_view::npos;  ///< the slot of "unit" beside a flat quantity

    /// Builds the lookup once `names` is complete.
    void index()
    {
        std::size_t size = 16;
        while (size < 2 * names.size()) size *= 2;
        buckets_.assign(size, empty);
        mask_ = size - 1;
        for (std::size_t i = 0; i < names.size(); ++i) {
            std::size_t b = hash(names[i]) & mask_;
            while (buckets_[b] != empty) b = (b + 1) & mask_;
            buckets_[b] = static_cast<std::uint16_t>(i);
        }
    }

    /// The slot of `key`, or npos for a key the type does not have.
    std::size_t find(std::string_view key) const noexcept
    {
        for (std::size_t b = hash(key) & mask_;; b = (b + 1) & mask_) {
            const std::uint16_t slot = buckets_[b];
            if (slot == empty) return std::string_view::npos;
            if (names[slot] == key) return slot;
        }
    }

private:
    static constexpr std::uint16_t empty = 0xffff;
    /// The length and the first, second, middle and last bytes: they tell
    /// the keys of one type apart well enough (tests check every key is found).
    static std::size_t hash(std::string_view key) noexcept
    {
        const std::size_t n = key.size();
        if (n == 0) return 0;
        const auto at = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(key[i])); };
        const std::size_t h = n ^ (at(0) << 8) ^ (at(n / 2) << 16) ^ (at(n - 1) << 24) ^ (at(n > 1 ? 1 : 0) << 32);
        return (h * 0x9E3779B97F4A7C15ull) >> 40;
    }
    std::vector<std::uint16_t> buckets_;
    std::size_t mask_ = 0;
};

/// T's key table, built once.
template <class T>
const key_table& keys_of()
{
    static const key_table table = [] {
        key_table t;
        t.names = member_names<T>();
        t.members = t.names.size();
        if constexpr (has_flat_quantity<T>()) {
            t.unit = t.names.size();
            t.names.emplace_back("unit");
        }
        if constexpr (std::is_same_v<T, plan>) {
            t.names.emplace_back("format");
            t.names.emplace_back("format_version");
        }
        t.first_version_1 = t.names.size();
        for (auto key : version_1_keys<T>()) t.names.push_back(key);
        t.index();
        return t;
    }();
    return table;
}

/// A unit's scale as JSON writes it: "N" or "N/D", positive integers; nullopt
/// for anything else.
std::optional<unit_scale> parse_unit_scale(std::string_view text);

}  // namespace govplan::detail

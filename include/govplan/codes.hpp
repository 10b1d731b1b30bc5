// govplan — stable English codes of the enumerations.
//
// Every govplan enumeration is described with Boost.Describe; its code is the
// enumerator's name (at_least, growth_rate, binding, percentage_point). These
// codes are what files and reports write, and they never change meaning.
#pragma once

#include <govplan/config.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <optional>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

/// The stable code of an enumerator. Throws std::invalid_argument for a value
/// that is not one of the enumerators (a cast from a stray integer).
template <class Enum>
    requires boost::describe::has_describe_enumerators<Enum>::value
[[nodiscard]] std::string_view to_code(Enum value)
{
    std::string_view code;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<Enum>>([&](auto d) {
        if (code.empty() && d.value == value) code = d.name;
    });
    if (code.empty()) throw std::invalid_argument("govplan::to_code: value is not an enumerator");
    return code;
}

/// The enumerator whose code is `code` (exact, case-sensitive), or nullopt.
template <class Enum>
    requires boost::describe::has_describe_enumerators<Enum>::value
[[nodiscard]] std::optional<Enum> from_code(std::string_view code) noexcept
{
    std::optional<Enum> found;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<Enum>>([&](auto d) {
        if (!found && code == d.name) found = d.value;
    });
    return found;
}

/// Every code of Enum in declaration order (for error messages and docs).
template <class Enum>
    requires boost::describe::has_describe_enumerators<Enum>::value
[[nodiscard]] std::vector<std::string_view> all_codes()
{
    std::vector<std::string_view> codes;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<Enum>>(
        [&](auto d) { codes.emplace_back(d.name); });
    return codes;
}

/// Every enumerator of Enum in declaration order.
template <class Enum>
    requires boost::describe::has_describe_enumerators<Enum>::value
[[nodiscard]] std::vector<Enum> all_values()
{
    std::vector<Enum> values;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<Enum>>(
        [&](auto d) { values.push_back(d.value); });
    return values;
}

GOVPLAN_END_NAMESPACE

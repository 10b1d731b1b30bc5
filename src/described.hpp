// govplan — walking the members of a described model type (private).
//
// Every model struct is described once, beside its definition, with
// BOOST_DESCRIBE_STRUCT. The JSON reader and writer, the archive
// serialisation and the CLI's columns walk that description, so a member
// added to a struct and its description reaches every format.
#pragma once

#include <govplan/boxed_optional.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace govplan::detail {

using govplan::boxed;
using govplan::boxed_optional;

template <class T>
concept described = boost::describe::has_describe_members<T>::value;

/// The member types a walk over a model treats apart from plain values.
template <class T>
inline constexpr bool is_vector = false;
template <class T>
inline constexpr bool is_vector<std::vector<T>> = true;
template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;
template <class T>
inline constexpr bool is_optional<boxed_optional<T>> = true;
/// boxed<T>: always a T, held out of line; every format reads and writes it
/// as the T it holds.
template <class T>
inline constexpr bool is_boxed = false;
template <class T>
inline constexpr bool is_boxed<boxed<T>> = true;

/// Whether `e` is one of its described enumerators (a stray cast is not).
template <class Enum>
    requires std::is_enum_v<Enum>
bool is_enumerator(Enum e) noexcept
{
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<Enum>>([&](auto d) { found = found || d.value == e; });
    return found;
}

template <class T>
using members_of = boost::describe::describe_members<T, boost::describe::mod_public>;

/// Calls visit(name, member) for each described member of `value`, in
/// declaration order (const or mutable, as `value` is).
template <class T, class Visit>
    requires described<std::remove_const_t<T>>
void for_each_member(T& value, Visit&& visit)
{
    using plain = std::remove_const_t<T>;
    boost::mp11::mp_for_each<members_of<plain>>(
        [&](auto m) { visit(std::string_view(m.name), value.*m.pointer); });
}

/// The names of T's described members, in declaration order.
template <described T>
std::vector<std::string_view> member_names()
{
    std::vector<std::string_view> out;
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) { out.emplace_back(m.name); });
    return out;
}

}  // namespace govplan::detail

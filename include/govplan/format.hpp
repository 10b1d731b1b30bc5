// govplan — {fmt} formatters for the model types (opt-in header).
//
//   fmt::print("{}", "10.60"_dec);           // 10.60
//   fmt::print("{:>8}", quantity);          // "  42万亩" (CJK counted two columns)
//   fmt::print("{}", comparator::at_least); // at_least (any govplan enumeration: its code)
//   fmt::print("{}", diagnostic);           // error target.unit.unknown at focus_areas[0]…: …
//
// Every formatter accepts the standard string format spec (fill, align,
// width), so columns line up; fmt measures East Asian wide characters as two
// columns.
#pragma once

#include <govplan/config.hpp>

#include <govplan/codes.hpp>
#include <govplan/dates.hpp>
#include <govplan/decimal.hpp>
#include <govplan/error.hpp>
#include <govplan/plan.hpp>
#include <govplan/project.hpp>
#include <govplan/target.hpp>
#include <govplan/unit.hpp>
#include <govplan/validation.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <type_traits>

GOVPLAN_BEGIN_NAMESPACE

/// Terminal columns `utf8` occupies, as fmt counts them when padding: East
/// Asian wide characters (CJK ideographs, fullwidth forms) count two. Use it
/// to size columns that fmt then pads with "{:<{}}".
inline std::size_t display_width(std::string_view utf8)
{
    // Padding a string to its byte length adds (bytes - width) fill characters.
    const std::size_t padded = fmt::formatted_size(fmt::runtime("{:<{}}"), utf8, utf8.size());
    return 2 * utf8.size() - padded;
}

GOVPLAN_END_NAMESPACE

GOVPLAN_BEGIN_NAMESPACE

/// Declared, never defined: found by argument-dependent lookup for every
/// enumeration of namespace govplan, which is how the formatter below knows
/// govplan's enumerations from a user's (see govplan_enum_probe).
template <class Enum>
    requires std::is_enum_v<Enum>
std::true_type govplan_enumeration(Enum);

GOVPLAN_END_NAMESPACE

// Outside namespace govplan, so that only argument-dependent lookup finds
// govplan_enumeration: true for govplan's described enumerations, whatever
// header declares them, and for nobody else's.
namespace govplan_enum_probe {
template <class Enum>
concept code_enum = std::is_enum_v<Enum> && boost::describe::has_describe_enumerators<Enum>::value &&
                    requires(Enum e) { govplan_enumeration(e); };
}  // namespace govplan_enum_probe

namespace govplan::detail {

/// Base for formatters that render a value as text, then pad it.
struct text_formatter : fmt::formatter<std::string_view> {
    template <class Context>
    auto write(std::string_view text, Context& ctx) const
    {
        return fmt::formatter<std::string_view>::format(text, ctx);
    }
};

}  // namespace govplan::detail

/// A decimal as written: "10.60".
template <>
struct fmt::formatter<govplan::decimal> : govplan::detail::text_formatter {
    template <class Context>
    auto format(const govplan::decimal& d, Context& ctx) const
    {
        return write(d.to_string(), ctx);
    }
};

/// A unit's symbol: "万亩".
template <>
struct fmt::formatter<govplan::unit> : govplan::detail::text_formatter {
    template <class Context>
    auto format(const govplan::unit& u, Context& ctx) const
    {
        return write(u.symbol(), ctx);
    }
};

/// Value and symbol: "42万亩".
template <>
struct fmt::formatter<govplan::quantity> : govplan::detail::text_formatter {
    template <class Context>
    auto format(const govplan::quantity& q, Context& ctx) const
    {
        return write(govplan::to_string(q), ctx);
    }
};

/// ISO date: "2025-04-17".
template <>
struct fmt::formatter<govplan::date> : govplan::detail::text_formatter {
    template <class Context>
    auto format(const govplan::date& d, Context& ctx) const
    {
        return write(govplan::to_iso_string(d), ctx);
    }
};

/// The stable code of any govplan enumeration: "at_least", "met", "binary",
/// "dated". Enumerations of other namespaces are left alone.
template <govplan_enum_probe::code_enum Enum>
struct fmt::formatter<Enum> : govplan::detail::text_formatter {
    template <class Context>
    auto format(Enum e, Context& ctx) const
    {
        return write(govplan::to_code(e), ctx);
    }
};

/// "error target.unit.unknown at focus_areas[0].measures[0].targets[0].unit: …".
template <>
struct fmt::formatter<govplan::diagnostic> : govplan::detail::text_formatter {
    template <class Context>
    auto format(const govplan::diagnostic& d, Context& ctx) const
    {
        return write(fmt::format("{} {} at {}: {}", govplan::to_code(d.severity), d.code,
                                 d.path.empty() ? std::string("plan") : d.path, d.message),
                     ctx);
    }
};

/// error::to_string(): "plan.json:/focus_areas/0 (line 3, column 5): …".
template <>
struct fmt::formatter<govplan::error> : govplan::detail::text_formatter {
    template <class Context>
    auto format(const govplan::error& e, Context& ctx) const
    {
        return write(e.to_string(), ctx);
    }
};

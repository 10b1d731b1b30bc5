// govplan — strict ISO 8601 calendar dates.
//
// Plans use Boost.Date_Time's gregorian types. boost::gregorian's own string
// parsers are lenient ("2024-1-5", "2024/01/05") and throw for impossible
// dates; parse_date() accepts exactly YYYY-MM-DD and reports, never throws.
#pragma once

#include <govplan/config.hpp>

#include <govplan/error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <string>
#include <string_view>

GOVPLAN_BEGIN_NAMESPACE

using date = boost::gregorian::date;
using date_period = boost::gregorian::date_period;

/// Exactly "YYYY-MM-DD" with a real calendar day in years 1400..9999
/// (Boost.Date_Time's range); errc::invalid_date naming the problem otherwise.
[[nodiscard]] result<date> parse_date(std::string_view text);

/// "YYYY-MM-DD"; "not-a-date-time" for a special value.
[[nodiscard]] std::string to_iso_string(const date& d);

/// The calendar year first..last (January 1 to December 31 inclusive).
[[nodiscard]] date_period calendar_year(int year);

/// A period from `first` to `last`, both included. Boost's date_period takes
/// an exclusive end; this spares the off-by-one. A special value (such as
/// not-a-date-time) at either end gives the null period of a default plan.
/// Throws std::out_of_range for
/// a `last` of 9999-12-31, whose next day Boost.Date_Time cannot represent.
[[nodiscard]] date_period inclusive_period(const date& first, const date& last);

/// True when the period's dates are real dates and first <= last.
[[nodiscard]] bool is_valid(const date_period& p) noexcept;

GOVPLAN_END_NAMESPACE

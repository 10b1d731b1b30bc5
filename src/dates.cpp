#include <govplan/dates.hpp>

#include "printable.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <stdexcept>
#include <string>

GOVPLAN_BEGIN_NAMESPACE
namespace {

error bad_date(std::string_view text, const std::string& why)
{
    return error(errc::invalid_date, "invalid date \"" + detail::quoted_excerpt(text) + "\": " + why);
}

bool is_leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

result<date> parse_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad_date(text, "expected YYYY-MM-DD");
    int fields[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f) {
        for (std::size_t i = starts[f]; i < starts[f] + lengths[f]; ++i) {
            if (text[i] < '0' || text[i] > '9') return bad_date(text, "expected YYYY-MM-DD");
            fields[f] = fields[f] * 10 + (text[i] - '0');
        }
    }
    const int y = fields[0], m = fields[1], d = fields[2];
    if (y < 1400) return bad_date(text, "year before 1400");
    if (m < 1 || m > 12) return bad_date(text, "month " + std::to_string(m) + " does not exist");
    static constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int last = days_in_month[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
    if (d < 1 || d > last) {
        return bad_date(text, "day " + std::to_string(d) + " does not exist in " + std::to_string(y) + "-" +
                                  (m < 10 ? "0" : "") + std::to_string(m));
    }
    return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

std::string to_iso_string(const date& d)
{
    if (d.is_special()) return "not-a-date-time";
    return boost::gregorian::to_iso_extended_string(d);
}

date_period calendar_year(int year)
{
    const auto y = static_cast<unsigned short>(year);
    return inclusive_period(date(y, 1, 1), date(y, 12, 31));
}

date_period inclusive_period(const date& first, const date& last)
{
    if (first.is_special() || last.is_special()) return date_period(date(), date());
    if (last == date(9999, 12, 31)) {
        throw std::out_of_range("govplan::inclusive_period: a period must end before 9999-12-31");
    }
    return date_period(first, last + boost::gregorian::days(1));
}

bool is_valid(const date_period& p) noexcept
{
    return !p.begin().is_special() && !p.last().is_special() && p.begin() <= p.last();
}

GOVPLAN_END_NAMESPACE

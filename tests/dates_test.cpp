#include <govplan/dates.hpp>

#include <doctest/doctest.h>

using namespace govplan;

TEST_CASE("dates parse strict ISO 8601")
{
    auto d = parse_date("2025-04-17");
    REQUIRE(d.has_value());
    CHECK(*d == date(2025, 4, 17));
    CHECK(to_iso_string(*d) == "2025-04-17");
    CHECK(parse_date("2024-02-29").has_value());
}

TEST_CASE("dates reject lenient and impossible forms without throwing")
{
    for (const char* text : {"2024-1-5", "2024/01/05", " 2024-01-05", "2024-01-05 ", "2024-02-30", "2025-02-29",
                             "2025-13-01", "2025-00-10", "2025-04-31", "20250417", "", "0999-01-01", "abcd-ef-gh"}) {
        result<date> r = parse_date(text);
        REQUIRE_FALSE_MESSAGE(r.has_value(), std::string(text));
        CHECK(r.error().code == errc::invalid_date);
        CHECK(r.error().message.find(text) != std::string::npos);
    }
}

TEST_CASE("dates calendar year and inclusive periods")
{
    const date_period y = calendar_year(2025);
    CHECK(y.begin() == date(2025, 1, 1));
    CHECK(y.last() == date(2025, 12, 31));
    CHECK(y.contains(date(2025, 12, 31)));
    CHECK_FALSE(y.contains(date(2026, 1, 1)));
    CHECK(is_valid(y));
    CHECK_FALSE(is_valid(date_period(date(), date())));
    CHECK(y.length().days() == 365);
    // A special value at either end gives the null period, never a shifted one.
    CHECK(inclusive_period(date(), date(2025, 12, 31)) == date_period(date(), date()));
    CHECK_THROWS_AS((void)inclusive_period(date(2025, 1, 1), date(9999, 12, 31)), std::out_of_range);
}

TEST_CASE("dates the edges: a one-day period and the first supported year")
{
    const date_period one_day = inclusive_period(date(2025, 7, 1), date(2025, 7, 1));
    CHECK(is_valid(one_day));
    CHECK(one_day.length().days() == 1);
    CHECK(parse_date("1400-01-01").has_value());
    CHECK_FALSE(parse_date("1399-12-31").has_value());
}

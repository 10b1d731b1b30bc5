// result<T> and the light result<T, errc>: what they hold, how they chain.
#include <govplan/decimal.hpp>
#include <govplan/error.hpp>
#include <govplan/unit.hpp>

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

using namespace govplan;
using namespace govplan::literals;

TEST_CASE("result: a light result is no larger than its value and a code")
{
    // The arithmetic in aggregation loops returns these: a decimal (16 bytes)
    // and a 4-byte code, not a 144-byte error with strings.
    static_assert(sizeof(result<decimal, errc>) <= 24);
    static_assert(sizeof(result<void, errc>) <= 8);
    CHECK(sizeof(result<decimal, errc>) < sizeof(result<decimal>));
}

TEST_CASE("result: and_then chains on success and passes the first error on")
{
    auto times_then_plus = [](decimal a, decimal b, decimal c) {
        return decimal::multiply(a, b).and_then([&](const decimal& product) { return decimal::add(product, c); });
    };
    auto ok = times_then_plus("1.5"_dec, "4"_dec, "0.25"_dec);
    REQUIRE(ok.has_value());
    CHECK(ok->to_string() == "6.25");

    int called = 0;
    auto failed = decimal::multiply("999999999999999999"_dec, "10"_dec).and_then([&](const decimal& d) {
        ++called;
        return decimal::add(d, "1"_dec);
    });
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error() == errc::decimal_overflow);
    CHECK(called == 0);
}

TEST_CASE("result: transform maps the value and keeps the error")
{
    auto text = decimal::add("1.5"_dec, "2.50"_dec).transform([](const decimal& d) { return d.to_string(); });
    static_assert(std::is_same_v<decltype(text), result<std::string, errc>>);
    CHECK(text.value() == "4.00");

    auto none = decimal::divide_exact("1"_dec, "3"_dec).transform([](const decimal& d) { return d.to_string(); });
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error() == errc::inexact_conversion);

    // a rich result chains the same way, keeping its message
    result<int> rich = error(errc::invalid_value, "no such thing");
    auto doubled = rich.transform([](int v) { return 2 * v; });
    REQUIRE_FALSE(doubled.has_value());
    CHECK(doubled.error().message == "no such thing");
    auto from_void = result<void>().transform([] { return 7; });
    CHECK(from_void.value() == 7);
}

TEST_CASE("result: a light result becomes a rich one with the code's message")
{
    result<decimal> rich = decimal::add("999999999999999999"_dec, "1"_dec);
    REQUIRE_FALSE(rich.has_value());
    CHECK(rich.error().code == errc::decimal_overflow);
    CHECK(rich.error().message == "decimal overflow");

    result<decimal> fine = decimal::add("1"_dec, "2"_dec);
    CHECK(fine.value() == "3"_dec);

    // only implicit conversions of the value: no vector of three zeros from an int
    static_assert(!std::is_convertible_v<result<int, errc>, result<std::vector<int>>>);
    static_assert(std::is_convertible_v<result<int, errc>, result<long>>);
    const result<void, errc> light_failure = errc::truncated;
    const result<void> rich_failure = light_failure;
    CHECK(rich_failure.error().code == errc::truncated);
    CHECK(result<void>(result<void, errc>()).has_value());

    result<void> from_code = errc::io_error;
    CHECK(from_code.error().message == make_error_code(errc::io_error).message());
}

TEST_CASE("result: misuse fails loudly")
{
    auto failed = decimal::divide("1"_dec, "0"_dec, 2);
    try {
        (void)failed.value();
        FAIL("value() of a failed result did not throw");
    } catch (const exception& e) {
        CHECK(e.code() == errc::invalid_value);
    }
    CHECK_THROWS_AS((void)decimal::add("1"_dec, "1"_dec).error(), std::logic_error);
    const result<void, errc> truncated = errc::truncated;
    CHECK_THROWS_AS(truncated.value(), exception);
}

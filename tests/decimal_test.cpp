#include <govplan/decimal.hpp>

#include <doctest/doctest.h>

#include <string>

using govplan::decimal;
using govplan::errc;
using namespace govplan::literals;

TEST_CASE("decimal parses and prints back exactly as written")
{
    for (const char* text : {"0", "0.5", "10.6", "10.60", "1.2", "4500", "-3.25", "0.000001", "999999999999999999",
                             "0.123456789012345678", "-999999999999999999"}) {
        auto d = decimal::parse(text);
        REQUIRE_MESSAGE(d.has_value(), std::string(text));
        CHECK(d->to_string() == text);
    }
}

TEST_CASE("decimal keeps the scale but compares by value")
{
    const decimal a = "10.6"_dec;
    const decimal b = "10.60"_dec;
    CHECK(a == b);
    CHECK_FALSE(a.same_representation(b));
    CHECK(a.coefficient() == 106);
    CHECK(a.scale() == 1);
    CHECK(b.coefficient() == 1060);
    CHECK(b.scale() == 2);
    CHECK(b.normalized().same_representation(a));
    CHECK("5.0"_dec.normalized().to_string() == "5");
    CHECK("1.2"_dec < "1.25"_dec);
    CHECK("-1"_dec < "0"_dec);
    CHECK("100"_dec > "99.999"_dec);
}

TEST_CASE("decimal rejects leading zeros signs points and exponents")
{
    struct bad_case {
        const char* text;
        std::size_t position;
    };
    for (auto [text, position] : {bad_case{"", 0}, bad_case{"007", 0}, bad_case{"00.5", 0}, bad_case{".5", 0},
                                  bad_case{"5.", 2}, bad_case{"+5", 0}, bad_case{"1e3", 1}, bad_case{"1.2.3", 3},
                                  bad_case{"-0", 0}, bad_case{"-0.0", 0}, bad_case{" 1", 0}, bad_case{"1 ", 1},
                                  bad_case{"NaN", 0}, bad_case{"inf", 0}, bad_case{"12,5", 2}, bad_case{"-", 1}}) {
        auto d = decimal::parse(text);
        REQUIRE_MESSAGE(!d.has_value(), std::string(text));
        CHECK(d.error().code == errc::invalid_decimal);
        REQUIRE(d.error().byte_offset.has_value());
        CHECK_MESSAGE(*d.error().byte_offset == position, std::string(text));
        CHECK(d.error().message.find(std::string("\"") + text + "\"") != std::string::npos);
    }
}

TEST_CASE("decimal refuses more than 18 digits")
{
    CHECK(decimal::parse("999999999999999999").has_value());
    auto too_long = decimal::parse("1000000000000000000");
    REQUIRE_FALSE(too_long.has_value());
    CHECK(too_long.error().message.find("18 digits") != std::string::npos);
    CHECK_FALSE(decimal::parse("0.1234567890123456789").has_value());
    CHECK_THROWS_AS(decimal(1, 19), std::invalid_argument);
    CHECK_THROWS_AS(decimal(1'000'000'000'000'000'000, 0), std::invalid_argument);
}

TEST_CASE("decimal sum of 0.1 and 0.2 is exactly 0.3")
{
    const decimal sum = "0.1"_dec + "0.2"_dec;
    CHECK(sum == "0.3"_dec);
    CHECK(sum.to_string() == "0.3");
    decimal total;
    for (int i = 0; i < 10; ++i) total += "0.1"_dec;
    CHECK(total == "1"_dec);
    CHECK(("10.6"_dec + "4500"_dec).to_string() == "4510.6");
    CHECK(("1.25"_dec - "2"_dec).to_string() == "-0.75");
}

TEST_CASE("decimal addition overflow is reported not wrapped")
{
    const decimal big = "999999999999999999"_dec;
    auto sum = decimal::add(big, "1"_dec);
    REQUIRE_FALSE(sum.has_value());
    CHECK(sum.error() == errc::decimal_overflow);
    CHECK_THROWS_AS(big + "1"_dec, govplan::exception);
    // Trailing fractional zeros are dropped when that is what makes it fit.
    auto fits = decimal::add("99999999999999999.0"_dec, "0.0"_dec);
    REQUIRE(fits.has_value());
    CHECK(fits->to_string() == "99999999999999999.0");
}

TEST_CASE("decimal scales by powers of ten without rounding")
{
    CHECK(*"50"_dec.times_power_of_ten(8) == "5000000000"_dec);
    CHECK("10.6"_dec.times_power_of_ten(4)->to_string() == "106000");
    CHECK("1.2"_dec.times_power_of_ten(-2)->to_string() == "0.012");
    CHECK("4500"_dec.times_power_of_ten(-4)->to_string() == "0.4500");
    auto huge = "999999999999"_dec.times_power_of_ten(8);
    REQUIRE_FALSE(huge.has_value());
    CHECK(huge.error() == errc::decimal_overflow);
    CHECK_FALSE("1.5"_dec.times_power_of_ten(-18).has_value());
    CHECK("0"_dec.times_power_of_ten(100)->is_zero());
}

TEST_CASE("decimal multiply and exact division")
{
    CHECK(decimal::multiply("1.5"_dec, "4"_dec)->to_string() == "6.0");
    CHECK(*decimal::divide_exact("1"_dec, "8"_dec) == "0.125"_dec);
    CHECK(*decimal::divide_exact("42"_dec, "0.0015"_dec) == "28000"_dec);
    auto third = decimal::divide_exact("1"_dec, "3"_dec);
    REQUIRE_FALSE(third.has_value());
    CHECK(third.error() == errc::inexact_conversion);
    CHECK(decimal::divide_exact("1"_dec, "0"_dec).error() == errc::invalid_value);
}

TEST_CASE("decimal rounded division for ratios")
{
    CHECK(decimal::divide("1"_dec, "3"_dec, 4)->to_string() == "0.3333");
    CHECK(decimal::divide("2"_dec, "3"_dec, 4)->to_string() == "0.6667");
    CHECK(decimal::divide("-2"_dec, "3"_dec, 2)->to_string() == "-0.67");
    CHECK(decimal::divide("1"_dec, "8"_dec, 2)->to_string() == "0.13");  // half away from zero
    CHECK(decimal::divide("21.4"_dec, "50"_dec, 4)->to_string() == "0.4280");
    CHECK(decimal::divide("0.001"_dec, "1000"_dec, 4)->to_string() == "0.0000");
    CHECK(decimal::divide("1"_dec, "0"_dec, 2).error() == errc::invalid_value);
    CHECK(decimal::divide("999999999999999999"_dec, "0.000000000000000001"_dec, 0).error() ==
          errc::decimal_overflow);
    CHECK_THROWS_AS((void)decimal::divide("1"_dec, "1"_dec, 19), std::invalid_argument);
}

TEST_CASE("decimal integer tests")
{
    CHECK("4500"_dec.is_integer());
    CHECK("10.00"_dec.is_integer());
    CHECK_FALSE("10.5"_dec.is_integer());
    CHECK("-2"_dec.is_negative());
    CHECK(decimal().is_zero());
    CHECK((-"1.5"_dec).to_string() == "-1.5");
}

TEST_CASE("decimal a product's scale is the sum of the scales")
{
    CHECK(decimal::multiply("1.5"_dec, "1.5"_dec).value().to_string() == "2.25");
    CHECK(decimal::multiply("0.05"_dec, "2.5"_dec).value().to_string() == "0.125");
    CHECK(decimal::multiply("3"_dec, "0.1"_dec).value().to_string() == "0.3");
}

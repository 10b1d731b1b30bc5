#include <govplan/unit.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace govplan;
using govplan::testing::u;

TEST_CASE("unit registry knows every unit of the reports")
{
    const auto& reg = unit_registry::standard();
    for (const char* symbol : {"个", "家", "套", "所", "条", "户", "人", "项", "件", "单", "万单", "元", "万元", "亿元",
                               "美元", "万美元", "亩", "万亩", "平方米", "万平方米", "平方公里", "公里", "吨", "万吨",
                               "%", "个百分点", "百分点"}) {
        CHECK_MESSAGE(reg.lookup(symbol) != nullptr, std::string(symbol));
    }
    CHECK(u("万亩").dimension() == dimension::land_area);
    CHECK(u("万平方米").dimension() == dimension::area);
    CHECK(u("万美元").currency() == "USD");
    CHECK(u("亿元").currency() == "CNY");
    CHECK(u("万单").measure_word() == "单");
    CHECK(u("%").dimension() == dimension::percent);
    CHECK(u("百分点").dimension() == dimension::percentage_point);
    CHECK(u("亩").measure_word().empty());
}

TEST_CASE("unit parsing reports unknown units by name")
{
    auto r = unit_registry::standard().find("斤");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::unknown_unit);
    CHECK(r.error().message == "unknown unit \"斤\"");
    CHECK_FALSE(unit_registry::standard().find("").has_value());
    CHECK_FALSE(unit_registry::standard().find("万 元").has_value());
}

TEST_CASE("unit conversion 2万单 is exactly 20000 单")
{
    auto r = convert({"2"_dec, u("万单")}, u("单"));
    REQUIRE(r.has_value());
    CHECK(r->value.to_string() == "20000");
    CHECK(r->unit.symbol() == "单");
}

TEST_CASE("unit conversion within money and area is exact")
{
    CHECK(convert({"4500"_dec, u("万元")}, u("亿元"))->value.to_string() == "0.45");
    CHECK(convert({"50"_dec, u("亿元")}, u("万元"))->value.to_string() == "500000");
    CHECK(convert({"10.6"_dec, u("万亩")}, u("亩"))->value.to_string() == "106000");
    CHECK(convert({"1"_dec, u("平方公里")}, u("亩"))->value.to_string() == "1500");
    CHECK(convert({"3"_dec, u("亩")}, u("公顷"))->value.to_string() == "0.2");
    // Land and floor space never convert into each other, though both count 平方米.
    CHECK(convert({"3"_dec, u("亩")}, u("平方米")).error() == errc::incompatible_units);
    CHECK(convert({"2"_dec, u("万吨")}, u("吨"))->value.to_string() == "20000");
    CHECK(convert({"1.5"_dec, u("公里")}, u("米"))->value.to_string() == "1500");
}

TEST_CASE("unit conversion that is not a finite decimal is an error")
{
    auto r = convert({"1"_dec, u("亩")}, u("公顷"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error() == errc::inexact_conversion);
    const error described = conversion_error(r.error(), {"1"_dec, u("亩")}, u("公顷"));
    CHECK(described.code == errc::inexact_conversion);
    CHECK(described.message == "1亩 is not a finite decimal in 公顷");
}

TEST_CASE("unit conversion across dimensions currencies and measure words fails")
{
    struct pair {
        const char* from;
        const char* to;
    };
    for (auto [from, to] : {pair{"亩", "公里"}, pair{"美元", "元"}, pair{"万美元", "亿元"}, pair{"%", "个百分点"},
                            pair{"个", "家"}, pair{"吨", "亿元"}}) {
        auto r = convert({"1"_dec, u(from)}, u(to));
        REQUIRE_FALSE_MESSAGE(r.has_value(), std::string(from));
        CHECK(r.error() == errc::incompatible_units);
        const error described = conversion_error(r.error(), {"1"_dec, u(from)}, u(to));
        CHECK(described.message.find(std::string("\"") + from + "\"") != std::string::npos);
        CHECK(described.message.find(std::string("\"") + to + "\"") != std::string::npos);
    }
}

TEST_CASE("unit quantities compare across scales")
{
    CHECK(*compare({"42"_dec, u("万亩")}, {"420000"_dec, u("亩")}) == std::strong_ordering::equal);
    CHECK(*compare({"42"_dec, u("万亩")}, {"420001"_dec, u("亩")}) == std::strong_ordering::less);
    CHECK(*compare({"1"_dec, u("亩")}, {"0.066666"_dec, u("公顷")}) == std::strong_ordering::greater);
    CHECK(*compare({"1"_dec, u("亩")}, {"0.066667"_dec, u("公顷")}) == std::strong_ordering::less);
    CHECK(*compare({"0.45"_dec, u("亿元")}, {"4500"_dec, u("万元")}) == std::strong_ordering::equal);
    CHECK(compare({"1"_dec, u("%")}, {"1"_dec, u("个百分点")}).error() == errc::incompatible_units);
}

TEST_CASE("unit quantities add in the first unit")
{
    auto sum = add({"1.2"_dec, u("亿元")}, {"4500"_dec, u("万元")});
    REQUIRE(sum.has_value());
    CHECK(to_string(*sum) == "1.65亿元");
    CHECK(add({"1"_dec, u("元")}, {"1"_dec, u("美元")}).error() == errc::incompatible_units);
}

TEST_CASE("unit registry accepts user units and rejects bad definitions")
{
    unit_registry reg = unit_registry::standard();
    reg.add(unit{"斤", dimension::mass, "千克", {1, 2}, ""});
    REQUIRE(reg.lookup("斤") != nullptr);
    CHECK(convert({"3"_dec, *reg.lookup("斤")}, u("千克"))->value.to_string() == "1.5");
    reg.add(unit{"斤", dimension::mass, "千克", {1, 2}, ""});  // identical: fine
    CHECK_THROWS_AS(reg.add(unit{"斤", dimension::mass, "千克", {1, 3}, ""}), std::invalid_argument);
    CHECK_THROWS_AS(reg.add(unit{"", dimension::mass, "千克", {1, 1}, ""}), std::invalid_argument);
    CHECK_THROWS_AS(reg.add(unit{"x", dimension::mass, "", {1, 1}, ""}), std::invalid_argument);
    CHECK_THROWS_AS(reg.add(unit{"y", dimension::mass, "千克", {0, 1}, ""}), std::invalid_argument);
    CHECK(unit_registry::standard().lookup("斤") == nullptr);
    CHECK(reg.contains(u("亿元")));
}

TEST_CASE("unit a unit is a handle: copies share one definition, equality is by definition")
{
    static_assert(sizeof(unit) <= 2 * sizeof(void*), "a unit is a handle, not its definition");
    const unit none;
    CHECK(none.empty());
    CHECK(none.symbol().empty());
    CHECK(none.base().empty());
    CHECK(none.per().empty());
    CHECK(none.scale() == unit_scale{});
    CHECK(none.definition() == unit_definition{});
    CHECK(none == unit{});
    CHECK(unit(unit_definition{}) == none);  // an empty symbol is no unit

    const unit a{"千亩", dimension::land_area, "平方米", {2'000'000, 3}};
    const unit b{"千亩", dimension::land_area, "平方米", {2'000'000, 3}};
    CHECK_FALSE(a.empty());
    CHECK(a.symbol() == "千亩");
    CHECK(a.dimension() == dimension::land_area);
    CHECK(a.base() == "平方米");
    CHECK(a.scale() == unit_scale{2'000'000, 3});
    CHECK(a.per().empty());
    CHECK(a == b);                             // equal definitions, made apart
    CHECK_FALSE(a.shares_definition_with(b));
    const unit copy = a;
    CHECK(copy.shares_definition_with(a));
    CHECK(&copy.symbol() == &a.symbol());      // one definition, not a copy of it
    CHECK(unit(a.definition()) == a);
    // a temporary's accessors return copies, not references into a freed definition
    const auto make = [] { return unit{"千亩", dimension::land_area, "平方米", {2'000'000, 3}}; };
    const std::string symbol = make().symbol();
    CHECK(symbol == "千亩");
    static_assert(std::is_same_v<decltype(make().symbol()), std::string>);
    static_assert(std::is_same_v<decltype(a.symbol()), const std::string&>);

    // each member of the definition takes part in equality
    auto differs = [&](auto change) {
        unit_definition d = a.definition();
        change(d);
        return !(unit(d) == a);
    };
    CHECK(differs([](unit_definition& d) { d.symbol = "万亩"; }));
    CHECK(differs([](unit_definition& d) { d.dimension = dimension::area; }));
    CHECK(differs([](unit_definition& d) { d.base = "米"; }));
    CHECK(differs([](unit_definition& d) { d.scale = {1000, 1}; }));
    CHECK(differs([](unit_definition& d) { d.per = "人"; }));
    CHECK_FALSE(a == none);

    // a registered unit found twice is one definition; a rate is made anew by find()
    const auto& reg = unit_registry::standard();
    CHECK(reg.find("亿元")->shares_definition_with(*reg.lookup("亿元")));
    CHECK(reg.find("元/吨").value() == reg.find("元/吨").value());
    CHECK(reg.find("元/吨")->per() == "吨");
}

TEST_CASE("unit format 1 land in the area dimension becomes land_area")
{
    unit_definition old{"千亩", dimension::area, "平方米", {2'000'000, 3}, ""};
    serialization_detail::upgrade_format_1_unit(old);
    CHECK(old.dimension == dimension::land_area);
    unit_definition floor{"万平方米", dimension::area, "平方米", {10'000, 1}, ""};
    serialization_detail::upgrade_format_1_unit(floor);
    CHECK(floor.dimension == dimension::area);
}

#include <govplan/aggregation.hpp>
#include <govplan/archive.hpp>
#include <govplan/extract.hpp>
#include <govplan/format.hpp>
#include <govplan/progress.hpp>
#include <govplan/report.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace govplan;
using govplan::testing::u;

TEST_CASE("format decimals units quantities dates and codes")
{
    CHECK(fmt::format("{}", "10.60"_dec) == "10.60");
    CHECK(fmt::format("[{:>6}]", "1.2"_dec) == "[   1.2]");
    CHECK(fmt::format("{}", u("万亩")) == "万亩");
    CHECK(fmt::format("[{:>4}]", u("亩")) == "[  亩]");
    CHECK(fmt::format("[{}]", unit{}) == "[]");
    CHECK(fmt::format("{}", quantity{"42"_dec, u("万亩")}) == "42万亩");
    CHECK(fmt::format("{}", date(2025, 4, 17)) == "2025-04-17");
    CHECK(fmt::format("{}", comparator::more_than) == "more_than");
    CHECK(fmt::format("{:<10}|", commitment::binding) == "binding   |");
}

TEST_CASE("format pads CJK text by display width")
{
    // 耕地面积 is four wide characters: eight terminal columns.
    CHECK(fmt::format("{:<10}|", std::string("耕地面积")) == "耕地面积  |");
    CHECK(fmt::format("{:>8}|", quantity{"42"_dec, u("万亩")}) == "  42万亩|");
}

TEST_CASE("format display width matches fmt padding")
{
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("耕地面积") == 8);
    CHECK(display_width("42万亩") == 6);
    CHECK(display_width("PM2.5、PM10") == 11);  // 、 is wide
    CHECK(display_width("（一）") == 6);        // fullwidth parentheses
    for (std::string s : {"聚焦扩大内需", "≥ 15%", "电商交易额 > 20亿元", "x"}) {
        const std::string padded = fmt::format("{:<{}}", s, 30);
        CHECK(display_width(padded) == 30);
        CHECK(padded.size() - s.size() == 30 - display_width(s));
    }
}

TEST_CASE("format diagnostics and errors")
{
    diagnostic d{severity::error, "target.unit.unknown", "focus_areas[0].measures[0].targets[0].unit", "bad"};
    CHECK(fmt::format("{}", d) ==
          "error target.unit.unknown at focus_areas[0].measures[0].targets[0].unit: bad");
    error e(errc::syntax_error, "expected ','");
    e.pointer = "/focus_areas/0";
    e.line = 3;
    e.column = 5;
    e.source = "plan.json";
    CHECK(fmt::format("{}", e) == "plan.json:/focus_areas/0 (line 3, column 5): expected ','");
}

TEST_CASE("format requirement text")
{
    const plan p = govplan::testing::make_clean_plan();
    const auto& ts = p.focus_areas[0].measures[0].targets;
    CHECK(requirement_text(ts[0]) == "≥ 15%");
    CHECK(requirement_text(ts[2]) == "> 20亿元");
    CHECK(requirement_text(ts[11]) == "↓");
    CHECK(requirement_text(ts[14]) == "5–6%");
    CHECK(requirement_text(ts[15]) == "≥ 5% (stretch 6%)");
    CHECK(requirement_text(ts[16]) == "≤ 3%");
    CHECK(requirement_text(ts[17]) == "≈ 2万单");
}

namespace elsewhere {
enum class colour { red, green };
BOOST_DESCRIBE_ENUM(colour, red, green)
}  // namespace elsewhere

TEST_CASE("format every govplan enumeration by its code, and no one else's")
{
    CHECK(fmt::format("{}", govplan::progress_status::on_track) == "on_track");
    CHECK(fmt::format("{}", govplan::progress_basis::accrual) == "accrual");
    CHECK(fmt::format("{}", govplan::group_by::focus_area) == "focus_area");
    CHECK(fmt::format("{}", govplan::archive_kind::binary) == "binary");
    CHECK(fmt::format("{}", govplan::report_format::markdown) == "markdown");
    CHECK(fmt::format("{}", govplan::set_aside_reason::dated) == "dated");
    CHECK(fmt::format("{}", govplan::numeral_use::target_scope) == "target_scope");
    CHECK(fmt::format("{}", govplan::item_type::designation_bid) == "designation_bid");
    CHECK(fmt::format("{:>10}|", govplan::hedge::over) == "      over|");
    // a described enumeration of another namespace is not govplan's to format
    static_assert(!fmt::is_formattable<elsewhere::colour>::value);
    static_assert(fmt::is_formattable<govplan::link_role>::value);
    // every enumeration govplan/fwd.hpp declares
    static_assert(fmt::is_formattable<govplan::errc>::value, "errc");
    static_assert(fmt::is_formattable<govplan::dimension>::value, "dimension");
    static_assert(fmt::is_formattable<govplan::target_kind>::value, "target_kind");
    static_assert(fmt::is_formattable<govplan::comparator>::value, "comparator");
    static_assert(fmt::is_formattable<govplan::trend>::value, "trend");
    static_assert(fmt::is_formattable<govplan::hedge>::value, "hedge");
    static_assert(fmt::is_formattable<govplan::accumulation>::value, "accumulation");
    static_assert(fmt::is_formattable<govplan::change_basis>::value, "change_basis");
    static_assert(fmt::is_formattable<govplan::group_mode>::value, "group_mode");
    static_assert(fmt::is_formattable<govplan::commitment>::value, "commitment");
    static_assert(fmt::is_formattable<govplan::project_stage>::value, "project_stage");
    static_assert(fmt::is_formattable<govplan::item_type>::value, "item_type");
    static_assert(fmt::is_formattable<govplan::link_role>::value, "link_role");
    static_assert(fmt::is_formattable<govplan::jurisdiction_level>::value, "jurisdiction_level");
    static_assert(fmt::is_formattable<govplan::severity>::value, "severity");
    static_assert(fmt::is_formattable<govplan::archive_kind>::value, "archive_kind");
    static_assert(fmt::is_formattable<govplan::document_kind>::value, "document_kind");
    static_assert(fmt::is_formattable<govplan::plan_format>::value, "plan_format");
    static_assert(fmt::is_formattable<govplan::group_by>::value, "group_by");
    static_assert(fmt::is_formattable<govplan::progress_status>::value, "progress_status");
    static_assert(fmt::is_formattable<govplan::progress_basis>::value, "progress_basis");
    static_assert(fmt::is_formattable<govplan::report_format>::value, "report_format");
    static_assert(fmt::is_formattable<govplan::numeral_use>::value, "numeral_use");
    static_assert(fmt::is_formattable<govplan::set_aside_reason>::value, "set_aside_reason");
    CHECK(fmt::format("{}", govplan::plan_format::xml) == "xml");
    CHECK(fmt::format("{}", govplan::errc::decimal_overflow) == "decimal_overflow");
}

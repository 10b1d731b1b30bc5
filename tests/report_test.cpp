#include <govplan/json.hpp>
#include <govplan/report.hpp>

#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "support.hpp"

using namespace govplan;

namespace {

const table sample{{"指标", "value", "note"},
                   {{"耕地面积", "42", "确保"}, {"a,b", "1", "say \"hi\""}, {"x|y", "10", "line\nbreak"}},
                   {false, true, false}};

}  // namespace

TEST_CASE("report text aligns CJK by display width")
{
    const std::string text = render(sample, report_format::text);
    CHECK(text ==
          "指标      value  note\n"
          "--------  -----  ----------\n"
          "耕地面积     42  确保\n"
          "a,b           1  say \"hi\"\n"
          "x|y          10  line\nbreak\n");
}

TEST_CASE("report CSV follows RFC 4180")
{
    const std::string csv = render(sample, report_format::csv);
    CHECK(csv ==
          "指标,value,note\r\n"
          "耕地面积,42,确保\r\n"
          "\"a,b\",1,\"say \"\"hi\"\"\"\r\n"
          "x|y,10,\"line\nbreak\"\r\n");
}

TEST_CASE("report Markdown escapes pipes and newlines")
{
    const std::string md = render(sample, report_format::markdown);
    CHECK(md ==
          "| 指标 | value | note |\n"
          "|---|---:|---|\n"
          "| 耕地面积 | 42 | 确保 |\n"
          "| a,b | 1 | say \"hi\" |\n"
          "| x\\|y | 10 | line<br>break |\n");
}

TEST_CASE("report JSON is an array of objects")
{
    const std::string json = render(sample, report_format::json);
    const auto parsed = boost::json::parse(json);
    REQUIRE(parsed.as_array().size() == 3);
    CHECK(parsed.as_array()[0].at("指标").as_string() == "耕地面积");
    CHECK(parsed.as_array()[2].at("note").as_string() == "line\nbreak");
    CHECK(json.find("耕地面积") != std::string::npos);  // UTF-8 as is
    CHECK(render(table{{"a"}, {}, {}}, report_format::json) == "[]\n");
}

TEST_CASE("report rows must match the columns")
{
    const table bad{{"a", "b"}, {{"1"}}, {}};
    CHECK_THROWS_AS((void)render(bad, report_format::csv), std::invalid_argument);
}

TEST_CASE("report tables from aggregation results")
{
    const plan p = govplan::testing::make_clean_plan();
    const auto groups = aggregate_targets(p, group_by::kind).value();
    const table t = to_table(groups, "kind");
    REQUIRE(t.rows.size() == groups.size());
    CHECK(t.columns.front() == "kind");
    // Groups in order of first appearance: pp_change (the area target), growth_rate, amount…
    // t-stored ≥ 50亿元, t-ecommerce > 20亿元, t-sales-area ≥ 50万平方米 (aspirational), t-fdi ≥ 150万美元
    CHECK(t.rows[2] == std::vector<std::string>{"amount", "4", "0", "3", "1",
                                                "sum 70亿元; sum 50万平方米; sum 150万美元"});
    const table stages = stage_table(count_projects(p));
    CHECK(stages.rows[4] == std::vector<std::string>{"build", "2"});
    const table targets = targets_table(p);
    CHECK(targets.rows.size() == target_count(p));
    CHECK(targets.rows[1] == std::vector<std::string>{"1", "工业投资", "growth", "≥ 15%", "expected"});
    const table areas = focus_area_table(p);
    // binding: 耕地面积 and 一般公共预算收入; aspirational: 商品房销售面积
    CHECK(areas.rows.back() == std::vector<std::string>{"", "total", "1", "19", "2", "2", "16", "1"});
}

TEST_CASE("report focus area rows join title and aim, and show a title alone without one")
{
    plan p = govplan::testing::make_clean_plan();
    const auto with_aim = focus_area_table(p);
    REQUIRE(with_aim.rows.size() == 2);
    CHECK(with_aim.rows[0][1] == "聚焦扩大内需 · 提升经济增长质效");
    p.focus_areas[0].aim.clear();
    const auto without = focus_area_table(p);
    CHECK(without.rows[0][1] == "聚焦扩大内需");
    CHECK(without.rows[0][3] == "19");  // targets: the lead's one and the measure's eighteen
    CHECK(without.rows[1][1] == "total");
}

#include <govplan/comparison.hpp>
#include <govplan/json.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace govplan;
using govplan::testing::make_clean_plan;
using govplan::testing::u;

namespace {

target& tg(plan& p, std::size_t i) { return p.focus_areas[0].measures[0].targets[i]; }

}  // namespace

TEST_CASE("comparison lines up one metric across plans")
{
    plan a = make_clean_plan();
    plan b = make_clean_plan();
    b.id = "other-2026";
    b.year = 2026;
    b.jurisdiction.district = "源汇区";
    tg(b, 1).value = "60"_dec;
    const auto rows = line_up({&a, &b}, "入库投资");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].plan_id == "test-2025");
    CHECK(rows[0].requirement == "≥ 50亿元");
    CHECK(rows[1].plan_id == "other-2026");
    CHECK(rows[1].jurisdiction == "河南省漯河市源汇区");
    CHECK(rows[1].year == 2026);
    CHECK(to_string(*rows[1].value) == "60亿元");
    CHECK(line_up({&a}, "不存在的指标").empty());
}

TEST_CASE("comparison diff finds added dropped raised lowered and changed targets")
{
    const plan before = make_clean_plan();
    plan after = make_clean_plan();
    tg(after, 1).value = "60"_dec;                        // 入库投资 raised
    tg(after, 2).value = "15"_dec;                        // 电商交易额 lowered
    tg(after, 4).value = "420000"_dec;                    // 耕地面积 42万亩 → 420000亩: the same
    tg(after, 4).unit = u("亩");
    tg(after, 5).comparator = comparator::more_than;      // 一次办事项 changed comparator
    tg(after, 6).commitment = commitment::binding;        // 预付款比例 changed commitment
    auto& ts = after.focus_areas[0].measures[0].targets;
    ts.erase(ts.begin() + 9);                             // 商品房销售面积 dropped
    target added = tg(after, 0);
    added.id = "t-new";
    added.metric = "新指标";
    ts.push_back(added);
    const plan_diff d = diff(before, after);
    REQUIRE(d.raised.size() == 1);
    CHECK(d.raised[0].metric == "入库投资");
    CHECK(d.raised[0].before == "≥ 50亿元");
    CHECK(d.raised[0].after == "≥ 60亿元");
    REQUIRE(d.lowered.size() == 1);
    CHECK(d.lowered[0].metric == "电商交易额");
    REQUIRE(d.dropped.size() == 1);
    CHECK(d.dropped[0].metric == "商品房销售面积");
    CHECK(d.dropped[0].after.empty());
    REQUIRE(d.added.size() == 1);
    CHECK(d.added[0].metric == "新指标");
    REQUIRE(d.changed.size() == 3);  // 耕地面积 unit, 一次办 comparator, 预付款 commitment
    CHECK(d.changed[0].metric == "耕地面积");
    CHECK(d.changed[1].metric == "一次办事项占比");
    CHECK(d.changed[2].metric == "预付款比例");
    CHECK(diff(before, before).empty());
}

TEST_CASE("comparison diff matches repeated metrics in order and compares across scales")
{
    plan before = make_clean_plan();
    plan after = make_clean_plan();
    tg(after, 16).value = "2.5"_dec;  // 单位GDP能耗 ≤ 3% → ≤ 2.5%: a lower number
    tg(after, 17).value = "25000"_dec;  // 以旧换新 2万单 → 25000单: raised across scales
    tg(after, 17).unit = u("单");
    const plan_diff d = diff(before, after);
    REQUIRE(d.lowered.size() == 1);
    CHECK(d.lowered[0].metric == "单位GDP能耗");
    REQUIRE(d.raised.size() == 1);
    CHECK(d.raised[0].after == "≈ 25000单");
}

TEST_CASE("comparison diff pairs by metric qualifier and kind, repeated ones in document order")
{
    using namespace govplan::literals;
    plan before = make_clean_plan();
    plan after = make_clean_plan();
    // The same metric with another qualifier is another target: added and dropped, not lowered.
    tg(before, 3).qualifier = "千万元以上项目";
    tg(after, 3).qualifier = "亿元以上项目";
    tg(after, 3).value = "10"_dec;
    const plan_diff q = diff(before, after);
    CHECK(q.lowered.empty());
    REQUIRE(q.added.size() == 1);
    CHECK(q.added[0].qualifier == "亿元以上项目");
    REQUIRE(q.dropped.size() == 1);
    CHECK(q.dropped[0].qualifier == "千万元以上项目");

    // Two old targets of one key (20家, then 30家) and one new (20家): the
    // new one pairs with the first, so the second is dropped and nothing moved.
    plan twice = make_clean_plan();
    target second = tg(twice, 3);
    second.id = "t-firms-2";
    second.value = "30"_dec;
    twice.focus_areas[0].measures[0].targets.push_back(second);
    const plan_diff r = diff(twice, make_clean_plan());
    CHECK(r.raised.empty());
    CHECK(r.lowered.empty());
    REQUIRE(r.dropped.size() == 1);
    CHECK(r.dropped[0].before_id == "t-firms-2");

    // The same two on both sides pair first with first, second with second: no difference.
    CHECK(diff(twice, twice).empty());
    // Three of one key, the last raised: only the last is reported.
    plan thrice = twice;
    target third = second;
    third.id = "t-firms-3";
    third.value = "40"_dec;
    thrice.focus_areas[0].measures[0].targets.push_back(third);
    plan raised = thrice;
    raised.focus_areas[0].measures[0].targets.back().value = "45"_dec;
    const plan_diff t = diff(thrice, raised);
    CHECK(t.dropped.empty());
    CHECK(t.added.empty());
    REQUIRE(t.raised.size() == 1);
    CHECK(t.raised[0].before_id == "t-firms-3");
}

TEST_CASE("comparison a range is raised by its upper end")
{
    using namespace govplan::literals;
    plan before = make_clean_plan();
    plan after = make_clean_plan();
    tg(after, 14).high = "7"_dec;  // 地区生产总值 5–6% → 5–7%
    const plan_diff d = diff(before, after);
    REQUIRE(d.raised.size() == 1);
    CHECK(d.raised[0].before == "5–6%");
    CHECK(d.raised[0].after == "5–7%");
    CHECK(d.changed.empty());
    const auto rows = line_up({&after}, "地区生产总值");
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].value.has_value());
    CHECK(rows[0].value->value == "7"_dec);
}

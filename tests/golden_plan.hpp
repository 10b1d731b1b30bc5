// The plans that the golden files of tests/data hold, one function per format
// version, written out by hand. FROZEN: golden_plan_v1() is what
// golden-v1.* were written from and must never change; a new format version
// adds golden_plan_v2() beside it (see docs/format.md, "Versions and golden
// files"). Deliberately independent of tests/support.hpp, which may evolve.
#pragma once

#include <govplan/plan.hpp>
#include <govplan/unit.hpp>

#include <optional>
#include <string>

namespace govplan::testing {

/// Format version 1: one focus area with one lead target, one measure with
/// eighteen targets (one of each kind of DESIGN.md §3) and two projects.
inline plan golden_plan_v1()
{
    const auto& units = unit_registry::standard();
    struct row {
        const char* id;
        const char* metric;
        target_kind kind;
        comparator comp;
        const char* value;  // "" for none
        const char* unit;   // "" for none
    };
    auto build = [&](const row& r) {
        target t;
        t.id = r.id;
        t.metric = r.metric;
        t.kind = r.kind;
        t.comparator = r.comp;
        if (*r.value != '\0') t.value = decimal::parse(r.value).value();
        if (*r.unit != '\0') t.unit = units.find(r.unit).value();
        t.provenance.clause = r.metric;
        return t;
    };

    plan p;
    p.id = "test-2025";
    p.title = "测试区 2025 重点工作安排";
    p.jurisdiction = {"河南省", "漯河市", "测试区", jurisdiction_level::county};
    p.issuing_body = "测试区人民政府";
    p.year = 2025;
    p.period = inclusive_period(date(2025, 1, 1), date(2025, 12, 31));
    p.report_date = date(2025, 4, 17);
    p.printed_date = date(2025, 4, 16);
    p.session = "五届人大六次会议";
    p.theme = "八个聚焦、八个提升";
    p.source = {"测试区人民政府工作报告", "yancheng-2025.txt"};

    focus_area& area = p.focus_areas.emplace_back();
    area.ordinal = 1;
    area.title = "聚焦扩大内需";
    area.aim = "提升经济增长质效";
    area.lead = "综合施策，传统产业新型化率提高5个百分点以上。";
    area.targets.push_back(
        build({"t-area-pp", "传统产业新型化率", target_kind::pp_change, comparator::at_least, "5", "个百分点"}));

    measure& m = area.measures.emplace_back();
    m.lead = "扩大有效投资";
    m.text = "实施千万元以上项目80个。";
    m.organisations = {"双汇"};
    using k = target_kind;
    using c = comparator;
    const row rows[] = {
        {"t-invest-growth", "工业投资", k::growth_rate, c::at_least, "15", "%"},
        {"t-stored", "入库投资", k::amount, c::at_least, "50", "亿元"},
        {"t-ecommerce", "电商交易额", k::amount, c::more_than, "20", "亿元"},
        {"t-firms", "新增规上工业企业", k::count, c::exactly, "20", "家"},
        {"t-farmland", "耕地面积", k::level, c::at_least, "42", "万亩"},
        {"t-one-visit", "一次办事项占比", k::share, c::at_least, "80", "%"},
        {"t-prepay", "预付款比例", k::share, c::at_least, "55", "%"},
        {"t-finance-cost", "融资成本", k::reduction_rate, c::at_least, "5", "%"},
        {"t-urban", "城镇化率", k::pp_change, c::exactly, "1.2", "个百分点"},
        {"t-sales-area", "商品房销售面积", k::amount, c::at_least, "50", "万平方米"},
        {"t-fdi", "利用外资", k::amount, c::at_least, "150", "万美元"},
        {"t-pm25", "PM2.5浓度", k::direction, c::direction, "", ""},
        {"t-good-days", "空气优良天数", k::direction, c::direction, "", ""},
        {"t-approved", "已获批政策性资金项目", k::count, c::exactly, "18", "个"},
        {"t-gdp", "地区生产总值", k::growth_rate, c::range, "", "%"},
        {"t-revenue", "一般公共预算收入", k::growth_rate, c::at_least, "5", "%"},
        {"t-energy", "单位GDP能耗", k::level, c::at_most, "3", "%"},
        {"t-trade", "以旧换新", k::count, c::about, "2", "万单"},
    };
    for (const row& r : rows) m.targets.push_back(build(r));
    m.targets[4].commitment = commitment::binding;         // 耕地面积
    m.targets[9].commitment = commitment::aspirational;    // 商品房销售面积
    m.targets[11].trend = trend::decrease;                 // PM2.5
    m.targets[12].trend = trend::increase;                 // 空气优良天数
    m.targets[13].project_ids = {"p-wulimiao", "p-xiaolizhuang"};
    m.targets[14].low = decimal::parse("5").value();       // 地区生产总值 5–6%
    m.targets[14].high = decimal::parse("6").value();
    m.targets[15].commitment = commitment::binding;        // 一般公共预算收入, stretch 6%
    m.targets[15].stretch = decimal::parse("6").value();

    for (const char* name : {"五里庙", "小李庄"}) {
        project& pr = m.projects.emplace_back();
        pr.id = m.projects.size() == 1 ? "p-wulimiao" : "p-xiaolizhuang";
        pr.name = name;
        pr.action = "加快建设";
        pr.stage = project_stage::build;
        pr.category = "政策性资金";
        pr.target_id = "t-approved";
    }
    return p;
}

}  // namespace govplan::testing

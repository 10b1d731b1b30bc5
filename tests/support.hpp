// Test helpers: a small plan built in code that holds one target of each kind
// of DESIGN.md §3 and validates clean.
#pragma once

#include <govplan/govplan.hpp>

#include <string>
#include <utility>
#include <vector>

namespace govplan::testing {

using namespace govplan::literals;

inline unit u(std::string_view symbol) { return unit_registry::standard().find(symbol).value(); }

inline target make_target(std::string id, std::string metric, target_kind kind, comparator comp,
                          std::optional<decimal> value, std::string_view unit_symbol)
{
    target t;
    t.id = std::move(id);
    t.metric = std::move(metric);
    t.kind = kind;
    t.comparator = comp;
    t.value = value;
    if (!unit_symbol.empty()) t.unit = u(unit_symbol);
    t.provenance.clause = t.metric;
    return t;
}

/// The focus area's lead holds t-area-pp (传统产业新型化率 pp ≥ 5个百分点).
/// Targets of its measure, in order (index: id):
///  0 t-invest-growth   工业投资 growth ≥ 15%
///  1 t-stored          入库投资 amount ≥ 50亿元
///  2 t-ecommerce       电商交易额 amount > 20亿元
///  3 t-firms           新增规上工业企业 count = 20家
///  4 t-farmland        耕地面积 level ≥ 42万亩, binding
///  5 t-one-visit       一次办事项占比 share ≥ 80%
///  6 t-prepay          预付款比例 share ≥ 55%
///  7 t-finance-cost    融资成本 reduction ≥ 5%
///  8 t-urban           城镇化率 pp = 1.2个百分点
///  9 t-sales-area      商品房销售面积 amount ≥ 50万平方米, aspirational
/// 10 t-fdi             利用外资 amount ≥ 150万美元
/// 11 t-pm25            PM2.5 direction ↓
/// 12 t-good-days       空气优良天数 direction ↑
/// 13 t-approved        已获批政策性资金项目 count = 18个, projects p-wulimiao, p-xiaolizhuang
/// 14 t-gdp             地区生产总值 growth range 5–6%
/// 15 t-revenue         一般公共预算收入 growth ≥ 5% binding, stretch 6%
/// 16 t-energy          单位GDP能耗 level ≤ 3%
/// 17 t-trade           以旧换新 count ≈ 2万单
inline plan make_clean_plan()
{
    plan p;
    p.id = "test-2025";
    p.title = "测试区 2025 重点工作安排";
    p.jurisdiction = {"河南省", "漯河市", "测试区", jurisdiction_level::county};
    p.issuing_body = "测试区人民政府";
    p.year = 2025;
    p.period = calendar_year(2025);
    p.report_date = date(2025, 4, 17);
    p.printed_date = date(2025, 4, 16);
    p.session = "五届人大六次会议";
    p.theme = "八个聚焦、八个提升";
    p.source = {"测试区人民政府工作报告", "yancheng-2025.txt"};

    focus_area area;
    area.ordinal = 1;
    area.title = "聚焦扩大内需";
    area.aim = "提升经济增长质效";
    area.lead = "综合施策，传统产业新型化率提高5个百分点以上。";
    area.targets.push_back(
        make_target("t-area-pp", "传统产业新型化率", target_kind::pp_change, comparator::at_least, "5"_dec, "个百分点"));

    measure m;
    m.lead = "扩大有效投资";
    m.text = "实施千万元以上项目80个。";
    auto& ts = m.targets;
    ts.push_back(make_target("t-invest-growth", "工业投资", target_kind::growth_rate, comparator::at_least, "15"_dec, "%"));
    ts.push_back(make_target("t-stored", "入库投资", target_kind::amount, comparator::at_least, "50"_dec, "亿元"));
    ts.push_back(make_target("t-ecommerce", "电商交易额", target_kind::amount, comparator::more_than, "20"_dec, "亿元"));
    ts.push_back(make_target("t-firms", "新增规上工业企业", target_kind::count, comparator::exactly, "20"_dec, "家"));
    ts.push_back(make_target("t-farmland", "耕地面积", target_kind::level, comparator::at_least, "42"_dec, "万亩"));
    ts.back().commitment = commitment::binding;
    ts.push_back(make_target("t-one-visit", "一次办事项占比", target_kind::share, comparator::at_least, "80"_dec, "%"));
    ts.push_back(make_target("t-prepay", "预付款比例", target_kind::share, comparator::at_least, "55"_dec, "%"));
    ts.push_back(make_target("t-finance-cost", "融资成本", target_kind::reduction_rate, comparator::at_least, "5"_dec, "%"));
    ts.push_back(make_target("t-urban", "城镇化率", target_kind::pp_change, comparator::exactly, "1.2"_dec, "个百分点"));
    ts.push_back(make_target("t-sales-area", "商品房销售面积", target_kind::amount, comparator::at_least, "50"_dec, "万平方米"));
    ts.back().commitment = commitment::aspirational;
    ts.push_back(make_target("t-fdi", "利用外资", target_kind::amount, comparator::at_least, "150"_dec, "万美元"));
    ts.push_back(make_target("t-pm25", "PM2.5浓度", target_kind::direction, comparator::direction, std::nullopt, ""));
    ts.back().trend = trend::decrease;
    ts.push_back(make_target("t-good-days", "空气优良天数", target_kind::direction, comparator::direction, std::nullopt, ""));
    ts.back().trend = trend::increase;
    ts.push_back(make_target("t-approved", "已获批政策性资金项目", target_kind::count, comparator::exactly, "18"_dec, "个"));
    ts.back().project_ids = {"p-wulimiao", "p-xiaolizhuang"};
    ts.push_back(make_target("t-gdp", "地区生产总值", target_kind::growth_rate, comparator::range, std::nullopt, "%"));
    ts.back().low = "5"_dec;
    ts.back().high = "6"_dec;
    ts.push_back(make_target("t-revenue", "一般公共预算收入", target_kind::growth_rate, comparator::at_least, "5"_dec, "%"));
    ts.back().commitment = commitment::binding;
    ts.back().stretch = "6"_dec;
    ts.push_back(make_target("t-energy", "单位GDP能耗", target_kind::level, comparator::at_most, "3"_dec, "%"));
    ts.push_back(make_target("t-trade", "以旧换新", target_kind::count, comparator::about, "2"_dec, "万单"));

    project a;
    a.id = "p-wulimiao";
    a.name = "五里庙";
    a.action = "加快建设";
    a.stage = project_stage::build;
    a.category = "政策性资金";
    a.targets = {{"t-approved", link_role::exemplifies}};
    project b = a;
    b.id = "p-xiaolizhuang";
    b.name = "小李庄";
    m.projects = {a, b};
    m.organisations = {"双汇"};

    area.measures.push_back(m);
    p.focus_areas.push_back(area);
    return p;
}

/// The path of target i in the clean plan.
inline std::string target_path(std::size_t i)
{
    return "focus_areas[0].measures[0].targets[" + std::to_string(i) + "]";
}

}  // namespace govplan::testing

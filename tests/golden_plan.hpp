// The plans that the golden files of tests/data hold, one function per format
// version, written out by hand. FROZEN: golden_plan_v1() is what
// golden-v1.* were written from and golden_plan_v2() what golden-v2.* were
// written from; neither may change (the model's API may move under them, the
// plan they build may not). A new format version adds golden_plan_v3() beside
// them (see docs/format.md, "Versions and golden files"). Deliberately
// independent of tests/support.hpp, which may evolve.
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
        pr.targets = {{"t-approved", link_role::exemplifies}};  // format 1: target_id
    }
    return p;
}

/// Format version 2: the plan of version 1 and a second focus area holding
/// one of each construction format 2 added (docs/format.md lists them).
inline plan golden_plan_v2()
{
    const auto& units = unit_registry::standard();
    auto u = [&](const char* symbol) { return units.find(symbol).value(); };
    auto d = [](const char* text) { return decimal::parse(text).value(); };
    auto make = [&](const char* id, const char* metric, target_kind kind, comparator comp, const char* clause) {
        target t;
        t.id = id;
        t.metric = metric;
        t.kind = kind;
        t.comparator = comp;
        t.provenance.clause = clause;
        return t;
    };
    using k = target_kind;
    using c = comparator;

    plan p = golden_plan_v1();
    focus_area& area = p.focus_areas.emplace_back();
    area.ordinal = 2;
    area.title = "聚焦生态环境";
    area.aim = "提升绿色发展水平";

    measure& m = area.measures.emplace_back();
    m.lead = "守牢生态底线";
    m.text = "确保土壤环境持续稳定，债务率保持在合理区间。";
    m.responsibility = {{"生态环境分局"}, {"自然资源局", "农业农村局"}, "副区长"};
    m.deadline = date(2025, 12, 31);

    target soil = make("t-soil", "土壤环境", k::qualitative, c::none, "确保土壤环境持续稳定");
    soil.trend = trend::stable;
    soil.commitment = commitment::binding;
    soil.responsibility.edit().lead_units = {"生态环境分局"};
    soil.observations.push_back({date(2025, 6, 30), quantity{d("1"), unit{}}, "上半年达标", "illustrative"});
    m.targets.push_back(soil);

    target debt = make("t-debt", "债务率", k::level, c::within, "确保债务率保持在合理区间");
    debt.reference = "合理区间";
    debt.commitment = commitment::binding;
    m.targets.push_back(debt);

    target rd = make("t-rd", "规上工业企业“四有”研发活动", k::attainment, c::exactly, "规上工业企业“四有”研发活动全覆盖");
    rd.value = d("100");
    rd.unit = u("%");
    rd.value_implied = true;
    rd.scope = target_scope{std::nullopt, "", "规上工业企业", {}};
    m.targets.push_back(rd);

    target arrears = make("t-arrears", "拖欠农民工工资", k::attainment, c::exactly, "拖欠农民工工资动态清零");
    arrears.value = d("0");
    arrears.unit = u("件");
    arrears.value_implied = true;
    m.targets.push_back(arrears);

    target energy = make("t-energy-pp", "单位GDP能耗", k::pp_change, c::at_least, "单位GDP能耗下降0.5个百分点以上");
    energy.value = d("0.5");
    energy.unit = u("个百分点");
    energy.trend = trend::decrease;
    energy.baseline = baseline{2024, std::nullopt, quantity{d("3.1"), u("%")}};
    energy.basis = change_basis::previous_year;
    m.targets.push_back(energy);

    target coal = make("t-coal", "煤炭消费量", k::growth_rate, c::less_than, "煤炭消费量负增长");
    coal.value = d("0");
    coal.unit = u("%");
    coal.basis = change_basis::same_period_last_year;
    m.targets.push_back(coal);

    target carbon = make("t-carbon", "碳排放强度", k::reduction_rate, c::exactly, "比2020年下降13.5%");
    carbon.value = d("13.5");
    carbon.unit = u("%");
    carbon.baseline = baseline{2020, std::nullopt, std::nullopt};
    carbon.basis = change_basis::base_year;
    carbon.deadline = date(2027, 12, 31);  // a horizon beyond the plan year: 到2027年
    m.targets.push_back(carbon);

    target scenic = make("t-scenic", "景区等级", k::grade, c::none, "创成AA级景区");
    scenic.grade = "AA级";
    scenic.commitment = commitment::aspirational;
    m.targets.push_back(scenic);

    target rank = make("t-rank", "营商环境评价", k::rank, c::at_most, "进入全省前10位");
    rank.value = d("10");
    rank.unit = u("位");
    rank.reference = "全省";
    m.targets.push_back(rank);

    target income = make("t-income", "居民收入增长", k::relative, c::about, "居民收入增长与经济增长同步");
    income.reference = "经济增长";
    m.targets.push_back(income);

    target firms = make("t-new-firms", "新增市场主体", k::count, c::at_least, "新增市场主体300余家");
    firms.value = d("300");
    firms.unit = u("家");
    firms.hedge = hedge::over;
    firms.value_span = text_span{18, 3};
    m.targets.push_back(firms);

    target sales = make("t-sales", "商品房销售面积", k::amount, c::at_least, "25个楼盘商品房销售面积50万平方米以上");
    sales.value = d("50");
    sales.unit = u("万平方米");
    sales.scope = target_scope{d("25"), "个", "楼盘", {"p-hongcheng"}};
    sales.commitment = commitment::aspirational;
    m.targets.push_back(sales);

    // 分别: two subjects, each its own value; 均: one value for each subject.
    target wheat = make("t-wheat", "小麦种植面积", k::level, c::at_least, "小麦、玉米种植面积分别稳定在30万亩、20万亩以上");
    wheat.value = d("30");
    wheat.unit = u("万亩");
    wheat.group = statement_group{"g-grain", group_mode::respectively};
    wheat.accumulation = accumulation::stock;
    target corn = wheat;
    corn.id = "t-corn";
    corn.metric = "玉米种植面积";
    corn.value = d("20");
    m.targets.push_back(wheat);
    m.targets.push_back(corn);

    // 其中: a part of a parent target, never counted on top of it.
    target invest = make("t-invest", "固定资产投资", k::amount, c::at_least, "完成固定资产投资80亿元，其中工业投资30亿元");
    invest.value = d("80");
    invest.unit = u("亿元");
    target industry = make("t-invest-industry", "工业投资", k::amount, c::at_least, "其中工业投资30亿元");
    industry.value = d("30");
    industry.unit = u("亿元");
    industry.parent_id = "t-invest";
    m.targets.push_back(invest);
    m.targets.push_back(industry);

    target beds = make("t-beds", "每千人口医疗机构床位", k::level, c::at_least, "每千人口医疗机构床位达到6.5张");
    beds.value = d("6.5");
    beds.unit = u("张/千人口");
    beds.per_capita = true;
    m.targets.push_back(beds);

    target solar = make("t-solar", "光伏装机容量", k::amount, c::at_least, "新增光伏装机容量5万千瓦");
    solar.value = d("5");
    solar.unit = u("万千瓦");
    m.targets.push_back(solar);

    target approval = make("t-approval", "企业开办时间", k::level, c::at_most, "企业开办压缩至1个工作日以内");
    approval.value = d("1");
    approval.unit = u("个工作日");
    m.targets.push_back(approval);

    target roads = make("t-roads", "农村公路改造", k::share, c::exactly, "6月底前完成50%、年底前全部完成");
    roads.value = d("100");
    roads.unit = u("%");
    roads.milestones = {{date(2025, 6, 30), d("50"), "6月底前完成50%"}};
    m.targets.push_back(roads);

    project hall = project{};
    hall.id = "p-legal-aid";
    hall.name = "司法助企工作室";
    hall.action = "设立";
    hall.stage = project_stage::other;
    hall.type = item_type::facility;
    hall.location = "经开区";
    hall.targets = {{"t-rank", link_role::measured_by}};
    m.projects.push_back(hall);

    project bid = project{};
    bid.id = "p-wheat-park";
    bid.name = "国家级生态小麦产业园";
    bid.action = "争创";
    bid.stage = project_stage::other;
    bid.type = item_type::designation_bid;
    bid.commitment = commitment::aspirational;
    bid.targets = {{"t-wheat", link_role::site_of}, {"t-scenic", link_role::measured_by}};
    m.projects.push_back(bid);

    project estate = project{};
    estate.id = "p-hongcheng";
    estate.name = "红澄九璞";
    estate.action = "加快销售";
    estate.stage = project_stage::operate;
    estate.category = "楼盘";
    estate.targets = {{"t-sales", link_role::exemplifies}};
    m.projects.push_back(estate);

    project plant = project{};
    plant.id = "p-sewage";
    plant.name = "淞江污水处理厂";
    plant.phase = "二期";
    plant.action = "建成";
    plant.stage = project_stage::complete;
    plant.total_investment = quantity{d("2.6"), u("亿元")};
    plant.investment_this_year = quantity{d("1.2"), u("亿元")};
    plant.capacity = "日处理3万吨";
    plant.responsibility = {{"住建局"}, {}, ""};
    m.projects.push_back(plant);

    project health = project{};
    health.id = "p-primary-care";
    health.name = "基层卫生";
    health.action = "补短板";
    health.type = item_type::category;
    m.projects.push_back(health);
    return p;
}

}  // namespace govplan::testing

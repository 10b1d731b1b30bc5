#include <govplan/aggregation.hpp>
#include <govplan/codes.hpp>
#include <govplan/json.hpp>

#include <doctest/doctest.h>

#include "generator.hpp"
#include "support.hpp"

#include <stdexcept>

using namespace govplan;
using govplan::testing::u;

namespace {

const plan& bundled()
{
    static const plan p = load_json(std::filesystem::path(GOVPLAN_SOURCE_DIR) / "data" / "yancheng-2025.json").value();
    return p;
}

const target_group& group(const std::vector<target_group>& groups, const std::string& key)
{
    for (const auto& g : groups)
        if (g.key == key) return g;
    FAIL("no group " << key);
    throw std::logic_error("unreachable");
}

const family_total& family(const target_group& g, const std::string& base)
{
    for (const auto& f : g.totals)
        if (f.base == base) return f;
    FAIL("no family " << base << " in group " << g.key);
    throw std::logic_error("unreachable");
}

// A plan whose targets a and b state one value, 10亿元, together (a shared group).
plan one_shared_value(const char* group_id)
{
    plan p = govplan::testing::make_clean_plan();
    auto& targets = p.focus_areas[0].measures[0].targets;
    targets.clear();
    for (const char* id : {"a", "b"}) {
        targets.push_back(govplan::testing::make_target(id, "投资", target_kind::amount, comparator::at_least,
                                                        decimal::from_integer(10), "亿元"));
        targets.back().group = statement_group{group_id, group_mode::shared};
    }
    return p;
}

}  // namespace

TEST_CASE("aggregation sum normalises to the largest exact unit")
{
    auto total = sum({{"50"_dec, u("亿元")}, {"20"_dec, u("亿元")}, {"3000"_dec, u("万元")}});
    REQUIRE(total.has_value());
    CHECK(to_string(*total) == "70.3亿元");
    const unit wan = u("万元");
    CHECK(to_string(sum({{"50"_dec, u("亿元")}, {"3000"_dec, u("万元")}}, &wan).value()) == "503000万元");
    // 0.1 + 0.2 as plan values is exactly 0.3.
    CHECK(to_string(sum({{"0.1"_dec, u("亿元")}, {"0.2"_dec, u("亿元")}}).value()) == "0.3亿元");
    // 亩 and 平方公里 do not both convert into 平方公里 exactly: 亩 is chosen.
    CHECK(to_string(sum({{"1"_dec, u("平方公里")}, {"1"_dec, u("亩")}}).value()) == "1501亩");
    CHECK(to_string(sum({{"2"_dec, u("万单")}, {"500"_dec, u("单")}}).value()) == "2.05万单");
}

TEST_CASE("aggregation sum across families is an error naming both values")
{
    auto currencies = sum({{"50"_dec, u("亿元")}, {"150"_dec, u("万美元")}});
    REQUIRE_FALSE(currencies.has_value());
    CHECK(currencies.error().code == errc::incompatible_units);
    CHECK(currencies.error().message == "cannot add 150万美元 (money, USD) to 50亿元 (money, CNY): different units");
    auto points = sum({{"5"_dec, u("%")}, {"1.2"_dec, u("个百分点")}});
    REQUIRE_FALSE(points.has_value());
    CHECK(points.error().message.find("1.2个百分点 (percentage_point)") != std::string::npos);
    CHECK(points.error().message.find("5% (percent)") != std::string::npos);
    CHECK(sum({{"1"_dec, u("亩")}, {"1"_dec, u("公里")}}).error().code == errc::incompatible_units);
    CHECK(sum({{"1"_dec, u("个")}, {"1"_dec, u("家")}}).error().message.find("count of 家") != std::string::npos);
    CHECK(sum({}).error().code == errc::invalid_value);
    const unit mu = u("亩");
    CHECK(sum({{"1"_dec, u("亿元")}}, &mu).error().code == errc::incompatible_units);
    CHECK(sum({{"999999999999999999"_dec, u("元")}, {"1"_dec, u("元")}}).error().code == errc::decimal_overflow);
}

TEST_CASE("aggregation by focus area on the bundled plan")
{
    const auto groups = aggregate_targets(bundled(), group_by::focus_area).value();
    REQUIRE(groups.size() == 8);
    // Focus area 1 (扩大内需): 19 targets, 3 aspirational (跨境电商源头工厂,
    // 城中村改造资金项目, 商品房销售面积; its 25个楼盘 is a scope, not a target).
    const auto& first = group(groups, "1");
    CHECK(first.targets == 19);
    CHECK(first.aspirational == 3);
    CHECK(first.binding == 0);
    // Money committed: 入库投资50亿元 + 电商交易额突破20亿元 + 消费券带动3000万元 = 70.3亿元.
    const auto& money = family(first, "元");
    REQUIRE(money.sum.has_value());
    CHECK(money.sum->to_string() == "70.3");
    CHECK(money.unit.symbol() == "亿元");
    CHECK(money.count == 3);
    CHECK(money.min.to_string() == "0.3");
    CHECK(money.max.to_string() == "50");
    // Counts keep their measure words apart: 个 projects, 家 firms, 单 trade-ins, 套 dwellings.
    CHECK(family(first, "个").sum->to_string() == "325");  // 30+80+20+18+80+20+20+8+30+15+4 (以上 floors count)
    CHECK(family(first, "家").sum->to_string() == "3");
    CHECK(family(first, "单").sum->to_string() == "2");
    CHECK(family(first, "单").unit.symbol() == "万单");
    CHECK(family(first, "套").sum->to_string() == "2500");
    CHECK(to_string(quantity{*family(first, "平方米").sum, family(first, "平方米").unit}) == "50万平方米");
    // The growth rate adds nothing: a range only.
    const auto& percent = family(first, "%");
    CHECK_FALSE(percent.sum.has_value());
    CHECK(percent.count == 1);
    CHECK(percent.min.to_string() == "15");
}

TEST_CASE("aggregation by commitment kind and dimension on the bundled plan")
{
    const auto by_commitment = aggregate_targets(bundled(), group_by::commitment).value();
    // 耕地面积, PM2.5, PM10, 空气优良天数, 河流断面水质, 水源地水质, 土壤环境, 债务率
    CHECK(group(by_commitment, "binding").targets == 8);
    CHECK(group(by_commitment, "aspirational").targets == 11);
    CHECK(group(by_commitment, "expected").targets == 81);

    const auto by_kind = aggregate_targets(bundled(), group_by::kind).value();
    // 企业用气成本, PM2.5, PM10, 空气优良天数 and the three 覆盖面 of 医保, 大病保险, 普惠商业保险
    CHECK(group(by_kind, "direction").targets == 7);
    CHECK(group(by_kind, "attainment").targets == 6);
    CHECK(group(by_kind, "pp_change").targets == 4);  // three 均 targets and 城镇化率
    CHECK(group(by_kind, "reduction_rate").targets == 1);
    // Shares never add: min 40% (政府采购份额), max 90% (简易程序适用率).
    const auto& shares = family(group(by_kind, "share"), "%");
    CHECK_FALSE(shares.sum.has_value());
    CHECK(shares.min.to_string() == "40");
    CHECK(shares.max.to_string() == "90");

    const auto by_dimension = aggregate_targets(bundled(), group_by::dimension).value();
    // Money in CNY and in USD are separate groups, never one total.
    CHECK(group(by_dimension, "money 美元").targets == 1);
    const auto& cny = family(group(by_dimension, "money 元"), "元");
    // 50+20+0.3 (FA1) + 10+30 (FA2) + 10 (FA3) + 40+50 (FA4) + 0.45 (FA7) + 6 (FA8), in 亿元
    CHECK(cny.sum->to_string() == "216.75");
    // No unit: the 7 direction targets, 土壤环境, 债务率 (合理区间) and AA级信用评级.
    CHECK(group(by_dimension, "none").targets == 10);
}

TEST_CASE("aggregation land and floor area are totalled apart and exactly")
{
    const auto by_dimension = aggregate_targets(bundled(), group_by::dimension).value();
    // Land: 900亩 + 42万亩 (a level: not summed) + 10.6万亩 + 5.9平方公里 + 19万亩 + 900亩
    const auto& land = family(group(by_dimension, "land_area"), "平方米");
    CHECK(land.count == 6);
    CHECK(land.summed == 5);
    CHECK(land.unit.symbol() == "万亩");
    REQUIRE(land.sum.has_value());
    // 0.09 + 10.6 + 0.885 + 19 + 0.09 万亩 (5.9平方公里 = 8850亩)
    CHECK(land.sum->to_string() == "30.665");
    // Floor space: 14万平方米 + 50万平方米, never added to land.
    const auto& floor = family(group(by_dimension, "area"), "平方米");
    CHECK(floor.count == 2);
    CHECK(floor.summed == 2);
    CHECK(floor.unit.symbol() == "万平方米");
    REQUIRE(floor.sum.has_value());
    CHECK(floor.sum->to_string() == "64");
}

TEST_CASE("aggregation preferred units and custom keys")
{
    aggregation_options options;
    options.preferred_units = {u("万元")};
    const auto groups = aggregate_targets(bundled(), group_by::focus_area, options).value();
    CHECK(to_string(quantity{*family(group(groups, "1"), "元").sum, family(group(groups, "1"), "元").unit}) ==
          "703000万元");

    const std::vector<const plan*> plans{&bundled(), &bundled()};
    const auto by_year = aggregate_targets(
        plans, [](const target_view& v) -> std::optional<std::string> {
            if (v.item.commitment != commitment::binding) return std::nullopt;
            return std::to_string(v.owner.year);
        });
    REQUIRE(by_year.has_value());
    REQUIRE(by_year->size() == 1);
    CHECK(by_year->front().key == "2025");
    CHECK(by_year->front().targets == 16);  // 8 binding targets in each copy
}

TEST_CASE("aggregation by stage and category follows linked projects")
{
    const auto by_stage = aggregate_targets(bundled(), group_by::stage).value();
    CHECK(group(by_stage, "apply").targets == 4);   // 国债, 专项债券, 中央预算内, 城中村改造资金
    CHECK(group(by_stage, "none").targets == 84);  // 16 of the 100 targets have linked projects
    const auto by_category = aggregate_targets(bundled(), group_by::category).value();
    CHECK(group(by_category, "超长期特别国债").targets == 1);
}

TEST_CASE("aggregation projects per stage and category")
{
    const auto counts = count_projects(bundled());
    CHECK(counts.total == 81);
    // other: 11 designation bids (争创, 创建), 国有资本集团, 医共体, 审批窗口,
    // 司法助企工作室, 矛盾纠纷化解中心 and the 有偿移交 of 淞江污水处理厂二期.
    const std::vector<std::pair<project_stage, std::size_t>> expected = {
        {project_stage::apply, 10}, {project_stage::plan, 5},   {project_stage::prepare, 2}, {project_stage::start, 5},
        {project_stage::build, 19}, {project_stage::complete, 10}, {project_stage::operate, 13},
        {project_stage::other, 17}};
    CHECK(counts.by_stage == expected);
    auto category = [&](const std::string& name) {
        for (const auto& [c, n] : counts.by_category)
            if (c == name) return n;
        return std::size_t{0};
    };
    CHECK(category("超长期特别国债") == 3);
    CHECK(category("省市重大交通工程") == 4);
}

TEST_CASE("aggregation declared versus named")
{
    const auto rows = declared_versus_named(bundled());
    REQUIRE_FALSE(rows.empty());
    CHECK(rows.front().target_id == "t1-01");
    CHECK(to_string(rows.front().declared) == "30个");
    CHECK(rows.front().named == 3);
    for (const auto& r : rows) CHECK(decimal::from_integer(static_cast<std::int64_t>(r.named)) <= r.declared.value);
}

TEST_CASE("aggregation a computed sum carries no trailing fractional zeros")
{
    const auto total = sum({{decimal::parse("1.25").value(), u("亿元")}, {decimal::parse("2.25").value(), u("亿元")}});
    REQUIRE(total.has_value());
    CHECK(total->value.to_string() == "3.5");
    CHECK(total->unit.symbol() == "亿元");
}

TEST_CASE("aggregation adds flows once: never a part, a stock, a rate or a shared value twice")
{
    plan p = govplan::testing::make_clean_plan();
    auto& targets = p.focus_areas[0].measures[0].targets;
    targets.clear();
    auto money = [](const char* id, const char* value) {
        return govplan::testing::make_target(id, "投资", target_kind::amount, comparator::at_least,
                                             decimal::parse(value).value(), "亿元");
    };
    targets.push_back(money("whole", "80"));
    targets.push_back(money("part", "30"));
    targets.back().parent_id = "whole";  // 其中: inside the 80
    targets.push_back(money("held", "5"));
    targets.back().accumulation = accumulation::stock;
    targets.push_back(money("a", "10"));  // A、B两地合计10亿元: one value for two subjects
    targets.back().group = statement_group{"g", group_mode::shared};
    targets.push_back(money("b", "10"));
    targets.back().group = statement_group{"g", group_mode::shared};
    targets.push_back(money("c", "4"));  // 分别: each its own value
    targets.back().group = statement_group{"h", group_mode::respectively};
    targets.push_back(money("d", "6"));
    targets.back().group = statement_group{"h", group_mode::respectively};
    const auto groups = aggregate_targets(p, group_by::focus_area).value();
    const auto& total = family(group(groups, "1"), "元");
    CHECK(total.count == 7);
    CHECK(total.summed == 4);  // whole, a, c, d
    REQUIRE(total.sum.has_value());
    CHECK(total.sum->to_string() == "100");  // 80 + 10 + 4 + 6
}

TEST_CASE("aggregation a shared value adds once per plan, across plans")
{
    plan p = one_shared_value("g1");
    plan q = p;  // another plan with a group of the same id
    q.id = "other";
    const std::vector<const plan*> both{&p, &q};
    const auto groups = aggregate_targets(both, [](const target_view&) -> std::optional<std::string> { return "all"; });
    REQUIRE(groups.has_value());
    const auto& total = family(groups->front(), "元");
    CHECK(total.count == 4);
    CHECK(total.summed == 2);
    CHECK(total.sum->to_string() == "20");
}

namespace {

// Every group with every figure as written (decimal == compares values, so
// 1.5 and 1.50 would pass it; the text tells them apart).
std::string spelled(const result<std::vector<target_group>>& groups)
{
    if (!groups) return "error: " + groups.error().to_string();
    std::string out;
    for (const auto& g : *groups) {
        out += g.key + " " + std::to_string(g.targets) + " " + std::to_string(g.binding) + " " +
               std::to_string(g.expected) + " " + std::to_string(g.aspirational) + "\n";
        for (const auto& f : g.totals) {
            out += "  " + std::string(to_code(f.dimension)) + " " + f.base + " " + f.unit.symbol() + " " +
                   std::to_string(f.count) + " " + std::to_string(f.summed) + " " +
                   (f.sum ? f.sum->to_string() : "-") + " " + f.min.to_string() + " " + f.max.to_string() + "\n";
        }
    }
    return out;
}

// Plans of one target each, at least 亿元, with the given values.
std::vector<plan> one_target_plans(std::initializer_list<const char*> values)
{
    std::vector<plan> plans;
    for (const char* v : values) {
        plan p = govplan::testing::make_clean_plan();
        p.id = "plan-" + std::to_string(plans.size());
        auto& targets = p.focus_areas[0].measures[0].targets;
        targets.clear();
        targets.push_back(govplan::testing::make_target("t", "投资", target_kind::amount, comparator::at_least,
                                                        decimal::parse(v).value(), "亿元"));
        plans.push_back(std::move(p));
    }
    return plans;
}

// A generated plan with values a plan would state: the generator's span the
// whole decimal range, so their sums overflow (and one negative value sends
// the threads back to one run).
plan tamed(plan p)
{
    auto tame = [](auto& v) {  // std::optional<decimal> or boxed_optional<decimal>
        if (v) v = decimal((v->coefficient() < 0 ? -v->coefficient() : v->coefficient()) % 1000000, std::min(v->scale(), 3));
    };
    for (auto& area : p.focus_areas) {
        auto tame_all = [&](std::vector<target>& targets) {
            for (auto& t : targets) {
                tame(t.value);
                tame(t.low);
                tame(t.high);
            }
        };
        tame_all(area.targets);
        for (auto& m : area.measures) tame_all(m.targets);
    }
    return p;
}

std::vector<const plan*> addresses(const std::vector<plan>& plans)
{
    std::vector<const plan*> out;
    for (const auto& p : plans) out.push_back(&p);
    return out;
}

result<std::vector<target_group>> on_threads(const std::vector<const plan*>& plans, group_by key, std::size_t threads)
{
    aggregation_options options;
    options.threads = threads;
    return aggregate_targets(plans, key, options);
}

}  // namespace

TEST_CASE("aggregation on threads gives what one thread gives, by every key")
{
    std::vector<plan> plans;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) plans.push_back(tamed(govplan::testing::plan_generator(seed).make()));
    for (int i = 0; i < 3; ++i) plans.push_back(bundled());
    const auto refs = addresses(plans);
    for (const auto key : all_values<group_by>()) {
        INFO("by " << to_code(key));
        const auto one = spelled(on_threads(refs, key, 1));
        CHECK(one.rfind("error", 0) == std::string::npos);  // groups with figures, not an error
        CHECK(one.size() > 1000);
        for (const std::size_t threads : {2u, 3u, 7u, 0u, 100u}) {
            INFO(threads << " threads");
            CHECK(spelled(on_threads(refs, key, threads)) == one);
        }
    }
    // a key function of your own, called from the threads
    aggregation_options two;
    two.threads = 2;
    auto by_plan_year = [](const target_view& v) -> std::optional<std::string> {
        if (v.item.commitment == commitment::aspirational) return std::nullopt;
        return std::to_string(v.owner.year);
    };
    CHECK(spelled(aggregate_targets(refs, by_plan_year, two)) == spelled(aggregate_targets(refs, by_plan_year)));
}

namespace {

// What one thread gives for the plans, by focus area, after checking that
// each number of threads gives the same.
result<std::vector<target_group>> same_on_threads(const std::vector<plan>& plans,
                                                  std::initializer_list<std::size_t> thread_counts)
{
    const auto one = on_threads(addresses(plans), group_by::focus_area, 1);
    for (const std::size_t threads : thread_counts) {
        INFO(threads << " threads");
        CHECK(spelled(on_threads(addresses(plans), group_by::focus_area, threads)) == spelled(one));
    }
    return one;
}

}  // namespace

TEST_CASE("aggregation by a built-in key gives what the same key spelled by a key function gives")
{
    // The built-in keys find a target's group again without spelling its key
    // (by the address of its focus area, measure or unit definition, or its
    // enumerator); a key function is always spelled out. Over 40 generated
    // plans and three copies of the bundled one (units shared between plans,
    // hundreds of focus areas and measures), both must group alike.
    std::vector<plan> plans;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) plans.push_back(tamed(govplan::testing::plan_generator(seed).make()));
    for (int i = 0; i < 3; ++i) plans.push_back(bundled());
    const auto refs = addresses(plans);
    auto spelled_key = [](group_by key, const target_view& v) -> std::string {
        const target& t = v.item;
        const focus_area& area = v.owner.focus_areas[v.position.focus_area];
        switch (key) {
        case group_by::focus_area: return std::to_string(area.ordinal);
        case group_by::measure: return v.position.in_lead() ? area.title : area.measures[*v.position.measure].lead;
        case group_by::kind: return std::string(to_code(t.kind));
        case group_by::comparator: return std::string(to_code(t.comparator));
        case group_by::commitment: return std::string(to_code(t.commitment));
        case group_by::dimension: {
            if (t.unit.empty()) return "none";
            const bool with_base = t.unit.dimension() == dimension::money || t.unit.dimension() == dimension::count;
            return std::string(to_code(t.unit.dimension())) + (with_base ? " " + t.unit.base() : "");
        }
        case group_by::unit: return t.unit.empty() ? "none" : t.unit.symbol();
        default: FAIL("not a key of one text per target"); return {};
        }
    };
    for (const auto key : all_values<group_by>()) {
        if (key == group_by::category || key == group_by::stage) continue;  // several keys per target
        INFO("by " << to_code(key));
        const auto built_in = spelled(on_threads(refs, key, 1));
        CHECK(built_in.size() > 1000);
        const auto by_function = spelled(
            aggregate_targets(refs, [&](const target_view& v) -> std::optional<std::string> { return spelled_key(key, v); }));
        CHECK(built_in == by_function);
    }
}

TEST_CASE("aggregation on threads: of equal values written differently, the first stays the minimum")
{
    const auto one = same_on_threads(one_target_plans({"3", "1.50", "1.5", "1.500", "3.0"}), {2u, 3u, 5u});
    const auto& f = family(group(one.value(), "1"), "元");
    CHECK(f.min.to_string() == "1.50");
    CHECK(f.max.to_string() == "3");
    CHECK(f.sum->to_string() == "10.5");
}

TEST_CASE("aggregation on threads fails where one thread fails, though the runs' sums fit")
{
    SUBCASE("a running sum with too many digits after the point")
    {
        // 500000000000000000 + 0.25 needs 20 digits; + 0.75 brings it back to 18
        // two threads: the second run's 1.00 merges into 500000000000000001, which fits;
        // only the width at two digits after the point tells that one run did not
        const auto one = same_on_threads(one_target_plans({"500000000000000000", "0.25", "0.75"}), {2u, 3u});
        REQUIRE_FALSE(one.has_value());
        CHECK(one.error().code == errc::decimal_overflow);
    }
    SUBCASE("a negative value that brings a running sum back")
    {
        // one run: 900…0 + 900…0 overflows; on two threads the second adds 900…0 − 900…0 first
        const auto one =
            same_on_threads(one_target_plans({"900000000000000000", "900000000000000000", "-900000000000000000"}), {2u});
        REQUIRE_FALSE(one.has_value());
        CHECK(one.error().code == errc::decimal_overflow);
    }
    SUBCASE("a sum that fits at its widest scale is taken from the threads")
    {
        const auto one = same_on_threads(one_target_plans({"1000000000000000", "0.25", "0.75"}), {2u, 3u});
        REQUIRE(one.has_value());
        CHECK(family(group(*one, "1"), "元").sum->to_string() == "1000000000000001");
    }
    SUBCASE("a key function that throws after the sum that fails")
    {
        // one thread fails at the second plan and never reaches the third
        const auto plans = one_target_plans({"900000000000000000", "900000000000000000", "1"});
        auto refuse_third = [](const target_view& v) -> std::optional<std::string> {
            if (v.owner.id == "plan-2") throw std::runtime_error("refused");
            return "all";
        };
        const auto one = aggregate_targets(addresses(plans), refuse_third);
        REQUIRE_FALSE(one.has_value());
        CHECK(one.error().code == errc::decimal_overflow);
        for (const std::size_t threads : {2u, 3u}) {
            aggregation_options options;
            options.threads = threads;
            CHECK(spelled(aggregate_targets(addresses(plans), refuse_third, options)) == spelled(one));
        }
    }
    SUBCASE("sums that fit in one run fit on threads")
    {
        const auto one = same_on_threads(one_target_plans({"40000000000000000", "0.5", "-10000000000000000", "0.5"}), {2u});
        REQUIRE(one.has_value());
        CHECK(family(group(*one, "1"), "元").sum->to_string() == "30000000000000001");
    }
}

TEST_CASE("aggregation on threads throws what one thread throws first")
{
    const auto plans = one_target_plans({"1", "2", "3", "4", "5", "6", "7", "8"});
    auto refs = addresses(plans);
    aggregation_options four;
    four.threads = 4;
    auto refuse = [](const target_view& v) -> std::optional<std::string> {
        if (v.owner.id == "plan-3" || v.owner.id == "plan-6") throw std::runtime_error("refused " + v.owner.id);
        return "all";
    };
    CHECK_THROWS_WITH_AS(aggregate_targets(refs, refuse, four), "refused plan-3", std::runtime_error);
    auto refuse_early = [](const target_view& v) -> std::optional<std::string> {
        if (v.owner.id == "plan-1" || v.owner.id == "plan-6") throw std::runtime_error("refused " + v.owner.id);
        return "all";
    };
    CHECK_THROWS_WITH_AS(aggregate_targets(refs, refuse_early, four), "refused plan-1", std::runtime_error);
    refs[5] = nullptr;
    CHECK_THROWS_AS(aggregate_targets(refs, group_by::kind, four), std::invalid_argument);
}

TEST_CASE("aggregation on threads: a plan listed twice adds its shared value once, as on one thread")
{
    const plan p = one_shared_value("g");
    const std::vector<const plan*> twice{&p, &p};
    const auto one = on_threads(twice, group_by::focus_area, 1);
    const auto& total = family(group(one.value(), "1"), "元");
    CHECK(total.count == 4);
    CHECK(total.summed == 1);
    CHECK(total.sum->to_string() == "10");
    CHECK(spelled(on_threads(twice, group_by::focus_area, 2)) == spelled(one));
}

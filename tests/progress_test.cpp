#include <govplan/archive.hpp>
#include <govplan/json.hpp>
#include <govplan/progress.hpp>
#include <govplan/validation.hpp>

#include <doctest/doctest.h>

#include <stdexcept>

#include "support.hpp"

using namespace govplan;
using govplan::testing::make_target;
using govplan::testing::u;

namespace {

const date_period year = calendar_year(2025);
const date june_30(2025, 6, 30);  // day 181 of 365

target with_obs(target t, std::initializer_list<std::pair<date, quantity>> obs)
{
    for (const auto& [d, q] : obs) t.observations.push_back({d, q, "", ""});
    return t;
}

target amount(comparator c, const char* value)
{
    return make_target("a", "入库投资", target_kind::amount, c, decimal::parse(value).value(), "亿元");
}

progress_status status_of(const target& t, date as_of = june_30) { return evaluate_progress(t, year, as_of).status; }

}  // namespace

TEST_CASE("progress no observation means no data")
{
    const auto p = evaluate_progress(amount(comparator::at_least, "50"), year, june_30);
    CHECK(p.status == progress_status::no_data);
    CHECK(p.label == "暂无数据");
    CHECK(p.note == "no observations");
    // Observations after the as-of date do not count.
    const auto later = evaluate_progress(with_obs(amount(comparator::at_least, "50"), {{date(2025, 7, 1), {"60"_dec, u("亿元")}}}),
                                         year, june_30);
    CHECK(later.status == progress_status::no_data);
}

TEST_CASE("progress accrual expects the amount in proportion to days elapsed")
{
    // By June 30, 181 of 365 days: 50 × 181 / 365 = 24.79亿元 expected.
    const auto p = evaluate_progress(with_obs(amount(comparator::at_least, "50"), {{june_30, {"27.3"_dec, u("亿元")}}}),
                                     year, june_30);
    CHECK(p.basis == progress_basis::accrual);
    REQUIRE(p.expected.has_value());
    CHECK(p.expected->to_string() == "24.79");
    CHECK(p.attainment->to_string() == "0.5460");
    CHECK(p.status == progress_status::on_track);
    CHECK(p.label == "快于预期");
}

TEST_CASE("progress accrual status boundaries")
{
    // Expected 24.79: pace 0.95 → 23.5505, pace 0.80 → 19.832.
    auto at = [](const char* observed) {
        return status_of(with_obs(amount(comparator::at_least, "50"), {{june_30, {decimal::parse(observed).value(), u("亿元")}}}));
    };
    CHECK(at("23.56") == progress_status::on_track);  // pace 0.9504
    CHECK(at("23.54") == progress_status::at_risk);   // pace 0.9496
    CHECK(at("19.84") == progress_status::at_risk);   // pace 0.8003
    CHECK(at("19.82") == progress_status::behind);    // pace 0.7995
    CHECK(at("50") == progress_status::met);          // 以上 includes the number
    CHECK(evaluate_progress(with_obs(amount(comparator::at_least, "50"), {{june_30, {"50"_dec, u("亿元")}}}), year, june_30)
              .label == "提前实现");
}

TEST_CASE("progress more than excludes the number")
{
    auto t = amount(comparator::more_than, "20");  // 突破20亿元
    CHECK(status_of(with_obs(t, {{date(2025, 12, 31), {"20"_dec, u("亿元")}}}), date(2025, 12, 31)) ==
          progress_status::behind);
    CHECK(status_of(with_obs(t, {{date(2025, 12, 31), {"20.01"_dec, u("亿元")}}}), date(2025, 12, 31)) ==
          progress_status::met);
    const auto late = evaluate_progress(with_obs(t, {{date(2025, 12, 31), {"19"_dec, u("亿元")}}}), year, date(2026, 1, 15));
    CHECK(late.status == progress_status::behind);
    CHECK(late.label == "未实现");
}

TEST_CASE("progress exactly about and range")
{
    auto exact = make_target("c", "新增规上工业企业", target_kind::count, comparator::exactly, "20"_dec, "家");
    CHECK(status_of(with_obs(exact, {{june_30, {"20"_dec, u("家")}}})) == progress_status::met);
    auto about = amount(comparator::about, "100");  // within 5% below counts as reached
    CHECK(status_of(with_obs(about, {{date(2025, 12, 31), {"95"_dec, u("亿元")}}}), date(2025, 12, 31)) ==
          progress_status::met);
    CHECK(status_of(with_obs(about, {{date(2025, 12, 31), {"94.9"_dec, u("亿元")}}}), date(2025, 12, 31)) ==
          progress_status::behind);
    auto range = make_target("r", "地区生产总值", target_kind::growth_rate, comparator::range, std::nullopt, "%");
    range.low = "5"_dec;
    range.high = "6"_dec;
    const date end(2025, 12, 31);
    CHECK(status_of(with_obs(range, {{end, {"5.5"_dec, u("%")}}}), end) == progress_status::met);
    CHECK(status_of(with_obs(range, {{end, {"6"_dec, u("%")}}}), end) == progress_status::met);
    CHECK(status_of(with_obs(range, {{end, {"6.5"_dec, u("%")}}}), end) == progress_status::behind);
    CHECK(status_of(with_obs(range, {{june_30, {"6.5"_dec, u("%")}}})) == progress_status::at_risk);  // 6/6.5 = 0.9231
}

TEST_CASE("progress at most targets are met by staying low")
{
    auto ceiling = amount(comparator::at_most, "100");  // 控制在100亿元以内
    // Allowance by June 30: 100 × 181/365 = 49.59.
    const auto low = evaluate_progress(with_obs(ceiling, {{june_30, {"40"_dec, u("亿元")}}}), year, june_30);
    CHECK(low.basis == progress_basis::ceiling);
    CHECK(low.expected->to_string() == "49.59");
    CHECK(low.status == progress_status::on_track);
    CHECK(status_of(with_obs(ceiling, {{june_30, {"60"_dec, u("亿元")}}})) == progress_status::at_risk);
    CHECK(status_of(with_obs(ceiling, {{june_30, {"100.5"_dec, u("亿元")}}})) == progress_status::behind);
    CHECK(status_of(with_obs(ceiling, {{date(2025, 12, 31), {"100"_dec, u("亿元")}}}), date(2025, 12, 31)) ==
          progress_status::met);  // 以内 includes the number
    auto strict = amount(comparator::less_than, "100");
    CHECK(status_of(with_obs(strict, {{date(2025, 12, 31), {"100"_dec, u("亿元")}}}), date(2025, 12, 31)) ==
          progress_status::behind);
    // A level ceiling (a share at most 3%): lower is better.
    auto level = make_target("l", "单位GDP能耗", target_kind::level, comparator::at_most, "3"_dec, "%");
    CHECK(status_of(with_obs(level, {{june_30, {"2.5"_dec, u("%")}}})) == progress_status::on_track);
    CHECK(status_of(with_obs(level, {{june_30, {"3.1"_dec, u("%")}}})) == progress_status::on_track);  // 3/3.1 = 0.9677
    CHECK(status_of(with_obs(level, {{june_30, {"3.5"_dec, u("%")}}})) == progress_status::at_risk);   // 0.8571
    CHECK(status_of(with_obs(level, {{june_30, {"4"_dec, u("%")}}})) == progress_status::behind);      // 0.75
}

TEST_CASE("progress a level is judged at its deadline against the latest value")
{
    auto farmland = make_target("f", "耕地面积", target_kind::level, comparator::at_least, "42"_dec, "万亩");
    const auto t = with_obs(farmland, {{date(2025, 3, 31), {"41"_dec, u("万亩")}}, {june_30, {"420150"_dec, u("亩")}}});
    const auto mid = evaluate_progress(t, year, june_30);
    CHECK(mid.basis == progress_basis::level);
    CHECK(mid.status == progress_status::on_track);  // satisfied now, judged at the deadline
    CHECK(to_string(*mid.observed) == "42.015万亩");
    CHECK(evaluate_progress(t, year, date(2025, 12, 31)).status == progress_status::met);
    CHECK(evaluate_progress(t, year, date(2025, 12, 31)).label == "已实现");
    // Reduction rates and pp changes are levels too.
    auto pp = make_target("u", "城镇化率", target_kind::pp_change, comparator::exactly, "1.2"_dec, "个百分点");
    CHECK(status_of(with_obs(pp, {{june_30, {"1.15"_dec, u("个百分点")}}})) == progress_status::on_track);  // 0.9583
    CHECK(status_of(with_obs(pp, {{june_30, {"1"_dec, u("个百分点")}}})) == progress_status::at_risk);      // 0.8333
    CHECK(status_of(with_obs(pp, {{june_30, {"0.5"_dec, u("个百分点")}}})) == progress_status::behind);
    auto growth = make_target("g", "工业投资", target_kind::growth_rate, comparator::at_least, "15"_dec, "%");
    CHECK(status_of(with_obs(growth, {{june_30, {"-2"_dec, u("%")}}})) == progress_status::behind);
    // A custom deadline moves the judgement.
    farmland.deadline = date(2025, 6, 30);
    CHECK(status_of(with_obs(farmland, {{june_30, {"41"_dec, u("万亩")}}})) == progress_status::behind);
}

TEST_CASE("progress direction targets move the right way")
{
    auto pm = make_target("pm", "PM2.5浓度", target_kind::direction, comparator::direction, std::nullopt, "");
    pm.trend = trend::decrease;
    const unit ug{"微克每立方米", dimension::mass, "微克每立方米", {1, 1}, ""};
    auto down = with_obs(pm, {{date(2025, 3, 31), {"48"_dec, ug}}, {june_30, {"41"_dec, ug}}});
    CHECK(status_of(down) == progress_status::on_track);
    CHECK(status_of(down, date(2025, 12, 31)) == progress_status::met);
    auto up = with_obs(pm, {{date(2025, 3, 31), {"41"_dec, ug}}, {june_30, {"48"_dec, ug}}});
    CHECK(status_of(up) == progress_status::behind);
    auto flat = with_obs(pm, {{date(2025, 3, 31), {"41"_dec, ug}}, {june_30, {"41"_dec, ug}}});
    CHECK(status_of(flat) == progress_status::at_risk);
    auto single = with_obs(pm, {{june_30, {"41"_dec, ug}}});
    CHECK(status_of(single) == progress_status::no_data);
    single.baseline = baseline{0, date(2024, 12, 31), quantity{"45"_dec, ug}};
    CHECK(status_of(single) == progress_status::on_track);
}

TEST_CASE("progress observations in another unit family give no data")
{
    const auto p = evaluate_progress(with_obs(amount(comparator::at_least, "50"), {{june_30, {"10"_dec, u("万美元")}}}),
                                     year, june_30);
    CHECK(p.status == progress_status::no_data);
    CHECK(p.note.find("cannot convert") != std::string::npos);
}

TEST_CASE("progress thresholds are configurable")
{
    progress_thresholds strict;
    strict.on_track = "1"_dec;
    strict.at_risk = "0.9"_dec;
    const auto t = with_obs(amount(comparator::at_least, "50"), {{june_30, {"24"_dec, u("亿元")}}});  // pace 0.9681
    CHECK(evaluate_progress(t, year, june_30).status == progress_status::on_track);
    CHECK(evaluate_progress(t, year, june_30, strict).status == progress_status::at_risk);
}

TEST_CASE("progress roll-ups on the bundled plan with illustrative observations")
{
    const std::filesystem::path data = std::filesystem::path(GOVPLAN_SOURCE_DIR) / "data";
    const plan base = load_json(data / "yancheng-2025.json").value();
    const auto file = load_observations(data / "yancheng-2025-observations.json", base);
    REQUIRE_MESSAGE(file.has_value(), file.error().to_string());
    CHECK(file->illustrative);
    const plan p = with_observations(base, *file).value();
    const auto progress = evaluate_progress(p, june_30);
    REQUIRE(progress.size() == 100);
    const auto rollups = rollup_progress(p, progress);
    REQUIRE(rollups.size() == 9);
    const auto& whole = rollups.back();
    CHECK(whole.key == "plan");
    CHECK(whole.targets == 100);
    // met: 以旧换新; on track: 入库投资, 新增规上工业企业, 预付款比例, 利用外资, 耕地面积,
    // 创业担保贷款, 空气优良天数; at risk: 工业投资, 电商交易额; behind: 存量商品房, 城镇化率.
    CHECK(whole.by_status == std::array<std::size_t, 5>{1, 7, 2, 2, 88});
    CHECK(whole.binding_targets == 8);  // the four format 2 added (水质 ×2, 土壤, 债务率) have no data
    CHECK(whole.binding_by_status == std::array<std::size_t, 5>{0, 2, 0, 0, 6});
    CHECK(whole.share_met.to_string() == "0.0100");  // 1 of 100
    CHECK(rollups[0].key == "1");
    CHECK(rollups[0].by_status == std::array<std::size_t, 5>{1, 1, 2, 1, 14});
    // the same counts by name
    static_assert(progress_status_count == 5);
    CHECK(whole.count(progress_status::on_track) == 7);
    CHECK(whole.count(progress_status::no_data) == 88);
    CHECK(whole.binding_count(progress_status::on_track) == 2);
    CHECK_THROWS_AS((void)whole.count(static_cast<progress_status>(7)), std::out_of_range);
}

TEST_CASE("progress of a plan without calendar dates is no data, never an exception")
{
    // An archive may hold a null period (both ends not-a-date-time): whatever
    // loads must be safe to evaluate.
    plan p = govplan::testing::make_clean_plan();
    p.focus_areas[0].measures[0].targets[1].observations = {
        {date(2025, 6, 30), {"10"_dec, govplan::testing::u("亿元")}, "", ""}};
    p.period = date_period(date(), date());
    std::vector<target_progress> all;
    CHECK_NOTHROW(all = evaluate_progress(p, date(2025, 6, 30)));
    REQUIRE(all.size() == target_count(p));
    for (const auto& tp : all) CHECK(tp.status == progress_status::no_data);
    CHECK(all[2].note.find("not a calendar date") != std::string::npos);
    // The same through an archive round trip, as a linking program would see it.
    const auto back = plan_from_archive(plan_to_archive(p, archive_kind::binary).value());
    REQUIRE(back.has_value());
    CHECK_NOTHROW((void)rollup_progress(*back, evaluate_progress(*back, date(2025, 6, 30))));
    // A null deadline on one target, and a null as-of date.
    plan q = govplan::testing::make_clean_plan();
    q.focus_areas[0].measures[0].targets[1].deadline = date();
    q.focus_areas[0].measures[0].targets[1].observations = p.focus_areas[0].measures[0].targets[1].observations;
    CHECK(evaluate_progress(q, date(2025, 6, 30))[2].status == progress_status::no_data);
    CHECK_NOTHROW((void)evaluate_progress(q, date()));
}

TEST_CASE("progress a cumulative total is a level, not pro-rated within the year")
{
    target t = amount(comparator::at_least, "100");
    CHECK(evaluate_progress(t, year, june_30).basis == progress_basis::accrual);
    t.cumulative = true;  // 累计: counted from before the plan period
    t = with_obs(t, {{june_30, {decimal::parse("90").value(), u("亿元")}}});
    const auto tp = evaluate_progress(t, year, june_30);
    CHECK(tp.basis == progress_basis::level);
    CHECK_FALSE(tp.expected.has_value());  // no pro-rata allowance
    CHECK(tp.status == progress_status::at_risk);  // 90 of 100: 0.90
}

TEST_CASE("progress exactly at the on-track threshold is on track")
{
    using namespace govplan::literals;
    // A level of 100 observed at 95 before its deadline: 0.95, the default threshold.
    target t = make_target("l", "耕地面积", target_kind::level, comparator::at_least, "100"_dec, "万亩");
    t = with_obs(t, {{june_30, {"95"_dec, u("万亩")}}});
    CHECK(evaluate_progress(t, year, june_30).status == progress_status::on_track);
    t.observations.clear();
    t = with_obs(t, {{june_30, {"94.99"_dec, u("万亩")}}});
    CHECK(evaluate_progress(t, year, june_30).status == progress_status::at_risk);
    t.observations.clear();
    t = with_obs(t, {{june_30, {"80"_dec, u("万亩")}}});
    CHECK(evaluate_progress(t, year, june_30).status == progress_status::at_risk);
    t.observations.clear();
    t = with_obs(t, {{june_30, {"79.99"_dec, u("万亩")}}});
    CHECK(evaluate_progress(t, year, june_30).status == progress_status::behind);
}

TEST_CASE("progress roll-up shares: binding targets met out of binding targets")
{
    using namespace govplan::literals;
    plan p = govplan::testing::make_clean_plan();
    const date end(2025, 12, 31);
    auto& ts = p.focus_areas[0].measures[0].targets;
    // Two binding targets (4 耕地面积, 15 一般公共预算收入) of 19: one met.
    ts[4].observations = {{end, {"42"_dec, u("万亩")}, "", ""}};
    ts[15].observations = {{end, {"4"_dec, u("%")}, "", ""}};
    const auto rollups = rollup_progress(p, evaluate_progress(p, end));
    const auto& plan_row = rollups.back();
    CHECK(plan_row.targets == 19);
    CHECK(plan_row.binding_targets == 2);
    CHECK(plan_row.binding_share_met.to_string() == "0.5000");
    CHECK(plan_row.share_met.to_string() == "0.0526");  // 1 of 19
}

TEST_CASE("progress of a target with its own deadline in a plan without a period is no data")
{
    target t = with_obs(amount(comparator::at_least, "50"), {{june_30, {decimal::parse("10").value(), u("亿元")}}});
    t.deadline = date(2025, 12, 31);
    target_progress tp;
    CHECK_NOTHROW(tp = evaluate_progress(t, date_period(date(), date()), june_30));
    CHECK(tp.status == progress_status::no_data);
    CHECK_FALSE(tp.expected.has_value());
}

TEST_CASE("progress a qualitative target is met or not")
{
    target soil = make_target("q", "土壤环境", target_kind::qualitative, comparator::none, std::nullopt, "");
    soil.trend = trend::stable;
    const quantity met{"1"_dec, unit{}}, not_met{"0"_dec, unit{}};
    const auto yes = evaluate_progress(with_obs(soil, {{june_30, met}}), year, june_30);
    CHECK(yes.basis == progress_basis::qualitative);
    CHECK(yes.status == progress_status::met);
    CHECK_FALSE(yes.attainment.has_value());
    CHECK(status_of(with_obs(soil, {{june_30, not_met}})) == progress_status::at_risk);
    CHECK(status_of(with_obs(soil, {{date(2025, 12, 31), not_met}}), date(2026, 1, 10)) == progress_status::behind);
    CHECK(status_of(soil) == progress_status::no_data);
}

TEST_CASE("progress milestones bend the expected line")
{
    // 6月底前完成50%、年底前全部完成: 50 is expected on June 30, not 181/365 of 100.
    target roads = make_target("r", "农村公路改造", target_kind::amount, comparator::exactly, "100"_dec, "亿元");
    roads.milestones = {{june_30, "50"_dec, "6月底前完成50%"}};
    const auto on_june_30 = evaluate_progress(with_obs(roads, {{june_30, {"40"_dec, u("亿元")}}}), year, june_30);
    REQUIRE(on_june_30.expected.has_value());
    CHECK(on_june_30.expected->to_string() == "50.00");  // two more digits than the value, as pro rata
    CHECK(on_june_30.status == progress_status::at_risk);  // 40 of 50: 0.8
    // Halfway between June 30 and December 31 (92 of 184 days): 50 + 50 × 92/184 = 75.
    const date sept_30(2025, 9, 30);
    const auto later = evaluate_progress(with_obs(roads, {{sept_30, {"75"_dec, u("亿元")}}}), year, sept_30);
    REQUIRE(later.expected.has_value());
    CHECK(later.expected->to_string() == "75.00");
    CHECK(later.status == progress_status::on_track);
    // Without milestones the line is straight: 100 × 181/365 on June 30.
    roads.milestones.clear();
    const auto straight = evaluate_progress(with_obs(roads, {{june_30, {"40"_dec, u("亿元")}}}), year, june_30);
    REQUIRE(straight.expected.has_value());
    CHECK(straight.expected->to_string() == "49.59");
}

TEST_CASE("progress a pp change with a sign, observed as levels or as changes")
{
    // 单位GDP能耗下降0.5个百分点以上 from 3.1%.
    target energy = make_target("e", "单位GDP能耗", target_kind::pp_change, comparator::at_least, "0.5"_dec, "个百分点");
    energy.trend = trend::decrease;
    energy.baseline = baseline{2024, std::nullopt, quantity{"3.1"_dec, u("%")}};
    const date year_end(2025, 12, 31), after(2026, 1, 10);
    // Observed level 2.5%: a fall of 0.6 points meets it.
    const auto fell = evaluate_progress(with_obs(energy, {{year_end, {"2.5"_dec, u("%")}}}), year, after);
    CHECK(fell.status == progress_status::met);
    REQUIRE(fell.observed.has_value());
    CHECK(to_string(*fell.observed) == "-0.6个百分点");
    // 2.8%: a fall of 0.3 does not.
    CHECK(status_of(with_obs(energy, {{year_end, {"2.8"_dec, u("%")}}}), after) == progress_status::behind);
    // 3.3%: a rise, the wrong way.
    CHECK(status_of(with_obs(energy, {{year_end, {"3.3"_dec, u("%")}}}), after) == progress_status::behind);
    // A change observed in points, written with its sign.
    CHECK(status_of(with_obs(energy, {{year_end, {"-0.7"_dec, u("个百分点")}}}), after) == progress_status::met);
    // A level without a baseline level cannot be read as a change.
    energy.baseline.reset();
    CHECK(status_of(with_obs(energy, {{year_end, {"2.5"_dec, u("%")}}}), after) == progress_status::no_data);
}

TEST_CASE("progress 清零 is met by staying at zero, not by any value")
{
    target arrears = make_target("z", "拖欠农民工工资", target_kind::attainment, comparator::exactly, "0"_dec, "件");
    arrears.value_implied = true;
    const date year_end(2025, 12, 31), after(2026, 1, 10);
    CHECK(status_of(with_obs(arrears, {{year_end, {"0"_dec, u("件")}}}), after) == progress_status::met);
    CHECK(status_of(with_obs(arrears, {{year_end, {"12"_dec, u("件")}}}), after) == progress_status::behind);
    CHECK(status_of(with_obs(arrears, {{june_30, {"12"_dec, u("件")}}})) != progress_status::on_track);
}

TEST_CASE("progress a band without numbers is observed as met or not, though it has a unit")
{
    // 确保债务率保持合理区间: stated in %, observed as 1 (met) or 0, without unit.
    target debt = make_target("d", "债务率", target_kind::level, comparator::within, std::nullopt, "%");
    debt.reference = "合理区间";
    const quantity met{"1"_dec, unit{}};
    const auto p = evaluate_progress(with_obs(debt, {{june_30, met}}), year, june_30);
    CHECK(p.basis == progress_basis::qualitative);
    CHECK(p.status == progress_status::met);
    // And it survives JSON: the observation keeps no unit under a target with one.
    plan pl = govplan::testing::make_clean_plan();
    pl.focus_areas[0].measures[0].targets.push_back(with_obs(debt, {{june_30, met}}));
    const std::string text = plan_to_json(pl);
    CHECK(text.find("\"unit\": \"\"") != std::string::npos);
    const auto back = plan_from_json(text);
    REQUIRE_MESSAGE(back.has_value(), back.error().to_string());
    CHECK(*back == pl);
    CHECK(validate(*back).empty());
}

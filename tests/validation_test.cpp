#include <govplan/validation.hpp>

#include <doctest/doctest.h>

#include "../src/id_index.hpp"
#include "support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string_view>
#include <functional>
#include <string>
#include <utility>
#include <vector>

using namespace govplan;
using govplan::testing::make_clean_plan;
using govplan::testing::target_path;
using govplan::testing::u;

namespace {

using finding = std::pair<std::string, std::string>;  // code, path

std::vector<finding> findings(const std::vector<diagnostic>& ds)
{
    std::vector<finding> out;
    for (const auto& d : ds) out.emplace_back(d.code, d.path);
    return out;
}

target& tg(plan& p, std::size_t i) { return p.focus_areas[0].measures[0].targets[i]; }

/// Applies `mutate` to the clean plan and checks the diagnostics are exactly
/// `expected` (code and path, in order).
void expect_findings(const std::function<void(plan&)>& mutate, const std::vector<finding>& expected,
                     const validation_options& options = {})
{
    plan p = make_clean_plan();
    mutate(p);
    const auto ds = validate(p, options);
    std::string seen;
    for (const auto& d : ds) seen += d.code + " @ " + d.path + "; ";
    INFO("diagnostics: " << seen);
    CHECK(findings(ds) == expected);
    for (const auto& d : ds) CHECK_FALSE(d.message.empty());
}

void expect_clean(const std::function<void(plan&)>& mutate, const validation_options& options = {})
{
    expect_findings(mutate, {}, options);
}

}  // namespace

TEST_CASE("validation a plan with every kind of target validates clean")
{
    const plan p = make_clean_plan();
    const auto ds = validate(p);
    for (const auto& d : ds) MESSAGE(d.code << " " << d.path << " " << d.message);
    CHECK(ds.empty());
    CHECK(target_count(p) == 19);
}

TEST_CASE("validation duplicate ids")
{
    expect_findings([](plan& p) { tg(p, 3).id = "t-stored"; }, {{"target.id.duplicate", target_path(3) + ".id"}});
    expect_findings([](plan& p) { p.focus_areas[0].measures[0].projects[1].id = "t-stored"; },
                    {{"project.id.duplicate", "focus_areas[0].measures[0].projects[1].id"},
                     {"target.projects.dangling", target_path(13) + ".project_ids[1]"}});
    expect_clean([](plan& p) { tg(p, 3).id = "t-firms-2"; });
}

TEST_CASE("validation dangling ids")
{
    expect_findings([](plan& p) { tg(p, 13).project_ids.push_back("p-missing"); },
                    {{"target.projects.dangling", target_path(13) + ".project_ids[2]"}});
    expect_findings([](plan& p) { p.focus_areas[0].measures[0].projects[0].targets[0].target_id = "t-missing"; },
                    {{"project.target.dangling", "focus_areas[0].measures[0].projects[0].targets[0].target_id"}});
    expect_findings([](plan& p) { tg(p, 13).project_ids.push_back("p-wulimiao"); },
                    {{"target.projects.duplicate", target_path(13) + ".project_ids[2]"}});
    // a long list (over 16 ids) is hashed, not searched: the same findings
    std::vector<finding> repeats;
    for (int k = 2; k < 20; ++k)
        repeats.push_back({"target.projects.duplicate", target_path(13) + ".project_ids[" + std::to_string(k) + "]"});
    expect_findings([](plan& p) { tg(p, 13).project_ids.resize(20, "p-wulimiao"); }, repeats);
    expect_clean([](plan& p) { p.focus_areas[0].measures[0].projects[0].targets.clear(); });
}

TEST_CASE("validation focus ordinals run 1..N")
{
    expect_findings(
        [](plan& p) {
            p.focus_areas.push_back(p.focus_areas[0]);
            p.focus_areas[1].measures.clear();
            p.focus_areas[1].targets.clear();
            p.focus_areas[1].ordinal = 3;
        },
        {{"focus_area.ordinal.sequence", "focus_areas[1].ordinal"}});
    expect_findings([](plan& p) { p.focus_areas[0].ordinal = 0; },
                    {{"focus_area.ordinal.sequence", "focus_areas[0].ordinal"}});
    expect_clean([](plan& p) {
        p.focus_areas.push_back(p.focus_areas[0]);
        p.focus_areas[1].measures.clear();
        p.focus_areas[1].targets.clear();
        p.focus_areas[1].ordinal = 2;
    });
}

TEST_CASE("validation empty titles and names")
{
    expect_findings(
        [](plan& p) {
            p.title.clear();
            p.focus_areas[0].title.clear();
            p.focus_areas[0].measures[0].lead.clear();
            tg(p, 0).metric.clear();
            p.focus_areas[0].measures[0].projects[0].name.clear();
        },
        {{"plan.title.empty", "title"},
         {"focus_area.title.empty", "focus_areas[0].title"},
         {"measure.lead.empty", "focus_areas[0].measures[0].lead"},
         {"target.metric.empty", target_path(0) + ".metric"},
         {"project.name.empty", "focus_areas[0].measures[0].projects[0].name"}});
    expect_findings(
        [](plan& p) {
            p.id.clear();
            tg(p, 0).id.clear();
            p.focus_areas[0].measures[0].text.clear();
        },
        {{"plan.id.empty", "id"},
         {"measure.text.empty", "focus_areas[0].measures[0].text"},
         {"target.id.empty", target_path(0) + ".id"}});
}

TEST_CASE("validation target with no value")
{
    expect_findings([](plan& p) { tg(p, 1).value.reset(); }, {{"target.value.missing", target_path(1) + ".value"}});
    expect_findings([](plan& p) { tg(p, 11).trend.reset(); }, {{"target.trend.missing", target_path(11) + ".trend"}});
    expect_findings([](plan& p) { tg(p, 14).high.reset(); }, {{"target.range.missing", target_path(14) + ".high"}});
    // A direction-only target needs no value and no unit.
    expect_clean([](plan& p) { tg(p, 11).unit = {}; });
}

TEST_CASE("validation values that do not belong to the comparator")
{
    expect_findings([](plan& p) { tg(p, 11).value = decimal::from_integer(3); },
                    {{"target.value.unexpected", target_path(11) + ".value"}});
    expect_findings([](plan& p) { tg(p, 1).low = decimal::from_integer(3); },
                    {{"target.value.unexpected", target_path(1) + ".low"}});
    // Format 2: any kind may carry the sign of its change (下降0.5个百分点以上).
    expect_clean([](plan& p) { tg(p, 1).trend = trend::increase; });
    expect_findings([](plan& p) { tg(p, 11).comparator = comparator::at_least; },
                    {{"target.unit.missing", target_path(11) + ".unit"},
                     {"target.comparator.incompatible", target_path(11) + ".comparator"},
                     {"target.value.missing", target_path(11) + ".value"}});
}

TEST_CASE("validation range low end must be below high end")
{
    expect_findings([](plan& p) { tg(p, 14).low = "6"_dec; }, {{"target.range.order", target_path(14) + ".low"}});
    expect_findings([](plan& p) { tg(p, 14).low = "7"_dec; }, {{"target.range.order", target_path(14) + ".low"}});
    expect_clean([](plan& p) { tg(p, 14).low = "5.9"_dec; });
}

TEST_CASE("validation negative count or amount")
{
    expect_findings([](plan& p) { tg(p, 3).value = "-20"_dec; }, {{"target.value.negative", target_path(3) + ".value"}});
    expect_findings([](plan& p) { tg(p, 1).value = "-0.5"_dec; }, {{"target.value.negative", target_path(1) + ".value"}});
    // A negative growth rate is a decline, not a data error.
    expect_clean([](plan& p) { tg(p, 0).value = "-2"_dec; });
    expect_clean([](plan& p) { tg(p, 1).value = "0"_dec; });
}

TEST_CASE("validation share above 100 percent")
{
    expect_findings([](plan& p) { tg(p, 5).value = "100.5"_dec; },
                    {{"target.value.over_100_percent", target_path(5) + ".value"}});
    // A percent level is a ratio that may pass 100 (债务率控制在120%以下).
    expect_clean([](plan& p) { tg(p, 16).value = "101"_dec; });
    expect_clean([](plan& p) { tg(p, 5).value = "100"_dec; });
    // Growth may exceed 100%.
    expect_clean([](plan& p) { tg(p, 0).value = "150"_dec; });
}

TEST_CASE("validation growth rate in 亩 and pp change in percent")
{
    expect_findings([](plan& p) { tg(p, 0).unit = u("亩"); }, {{"target.unit.incompatible", target_path(0) + ".unit"}});
    expect_findings([](plan& p) { tg(p, 8).unit = u("%"); }, {{"target.unit.incompatible", target_path(8) + ".unit"}});
    expect_findings([](plan& p) { tg(p, 3).unit = u("亿元"); },
                    {{"target.unit.incompatible", target_path(3) + ".unit"}});
    expect_clean([](plan& p) { tg(p, 8).unit = u("百分点"); });
}

TEST_CASE("validation unknown or missing unit")
{
    expect_findings([](plan& p) { tg(p, 1).unit = unit{"斤", dimension::mass, "千克", {1, 2}, ""}; },
                    {{"target.unit.unknown", target_path(1) + ".unit"}});
    expect_findings([](plan& p) { tg(p, 1).unit = unit{tg(p, 1).unit.symbol(), tg(p, 1).unit.dimension(), tg(p, 1).unit.base(), {3, 1}}; }, {{"target.unit.unknown", target_path(1) + ".unit"}});
    expect_findings([](plan& p) { tg(p, 1).unit = {}; }, {{"target.unit.missing", target_path(1) + ".unit"}});
    // Registered by the user: known.
    unit_registry mine = unit_registry::standard();
    mine.add(unit{"斤", dimension::mass, "千克", {1, 2}, ""});
    validation_options options;
    options.units = &mine;
    expect_clean([](plan& p) { tg(p, 1).unit = unit{"斤", dimension::mass, "千克", {1, 2}, ""}; }, options);
}

TEST_CASE("validation remembers the units found registered, and never takes an unknown unit for one")
{
    // The checker remembers each definition found registered in one of 64
    // slots, by address. With 200 registered units filling the slots, an
    // unknown unit must still be looked up, not taken for whatever holds its
    // slot: each of these eight is reported, after 200 clean targets.
    expect_findings(
        [](plan& p) {
            auto& targets = p.focus_areas[0].measures[0].targets;
            const target model = targets[0];
            targets.clear();
            for (auto [pr, at] : each_project(p)) pr.targets.clear();  // they named the targets just removed
            auto add = [&](const std::string& id, unit of) {
                target t = model;
                t.id = id;
                t.kind = target_kind::count;
                t.comparator = comparator::at_least;
                t.value = decimal::from_integer(1);
                t.unit = std::move(of);
                t.project_ids.clear();
                targets.push_back(std::move(t));
            };
            for (int i = 0; i < 200; ++i) {
                p.units.push_back(unit{"u" + std::to_string(i), dimension::count, "个", {1, 1}, ""});
                add("t" + std::to_string(i), p.units.back());
            }
            for (int i = 0; i < 4; ++i) {
                add("x" + std::to_string(i), unit{"x" + std::to_string(i), dimension::count, "个", {1, 1}, ""});
                add("y" + std::to_string(i), unit{"u" + std::to_string(i), dimension::count, "个", {2, 1}, ""});
            }
        },
        [] {
            std::vector<finding> unknown;
            for (std::size_t i = 200; i < 208; ++i) unknown.push_back({"target.unit.unknown", target_path(i) + ".unit"});
            return unknown;
        }());
}

TEST_CASE("validation units defined by the plan")
{
    const unit jin{"斤", dimension::mass, "千克", {1, 2}, ""};
    expect_clean([&](plan& p) {
        p.units.push_back(jin);
        tg(p, 1).unit = jin;
    });
    expect_findings([&](plan& p) { p.units.push_back(unit{"亩", dimension::area, "平方米", {666, 1}, ""}); },
                    {{"plan.units.conflict", "units[0]"}});
    expect_findings([&](plan& p) { p.units.push_back(unit{"", dimension::mass, "千克", {1, 2}, ""}); },
                    {{"plan.units.invalid", "units[0]"}});
    expect_findings([&](plan& p) { p.units.push_back(unit{"x", dimension::mass, "千克", {0, 2}, ""}); },
                    {{"plan.units.invalid", "units[0]"}});
}

TEST_CASE("validation money in two currencies")
{
    expect_findings(
        [](plan& p) {
            tg(p, 1).observations.push_back({date(2025, 6, 30), {"30"_dec, u("亿元")}, "", ""});
            tg(p, 1).observations.push_back({date(2025, 9, 30), {"100"_dec, u("万美元")}, "", ""});
        },
        {{"observation.unit.incompatible", target_path(1) + ".observations[1].value"}});
    expect_findings(
        [](plan& p) {
            tg(p, 10).baseline = baseline{0, date(2024, 12, 31), quantity{"1"_dec, u("亿元")}};
        },
        {{"target.baseline.unit.incompatible", target_path(10) + ".baseline.value"}});
    expect_clean([](plan& p) {
        tg(p, 1).observations.push_back({date(2025, 6, 30), {"30"_dec, u("亿元")}, "", ""});
        tg(p, 1).observations.push_back({date(2025, 9, 30), {"4500"_dec, u("万元")}, "", ""});
    });
}

TEST_CASE("validation a date outside the plan period")
{
    expect_findings([](plan& p) { tg(p, 2).deadline = date(2024, 12, 31); },
                    {{"target.deadline.outside_period", target_path(2) + ".deadline"}});
    // A target's deadline after the period is a horizon (到2027年); a measure's is not.
    expect_clean([](plan& p) { tg(p, 2).deadline = date(2027, 12, 31); });
    expect_findings([](plan& p) { p.focus_areas[0].measures[0].deadline = date(2026, 1, 1); },
                    {{"measure.deadline.outside_period", "focus_areas[0].measures[0].deadline"}});
    expect_findings([](plan& p) { p.focus_areas[0].measures[0].deadline = date(2024, 12, 31); },
                    {{"measure.deadline.outside_period", "focus_areas[0].measures[0].deadline"}});
    expect_clean([](plan& p) { tg(p, 2).deadline = date(2025, 12, 31); });
    expect_findings([](plan& p) { p.period = inclusive_period(date(2025, 12, 31), date(2025, 1, 1)); },
                    {{"plan.period.invalid", "period"}});
    expect_findings([](plan& p) { p.year = 2024; }, {{"plan.year.mismatch", "year"}});
    expect_findings([](plan& p) { p.report_date = date(); }, {{"plan.report_date.missing", "report_date"}});
}

TEST_CASE("validation more named projects than the count they exemplify")
{
    expect_findings([](plan& p) { tg(p, 13).value = "1"_dec; },
                    {{"target.projects.exceed_count", target_path(13) + ".project_ids"}});
    expect_clean([](plan& p) { tg(p, 13).value = "2"_dec; });
    // Links from the project side count too.
    expect_findings(
        [](plan& p) {
            tg(p, 13).project_ids.clear();
            tg(p, 13).value = "1"_dec;
        },
        {{"target.projects.exceed_count", target_path(13) + ".project_ids"}});
    // A cross-reference check: after the element checks of every target,
    // even of a later one, and before a dangling id of a later target.
    expect_findings(
        [](plan& p) {
            tg(p, 13).value = "1"_dec;
            tg(p, 14).metric.clear();
            tg(p, 15).project_ids.push_back("no-such-project");
        },
        {{"target.metric.empty", target_path(14) + ".metric"},
         {"target.projects.exceed_count", target_path(13) + ".project_ids"},
         {"target.projects.dangling", target_path(15) + ".project_ids[" +
                                          std::to_string(make_clean_plan().focus_areas[0].measures[0].targets[15].project_ids.size()) + "]"}});
    // A target alone counts its own project_ids.
    plan p = make_clean_plan();
    target alone = tg(p, 13);
    REQUIRE(alone.project_ids.size() == 2);
    alone.value = "1"_dec;
    CHECK(findings(validate(alone, {}, "t")) == std::vector<finding>{{"target.projects.exceed_count", "t.project_ids"}});
    alone.value = "2"_dec;
    CHECK(validate(alone, {}, "t").empty());
}

TEST_CASE("validation fractional count")
{
    expect_findings([](plan& p) { tg(p, 3).value = "2.5"_dec; },
                    {{"target.value.fractional_count", target_path(3) + ".value"}});
    expect_clean([](plan& p) { tg(p, 17).value = "2.5"_dec; });  // 2.5万单 = 25000 单
}

TEST_CASE("validation observation dated after the as-of date")
{
    validation_options options;
    options.as_of = date(2025, 6, 30);
    expect_findings([](plan& p) { tg(p, 1).observations.push_back({date(2025, 7, 1), {"10"_dec, u("亿元")}, "", ""}); },
                    {{"observation.date.after_as_of", target_path(1) + ".observations[0].date"}}, options);
    expect_clean([](plan& p) { tg(p, 1).observations.push_back({date(2025, 6, 30), {"10"_dec, u("亿元")}, "", ""}); },
                 options);
    expect_findings([](plan& p) { tg(p, 1).observations.push_back({date(), {"10"_dec, u("亿元")}, "", ""}); },
                    {{"observation.date.invalid", target_path(1) + ".observations[0].date"}});
}

TEST_CASE("validation warnings for degenerate targets")
{
    expect_findings([](plan& p) { tg(p, 4).baseline = baseline{0, date(2024, 12, 31), quantity{"420000"_dec, u("亩")}}; },
                    {{"target.value.equals_baseline", target_path(4) + ".value"}});
    expect_clean([](plan& p) { tg(p, 4).baseline = baseline{0, date(2024, 12, 31), quantity{"41.5"_dec, u("万亩")}}; });
    expect_findings([](plan& p) { tg(p, 0).value = "0"_dec; }, {{"target.value.zero_growth", target_path(0) + ".value"}});
    expect_findings([](plan& p) { tg(p, 15).stretch = "4"_dec; },
                    {{"target.stretch.below_floor", target_path(15) + ".stretch"}});
    expect_findings([](plan& p) { tg(p, 16).stretch = "4"_dec; },
                    {{"target.stretch.above_ceiling", target_path(16) + ".stretch"}});
    expect_clean([](plan& p) { tg(p, 16).stretch = "2.5"_dec; });
    plan p = make_clean_plan();
    tg(p, 0).value = "0"_dec;
    const auto ds = validate(p);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == severity::warning);
    CHECK(error_count(ds) == 0);
    CHECK(warning_count(ds) == 1);
}

TEST_CASE("validation checks the targets of a focus area lead")
{
    expect_findings(
        [](plan& p) {
            target t = tg(p, 8);
            t.id = "t-area-2";
            t.unit = u("%");
            p.focus_areas[0].targets.push_back(t);
        },
        {{"target.unit.incompatible", "focus_areas[0].targets[1].unit"}});
    expect_findings(
        [](plan& p) {
            target t = tg(p, 8);
            p.focus_areas[0].targets.push_back(t);  // same id as a measure's target
        },
        {{"target.id.duplicate", target_path(8) + ".id"}});
    expect_clean([](plan& p) {
        target t = tg(p, 8);
        t.id = "t-area-2";
        p.focus_areas[0].targets.push_back(t);
    });
}

TEST_CASE("validation reports every problem at once")
{
    plan p = make_clean_plan();
    tg(p, 0).unit = u("亩");
    tg(p, 3).value = "-1"_dec;
    tg(p, 5).value = "120"_dec;
    p.focus_areas[0].ordinal = 2;
    const auto ds = validate(p);
    CHECK(findings(ds) == std::vector<finding>{{"focus_area.ordinal.sequence", "focus_areas[0].ordinal"},
                                               {"target.unit.incompatible", target_path(0) + ".unit"},
                                               {"target.value.negative", target_path(3) + ".value"},
                                               {"target.value.over_100_percent", target_path(5) + ".value"}});
    CHECK(error_count(ds) == 4);
}

TEST_CASE("validation of a lone target uses the given path and period")
{
    target t = make_clean_plan().focus_areas[0].measures[0].targets[1];
    t.deadline = date(2024, 6, 30);
    validation_options options;
    options.period = calendar_year(2025);
    const auto ds = validate(t, options, "t");
    CHECK(findings(ds) == std::vector<finding>{{"target.deadline.outside_period", "t.deadline"}});
    CHECK(validate(t).empty());  // no period given: no period check
}

TEST_CASE("validation never throws on garbage values")
{
    plan p = make_clean_plan();
    tg(p, 0).kind = static_cast<target_kind>(99);
    tg(p, 1).comparator = static_cast<comparator>(42);
    tg(p, 2).unit = unit{"x", static_cast<dimension>(77), "", {0, 0}, ""};
    tg(p, 3).deadline = date(boost::date_time::not_a_date_time);
    std::vector<diagnostic> ds;
    CHECK_NOTHROW(ds = validate(p));
    // Each garbage value is named where it stands.
    auto has = [&](const std::string& code, const std::string& path) {
        return std::any_of(ds.begin(), ds.end(), [&](const diagnostic& d) { return d.code == code && d.path == path; });
    };
    CHECK(has("target.kind.invalid", target_path(0) + ".kind"));
    CHECK(has("target.comparator.invalid", target_path(1) + ".comparator"));
    CHECK(has("target.unit.unknown", target_path(2) + ".unit"));
    CHECK(has("target.deadline.invalid", target_path(3) + ".deadline"));
    CHECK(error_count(ds) == ds.size());
}

TEST_CASE("validation the plan year is the year its period begins")
{
    // A fiscal year from July to June belongs to the year it starts in.
    expect_clean([](plan& p) {
        p.year = 2024;
        p.period = inclusive_period(date(2024, 7, 1), date(2025, 6, 30));
    });
    expect_findings(
        [](plan& p) {
            p.year = 2025;
            p.period = inclusive_period(date(2024, 7, 1), date(2025, 6, 30));
        },
        {{"plan.year.mismatch", "year"}});
}

TEST_CASE("validation a duplicate id is found wherever it sorts")
{
    // "zzz" sorts after every other id of the plan, "a" before.
    for (const char* id : {"zzz", "a"}) {
        INFO(id);
        expect_findings(
            [&](plan& p) {
                tg(p, 3).id = id;
                tg(p, 4).id = id;
            },
            {{"target.id.duplicate", target_path(4) + ".id"}});
        plan p = make_clean_plan();
        tg(p, 3).id = id;
        tg(p, 4).id = id;
        const auto ds = validate(p);
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "id \"" + std::string(id) + "\" is already used by " + target_path(3));
    }
}

TEST_CASE("validation a project_ids entry naming a target is dangling")
{
    expect_findings([](plan& p) { tg(p, 13).project_ids.push_back("t-stored"); },
                    {{"target.projects.dangling", target_path(13) + ".project_ids[2]"}});
}

TEST_CASE("validation each duplicate names the first use of its own id")
{
    // Two runs of duplicates: whichever sorts second must not name the first run's element.
    plan p = make_clean_plan();
    tg(p, 3).id = "dup-a";
    tg(p, 4).id = "dup-a";
    tg(p, 5).id = "dup-b";
    tg(p, 6).id = "dup-b";
    tg(p, 7).id = "dup-b";
    const auto ds = validate(p);
    REQUIRE(findings(ds) == std::vector<finding>{{"target.id.duplicate", target_path(4) + ".id"},
                                                 {"target.id.duplicate", target_path(6) + ".id"},
                                                 {"target.id.duplicate", target_path(7) + ".id"}});
    CHECK(ds[0].message == "id \"dup-a\" is already used by " + target_path(3));
    CHECK(ds[1].message == "id \"dup-b\" is already used by " + target_path(5));
    CHECK(ds[2].message == "id \"dup-b\" is already used by " + target_path(5));
}

// ---- format 2 constructions ----------------------------------------------

namespace {

/// The clean plan's measure with `t` appended (at index 18).
std::function<void(plan&)> with_target(std::function<void(target&)> edit)
{
    return [edit](plan& p) {
        target t = govplan::testing::make_target("t-new", "新指标", target_kind::qualitative, comparator::none,
                                                 std::nullopt, "");
        edit(t);
        p.focus_areas[0].measures[0].targets.push_back(t);
    };
}

const std::string added = "focus_areas[0].measures[0].targets[18]";

}  // namespace

TEST_CASE("validation of commitments without a number")
{
    expect_clean(with_target([](target&) {}));  // qualitative: no value, no unit
    expect_findings(with_target([](target& t) { t.comparator = comparator::at_least; }),
                    {{"target.comparator.incompatible", added + ".comparator"}, {"target.value.missing", added + ".value"}});
    expect_findings(with_target([](target& t) { t.value = decimal::from_integer(1); }),
                    {{"target.value.unexpected", added + ".value"}});
    // Grades name their grade; nothing else has one.
    expect_findings(with_target([](target& t) { t.kind = target_kind::grade; }), {{"target.grade.missing", added + ".grade"}});
    expect_clean(with_target([](target& t) {
        t.kind = target_kind::grade;
        t.grade = "AA级";
    }));
    expect_findings(with_target([](target& t) { t.grade = "AA级"; }), {{"target.grade.unexpected", added + ".grade"}});
    // A band without numbers, and a relative target, name what they are set against.
    expect_findings(with_target([](target& t) {
                        t.kind = target_kind::level;
                        t.comparator = comparator::within;
                    }),
                    {{"target.reference.missing", added + ".reference"}});
    expect_clean(with_target([](target& t) {
        t.kind = target_kind::relative;
        t.comparator = comparator::more_than;
        t.reference = "全省平均";
    }));
    // Full attainment is 100% or 0.
    expect_findings(with_target([](target& t) {
                        t.kind = target_kind::attainment;
                        t.comparator = comparator::exactly;
                        t.value = decimal::from_integer(90);
                        t.unit = u("%");
                    }),
                    {{"target.attainment.value", added + ".value"}});
    expect_clean(with_target([](target& t) {
        t.kind = target_kind::attainment;
        t.comparator = comparator::exactly;
        t.value = decimal::from_integer(0);
        t.unit = u("件");
        t.value_implied = true;
    }));
    // Observed as met (1) or not (0), without unit.
    expect_findings(with_target([](target& t) {
                        t.observations = {{date(2025, 6, 30), quantity{decimal::from_integer(2), unit{}}, "", ""}};
                    }),
                    {{"observation.value.not_met_or_not", added + ".observations[0].value"}});
    expect_clean(with_target([](target& t) {
        t.observations = {{date(2025, 6, 30), quantity{decimal::from_integer(0), unit{}}, "", ""}};
    }));
}

TEST_CASE("validation of baselines milestones scopes and groups")
{
    auto amount = [](target& t) {
        t.kind = target_kind::amount;
        t.comparator = comparator::at_least;
        t.value = decimal::from_integer(80);
        t.unit = u("亿元");
    };
    expect_findings(with_target([&](target& t) {
                        amount(t);
                        t.baseline = baseline{};
                    }),
                    {{"target.baseline.empty", added + ".baseline"}});
    expect_clean(with_target([&](target& t) {
        amount(t);
        t.baseline = baseline{2020, std::nullopt, std::nullopt};  // 比2020年: the year alone
    }));
    expect_findings(with_target([&](target& t) {
                        amount(t);
                        t.baseline = baseline{2020, date(2024, 12, 31), std::nullopt};
                    }),
                    {{"target.baseline.year.mismatch", added + ".baseline.year"}});
    const decimal half = decimal::from_integer(40);
    expect_clean(with_target([&](target& t) {
        amount(t);
        t.milestones = {{date(2025, 6, 30), half, "6月底前完成一半"}};
    }));
    expect_findings(with_target([&](target& t) {
                        amount(t);
                        t.milestones = {{date(2025, 9, 30), half, ""}, {date(2025, 6, 30), half, ""}};
                    }),
                    {{"target.milestone.order", added + ".milestones[1].date"}});
    expect_findings(with_target([&](target& t) {
                        amount(t);
                        t.deadline = date(2025, 6, 30);
                        t.milestones = {{date(2025, 9, 30), half, ""}};
                    }),
                    {{"target.milestone.after_deadline", added + ".milestones[0].date"}});
    expect_findings(with_target([&](target& t) {
                        amount(t);
                        t.scope = target_scope{decimal::parse("2.5").value(), "个", "", {}};
                    }),
                    {{"target.scope.noun.empty", added + ".scope.noun"}, {"target.scope.count.invalid", added + ".scope.count"}});
    expect_findings(with_target([&](target& t) {
                        amount(t);
                        t.group = statement_group{"", group_mode::each};
                    }),
                    {{"target.group.id.empty", added + ".group.id"}});
}

TEST_CASE("validation of parts: a parent must exist and the chain must end")
{
    expect_clean(with_target([](target& t) { t.parent_id = "t-stored"; }));
    expect_findings(with_target([](target& t) { t.parent_id = "t-nowhere"; }),
                    {{"target.parent.dangling", added + ".parent_id"}});
    expect_findings(with_target([](target& t) { t.parent_id = "t-new"; }), {{"target.parent.self", added + ".parent_id"}});
    // t-new is part of t-stored, which is part of t-new: a loop through two targets.
    plan p = make_clean_plan();
    with_target([](target& t) { t.parent_id = "t-stored"; })(p);
    for (auto& t : p.focus_areas[0].measures[0].targets)
        if (t.id == "t-stored") t.parent_id = "t-new";
    const auto ds = validate(p);
    REQUIRE(findings(ds).size() == 1);
    CHECK(ds[0].code == "target.parent.cycle");
}

TEST_CASE("validation of project investments and target links")
{
    auto project_edit = [](std::function<void(project&)> edit) {
        return [edit](plan& p) { edit(p.focus_areas[0].measures[0].projects[0]); };
    };
    const std::string at = "focus_areas[0].measures[0].projects[0]";
    expect_clean(project_edit([](project& pr) {
        pr.total_investment = quantity{decimal::parse("2.6").value(), u("亿元")};
        pr.investment_this_year = quantity{decimal::parse("1.2").value(), u("亿元")};
    }));
    expect_findings(project_edit([](project& pr) { pr.total_investment = quantity{decimal::from_integer(3), u("亩")}; }),
                    {{"project.investment.unit", at + ".total_investment"}});
    expect_findings(project_edit([](project& pr) {
                        pr.total_investment = quantity{decimal::from_integer(1), u("亿元")};
                        pr.investment_this_year = quantity{decimal::from_integer(20000), u("万元")};
                    }),
                    {{"project.investment.exceeds_total", at + ".investment_this_year"}});
    expect_findings(project_edit([](project& pr) { pr.targets.push_back({"t-nowhere", link_role::site_of}); }),
                    {{"project.target.dangling", at + ".targets[1].target_id"}});
}

TEST_CASE("validation reports, never throws, a unit whose denominator holds a slash")
{
    expect_findings([](plan& p) { p.units.push_back(unit{"斤/亩", dimension::mass, "千克", {1, 2}, "亩/年"}); },
                    {{"plan.units.invalid", "units[0]"}});
    // An implied value belongs to a target that compares a number.
    expect_findings(with_target([](target& t) { t.value_implied = true; }),
                    {{"target.value.unexpected", added + ".value_implied"}});
}

TEST_CASE("validation reports the first 其中 loop in document order")
{
    plan p = make_clean_plan();
    auto& targets = p.focus_areas[0].measures[0].targets;
    // t-stored → t-ecommerce → t-stored, and later t-firms → t-farmland → t-firms.
    auto parent = [&](const char* id, const char* of) {
        for (auto& t : targets)
            if (t.id == id) t.parent_id = of;
    };
    parent("t-stored", "t-ecommerce");
    parent("t-ecommerce", "t-stored");
    parent("t-firms", "t-farmland");
    parent("t-farmland", "t-firms");
    const auto ds = validate(p);
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].code == "target.parent.cycle");
    CHECK(ds[0].path == "focus_areas[0].measures[0].targets[1].parent_id");  // t-stored, the first in the loop
    CHECK(ds[0].message.find("t-stored") != std::string::npos);
    CHECK(ds[1].message.find("t-firms") != std::string::npos);
}

namespace {

/// The codes of docs/validation.md's tables, in order, with the severity of
/// the section ("## Errors", "## Warnings") they are listed under.
std::vector<std::pair<std::string, severity>> documented_rules()
{
    std::ifstream in(std::filesystem::path(GOVPLAN_SOURCE_DIR) / "docs" / "validation.md");
    REQUIRE(in);
    std::vector<std::pair<std::string, severity>> out;
    std::optional<severity> section;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("## ")) {
            section = line == "## Errors" ? std::optional(severity::error)
                      : line == "## Warnings" ? std::optional(severity::warning)
                                              : std::nullopt;
            continue;
        }
        if (!section || !line.starts_with("| `")) continue;
        const std::string first_cell = line.substr(1, line.find('|', 1) - 1);
        for (std::size_t at = first_cell.find('`'); at != std::string::npos; at = first_cell.find('`', at)) {
            const std::size_t end = first_cell.find('`', at + 1);
            out.emplace_back(first_cell.substr(at + 1, end - at - 1), *section);
            at = end + 1;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("validation rules: docs/validation.md lists every rule of the table, in order, with its severity")
{
    const auto documented = documented_rules();
    const auto rules = validation_rules();
    REQUIRE(documented.size() > 50);
    std::vector<std::pair<std::string, severity>> table;
    for (const auto& r : rules) table.emplace_back(std::string(r.code), r.severity);
    CHECK(documented == table);
    std::set<std::string_view> codes;
    for (const auto& r : rules) {
        CAPTURE(r.code);
        CHECK(codes.insert(r.code).second);  // each code once
        CHECK_FALSE(r.checks.empty());
    }
}

TEST_CASE("validation rules: every diagnostic carries the code and severity of a rule")
{
    plan p = make_clean_plan();
    tg(p, 0).unit = u("亩");
    tg(p, 1).value = decimal::parse("-1").value();
    tg(p, 2).id = tg(p, 3).id;
    p.focus_areas[0].measures[0].projects[0].targets.push_back({"no-such-target", link_role::exemplifies});
    p.focus_areas.emplace_back();  // an empty focus area: ordinal and title
    const auto diagnostics = validate(p);
    REQUIRE(diagnostics.size() >= 5);
    for (const auto& d : diagnostics) {
        CAPTURE(d.code);
        const auto rules = validation_rules();
        const auto rule = std::find_if(rules.begin(), rules.end(), [&](const auto& r) { return r.code == d.code; });
        REQUIRE(rule != rules.end());
        CHECK(rule->severity == d.severity);
    }
}

TEST_CASE("id index numbers ids in the order first added, and keeps them as it grows past its expected size")
{
    // Validation and both loaders size the index for the plan; it still
    // grows, losing nothing, when given more ids than it was sized for.
    govplan::detail::id_index index(1);
    std::vector<std::string> ids;
    for (int i = 0; i < 1000; ++i) ids.push_back("t-" + std::to_string(i));
    ids.push_back("");  // an empty id is an id like any other here: callers skip it
    for (std::size_t k = 0; k < ids.size(); ++k) {
        const auto [number, added] = index.add(ids[k]);
        CHECK(number == k);
        CHECK(added);
    }
    for (std::size_t k = 0; k < ids.size(); ++k) {
        CHECK(index.find(ids[k]) == k);
        const auto [number, added] = index.add(ids[k]);
        CHECK(number == k);
        CHECK_FALSE(added);
    }
    CHECK(index.find("t-1000") == govplan::detail::id_index::npos);
    CHECK(index.find("t-") == govplan::detail::id_index::npos);
}

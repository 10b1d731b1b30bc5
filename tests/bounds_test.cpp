// Every comparator at, just below and just above its bound, for the one
// function the library decides bounds with (meets_bound) and for each place
// that uses it: progress, validation and aggregation. The expected answers
// are typed from the Civil Code's reading (以上/以下/以内 include the number,
// 超过/突破 and 低于 do not), not computed.
#include <govplan/govplan.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace govplan;
using namespace govplan::literals;
using govplan::testing::make_clean_plan;
using govplan::testing::make_target;
using govplan::testing::target_path;
using govplan::testing::u;

namespace {

struct bound_row {
    comparator c;
    bool below;  // 9.99 against 10
    bool at;     // 10
    bool above;  // 10.01
};

const bound_row bound_table[] = {
    {comparator::at_least, false, true, true},   {comparator::more_than, false, false, true},
    {comparator::at_most, true, true, false},    {comparator::less_than, true, false, false},
    {comparator::exactly, false, true, false},   {comparator::about, false, true, false},
    {comparator::range, false, false, false},    {comparator::direction, false, false, false},
};

const decimal below = "9.99"_dec;
const decimal bound = "10"_dec;
const decimal above = "10.01"_dec;

bool has(const std::vector<diagnostic>& ds, const std::string& code)
{
    return std::any_of(ds.begin(), ds.end(), [&](const diagnostic& d) { return d.code == code; });
}

}  // namespace

TEST_CASE("bounds meets_bound at below and above each comparator's bound")
{
    for (const auto& row : bound_table) {
        INFO(to_code(row.c));
        CHECK(meets_bound(row.c, below, bound) == row.below);
        CHECK(meets_bound(row.c, bound, bound) == row.at);
        CHECK(meets_bound(row.c, above, bound) == row.above);
        // The written form does not matter: 10.00 is 10.
        CHECK(meets_bound(row.c, "10.00"_dec, bound) == row.at);
    }
    CHECK(includes_bound(comparator::at_least));
    CHECK_FALSE(includes_bound(comparator::more_than));
}

TEST_CASE("bounds progress of a level judged at its deadline")
{
    const date_period period = calendar_year(2025);
    const date deadline(2025, 12, 31);
    progress_thresholds exact;
    exact.about_tolerance = "0"_dec;
    for (const auto& row : bound_table) {
        if (row.c == comparator::range || row.c == comparator::direction) continue;
        INFO(to_code(row.c));
        target t = make_target("t", "单位GDP能耗", target_kind::level, row.c, bound, "%");
        auto status_at = [&](const decimal& v) {
            t.observations = {{deadline, {v, u("%")}, "", ""}};
            return evaluate_progress(t, period, deadline, exact).status;
        };
        // Reaching an exact or about value meets it; going past it too.
        const bool reach = row.c == comparator::exactly || row.c == comparator::about;
        auto expected = [&](bool meets) { return meets ? progress_status::met : progress_status::behind; };
        CHECK(status_at(below) == expected(row.below));
        CHECK(status_at(bound) == expected(row.at));
        CHECK(status_at(above) == expected(reach || row.above));
    }
    // A range includes both of its ends.
    target r = make_target("r", "地区生产总值", target_kind::level, comparator::range, std::nullopt, "%");
    r.low = "10"_dec;
    r.high = "12"_dec;
    auto range_status = [&](const char* v) {
        r.observations = {{deadline, {decimal::parse(v).value(), u("%")}, "", ""}};
        return evaluate_progress(r, period, deadline).status;
    };
    CHECK(range_status("9.99") == progress_status::behind);
    CHECK(range_status("10") == progress_status::met);
    CHECK(range_status("12") == progress_status::met);
    CHECK(range_status("12.01") == progress_status::behind);
    // About: within the tolerance below the value (5% by default: 9.5 for 10).
    target a = make_target("a", "以旧换新", target_kind::level, comparator::about, bound, "%");
    a.observations = {{deadline, {"9.5"_dec, u("%")}, "", ""}};
    CHECK(evaluate_progress(a, period, deadline).status == progress_status::met);
    a.observations = {{deadline, {"9.49"_dec, u("%")}, "", ""}};
    CHECK(evaluate_progress(a, period, deadline).status == progress_status::behind);
}

TEST_CASE("bounds progress of a ceiling: at, below and above its allowance")
{
    // 365亿元 at most over 2025: the allowance on 2025-04-10 (day 100) is 100.00亿元.
    const date_period period = calendar_year(2025);
    const date day_100(2025, 4, 10);
    for (comparator c : {comparator::at_most, comparator::less_than}) {
        INFO(to_code(c));
        target t = make_target("t", "新增政府债务", target_kind::amount, c, "365"_dec, "亿元");
        auto progress_at = [&](const char* v, date as_of) {
            t.observations = {{as_of, {decimal::parse(v).value(), u("亿元")}, "", ""}};
            return evaluate_progress(t, period, as_of);
        };
        const auto at = progress_at("100", day_100);
        CHECK(at.basis == progress_basis::ceiling);
        REQUIRE(at.expected.has_value());
        CHECK(at.expected->to_string() == "100.00");
        CHECK(at.status == progress_status::on_track);  // exactly at the allowance
        CHECK(progress_at("99.99", day_100).status == progress_status::on_track);
        CHECK(progress_at("100.01", day_100).status == progress_status::at_risk);
        // At the deadline the ceiling itself decides: 以内 includes it, 低于 does not.
        const date end(2025, 12, 31);
        CHECK(progress_at("365", end).status ==
              (c == comparator::at_most ? progress_status::met : progress_status::behind));
        CHECK(progress_at("364.99", end).status == progress_status::met);
        CHECK(progress_at("365.01", end).status == progress_status::behind);
        // Over the ceiling before the deadline is already behind.
        CHECK(progress_at("365.01", day_100).status == progress_status::behind);
    }
}

TEST_CASE("bounds progress of an accrual target at its bound")
{
    const date_period period = calendar_year(2025);
    const date end(2025, 12, 31);
    for (const auto& row : bound_table) {
        if (row.c == comparator::at_most || row.c == comparator::less_than || row.c == comparator::range ||
            row.c == comparator::direction)
            continue;
        INFO(to_code(row.c));
        target t = make_target("t", "入库投资", target_kind::amount, row.c, bound, "亿元");
        t.observations = {{end, {bound, u("亿元")}, "", ""}};
        CHECK(evaluate_progress(t, period, end).status ==
              (row.c == comparator::more_than ? progress_status::behind : progress_status::met));
        t.observations = {{end, {above, u("亿元")}, "", ""}};
        CHECK(evaluate_progress(t, period, end).status == progress_status::met);
        t.observations = {{end, {below, u("亿元")}, "", ""}};
        CHECK(evaluate_progress(t, period, end).status ==
              (row.c == comparator::about ? progress_status::met : progress_status::behind));  // within 5%
    }
}

TEST_CASE("bounds validation: named projects against each comparator's count")
{
    // Target 13 names two projects. The named projects are a floor on the real
    // count: an error only where that floor already breaks an upper bound.
    struct row {
        comparator c;
        const char* value;
        bool error;
    };
    const row rows[] = {
        {comparator::at_most, "1", true},   {comparator::at_most, "2", false},  {comparator::at_most, "3", false},
        {comparator::less_than, "2", true}, {comparator::less_than, "3", false}, {comparator::exactly, "1", true},
        {comparator::exactly, "2", false},  {comparator::about, "1", true},      {comparator::about, "2", false},
        {comparator::at_least, "1", false}, {comparator::more_than, "1", false}, {comparator::at_least, "2", false},
    };
    for (const auto& r : rows) {
        INFO(to_code(r.c) << " " << r.value);
        plan p = make_clean_plan();
        auto& t = p.focus_areas[0].measures[0].targets[13];
        t.comparator = r.c;
        t.value = decimal::parse(r.value).value();
        CHECK(has(validate(p), "target.projects.exceed_count") == r.error);
    }
    for (const char* high : {"1", "2", "3"}) {
        INFO("range 0–" << high);
        plan p = make_clean_plan();
        auto& t = p.focus_areas[0].measures[0].targets[13];
        t.comparator = comparator::range;
        t.value.reset();
        t.low = "0"_dec;
        t.high = decimal::parse(high).value();
        CHECK(has(validate(p), "target.projects.exceed_count") == (std::string(high) == "1"));
    }
}

TEST_CASE("bounds validation: a stretch value must pass its floor, ceiling or range")
{
    auto stretch_warnings = [](std::size_t index, auto&& edit) {
        plan p = make_clean_plan();
        edit(p.focus_areas[0].measures[0].targets[index]);
        std::vector<std::string> codes;
        for (const auto& d : validate(p))
            if (d.code.rfind("target.stretch.", 0) == 0) codes.push_back(d.code);
        return codes;
    };
    using codes = std::vector<std::string>;
    // Floor 5% (target 15): the stretch must be above it.
    for (auto [stretch, expected] : {std::pair{"4.99", true}, std::pair{"5", true}, std::pair{"5.01", false}}) {
        INFO("floor 5, stretch " << stretch);
        CHECK(stretch_warnings(15, [&](target& t) { t.stretch = decimal::parse(stretch).value(); }) ==
              (expected ? codes{"target.stretch.below_floor"} : codes{}));
    }
    // Ceiling 3% (target 16): below it.
    for (auto [stretch, expected] : {std::pair{"2.99", false}, std::pair{"3", true}, std::pair{"3.01", true}}) {
        INFO("ceiling 3, stretch " << stretch);
        CHECK(stretch_warnings(16, [&](target& t) { t.stretch = decimal::parse(stretch).value(); }) ==
              (expected ? codes{"target.stretch.above_ceiling"} : codes{}));
    }
    // Range 5–6% (target 14): above its upper end.
    for (auto [stretch, expected] : {std::pair{"5.99", true}, std::pair{"6", true}, std::pair{"6.01", false}}) {
        INFO("range 5–6, stretch " << stretch);
        CHECK(stretch_warnings(14, [&](target& t) { t.stretch = decimal::parse(stretch).value(); }) ==
              (expected ? codes{"target.stretch.below_floor"} : codes{}));
    }
}

TEST_CASE("bounds aggregation adds floors and exact values, never ceilings or ranges")
{
    // One count target of 10个 per comparator (a range 10–12, a direction).
    plan p = make_clean_plan();
    auto& ts = p.focus_areas[0].measures[0].targets;
    ts.clear();
    p.focus_areas[0].measures[0].projects.clear();
    p.focus_areas[0].targets.clear();
    for (const auto& row : bound_table) {
        target t = make_target(std::string("t-") + std::string(to_code(row.c)), "项目", target_kind::count, row.c,
                               bound, "个");
        if (row.c == comparator::range) {
            t.value.reset();
            t.low = "10"_dec;
            t.high = "12"_dec;
        }
        if (row.c == comparator::direction) {
            t.kind = target_kind::direction;
            t.value.reset();
            t.trend = trend::increase;
            t.unit = {};
        }
        ts.push_back(t);
    }
    REQUIRE(error_count(validate(p)) == 0);
    const auto groups = aggregate_targets(p, group_by::comparator).value();
    REQUIRE(groups.size() == 8);
    for (const auto& g : groups) {
        INFO(g.key);
        CHECK(g.targets == 1);
        const bool adds = g.key == "at_least" || g.key == "more_than" || g.key == "exactly" || g.key == "about";
        if (g.key == "direction") {
            CHECK(g.totals.empty());
            continue;
        }
        REQUIRE(g.totals.size() == 1);
        CHECK(g.totals[0].summed == (adds ? 1u : 0u));
        CHECK(g.totals[0].sum.has_value() == adds);
    }
    // All together: 4 × 10个 add up; the ceilings and the range only widen min and max.
    const auto all = aggregate_targets(std::vector<const plan*>{&p},
                                       [](const target_view&) { return std::optional<std::string>("all"); });
    REQUIRE(all.has_value());
    REQUIRE(all->size() == 1);
    REQUIRE((*all)[0].totals.size() == 1);
    const auto& total = (*all)[0].totals[0];
    CHECK(total.count == 7);
    CHECK(total.summed == 4);
    REQUIRE(total.sum.has_value());
    CHECK(total.sum->to_string() == "40");
    CHECK(total.min.to_string() == "10");
    CHECK(total.max.to_string() == "12");
}

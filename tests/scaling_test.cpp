// Every step that relates items stays linear in their number. Each test times
// the same work on n and 16n items in one run (processor time of this
// process, the best of five) and compares the two: a quadratic step takes 256
// times as long, a linear one 16 times, or up to about 80 once its hash
// tables and items outgrow the caches. No absolute time is asserted. These
// tests have an executable of their own and run alone (RUN_SERIAL).
#include <govplan/govplan.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <malloc.h>
#include <functional>
#include <memory>
#include <string>

using namespace govplan;
using namespace govplan::literals;
using govplan::testing::make_target;
using govplan::testing::u;

namespace {

constexpr std::size_t small_n = 6'250;
constexpr std::size_t factor = 16;
constexpr double linear_bound = 128.0;  // half of quadratic

double cpu_seconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

/// The best of five runs of `work`, after building its input once.
double best_seconds(const std::function<void()>& work)
{
    // Keep freed memory in the heap, so that the large run is not the only
    // one to pay for fresh pages (glibc otherwise trims and maps anew above a
    // threshold that the small run stays under).
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    double best = 1e9;
    for (int i = 0; i < 5; ++i) {
        const double start = cpu_seconds();
        work();
        best = std::min(best, cpu_seconds() - start);
    }
    return std::max(best, 1e-6);
}

/// How much longer `make(16n)` work takes than `make(n)` work.
double growth(const std::function<std::function<void()>(std::size_t)>& make)
{
    const auto small = make(small_n);
    const auto large = make(small_n * factor);
    return best_seconds(large) / best_seconds(small);
}

plan skeleton()
{
    plan p;
    p.id = "scale";
    p.title = "scale";
    p.year = 2025;
    p.period = calendar_year(2025);
    p.report_date = date(2025, 4, 17);
    focus_area& a = p.focus_areas.emplace_back();
    a.ordinal = 1;
    a.title = "聚焦";
    measure& m = a.measures.emplace_back();
    m.lead = "措施";
    m.text = "措施。";
    return p;
}

target count_target(std::size_t i)
{
    return make_target("t" + std::to_string(i), "项目", target_kind::count, comparator::at_least, "1"_dec, "个");
}

project linked_project(std::size_t i, std::string target_id)
{
    project pr;
    pr.id = "p" + std::to_string(i);
    pr.name = "项目" + std::to_string(i);
    pr.category = "类" + std::to_string(i % 1000);
    if (!target_id.empty()) pr.targets = {{std::move(target_id), link_role::exemplifies}};
    return pr;
}

}  // namespace

TEST_CASE("scaling validation of one target listing n projects")
{
    const double g = growth([](std::size_t n) {
        auto p = std::make_shared<plan>(skeleton());
        auto& m = p->focus_areas[0].measures[0];
        m.targets.push_back(count_target(0));
        m.targets[0].value = decimal::from_integer(static_cast<std::int64_t>(n));
        for (std::size_t i = 0; i < n; ++i) {
            m.projects.push_back(linked_project(i, ""));
            m.targets[0].project_ids.push_back(m.projects.back().id);
        }
        REQUIRE(validate(*p).empty());
        return [p] { (void)validate(*p); };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling validation of n targets sharing one id")
{
    const double g = growth([](std::size_t n) {
        auto p = std::make_shared<plan>(skeleton());
        auto& m = p->focus_areas[0].measures[0];
        for (std::size_t i = 0; i < n; ++i) m.targets.push_back(count_target(0));
        REQUIRE(validate(*p).size() == n - 1);  // every one after the first is a duplicate
        return [p] { (void)validate(*p); };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling validation of n targets with long ids, each bounded and named by its projects")
{
    // Ids 60 bytes long that differ only in their last digits: a hash that
    // skipped any of their bytes would put them all in one slot.
    const double g = growth([](std::size_t n) {
        auto p = std::make_shared<plan>(skeleton());
        auto& m = p->focus_areas[0].measures[0];
        const std::string prefix(48, 'x');
        for (std::size_t i = 0; i < n; ++i) {
            char digits[24];
            std::snprintf(digits, sizeof digits, "%012zu", i);
            target t = count_target(i);
            t.id = prefix + digits;
            t.comparator = comparator::at_most;
            t.value = decimal::from_integer(2);
            m.projects.push_back(linked_project(i, t.id));  // exemplifies the target
            t.project_ids = {m.projects.back().id};         // and listed by it: one project
            m.targets.push_back(std::move(t));
        }
        REQUIRE(validate(*p).empty());
        return [p] { (void)validate(*p); };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling validation of n bounded counts sharing one id, exemplified by n projects")
{
    // Each target asks how many projects name its id: n of them, every time.
    const double g = growth([](std::size_t n) {
        auto p = std::make_shared<plan>(skeleton());
        auto& m = p->focus_areas[0].measures[0];
        for (std::size_t i = 0; i < n; ++i) {
            target t = count_target(0);
            t.comparator = comparator::at_most;
            t.project_ids = {"p" + std::to_string(i)};
            m.targets.push_back(std::move(t));
            m.projects.push_back(linked_project(i, "t0"));
        }
        // every target after the first repeats the id; every one names n projects, over its bound of 1
        REQUIRE(validate(*p).size() == 2 * n - 1);
        return [p] { (void)validate(*p); };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling aggregation by linked projects and named counts")
{
    const double g = growth([](std::size_t n) {
        auto p = std::make_shared<plan>(skeleton());
        auto& m = p->focus_areas[0].measures[0];
        for (std::size_t i = 0; i < n; ++i) {
            m.targets.push_back(count_target(i));
            m.projects.push_back(linked_project(i, m.targets.back().id));
        }
        REQUIRE(aggregate_targets(*p, group_by::category).value().size() == 1000);
        REQUIRE(declared_versus_named(*p).size() == n);
        return [p] {
            (void)aggregate_targets(*p, group_by::category);
            (void)aggregate_targets(*p, group_by::stage);
            (void)declared_versus_named(*p);
            (void)count_projects(*p);
        };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling observations attached to n targets and a progress table")
{
    const double g = growth([](std::size_t n) {
        auto p = std::make_shared<plan>(skeleton());
        auto file = std::make_shared<observation_file>();
        file->plan_id = p->id;
        auto& m = p->focus_areas[0].measures[0];
        for (std::size_t i = 0; i < n; ++i) {
            m.targets.push_back(count_target(i));
            file->entries.push_back({m.targets.back().id, {date(2025, 6, 30), {"1"_dec, u("个")}, "", ""}});
        }
        const auto with = with_observations(*p, *file);
        REQUIRE(with.has_value());
        REQUIRE(with->focus_areas[0].measures[0].targets[n - 1].observations.size() == 1);
        return [p, file] {
            const auto tracked = with_observations(*p, *file).value();
            (void)to_table(tracked, evaluate_progress(tracked, date(2025, 6, 30)));
        };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling a summary of n focus areas")
{
    const double g = growth([](std::size_t n) {
        auto p = std::make_shared<plan>(skeleton());
        for (std::size_t i = 1; i < n; ++i) {
            focus_area& a = p->focus_areas.emplace_back();
            a.ordinal = static_cast<int>(i) + 1;
            a.title = "聚焦";
            a.targets.push_back(count_target(i));
        }
        REQUIRE(focus_area_table(*p).rows.size() == n + 1);
        return [p] { (void)focus_area_table(*p); };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling the HTML progress page of n targets, n projects and n source clauses")
{
    const double g = growth([](std::size_t n) {
        auto p = std::make_shared<plan>(skeleton());
        auto& m = p->focus_areas[0].measures[0];
        for (std::size_t i = 0; i < n; ++i) {
            target t = count_target(i);
            t.provenance.clause = "第" + std::to_string(i) + "句";
            if (i % 2 == 0) t.observations.push_back({date(2025, 6, 30), quantity{decimal(static_cast<std::int64_t>(i % 3), 0), t.unit}, "", ""});
            m.targets.push_back(std::move(t));
            project pr = linked_project(i, "");
            pr.provenance.clause = "第" + std::to_string(i) + "项";
            m.projects.push_back(std::move(pr));
        }
        auto r = std::make_shared<progress_report>(date(2025, 6, 30), evaluate_progress(*p, date(2025, 6, 30)));
        REQUIRE(render(*p, *r, report_format::html).find("Observed targets (" + std::to_string((n + 1) / 2) + ")") !=
                std::string::npos);
        return [p, r] { (void)render(*p, *r, report_format::html); };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling a diff of two plans of n targets")
{
    const double g = growth([](std::size_t n) {
        auto before = std::make_shared<plan>(skeleton());
        for (std::size_t i = 0; i < n; ++i) before->focus_areas[0].measures[0].targets.push_back(count_target(i));
        auto after = std::make_shared<plan>(*before);
        auto& ts = after->focus_areas[0].measures[0].targets;
        for (std::size_t i = 0; i < n; i += 2) ts[i].metric += "改";  // half dropped and added
        std::reverse(ts.begin(), ts.end());
        REQUIRE_FALSE(diff(*before, *after).empty());
        return [before, after] { (void)diff(*before, *after); };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling grouping n targets by n distinct keys")
{
    const double g = growth([](std::size_t n) {
        auto p = std::make_shared<plan>(skeleton());
        auto& m = p->focus_areas[0].measures[0];
        for (std::size_t i = 0; i < n; ++i) {
            m.targets.push_back(count_target(i));
            m.projects.push_back(linked_project(i, m.targets.back().id));  // category 类(i % 1000)
        }
        REQUIRE(aggregate_targets(*p, group_by::category).has_value());
        return [p] {
            (void)aggregate_targets({p.get()},
                                    [](const target_view& v) -> std::optional<std::string> { return v.item.id; });
        };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling loading an archive of n targets (ids checked for repeats as in JSON)")
{
    const double g = growth([](std::size_t n) {
        auto p = std::make_shared<plan>(skeleton());
        for (std::size_t i = 0; i < n; ++i) p->focus_areas[0].measures[0].targets.push_back(count_target(i));
        auto bytes = std::make_shared<std::string>(plan_to_archive(*p, archive_kind::binary).value());
        REQUIRE(plan_from_archive(*bytes).has_value());
        return [bytes] { (void)plan_from_archive(*bytes); };
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

namespace {

/// How much longer extracting text of 16n pieces takes than of n pieces.
double extraction_growth(std::size_t n, const std::function<std::string(std::size_t)>& piece,
                         const std::string& tail = "")
{
    auto make = [&](std::size_t count) {
        auto text = std::make_shared<std::string>();
        for (std::size_t i = 0; i < count; ++i) *text += piece(i);
        *text += tail;
        extract_options options;
        options.year = 2025;
        REQUIRE(extract(*text, options).has_value());
        return std::function<void()>([text, options] { (void)extract(*text, options); });
    };
    const auto small = make(n);
    const auto large = make(n * factor);
    return best_seconds(large) / best_seconds(small);
}

}  // namespace

TEST_CASE("scaling extraction of a report n paragraphs long")
{
    const double g = extraction_growth(200, [](std::size_t i) {
        const std::string k = std::to_string(i % 90 + 10);
        return "（一）聚焦发展，提升质量。全年新增规上工业企业" + k + "家、高新技术企业" + k +
               "家以上，固定资产投资增长8%左右，确保粮食总产量稳定在60万吨以上。\n1.扩大投资。新开工东湖产业园、西山基地等项目" +
               k + "个，其中亿元以上项目" + k + "个。\n";
    });
    MESSAGE("growth for 16x paragraphs: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling extraction of one line without punctuation, numerals all along")
{
    // one paragraph, one sentence, one clause: 16 times as long, 16 times the work
    const double g = extraction_growth(2'000, [](std::size_t i) {
        return "新增企业" + std::to_string(i % 97 + 1) + "家增长6%";
    });
    MESSAGE("growth for a 16x line: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling extraction of one clause of n items joined by 、")
{
    const double g = extraction_growth(2'000, [](std::size_t i) {
        return std::string(i % 3 == 0 ? "甲乙丙、" : "营收增长") + std::to_string(i % 50 + 1) + "%、";
    });
    MESSAGE("growth for 16x items: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling extraction of a line of text with no numeral and no punctuation")
{
    const double g = extraction_growth(4'000, [](std::size_t) { return std::string("推动高质量发展确保稳中求进"); });
    MESSAGE("growth for a 16x line: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling extraction of amounts inside nouns along one line")
{
    // 5万元企业5万元企业…: each amount a threshold before the next
    const double g = extraction_growth(2'000, [](std::size_t i) { return std::to_string(i % 9 + 1) + "万元企业"; });
    MESSAGE("growth for a 16x line: " << g);
    CHECK(g < linear_bound);
}

TEST_CASE("scaling extraction of a trend over n listed subjects")
{
    const double g = extraction_growth(
        1'000, [](std::size_t i) { return "甲乙丙" + std::to_string(i % 10) + "号、"; }, "覆盖率明显提高。");
    MESSAGE("growth for 16x subjects: " << g);
    CHECK(g < linear_bound);
}

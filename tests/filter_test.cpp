// Choosing targets and projects (govplan/filter.hpp) on the bundled plan.
#include <govplan/filter.hpp>
#include <govplan/json.hpp>
#include <govplan/validation.hpp>

#include <doctest/doctest.h>

#include <algorithm>

#include <filesystem>
#include <string>
#include <vector>

using namespace govplan;

namespace {

const plan& bundled()
{
    static const plan p = load_json(std::filesystem::path(GOVPLAN_SOURCE_DIR) / "data/yancheng-2025.json").value();
    return p;
}

std::vector<std::string> chosen_targets(const element_filter& f)
{
    std::vector<std::string> ids;
    for (auto [t, at] : each_target(bundled())) {
        if (matches(f, bundled(), t, at)) ids.push_back(t.id);
    }
    return ids;
}

std::vector<std::string> chosen_projects(const element_filter& f)
{
    std::vector<std::string> ids;
    for (auto [p, at] : each_project(bundled())) {
        if (matches(f, bundled(), p, at)) ids.push_back(p.id);
    }
    return ids;
}

}  // namespace

TEST_CASE("filter the everyday questions")
{
    element_filter none;
    CHECK(none.empty());
    CHECK(chosen_targets(none).size() == 100);
    CHECK(chosen_projects(none).size() == 81);

    // the binding targets of focus area 8
    element_filter binding8;
    binding8.focus = 8;
    binding8.commitment = commitment::binding;
    CHECK(!binding8.empty());
    CHECK(chosen_targets(binding8) == std::vector<std::string>{"t8-01", "t8-02", "t8-03", "t8-10", "t8-11", "t8-12", "t8-13"});

    // the targets of one measure, by words of its lead phrase, including none of the area's own
    element_filter measure;
    measure.measure = "扩大有效投资";
    CHECK(chosen_targets(measure) ==
          std::vector<std::string>{"t1-05", "t1-06", "t1-07", "t1-08", "t1-09", "t1-10", "t1-11"});
    element_filter area3;
    area3.focus = 3;
    area3.measure = "集群";  // measures of area 3 whose lead holds 集群: not the area's own targets t3-01…t3-03
    for (const auto& id : chosen_targets(area3)) {
        const bool own = id == "t3-01" || id == "t3-02" || id == "t3-03";
        CHECK(!own);
    }

    // a kind holds for targets only, a stage for projects only
    element_filter grades;
    grades.kind = target_kind::grade;
    CHECK(chosen_targets(grades) == std::vector<std::string>{"t4-15"});
    CHECK(chosen_projects(grades).empty());
    element_filter planning;
    planning.stage = project_stage::plan;
    CHECK(chosen_targets(planning).empty());
    const auto at_plan = chosen_projects(planning);
    CHECK(!at_plan.empty());
    for (auto [p, at] : each_project(bundled())) {
        const bool listed = std::find(at_plan.begin(), at_plan.end(), p.id) != at_plan.end();
        CHECK(listed == (p.stage == project_stage::plan));
    }
    // a focus that does not exist chooses nothing
    element_filter nowhere;
    nowhere.focus = 99;
    CHECK(chosen_targets(nowhere).empty());
}

TEST_CASE("filter select keeps the structure and drops references to what it left out")
{
    element_filter f;
    f.focus = 1;
    f.measure = "拼抢增量政策";
    const plan chosen = select(bundled(), f);
    REQUIRE(chosen.focus_areas.size() == bundled().focus_areas.size());
    CHECK(target_count(chosen) == 4);
    CHECK(project_count(chosen) == 10);
    CHECK(chosen.focus_areas[1].measures.size() == bundled().focus_areas[1].measures.size());
    CHECK(chosen.focus_areas[1].measures[0].targets.empty());
    // the projects kept still name their targets, which were kept too
    for (auto [p, at] : each_project(chosen)) {
        for (const auto& link : p.targets) CHECK(find_target(chosen, link.target_id) != nullptr);
    }
    // a selection of projects alone: their links to targets go, and it validates
    element_filter apply;
    apply.stage = project_stage::apply;
    const plan applied = select(bundled(), apply);
    CHECK(target_count(applied) == 0);
    CHECK(project_count(applied) > 0);
    for (const auto& d : validate(applied)) {
        CAPTURE(d.code);
        CHECK(d.severity != severity::error);
    }
}

#include <govplan/plan_index.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace govplan;
using govplan::testing::make_clean_plan;

TEST_CASE("plan index finds what find_target and find_project find")
{
    plan p = make_clean_plan();
    const plan_index index(p);
    for (auto [t, at] : each_target(p)) CHECK(index.find_target(t.id) == &t);
    CHECK(index.find_target("t-area-pp") == &p.focus_areas[0].targets[0]);
    CHECK(index.find_project("p-xiaolizhuang") == &p.focus_areas[0].measures[0].projects[1]);
    CHECK(index.find_target("p-wulimiao") == nullptr);  // a project id is not a target id
    CHECK(index.find_project("t-approved") == nullptr);
    CHECK(index.find_target("") == nullptr);
}

TEST_CASE("plan index: duplicate ids resolve to the first in document order")
{
    plan p = make_clean_plan();
    auto& ts = p.focus_areas[0].measures[0].targets;
    ts[5].id = ts[2].id;
    const plan_index index(p);
    CHECK(index.find_target(ts[2].id) == &ts[2]);
    CHECK(index.find_target(ts[2].id) == find_target(p, ts[2].id));
}

TEST_CASE("plan index links targets and projects either way, each once, in document order")
{
    plan p = make_clean_plan();
    auto& m = p.focus_areas[0].measures[0];
    const target& approved = m.targets[13];  // lists both projects, which also name it
    const plan_index index(p);
    const auto both = index.projects_of(approved);
    REQUIRE(both.size() == 2);
    CHECK(both[0] == &m.projects[0]);
    CHECK(both[1] == &m.projects[1]);
    CHECK(index.projects_naming("t-approved").size() == 2);
    CHECK(index.projects_naming("t-stored").empty());
    CHECK(index.projects_of(m.targets[1]).empty());

    // Listed only (in reverse order, one unknown), and named only.
    plan q = make_clean_plan();
    auto& qm = q.focus_areas[0].measures[0];
    qm.projects[0].targets.clear();
    qm.projects[1].targets = {{"t-firms", link_role::exemplifies}};
    qm.targets[13].project_ids = {"p-xiaolizhuang", "p-nowhere", "p-wulimiao", "p-wulimiao"};
    const plan_index qi(q);
    const auto listed = qi.projects_of(qm.targets[13]);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0] == &qm.projects[0]);  // document order, not list order
    CHECK(listed[1] == &qm.projects[1]);
    const auto named = qi.projects_of(qm.targets[3]);
    REQUIRE(named.size() == 1);
    CHECK(named[0]->id == "p-xiaolizhuang");
}

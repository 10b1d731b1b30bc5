// each_target / each_project: one walk over a plan, const and mutable.
#include <govplan/json.hpp>
#include <govplan/plan.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <ranges>
#include <string>
#include <utility>
#include <vector>

using namespace govplan;
using govplan::testing::make_clean_plan;

namespace {

target with_id(std::string id)
{
    target t;
    t.id = std::move(id);
    return t;
}

project project_with_id(std::string id)
{
    project p;
    p.id = std::move(id);
    return p;
}

/// Focus areas with empty lists in every place a walk could trip on.
plan sparse_plan()
{
    plan p;
    p.focus_areas.resize(4);
    // area 0: nothing at all
    // area 1: lead targets only, and an empty measure
    p.focus_areas[1].targets = {with_id("a"), with_id("b")};
    p.focus_areas[1].measures.resize(1);
    // area 2: no lead targets; an empty measure, then one with targets and projects
    p.focus_areas[2].measures.resize(2);
    p.focus_areas[2].measures[1].targets = {with_id("c")};
    p.focus_areas[2].measures[1].projects = {project_with_id("p1"), project_with_id("p2")};
    // area 3: a measure with a project and no target, then a measure with a target
    p.focus_areas[3].measures.resize(2);
    p.focus_areas[3].measures[0].projects = {project_with_id("p3")};
    p.focus_areas[3].measures[1].targets = {with_id("d")};
    return p;
}

template <class P>
constexpr bool walkable = requires(P&& p) {
    each_target(std::forward<P>(p));
    each_project(std::forward<P>(p));
};

}  // namespace

TEST_CASE("walk: every target and project once, in document order, with its position")
{
    const plan p = sparse_plan();
    std::vector<std::string> ids;
    std::vector<element_position> at;
    for (auto [t, position] : each_target(p)) {
        ids.push_back(t.id);
        at.push_back(position);
    }
    CHECK(ids == std::vector<std::string>{"a", "b", "c", "d"});
    REQUIRE(at.size() == 4);
    CHECK(at[0] == element_position{1, std::nullopt, 0});
    CHECK(at[1] == element_position{1, std::nullopt, 1});
    CHECK(at[1].in_lead());
    CHECK(at[2] == element_position{2, 1, 0});
    CHECK_FALSE(at[2].in_lead());
    CHECK(at[3] == element_position{3, 1, 0});

    ids.clear();
    at.clear();
    for (auto [pr, position] : each_project(p)) {
        ids.push_back(pr.id);
        at.push_back(position);
    }
    CHECK(ids == std::vector<std::string>{"p1", "p2", "p3"});
    REQUIRE(at.size() == 3);
    CHECK(at[0] == element_position{2, 1, 0});
    CHECK(at[1] == element_position{2, 1, 1});
    CHECK(at[2] == element_position{3, 0, 0});
}

TEST_CASE("walk: empty plans and plans without projects give empty ranges")
{
    const plan none;
    CHECK(each_target(none).begin() == each_target(none).end());
    plan areas_only;
    areas_only.focus_areas.resize(3);
    CHECK(std::ranges::distance(each_target(std::as_const(areas_only))) == 0);
    CHECK(std::ranges::distance(each_project(std::as_const(areas_only))) == 0);
}

TEST_CASE("walk: the ranges work with std::ranges and agree with the counts")
{
    const plan p = make_clean_plan();
    static_assert(std::ranges::input_range<decltype(each_target(p))>);
    static_assert(std::ranges::input_range<decltype(each_project(p))>);
    static_assert(std::ranges::borrowed_range<decltype(each_target(p))>);
    // a temporary plan would be destroyed before the loop body: it does not compile
    static_assert(!walkable<plan> && walkable<const plan&> && walkable<plan&>);
    CHECK(static_cast<std::size_t>(std::ranges::distance(each_target(p))) == target_count(p));
    CHECK(static_cast<std::size_t>(std::ranges::distance(each_project(p))) == project_count(p));
    auto in_lead = each_target(p) | std::views::filter([](const auto& e) { return e.position.in_lead(); });
    for (auto [t, at] : in_lead) CHECK(&t == &p.focus_areas[at.focus_area].targets[at.index]);
}

TEST_CASE("walk: a mutable plan's elements change in place")
{
    plan p = sparse_plan();
    for (auto [t, at] : each_target(p)) t.metric = "m" + std::to_string(at.index);
    for (auto [pr, at] : each_project(p)) pr.name = "n" + std::to_string(at.focus_area);
    CHECK(p.focus_areas[1].targets[1].metric == "m1");
    CHECK(p.focus_areas[3].measures[1].targets[0].metric == "m0");
    CHECK(p.focus_areas[2].measures[1].projects[1].name == "n2");
    CHECK(p.focus_areas[3].measures[0].projects[0].name == "n3");
}

TEST_CASE("walk: find_target on a mutable plan finds the first of two equal ids, as with_observations does")
{
    plan p = make_clean_plan();
    auto& ts = p.focus_areas[0].measures[0].targets;
    ts[5].id = ts[2].id;
    target* found = find_target(p, ts[2].id);
    CHECK(found == &ts[2]);
    CHECK(found == find_target(std::as_const(p), ts[2].id));
    CHECK(find_project(p, "p-xiaolizhuang") == &p.focus_areas[0].measures[0].projects[1]);
    CHECK(find_target(p, "no such id") == nullptr);

    observation_file obs;
    obs.plan_id = p.id;
    obs.entries.push_back({ts[2].id, observation{}});
    const auto with = with_observations(p, obs);
    REQUIRE(with.has_value());
    CHECK(with->focus_areas[0].measures[0].targets[2].observations.size() == 1);
    CHECK(with->focus_areas[0].measures[0].targets[5].observations.empty());
}

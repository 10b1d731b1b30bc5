// boxed_optional: an optional held out of line, read like std::optional.
#include <govplan/boxed_optional.hpp>
#include <govplan/project.hpp>
#include <govplan/target.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using govplan::boxed_optional;

TEST_CASE("boxed_optional reads like std::optional")
{
    boxed_optional<std::string> box;
    CHECK_FALSE(box.has_value());
    CHECK_FALSE(box);
    CHECK(box == std::nullopt);
    CHECK(box.value_or("fallback") == "fallback");
    CHECK_THROWS_AS((void)box.value(), std::bad_optional_access);
    CHECK_THROWS_AS((void)*box, std::bad_optional_access);
    CHECK_THROWS_AS((void)box->size(), std::bad_optional_access);

    box = std::string("规上工业企业");
    REQUIRE(box);
    CHECK(*box == "规上工业企业");
    CHECK(box->size() == 18);
    CHECK(box.value() == "规上工业企业");
    CHECK(box == std::string("规上工业企业"));
    CHECK(box.value_or("fallback") == "规上工业企业");

    box.emplace(3, 'x');
    CHECK(*box == "xxx");
    box = {};  // empties it, as `optional = {}` does
    CHECK_FALSE(box);
    box = "again";
    box = std::nullopt;
    CHECK_FALSE(box);
    box = "again";
    box.reset();
    CHECK_FALSE(box);

    const std::optional<std::string> some("from optional"), none;
    CHECK(boxed_optional<std::string>() == none);  // both empty: equal, either way round
    CHECK(none == boxed_optional<std::string>());
    CHECK_FALSE(boxed_optional<std::string>() == some);
    CHECK(boxed_optional<std::string>(some) == some);
    boxed_optional<std::string> from_some(some), from_none(none);
    CHECK(*from_some == "from optional");
    CHECK_FALSE(from_none);
}

TEST_CASE("boxed_optional is a value: copies are deep, equality is by value")
{
    boxed_optional<std::string> a(std::string("镇办"));
    boxed_optional<std::string> b = a;
    REQUIRE(b);
    CHECK(&*a != &*b);  // its own allocation
    CHECK(a == b);
    *b = "楼盘";
    CHECK(*a == "镇办");
    CHECK_FALSE(a == b);

    boxed_optional<std::string> c;
    CHECK_FALSE(a == c);
    CHECK_FALSE(c == a);
    CHECK(c == boxed_optional<std::string>());
    c = a;  // into an empty one
    CHECK(c == a);
    c = boxed_optional<std::string>();  // from an empty one
    CHECK_FALSE(c);
    c = a;
    const auto& same = c;
    c = same;  // self-assignment keeps the value
    CHECK(*c == "镇办");

    boxed_optional<std::string> moved = std::move(a);
    CHECK(*moved == "镇办");
}

TEST_CASE("boxed_optional keeps a target's rare members out of line")
{
    // a target holds a pointer for each of baseline, scope and group, not their room
    static_assert(sizeof(boxed_optional<govplan::target_scope>) == sizeof(void*));
    static_assert(sizeof(boxed_optional<govplan::baseline>) == sizeof(void*));
    govplan::target t;
    CHECK_FALSE(t.scope);
    t.scope = govplan::target_scope{std::nullopt, "个", "镇办", {}};
    REQUIRE(t.scope);
    CHECK(t.scope->noun == "镇办");
    govplan::target copy = t;
    CHECK(copy == t);
    copy.scope->noun = "楼盘";
    CHECK_FALSE(copy == t);
    CHECK(t.scope->noun == "镇办");
}

TEST_CASE("boxed_optional converts to std::optional, for code written against one")
{
    govplan::target t;
    std::optional<govplan::decimal> low = t.low;
    CHECK_FALSE(low);
    t.low = govplan::decimal(25, 1);
    low = t.low;
    REQUIRE(low);
    CHECK(*low == govplan::decimal(25, 1));
    *t.low = -*t.low;
    CHECK(*low == govplan::decimal(25, 1));  // a copy
}

using govplan::boxed;
using govplan::responsibility;

TEST_CASE("boxed reads as its value, T{} while empty, and allocates only to hold one")
{
    boxed<responsibility> box;
    CHECK(box.empty());
    CHECK(box->leader.empty());  // reading an empty box reads T{}
    CHECK(*box == responsibility{});
    CHECK(box == responsibility{});
    CHECK(&*box == &*boxed<responsibility>());  // one shared empty value, no allocation
    CHECK_FALSE(box.allocated());

    box.edit().lead_units.push_back("住建局");
    CHECK_FALSE(box.empty());
    CHECK(box->lead_units == std::vector<std::string>{"住建局"});
    const responsibility* held = &*box;
    box.edit().leader = "副区长";
    CHECK(&*box == held);  // edit() allocates once
    CHECK(box.allocated());
    CHECK(box->leader == "副区长");

    box = responsibility{};  // assigning the empty value frees the allocation
    CHECK(box.empty());
    CHECK_FALSE(box.allocated());
    box = responsibility{{"生态环境分局"}, {"自然资源局"}, ""};
    CHECK(box->partner_units.size() == 1);
    box = {};
    CHECK(box.empty());
    box = responsibility{{"a"}, {}, ""};
    box.reset();
    CHECK(box.empty());
    CHECK_FALSE(box.allocated());
    (void)box.edit();  // an edit that leaves T{} keeps its allocation until reset
    CHECK(box.empty());
    CHECK(box.allocated());

    boxed<responsibility> from_empty(responsibility{});
    CHECK_FALSE(from_empty.allocated());
    boxed<responsibility> from_value(responsibility{{}, {}, "区长"});
    CHECK(from_value->leader == "区长");

    // allocated but emptied by hand: still empty, still equal to an empty box
    boxed<responsibility> emptied;
    emptied.edit().leader = "x";
    emptied.edit().leader.clear();
    CHECK(emptied.empty());
    CHECK(emptied == boxed<responsibility>());
}

TEST_CASE("boxed is a value: copies are deep, equality is by value, a moved-from box is empty")
{
    boxed<responsibility> a(responsibility{{"住建局"}, {}, ""});
    boxed<responsibility> b = a;
    CHECK(&*a != &*b);
    CHECK(a == b);
    b.edit().leader = "副区长";
    CHECK(a->leader.empty());
    CHECK_FALSE(a == b);
    a = b;
    CHECK(a == b);
    const auto& same = a;
    a = same;
    CHECK(a->leader == "副区长");
    boxed<responsibility> c;
    a = c;  // from an empty one
    CHECK(a.empty());

    boxed<responsibility> moved = std::move(b);
    CHECK(moved->leader == "副区长");
    CHECK(b.empty());  // NOLINT(bugprone-use-after-move): documented

    static_assert(sizeof(boxed<responsibility>) == sizeof(void*));
    govplan::project p;
    p.responsibility.edit().leader = "区长";
    govplan::project copy = p;
    copy.responsibility.edit().leader = "副区长";
    CHECK(p.responsibility->leader == "区长");
    CHECK_FALSE(copy == p);
}

TEST_CASE("boxed orders as its value: sorting, map keys, comparison with a T")
{
    std::vector<boxed<std::string>> grades;
    for (const char* g : {"5A级", "", "AA级", "3A级"}) grades.emplace_back(std::string(g));
    std::sort(grades.begin(), grades.end());
    CHECK(grades.front().empty());
    CHECK(*grades[1] == "3A级");
    CHECK(*grades.back() == "AA级");
    CHECK(grades[1] < grades[2]);
    CHECK(grades[1] < std::string("4A级"));
    CHECK(grades[2] == "5A级");  // against a literal: one meaning
    CHECK("5A级" == grades[2]);

    std::map<boxed<std::string>, int> by_grade;
    by_grade[grades[1]] = 3;
    by_grade[boxed<std::string>(std::string("AA级"))] = 2;
    CHECK(by_grade.at(grades.back()) == 2);
    CHECK(by_grade.size() == 2);

    // a boxed string where a const std::string& or a std::string_view is asked for
    auto size_of = [](const std::string& s) { return s.size(); };
    auto view_size = [](std::string_view s) { return s.size(); };
    CHECK(size_of(grades[1]) == 5);
    CHECK(view_size(grades[1]) == 5);
}

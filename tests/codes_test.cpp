#include <govplan/codes.hpp>
#include <govplan/project.hpp>
#include <govplan/target.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace govplan;

TEST_CASE("codes are stable English names")
{
    CHECK(to_code(comparator::at_least) == "at_least");
    CHECK(to_code(target_kind::pp_change) == "pp_change");
    CHECK(to_code(commitment::aspirational) == "aspirational");
    CHECK(to_code(project_stage::operate) == "operate");
    CHECK(to_code(dimension::percentage_point) == "percentage_point");
    CHECK(all_codes<comparator>() == std::vector<std::string_view>{"at_least", "more_than", "at_most", "less_than",
                                                                  "exactly", "about", "range", "direction", "within", "none"});
    CHECK(all_codes<project_stage>() == std::vector<std::string_view>{"apply", "plan", "prepare", "start", "build",
                                                                     "complete", "operate", "other"});
}

TEST_CASE("codes parse back and reject unknown text")
{
    for (auto c : all_values<comparator>()) CHECK(from_code<comparator>(to_code(c)) == c);
    CHECK_FALSE(from_code<comparator>("AT_LEAST").has_value());
    CHECK_FALSE(from_code<comparator>("").has_value());
    CHECK_FALSE(from_code<commitment>("binding ").has_value());
    CHECK_THROWS_AS((void)to_code(static_cast<comparator>(99)), std::invalid_argument);
}

TEST_CASE("codes carry their Chinese cue words")
{
    auto has = [](auto span, std::string_view word) { return std::find(span.begin(), span.end(), word) != span.end(); };
    CHECK(has(cue_words(comparator::at_least), "以上"));
    CHECK(has(cue_words(comparator::at_least), "不低于"));
    CHECK(has(cue_words(comparator::more_than), "突破"));
    CHECK(has(cue_words(comparator::at_most), "以内"));
    CHECK(has(cue_words(comparator::about), "左右"));
    CHECK(has(cue_words(commitment::binding), "确保"));
    CHECK(has(cue_words(commitment::aspirational), "力争"));
    CHECK(has(cue_words(commitment::aspirational), "争创"));
    CHECK(has(cue_words(project_stage::operate), "投产"));
    CHECK(cue_words(comparator::exactly).empty());
    CHECK(cue_words(commitment::expected).empty());
}

TEST_CASE("codes inclusive bounds follow the Civil Code reading")
{
    CHECK(includes_bound(comparator::at_least));   // 以上
    CHECK(includes_bound(comparator::at_most));    // 以下 以内
    CHECK_FALSE(includes_bound(comparator::more_than));  // 突破 超过
    CHECK_FALSE(includes_bound(comparator::less_than));
    CHECK(includes_bound(comparator::exactly));
}

TEST_CASE("codes kind and dimension compatibility")
{
    CHECK(kind_accepts(target_kind::growth_rate, dimension::percent));
    CHECK_FALSE(kind_accepts(target_kind::growth_rate, dimension::area));
    CHECK(kind_accepts(target_kind::pp_change, dimension::percentage_point));
    CHECK_FALSE(kind_accepts(target_kind::pp_change, dimension::percent));
    CHECK(kind_accepts(target_kind::level, dimension::area));
    CHECK_FALSE(kind_accepts(target_kind::amount, dimension::count));
    CHECK(kind_accepts(target_kind::count, dimension::count));
}

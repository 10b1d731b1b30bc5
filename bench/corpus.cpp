#include "corpus.hpp"

#include <govplan/json.hpp>

#include <fmt/format.h>

namespace govplan::bench {
namespace {

/// Scales a stated number by 1.0, 1.1, … 1.9 depending on the plan: exact.
decimal vary(const decimal& d, std::size_t i)
{
    const decimal factor(static_cast<std::int64_t>(10 + i % 10), 1);
    return decimal::multiply(d, factor).value_or(d);
}

}  // namespace

const plan& template_plan()
{
    static const plan p = load_json(GOVPLAN_BUNDLED_PLAN).value();
    return p;
}

plan make_plan(std::size_t i)
{
    plan p = template_plan();
    p.id = fmt::format("county-{:04}-2025", i);
    p.jurisdiction.district = fmt::format("第{}县", i);
    p.title = fmt::format("第{}县2025年重点工作安排", i);
    std::size_t n = 0;
    auto touch = [&](target& t) {
        for (auto* v : {&t.value, &t.low, &t.high, &t.stretch})
            if (*v) **v = vary(**v, i);
        if (n++ % 5 == 0 && t.value && !t.unit.empty()) {
            t.observations.push_back({date(2025, 6, 30), {decimal::multiply(*t.value, decimal(5, 1)).value_or(*t.value), t.unit},
                                      "synthetic", "benchmark"});
        }
    };
    for (auto& area : p.focus_areas) {
        for (auto& t : area.targets) touch(t);
        for (auto& m : area.measures)
            for (auto& t : m.targets) touch(t);
    }
    return p;
}

std::vector<std::string> make_json_corpus(std::size_t n)
{
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(plan_to_json(make_plan(i)));
    return out;
}

}  // namespace govplan::bench

#include <govplan/format.hpp>
#include <govplan/govplan.hpp>
#include <govplan/json.hpp>

#include <fmt/core.h>

int main()
{
    using namespace govplan::literals;

    // Exact decimals: no binary floating point anywhere.
    fmt::print("{}\n", "0.1"_dec + "0.2"_dec);  // 0.3

    // Units with a dimension and an exact scale.
    const auto& units = govplan::unit_registry::standard();
    const govplan::quantity farmland{"42"_dec, units.find("万亩").value()};
    fmt::print("{} = {}\n", farmland, govplan::convert(farmland, units.find("亩").value()).value());

    // Load the bundled plan, validate it, walk its targets.
    const auto plan = govplan::load_json("data/yancheng-2025.json");
    if (!plan) {
        fmt::print(stderr, "{}\n", plan.error());  // file:/pointer (line L, column C): message
        return 1;
    }
    fmt::print("{} diagnostics\n", govplan::validate(*plan).size());
    for (auto [t, at] : govplan::each_target(*plan)) {  // at: focus area, measure, index
        if (t.commitment == govplan::commitment::binding)
            fmt::print("binding: {} {}\n", t.metric, govplan::requirement_text(t));
    }
}

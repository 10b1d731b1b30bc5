// A tiny program using govplan as a user would; shared by both consumer tests.
#include <govplan/format.hpp>
#include <govplan/govplan.hpp>

#include <fmt/core.h>

int main()
{
    using namespace govplan::literals;
    const govplan::decimal sum = "0.1"_dec + "0.2"_dec;
    const auto& units = govplan::unit_registry::standard();
    auto converted = govplan::convert({"2"_dec, units.find("万单").value()}, units.find("单").value());
    if (!converted || converted->value != "20000"_dec || sum != "0.3"_dec) return 1;
    fmt::print("consumer: {} ok\n", sum);
    return 0;
}

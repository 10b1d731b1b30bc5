// Prints the target summary of a plan file: its header, the targets and
// projects per focus area and by commitment, and a table of every target.
// Columns stay aligned in a terminal with Chinese text (wide characters
// count two columns).
//
//   plan_summary [PLAN.json]     (default: the bundled data/yancheng-2025.json)
#include <govplan/format.hpp>
#include <govplan/json.hpp>
#include <govplan/report.hpp>
#include <govplan/validation.hpp>

#include <fmt/core.h>

#include <string>

int main(int argc, char** argv)
{
    if (argc > 2) {
        fmt::print(stderr, "usage: plan_summary [PLAN.json]\n");
        return 2;
    }
#ifdef GOVPLAN_DEFAULT_PLAN
    const std::string file = argc > 1 ? argv[1] : GOVPLAN_DEFAULT_PLAN;
#else
    if (argc < 2) {
        fmt::print(stderr, "usage: plan_summary [PLAN.json]\n");
        return 2;
    }
    const std::string file = argv[1];
#endif
    const auto loaded = govplan::load_json(file);
    if (!loaded) {
        fmt::print(stderr, "plan_summary: {}\n", loaded.error());
        return 1;
    }
    const govplan::plan& p = *loaded;
    const auto diagnostics = govplan::validate(p);

    fmt::print("{}\n", p.title);
    fmt::print("  Jurisdiction  {} ({}), issued by {}\n", p.jurisdiction.full_name(), p.jurisdiction.level,
               p.issuing_body);
    fmt::print("  Period        {} to {}\n", p.period.begin(), p.period.last());
    fmt::print("  Report date   {}{}\n", p.report_date, p.session.empty() ? "" : ", " + p.session);
    if (!p.theme.empty()) fmt::print("  Theme         {}\n", p.theme);
    fmt::print("  Contents      {} focus areas, {} targets, {} named projects; validation {} errors, {} warnings\n\n",
               p.focus_areas.size(), govplan::target_count(p), govplan::project_count(p),
               govplan::error_count(diagnostics), govplan::warning_count(diagnostics));

    fmt::print("{}\n", govplan::render(govplan::focus_area_table(p), govplan::report_format::text));
    fmt::print("Targets\n{}", govplan::render(govplan::targets_table(p), govplan::report_format::text));
    return 0;
}

// Prints the target summary of a plan file: its header, the targets and
// projects per focus area, and a table of every target. Columns stay aligned
// in a terminal with Chinese text (wide characters count two columns).
//
//   plan_summary [PLAN.json]     (default: the bundled data/yancheng-2025.json)
#include <govplan/format.hpp>
#include <govplan/govplan.hpp>
#include <govplan/json.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace {

using row = std::vector<std::string>;

/// Prints rows under a header, each column as wide as its widest cell.
void print_table(const row& header, const std::vector<row>& rows, const std::vector<bool>& right_aligned)
{
    std::vector<std::size_t> widths(header.size());
    auto measure = [&](const row& r) {
        for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], govplan::display_width(r[i]));
    };
    measure(header);
    for (const auto& r : rows) measure(r);
    auto print_row = [&](const row& r) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (i > 0) line += "  ";
            const bool last = i + 1 == r.size();
            if (right_aligned[i]) line += fmt::format("{:>{}}", r[i], widths[i]);
            else line += last ? r[i] : fmt::format("{:<{}}", r[i], widths[i]);
        }
        fmt::print("{}\n", line);
    };
    print_row(header);
    row rule;
    for (auto w : widths) rule.push_back(std::string(w, '-'));
    print_row(rule);
    for (const auto& r : rows) print_row(r);
}

std::string kind_label(govplan::target_kind k)
{
    switch (k) {
    case govplan::target_kind::amount: return "amount";
    case govplan::target_kind::count: return "count";
    case govplan::target_kind::level: return "level";
    case govplan::target_kind::share: return "share";
    case govplan::target_kind::growth_rate: return "growth";
    case govplan::target_kind::reduction_rate: return "reduction";
    case govplan::target_kind::pp_change: return "pp change";
    case govplan::target_kind::direction: return "direction";
    }
    return "?";
}

}  // namespace

int main(int argc, char** argv)
{
#ifdef GOVPLAN_DEFAULT_PLAN
    const std::string file = argc > 1 ? argv[1] : GOVPLAN_DEFAULT_PLAN;
#else
    if (argc < 2) {
        fmt::print(stderr, "usage: plan_summary PLAN.json\n");
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

    std::vector<row> areas;
    std::array<std::size_t, 3> totals{};
    for (const auto& area : p.focus_areas) {
        std::array<std::size_t, 3> by_commitment{};
        std::size_t targets = area.targets.size(), projects = 0;
        for (const auto& t : area.targets) ++by_commitment[static_cast<std::size_t>(t.commitment)];
        for (const auto& m : area.measures) {
            targets += m.targets.size();
            projects += m.projects.size();
            for (const auto& t : m.targets) ++by_commitment[static_cast<std::size_t>(t.commitment)];
        }
        for (std::size_t i = 0; i < 3; ++i) totals[i] += by_commitment[i];
        areas.push_back({std::to_string(area.ordinal), area.title + (area.aim.empty() ? "" : " · " + area.aim),
                         std::to_string(area.measures.size()), std::to_string(targets), std::to_string(projects),
                         std::to_string(by_commitment[0]), std::to_string(by_commitment[1]),
                         std::to_string(by_commitment[2])});
    }
    areas.push_back({"", "total", "", std::to_string(govplan::target_count(p)), std::to_string(govplan::project_count(p)),
                     std::to_string(totals[0]), std::to_string(totals[1]), std::to_string(totals[2])});
    print_table({"#", "Focus area", "Measures", "Targets", "Projects", "Binding", "Expected", "Aspirational"}, areas,
                {true, false, true, true, true, true, true, true});

    fmt::print("\nTargets\n");
    std::vector<row> targets;
    govplan::for_each_target(p, [&](const govplan::target& t, const govplan::element_position& at) {
        std::string metric = t.metric;
        if (!t.qualifier.empty()) metric += " (" + t.qualifier + ")";
        targets.push_back({std::to_string(p.focus_areas[at.focus_area].ordinal), metric, kind_label(t.kind),
                           govplan::requirement_text(t), std::string(govplan::to_code(t.commitment))});
    });
    print_table({"#", "Metric", "Kind", "Requirement", "Commitment"}, targets, {true, false, false, false, false});
    return 0;
}

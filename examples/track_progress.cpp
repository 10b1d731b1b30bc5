// Loads a plan and a file of observations and prints where each observed
// target stands on a date, then the roll-up per focus area.
//
//   track_progress [PLAN.json OBSERVATIONS.json AS_OF]
//   (default: the bundled plan, its illustrative observations, 2025-06-30)
#include <govplan/json.hpp>
#include <govplan/progress.hpp>
#include <govplan/report.hpp>

#include <fmt/core.h>

#include <string>

int main(int argc, char** argv)
{
#ifdef GOVPLAN_DATA_DIR
    const std::string plan_file = argc > 1 ? argv[1] : GOVPLAN_DATA_DIR "/yancheng-2025.json";
    const std::string observation_file = argc > 2 ? argv[2] : GOVPLAN_DATA_DIR "/yancheng-2025-observations.json";
#else
    if (argc < 3) {
        fmt::print(stderr, "usage: track_progress PLAN.json OBSERVATIONS.json [AS_OF]\n");
        return 2;
    }
    const std::string plan_file = argv[1];
    const std::string observation_file = argv[2];
#endif
    const auto as_of = govplan::parse_date(argc > 3 ? argv[3] : "2025-06-30");
    if (!as_of) {
        fmt::print(stderr, "track_progress: {}\n", as_of.error().to_string());
        return 2;
    }
    const auto loaded = govplan::load_json(plan_file);
    if (!loaded) {
        fmt::print(stderr, "track_progress: {}\n", loaded.error().to_string());
        return 1;
    }
    const auto observations = govplan::load_observations(observation_file, *loaded);
    if (!observations) {
        fmt::print(stderr, "track_progress: {}\n", observations.error().to_string());
        return 1;
    }
    const auto plan = govplan::with_observations(*loaded, *observations).value();

    fmt::print("{} — progress as of {}\n", plan.title, govplan::to_iso_string(*as_of));
    if (observations->illustrative) fmt::print("NOTE: {}\n", observations->note);
    fmt::print("\n");

    const auto progress = govplan::evaluate_progress(plan, *as_of);
    std::vector<govplan::target_progress> observed;
    for (const auto& p : progress)
        if (p.status != govplan::progress_status::no_data) observed.push_back(p);
    fmt::print("{}", govplan::render(govplan::to_table(plan, observed), govplan::report_format::text));
    fmt::print("\n{} of {} targets have no observation yet.\n\n", progress.size() - observed.size(), progress.size());
    fmt::print("{}", govplan::render(govplan::to_table(govplan::rollup_progress(plan, progress)),
                                     govplan::report_format::text));
    return 0;
}

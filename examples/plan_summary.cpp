// Prints the target summary of a plan file: its header, the targets and
// projects per focus area and by commitment, and a table of every target.
// Columns stay aligned in a terminal with Chinese text (wide characters
// count two columns). With --format html it writes the same summary as a
// self-contained page with charts instead (open it in a browser).
//
//   plan_summary [--format text|markdown|csv|json|html] [PLAN.json]
//                (default: text, and the bundled data/yancheng-2025.json)
#include <govplan/codes.hpp>
#include <govplan/format.hpp>
#include <govplan/json.hpp>
#include <govplan/report.hpp>

#include <fmt/core.h>

#include <string>
#include <string_view>

namespace {

int usage()
{
    fmt::print(stderr, "usage: plan_summary [--format text|markdown|csv|json|html] [PLAN.json]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv)
{
    auto format = govplan::report_format::text;
    int arg = 1;
    if (arg < argc && std::string_view(argv[arg]) == "--format") {
        if (arg + 1 >= argc) return usage();
        const auto named = govplan::from_code<govplan::report_format>(argv[arg + 1]);
        if (!named) return usage();
        format = *named;
        arg += 2;
    }
    if (argc - arg > 1) return usage();
#ifdef GOVPLAN_DEFAULT_PLAN
    const std::string file = arg < argc ? argv[arg] : GOVPLAN_DEFAULT_PLAN;
#else
    if (arg >= argc) return usage();
    const std::string file = argv[arg];
#endif
    const auto loaded = govplan::load_json(file);
    if (!loaded) {
        fmt::print(stderr, "plan_summary: {}\n", loaded.error());
        return 1;
    }
    // The header, the focus-area table and the targets table in one document:
    // what `govplan summary --format …` prints.
    fmt::print("{}", govplan::render(*loaded, format));
    return 0;
}

// Reads a work report's text into a draft plan and prints what came of it:
// the draft's summary per focus area, the numerals set aside by reason, and
// the first targets with the clause each came from. A person reviews the
// draft (see docs/extraction.md); nothing in it is final.
//
//   extract_report [REPORT.txt [YEAR]]   (default: the bundled data/yancheng-2025.txt)
#include <govplan/codes.hpp>
#include <govplan/extract.hpp>
#include <govplan/format.hpp>
#include <govplan/report.hpp>

#include <fmt/core.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

int main(int argc, char** argv)
{
    if (argc > 3) {
        fmt::print(stderr, "usage: extract_report [REPORT.txt [YEAR]]\n");
        return 2;
    }
#ifdef GOVPLAN_DEFAULT_REPORT
    const std::string file = argc > 1 ? argv[1] : GOVPLAN_DEFAULT_REPORT;
#else
    if (argc < 2) {
        fmt::print(stderr, "usage: extract_report [REPORT.txt [YEAR]]\n");
        return 2;
    }
    const std::string file = argv[1];
#endif
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        fmt::print(stderr, "extract_report: {}: cannot open: {}\n", file, std::strerror(errno));
        return 1;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = std::move(buffer).str();

    govplan::extract_options options;
    options.plan_id = "draft";
    if (argc > 2) options.year = std::atoi(argv[2]);
    const auto x = govplan::extract(text, options);
    if (!x) {
        fmt::print(stderr, "extract_report: {}: {}\n", file, x.error());
        return 1;
    }
    const govplan::plan& draft = x->draft;
    fmt::print("{} ({})\n", draft.title, draft.year);
    fmt::print("  {} focus areas, {} targets, {} named projects, {} numerals in the text\n\n",
               draft.focus_areas.size(), govplan::target_count(draft), govplan::project_count(draft),
               x->numerals.size());
    fmt::print("{}\n", govplan::render(govplan::focus_area_table(draft), govplan::report_format::text));

    std::map<govplan::set_aside_reason, std::size_t> aside;
    for (const auto& n : x->numerals) {
        if (n.use == govplan::numeral_use::set_aside) ++aside[n.reason];
    }
    fmt::print("Numerals set aside:");
    for (const auto& [reason, count] : aside) fmt::print(" {} {};", govplan::to_code(reason), count);
    fmt::print("\n\nFirst targets, each with its clause:\n");
    std::size_t shown = 0;
    for (auto [t, at] : govplan::each_target(draft)) {
        if (shown++ < 8)
            fmt::print("  {}  {}  {}  ({}) ← {}\n", t.id, t.metric, govplan::requirement_text(t), t.commitment,
                       t.provenance.clause);
    }
    if (!x->notes.empty()) fmt::print("\n{} notes for the reviewer (govplan extract --explain lists them)\n", x->notes.size());
    return 0;
}

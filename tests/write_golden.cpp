// Writes the golden files of the current format version into DIR, from the
// hand-built plan of that version in tests/golden_plan.hpp. Run it once, by
// hand, when a new format version is introduced, and commit the files beside
// the old ones (docs/format.md, "Versions and golden files"):
//   build/dev/tests/govplan_write_golden tests/data
// It never overwrites a file: golden files are frozen once written.
#include <govplan/archive.hpp>
#include <govplan/json.hpp>

#include <govplan/codes.hpp>

#include "golden_plan.hpp"

#include <iostream>
#include <vector>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: govplan_write_golden DIR\n";
        return 2;
    }
    static_assert(govplan::archive_format_version == 2 && govplan::json_format_version == 2,
                  "write from golden_plan_vN() of the new version");
    const std::filesystem::path dir = argv[1];
    const govplan::plan p = govplan::testing::golden_plan_v2();
    const auto version = std::to_string(govplan::archive_format_version);
    std::vector<std::filesystem::path> files{dir / ("golden-v" + version + ".json")};
    for (auto kind : {govplan::archive_kind::text, govplan::archive_kind::xml, govplan::archive_kind::binary})
        files.push_back(dir / ("golden-v" + version + "." + std::string(govplan::to_code(kind)) + ".govplan"));
    for (const auto& file : files) {
        if (std::filesystem::exists(file)) {
            std::cerr << "govplan_write_golden: " << file.string()
                      << " exists; golden files are never rewritten (bump the format version instead)\n";
            return 1;
        }
    }
    auto report = [](const govplan::result<void>& r, const std::filesystem::path& file) {
        if (!r) {
            std::cerr << "govplan_write_golden: " << r.error().to_string() << "\n";
            return false;
        }
        std::cout << "wrote " << file.string() << "\n";
        return true;
    };
    if (!report(govplan::save_json(p, files[0]), files[0])) return 1;
    std::size_t i = 1;
    for (auto kind : {govplan::archive_kind::text, govplan::archive_kind::xml, govplan::archive_kind::binary}) {
        if (!report(govplan::save_archive(p, files[i], kind), files[i])) return 1;
        ++i;
    }
    return 0;
}

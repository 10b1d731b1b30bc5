// Writes the golden files of tests/data from the plan in tests/support.hpp.
// Run it only when the format version changes, and commit the new files
// beside the old ones: the old ones must keep loading.
//   build/dev/tests/govplan_write_golden tests/data
#include <govplan/archive.hpp>
#include <govplan/json.hpp>

#include "support.hpp"

#include <iostream>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: govplan_write_golden DIR\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    const govplan::plan p = govplan::testing::make_clean_plan();
    const auto version = std::to_string(govplan::archive_format_version);
    govplan::save_json(p, dir / ("golden-v" + version + ".json")).value();
    for (auto kind : {govplan::archive_kind::text, govplan::archive_kind::xml, govplan::archive_kind::binary}) {
        const auto name = "golden-v" + version + "." + std::string(govplan::to_code(kind)) + ".govplan";
        govplan::save_archive(p, dir / name, kind).value();
        std::cout << "wrote " << (dir / name).string() << "\n";
    }
}

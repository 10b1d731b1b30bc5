// Every committed fuzz seed and every past fuzz finding, run through the same
// targets as the libFuzzer harnesses (tests/fuzz/targets.hpp), so that a fixed
// crash stays fixed in the normal test suite, under the sanitizers too.
#include <doctest/doctest.h>

#include "fuzz/targets.hpp"
#include "temp_dir.hpp"

#include <filesystem>
#include <functional>
#include <map>

namespace {

const std::map<std::string, std::function<void(std::string_view)>>& targets()
{
    static const std::map<std::string, std::function<void(std::string_view)>> all = {
        {"json", govplan::fuzz::json_target},
        {"decimal", govplan::fuzz::decimal_target},
        {"unit", govplan::fuzz::unit_target},
        {"envelope", govplan::fuzz::envelope_target},
        {"archive_text", [](std::string_view s) { govplan::fuzz::archive_target(govplan::archive_kind::text, s); }},
        {"archive_xml", [](std::string_view s) { govplan::fuzz::archive_target(govplan::archive_kind::xml, s); }},
        {"archive_binary", [](std::string_view s) { govplan::fuzz::archive_target(govplan::archive_kind::binary, s); }},
        {"extract", govplan::fuzz::extract_target},
    };
    return all;
}

/// Runs every file of every target directory under `root`; each must pass
/// its target without a finding. Returns the number of files per target.
std::map<std::string, std::size_t> run_all(const std::filesystem::path& root)
{
    std::map<std::string, std::size_t> files;
    REQUIRE_MESSAGE(std::filesystem::is_directory(root), root.string() << " is missing");
    for (const auto& dir : std::filesystem::directory_iterator(root)) {
        const auto name = dir.path().filename().string();
        const auto target = targets().find(name);
        REQUIRE_MESSAGE(target != targets().end(), "no fuzz target named " << name);
        for (const auto& file : std::filesystem::directory_iterator(dir.path())) {
            INFO(file.path().string());
            const std::string input = govplan::testing::read_all(file.path());
            CHECK_NOTHROW(target->second(input));
            ++files[name];
        }
    }
    return files;
}

const std::filesystem::path fuzz_dir = std::filesystem::path(GOVPLAN_SOURCE_DIR) / "tests" / "fuzz";

}  // namespace

TEST_CASE("fuzz seeds run cleanly through every target")
{
    const auto files = run_all(fuzz_dir / "seeds");
    // Every harness has seeds of its own.
    for (const auto& [name, target] : targets()) CHECK_MESSAGE(files.count(name) == 1, "no seeds for " << name);
}

TEST_CASE("fuzz past findings stay fixed")
{
    const auto files = run_all(fuzz_dir / "regressions");
    // The period with one special end (docs/reliability.md) is among them.
    CHECK(files.count("archive_binary") == 1);
    CHECK(std::filesystem::is_regular_file(fuzz_dir / "regressions" / "archive_binary" / "period-with-one-special-end"));
}

TEST_CASE("fuzz a finding fails the check instead of passing")
{
    // The JSON target refuses to accept a plan that does not read back: feed
    // it through the finding path directly.
    CHECK_THROWS_AS(govplan::fuzz::finding("test"), govplan::fuzz::finding_error);
}

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
    };
    return all;
}

std::size_t run_all(const std::filesystem::path& root)
{
    std::size_t inputs = 0;
    if (!std::filesystem::exists(root)) return 0;
    for (const auto& dir : std::filesystem::directory_iterator(root)) {
        const auto target = targets().find(dir.path().filename().string());
        REQUIRE_MESSAGE(target != targets().end(), "no fuzz target named " << dir.path().filename());
        for (const auto& file : std::filesystem::directory_iterator(dir.path())) {
            INFO(file.path().string());
            target->second(govplan::testing::read_all(file.path()));
            ++inputs;
        }
    }
    return inputs;
}

const std::filesystem::path fuzz_dir = std::filesystem::path(GOVPLAN_SOURCE_DIR) / "tests" / "fuzz";

}  // namespace

TEST_CASE("fuzz seeds run cleanly through every target")
{
    CHECK(run_all(fuzz_dir / "seeds") >= 30);
}

TEST_CASE("fuzz past findings stay fixed")
{
    MESSAGE(run_all(fuzz_dir / "regressions") << " regression inputs");
}

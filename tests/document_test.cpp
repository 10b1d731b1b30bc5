// What a file is, by content; a plan loaded from whichever format it is in.
#include <govplan/document.hpp>

#include <doctest/doctest.h>

#include "support.hpp"
#include "temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>
#include <string>

using namespace govplan;

namespace {

const std::filesystem::path source_dir(GOVPLAN_SOURCE_DIR);

}  // namespace

TEST_CASE("document kinds from the first bytes")
{
    CHECK(document_kind_of(std::string_view("GOVPLAN\x1a\x00\x02", 10)) == document_kind::plan_archive);
    CHECK(document_kind_of(R"({"format": "govplan", "format_version": 2})") == document_kind::plan_json);
    CHECK(document_kind_of("\xef\xbb\xbf\n  {\n\"format\"\t:\"govplan\"}") == document_kind::plan_json);
    CHECK(document_kind_of(R"({"format":"govplan-observations"})") == document_kind::observations_json);
    CHECK(document_kind_of(R"({"source": "x.txt", "exclusions": []})") == document_kind::other_json);
    CHECK(document_kind_of(R"({"format": "geojson"})") == document_kind::other_json);
    // "format" as a value is not the member
    CHECK(document_kind_of(R"({"note": "format", "format": "govplan"})") == document_kind::plan_json);
    CHECK(document_kind_of("[1, 2]") == document_kind::unknown);
    CHECK(document_kind_of("三、2025年重点工作安排") == document_kind::unknown);
    CHECK(document_kind_of("") == document_kind::unknown);
    CHECK(document_kind_of("GOVPLAN") == document_kind::unknown);  // 7 bytes of the signature
    // only the head is read: a "format" beyond it is not seen
    const std::string late = "{\"padding\": \"" + std::string(document_head_bytes, 'x') + "\", \"format\": \"govplan\"}";
    CHECK(document_kind_of(late) == document_kind::other_json);
}

TEST_CASE("document kinds of the repository's files")
{
    CHECK(document_kind_of_file(source_dir / "data/yancheng-2025.json").value() == document_kind::plan_json);
    CHECK(document_kind_of_file(source_dir / "data/yancheng-2025-observations.json").value() ==
          document_kind::observations_json);
    CHECK(document_kind_of_file(source_dir / "data/yancheng-2025.exclusions.json").value() == document_kind::other_json);
    CHECK(document_kind_of_file(source_dir / "data/yancheng-2025.txt").value() == document_kind::unknown);
    CHECK(document_kind_of_file(source_dir / "tests/data/golden-v2.binary.govplan").value() ==
          document_kind::plan_archive);
    const auto missing = document_kind_of_file(source_dir / "data/no-such-file.json");
    REQUIRE(!missing.has_value());
    CHECK(missing.error().code == make_error_code(errc::io_error));
}

TEST_CASE("load_plan reads JSON and every archive kind by content")
{
    const auto from_json = load_plan(source_dir / "tests/data/golden-v2.json");
    REQUIRE(from_json.has_value());
    for (const char* archive : {"golden-v2.text.govplan", "golden-v2.xml.govplan", "golden-v2.binary.govplan"}) {
        CAPTURE(archive);
        const auto from_archive = load_plan(source_dir / "tests/data" / archive);
        REQUIRE(from_archive.has_value());
        CHECK(*from_archive == *from_json);
    }
    // the name says nothing: a JSON plan under an archive's name loads as JSON
    govplan::testing::temp_dir dir;
    const auto renamed = dir.path() / "plan.govplan";
    std::filesystem::copy_file(source_dir / "tests/data/golden-v2.json", renamed);
    const auto loaded = load_plan(renamed);
    REQUIRE(loaded.has_value());
    CHECK(*loaded == *from_json);

    const auto observations = load_plan(source_dir / "data/yancheng-2025-observations.json");
    REQUIRE(!observations.has_value());
    CHECK(observations.error().code == make_error_code(errc::type_mismatch));
    CHECK(observations.error().message.find("observations") != std::string::npos);
    CHECK(observations.error().source.find("yancheng-2025-observations.json") != std::string::npos);

    const auto missing = load_plan(dir.path() / "none.json");
    REQUIRE(!missing.has_value());
    CHECK(missing.error().code == make_error_code(errc::io_error));
    // the limits are the readers': a plan larger than allowed is refused
    load_options tight;
    tight.json.limits.max_bytes = 100;
    tight.archive.max_bytes = 100;
    const auto refused = load_plan(source_dir / "tests/data/golden-v2.json", tight);
    REQUIRE(!refused.has_value());
    CHECK(refused.error().code == make_error_code(errc::limit_exceeded));
}

TEST_CASE("document kind of a plan whose keys are sorted: the whole file says")
{
    // "format" comes after focus_areas, beyond the first 4 KiB
    const auto file = source_dir / "tests/cli/mixed/sorted-keys.json";
    const std::string text = govplan::testing::read_all(file);
    REQUIRE(text.find("\"format\"") > document_head_bytes);
    CHECK(document_kind_of(text) == document_kind::other_json);  // the head alone does not say
    CHECK(document_kind_of_file(file).value() == document_kind::plan_json);
    CHECK(load_plan(file).has_value());
}

TEST_CASE("save_plan writes the format the name asks for, and load_plan reads it back")
{
    govplan::testing::temp_dir dir;
    const plan p = govplan::testing::make_clean_plan();
    CHECK(plan_format_for("a/plan.json") == plan_format::json);
    CHECK(plan_format_for("plan.txt") == plan_format::text);
    CHECK(plan_format_for("plan.xml") == plan_format::xml);
    CHECK(plan_format_for("plan.bin") == plan_format::binary);
    CHECK(plan_format_for("plan.govplan") == plan_format::binary);
    CHECK(plan_format_for("PLAN.Json") == plan_format::json);
    CHECK_FALSE(plan_format_for("plan.yaml").has_value());
    CHECK_FALSE(plan_format_for("plan").has_value());

    for (const char* name : {"p.json", "p.txt", "p.xml", "p.govplan"}) {
        CAPTURE(name);
        const auto file = dir.path() / name;
        REQUIRE(save_plan(p, file).has_value());
        const auto kind = document_kind_of_file(file).value();
        CHECK(kind == (std::string_view(name) == "p.json" ? document_kind::plan_json : document_kind::plan_archive));
        CHECK(load_plan(file).value() == p);
        // what save_plan wrote is what plan_to_bytes gives, and reads back from bytes
        const auto bytes = plan_to_bytes(p, *plan_format_for(file));
        REQUIRE(bytes.has_value());
        CHECK(read_regular_file(file, 1u << 24).value() == *bytes);
        CHECK(plan_from_bytes(*bytes).value() == p);
    }
    // the archive's own kind is in its envelope
    CHECK(archive_kind_of(plan_to_bytes(p, plan_format::xml).value()).value() == archive_kind::xml);

    const auto unnamed = save_plan(p, dir.path() / "plan.yaml");
    REQUIRE_FALSE(unnamed.has_value());
    CHECK(unnamed.error().code == errc::invalid_value);
    CHECK(unnamed.error().message.find("plan.yaml") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "plan.yaml"));
    // an explicit format wins over the name
    REQUIRE(save_plan(p, dir.path() / "plan.yaml", plan_format::text).has_value());
    CHECK(load_plan(dir.path() / "plan.yaml").value() == p);
    CHECK_THROWS_AS((void)save_plan(p, dir.path() / "x.json", static_cast<plan_format>(9)), std::invalid_argument);
}

TEST_CASE("plan_from_bytes names an observations file and reports JSON errors")
{
    const auto obs = plan_from_bytes(R"({"format": "govplan-observations", "format_version": 1})");
    REQUIRE_FALSE(obs.has_value());
    CHECK(obs.error().code == errc::type_mismatch);
    const auto broken = plan_from_bytes("{");
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error().code == errc::syntax_error);
}

TEST_CASE("find_plan_files lists a folder's plans and sets other JSON aside")
{
    govplan::testing::temp_dir dir;
    const plan p = govplan::testing::make_clean_plan();
    std::filesystem::create_directories(dir.path() / "sub");
    REQUIRE(save_plan(p, dir.path() / "b.json").has_value());
    REQUIRE(save_plan(p, dir.path() / "sub" / "a.govplan").has_value());
    std::ofstream(dir.path() / "obs.json") << R"({"format": "govplan-observations", "plan_id": "x"})";
    std::ofstream(dir.path() / "schema.json") << R"({"$schema": "x"})";
    std::ofstream(dir.path() / "garbled.json") << "not json";
    std::ofstream(dir.path() / "notes.txt") << "text";  // a report's text: left out
    REQUIRE(save_plan(p, dir.path() / "c.XML").has_value());  // an archive, by content, in any case

    const auto found = find_plan_files(dir.path());
    REQUIRE(found.has_value());
    const std::vector<std::filesystem::path> plans{dir.path() / "b.json", dir.path() / "c.XML",
                                                   dir.path() / "garbled.json", dir.path() / "sub" / "a.govplan"};
    CHECK(found->plans == plans);
    const std::vector<std::filesystem::path> skipped{dir.path() / "obs.json", dir.path() / "schema.json"};
    CHECK(found->skipped == skipped);

    const auto only_b = find_plan_files(dir.path(), "b.*");
    REQUIRE(only_b.has_value());
    CHECK(only_b->plans == std::vector<std::filesystem::path>{dir.path() / "b.json"});
    // a file the pattern names is listed whatever it holds, so that loading it says what is wrong
    const auto asked_for = find_plan_files(dir.path(), "notes.*");
    REQUIRE(asked_for.has_value());
    CHECK(asked_for->plans == std::vector<std::filesystem::path>{dir.path() / "notes.txt"});

    const auto missing = find_plan_files(dir.path() / "none");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == errc::io_error);
    CHECK(missing.error().source == (dir.path() / "none").string());
}

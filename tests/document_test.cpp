// What a file is, by content; a plan loaded from whichever format it is in.
#include <govplan/document.hpp>

#include <doctest/doctest.h>

#include "temp_dir.hpp"

#include <filesystem>
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

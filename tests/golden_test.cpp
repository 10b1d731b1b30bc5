// Golden files are frozen evidence (docs/format.md, "Versions and golden
// files"): each one of each version must load and equal the plan of its
// version built by hand in tests/golden_plan.hpp, and today's writer must
// still give the current version's files byte for byte.
#include <govplan/archive.hpp>
#include <govplan/json.hpp>
#include <govplan/validation.hpp>

#include <doctest/doctest.h>

#include "golden_plan.hpp"
#include "temp_dir.hpp"

#include <filesystem>
#include <string>

using namespace govplan;
using govplan::testing::golden_plan_v1;
using govplan::testing::golden_plan_v2;
using govplan::testing::read_all;

namespace {

const std::filesystem::path data_dir = std::filesystem::path(GOVPLAN_SOURCE_DIR) / "tests" / "data";

static_assert(archive_format_version == 2 && json_format_version == 2,
              "a new format version needs golden_plan_vN(), its golden files and the tests below for it");

constexpr const char* archive_names_v1[] = {"golden-v1.text.govplan", "golden-v1.xml.govplan",
                                            "golden-v1.binary.govplan"};
constexpr const char* archive_names_v2[] = {"golden-v2.text.govplan", "golden-v2.xml.govplan",
                                            "golden-v2.binary.govplan"};

/// Field by field, so that a difference names its place.
void check_equal(const plan& loaded, const plan& expected)
{
    CHECK(loaded.id == expected.id);
    CHECK(loaded.title == expected.title);
    CHECK(loaded.jurisdiction == expected.jurisdiction);
    CHECK(loaded.issuing_body == expected.issuing_body);
    CHECK(loaded.year == expected.year);
    CHECK(loaded.period == expected.period);
    CHECK(loaded.report_date == expected.report_date);
    CHECK(loaded.printed_date == expected.printed_date);
    CHECK(loaded.session == expected.session);
    CHECK(loaded.theme == expected.theme);
    CHECK(loaded.source == expected.source);
    CHECK(loaded.units == expected.units);
    REQUIRE(loaded.focus_areas.size() == expected.focus_areas.size());
    for (std::size_t f = 0; f < expected.focus_areas.size(); ++f) {
        const auto& a = loaded.focus_areas[f];
        const auto& b = expected.focus_areas[f];
        INFO("focus area " << f);
        CHECK(a.ordinal == b.ordinal);
        CHECK(a.title == b.title);
        CHECK(a.aim == b.aim);
        CHECK(a.lead == b.lead);
        REQUIRE(a.targets.size() == b.targets.size());
        for (std::size_t t = 0; t < b.targets.size(); ++t) CHECK_MESSAGE(a.targets[t] == b.targets[t], b.targets[t].id);
        REQUIRE(a.measures.size() == b.measures.size());
        for (std::size_t m = 0; m < b.measures.size(); ++m) {
            const auto& x = a.measures[m];
            const auto& y = b.measures[m];
            CHECK(x.lead == y.lead);
            CHECK(x.text == y.text);
            CHECK(x.responsibility == y.responsibility);
            CHECK(x.deadline == y.deadline);
            CHECK(x.organisations == y.organisations);
            REQUIRE(x.targets.size() == y.targets.size());
            for (std::size_t t = 0; t < y.targets.size(); ++t) {
                INFO("target " << y.targets[t].id);
                CHECK(x.targets[t] == y.targets[t]);
                // Decimals compare by value: the written form must survive too.
                if (y.targets[t].value) CHECK(x.targets[t].value->to_string() == y.targets[t].value->to_string());
            }
            REQUIRE(x.projects.size() == y.projects.size());
            for (std::size_t i = 0; i < y.projects.size(); ++i) CHECK(x.projects[i] == y.projects[i]);
        }
    }
    CHECK(loaded == expected);
}

}  // namespace

TEST_CASE("golden plan v1 is what its version says")
{
    // A few facts of the hand-built plan, so that an edit of it shows here too.
    const plan p = golden_plan_v1();
    REQUIRE(p.focus_areas.size() == 1);
    CHECK(p.focus_areas[0].targets.size() == 1);
    REQUIRE(p.focus_areas[0].measures.size() == 1);
    CHECK(p.focus_areas[0].measures[0].targets.size() == 18);
    CHECK(p.focus_areas[0].measures[0].projects.size() == 2);
    CHECK(p.focus_areas[0].measures[0].targets[8].value->to_string() == "1.2");
}

TEST_CASE("golden files of format version 1 load and equal the plan built by hand")
{
    const plan expected = golden_plan_v1();
    {
        INFO("golden-v1.json");
        const auto loaded = load_json(data_dir / "golden-v1.json");
        REQUIRE_MESSAGE(loaded.has_value(), loaded.error().to_string());
        check_equal(*loaded, expected);
    }
    for (const char* name : archive_names_v1) {
        INFO(name);
        const auto loaded = load_archive(data_dir / name);
        REQUIRE_MESSAGE(loaded.has_value(), loaded.error().to_string());
        check_equal(*loaded, expected);
    }
}

TEST_CASE("golden plan v2 is what its version says")
{
    const plan p = golden_plan_v2();
    REQUIRE(p.focus_areas.size() == 2);
    CHECK(p.focus_areas[0] == golden_plan_v1().focus_areas[0]);
    REQUIRE(p.focus_areas[1].measures.size() == 1);
    CHECK(p.focus_areas[1].measures[0].targets.size() == 20);
    CHECK(p.focus_areas[1].measures[0].projects.size() == 5);
    CHECK(p.focus_areas[1].measures[0].targets[16].unit.per() == "千人口");
}

TEST_CASE("golden files of format version 2 load and equal the plan built by hand")
{
    const plan expected = golden_plan_v2();
    {
        INFO("golden-v2.json");
        const auto loaded = load_json(data_dir / "golden-v2.json");
        REQUIRE_MESSAGE(loaded.has_value(), loaded.error().to_string());
        check_equal(*loaded, expected);
    }
    for (const char* name : archive_names_v2) {
        INFO(name);
        const auto loaded = load_archive(data_dir / name);
        REQUIRE_MESSAGE(loaded.has_value(), loaded.error().to_string());
        check_equal(*loaded, expected);
    }
}

TEST_CASE("the golden plan of each version validates without error")
{
    for (const plan& p : {golden_plan_v1(), golden_plan_v2()}) {
        const auto diagnostics = validate(p);
        for (const auto& d : diagnostics) INFO(d.code << " " << d.path << " " << d.message);
        CHECK(error_count(diagnostics) == 0);
    }
}

TEST_CASE("today's writer gives the golden files of the current version byte for byte")
{
    const plan p = golden_plan_v2();
    CHECK(plan_to_json(p) == read_all(data_dir / "golden-v2.json"));
    const archive_kind kinds[] = {archive_kind::text, archive_kind::xml, archive_kind::binary};
    for (std::size_t i = 0; i < 3; ++i) {
        INFO(archive_names_v2[i]);
        const auto bytes = plan_to_archive(p, kinds[i]);
        REQUIRE(bytes.has_value());
        const std::string golden = read_all(data_dir / archive_names_v2[i]);
        REQUIRE(!golden.empty());
        CHECK(bytes->size() == golden.size());
        CHECK(*bytes == golden);
    }
}

TEST_CASE("a format 1 file read and written again is a format 2 file of the same plan")
{
    const auto v1 = load_json(data_dir / "golden-v1.json");
    REQUIRE(v1.has_value());
    const std::string upgraded = plan_to_json(*v1);
    CHECK(upgraded.find("\"format_version\": 2") != std::string::npos);
    CHECK(upgraded.find("\"targets\": [") != std::string::npos);  // format 1's target_id is a target link now
    const auto back = plan_from_json(upgraded);
    REQUIRE(back.has_value());
    CHECK(*back == *v1);
}

TEST_CASE("archives from before format 1 was fixed are refused at byte 24, not loaded in part")
{
    // Written by the development builds before commit e911496 (taken from the
    // repository's history; docs/format.md says why they are not format 1).
    for (const char* kind : {"text", "xml", "binary"}) {
        const auto file = data_dir.parent_path() / "before-format-1" / (std::string("golden.") + kind + ".govplan");
        INFO(file.string());
        REQUIRE(std::filesystem::file_size(file) > archive_header_size);
        const auto loaded = load_archive(file);
        REQUIRE_FALSE(loaded.has_value());
        CHECK((loaded.error().code == errc::corrupt_archive || loaded.error().code == errc::limit_exceeded));
        CHECK(loaded.error().byte_offset == archive_header_size);
        CHECK(loaded.error().source == file.string());
    }
}

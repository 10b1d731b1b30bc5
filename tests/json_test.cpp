#include <govplan/archive.hpp>
#include <govplan/json.hpp>
#include <govplan/validation.hpp>

#include <doctest/doctest.h>

#include "generator.hpp"
#include "support.hpp"
#include "temp_dir.hpp"
#include "../src/json_parse.hpp"

#include <boost/json/memory_resource.hpp>

#include <algorithm>
#include <fstream>
#include <memory_resource>
#include <set>
#include <string>

using namespace govplan;
using govplan::testing::make_clean_plan;

namespace {

std::string clean_json() { return plan_to_json(make_clean_plan()); }

/// Replaces the first occurrence of `from` (which must exist) by `to`.
std::string edit(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

error load_error(const std::string& text, const json_read_options& options = {})
{
    auto r = plan_from_json(text, options);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

/// The 1-based line of the first occurrence of `needle` in `text`.
std::uint64_t line_of(const std::string& text, const std::string& needle)
{
    const auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<std::uint64_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

const std::string t0 = "/focus_areas/0/measures/0/targets/0";

}  // namespace

TEST_CASE("json round trip of a hand-made plan is exact")
{
    const plan p = make_clean_plan();
    const std::string text = plan_to_json(p);
    auto back = plan_from_json(text);
    REQUIRE(back.has_value());
    CHECK(*back == p);
    CHECK(plan_to_json(*back) == text);
    CHECK(text.find("\"format\": \"govplan\"") != std::string::npos);
    CHECK(text.find("\"format_version\": 2") != std::string::npos);
    CHECK(text.find("耕地面积") != std::string::npos);  // UTF-8 as is, no \u escapes
    CHECK(text.find("\\u") == std::string::npos);
    CHECK(text.find("\"value\": \"1.2\"") != std::string::npos);
    CHECK(text.back() == '\n');
}

TEST_CASE("json keeps decimals exactly as written")
{
    plan p = make_clean_plan();
    auto& t = p.focus_areas[0].measures[0].targets[4];
    t.value = "10.60"_dec;
    t.stretch = "0.000000000000000001"_dec;
    auto back = plan_from_json(plan_to_json(p)).value();
    const auto& u = back.focus_areas[0].measures[0].targets[4];
    CHECK(u.value->to_string() == "10.60");
    CHECK(u.stretch->to_string() == "0.000000000000000001");
}

TEST_CASE("json round trip through every archive kind for random plans")
{
    std::set<std::string> kinds, comparators, stages, commitments, dimensions;
    for (std::uint64_t seed = 1; seed <= 150; ++seed) {
        govplan::testing::plan_generator gen(seed);
        const plan p = gen.make();
        const std::string text = plan_to_json(p);
        auto from_json = plan_from_json(text);
        REQUIRE_MESSAGE(from_json.has_value(), "seed " << seed << ": " << from_json.error().to_string());
        REQUIRE_MESSAGE(*from_json == p, "seed " << seed);
        for (auto kind : {archive_kind::text, archive_kind::xml, archive_kind::binary}) {
            auto bytes = plan_to_archive(*from_json, kind);
            REQUIRE(bytes.has_value());
            auto loaded = plan_from_archive(*bytes);
            REQUIRE_MESSAGE(loaded.has_value(), "seed " << seed << " kind " << to_code(kind) << ": "
                                                       << loaded.error().to_string());
            CHECK_MESSAGE(*loaded == p, "seed " << seed << " kind " << to_code(kind));
            CHECK_MESSAGE(plan_to_json(*loaded) == text, "seed " << seed << " kind " << to_code(kind));
        }
        for (auto [t, at] : each_target(p)) {
            kinds.insert(std::string(to_code(t.kind)));
            comparators.insert(std::string(to_code(t.comparator)));
            commitments.insert(std::string(to_code(t.commitment)));
            if (!t.unit.empty()) dimensions.insert(std::string(to_code(t.unit.dimension())));
        }
        for (auto [pr, at] : each_project(p)) {
            stages.insert(std::string(to_code(pr.stage)));
        }
    }
    // The generator reached every enumeration value.
    CHECK(kinds.size() == all_values<target_kind>().size());
    CHECK(comparators.size() == all_values<comparator>().size());
    CHECK(commitments.size() == all_values<commitment>().size());
    CHECK(stages.size() == all_values<project_stage>().size());
    CHECK(dimensions.size() == all_values<dimension>().size());
}

TEST_CASE("json error malformed document names line and column")
{
    const std::string text = edit(clean_json(), "\"year\": 2025,", "\"year\": 2025,,");
    const error e = load_error(text);
    CHECK(e.code == errc::syntax_error);
    CHECK(e.line == line_of(text, "\"year\""));
    CHECK(e.column == 16);  // the second comma
    CHECK(e.to_string().find("line " + std::to_string(e.line)) != std::string::npos);
}

TEST_CASE("json error wrong type")
{
    const std::string text = edit(clean_json(), "\"year\": 2025", "\"year\": \"2025\"");
    const error e = load_error(text);
    CHECK(e.code == errc::type_mismatch);
    CHECK(e.pointer == "/year");
    CHECK(e.line == line_of(text, "\"year\""));
    CHECK(e.column == 11);
    CHECK(e.message == "expected an integer, found a string");
}

TEST_CASE("json error decimal written as a number")
{
    const std::string text = edit(clean_json(), "\"value\": \"15\"", "\"value\": 15");
    const error e = load_error(text);
    CHECK(e.code == errc::type_mismatch);
    CHECK(e.pointer == t0 + "/value");
    CHECK(e.line == line_of(text, "\"value\": 15"));
    CHECK(e.message.find("decimal written as a string") != std::string::npos);
}

TEST_CASE("json a missing key reads as the member's default and validation names it")
{
    // Format 2: every key may be left out (the writer leaves out defaults).
    const std::string text = edit(clean_json(), "\"metric\": \"工业投资\",", "");
    const auto p = plan_from_json(text);
    REQUIRE(p.has_value());
    CHECK(p->focus_areas[0].measures[0].targets[0].metric.empty());
    const auto diagnostics = validate(*p);
    REQUIRE(error_count(diagnostics) == 1);
    CHECK(diagnostics[0].code == "target.metric.empty");
    CHECK(diagnostics[0].path == "focus_areas[0].measures[0].targets[0].metric");
    // The header is the exception: a file must say what it is.
    const error e = load_error(edit(clean_json(), "\"format_version\": 2,", ""));
    CHECK(e.code == errc::missing_field);
    CHECK(e.message == "missing key \"format_version\" in govplan document");
}

TEST_CASE("json a default-constructed plan is written and read back equal")
{
    const plan empty;
    const auto back = plan_from_json(plan_to_json(empty));
    REQUIRE_MESSAGE(back.has_value(), back.error().to_string());
    CHECK(*back == empty);
    target t;  // every member at its default
    plan one;
    one.focus_areas.emplace_back().measures.emplace_back().targets.push_back(t);
    one.focus_areas[0].measures[0].projects.emplace_back();
    const auto again = plan_from_json(plan_to_json(one));
    REQUIRE_MESSAGE(again.has_value(), again.error().to_string());
    CHECK(*again == one);
    // And through every archive kind.
    for (const plan& p : {empty, one}) {
        for (auto kind : {archive_kind::text, archive_kind::xml, archive_kind::binary}) {
            const auto bytes = plan_to_archive(p, kind);
            REQUIRE(bytes.has_value());
            const auto loaded = plan_from_archive(*bytes);
            REQUIRE_MESSAGE(loaded.has_value(), to_code(kind) << ": " << loaded.error().to_string());
            CHECK(*loaded == p);
        }
    }
}

TEST_CASE("json error unknown key")
{
    const std::string text = edit(clean_json(), "\"metric\": \"工业投资\"", "\"metrik\": \"工业投资\"");
    const error e = load_error(text);
    CHECK(e.code == errc::unknown_field);
    CHECK(e.pointer == t0 + "/metrik");
    CHECK(e.line == line_of(text, "\"metrik\""));
    CHECK(e.message.find("unknown key \"metrik\" in target; expected one of: id, metric,") == 0);
}

TEST_CASE("json error unknown enumeration code")
{
    const std::string text = edit(clean_json(), "\"comparator\": \"exactly\"", "\"comparator\": \"atleast\"");
    const error e = load_error(text);
    CHECK(e.code == errc::unknown_code);
    CHECK(e.pointer == "/focus_areas/0/measures/0/targets/3/comparator");
    CHECK(e.line == line_of(text, "\"atleast\""));
    CHECK(e.message ==
          "unknown comparator \"atleast\"; expected one of: at_least, more_than, at_most, less_than, exactly, about, "
          "range, direction, within, none");
}

TEST_CASE("json error unparsable decimal")
{
    const std::string text = edit(clean_json(), "\"value\": \"15\"", "\"value\": \"1,5\"");
    const error e = load_error(text);
    CHECK(e.code == errc::invalid_decimal);
    CHECK(e.pointer == t0 + "/value");
    CHECK(e.line == line_of(text, "\"1,5\""));
    CHECK(e.message.find("unexpected character ','") != std::string::npos);
}

TEST_CASE("json error unknown unit")
{
    const std::string text = edit(clean_json(), "\"unit\": \"%\"", "\"unit\": \"斤\"");
    const error e = load_error(text);
    CHECK(e.code == errc::unknown_unit);
    CHECK(e.pointer == t0 + "/unit");
    CHECK(e.line == line_of(text, "\"斤\""));
}

TEST_CASE("json units defined in the file are accepted")
{
    std::string text = edit(clean_json(), "\"unit\": \"%\"", "\"unit\": \"斤\"");
    text = edit(text, "\"focus_areas\": [",
                "\"units\": [{\"symbol\": \"斤\", \"dimension\": \"mass\", \"base\": \"千克\", \"scale\": \"1/2\"}],\n"
                "  \"focus_areas\": [");
    auto p = plan_from_json(text);
    REQUIRE_MESSAGE(p.has_value(), p.error().to_string());
    CHECK(p->focus_areas[0].measures[0].targets[0].unit.scale() == unit_scale{1, 2});
    // …and written back.
    CHECK(plan_to_json(*p).find("\"scale\": \"1/2\"") != std::string::npos);
}

TEST_CASE("json error duplicate ids")
{
    const std::string text = edit(clean_json(), "\"id\": \"t-firms\"", "\"id\": \"t-stored\"");
    const error e = load_error(text);
    CHECK(e.code == errc::duplicate_id);
    CHECK(e.pointer == "/focus_areas/0/measures/0/targets/3/id");
    CHECK(e.line == line_of(text, "\"id\": \"t-stored\",\n              \"metric\": \"新增"));
}

TEST_CASE("json error duplicate key")
{
    const std::string text = edit(clean_json(), "\"metric\": \"工业投资\"", "\"metric\": \"工业投资\", \"metric\": \"x\"");
    const error e = load_error(text);
    CHECK(e.code == errc::duplicate_key);
    CHECK(e.pointer == t0 + "/metric");
    CHECK(e.line == line_of(text, "\"metric\": \"x\""));
}

TEST_CASE("json error invalid date")
{
    const std::string text = edit(clean_json(), "\"report_date\": \"2025-04-17\"", "\"report_date\": \"2025-02-30\"");
    const error e = load_error(text);
    CHECK(e.code == errc::invalid_date);
    CHECK(e.pointer == "/report_date");
    CHECK(e.line == line_of(text, "\"report_date\""));
    CHECK(load_error(edit(clean_json(), "\"2025-04-17\"", "\"2025-4-17\"")).code == errc::invalid_date);
    const error end_of_time = load_error(edit(clean_json(), "\"last\": \"2025-12-31\"", "\"last\": \"9999-12-31\""));
    CHECK(end_of_time.code == errc::invalid_value);
    CHECK(end_of_time.pointer == "/period/last");
    const error backwards = load_error(edit(clean_json(), "\"last\": \"2025-12-31\"", "\"last\": \"2024-12-31\""));
    CHECK(backwards.message == "the period ends before it begins");
}

TEST_CASE("json error non-finite and special numbers")
{
    CHECK(load_error(edit(clean_json(), "\"year\": 2025", "\"year\": 1e400")).code == errc::type_mismatch);
    CHECK(load_error(edit(clean_json(), "\"year\": 2025", "\"year\": NaN")).code == errc::syntax_error);
    CHECK(load_error(edit(clean_json(), "\"year\": 2025", "\"year\": 20250")).code == errc::invalid_value);
    CHECK(load_error(edit(clean_json(), "\"year\": 2025", "\"year\": 18446744073709551615")).code ==
          errc::invalid_value);
}

TEST_CASE("json error format and version")
{
    const error wrong = load_error(edit(clean_json(), "\"format\": \"govplan\"", "\"format\": \"geojson\""));
    CHECK(wrong.code == errc::bad_magic);
    CHECK(wrong.pointer == "/format");
    const error newer = load_error(edit(clean_json(), "\"format_version\": 2", "\"format_version\": 3"));
    CHECK(newer.code == errc::unsupported_version);
    CHECK(newer.pointer == "/format_version");
    CHECK(load_error("[]").code == errc::type_mismatch);
    CHECK(load_error("").code == errc::syntax_error);
    CHECK(load_error(clean_json() + "{}").code == errc::syntax_error);
}

TEST_CASE("json limits guard against hostile input")
{
    json_read_options small;
    small.limits.max_string_bytes = 16;
    const error str = load_error(clean_json(), small);
    CHECK(str.code == errc::limit_exceeded);
    CHECK(str.pointer == "/title");

    json_read_options shallow;
    shallow.limits.max_depth = 4;
    const error deep = load_error(clean_json(), shallow);
    CHECK(deep.code == errc::limit_exceeded);
    // The first value nested five deep: the lead target of focus area 1.
    CHECK(deep.pointer == "/focus_areas/0/targets/0");
    CHECK(deep.line == line_of(clean_json(), "\"id\": \"t-area-pp\"") - 1);

    json_read_options narrow;
    narrow.limits.max_array_size = 3;
    const error wide = load_error(clean_json(), narrow);
    CHECK(wide.code == errc::limit_exceeded);
    CHECK(wide.pointer == "/focus_areas/0/measures/0/targets/3");

    // At the edge: the largest array (the measure's 18 targets) one over the limit, then at it.
    json_read_options edge;
    edge.limits.max_array_size = 17;
    const error over = load_error(clean_json(), edge);
    CHECK(over.code == errc::limit_exceeded);
    CHECK(over.pointer == "/focus_areas/0/measures/0/targets/17");
    edge.limits.max_array_size = 18;
    CHECK(plan_from_json(clean_json(), edge).has_value());

    json_read_options tiny;
    tiny.limits.max_bytes = 100;
    CHECK(load_error(clean_json(), tiny).code == errc::limit_exceeded);

    // A deeply nested document stops at the default depth limit, no crash.
    const std::string nested = "{\"format\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    CHECK(load_error(nested).code == errc::limit_exceeded);
}

TEST_CASE("json files load and save atomically")
{
    govplan::testing::temp_dir dir;
    const auto file = dir.path() / "plan.json";
    const plan p = make_clean_plan();
    REQUIRE(save_json(p, file).has_value());
    auto back = load_json(file);
    REQUIRE(back.has_value());
    CHECK(*back == p);
    CHECK(dir.entries() == 1);  // no temporary left behind

    const auto missing = load_json(dir.path() / "missing.json");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == errc::io_error);
    CHECK(missing.error().source == (dir.path() / "missing.json").string());

    // An error inside the file names the file.
    std::ofstream(dir.path() / "bad.json") << "{";
    const auto bad = load_json(dir.path() / "bad.json");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().to_string().find((dir.path() / "bad.json").string() + ":/ (line 1, column 2): ") == 0);
}

TEST_CASE("json save failure leaves the previous file intact")
{
    govplan::testing::temp_dir dir;
    const auto file = dir.path() / "plan.json";
    const plan p = make_clean_plan();
    REQUIRE(save_json(p, file).has_value());
    const std::string before = govplan::testing::read_all(file);

    SUBCASE("an exception while serialising")
    {
        plan broken = p;
        broken.focus_areas[0].measures[0].targets[0].kind = static_cast<target_kind>(42);
        const auto r = save_json(broken, file);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().source == file.string());
    }
    SUBCASE("the disk fills up")
    {
        govplan::testing::file_size_limit limit(200);  // writes past 200 bytes fail with EFBIG
        const auto r = save_json(p, file);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == errc::io_error);
    }
    SUBCASE("an unwritable directory")
    {
        const auto r = save_json(p, dir.path() / "no-such-dir" / "plan.json");
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == errc::io_error);
    }
    CHECK(govplan::testing::read_all(file) == before);
    CHECK(dir.entries() == 1);
}

TEST_CASE("json observations file attaches to the plan's targets")
{
    const plan p = make_clean_plan();
    const std::string text = R"({
  "format": "govplan-observations",
  "format_version": 1,
  "plan_id": "test-2025",
  "illustrative": true,
  "note": "made up",
  "observations": [
    {"target_id": "t-stored", "date": "2025-06-30", "value": "27.3"},
    {"target_id": "t-farmland", "date": "2025-06-30", "value": "420150", "unit": "亩", "source": "x"}
  ]
})";
    auto file = observations_from_json(text, p);
    REQUIRE_MESSAGE(file.has_value(), file.error().to_string());
    CHECK(file->illustrative);
    REQUIRE(file->entries.size() == 2);
    CHECK(file->entries[0].value.value.unit.symbol() == "亿元");  // the target's unit by default
    CHECK(file->entries[1].value.value.unit.symbol() == "亩");
    const plan with = with_observations(p, *file).value();
    CHECK(find_target(with, "t-farmland")->observations.size() == 1);
    CHECK(find_target(with, "t-farmland")->observations[0].source == "x");
    CHECK(validate(with).empty());

    const error unknown = observations_from_json(edit(text, "\"t-stored\"", "\"t-missing\""), p).error();
    CHECK(unknown.code == errc::invalid_value);
    CHECK(unknown.pointer == "/observations/0/target_id");
    CHECK(unknown.line == 8);
    const error other_plan = observations_from_json(edit(text, "\"test-2025\"", "\"other\""), p).error();
    CHECK(other_plan.pointer == "/plan_id");
    const error bad_unit = observations_from_json(edit(text, "\"亩\"", "\"斤\""), p).error();
    CHECK(bad_unit.code == errc::unknown_unit);
    CHECK(bad_unit.pointer == "/observations/1/unit");
    // A known unit of another family loads; validation reports it.
    const plan dollars = with_observations(p, observations_from_json(edit(text, "\"亩\"", "\"美元\""), p).value()).value();
    const auto ds = validate(dollars);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "observation.unit.incompatible");
    CHECK(observations_from_json(edit(text, "govplan-observations", "govplan"), p).error().code == errc::bad_magic);
    observation_file mismatched = *file;
    mismatched.plan_id = "other";
    CHECK(with_observations(p, mismatched).error().code == errc::invalid_value);
}

TEST_CASE("json the tracking pass decides when the fast pass gives up")
{
    // More than 64 keys in one object: the fast pass hands over, the tracking
    // pass parses it whole, or finds the duplicate.
    std::string many = "{";
    for (int i = 0; i < 100; ++i) many += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
    auto ok = govplan::detail::parse_json(many + "}", json_limits{});
    REQUIRE(ok.has_value());
    CHECK(ok->as_object().size() == 100);
    auto dup = govplan::detail::parse_json(many + ",\"k7\":1}", json_limits{});
    REQUIRE_FALSE(dup.has_value());
    CHECK(dup.error().code == errc::duplicate_key);
    CHECK(dup.error().pointer == "/k7");
    CHECK(dup.error().message == "duplicate key \"k7\" (each key may appear once)");
}

namespace {

/// Counts the bytes outstanding from the default resource and their peak.
class counting_resource final : public boost::container::pmr::memory_resource {
public:
    std::size_t peak = 0;

private:
    std::size_t now_ = 0;
    void* do_allocate(std::size_t bytes, std::size_t align) override
    {
        void* p = boost::container::pmr::new_delete_resource()->allocate(bytes, align);
        now_ += bytes;
        peak = std::max(peak, now_);
        return p;
    }
    void do_deallocate(void* p, std::size_t bytes, std::size_t align) override
    {
        now_ -= bytes;
        boost::container::pmr::new_delete_resource()->deallocate(p, bytes, align);
    }
    bool do_is_equal(const memory_resource& other) const noexcept override { return this == &other; }
};

}  // namespace

TEST_CASE("json an array over the limit is refused before its elements are built")
{
    // 200,000 zeros against a limit of 1,000: the parse stops at element 1,001,
    // so what it holds stays near 1,000 values, not 200,000 (about 4.8 MB).
    std::string doc = "{\"format\": \"govplan\", \"focus_areas\": [0";
    for (int i = 1; i < 200000; ++i) doc += ",0";
    doc += "]}";
    json_limits limits;
    limits.max_array_size = 1000;
    counting_resource counted;
    const auto r = govplan::detail::parse_json(doc, limits, boost::json::storage_ptr(&counted));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::limit_exceeded);
    CHECK(r.error().pointer == "/focus_areas/1000");
    CHECK(counted.peak < 256u * 1024u);
    MESSAGE("peak bytes held while refusing 200,000 elements over a limit of 1,000: " << counted.peak);
}

TEST_CASE("json an object of too many members is refused with its pointer")
{
    std::string doc = "{\"format\": \"govplan\", \"source\": {\"m0\": 0";
    for (int i = 1; i < 2000; ++i) doc += ",\"m" + std::to_string(i) + "\": 0";
    doc += "}}";
    const auto refused = govplan::detail::parse_json(doc, json_limits{});
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == errc::limit_exceeded);
    CHECK(refused.error().message == "more than 1024 members in one object");
    CHECK(refused.error().pointer == "/source/m1024");
    json_limits wide;
    wide.max_object_members = 2000;
    CHECK(govplan::detail::parse_json(doc, wide).has_value());
    wide.max_object_members = 1999;
    CHECK_FALSE(govplan::detail::parse_json(doc, wide).has_value());
}

TEST_CASE("json a byte-order mark, UTF-16 and bytes that are not UTF-8 are named as such")
{
    const std::string doc = clean_json();
    const auto bom = plan_from_json("\xEF\xBB\xBF" + doc);
    REQUIRE_FALSE(bom.has_value());
    CHECK(bom.error().message ==
          "the document starts with a UTF-8 byte-order mark (EF BB BF); JSON text has none (RFC 8259)");
    CHECK(bom.error().byte_offset == 0u);
    const auto utf16 = plan_from_json(std::string("\xFF\xFE{\0", 4));
    REQUIRE_FALSE(utf16.has_value());
    CHECK(utf16.error().message == "the document is UTF-16 text (it starts with a byte-order mark); govplan reads UTF-8");
    const std::string bad = edit(doc, "\"title\": \"", "\"title\": \"\xC3(");
    const auto not_utf8 = plan_from_json(bad);
    REQUIRE_FALSE(not_utf8.has_value());
    CHECK(not_utf8.error().code == errc::syntax_error);
    CHECK(not_utf8.error().message == "not UTF-8 text: byte 0xC3 at offset " + std::to_string(bad.find('\xC3')));
    CHECK(not_utf8.error().pointer == "/title");
    // A syntax error before a stray byte is reported as itself.
    const auto syntax_first = plan_from_json("{\"a\": 1,, \"b\": \"\xFF\"}");
    REQUIRE_FALSE(syntax_first.has_value());
    CHECK(syntax_first.error().message == "syntax error");
    CHECK(syntax_first.error().column < 12u);  // at the second comma, not at the byte 0xFF (column 17)
}

TEST_CASE("json a duplicate key is shown escaped and cut in the message")
{
    const std::string key = "k\x1b]0;title\x07" + std::string(500, 'x');
    const std::string doc = "{\"" + std::string("k\\u001b]0;title\\u0007") + std::string(500, 'x') + "\": 1, \"" +
                            std::string("k\\u001b]0;title\\u0007") + std::string(500, 'x') + "\": 2}";
    const auto r = govplan::detail::parse_json(doc, json_limits{});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::duplicate_key);
    CHECK(r.error().message.find('\x1b') == std::string::npos);
    CHECK(r.error().message.find("\\u001B") != std::string::npos);
    CHECK(r.error().message.size() < 200);
}

TEST_CASE("json observations attach to the target find_target finds, also for a duplicate id")
{
    plan p = make_clean_plan();
    auto& ts = p.focus_areas[0].measures[0].targets;
    ts[5].id = ts[1].id;  // invalid, but loadable through an archive
    observation_file file;
    file.plan_id = p.id;
    file.entries.push_back({ts[1].id, {date(2025, 6, 30), {"10"_dec, ts[1].unit}, "", ""}});
    const auto with = with_observations(p, file);
    REQUIRE(with.has_value());
    const auto& wt = with->focus_areas[0].measures[0].targets;
    CHECK(wt[1].observations.size() == 1);
    CHECK(wt[5].observations.empty());
    CHECK(find_target(*with, ts[1].id)->observations.size() == 1);
}

TEST_CASE("json the edges of what loads: null optionals, a one-day period, exactly max_bytes, empty lead ids")
{
    const std::string text = clean_json();
    auto replace_once = [](std::string s, const std::string& from, const std::string& to) {
        const auto at = s.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, from);
        return s.replace(at, from.size(), to);
    };
    // null for an optional key means absent.
    const std::string with_null =
        replace_once(text, "\"id\": \"t-invest-growth\",", "\"id\": \"t-invest-growth\", \"qualifier\": null, \"deadline\": null,");
    const auto nulls = plan_from_json(with_null);
    REQUIRE_MESSAGE(nulls.has_value(), nulls.error().to_string());
    CHECK(*nulls == make_clean_plan());
    // A period of one day.
    const std::string one_day = replace_once(text, "\"last\": \"2025-12-31\"", "\"last\": \"2025-01-01\"");
    const auto day = plan_from_json(one_day);
    REQUIRE_MESSAGE(day.has_value(), day.error().to_string());
    CHECK(day->period.length().days() == 1);
    // A document of exactly the size limit.
    json_read_options exact;
    exact.limits.max_bytes = text.size();
    CHECK(plan_from_json(text, exact).has_value());
    exact.limits.max_bytes = text.size() - 1;
    CHECK(plan_from_json(text, exact).error().code == errc::limit_exceeded);
    // Two lead targets without ids are no duplicate (validation reports the empty ids).
    plan p = make_clean_plan();
    p.focus_areas[0].targets.push_back(p.focus_areas[0].targets[0]);
    p.focus_areas[0].targets[0].id.clear();
    p.focus_areas[0].targets[1].id.clear();
    const auto empty_ids = plan_from_json(plan_to_json(p));
    REQUIRE_MESSAGE(empty_ids.has_value(), empty_ids.error().to_string());
    CHECK(*empty_ids == p);
}

TEST_CASE("json error pointers escape ~ and / in keys (RFC 6901)")
{
    const error syntax = load_error("{\"format\": \"govplan\", \"x~y/z\": {\"a\": tru}}");
    CHECK(syntax.code == errc::syntax_error);
    CHECK(syntax.pointer == "/x~0y~1z/a");
    const error unknown = load_error("{\"format\": \"govplan\", \"x~y/z\": 1}");
    CHECK(unknown.code == errc::unknown_field);
    CHECK(unknown.pointer == "/x~0y~1z");
}

TEST_CASE("json error locations after a string that ends in an escaped backslash")
{
    // Columns counted by hand: the value of "x" starts in column 41.
    const error syntax = load_error(R"({"format": "govplan", "id": "a\\", "x": tru})");
    CHECK(syntax.pointer == "/x");
    CHECK(syntax.line == 1u);
    CHECK(syntax.column == 41u);
    const error unknown = load_error(R"({"format": "govplan", "id": "a\\", "x": 1})");
    CHECK(unknown.pointer == "/x");
    CHECK(unknown.column == 41u);
    const error key = load_error(R"({"format": "govplan", "a\\": 1})");
    CHECK(key.pointer == "/a\\");
    CHECK(key.column == 30u);
}

TEST_CASE("json format 1 specifics read into the format 2 model")
{
    // A format 1 file may define 亩 again as format 1 had it (area), and its own
    // land units (千亩) in the area dimension: both are land now.
    std::string v1 = govplan::testing::read_all(std::filesystem::path(GOVPLAN_SOURCE_DIR) / "tests" / "data" / "golden-v1.json");
    const std::string units = R"("units": [
    {"symbol": "亩", "dimension": "area", "base": "平方米", "scale": "2000/3"},
    {"symbol": "千亩", "dimension": "area", "base": "平方米", "scale": "2000000/3"}
  ],
  "focus_areas")";
    v1.replace(v1.find("\"focus_areas\""), std::string("\"focus_areas\"").size(), units);
    // A project's "target_id": "" meant no link.
    v1.replace(v1.find("\"target_id\": \"t-approved\""), std::string("\"target_id\": \"t-approved\"").size(),
               "\"target_id\": \"\"");
    const auto p = plan_from_json(v1);
    REQUIRE_MESSAGE(p.has_value(), p.error().to_string());
    REQUIRE(p->units.size() == 2);
    CHECK(p->units[0] == *unit_registry::standard().lookup("亩"));
    CHECK(p->units[1].dimension() == dimension::land_area);
    CHECK(convertible(p->units[1], *unit_registry::standard().lookup("万亩")));
    CHECK(p->focus_areas[0].measures[0].projects[0].targets.empty());
    // Format 2 refuses format 1 keys.
    std::string v2 = govplan::testing::read_all(std::filesystem::path(GOVPLAN_SOURCE_DIR) / "tests" / "data" / "golden-v1.json");
    v2.replace(v2.find("\"format_version\": 1"), std::string("\"format_version\": 1").size(), "\"format_version\": 2");
    const error e = load_error(v2);
    CHECK(e.code == errc::unknown_field);
    CHECK(e.message.find("unknown key \"target_id\" in project") == 0);
}

TEST_CASE("json a rate of the plan's own unit is not written as a unit of its own")
{
    // Found by a review (tests/fuzz/regressions/json/review-own_rate.json): the
    // writer listed 斤/亩 and 万斤/亩 among the plan's units, so the plan read
    // back held four definitions instead of two.
    const std::string text =
        R"({"format":"govplan","format_version":2,"units":[{"symbol":"斤","dimension":"mass","base":"千克","scale":"1/2"},)"
        R"({"symbol":"万斤","dimension":"mass","base":"千克","scale":"5000"}],"focus_areas":[{"targets":[{"id":"t",)"
        R"("unit":"斤/亩","baseline":{"value":"1","unit":"万斤/亩"}}]}]})";
    const auto p = govplan::plan_from_json(text);
    REQUIRE(p.has_value());
    CHECK(p->units.size() == 2);
    CHECK(p->focus_areas[0].targets[0].unit.per() == "亩");
    const std::string written = govplan::plan_to_json(*p);
    CHECK(written.find("\"symbol\": \"斤/亩\"") == std::string::npos);
    const auto back = govplan::plan_from_json(written);
    REQUIRE(back.has_value());
    CHECK(back->units.size() == 2);
    CHECK(*back == *p);
}

// The direct JSON reader (src/json_direct.cpp) against the tree reader: on
// any text, whatever the direct reader returns equals what the tree reader
// returns, and plan_from_json's result (plan or located error) is the tree
// reader's. It must also take the documents govplan writes, or it would
// speed nothing up.
#include <doctest/doctest.h>

#include <govplan/govplan.hpp>

#include "../src/json_direct.hpp"
#include "../src/json_keys.hpp"
#include "generator.hpp"
#include "json_objects.hpp"
#include "support.hpp"

#include <boost/json.hpp>

#include <filesystem>
#include <limits>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace json = boost::json;
using govplan::detail::read_plan_by_tree;
using govplan::detail::read_plan_directly;

const std::filesystem::path source_dir = GOVPLAN_SOURCE_DIR;

std::string read_text(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct outcome {
    bool direct = false;  ///< the direct reader took the document
    bool loads = false;
};

/// Reads `text` both ways and through plan_from_json, checking that they
/// agree: the direct reader's plan is the tree reader's, and plan_from_json
/// returns the tree reader's plan or error.
outcome read_both_ways(const std::string& text, const std::string& what,
                       const govplan::json_limits& limits = govplan::json_limits{})
{
    govplan::json_read_options options;
    options.limits = limits;
    const auto direct = read_plan_directly(text, limits, govplan::unit_registry::standard());
    const auto tree = read_plan_by_tree(text, options);
    const auto loaded = govplan::plan_from_json(text, options);
    if (direct) {
        CHECK_MESSAGE(tree.has_value(), what << ": only the direct reader takes it");
        if (tree) CHECK_MESSAGE(*direct == *tree, what << ": the two readers read different plans");
    }
    CHECK_MESSAGE(loaded.has_value() == tree.has_value(), what);
    if (loaded && tree) CHECK_MESSAGE(*loaded == *tree, what);
    if (!loaded && !tree) {
        CHECK_MESSAGE(loaded.error().code == tree.error().code, what);
        CHECK_MESSAGE(loaded.error().message == tree.error().message, what);
        CHECK_MESSAGE(loaded.error().pointer == tree.error().pointer, what);
        CHECK_MESSAGE(loaded.error().line == tree.error().line, what);
        CHECK_MESSAGE(loaded.error().column == tree.error().column, what);
    }
    return {direct.has_value(), tree.has_value()};
}

using govplan::testing::objects_of;

/// Copies of `original` with object number `index` (in objects_of's order)
/// changed by `change`, serialised.
template <class Change>
std::string changed(const json::value& original, std::size_t index, Change&& change)
{
    json::value doc = original;
    std::vector<std::pair<std::string, json::object*>> objects;
    objects_of(doc, "", objects);
    change(*objects.at(index).second);
    return json::serialize(doc);
}

}  // namespace

TEST_CASE("json direct reader reads what govplan writes, as the tree reader does")
{
    std::vector<std::pair<std::string, std::string>> documents = {
        {"golden-v2.json", read_text(source_dir / "tests" / "data" / "golden-v2.json")},
        {"yancheng-2025.json", read_text(source_dir / "data" / "yancheng-2025.json")},
        {"the clean test plan", govplan::plan_to_json(govplan::testing::make_clean_plan())},
    };
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        documents.emplace_back("random plan " + std::to_string(seed),
                               govplan::plan_to_json(govplan::testing::plan_generator(seed).make()));
    }
    for (const auto& [name, text] : documents) {
        CAPTURE(name);
        const auto direct = read_plan_directly(text, govplan::json_limits{}, govplan::unit_registry::standard());
        REQUIRE_MESSAGE(direct.has_value(), name << ": the direct reader gave up");
        const auto tree = read_plan_by_tree(text);
        REQUIRE(tree.has_value());
        CHECK(*direct == *tree);
        CHECK(govplan::plan_to_json(*direct) == govplan::plan_to_json(*tree));
    }
}

TEST_CASE("json direct reader: generated plans read back equal to what was written")
{
    for (std::uint64_t seed = 100; seed < 140; ++seed) {
        const govplan::plan p = govplan::testing::plan_generator(seed).make();
        const auto direct = read_plan_directly(govplan::plan_to_json(p), govplan::json_limits{},
                                               govplan::unit_registry::standard());
        REQUIRE(direct.has_value());
        CHECK(*direct == p);
    }
}

TEST_CASE("json direct reader agrees with the tree reader on every key changed")
{
    // golden-v2.json sets every member of every type at least once.
    const json::value golden = json::parse(read_text(source_dir / "tests" / "data" / "golden-v2.json"));
    json::value walk = golden;
    std::vector<std::pair<std::string, json::object*>> objects;
    objects_of(walk, "", objects);
    const std::vector<std::pair<std::string, json::value>> replacements = {
        {"null", nullptr},          {"a number", 7},       {"a negative number", -1},   {"a fraction", 1.5},
        {"a large number", 1e300},  {"true", true},        {"a string", "x"},           {"an empty string", ""},
        {"an empty array", json::array{}}, {"an empty object", json::object{}}, {"a date", "2025-06-30"},
        {"a decimal", "12.5"},     {"a unit", "亿元"},     {"an array of null", json::array{nullptr}},
        {"a large integer", 100000}, {"an integer beyond int", std::int64_t{5'000'000'000}},
        {"the last date", "9999-12-31"},
    };
    std::size_t variants = 0, direct = 0, loaded = 0;
    auto count = [&](const outcome& o) {
        ++variants;
        direct += o.direct ? 1 : 0;
        loaded += o.loads ? 1 : 0;
    };
    for (std::size_t i = 0; i < objects.size(); ++i) {
        std::vector<std::string> keys;
        for (const auto& kv : *objects[i].second) keys.emplace_back(kv.key());
        for (const auto& key : keys) {
            const std::string at = objects[i].first + "/" + key;
            count(read_both_ways(changed(golden, i, [&](json::object& o) { o.erase(key); }), at + " left out"));
            for (const auto& [name, value] : replacements) {
                count(read_both_ways(changed(golden, i, [&](json::object& o) { o[key] = value; }), at + " " + name));
            }
        }
        // the same keys in the reverse order: the tree reader reads them in
        // declaration order whatever their order in the text
        count(read_both_ways(changed(golden, i,
                                     [](json::object& o) {
                                         json::object reversed;
                                         for (auto it = o.end(); it != o.begin();) {
                                             --it;
                                             reversed[it->key()] = it->value();
                                         }
                                         o = std::move(reversed);
                                     }),
                             objects[i].first + " keys reversed"));
        // an unknown key at the end
        count(read_both_ways(changed(golden, i, [](json::object& o) { o["zzz"] = 1; }),
                             objects[i].first + " with an unknown key"));
    }
    MESSAGE(variants << " variants: " << loaded << " load, " << direct << " of them by the direct reader");
    CHECK(variants > 8000);
    // The direct reader takes most variants that load: a key left out, null,
    // or given another value of its type.
    CHECK(direct * 2 > loaded);
    CHECK(direct <= loaded);
}

TEST_CASE("json direct reader gives the document to the tree reader")
{
    const std::string golden = read_text(source_dir / "tests" / "data" / "golden-v2.json");
    const json::value doc = json::parse(golden);

    SUBCASE("format 1")
    {
        const std::string v1 = read_text(source_dir / "tests" / "data" / "golden-v1.json");
        CHECK_FALSE(read_plan_directly(v1, govplan::json_limits{}, govplan::unit_registry::standard()));
        const outcome o = read_both_ways(v1, "golden-v1.json");
        CHECK(o.loads);
    }
    SUBCASE("a document whose header is not first")
    {
        json::object o;
        o["id"] = "late-header";
        o["format"] = "govplan";
        o["format_version"] = 2;
        const outcome out = read_both_ways(json::serialize(o), "late header");
        CHECK_FALSE(out.direct);
        CHECK(out.loads);
    }
    SUBCASE("syntax errors, limits, a repeated id")
    {
        for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
                 {"truncated", golden.substr(0, golden.size() / 2)},
                 {"trailing data", golden + "{}"},
                 {"a byte-order mark", "\xEF\xBB\xBF" + golden},
                 {"not UTF-8", "{\"format\":\"govplan\",\"format_version\":2,\"id\":\"\xff\"}"},
                 // The direct reader checks the whole text, the parser does not: every kind of bad byte, anywhere.
                 {"not UTF-8 in a key", "{\"format\":\"govplan\",\"format_version\":2,\"i\xc3\":\"a\"}"},
                 {"a surrogate written in UTF-8", "{\"format\":\"govplan\",\"format_version\":2,\"title\":\"abcdefghij\xed\xa0\x80\"}"},
                 {"an overlong slash", "{\"format\":\"govplan\",\"format_version\":2,\"title\":\"\xc0\xaf\"}"},
                 {"a sequence cut by the quote", "{\"format\":\"govplan\",\"format_version\":2,\"title\":\"规划\xe8\xa7\"}"},
                 {"past U+10FFFF", "{\"format\":\"govplan\",\"format_version\":2,\"title\":\"\xf4\x90\x80\x80\"}"},
                 {"a lone surrogate escaped", "{\"format\":\"govplan\",\"format_version\":2,\"title\":\"\\ud800\"}"},
                 {"a byte outside strings", "{\"format\":\"govplan\",\"format_version\":2\xc3\xa9}"},
                 {"a duplicate key", "{\"format\":\"govplan\",\"format_version\":2,\"id\":\"a\",\"id\":\"b\"}"},
                 {"the header twice", "{\"format\":\"govplan\",\"format_version\":2,\"format\":\"govplan\"}"},
                 {"format 3", "{\"format\":\"govplan\",\"format_version\":3}"},
                 {"only the format", "{\"format\":\"govplan\"}"},
                 {"a flat unit twice",
                  "{\"format\":\"govplan\",\"format_version\":2,\"focus_areas\":[{\"targets\":[{\"id\":\"t\","
                  "\"unit\":\"亿元\",\"baseline\":{\"year\":2024,\"value\":\"1\",\"unit\":\"亿元\",\"unit\":\"万元\"}}]}]}"},
                 {"another format", "{\"format\":\"plan\",\"format_version\":2}"},
                 {"an array", "[]"},
                 {"empty", ""},
             }) {
            const outcome o = read_both_ways(text, name);
            CHECK_MESSAGE(!o.direct, name);
            CHECK_MESSAGE(!o.loads, name);
        }
        // written by hand: the writer refuses a repeated id
        json::value twice = json::parse(govplan::plan_to_json(govplan::testing::make_clean_plan()));
        auto& targets = twice.at("focus_areas").at(0).at("targets").as_array();
        targets.push_back(targets[0]);
        const outcome o = read_both_ways(json::serialize(twice), "a repeated id");
        CHECK(!o.direct);
        CHECK(!o.loads);
    }
    SUBCASE("a flat quantity's unit: after its value, before it")
    {
        const std::string head =
            "{\"format\":\"govplan\",\"format_version\":2,\"focus_areas\":[{\"targets\":[{\"id\":\"t\","
            "\"unit\":\"亿元\",\"baseline\":{\"year\":2024,";
        const std::string after = head + "\"value\":\"1\",\"unit\":\"万元\"}}]}]}";
        const outcome a = read_both_ways(after, "unit after value");
        CHECK(a.direct);
        const auto p = read_plan_directly(after, govplan::json_limits{}, govplan::unit_registry::standard());
        REQUIRE(p);
        CHECK(p->focus_areas[0].targets[0].baseline->value->unit.symbol() == "万元");
        const std::string none = head + "\"value\":\"1\"}}]}]}";
        const auto q = read_plan_directly(none, govplan::json_limits{}, govplan::unit_registry::standard());
        REQUIRE(q);
        CHECK(q->focus_areas[0].targets[0].baseline->value->unit.symbol() == "亿元");  // the target's
        const outcome b = read_both_ways(head + "\"unit\":\"万元\",\"value\":\"1\"}}]}]}", "unit before value");
        CHECK_FALSE(b.direct);
        CHECK(b.loads);
    }
    SUBCASE("a budget: lists that take far more memory than their text go to the tree reader")
    {
        // 2,000 empty targets: 6 KB of text, about 1 MB of targets
        std::string text = "{\"format\":\"govplan\",\"format_version\":2,\"focus_areas\":[{\"targets\":[";
        for (int i = 0; i < 2000; ++i) text += i == 0 ? "{}" : ",{}";
        text += "]}]}";
        const auto units = govplan::unit_registry::standard();
        static_assert(2000 * sizeof(govplan::target) > std::size_t{1} << 19);
        CHECK_FALSE(read_plan_directly(text, govplan::json_limits{}, units, std::size_t{1} << 19));
        CHECK(read_plan_directly(text, govplan::json_limits{}, units, std::size_t{4} << 20));
        CHECK(read_plan_directly(text, govplan::json_limits{}, units));  // the default: 16 MiB and more
        CHECK(govplan::detail::direct_reader_budget(0) == std::size_t{16} << 20);
        CHECK(govplan::detail::direct_reader_budget(1000) == 32000 + (std::size_t{16} << 20));
        CHECK(govplan::detail::direct_reader_budget(std::numeric_limits<std::size_t>::max() / 4) ==
              std::numeric_limits<std::size_t>::max());
        const outcome o = read_both_ways(text, "2,000 empty targets");
        CHECK(o.direct);
        CHECK(o.loads);
    }
    SUBCASE("a budget: members held out of line count too")
    {
        // 1,000 targets, each with a baseline, a scope, a group, a low bound and a
        // responsibility in their own allocations
        constexpr std::size_t n = 1000;
        std::string text = "{\"format\":\"govplan\",\"format_version\":2,\"focus_areas\":[{\"targets\":[";
        for (std::size_t i = 0; i < n; ++i) {
            text += (i == 0 ? "{\"id\":\"t" : ",{\"id\":\"t") + std::to_string(i) +
                    "\",\"low\":\"1\",\"baseline\":{},\"scope\":{},\"group\":{\"id\":\"g\"},"
                    "\"responsibility\":{\"leader\":\"l\"}}";
        }
        text += "]}]}";
        const std::size_t targets = n * sizeof(govplan::target);
        const std::size_t boxes =
            n * (sizeof(govplan::baseline) + sizeof(govplan::target_scope) + sizeof(govplan::statement_group) +
                 sizeof(govplan::decimal) + sizeof(govplan::responsibility));
        const auto units = govplan::unit_registry::standard();
        CHECK_FALSE(read_plan_directly(text, govplan::json_limits{}, units, targets + boxes / 2));
        // exactly: the focus area, the targets and every box, to the byte
        const std::size_t exact = sizeof(govplan::focus_area) + targets + boxes;
        CHECK_FALSE(read_plan_directly(text, govplan::json_limits{}, units, exact - 1));
        CHECK(read_plan_directly(text, govplan::json_limits{}, units, exact));
        const auto read = read_plan_directly(text, govplan::json_limits{}, units, targets + boxes + (64u << 10));
        REQUIRE(read);
        CHECK(read->focus_areas.at(0).targets.at(n - 1).scope.has_value());
        CHECK(read->focus_areas.at(0).targets.at(n - 1).group->id == "g");
        CHECK(read->focus_areas.at(0).targets.at(n - 1).low == govplan::decimal(1, 0));
        CHECK(read->focus_areas.at(0).targets.at(n - 1).responsibility->leader == "l");
    }
    SUBCASE("a long unit named 300 times is held once, by both readers")
    {
        // one plan-defined unit with a 100 KB base, named by 300 targets: copies would be 30 MB
        std::string text = "{\"format\":\"govplan\",\"format_version\":2,\"units\":[{\"symbol\":\"a\","
                           "\"dimension\":\"mass\",\"base\":\"" + std::string(100'000, 'b') +
                           "\",\"scale\":\"1\"}],\"focus_areas\":[{\"targets\":[";
        for (int i = 0; i < 300; ++i) {
            text += (i == 0 ? "{\"id\":\"t" : ",{\"id\":\"t") + std::to_string(i) + "\",\"unit\":\"" +
                    (i % 2 == 0 ? "a" : "a/亩") + "\"}";
        }
        text += "]}]}";
        const auto units = govplan::unit_registry::standard();
        const auto shared = [](const govplan::plan& p) {
            const auto& ts = p.focus_areas.at(0).targets;
            bool all = ts.size() == 300 && p.units.size() == 1;
            for (std::size_t i = 0; all && i < ts.size(); ++i) {
                const auto& first = i % 2 == 0 ? p.units[0] : ts[1].unit;
                all = ts[i].unit.shares_definition_with(first) && ts[i].unit.symbol() == (i % 2 == 0 ? "a" : "a/亩");
            }
            return all;
        };
        const auto direct = read_plan_directly(text, govplan::json_limits{}, units);
        REQUIRE(direct);
        CHECK(shared(*direct));
        const auto tree = govplan::detail::read_plan_by_tree(text);
        REQUIRE(tree);
        CHECK(shared(*tree));
        // a unit the standard registry holds is shared with the registry itself
        const auto bundled = read_plan_directly(golden, govplan::json_limits{}, units);
        REQUIRE(bundled);
        int standard = 0;
        for (const auto& fa : bundled->focus_areas)
            for (const auto& m : fa.measures)
                for (const auto& t : m.targets)
                    if (const govplan::unit* u = units.lookup(t.unit.symbol())) {
                        ++standard;
                        CHECK(t.unit.shares_definition_with(*u));
                    }
        CHECK(standard > 0);
    }
    SUBCASE("limits: each one just under and just over")
    {
        govplan::json_limits tight;
        tight.max_string_bytes = 2000;
        CHECK(read_both_ways(golden, "strings within 2000 bytes", tight).direct);
        tight.max_string_bytes = 20;
        CHECK_FALSE(read_both_ways(golden, "strings over 20 bytes", tight).loads);
        govplan::json_limits members;
        members.max_object_members = 40;
        CHECK(read_both_ways(golden, "40 members", members).direct);
        members.max_object_members = 5;
        CHECK_FALSE(read_both_ways(golden, "5 members", members).loads);
        govplan::json_limits elements;
        elements.max_array_size = 2;
        CHECK_FALSE(read_both_ways(golden, "2 elements", elements).loads);
        govplan::json_limits depth;
        depth.max_depth = 4;
        CHECK_FALSE(read_both_ways(golden, "depth 4", depth).loads);
    }
}

TEST_CASE("json both readers keep no allocation for a boxed member read empty")
{
    using govplan::boxed;
    using govplan::responsibility;

    // format 2: the direct reader, and the tree reader on the same text
    const std::string text =
        "{\"format\":\"govplan\",\"format_version\":2,\"focus_areas\":[{\"targets\":[{\"id\":\"t\","
        "\"qualifier\":\"\",\"grade\":\"AA级\",\"responsibility\":{\"lead_units\":[]}}],"
        "\"measures\":[{\"lead\":\"m\",\"responsibility\":{},"
        "\"projects\":[{\"id\":\"p\",\"capacity\":\"\",\"responsibility\":{\"leader\":\"区长\"}}]}]}]}";
    const auto direct = read_plan_directly(text, govplan::json_limits{}, govplan::unit_registry::standard());
    REQUIRE(direct);
    const auto tree = read_plan_by_tree(text, govplan::json_read_options{});
    REQUIRE(tree);
    for (const govplan::plan* p : {&*direct, &*tree}) {
        const auto& area = p->focus_areas.at(0);
        const auto& t = area.targets.at(0);
        CHECK_FALSE(t.qualifier.allocated());
        CHECK(*t.grade == "AA级");
        CHECK_FALSE(t.responsibility.allocated());
        CHECK_FALSE(area.measures.at(0).responsibility.allocated());
        const auto& pr = area.measures.at(0).projects.at(0);
        CHECK_FALSE(pr.capacity.allocated());
        CHECK(pr.responsibility->leader == "区长");
    }
    CHECK(*direct == *tree);

    // format 1 (the tree reader): a measure's "partner_units": [] and "lead_unit"
    json::value v1 = json::parse(read_text(source_dir / "tests" / "data" / "golden-v1.json"));
    auto& measure = v1.at("focus_areas").at(0).at("measures").at(0).as_object();
    measure["partner_units"] = json::array();
    const auto empty = govplan::plan_from_json(json::serialize(v1));
    REQUIRE(empty);
    CHECK_FALSE(empty->focus_areas.at(0).measures.at(0).responsibility.allocated());
    measure["lead_unit"] = "住建局";
    const auto named = govplan::plan_from_json(json::serialize(v1));
    REQUIRE(named);
    CHECK(named->focus_areas.at(0).measures.at(0).responsibility->lead_units == std::vector<std::string>{"住建局"});
}

TEST_CASE("json direct reader: strings in pieces, escapes and units of the plan's own")
{
    govplan::plan p = govplan::testing::make_clean_plan();
    // Escapes make the parser hand a string over in pieces; a long escaped
    // string passes through its buffer more than once.
    std::string escaped;
    for (int i = 0; i < 3000; ++i) escaped += "\"引号\"\\\n\t";
    p.title = escaped;
    p.focus_areas[0].measures[0].targets[0].metric = "工业投资\u00e9\"";
    const govplan::unit jin{"万斤", govplan::dimension::mass, "千克", {5000, 1}};
    p.units.push_back(jin);
    p.focus_areas[0].measures[0].targets[1].unit = jin;
    const std::string text = govplan::plan_to_json(p);
    REQUIRE(text.find("\\\"") != std::string::npos);
    const outcome o = read_both_ways(text, "escaped strings and an own unit");
    CHECK(o.direct);
    const auto direct = read_plan_directly(text, govplan::json_limits{}, govplan::unit_registry::standard());
    REQUIRE(direct);
    CHECK(*direct == p);

    // the same text with every letter inside a string escaped as \u00XX
    std::string unicode;
    bool in_string = false, escape = false;
    for (char c : text) {
        if (in_string && !escape && c >= 'a' && c <= 'z') {
            unicode += "\\u00";
            unicode += "0123456789abcdef"[c >> 4];
            unicode += "0123456789abcdef"[c & 15];
            continue;
        }
        unicode += c;
        if (escape) escape = false;
        else if (in_string && c == '\\') escape = true;
        else if (c == '"') in_string = !in_string;
    }
    REQUIRE(unicode.find("\\u0066\\u006f\\u0072\\u006d\\u0061\\u0074") != std::string::npos);  // "format"
    // keys and codes escaped too: still the same document
    const outcome u = read_both_ways(unicode, "every letter escaped");
    CHECK(u.direct);
    CHECK(u.loads);
}

namespace {

template <class T>
void check_key_table(const char* type)
{
    const govplan::detail::key_table& table = govplan::detail::keys_of<T>();
    CAPTURE(type);
    REQUIRE(table.names.size() >= table.members);
    for (std::size_t i = 0; i < table.names.size(); ++i) {
        CHECK_MESSAGE(table.find(table.names[i]) == i, table.names[i]);
        // one byte more, one less, one changed: none of them is a key
        const std::string key(table.names[i]);
        for (const std::string& near : {key + "s", key.substr(0, key.size() - 1), "x" + key.substr(1), key + '\0'}) {
            const std::size_t slot = table.find(near);
            CHECK_MESSAGE((slot == std::string_view::npos || table.names[slot] == near), near);
        }
    }
    CHECK(table.find("") == std::string_view::npos);
    CHECK(table.find("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz") == std::string_view::npos);
}

}  // namespace

TEST_CASE("json key tables find every key of every type, and nothing else")
{
    check_key_table<govplan::plan>("plan");
    check_key_table<govplan::focus_area>("focus_area");
    check_key_table<govplan::measure>("measure");
    check_key_table<govplan::target>("target");
    check_key_table<govplan::project>("project");
    check_key_table<govplan::unit_definition>("unit_definition");
    check_key_table<govplan::baseline>("baseline");
    check_key_table<govplan::observation>("observation");
    check_key_table<govplan::provenance>("provenance");
    check_key_table<govplan::responsibility>("responsibility");
    CHECK(govplan::detail::keys_of<govplan::target>().names.size() == 32);
    CHECK(govplan::detail::keys_of<govplan::plan>().find("format_version") ==
          govplan::detail::keys_of<govplan::plan>().members + 1);
    CHECK(govplan::detail::keys_of<govplan::observation>().find("unit") ==
          govplan::detail::keys_of<govplan::observation>().unit);
}

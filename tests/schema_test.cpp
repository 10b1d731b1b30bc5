// schema/govplan.schema.json (format 2) and govplan-1.schema.json (format 1)
// against the files govplan writes and ships, and both the schema and
// docs/format.md against the model's own description.
// The validator below implements the part of JSON Schema 2020-12 the schema
// uses: type (a name or a list of names), const, enum, pattern, minLength,
// minimum, maximum, properties, required, additionalProperties (false), items,
// anyOf and local $ref.
#include <govplan/json.hpp>
#include <govplan/validation.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "generator.hpp"
#include "json_objects.hpp"
#include "support.hpp"
#include "temp_dir.hpp"

#include <functional>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace json = boost::json;

namespace {

const std::filesystem::path source_dir(GOVPLAN_SOURCE_DIR);

class schema_validator {
public:
    explicit schema_validator(json::value schema) : root_(std::move(schema)) {}

    /// Problems found, as "pointer: what"; empty when the document conforms.
    std::vector<std::string> check(const json::value& doc)
    {
        problems_.clear();
        visit(root_, doc, "");
        return problems_;
    }

private:
    void fail(const std::string& at, const std::string& what) { problems_.push_back((at.empty() ? "/" : at) + ": " + what); }

    static bool has_type(const json::value& v, std::string_view type)
    {
        if (type == "object") return v.is_object();
        if (type == "array") return v.is_array();
        if (type == "string") return v.is_string();
        if (type == "integer") return v.is_int64() || v.is_uint64();
        if (type == "number") return v.is_number();
        if (type == "boolean") return v.is_bool();
        if (type == "null") return v.is_null();
        throw std::logic_error("schema uses an unsupported type");
    }

    void visit(const json::value& schema_value, const json::value& v, const std::string& at)
    {
        const json::object& s = schema_value.as_object();
        for (const auto& kv : s) {
            const std::string_view key(kv.key().data(), kv.key().size());
            static const std::vector<std::string_view> known = {
                "$schema", "$id", "title", "description", "type", "const", "enum", "pattern", "minLength", "minimum",
                "maximum", "properties", "required", "additionalProperties", "items", "$ref", "$defs", "anyOf"};
            if (std::find(known.begin(), known.end(), key) == known.end()) {
                throw std::logic_error("schema keyword not supported by the test validator: " + std::string(key));
            }
        }
        if (const auto* ref = s.if_contains("$ref")) {
            const std::string target(ref->as_string());
            REQUIRE(target.rfind("#/$defs/", 0) == 0);
            visit(root_.at("$defs").at(target.substr(8)), v, at);
            return;
        }
        if (const auto* any = s.if_contains("anyOf")) {
            const auto before = problems_;
            bool matched = false;
            for (const auto& option : any->as_array()) {
                problems_.clear();
                visit(option, v, at);
                matched = matched || problems_.empty();
            }
            problems_ = before;
            if (!matched) fail(at, "matches none of anyOf");
        }
        if (const auto* type = s.if_contains("type")) {
            bool matched = false;
            if (type->is_string()) {
                matched = has_type(v, std::string_view(type->as_string()));
            } else {
                for (const auto& t : type->as_array()) matched = matched || has_type(v, std::string_view(t.as_string()));
            }
            if (!matched) {
                fail(at, "expected " + json::serialize(*type));
                return;
            }
        }
        if (const auto* c = s.if_contains("const"); c && *c != v) fail(at, "expected " + json::serialize(*c));
        if (const auto* e = s.if_contains("enum")) {
            const auto& options = e->as_array();
            if (std::find(options.begin(), options.end(), v) == options.end()) fail(at, "not one of " + json::serialize(*e));
        }
        if (v.is_string()) {
            const std::string text(v.as_string());
            if (const auto* p = s.if_contains("pattern"); p && !std::regex_search(text, compiled(p->as_string()))) {
                fail(at, "does not match " + std::string(p->as_string()));
            }
            if (const auto* m = s.if_contains("minLength"); m && text.size() < static_cast<std::size_t>(m->as_int64())) {
                fail(at, "too short");
            }
        }
        if (v.is_int64()) {
            if (const auto* m = s.if_contains("minimum"); m && v.as_int64() < m->as_int64()) fail(at, "below minimum");
            if (const auto* m = s.if_contains("maximum"); m && v.as_int64() > m->as_int64()) fail(at, "above maximum");
        }
        if (v.is_object()) {
            const auto& obj = v.as_object();
            const json::object* props = s.if_contains("properties") ? &s.at("properties").as_object() : nullptr;
            if (const auto* req = s.if_contains("required")) {
                for (const auto& name : req->as_array())
                    if (!obj.contains(name.as_string())) fail(at, "missing " + std::string(name.as_string()));
            }
            for (const auto& kv : obj) {
                const std::string child = at + "/" + std::string(kv.key());
                if (props && props->contains(kv.key())) {
                    visit(props->at(kv.key()), kv.value(), child);
                } else if (const auto* extra = s.if_contains("additionalProperties"); extra && extra->is_bool() && !extra->as_bool()) {
                    fail(child, "property not allowed");
                }
            }
        }
        if (v.is_array()) {
            if (const auto* items = s.if_contains("items")) {
                const auto& arr = v.as_array();
                for (std::size_t i = 0; i < arr.size(); ++i) visit(*items, arr[i], at + "/" + std::to_string(i));
            }
        }
    }

    /// The pattern compiled once (a schema has a few; documents have many strings).
    const std::regex& compiled(const json::string& pattern)
    {
        const std::string key(pattern);
        auto found = patterns_.find(key);
        if (found == patterns_.end()) found = patterns_.emplace(key, std::regex(key)).first;
        return found->second;
    }

    json::value root_;
    std::vector<std::string> problems_;
    std::map<std::string, std::regex> patterns_;
};

schema_validator& validator()
{
    static schema_validator v(json::parse(govplan::testing::read_all(source_dir / "schema" / "govplan.schema.json")));
    return v;
}

void expect_conforms(const std::string& text, const std::string& what)
{
    const auto problems = validator().check(json::parse(text));
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    CHECK_MESSAGE(problems.empty(), what << " violates the schema:\n" << all);
}

}  // namespace

TEST_CASE("schema the bundled plan and shipped files conform")
{
    for (const auto& file : {source_dir / "data" / "yancheng-2025.json", source_dir / "tests" / "data" / "golden-v2.json",
                             source_dir / "docs" / "example-plan.json"}) {
        expect_conforms(govplan::testing::read_all(file), file.string());
    }
    // Format 1 files against the format 1 schema, which is kept as it was.
    schema_validator v1(json::parse(govplan::testing::read_all(source_dir / "schema" / "govplan-1.schema.json")));
    const auto problems = v1.check(json::parse(govplan::testing::read_all(source_dir / "tests" / "data" / "golden-v1.json")));
    CHECK(problems.empty());
}

namespace {

/// The schema's properties for `def` ("" for the root) hold every described
/// member of T, and docs/format.md names each one in backquotes.
template <class T>
void expect_every_member_documented(const char* def)
{
    static const json::value schema = json::parse(govplan::testing::read_all(source_dir / "schema" / "govplan.schema.json"));
    static const std::string doc = govplan::testing::read_all(source_dir / "docs" / "format.md");
    const json::object& node = *def == '\0' ? schema.as_object() : schema.at("$defs").at(def).as_object();
    const json::object& properties = node.at("properties").as_object();
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto m) {
        INFO(std::string(def) << "." << std::string(m.name));
        CHECK(properties.contains(m.name));
        CHECK(doc.find(std::string("`") + m.name + "`") != std::string::npos);
    });
}

}  // namespace

TEST_CASE("schema and docs/format.md name every member of every model type")
{
    using namespace govplan;
    expect_every_member_documented<plan>("");
    expect_every_member_documented<focus_area>("focus_area");
    expect_every_member_documented<measure>("measure");
    expect_every_member_documented<target>("target");
    expect_every_member_documented<project>("project");
    expect_every_member_documented<unit_definition>("unit_definition");
    expect_every_member_documented<baseline>("baseline");
    expect_every_member_documented<observation>("observation");
    expect_every_member_documented<milestone>("milestone");
    expect_every_member_documented<target_scope>("scope");
    expect_every_member_documented<statement_group>("group");
    expect_every_member_documented<responsibility>("responsibility");
    expect_every_member_documented<text_span>("text_span");
    expect_every_member_documented<target_link>("target_link");
    expect_every_member_documented<provenance>("provenance");
    expect_every_member_documented<quantity>("quantity");
}

TEST_CASE("schema the observations file conforms to its schema")
{
    schema_validator observations(
        json::parse(govplan::testing::read_all(source_dir / "schema" / "govplan-observations.schema.json")));
    const auto problems =
        observations.check(json::parse(govplan::testing::read_all(source_dir / "data" / "yancheng-2025-observations.json")));
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    CHECK_MESSAGE(problems.empty(), all);
    // And it rejects a decimal written as a number.
    CHECK_FALSE(observations.check(json::parse(R"({"format": "govplan-observations", "format_version": 1,
        "plan_id": "x", "observations": [{"target_id": "t", "date": "2025-06-30", "value": 27.3}]})")).empty());
}

TEST_CASE("schema every field written for random plans conforms")
{
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        govplan::testing::plan_generator gen(seed);
        expect_conforms(govplan::plan_to_json(gen.make()), "random plan " + std::to_string(seed));
    }
}

TEST_CASE("schema rejects what the loader rejects")
{
    const std::string good = govplan::plan_to_json(govplan::testing::make_clean_plan());
    auto bad = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        text.replace(text.find(from), from.size(), to);
        CHECK_MESSAGE(!validator().check(json::parse(text)).empty(), to);
        CHECK_FALSE(govplan::plan_from_json(text).has_value());
    };
    bad("\"value\": \"15\"", "\"value\": 15");
    bad("\"value\": \"15\"", "\"value\": \"015\"");
    bad("\"comparator\": \"at_least\"", "\"comparator\": \"atleast\"");
    bad("\"metric\": \"工业投资\"", "\"metrik\": \"工业投资\"");
    bad("\"format_version\": 2", "\"format_version\": 3");
    bad("\"report_date\": \"2025-04-17\"", "\"report_date\": \"2025/04/17\"");
}

TEST_CASE("schema the documented example is the shipped example file")
{
    const std::string doc = govplan::testing::read_all(source_dir / "docs" / "format.md");
    const std::string example = govplan::testing::read_all(source_dir / "docs" / "example-plan.json");
    CHECK(doc.find("```json\n" + example + "```") != std::string::npos);
    auto loaded = govplan::plan_from_json(example);
    REQUIRE_MESSAGE(loaded.has_value(), loaded.error().to_string());
    CHECK(govplan::plan_to_json(*loaded) == example);
    CHECK(govplan::validate(*loaded).empty());
}

using govplan::testing::objects_of;

/// For every key of every object of `golden`, a copy with that key null and
/// one with it left out: `schema` accepts each exactly when `load` does.
/// Returns how many variants there were and how many both accepted.
std::pair<std::size_t, std::size_t> agree_on_every_key(schema_validator& schema, const json::value& golden,
                                                       const std::function<bool(const std::string&)>& load)
{
    REQUIRE(schema.check(golden).empty());
    REQUIRE(load(json::serialize(golden)));
    std::vector<std::pair<std::string, json::object*>> listed;
    json::value walk = golden;
    objects_of(walk, "", listed);
    std::size_t variants = 0, accepted = 0;
    for (std::size_t i = 0; i < listed.size(); ++i) {
        std::vector<std::string> keys;
        for (const auto& kv : *listed[i].second) keys.emplace_back(kv.key());
        for (const auto& key : keys) {
            for (const bool as_null : {true, false}) {
                // the same object in a fresh copy, found again by its place in the walk
                json::value doc = golden;
                std::vector<std::pair<std::string, json::object*>> objects;
                objects_of(doc, "", objects);
                json::object& o = *objects.at(i).second;
                if (as_null) o[key] = nullptr;
                else o.erase(key);
                const bool schema_accepts = schema.check(doc).empty();
                const bool loader_accepts = load(json::serialize(doc));
                const std::string variant = listed[i].first + "/" + key + (as_null ? " null" : " left out") +
                                            ": schema " + (schema_accepts ? "accepts" : "refuses") + ", loader " +
                                            (loader_accepts ? "accepts" : "refuses");
                CHECK_MESSAGE(schema_accepts == loader_accepts, variant);
                ++variants;
                if (schema_accepts && loader_accepts) ++accepted;
            }
        }
    }
    return {variants, accepted};
}

TEST_CASE("schema and loader agree on every key of a plan left out or null")
{
    // The golden file of format 2 sets every member of every type at least once.
    const auto [variants, accepted] = agree_on_every_key(
        validator(), json::parse(govplan::testing::read_all(source_dir / "tests" / "data" / "golden-v2.json")),
        [](const std::string& text) { return govplan::plan_from_json(text).has_value(); });
    MESSAGE(variants << " variants, " << accepted << " accepted by both");
    CHECK(variants > 1000);
    // both refuse format and format_version null or left out, and a unit
    // definition without its symbol, dimension, base or scale
    CHECK(variants - accepted == 8);
}

TEST_CASE("schema and loader agree on every key of an observations file left out or null")
{
    const auto plan = govplan::load_json(source_dir / "data" / "yancheng-2025.json").value();
    schema_validator observations(
        json::parse(govplan::testing::read_all(source_dir / "schema" / "govplan-observations.schema.json")));
    const auto [variants, accepted] = agree_on_every_key(
        observations, json::parse(govplan::testing::read_all(source_dir / "data" / "yancheng-2025-observations.json")),
        [&](const std::string& text) { return govplan::observations_from_json(text, plan).has_value(); });
    MESSAGE(variants << " variants, " << accepted << " accepted by both");
    CHECK(variants > 100);
    CHECK(accepted < variants);
}

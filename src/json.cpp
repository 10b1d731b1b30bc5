#include <govplan/codes.hpp>
#include <govplan/json.hpp>
#include <govplan/plan_index.hpp>

#include "file_io.hpp"
#include "json_parse.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace govplan {
namespace {

namespace json = boost::json;

// ===========================================================================
// Reading: json::value → plan, tracking the JSON pointer of every value.
// ===========================================================================

struct load_failure {
    govplan::error error;
};

std::string kind_name(const json::value& v)
{
    switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
    }
    return "a value";
}

template <class Enum>
std::string code_list()
{
    std::string out;
    for (auto c : all_codes<Enum>()) {
        if (!out.empty()) out += ", ";
        out += c;
    }
    return out;
}

class reader;

/// The keys of one JSON object, checked against those a type allows.
class fields {
public:
    fields(reader& r, const json::value& v, const char* what, std::initializer_list<std::string_view> allowed);
    const json::value* optional(std::string_view key) const;
    const json::value& required(std::string_view key) const;

private:
    reader& r_;
    const json::object* object_ = nullptr;
    const char* what_;
};

class reader {
public:
    explicit reader(unit_registry units) : units_(std::move(units)) {}

    [[noreturn]] void fail(errc code, std::string message) const
    {
        govplan::error e(code, std::move(message));
        e.pointer = pointer();
        throw load_failure{std::move(e)};
    }

    std::string pointer() const
    {
        std::string out;
        for (const auto& segment : path_) out += detail::json_pointer_segment(segment);
        return out;
    }

    class scope {
    public:
        scope(reader& r, std::string segment) : r_(r) { r_.path_.push_back(std::move(segment)); }
        ~scope() { r_.path_.pop_back(); }
        scope(const scope&) = delete;
        scope& operator=(const scope&) = delete;

    private:
        reader& r_;
    };

    template <class F>
    void req(const fields& f, std::string_view key, F&& read)
    {
        const json::value& v = f.required(key);
        scope s(*this, std::string(key));
        read(v);
    }

    template <class F>
    void opt(const fields& f, std::string_view key, F&& read)
    {
        if (const json::value* v = f.optional(key)) {
            scope s(*this, std::string(key));
            read(*v);
        }
    }

    template <class F>
    void each(const json::value& v, F&& read)
    {
        const json::array& a = array(v);
        for (std::size_t i = 0; i < a.size(); ++i) {
            scope s(*this, std::to_string(i));
            read(a[i]);
        }
    }

    const json::array& array(const json::value& v) const
    {
        if (!v.is_array()) fail(errc::type_mismatch, "expected an array, found " + kind_name(v));
        return v.get_array();
    }

    std::string string(const json::value& v) const
    {
        if (!v.is_string()) fail(errc::type_mismatch, "expected a string, found " + kind_name(v));
        const json::string& s = v.get_string();
        return std::string(s.data(), s.size());
    }

    std::vector<std::string> strings(const json::value& v)
    {
        std::vector<std::string> out;
        each(v, [&](const json::value& e) { out.push_back(string(e)); });
        return out;
    }

    bool boolean(const json::value& v) const
    {
        if (!v.is_bool()) fail(errc::type_mismatch, "expected true or false, found " + kind_name(v));
        return v.get_bool();
    }

    std::int64_t integer(const json::value& v, std::int64_t min, std::int64_t max) const
    {
        std::int64_t i = 0;
        if (v.is_int64()) {
            i = v.get_int64();
        } else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(max)) {
            i = static_cast<std::int64_t>(v.get_uint64());
        } else if (v.is_uint64()) {
            i = max;
            fail(errc::invalid_value, "integer out of range " + std::to_string(min) + ".." + std::to_string(max));
        } else {
            fail(errc::type_mismatch, "expected an integer, found " + kind_name(v));
        }
        if (i < min || i > max) {
            fail(errc::invalid_value, "integer " + std::to_string(i) + " out of range " + std::to_string(min) + ".." +
                                          std::to_string(max));
        }
        return i;
    }

    decimal number(const json::value& v) const
    {
        if (v.is_number()) {
            fail(errc::type_mismatch,
                 "expected a decimal written as a string (e.g. \"10.6\") so that its digits are kept, found a number");
        }
        auto d = decimal::parse(string(v));
        if (!d) fail(errc::invalid_decimal, d.error().message);
        return *d;
    }

    govplan::date date(const json::value& v) const
    {
        auto d = parse_date(string(v));
        if (!d) fail(errc::invalid_date, d.error().message + " (expected YYYY-MM-DD)");
        return *d;
    }

    template <class Enum>
    Enum code(const json::value& v, const char* what) const
    {
        const std::string text = string(v);
        if (auto e = from_code<Enum>(text)) return *e;
        fail(errc::unknown_code,
             std::string("unknown ") + what + " \"" + text + "\"; expected one of: " + code_list<Enum>());
    }

    govplan::unit unit(const json::value& v) const
    {
        const std::string symbol = string(v);
        if (const govplan::unit* u = units_.lookup(symbol)) return *u;
        fail(errc::unknown_unit, "unknown unit \"" + symbol + "\"; define it in the file's \"units\" list");
    }


    /// "format" and "format_version" of a document of kind `format`.
    void read_header(const fields& f, const std::string& format)
    {
        req(f, "format", [&](const json::value& v) {
            if (string(v) != format) fail(errc::bad_magic, "\"format\" must be \"" + format + "\"");
        });
        req(f, "format_version", [&](const json::value& v) {
            const auto version = integer(v, 1, std::numeric_limits<std::int32_t>::max());
            if (version > json_format_version) {
                fail(errc::unsupported_version, "format_version " + std::to_string(version) +
                                                    " is newer than this library reads (" +
                                                    std::to_string(json_format_version) + ")");
            }
        });
    }

    // ---- the model ---------------------------------------------------------

    plan read_document(const json::value& root)
    {
        fields f(*this, root, "govplan document",
                 {"format", "format_version", "id", "title", "jurisdiction", "issuing_body", "year", "period",
                  "report_date", "printed_date", "session", "theme", "source", "units", "focus_areas"});
        read_header(f, "govplan");
        plan p;
        opt(f, "units", [&](const json::value& v) {
            each(v, [&](const json::value& u) { p.units.push_back(read_unit(u)); });
        });

        req(f, "id", [&](const json::value& v) { p.id = string(v); });
        req(f, "title", [&](const json::value& v) { p.title = string(v); });
        req(f, "jurisdiction", [&](const json::value& v) {
            fields j(*this, v, "jurisdiction", {"province", "city", "district", "level"});
            opt(j, "province", [&](const json::value& x) { p.jurisdiction.province = string(x); });
            opt(j, "city", [&](const json::value& x) { p.jurisdiction.city = string(x); });
            opt(j, "district", [&](const json::value& x) { p.jurisdiction.district = string(x); });
            req(j, "level", [&](const json::value& x) {
                p.jurisdiction.level = code<jurisdiction_level>(x, "jurisdiction level");
            });
        });
        opt(f, "issuing_body", [&](const json::value& v) { p.issuing_body = string(v); });
        req(f, "year", [&](const json::value& v) { p.year = static_cast<int>(integer(v, 1400, 9999)); });
        req(f, "period", [&](const json::value& v) {
            fields pf(*this, v, "period", {"first", "last"});
            govplan::date first, last;
            req(pf, "first", [&](const json::value& x) { first = date(x); });
            req(pf, "last", [&](const json::value& x) {
                last = date(x);
                if (last < first) fail(errc::invalid_value, "the period ends before it begins");
                if (last == govplan::date(9999, 12, 31)) fail(errc::invalid_value, "a period must end before 9999-12-31");
            });
            p.period = inclusive_period(first, last);
        });
        req(f, "report_date", [&](const json::value& v) { p.report_date = date(v); });
        opt(f, "printed_date", [&](const json::value& v) { p.printed_date = date(v); });
        opt(f, "session", [&](const json::value& v) { p.session = string(v); });
        opt(f, "theme", [&](const json::value& v) { p.theme = string(v); });
        opt(f, "source", [&](const json::value& v) {
            fields s(*this, v, "source", {"title", "uri"});
            opt(s, "title", [&](const json::value& x) { p.source.title = string(x); });
            opt(s, "uri", [&](const json::value& x) { p.source.uri = string(x); });
        });
        req(f, "focus_areas", [&](const json::value& v) {
            each(v, [&](const json::value& a) { p.focus_areas.push_back(read_focus_area(a)); });
        });
        check_unique_ids(p);
        return p;
    }

    govplan::unit read_unit(const json::value& v)
    {
        fields f(*this, v, "unit definition", {"symbol", "dimension", "base", "scale"});
        govplan::unit u;
        req(f, "symbol", [&](const json::value& x) { u.symbol = string(x); });
        req(f, "dimension", [&](const json::value& x) { u.dimension = code<dimension>(x, "dimension"); });
        req(f, "base", [&](const json::value& x) { u.base = string(x); });
        opt(f, "scale", [&](const json::value& x) {
            // "N" or "N/D", positive integers.
            const std::string s = string(x);
            const auto slash = s.find('/');
            auto part = [&](std::string_view text) {
                auto d = decimal::parse(text);
                if (!d || !d->is_integer() || d->scale() != 0 || d->coefficient() <= 0) {
                    fail(errc::invalid_value, "scale \"" + s + "\" must be N or N/D with positive integers");
                }
                return d->coefficient();
            };
            u.scale.numerator = part(std::string_view(s).substr(0, slash));
            u.scale.denominator = slash == std::string::npos ? 1 : part(std::string_view(s).substr(slash + 1));
        });
        if (u.symbol.empty() || u.base.empty()) fail(errc::invalid_value, "a unit needs a symbol and a base");
        if (const govplan::unit* existing = units_.lookup(u.symbol); existing != nullptr && !(*existing == u)) {
            fail(errc::invalid_value, "unit \"" + u.symbol + "\" is already defined differently");
        }
        units_.add(u);
        return u;
    }

    focus_area read_focus_area(const json::value& v)
    {
        fields f(*this, v, "focus area", {"ordinal", "title", "aim", "lead", "targets", "measures"});
        focus_area a;
        req(f, "ordinal", [&](const json::value& x) { a.ordinal = static_cast<int>(integer(x, 0, 10'000)); });
        req(f, "title", [&](const json::value& x) { a.title = string(x); });
        opt(f, "aim", [&](const json::value& x) { a.aim = string(x); });
        opt(f, "lead", [&](const json::value& x) { a.lead = string(x); });
        opt(f, "targets", [&](const json::value& x) {
            each(x, [&](const json::value& t) { a.targets.push_back(read_target(t)); });
        });
        req(f, "measures", [&](const json::value& x) {
            each(x, [&](const json::value& m) { a.measures.push_back(read_measure(m)); });
        });
        return a;
    }

    measure read_measure(const json::value& v)
    {
        fields f(*this, v, "measure",
                 {"lead", "text", "lead_unit", "partner_units", "deadline", "organisations", "targets", "projects"});
        measure m;
        req(f, "lead", [&](const json::value& x) { m.lead = string(x); });
        req(f, "text", [&](const json::value& x) { m.text = string(x); });
        opt(f, "lead_unit", [&](const json::value& x) { m.lead_unit = string(x); });
        opt(f, "partner_units", [&](const json::value& x) { m.partner_units = strings(x); });
        opt(f, "deadline", [&](const json::value& x) { m.deadline = date(x); });
        opt(f, "organisations", [&](const json::value& x) { m.organisations = strings(x); });
        opt(f, "targets", [&](const json::value& x) {
            each(x, [&](const json::value& t) { m.targets.push_back(read_target(t)); });
        });
        opt(f, "projects", [&](const json::value& x) {
            each(x, [&](const json::value& p) { m.projects.push_back(read_project(p)); });
        });
        return m;
    }

    quantity read_quantity(const fields& f, const govplan::unit& default_unit)
    {
        quantity q;
        req(f, "value", [&](const json::value& x) { q.value = number(x); });
        q.unit = default_unit;
        opt(f, "unit", [&](const json::value& x) { q.unit = unit(x); });
        if (q.unit.empty()) {
            scope s(*this, "unit");
            fail(errc::missing_field, "the target has no unit, so this value must name its own");
        }
        return q;
    }

    provenance read_provenance(const json::value& v)
    {
        fields f(*this, v, "provenance", {"clause", "offset"});
        provenance p;
        req(f, "clause", [&](const json::value& x) { p.clause = string(x); });
        opt(f, "offset", [&](const json::value& x) {
            p.offset = static_cast<std::uint64_t>(integer(x, 0, std::numeric_limits<std::int64_t>::max()));
        });
        return p;
    }

    target read_target(const json::value& v)
    {
        fields f(*this, v, "target",
                 {"id", "metric", "qualifier", "kind", "comparator", "value", "low", "high", "trend", "stretch",
                  "unit", "commitment", "cumulative", "per_capita", "yearly_average", "baseline", "deadline",
                  "project_ids", "provenance", "observations"});
        target t;
        req(f, "id", [&](const json::value& x) { t.id = string(x); });
        req(f, "metric", [&](const json::value& x) { t.metric = string(x); });
        opt(f, "qualifier", [&](const json::value& x) { t.qualifier = string(x); });
        req(f, "kind", [&](const json::value& x) { t.kind = code<target_kind>(x, "target kind"); });
        req(f, "comparator", [&](const json::value& x) { t.comparator = code<govplan::comparator>(x, "comparator"); });
        opt(f, "value", [&](const json::value& x) { t.value = number(x); });
        opt(f, "low", [&](const json::value& x) { t.low = number(x); });
        opt(f, "high", [&](const json::value& x) { t.high = number(x); });
        opt(f, "trend", [&](const json::value& x) { t.trend = code<govplan::trend>(x, "trend"); });
        opt(f, "stretch", [&](const json::value& x) { t.stretch = number(x); });
        opt(f, "unit", [&](const json::value& x) { t.unit = unit(x); });
        opt(f, "commitment", [&](const json::value& x) { t.commitment = code<govplan::commitment>(x, "commitment"); });
        opt(f, "cumulative", [&](const json::value& x) { t.cumulative = boolean(x); });
        opt(f, "per_capita", [&](const json::value& x) { t.per_capita = boolean(x); });
        opt(f, "yearly_average", [&](const json::value& x) { t.yearly_average = boolean(x); });
        opt(f, "baseline", [&](const json::value& x) {
            fields b(*this, x, "baseline", {"date", "value", "unit"});
            govplan::baseline base;
            req(b, "date", [&](const json::value& y) { base.date = date(y); });
            base.value = read_quantity(b, t.unit);
            t.baseline = base;
        });
        opt(f, "deadline", [&](const json::value& x) { t.deadline = date(x); });
        opt(f, "project_ids", [&](const json::value& x) { t.project_ids = strings(x); });
        opt(f, "provenance", [&](const json::value& x) { t.provenance = read_provenance(x); });
        opt(f, "observations", [&](const json::value& x) {
            each(x, [&](const json::value& o) {
                fields of(*this, o, "observation", {"date", "value", "unit", "note", "source"});
                observation obs;
                req(of, "date", [&](const json::value& y) { obs.date = date(y); });
                obs.value = read_quantity(of, t.unit);
                opt(of, "note", [&](const json::value& y) { obs.note = string(y); });
                opt(of, "source", [&](const json::value& y) { obs.source = string(y); });
                t.observations.push_back(std::move(obs));
            });
        });
        return t;
    }

    project read_project(const json::value& v)
    {
        fields f(*this, v, "project",
                 {"id", "name", "action", "stage", "category", "capacity", "organisations", "target_id",
                  "provenance"});
        project p;
        req(f, "id", [&](const json::value& x) { p.id = string(x); });
        req(f, "name", [&](const json::value& x) { p.name = string(x); });
        opt(f, "action", [&](const json::value& x) { p.action = string(x); });
        req(f, "stage", [&](const json::value& x) { p.stage = code<project_stage>(x, "project stage"); });
        opt(f, "category", [&](const json::value& x) { p.category = string(x); });
        opt(f, "capacity", [&](const json::value& x) { p.capacity = string(x); });
        opt(f, "organisations", [&](const json::value& x) { p.organisations = strings(x); });
        opt(f, "target_id", [&](const json::value& x) { p.target_id = string(x); });
        opt(f, "provenance", [&](const json::value& x) { p.provenance = read_provenance(x); });
        return p;
    }

    observation_file read_observations(const json::value& root, const plan& p)
    {
        fields f(*this, root, "observations document",
                 {"format", "format_version", "plan_id", "illustrative", "note", "observations"});
        read_header(f, "govplan-observations");
        for (const auto& u : p.units) units_.add(u);
        observation_file out;
        const plan_index targets(p);
        req(f, "plan_id", [&](const json::value& v) {
            out.plan_id = string(v);
            if (out.plan_id != p.id) {
                fail(errc::invalid_value, "these observations are for plan \"" + out.plan_id + "\", not \"" + p.id + "\"");
            }
        });
        opt(f, "illustrative", [&](const json::value& v) { out.illustrative = boolean(v); });
        opt(f, "note", [&](const json::value& v) { out.note = string(v); });
        req(f, "observations", [&](const json::value& v) {
            each(v, [&](const json::value& e) {
                fields of(*this, e, "observation", {"target_id", "date", "value", "unit", "note", "source"});
                observation_entry entry;
                const target* t = nullptr;
                req(of, "target_id", [&](const json::value& x) {
                    entry.target_id = string(x);
                    t = targets.find_target(entry.target_id);
                    if (t == nullptr) fail(errc::invalid_value, "the plan has no target \"" + entry.target_id + "\"");
                });
                req(of, "date", [&](const json::value& x) { entry.value.date = date(x); });
                entry.value.value = read_quantity(of, t->unit);
                opt(of, "note", [&](const json::value& x) { entry.value.note = string(x); });
                opt(of, "source", [&](const json::value& x) { entry.value.source = string(x); });
                out.entries.push_back(std::move(entry));
            });
        });
        return out;
    }

    // Duplicate ids are a load error: links by id would be ambiguous.
    void check_unique_ids(const plan& p)
    {
        std::set<std::string, std::less<>> seen;
        for (std::size_t f = 0; f < p.focus_areas.size(); ++f) {
            for (std::size_t t = 0; t < p.focus_areas[f].targets.size(); ++t) {
                const std::string& id = p.focus_areas[f].targets[t].id;
                if (id.empty() || seen.insert(id).second) continue;
                scope a(*this, "focus_areas");
                scope b(*this, std::to_string(f));
                scope e(*this, "targets");
                scope g(*this, std::to_string(t));
                scope h(*this, "id");
                fail(errc::duplicate_id, "id \"" + id + "\" is used twice");
            }
            const auto& measures = p.focus_areas[f].measures;
            for (std::size_t m = 0; m < measures.size(); ++m) {
                auto check = [&](const std::string& id, const char* list, std::size_t i) {
                    if (id.empty() || seen.insert(id).second) return;
                    scope a(*this, "focus_areas");
                    scope b(*this, std::to_string(f));
                    scope c(*this, "measures");
                    scope d(*this, std::to_string(m));
                    scope e(*this, list);
                    scope g(*this, std::to_string(i));
                    scope h(*this, "id");
                    fail(errc::duplicate_id, "id \"" + id + "\" is used twice");
                };
                for (std::size_t t = 0; t < measures[m].targets.size(); ++t) check(measures[m].targets[t].id, "targets", t);
                for (std::size_t j = 0; j < measures[m].projects.size(); ++j) check(measures[m].projects[j].id, "projects", j);
            }
        }
    }

private:
    unit_registry units_;
    std::vector<std::string> path_;
};

fields::fields(reader& r, const json::value& v, const char* what, std::initializer_list<std::string_view> allowed)
    : r_(r), what_(what)
{
    if (!v.is_object()) r.fail(errc::type_mismatch, std::string("expected ") + what + " (an object), found " + kind_name(v));
    object_ = &v.get_object();
    for (const auto& kv : *object_) {
        const std::string_view key(kv.key().data(), kv.key().size());
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string expected;
            for (auto a : allowed) expected += (expected.empty() ? "" : ", ") + std::string(a);
            reader::scope s(r, std::string(key));
            r.fail(errc::unknown_field,
                   "unknown key \"" + std::string(key) + "\" in " + what + "; expected one of: " + expected);
        }
    }
}

const json::value* fields::optional(std::string_view key) const
{
    const json::value* v = object_->if_contains(json::string_view(key.data(), key.size()));
    return v == nullptr || v->is_null() ? nullptr : v;
}

const json::value& fields::required(std::string_view key) const
{
    const json::value* v = object_->if_contains(json::string_view(key.data(), key.size()));
    if (v == nullptr) r_.fail(errc::missing_field, "missing key \"" + std::string(key) + "\" in " + what_);
    if (v->is_null()) {
        reader::scope s(r_, std::string(key));
        r_.fail(errc::missing_field, "key \"" + std::string(key) + "\" in " + what_ + " must not be null");
    }
    return *v;
}

// ===========================================================================
// Writing: plan → JSON text with fixed key order and indentation.
// ===========================================================================

class writer {
public:
    std::string take() { return std::move(out_); }

    void begin_object()
    {
        value_prefix();
        out_ += '{';
        stack_.push_back({true, 0});
    }
    void end_object() { close('}'); }
    void begin_array()
    {
        value_prefix();
        out_ += '[';
        stack_.push_back({false, 0});
    }
    void end_array() { close(']'); }

    void key(std::string_view k)
    {
        separator();
        append_string(k);
        out_ += ": ";
        after_key_ = true;
    }

    void string(std::string_view s)
    {
        value_prefix();
        append_string(s);
    }
    void integer(std::int64_t i)
    {
        value_prefix();
        out_ += std::to_string(i);
    }
    void boolean(bool b)
    {
        value_prefix();
        out_ += b ? "true" : "false";
    }

    // Convenience: "key": value.
    void field(std::string_view k, std::string_view s)
    {
        key(k);
        string(s);
    }
    void field_if(std::string_view k, std::string_view s)
    {
        if (!s.empty()) field(k, s);
    }
    void field(std::string_view k, const decimal& d) { field(k, d.to_string()); }
    void field(std::string_view k, const govplan::date& d) { field(k, to_iso_string(d)); }
    void field_int(std::string_view k, std::int64_t i)
    {
        key(k);
        integer(i);
    }
    void flag(std::string_view k, bool b)
    {
        if (!b) return;
        key(k);
        boolean(true);
    }
    template <class Enum>
    void code(std::string_view k, Enum e)
    {
        field(k, to_code(e));
    }
    void strings(std::string_view k, const std::vector<std::string>& list, bool always = false)
    {
        if (list.empty() && !always) return;
        key(k);
        begin_array();
        for (const auto& s : list) string(s);
        end_array();
    }

private:
    struct frame {
        bool object;
        std::size_t count;
    };

    void newline()
    {
        out_ += '\n';
        out_.append(2 * stack_.size(), ' ');
    }
    void separator()
    {
        if (stack_.empty()) return;
        if (stack_.back().count++ > 0) out_ += ',';
        newline();
    }
    void value_prefix()
    {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        separator();
    }
    void close(char c)
    {
        const bool had_members = stack_.back().count > 0;
        stack_.pop_back();
        if (had_members) newline();
        out_ += c;
    }
    void append_string(std::string_view s) { out_ += json::serialize(json::string_view(s.data(), s.size())); }

    std::string out_;
    std::vector<frame> stack_;
    bool after_key_ = false;
};

void write_quantity_fields(writer& w, const quantity& q, const unit& default_unit)
{
    w.field("value", q.value);
    if (!(q.unit == default_unit)) w.field("unit", q.unit.symbol);
}

void write_provenance(writer& w, const provenance& p)
{
    if (p.clause.empty() && !p.offset) return;
    w.key("provenance");
    w.begin_object();
    w.field("clause", p.clause);
    if (p.offset) w.field_int("offset", static_cast<std::int64_t>(*p.offset));
    w.end_object();
}

void write_target(writer& w, const target& t)
{
    w.begin_object();
    w.field("id", t.id);
    w.field("metric", t.metric);
    w.field_if("qualifier", t.qualifier);
    w.code("kind", t.kind);
    w.code("comparator", t.comparator);
    if (t.value) w.field("value", *t.value);
    if (t.low) w.field("low", *t.low);
    if (t.high) w.field("high", *t.high);
    if (t.trend) w.code("trend", *t.trend);
    if (t.stretch) w.field("stretch", *t.stretch);
    w.field_if("unit", t.unit.symbol);
    w.code("commitment", t.commitment);
    w.flag("cumulative", t.cumulative);
    w.flag("per_capita", t.per_capita);
    w.flag("yearly_average", t.yearly_average);
    if (t.baseline) {
        w.key("baseline");
        w.begin_object();
        w.field("date", t.baseline->date);
        write_quantity_fields(w, t.baseline->value, t.unit);
        w.end_object();
    }
    if (t.deadline) w.field("deadline", *t.deadline);
    w.strings("project_ids", t.project_ids);
    write_provenance(w, t.provenance);
    if (!t.observations.empty()) {
        w.key("observations");
        w.begin_array();
        for (const auto& o : t.observations) {
            w.begin_object();
            w.field("date", o.date);
            write_quantity_fields(w, o.value, t.unit);
            w.field_if("note", o.note);
            w.field_if("source", o.source);
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
}

void write_project(writer& w, const project& p)
{
    w.begin_object();
    w.field("id", p.id);
    w.field("name", p.name);
    w.field_if("action", p.action);
    w.code("stage", p.stage);
    w.field_if("category", p.category);
    w.field_if("capacity", p.capacity);
    w.strings("organisations", p.organisations);
    w.field_if("target_id", p.target_id);
    write_provenance(w, p.provenance);
    w.end_object();
}

std::string scale_text(const unit_scale& s)
{
    return std::to_string(s.numerator) + (s.denominator == 1 ? "" : "/" + std::to_string(s.denominator));
}

/// The plan's own units, then any other unit it uses that the standard
/// registry does not define (so that saving loses no definition).
std::vector<unit> custom_units(const plan& p)
{
    std::vector<unit> out = p.units;
    auto consider = [&](const unit& u) {
        if (u.empty() || unit_registry::standard().contains(u)) return;
        if (std::find(out.begin(), out.end(), u) == out.end()) out.push_back(u);
    };
    for_each_target(p, [&](const target& t, const element_position&) {
        consider(t.unit);
        if (t.baseline) consider(t.baseline->value.unit);
        for (const auto& o : t.observations) consider(o.value.unit);
    });
    return out;
}


/// Parses `text` and hands the document to `read` (which throws
/// load_failure), mapping every failure to a located govplan::error.
template <class T, class Read>
result<T> read_document(std::string_view text, const json_read_options& options, Read&& read)
{
    auto fill_location = [&](govplan::error e) {
        e.source = options.source_name;
        return e;
    };
    if (text.size() > options.limits.max_bytes) {
        return fill_location(govplan::error(errc::limit_exceeded, "document of " + std::to_string(text.size()) +
                                                                      " bytes exceeds the limit of " +
                                                                      std::to_string(options.limits.max_bytes) + " bytes"));
    }
    try {
        // The parsed document lives only until the result is built: one arena.
        json::monotonic_resource arena;
        auto parsed = detail::parse_json(text, options.limits, json::storage_ptr(&arena));
        if (!parsed) return fill_location(parsed.error());
        reader r(options.units != nullptr ? *options.units : unit_registry::standard());
        try {
            return read(r, *parsed);
        } catch (load_failure& failure) {
            detail::locate_json_pointer(text, failure.error, options.limits);
            return fill_location(std::move(failure.error));
        }
    } catch (const std::bad_alloc&) {
        return fill_location(govplan::error(errc::limit_exceeded, "out of memory while reading the document"));
    } catch (const std::exception& e) {
        return fill_location(govplan::error(errc::invalid_value, std::string("cannot read the document: ") + e.what()));
    }
}

}  // namespace

result<plan> plan_from_json(std::string_view text, const json_read_options& options)
{
    return read_document<plan>(text, options, [](reader& r, const json::value& doc) { return r.read_document(doc); });
}

std::string plan_to_json(const plan& p)
{
    writer w;
    w.begin_object();
    w.field("format", "govplan");
    w.field_int("format_version", json_format_version);
    w.field("id", p.id);
    w.field("title", p.title);
    w.key("jurisdiction");
    w.begin_object();
    w.field_if("province", p.jurisdiction.province);
    w.field_if("city", p.jurisdiction.city);
    w.field_if("district", p.jurisdiction.district);
    w.code("level", p.jurisdiction.level);
    w.end_object();
    w.field_if("issuing_body", p.issuing_body);
    w.field_int("year", p.year);
    w.key("period");
    w.begin_object();
    w.field("first", p.period.begin());
    w.field("last", p.period.last());
    w.end_object();
    w.field("report_date", p.report_date);
    if (p.printed_date) w.field("printed_date", *p.printed_date);
    w.field_if("session", p.session);
    w.field_if("theme", p.theme);
    if (!p.source.title.empty() || !p.source.uri.empty()) {
        w.key("source");
        w.begin_object();
        w.field_if("title", p.source.title);
        w.field_if("uri", p.source.uri);
        w.end_object();
    }
    if (auto units = custom_units(p); !units.empty()) {
        w.key("units");
        w.begin_array();
        for (const auto& u : units) {
            w.begin_object();
            w.field("symbol", u.symbol);
            w.code("dimension", u.dimension);
            w.field("base", u.base);
            w.field("scale", scale_text(u.scale));
            w.end_object();
        }
        w.end_array();
    }
    w.key("focus_areas");
    w.begin_array();
    for (const auto& a : p.focus_areas) {
        w.begin_object();
        w.field_int("ordinal", a.ordinal);
        w.field("title", a.title);
        w.field_if("aim", a.aim);
        w.field_if("lead", a.lead);
        if (!a.targets.empty()) {
            w.key("targets");
            w.begin_array();
            for (const auto& t : a.targets) write_target(w, t);
            w.end_array();
        }
        w.key("measures");
        w.begin_array();
        for (const auto& m : a.measures) {
            w.begin_object();
            w.field("lead", m.lead);
            w.field("text", m.text);
            if (m.lead_unit) w.field("lead_unit", *m.lead_unit);
            w.strings("partner_units", m.partner_units);
            if (m.deadline) w.field("deadline", *m.deadline);
            w.strings("organisations", m.organisations);
            w.key("targets");
            w.begin_array();
            for (const auto& t : m.targets) write_target(w, t);
            w.end_array();
            w.key("projects");
            w.begin_array();
            for (const auto& pr : m.projects) write_project(w, pr);
            w.end_array();
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    std::string out = w.take();
    out += '\n';
    return out;
}

result<observation_file> observations_from_json(std::string_view text, const plan& p, const json_read_options& options)
{
    return read_document<observation_file>(
        text, options, [&p](reader& r, const json::value& doc) { return r.read_observations(doc, p); });
}

result<observation_file> load_observations(const std::filesystem::path& file, const plan& p, json_read_options options)
{
    if (options.source_name.empty()) options.source_name = file.string();
    auto bytes = detail::read_file(file, options.limits.max_bytes);
    if (!bytes) return bytes.error();
    return observations_from_json(*bytes, p, options);
}

result<plan> with_observations(const plan& p, const observation_file& file)
{
    if (file.plan_id != p.id) {
        return govplan::error(errc::invalid_value,
                              "the observations are for plan \"" + file.plan_id + "\", not \"" + p.id + "\"");
    }
    plan out = p;
    // The first target of each id, as find_target() would find it: one walk,
    // then a lookup per entry.
    std::unordered_map<std::string_view, target*> by_id;
    auto add = [&](std::vector<target>& targets) {
        for (auto& t : targets)
            if (!t.id.empty()) by_id.try_emplace(t.id, &t);
    };
    for (auto& area : out.focus_areas) {
        add(area.targets);
        for (auto& m : area.measures) add(m.targets);
    }
    for (const auto& entry : file.entries) {
        const auto it = by_id.find(entry.target_id);
        if (it == by_id.end()) return govplan::error(errc::invalid_value, "the plan has no target \"" + entry.target_id + "\"");
        it->second->observations.push_back(entry.value);
    }
    return out;
}

result<plan> load_json(const std::filesystem::path& file, json_read_options options)
{
    if (options.source_name.empty()) options.source_name = file.string();
    auto bytes = detail::read_file(file, options.limits.max_bytes);
    if (!bytes) return bytes.error();
    return plan_from_json(*bytes, options);
}

result<void> save_json(const plan& p, const std::filesystem::path& file)
{
    std::string text;
    try {
        text = plan_to_json(p);
    } catch (const std::exception& e) {
        govplan::error err(errc::invalid_value, std::string("cannot write the plan as JSON: ") + e.what());
        err.source = file.string();
        return err;
    }
    return detail::write_file_atomically(file, text);
}

}  // namespace govplan

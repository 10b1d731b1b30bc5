#include <govplan/codes.hpp>
#include <govplan/json.hpp>
#include <govplan/plan_index.hpp>

#include "file_io.hpp"
#include "json_direct.hpp"
#include "json_parse.hpp"
#include "unique_ids.hpp"
#include "writable.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>

#include "described.hpp"
#include "json_keys.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace govplan::detail {

std::optional<unit_scale> parse_unit_scale(std::string_view text)
{
    auto part = [](std::string_view digits) -> std::optional<std::int64_t> {
        auto d = decimal::parse(digits);
        if (!d || !d->is_integer() || d->scale() != 0 || d->coefficient() <= 0) return std::nullopt;
        return d->coefficient();
    };
    const auto slash = text.find('/');
    const auto numerator = part(text.substr(0, slash));
    const auto denominator = slash == std::string_view::npos ? std::optional<std::int64_t>(1) : part(text.substr(slash + 1));
    if (!numerator || !denominator) return std::nullopt;
    return unit_scale{*numerator, *denominator};
}

}  // namespace govplan::detail

GOVPLAN_BEGIN_NAMESPACE
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

/// How a model type is named in messages.
template <class T>
constexpr const char* type_name()
{
    if constexpr (std::is_same_v<T, plan>) return "govplan document";
    else if constexpr (std::is_same_v<T, focus_area>) return "focus area";
    else if constexpr (std::is_same_v<T, measure>) return "measure";
    else if constexpr (std::is_same_v<T, target>) return "target";
    else if constexpr (std::is_same_v<T, project>) return "project";
    else if constexpr (std::is_same_v<T, unit_definition>) return "unit definition";
    else if constexpr (std::is_same_v<T, target_scope>) return "scope";
    else if constexpr (std::is_same_v<T, statement_group>) return "group";
    else if constexpr (std::is_same_v<T, target_link>) return "target link";
    else if constexpr (std::is_same_v<T, text_span>) return "text span";
    else if constexpr (std::is_same_v<T, source_reference>) return "source";
    else if constexpr (std::is_same_v<T, baseline>) return "baseline";
    else if constexpr (std::is_same_v<T, provenance>) return "provenance";
    else if constexpr (std::is_same_v<T, observation>) return "observation";
    else if constexpr (std::is_same_v<T, jurisdiction>) return "jurisdiction";
    else if constexpr (std::is_same_v<T, milestone>) return "milestone";
    else if constexpr (std::is_same_v<T, responsibility>) return "responsibility";
    else if constexpr (std::is_same_v<T, quantity>) return "quantity";
    else return "object";
}

using detail::has_flat_quantity;
using detail::is_quantity_v;
using detail::key_table;
using detail::keys_of;
using detail::version_1_keys;

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

    std::int64_t integer(const json::value& v, std::int64_t min, std::int64_t max) const
    {
        std::int64_t i = 0;
        if (v.is_int64()) {
            i = v.get_int64();
        } else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(max)) {
            i = static_cast<std::int64_t>(v.get_uint64());
        } else if (v.is_uint64()) {
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

    // ---- leaf values -------------------------------------------------------

    void read_value(const json::value& v, std::string& out) { out = string(v); }

    void read_value(const json::value& v, bool& out)
    {
        if (!v.is_bool()) fail(errc::type_mismatch, "expected true or false, found " + kind_name(v));
        out = v.get_bool();
    }

    void read_value(const json::value& v, int& out)
    {
        out = static_cast<int>(integer(v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    }

    void read_value(const json::value& v, std::uint64_t& out)
    {
        out = static_cast<std::uint64_t>(integer(v, 0, std::numeric_limits<std::int64_t>::max()));
    }

    void read_value(const json::value& v, decimal& out)
    {
        if (v.is_number()) {
            fail(errc::type_mismatch,
                 "expected a decimal written as a string (e.g. \"10.6\") so that its digits are kept, found a number");
        }
        auto d = decimal::parse(string(v));
        if (!d) fail(errc::invalid_decimal, d.error().message);
        out = *d;
    }

    void read_value(const json::value& v, govplan::date& out)
    {
        auto d = parse_date(string(v));
        if (!d) fail(errc::invalid_date, d.error().message + " (expected YYYY-MM-DD)");
        out = *d;
    }

    void read_value(const json::value& v, date_period& out)
    {
        fields pf(*this, v, "period", {"first", "last"});
        govplan::date first, last;
        req(pf, "first", [&](const json::value& x) { read_value(x, first); });
        req(pf, "last", [&](const json::value& x) {
            read_value(x, last);
            if (last < first) fail(errc::invalid_value, "the period ends before it begins");
            if (last == govplan::date(9999, 12, 31)) fail(errc::invalid_value, "a period must end before 9999-12-31");
        });
        out = inclusive_period(first, last);
    }

    template <class Enum>
        requires std::is_enum_v<Enum>
    void read_value(const json::value& v, Enum& out)
    {
        const std::string text = string(v);
        if (auto e = from_code<Enum>(text)) {
            out = *e;
            return;
        }
        // Named after its key: "unknown comparator \"x\"".
        const bool keyed = !path_.empty() && !path_.back().empty() &&
                           !std::isdigit(static_cast<unsigned char>(path_.back()[0]));
        fail(errc::unknown_code, "unknown " + (keyed ? path_.back() : std::string("code")) + " \"" +
                                     detail::quoted_excerpt(text) + "\"; expected one of: " + code_list<Enum>());
    }

    /// A unit member names its unit by symbol.
    void read_value(const json::value& v, govplan::unit& out)
    {
        const std::string symbol = string(v);
        if (symbol.empty()) {
            out = {};
            return;
        }
        if (const govplan::unit* known = units_.lookup(symbol)) {
            out = *known;  // shares the registry's definition
            return;
        }
        if (auto rate = derived_rates_.find(symbol); rate != derived_rates_.end()) {
            out = rate->second;
            return;
        }
        auto found = units_.find(symbol);  // a rate (元/吨) of a known unit
        if (!found) fail(errc::unknown_unit, "unknown unit \"" + symbol + "\"; define it in the file's \"units\" list");
        out = derived_rates_.emplace(symbol, std::move(*found)).first->second;
    }

    /// "N" or "N/D", positive integers.
    void read_value(const json::value& v, unit_scale& out)
    {
        const std::string s = string(v);
        const auto scale = detail::parse_unit_scale(s);
        if (!scale) fail(errc::invalid_value, "scale \"" + s + "\" must be N or N/D with positive integers");
        out = *scale;
    }

    /// The plan's "units" list holds definitions, each registered in turn.
    void read_value(const json::value& v, std::vector<govplan::unit>& out)
    {
        each(v, [&](const json::value& x) {
            unit_definition definition;
            read_object(x, definition);
            if (version_ == 1) serialization_detail::upgrade_format_1_unit(definition);
            govplan::unit u(std::move(definition));
            if (auto why = detail::register_plan_unit(units_, u)) fail(errc::invalid_value, *why);
            out.push_back(std::move(u));
        });
    }

    template <class Optional>
        requires detail::is_optional<Optional>
    void read_value(const json::value& v, Optional& out)
    {
        out.emplace();
        read_value(v, *out);
    }

    template <class T>
    void read_value(const json::value& v, boxed<T>& out)
    {
        T plain;
        read_value(v, plain);
        out = std::move(plain);  // an empty value keeps no allocation
    }

    template <class T>
    void read_value(const json::value& v, std::vector<T>& out)
    {
        each(v, [&](const json::value& x) {
            out.emplace_back();
            read_value(x, out.back());
        });
    }

    template <detail::described T>
    void read_value(const json::value& v, T& out)
    {
        read_object(v, out);
    }

    // ---- described objects -------------------------------------------------

    static constexpr std::size_t max_slots = 48;

    /// Reads an object into `out` member by member, in declaration order (so
    /// a plan's units are known before its targets, a target's unit before
    /// its baseline). Every key is optional: an absent or null key leaves the
    /// member at its default. A key that is no member is an error. Each key
    /// is looked up once, in a table built once per type.
    template <detail::described T>
    void read_object(const json::value& v, T& out)
    {
        if (!v.is_object()) {
            fail(errc::type_mismatch, std::string("expected ") + type_name<T>() + " (an object), found " + kind_name(v));
        }
        const key_table& table = keys_of<T>();
        if (table.names.size() > max_slots) throw std::logic_error("govplan: a model type has too many members");
        std::array<const json::value*, max_slots> found{};
        for (const auto& kv : v.get_object()) {
            const std::string_view key(kv.key().data(), kv.key().size());
            const std::size_t slot = table.find(key);
            if (slot == std::string_view::npos || (slot >= table.first_version_1 && version_ != 1)) {
                unknown_key<T>(table, key);
            }
            found[slot] = kv.value().is_null() ? nullptr : &kv.value();
        }
        const govplan::unit* outer_unit = context_unit_;
        if constexpr (std::is_same_v<T, target>) context_unit_ = &out.unit;
        std::size_t index = 0;
        detail::for_each_member(out, [&](std::string_view name, auto& member) {
            const std::size_t i = index++;
            using member_type = std::remove_cvref_t<decltype(member)>;
            if constexpr (is_quantity_v<member_type>) {
                if (name == "value") {
                    read_flat_quantity(found[i], table.unit == std::string_view::npos ? nullptr : found[table.unit],
                                       member);
                    return;
                }
            }
            if (found[i] == nullptr) return;
            scope s(*this, std::string(name));
            read_value(*found[i], member);
        });
        if constexpr (std::is_same_v<T, measure> || std::is_same_v<T, project>) {
            if (version_ == 1) read_version_1_keys(table, found, out);
        }
        check_read(out);
        context_unit_ = outer_unit;
    }

    template <class T>
    [[noreturn]] void unknown_key(const key_table& table, std::string_view key)
    {
        std::string expected;
        for (std::size_t i = 0; i < table.first_version_1; ++i) {
            expected += (expected.empty() ? "" : ", ") + std::string(table.names[i]);
        }
        scope s(*this, std::string(key));
        fail(errc::unknown_field, "unknown key \"" + detail::quoted_excerpt(key) + "\" in " + type_name<T>() +
                                      "; expected one of: " + expected);
    }

    // Ranges the type of a member does not say.
    void check_read(const plan& p)
    {
        if (p.year < 0 || p.year > detail::max_year) {
            scope s(*this, "year");
            fail(errc::invalid_value, "year " + std::to_string(p.year) + " out of range 0.." + std::to_string(detail::max_year));
        }
    }
    void check_read(const focus_area& a)
    {
        if (a.ordinal < 0 || a.ordinal > detail::max_ordinal) {
            scope s(*this, "ordinal");
            fail(errc::invalid_value,
                 "ordinal " + std::to_string(a.ordinal) + " out of range 0.." + std::to_string(detail::max_ordinal));
        }
    }
    template <class T>
    void check_read(const T&)
    {
    }

    /// A flat quantity from its "value" and "unit" keys (either may be null).
    void read_flat_quantity(const json::value* value, const json::value* unit, std::optional<quantity>& out)
    {
        if (value == nullptr) return;
        out.emplace();
        read_flat_quantity(value, unit, *out);
    }

    void read_flat_quantity(const json::value* value, const json::value* unit, quantity& out)
    {
        if (value != nullptr) {
            scope s(*this, "value");
            read_value(*value, out.value);
        }
        out.unit = context_unit_ != nullptr ? *context_unit_ : govplan::unit{};
        if (unit != nullptr) {
            scope s(*this, "unit");
            read_value(*unit, out.unit);
        }
    }

    void read_flat_quantity(const json::object& object, quantity& out)
    {
        auto at = [&](const char* key) -> const json::value* {
            const json::value* x = object.if_contains(key);
            return x == nullptr || x->is_null() ? nullptr : x;
        };
        read_flat_quantity(at("value"), at("unit"), out);
    }

    void read_version_1_keys(const key_table& table, const std::array<const json::value*, max_slots>& found, measure& m)
    {
        const json::value* lead_unit = found[table.first_version_1];
        const json::value* partner_units = found[table.first_version_1 + 1];
        if (lead_unit == nullptr && partner_units == nullptr) return;
        responsibility who = *m.responsibility;  // what a "responsibility" key gave, if any
        if (lead_unit != nullptr) {
            scope s(*this, "lead_unit");
            who.lead_units.push_back(string(*lead_unit));
        }
        if (partner_units != nullptr) {
            scope s(*this, "partner_units");
            read_value(*partner_units, who.partner_units);
        }
        m.responsibility = std::move(who);  // "partner_units": [] keeps no allocation
    }

    void read_version_1_keys(const key_table& table, const std::array<const json::value*, max_slots>& found, project& p)
    {
        if (const json::value* x = found[table.first_version_1]) {  // target_id; "" meant no link
            scope s(*this, "target_id");
            if (std::string id = string(*x); !id.empty()) p.targets.push_back(target_link{std::move(id), link_role::exemplifies});
        }
    }

    /// "format" and "format_version" of a document of kind `format`.
    /// `newest`: the newest version of that kind of document this library reads.
    void read_header(const fields& f, const std::string& format, int newest)
    {
        req(f, "format", [&](const json::value& v) {
            if (string(v) != format) fail(errc::bad_magic, "\"format\" must be \"" + format + "\"");
        });
        req(f, "format_version", [&](const json::value& v) {
            const auto version = integer(v, 1, std::numeric_limits<std::int32_t>::max());
            if (version > newest) {
                fail(errc::unsupported_version, "format_version " + std::to_string(version) +
                                                    " is newer than this library reads (" + std::to_string(newest) +
                                                    ")");
            }
            version_ = static_cast<int>(version);
        });
    }

    // ---- documents ---------------------------------------------------------

    plan read_document(const json::value& root)
    {
        if (!root.is_object()) fail(errc::type_mismatch, "expected govplan document (an object), found " + kind_name(root));
        {
            // Unknown keys first, then the header: the version decides which
            // keys the members may hold.
            const json::object& object = root.get_object();
            for (const auto& kv : object) {
                const std::string_view key(kv.key().data(), kv.key().size());
                const key_table& table = keys_of<plan>();
                const std::size_t slot = table.find(key);
                if (slot == std::string_view::npos || slot >= table.first_version_1) unknown_key<plan>(table, key);
            }
            auto header = [&](std::string_view key) -> const json::value& {
                const json::value* v = object.if_contains(json::string_view(key.data(), key.size()));
                if (v == nullptr) fail(errc::missing_field, "missing key \"" + std::string(key) + "\" in govplan document");
                return *v;
            };
            const json::value& format = header("format");
            {
                scope s(*this, "format");
                if (!format.is_string() || format.get_string() != "govplan") {
                    fail(errc::bad_magic, "\"format\" must be \"govplan\"");
                }
            }
            const json::value& version = header("format_version");
            scope s(*this, "format_version");
            const auto v = integer(version, 1, std::numeric_limits<std::int32_t>::max());
            if (v > json_format_version) {
                fail(errc::unsupported_version, "format_version " + std::to_string(v) +
                                                    " is newer than this library reads (" +
                                                    std::to_string(json_format_version) + ")");
            }
            version_ = static_cast<int>(v);
        }
        plan p;
        read_object(root, p);
        check_unique_ids(p);
        return p;
    }

    observation_file read_observations(const json::value& root, const plan& p)
    {
        fields f(*this, root, "observations document",
                 {"format", "format_version", "plan_id", "illustrative", "note", "observations"});
        read_header(f, "govplan-observations", 1);  // observation files are still at version 1
        for (const auto& u : p.units) {
            if (const auto why = detail::register_plan_unit(units_, u))
                fail(errc::invalid_value, "the plan's unit cannot be used: " + *why);
        }
        observation_file out;
        const plan_index targets(p);
        req(f, "plan_id", [&](const json::value& v) {
            out.plan_id = string(v);
            if (out.plan_id != p.id) {
                fail(errc::invalid_value, "these observations are for plan \"" + detail::quoted_excerpt(out.plan_id) +
                                              "\", not \"" + detail::quoted_excerpt(p.id) + "\"");
            }
        });
        opt(f, "illustrative", [&](const json::value& v) { read_value(v, out.illustrative); });
        opt(f, "note", [&](const json::value& v) { out.note = string(v); });
        req(f, "observations", [&](const json::value& v) {
            each(v, [&](const json::value& e) {
                fields of(*this, e, "observation", {"target_id", "date", "value", "unit", "note", "source"});
                observation_entry entry;
                const target* t = nullptr;
                req(of, "target_id", [&](const json::value& x) {
                    entry.target_id = string(x);
                    t = targets.find_target(entry.target_id);
                    if (t == nullptr) {
                        fail(errc::invalid_value,
                             "the plan has no target \"" + detail::quoted_excerpt(entry.target_id) + "\"");
                    }
                });
                req(of, "date", [&](const json::value& x) { read_value(x, entry.value.date); });
                (void)of.required("value");  // read just below, with the unit beside it
                context_unit_ = &t->unit;
                read_flat_quantity(e.get_object(), entry.value.value);
                context_unit_ = nullptr;
                if (entry.value.value.unit.empty() && !met_or_not(*t) && !t->unit.empty()) {
                    scope s(*this, "unit");
                    fail(errc::missing_field, "the target has no unit, so this value must name its own");
                }
                opt(of, "note", [&](const json::value& x) { entry.value.note = string(x); });
                opt(of, "source", [&](const json::value& x) { entry.value.source = string(x); });
                out.entries.push_back(std::move(entry));
            });
        });
        return out;
    }

    // A repeated id is a load error: links by id would be ambiguous.
    void check_unique_ids(const plan& p)
    {
        const auto repeated = detail::first_repeated_id(p);
        if (!repeated) return;
        const element_position& at = repeated->at;
        scope a(*this, "focus_areas");
        scope b(*this, std::to_string(at.focus_area));
        std::optional<scope> c, d;
        if (!at.in_lead()) {
            c.emplace(*this, "measures");
            d.emplace(*this, std::to_string(*at.measure));
        }
        scope e(*this, repeated->project ? "projects" : "targets");
        scope g(*this, std::to_string(at.index));
        scope h(*this, "id");
        fail(errc::duplicate_id, "id \"" + detail::quoted_excerpt(repeated->id) + "\" is used twice");
    }

private:
    unit_registry units_;
    std::unordered_map<std::string, govplan::unit> derived_rates_;  ///< rates (元/吨) read so far, one definition each
    std::vector<std::string> path_;
    int version_ = json_format_version;
    const govplan::unit* context_unit_ = nullptr;  ///< the unit of the target being read
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
            r.fail(errc::unknown_field, "unknown key \"" + detail::quoted_excerpt(key) + "\" in " + what +
                                            "; expected one of: " + expected);
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
// Writing: plan → JSON text, keys in declaration order, two-space indent.
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
    void unsigned_integer(std::uint64_t i)
    {
        value_prefix();
        out_ += std::to_string(i);
    }
    void boolean(bool b)
    {
        value_prefix();
        out_ += b ? "true" : "false";
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

std::string scale_text(const unit_scale& s)
{
    return std::to_string(s.numerator) + (s.denominator == 1 ? "" : "/" + std::to_string(s.denominator));
}

/// Writes described values. A member is left out when it holds its default
/// (an empty string or list, false, an absent optional, a special date, an
/// object equal to its default), except numbers and enumerations, which are
/// always written: the reader gives an absent key its default, so whatever is
/// written reads back equal.
class plan_writer {
public:
    explicit plan_writer(writer& w) : w_(w) {}

    void write_plan(const plan& p)
    {
        w_.begin_object();
        w_.key("format");
        w_.string("govplan");
        w_.key("format_version");
        w_.integer(json_format_version);
        units_ = detail::units_to_define(p);
        write_members(p);
        w_.end_object();
    }

    template <detail::described T>
    void write_members(const T& value)
    {
        const govplan::unit* outer_unit = context_unit_;
        if constexpr (std::is_same_v<T, target>) context_unit_ = &value.unit;
        detail::for_each_member(value, [&](std::string_view name, const auto& member) {
            using member_type = std::remove_cvref_t<decltype(member)>;
            if constexpr (std::is_same_v<T, plan> && std::is_same_v<member_type, std::vector<govplan::unit>>) {
                write_member(name, units_);
            } else if constexpr (is_quantity_v<member_type>) {
                if (name == "value") {
                    write_flat_quantity(member);
                    return;
                }
                write_member(name, member);
            } else {
                write_member(name, member);
            }
        });
        context_unit_ = outer_unit;
    }

private:
    template <class V>
    static bool omitted(const V& v)
    {
        if constexpr (std::is_same_v<V, bool>) {
            return !v;
        } else if constexpr (std::is_enum_v<V> || std::is_arithmetic_v<V> || std::is_same_v<V, decimal>) {
            return false;
        } else if constexpr (std::is_same_v<V, govplan::date>) {
            return v.is_special();
        } else if constexpr (std::is_same_v<V, std::optional<govplan::date>>) {
            return !v || v->is_special();  // never write what the reader refuses
        } else if constexpr (std::is_same_v<V, date_period>) {
            return v.begin().is_special() || v.last().is_special();
        } else {
            return v == V{};
        }
    }

    template <class V>
    void write_member(std::string_view name, const V& v)
    {
        if (omitted(v)) return;
        w_.key(name);
        write_value(v);
    }

    void write_flat_quantity(const std::optional<quantity>& q)
    {
        if (q) write_flat_quantity(*q);
    }
    void write_flat_quantity(const quantity& q)
    {
        w_.key("value");
        write_value(q.value);
        // Left out when it is the target's; written as "" for a value without
        // unit under a target that has one (met or not: 1 or 0).
        const govplan::unit none;
        const govplan::unit& outer = context_unit_ != nullptr ? *context_unit_ : none;
        if (!(q.unit == outer)) {
            w_.key("unit");
            w_.string(q.unit.symbol());
        }
    }

    void write_value(const std::string& s) { w_.string(s); }
    void write_value(bool b) { w_.boolean(b); }
    void write_value(int i) { w_.integer(i); }
    void write_value(std::uint64_t i) { w_.unsigned_integer(i); }
    void write_value(const decimal& d) { w_.string(d.to_string()); }
    void write_value(const govplan::date& d) { w_.string(to_iso_string(d)); }
    void write_value(const date_period& period)
    {
        w_.begin_object();
        w_.key("first");
        write_value(period.begin());
        w_.key("last");
        write_value(period.last());
        w_.end_object();
    }
    template <class Enum>
        requires std::is_enum_v<Enum>
    void write_value(Enum e)
    {
        w_.string(to_code(e));
    }
    void write_value(const govplan::unit& u) { w_.string(u.symbol()); }
    void write_value(const unit_scale& s) { w_.string(scale_text(s)); }
    void write_value(const std::vector<govplan::unit>& definitions)
    {
        w_.begin_array();
        for (const auto& u : definitions) {
            w_.begin_object();
            detail::for_each_member(u.definition(), [&](std::string_view name, const auto& member) {
                using member_type = std::remove_cvref_t<decltype(member)>;
                if constexpr (std::is_same_v<member_type, unit_scale>) {
                    w_.key(name);  // always: "1" says there is no scale
                    write_value(member);
                } else {
                    write_member(name, member);
                }
            });
            w_.end_object();
        }
        w_.end_array();
    }
    template <class Optional>
        requires detail::is_optional<Optional>
    void write_value(const Optional& v)
    {
        write_value(*v);
    }
    template <class T>
    void write_value(const boxed<T>& v)
    {
        write_value(*v);
    }
    template <class T>
    void write_value(const std::vector<T>& items)
    {
        w_.begin_array();
        for (const auto& item : items) write_value(item);
        w_.end_array();
    }
    template <detail::described T>
    void write_value(const T& value)
    {
        w_.begin_object();
        write_members(value);
        w_.end_object();
    }

    writer& w_;
    std::vector<govplan::unit> units_;
    const govplan::unit* context_unit_ = nullptr;
};

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
        // Anything else thrown here is a defect of govplan and reaches the
        // caller as it is: data problems are load_failures, never exceptions.
        return fill_location(govplan::error(errc::limit_exceeded, "out of memory while reading the document"));
    }
}

result<plan> read_plan_by_tree(std::string_view text, const json_read_options& options)
{
    return read_document<plan>(text, options, [](reader& r, const json::value& doc) { return r.read_document(doc); });
}

}  // namespace

result<plan> plan_from_json(std::string_view text, const json_read_options& options)
{
    if (text.size() <= options.limits.max_bytes) {
        const unit_registry& units = options.units != nullptr ? *options.units : unit_registry::standard();
        if (auto p = detail::read_plan_directly(text, options.limits, units)) return std::move(*p);
    }
    return read_plan_by_tree(text, options);  // it also says what is wrong
}

std::string plan_to_json(const plan& p)
{
    writer w;
    plan_writer(w).write_plan(p);
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
                              "the observations are for plan \"" + detail::quoted_excerpt(file.plan_id) + "\", not \"" + detail::quoted_excerpt(p.id) + "\"");
    }
    plan out = p;
    // The first target of each id, as find_target() would find it: one walk,
    // then a lookup per entry.
    std::unordered_map<std::string_view, target*> by_id;
    for (auto [t, at] : each_target(out))
        if (!t.id.empty()) by_id.try_emplace(t.id, &t);
    for (const auto& entry : file.entries) {
        const auto it = by_id.find(entry.target_id);
        if (it == by_id.end()) return govplan::error(errc::invalid_value, "the plan has no target \"" + detail::quoted_excerpt(entry.target_id) + "\"");
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
    auto located = [&](govplan::error e) {
        e.source = file.string();
        return e;
    };
    if (auto writable = detail::check_writable(p); !writable) return located(writable.error());
    std::string text;
    try {
        text = plan_to_json(p);  // check_writable() has refused what the writer cannot write
    } catch (const std::bad_alloc&) {
        return located(govplan::error(errc::limit_exceeded, "out of memory while writing the plan as JSON"));
    }
    if (auto fits = detail::check_writable_size(text.size(), json_limits{}.max_bytes, "the JSON document"); !fits)
        return located(fits.error());
    return detail::write_file_atomically(file, text);
}

GOVPLAN_END_NAMESPACE

govplan::result<govplan::plan> govplan::detail::read_plan_by_tree(std::string_view text, const govplan::json_read_options& options)
{
    return govplan::read_plan_by_tree(text, options);
}

// govplan — Boost.Serialization support for every model type (opt-in header).
//
// Include this header to put govplan values into your own Boost archives:
//
//   boost::archive::text_oarchive out(stream);
//   out << boost::serialization::make_nvp("plan", plan);
//
// To store a plan as a file, prefer <govplan/archive.hpp>: it wraps the
// archive in a checked envelope and loads damaged or hostile files safely.
//
// Every class carries a version (GOVPLAN_SERIALIZATION_VERSION below, one per
// type). Loading data written by a *newer* class version fails with
// govplan::archive_error (Boost 1.81 would otherwise load it silently).
// Strings and collections are stored with their size first, and a size larger
// than the archive's load budget (see set_load_budget) is refused before
// anything is allocated. std::optional is stored as a flag and the value (Boost 1.81
// has no std::optional support); dates as the number yyyymmdd, 0 for
// not-a-date-time; enumerations as their integer value, checked on load.
//
// A type's layout is its described members (BOOST_DESCRIBE_STRUCT beside the
// struct), in declaration order: a member added to the struct and its
// description is serialised with no change here. Adding one changes the
// layout, so bump the class version below and keep loading the old layout
// (load_version_1).
#pragma once

#include <govplan/config.hpp>

#include <govplan/codes.hpp>
#include <govplan/dates.hpp>
#include <govplan/decimal.hpp>
#include <govplan/plan.hpp>
#include <govplan/unit.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/serialization/binary_object.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace boost::archive {
class binary_iarchive;
class xml_iarchive;
class xml_oarchive;
}  // namespace boost::archive

GOVPLAN_BEGIN_NAMESPACE

/// Thrown while loading an archive whose content govplan rejects: a
/// govplan::exception, so that a program loading its own archives through
/// these templates catches it with govplan's other errors. The archive
/// loaders of <govplan/archive.hpp> turn it into a govplan::error.
class archive_error : public govplan::exception {
public:
    archive_error(errc code, const std::string& message) : govplan::exception(govplan::error(code, message)), code_(code)
    {
    }
    /// The govplan code (error().code holds the same as a std::error_code).
    [[nodiscard]] errc reason() const noexcept { return code_; }

private:
    errc code_;
};

/// The limits of one load through these templates: the largest string length
/// or collection count it accepts, and the most elements one collection may
/// hold. Both are checked when a count is read, before anything is allocated
/// for it. A budget belongs to one archive (set_load_budget); an archive
/// without one loads with these defaults (256 MiB, 1,048,576 elements, as a
/// JSON array). The loaders of <govplan/archive.hpp> set the payload's size
/// and archive_limits::max_collection_size.
struct load_budget {
    static constexpr std::uint64_t default_limit = 256u << 20;
    static constexpr std::uint64_t default_collection_limit = 1u << 20;
    std::uint64_t max_length = default_limit;                  ///< longest string, largest count
    std::uint64_t max_collection = default_collection_limit;   ///< most elements in one collection
};

namespace serialization_detail {
/// The key a budget is kept under among an archive's helpers: one address
/// for the whole program, defined in the library.
[[nodiscard]] void* load_budget_key() noexcept;

/// The units one archive has loaded so far, by symbol: a unit named again
/// with the same definition shares the first one's (a plan of a thousand
/// targets in 亿元 loads 亿元 once). Kept among the archive's helpers.
class unit_pool {
public:
    /// The unit `definition` describes, sharing an earlier equal one.
    [[nodiscard]] unit share(unit_definition definition);

private:
    std::unordered_map<std::string, unit> by_symbol_;
};
/// The key the pool is kept under among an archive's helpers.
[[nodiscard]] void* unit_pool_key() noexcept;

/// The model types with a class version, in the order of their slot in
/// loaded_versions.
using versioned_classes =
    boost::mp11::mp_list<unit_scale, unit, quantity, provenance, baseline, observation, milestone, target_scope,
                         statement_group, responsibility, text_span, target, target_link, project, measure, focus_area,
                         jurisdiction, source_reference, plan>;

/// The class version a binary archive gave each model type, known once Boost
/// has read that type's first object. Boost reads a type's class information
/// (its tracking level, then its version) once, before its first object, and
/// nothing of its own before the later ones when the file says the type is
/// not tracked. Those later objects are then read by calling serialize() with
/// that version: the same bytes, without Boost's per-object look-ups. Off
/// unless `position` is set: the archive loaders of <govplan/archive.hpp> set
/// it, so that an archive built by hand keeps Boost's own path throughout.
/// Kept among the archive's helpers.
struct loaded_versions {
    static constexpr unsigned int unknown = ~0u;
    static constexpr std::size_t none = ~std::size_t{0};
    unsigned int of[boost::mp11::mp_size<versioned_classes>::value];
    /// Where the archive's source is now (what it reads next), given `source`.
    const char* (*position)(const void* source) noexcept = nullptr;
    const void* source = nullptr;
    std::size_t pending = none;        ///< the slot whose first object Boost is reading
    const char* preamble = nullptr;    ///< where that object's class information starts
    loaded_versions() noexcept
    {
        for (auto& v : of) v = unknown;
    }
};
/// The key the versions are kept under among an archive's helpers.
[[nodiscard]] void* loaded_versions_key() noexcept;

template <class T>
inline constexpr std::size_t version_slot = boost::mp11::mp_find<versioned_classes, T>::value;
template <class T>
inline constexpr bool has_version_slot = version_slot<T> < boost::mp11::mp_size<versioned_classes>::value;

/// Called by each serialize() that Boost calls: when Boost has just read the
/// class information of a type's first object, records the version it read,
/// provided the file says the type is untracked (the first byte of that
/// information, the tracking level, is 0), so that no object id precedes
/// the later objects.
template <class Archive, class T>
void note_loaded_version(Archive& ar, unsigned int version)
{
    if constexpr (std::is_same_v<Archive, boost::archive::binary_iarchive> && has_version_slot<T>) {
        auto& versions = ar.template get_helper<loaded_versions>(loaded_versions_key());
        if (versions.pending != version_slot<T>) return;
        versions.pending = loaded_versions::none;
        if (versions.position(versions.source) > versions.preamble && *versions.preamble == 0) {
            versions.of[version_slot<T>] = version;
        }
    }
}
}  // namespace serialization_detail

/// Attaches `budget` to the input archive `ar`: what `ar` loads through these
/// templates from then on is checked against it.
///
///     boost::archive::text_iarchive ar(in);
///     govplan::set_load_budget(ar, {.max_length = bytes.size(), .max_collection = 10'000});
///     ar >> plan;
template <class Archive>
void set_load_budget(Archive& ar, const load_budget& budget)
{
    ar.template get_helper<load_budget>(serialization_detail::load_budget_key()) = budget;
}

/// The budget attached to `ar`, or the default one.
template <class Archive>
[[nodiscard]] const load_budget& load_budget_of(Archive& ar)
{
    return ar.template get_helper<load_budget>(serialization_detail::load_budget_key());
}

namespace serialization_detail {

template <class Archive>
inline constexpr bool is_xml = std::is_same_v<Archive, boost::archive::xml_iarchive> ||
                               std::is_same_v<Archive, boost::archive::xml_oarchive>;

/// True when `text` is well-formed UTF-8 (what the JSON reader requires of
/// every string, so that whatever an archive loads can be written as JSON).
[[nodiscard]] bool valid_utf8(std::string_view text) noexcept;

/// Refuses a length or count over `budget.max_length`.
inline void check_size(const load_budget& budget, std::uint64_t n, const char* what)
{
    if (n > budget.max_length) {
        throw archive_error(errc::limit_exceeded, std::string(what) + " of " + std::to_string(n) +
                                                      " exceeds the load limit of " + std::to_string(budget.max_length));
    }
}

template <class T>
void check_version(unsigned int version, const char* type)
{
    const unsigned int current = boost::serialization::version<T>::value;
    if (version > current) {
        throw archive_error(errc::unsupported_version,
                            std::string(type) + " was written by class version " + std::to_string(version) +
                                ", newer than this library's " + std::to_string(current));
    }
}

// ---- io(): one symmetric call per field ---------------------------------

template <class Archive, class T>
    requires std::is_arithmetic_v<T> && (!std::is_same_v<T, bool>)
void io(Archive& ar, const char* name, T& value)
{
    ar & boost::serialization::make_nvp(name, value);
}

// bool as a checked byte: Boost's binary archive asserts on a byte other than
// 0 or 1, which aborts a debug build on a damaged file.
template <class Archive>
void io(Archive& ar, const char* name, bool& value)
{
    std::uint8_t byte = value ? 1 : 0;
    ar & boost::serialization::make_nvp(name, byte);
    if constexpr (Archive::is_loading::value) {
        if (byte > 1) throw archive_error(errc::corrupt_archive, std::string(name) + " is not a boolean");
        value = byte == 1;
    }
}

template <class Archive>
void io(Archive& ar, const char* name, std::string& s)
{
    if constexpr (is_xml<Archive>) {
        ar & boost::serialization::make_nvp(name, s);
    } else {
        std::uint64_t n = s.size();
        ar & boost::serialization::make_nvp(name, n);
        if constexpr (Archive::is_loading::value) {
            // an empty string fits any budget: no need to look it up
            if (n != 0) check_size(load_budget_of(ar), n, "a string length");
            s.assign(static_cast<std::size_t>(n), '\0');
        }
        if (n != 0) {
            auto bytes = boost::serialization::make_binary_object(s.data(), static_cast<std::size_t>(n));
            ar & boost::serialization::make_nvp("bytes", bytes);
        }
    }
    if constexpr (Archive::is_loading::value) {
        if (!valid_utf8(s)) throw archive_error(errc::corrupt_archive, std::string(name) + " is not UTF-8 text");
    }
}

template <class Archive, class Enum>
    requires std::is_enum_v<Enum>
void io(Archive& ar, const char* name, Enum& e)
{
    std::int32_t raw = static_cast<std::int32_t>(e);
    auto known = [&] {  // against the description itself: no list is built per field
        bool found = false;
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<Enum>>(
            [&](auto d) { found = found || static_cast<std::int32_t>(d.value) == raw; });
        return found;
    };
    if constexpr (Archive::is_saving::value) {
        if (!known()) throw archive_error(errc::invalid_value, std::string(name) + " is not a defined value");
    }
    ar & boost::serialization::make_nvp(name, raw);
    if constexpr (Archive::is_loading::value) {
        if (!known()) {
            throw archive_error(errc::corrupt_archive,
                                std::string(name) + " holds " + std::to_string(raw) + ", not a defined value");
        }
        e = static_cast<Enum>(raw);
    }
}

template <class Archive>
void io(Archive& ar, const char* name, date& d)
{
    std::uint32_t ymd = 0;
    if constexpr (Archive::is_saving::value) {
        if (!d.is_special()) {
            const auto y = d.year_month_day();
            ymd = static_cast<std::uint32_t>(y.year) * 10000u + static_cast<std::uint32_t>(y.month.as_number()) * 100u +
                  static_cast<std::uint32_t>(y.day.as_number());
        }
    }
    ar & boost::serialization::make_nvp(name, ymd);
    if constexpr (Archive::is_loading::value) {
        if (ymd == 0) {
            d = date();
            return;
        }
        char text[11];
        const unsigned y = ymd / 10000u, m = ymd / 100u % 100u, day = ymd % 100u;
        if (y > 9999u) throw archive_error(errc::corrupt_archive, std::string(name) + " is not a date");
        text[0] = static_cast<char>('0' + y / 1000u);
        text[1] = static_cast<char>('0' + y / 100u % 10u);
        text[2] = static_cast<char>('0' + y / 10u % 10u);
        text[3] = static_cast<char>('0' + y % 10u);
        text[4] = '-';
        text[5] = static_cast<char>('0' + m / 10u);
        text[6] = static_cast<char>('0' + m % 10u);
        text[7] = '-';
        text[8] = static_cast<char>('0' + day / 10u);
        text[9] = static_cast<char>('0' + day % 10u);
        text[10] = '\0';
        auto parsed = parse_date(std::string_view(text, 10));
        if (!parsed) throw archive_error(errc::corrupt_archive, std::string(name) + ": " + parsed.error().message);
        d = *parsed;
    }
}

template <class Archive>
void io(Archive& ar, const char* name, decimal& d)
{
    // Coefficient and scale, so that 10.60 stays 10.60.
    std::int64_t coefficient = d.coefficient();
    std::int32_t scale = d.scale();
    ar & boost::serialization::make_nvp(name, coefficient);
    ar & boost::serialization::make_nvp("scale", scale);
    if constexpr (Archive::is_loading::value) {
        constexpr std::int64_t max = 999'999'999'999'999'999;
        if (scale < 0 || scale > decimal::max_digits || coefficient > max || coefficient < -max) {
            throw archive_error(errc::corrupt_archive, "a decimal is out of range");
        }
        d = decimal(coefficient, scale);
    }
}

template <class Archive, class T>
void serialize_known(Archive& ar, T& value, unsigned int version);

/// Model structs: through Boost, so that their class version is recorded;
/// in a binary archive only the first of each type (see loaded_versions).
template <class Archive, class T>
    requires std::is_class_v<T>
void io(Archive& ar, const char* name, T& value)
{
    if constexpr (std::is_same_v<Archive, boost::archive::binary_iarchive> && has_version_slot<T>) {
        auto& versions = ar.template get_helper<loaded_versions>(loaded_versions_key());
        if (versions.position != nullptr) {
            if (const unsigned int version = versions.of[version_slot<T>]; version != loaded_versions::unknown) {
                serialize_known(ar, value, version);
                return;
            }
            versions.pending = version_slot<T>;
            versions.preamble = versions.position(versions.source);
        }
    }
    ar & boost::serialization::make_nvp(name, value);
}

/// std::optional and boxed_optional alike: a flag, then the value.
template <class Archive, class Optional>
void io_optional(Archive& ar, const char* name, Optional& value)
{
    bool present = value.has_value();
    io(ar, name, present);
    if constexpr (Archive::is_loading::value) {
        if (!present) {
            value.reset();
            return;
        }
        value.emplace();
    }
    if (present) io(ar, "value", *value);
}

template <class Archive, class T>
void io(Archive& ar, const char* name, std::optional<T>& value)
{
    io_optional(ar, name, value);
}

template <class Archive, class T>
void io(Archive& ar, const char* name, boxed_optional<T>& value)
{
    io_optional(ar, name, value);
}

/// boxed<T> as the T it holds, so a box changes no file. An empty box is
/// written as T{} and loaded without an allocation.
template <class Archive, class T>
void io(Archive& ar, const char* name, boxed<T>& value)
{
    if constexpr (Archive::is_loading::value) {
        T plain;
        io(ar, name, plain);
        value = std::move(plain);
    } else {
        io(ar, name, const_cast<T&>(*value));  // saving only reads it (and no class is tracked)
    }
}

template <class Archive, class T>
void io(Archive& ar, const char* name, std::vector<T>& items)
{
    std::uint64_t count = items.size();
    ar & boost::serialization::make_nvp(name, count);
    if constexpr (Archive::is_loading::value) {
        if (count != 0) {  // an empty list fits any budget: no need to look it up
            const load_budget& budget = load_budget_of(ar);
            check_size(budget, count, "a collection count");
            if (count > budget.max_collection) {
                throw archive_error(errc::limit_exceeded, "a collection of " + std::to_string(count) +
                                                              " elements exceeds the limit of " +
                                                              std::to_string(budget.max_collection));
            }
        }
        items.clear();
        // Room for a short list at once, never for more than 64 elements: a
        // false count runs out of data, not of memory.
        items.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(count, 64)));
        for (std::uint64_t i = 0; i < count; ++i) {
            items.emplace_back();
            io(ar, "item", items.back());
        }
    } else {
        for (auto& item : items) io(ar, "item", item);
    }
}

template <class Archive>
void io(Archive& ar, const char* name, date_period& period)
{
    date first = period.begin(), last = period.last();
    const std::string prefix(name);
    io(ar, (prefix + "_first").c_str(), first);
    io(ar, (prefix + "_last").c_str(), last);
    if constexpr (Archive::is_loading::value) {
        const bool one_special = first.is_special() != last.is_special();
        if (one_special || (!first.is_special() && (last < first || last == date(9999, 12, 31)))) {
            throw archive_error(errc::corrupt_archive, "the plan period is not a valid period");
        }
        period = inclusive_period(first, last);
    }
}

template <class T>
using described_members = boost::describe::describe_members<T, boost::describe::mod_public>;

/// io() of each described member, in declaration order.
template <class Archive, class T>
void io_members(Archive& ar, T& value)
{
    boost::mp11::mp_for_each<described_members<T>>([&](auto m) { io(ar, m.name, value.*m.pointer); });
}

/// io() of the first `count` described members: a layout that later versions
/// extended at the end.
template <class Archive, class T>
void io_first_members(Archive& ar, T& value, std::size_t count)
{
    std::size_t i = 0;
    boost::mp11::mp_for_each<described_members<T>>([&](auto m) {
        if (i++ < count) io(ar, m.name, value.*m.pointer);
    });
}

// ---- class version 1 layouts, loaded and never written ---------------------

template <class Archive>
void load_version_1(Archive& ar, unit_definition& u)
{
    io(ar, "symbol", u.symbol);
    io(ar, "dimension", u.dimension);
    io(ar, "base", u.base);
    io(ar, "numerator", u.scale.numerator);
    io(ar, "denominator", u.scale.denominator);
    serialization_detail::upgrade_format_1_unit(u);  // format 1 had land (亩, 公顷, 平方公里) in the area dimension
}

template <class Archive>
void load_version_1(Archive& ar, baseline& b)
{
    date d;
    quantity q;
    io(ar, "date", d);
    io(ar, "value", q);
    if (!d.is_special()) b.date = d;  // 0 stood for no date
    b.value = q;
}

template <class Archive>
void load_version_1(Archive& ar, target& t)
{
    io_first_members(ar, t, 20);  // id … observations: format 2 added members after them
}

template <class Archive>
void load_version_1(Archive& ar, project& p)
{
    io(ar, "id", p.id);
    io(ar, "name", p.name);
    io(ar, "action", p.action);
    io(ar, "stage", p.stage);
    io(ar, "category", p.category);
    io(ar, "capacity", p.capacity);
    io(ar, "organisations", p.organisations);
    std::string target_id;
    io(ar, "target_id", target_id);
    if (!target_id.empty()) p.targets.push_back(target_link{std::move(target_id), link_role::exemplifies});
    io(ar, "provenance", p.provenance);
}

template <class Archive>
void load_version_1(Archive& ar, measure& m)
{
    io(ar, "lead", m.lead);
    io(ar, "text", m.text);
    std::optional<std::string> lead_unit;
    io(ar, "lead_unit", lead_unit);
    responsibility who;
    if (lead_unit) who.lead_units.push_back(std::move(*lead_unit));
    io(ar, "partner_units", who.partner_units);
    m.responsibility = std::move(who);
    io(ar, "deadline", m.deadline);
    io(ar, "targets", m.targets);
    io(ar, "projects", m.projects);
    io(ar, "organisations", m.organisations);
}

template <class Archive, class T>
void load_version_1(Archive&, T&)
{
    throw archive_error(errc::corrupt_archive, "no class version 1 layout");
}

inline void check_loaded(const unit_definition& u)
{
    if (u.scale.numerator <= 0 || u.scale.denominator <= 0) {
        throw archive_error(errc::corrupt_archive, "unit " + u.symbol + " has a non-positive scale");
    }
    if (u.per.find('/') != std::string::npos) {
        throw archive_error(errc::corrupt_archive, "unit " + u.symbol + " has a denominator with a slash");
    }
}
template <class T>
void check_loaded(const T&)
{
}

/// serialize() of a described model type: the current layout is its members
/// in declaration order; older class versions load through their own layout.
template <class Archive, class T>
void serialize_described(Archive& ar, T& value, unsigned int version, const char* type)
{
    check_version<T>(version, type);
    const unsigned int current = boost::serialization::version<T>::value;
    if constexpr (Archive::is_loading::value) {
        if (version == 0) throw archive_error(errc::corrupt_archive, std::string(type) + " has class version 0");
        if (version < current) {
            if (version != 1) {
                throw archive_error(errc::unsupported_version,
                                    std::string(type) + " class version " + std::to_string(version) + " is not read");
            }
            load_version_1(ar, value);
            check_loaded(value);
            return;
        }
    }
    io_members(ar, value);
    if constexpr (Archive::is_loading::value) check_loaded(value);
}

/// A unit is stored as its definition's members (the layout of class
/// version 2 is unit_definition's, in declaration order). On load, units of
/// one archive with the same definition share it.
template <class Archive>
void serialize_unit(Archive& ar, unit& u, unsigned int version)
{
    check_version<unit>(version, "unit");
    if constexpr (Archive::is_saving::value) {
        unit_definition definition = u.definition();
        io_members(ar, definition);
    } else {
        if (version == 0) throw archive_error(errc::corrupt_archive, "unit has class version 0");
        unit_definition definition;
        if (version == 1) load_version_1(ar, definition);
        else io_members(ar, definition);
        check_loaded(definition);
        u = ar.template get_helper<unit_pool>(unit_pool_key()).share(std::move(definition));
    }
}

}  // namespace serialization_detail

// ---- serialize() for each model type (found by ADL) ----------------------

#define GOVPLAN_DESCRIBED_SERIALIZE(type)                                            \
    namespace serialization_detail {                                                 \
    constexpr const char* serialized_name(const type*) noexcept { return #type; }   \
    }                                                                                \
    template <class Archive>                                                         \
    void serialize(Archive& ar, type& value, const unsigned int version)            \
    {                                                                                \
        serialization_detail::note_loaded_version<Archive, type>(ar, version);      \
        serialization_detail::serialize_described(ar, value, version, #type);       \
    }

GOVPLAN_DESCRIBED_SERIALIZE(unit_scale)
template <class Archive>
void serialize(Archive& ar, unit& value, const unsigned int version)
{
    serialization_detail::note_loaded_version<Archive, unit>(ar, version);
    serialization_detail::serialize_unit(ar, value, version);
}
GOVPLAN_DESCRIBED_SERIALIZE(quantity)
GOVPLAN_DESCRIBED_SERIALIZE(provenance)
GOVPLAN_DESCRIBED_SERIALIZE(baseline)
GOVPLAN_DESCRIBED_SERIALIZE(observation)
GOVPLAN_DESCRIBED_SERIALIZE(milestone)
GOVPLAN_DESCRIBED_SERIALIZE(target_scope)
GOVPLAN_DESCRIBED_SERIALIZE(statement_group)
GOVPLAN_DESCRIBED_SERIALIZE(responsibility)
GOVPLAN_DESCRIBED_SERIALIZE(text_span)
GOVPLAN_DESCRIBED_SERIALIZE(target)
GOVPLAN_DESCRIBED_SERIALIZE(target_link)
GOVPLAN_DESCRIBED_SERIALIZE(project)
GOVPLAN_DESCRIBED_SERIALIZE(measure)
GOVPLAN_DESCRIBED_SERIALIZE(focus_area)
GOVPLAN_DESCRIBED_SERIALIZE(jurisdiction)
GOVPLAN_DESCRIBED_SERIALIZE(source_reference)
GOVPLAN_DESCRIBED_SERIALIZE(plan)

#undef GOVPLAN_DESCRIBED_SERIALIZE

namespace serialization_detail {
/// What Boost's serialize() call does for `value` once the version is known.
template <class Archive, class T>
void serialize_known(Archive& ar, T& value, unsigned int version)
{
    if constexpr (std::is_same_v<T, unit>) serialize_unit(ar, value, version);
    else serialize_described(ar, value, version, serialized_name(static_cast<const T*>(nullptr)));
}
}  // namespace serialization_detail

GOVPLAN_END_NAMESPACE

/// Version and tracking of each serialized class. Bump a version when its
/// serialize() changes, and keep loading the old layout.
#define GOVPLAN_SERIALIZATION_VERSION(type, version)                                  \
    BOOST_CLASS_VERSION(type, version)                                                \
    BOOST_CLASS_TRACKING(type, boost::serialization::track_never)

// Version 2 (format 2): unit gained its denominator, baseline its year and
// optional value, target and project their format 2 members, measure its
// responsibility. Version 1 of each still loads.
GOVPLAN_SERIALIZATION_VERSION(govplan::unit_scale, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::unit, 2)
GOVPLAN_SERIALIZATION_VERSION(govplan::quantity, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::provenance, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::baseline, 2)
GOVPLAN_SERIALIZATION_VERSION(govplan::observation, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::milestone, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::target_scope, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::statement_group, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::responsibility, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::text_span, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::target, 2)
GOVPLAN_SERIALIZATION_VERSION(govplan::target_link, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::project, 2)
GOVPLAN_SERIALIZATION_VERSION(govplan::measure, 2)
GOVPLAN_SERIALIZATION_VERSION(govplan::focus_area, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::jurisdiction, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::source_reference, 1)
GOVPLAN_SERIALIZATION_VERSION(govplan::plan, 1)

// The direct reader: a plan built from boost::json::basic_parser's events.
//
// Each C++ type the model holds has a value_ops table saying what it does
// with each kind of JSON value, and each container (a described object, a
// list, a period) a container_ops table for its keys, elements and end. The
// tables follow from the types and their Boost.Describe descriptions: a member
// added to a model struct and its description is read with no code here.
//
// The reader keeps a stack of the open containers and, after a key, where the
// next value goes. Strings go straight into their member (pieces appended);
// other values are parsed from the string as it ends. Any event it cannot
// take makes it give up (json_direct.hpp): it never reports an error.
#include "json_direct.hpp"
#include "printable.hpp"

#include <govplan/codes.hpp>
#include <govplan/dates.hpp>
#include <govplan/decimal.hpp>

#include "json_keys.hpp"
#include "json_parse.hpp"
#include "unique_ids.hpp"
#include "writable.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

namespace govplan::detail {
namespace {

namespace json = boost::json;

class event_reader;
struct frame;

/// Looks a std::string key up by string_view.
struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// What a C++ type does with each kind of JSON value; a null entry is a kind
/// it does not read (the reader gives up). Strings arrive in pieces: `first`
/// and `last` say which.
struct value_ops {
    bool (*string)(event_reader&, void* out, std::string_view piece, bool first, bool last) = nullptr;
    bool (*integer)(event_reader&, void* out, std::int64_t) = nullptr;
    bool (*boolean)(event_reader&, void* out, bool) = nullptr;
    bool (*object)(event_reader&, void* out) = nullptr;  ///< an object begins: push its frame
    bool (*array)(event_reader&, void* out) = nullptr;   ///< an array begins: push its frame
};

/// What an open container does with its keys (objects) or elements (arrays),
/// and when it ends.
struct container_ops {
    bool (*key)(event_reader&, frame&, std::string_view) = nullptr;
    void* (*add_element)(event_reader&, void* container) = nullptr;  ///< arrays: a new element, or null
    const value_ops* element = nullptr;
    bool (*end)(event_reader&, frame&) = nullptr;
};

struct frame {
    const container_ops* ops = nullptr;
    void* container = nullptr;
    std::size_t next_slot = 0;  ///< objects: keys come in declaration order, so the next is at least here
    std::size_t count = 0;      ///< keys or elements so far
    const unit* outer_unit = nullptr;  ///< targets: the unit of the enclosing target, restored at the end
    bool unit_seen = false;     ///< the "unit" key beside a flat quantity
    void* box = nullptr;        ///< a boxed object's box, freed at the end if the object was read empty
};

class event_reader {
public:
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    event_reader(const json_limits& limits, const unit_registry& units, std::size_t budget, const value_ops* root_ops,
                 void* root)
        : limits_(limits), units_(units), budget_(budget), root_ops_(root_ops), root_(root)
    {
        frames_.reserve(16);
    }

    bool finished() const noexcept { return finished_; }

    // ---- what the tables call -------------------------------------------

    /// The next value (after the key just read) goes to `out`, read by `ops`.
    void expect(const value_ops* ops, void* out, bool null_allowed = true) noexcept
    {
        next_ops_ = ops;
        next_out_ = out;
        null_allowed_ = null_allowed;
    }

    frame& push(const container_ops* ops, void* container)
    {
        frames_.emplace_back();
        frames_.back().ops = ops;
        frames_.back().container = container;
        return frames_.back();
    }

    void finish() noexcept { finished_ = true; }

    /// Counts `bytes` more of the plan against the budget; false once it is
    /// spent (the reader gives up).
    bool spend(std::size_t bytes) noexcept
    {
        if (bytes > budget_) return false;
        budget_ -= bytes;
        return true;
    }

    /// The whole string once its last piece arrives, nullopt before.
    std::optional<std::string_view> whole(std::string_view piece, bool first, bool last)
    {
        if (first && last) return piece;
        if (first) text_.clear();
        text_.append(piece);
        if (!last) return std::nullopt;
        return std::string_view(text_);
    }

    /// The unit of the target being read (the one its flat quantities take).
    const unit* context_unit() const noexcept { return context_unit_; }
    void set_context_unit(const unit* u) noexcept { context_unit_ = u; }

    /// Sets `out` to the unit named `symbol` (empty: no unit), sharing its
    /// definition with every other use of the symbol; false when there is no
    /// such unit, or a rate's new definition would pass the budget.
    bool find_unit(std::string_view symbol, unit& out)
    {
        if (symbol.empty()) {
            out = unit{};
            return true;
        }
        const unit_registry& units = own_units_ ? *own_units_ : units_;
        if (const unit* u = units.lookup(symbol)) {
            out = *u;
            return true;
        }
        if (auto known = derived_rates_.find(symbol); known != derived_rates_.end()) {
            out = known->second;
            return true;
        }
        auto rate = units.find(symbol);  // 元/吨 from 元: made once, then shared
        if (!rate || !spend(sizeof(unit_definition) + 2 * symbol.size() + rate->base().size())) return false;
        out = derived_rates_.emplace(std::string(symbol), std::move(*rate)).first->second;
        return true;
    }

    /// The unit of the target being read, or none, into `to` (shared, not copied).
    void copy_context_unit(unit& to) { to = context_unit_ != nullptr ? *context_unit_ : unit{}; }

    /// Starts a definition of the plan's "units" list, to go into `list`.
    unit_definition* begin_definition(std::vector<unit>& list)
    {
        definitions_ = &list;
        pending_definition_ = unit_definition{};
        return &pending_definition_;
    }
    /// Registers the definition begun last, and adds it to its list.
    bool define_unit()
    {
        unit u(std::move(pending_definition_));
        if (!own_units_) own_units_ = std::make_unique<unit_registry>(units_);
        if (register_plan_unit(*own_units_, u).has_value()) return false;
        definitions_->push_back(std::move(u));
        return true;
    }

    date period_first, period_last;  ///< a period's dates until its object ends (periods do not nest)

    // ---- basic_parser's handler -----------------------------------------

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }

    bool on_object_begin(json::error_code& ec)
    {
        target t;
        return (next_value(t) && t.ops->object && t.ops->object(*this, t.out)) || stop(ec);
    }
    bool on_array_begin(json::error_code& ec)
    {
        target t;
        return (next_value(t) && t.ops->array && t.ops->array(*this, t.out)) || stop(ec);
    }
    bool on_object_end(std::size_t, json::error_code& ec) { return end_container(ec); }
    bool on_array_end(std::size_t, json::error_code& ec) { return end_container(ec); }

    bool on_key_part(json::string_view s, std::size_t n, json::error_code& ec)
    {
        if (n > limits_.max_string_bytes) return stop(ec);
        key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(json::string_view s, std::size_t n, json::error_code& ec)
    {
        if (n > limits_.max_string_bytes) return stop(ec);
        std::string_view key(s.data(), s.size());
        if (!key_.empty()) {
            key_.append(key);
            key = key_;
        }
        frame& f = frames_.back();
        const bool ok = f.count++ < limits_.max_object_members && f.ops->key(*this, f, key);
        key_.clear();
        return ok || stop(ec);
    }

    bool on_string_part(json::string_view s, std::size_t n, json::error_code& ec) { return string_piece(s, n, false, ec); }
    bool on_string(json::string_view s, std::size_t n, json::error_code& ec) { return string_piece(s, n, true, ec); }

    bool on_number_part(json::string_view, json::error_code&) { return true; }
    bool on_int64(std::int64_t i, json::string_view, json::error_code& ec)
    {
        target t;
        return (next_value(t) && t.ops->integer && t.ops->integer(*this, t.out, i)) || stop(ec);
    }
    // Every integer the model holds fits in an int64; a fraction is no integer.
    bool on_uint64(std::uint64_t, json::string_view, json::error_code& ec) { return stop(ec); }
    bool on_double(double, json::string_view, json::error_code& ec) { return stop(ec); }
    bool on_bool(bool b, json::error_code& ec)
    {
        target t;
        return (next_value(t) && t.ops->boolean && t.ops->boolean(*this, t.out, b)) || stop(ec);
    }
    /// A null member keeps its default, as an absent one does.
    bool on_null(json::error_code& ec)
    {
        target t;
        return (next_value(t) && t.null_allowed) || stop(ec);
    }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }

private:
    struct target {
        const value_ops* ops = nullptr;
        void* out = nullptr;
        bool null_allowed = false;
    };

    static bool stop(json::error_code& ec)
    {
        ec = json::error::exception;  // any error: the tree reader will say which
        return false;
    }

    /// Where the value that begins now goes: the document itself, a new
    /// element of the open array, or the member named by the last key.
    bool next_value(target& t)
    {
        if (frames_.empty()) {
            if (root_taken_) return false;
            root_taken_ = true;
            t = {root_ops_, root_, false};
            return true;
        }
        frame& f = frames_.back();
        if (f.ops->add_element != nullptr) {
            if (++f.count > limits_.max_array_size) return false;
            t = {f.ops->element, f.ops->add_element(*this, f.container), false};
            return t.out != nullptr;
        }
        if (next_ops_ == nullptr) return false;
        t = {next_ops_, next_out_, null_allowed_};
        next_ops_ = nullptr;
        return true;
    }

    bool end_container(json::error_code& ec)
    {
        frame f = frames_.back();
        frames_.pop_back();
        return f.ops->end == nullptr || f.ops->end(*this, f) || stop(ec);
    }

    bool string_piece(json::string_view s, std::size_t n, bool last, json::error_code& ec)
    {
        if (n > limits_.max_string_bytes) return stop(ec);
        const bool first = !in_string_;
        if (first && (!next_value(string_) || string_.ops->string == nullptr)) return stop(ec);
        in_string_ = !last;
        return string_.ops->string(*this, string_.out, std::string_view(s.data(), s.size()), first, last) || stop(ec);
    }

    const json_limits& limits_;

    const unit_registry& units_;
    std::size_t budget_;  ///< bytes of list elements the plan may still take
    std::unique_ptr<unit_registry> own_units_;  ///< units_ and the plan's own, once it defines one
    std::unordered_map<std::string, unit, string_hash, std::equal_to<>> derived_rates_;  ///< rates read so far (元/吨)
    std::vector<unit>* definitions_ = nullptr;  ///< the "units" list being read
    unit_definition pending_definition_;       ///< the definition being read
    const value_ops* root_ops_;
    void* root_;
    bool root_taken_ = false;
    bool finished_ = false;
    std::vector<frame> frames_;
    const value_ops* next_ops_ = nullptr;
    void* next_out_ = nullptr;
    bool null_allowed_ = true;
    target string_;         ///< where the string being read goes
    bool in_string_ = false;
    std::string key_;       ///< a key arriving in pieces
    std::string text_;      ///< a non-string value's text arriving in pieces
    const unit* context_unit_ = nullptr;
};

// ===========================================================================
// Leaf values
// ===========================================================================

template <class T>
T& as(void* p) noexcept
{
    return *static_cast<T*>(p);
}

bool read_string(event_reader&, void* out, std::string_view piece, bool first, bool)
{
    if (first) as<std::string>(out).assign(piece);
    else as<std::string>(out).append(piece);
    return true;
}

/// A value written as a string and parsed when it is whole.
template <class T>
bool parse_text(event_reader& r, std::string_view text, T& out);

template <>
bool parse_text(event_reader&, std::string_view text, decimal& out)
{
    auto d = decimal::parse(text);
    if (!d) return false;
    out = *d;
    return true;
}
template <>
bool parse_text(event_reader&, std::string_view text, date& out)
{
    auto d = parse_date(text);
    if (!d) return false;
    out = *d;
    return true;
}
template <>
bool parse_text(event_reader& r, std::string_view text, unit& out)
{
    return r.find_unit(text, out);
}
template <>
bool parse_text(event_reader&, std::string_view text, unit_scale& out)
{
    auto s = parse_unit_scale(text);
    if (!s) return false;
    out = *s;
    return true;
}

template <class T>
bool read_text(event_reader& r, void* out, std::string_view piece, bool first, bool last)
{
    const auto text = r.whole(piece, first, last);
    if (!text) return true;
    if constexpr (std::is_enum_v<T>) {
        const auto e = from_code<T>(*text);
        if (e) as<T>(out) = *e;
        return e.has_value();
    } else {
        return parse_text(r, *text, as<T>(out));
    }
}

bool read_int(event_reader&, void* out, std::int64_t i)
{
    if (i < std::numeric_limits<int>::min() || i > std::numeric_limits<int>::max()) return false;
    as<int>(out) = static_cast<int>(i);
    return true;
}
bool read_count(event_reader&, void* out, std::int64_t i)
{
    if (i < 0) return false;
    as<std::uint64_t>(out) = static_cast<std::uint64_t>(i);
    return true;
}
bool read_bool(event_reader&, void* out, bool b)
{
    as<bool>(out) = b;
    return true;
}

// ===========================================================================
// The tables, one per type
// ===========================================================================

template <class T>
constexpr const value_ops* ops_of();

/// An Optional member (std::optional or boxed_optional): engaged by its
/// first value, then read as its value type reads it. A boxed_optional's
/// value is its own allocation, counted against the budget.
/// (Each handler checks T's at run time: comparing function addresses in a
/// constant expression is refused by g++ under -fsanitize=undefined.)
template <class Optional>
struct optional_io {
    using T = typename Optional::value_type;
    static T* engage(event_reader& r, void* out)
    {
        if constexpr (!std::is_same_v<Optional, std::optional<T>>) {
            if (!r.spend(sizeof(T))) return nullptr;
        }
        return &as<Optional>(out).emplace();
    }
    static bool string(event_reader& r, void* out, std::string_view piece, bool first, bool last)
    {
        const auto read = ops_of<T>()->string;
        if (read == nullptr) return false;
        T* value = first ? engage(r, out) : &*as<Optional>(out);
        return value != nullptr && read(r, value, piece, first, last);
    }
    static bool integer(event_reader& r, void* out, std::int64_t i)
    {
        const auto read = ops_of<T>()->integer;
        T* value = read != nullptr ? engage(r, out) : nullptr;
        return value != nullptr && read(r, value, i);
    }
    static bool boolean(event_reader& r, void* out, bool b)
    {
        const auto read = ops_of<T>()->boolean;
        T* value = read != nullptr ? engage(r, out) : nullptr;
        return value != nullptr && read(r, value, b);
    }
    static bool object(event_reader& r, void* out)
    {
        const auto read = ops_of<T>()->object;
        T* value = read != nullptr ? engage(r, out) : nullptr;
        return value != nullptr && read(r, value);
    }
    static bool array(event_reader& r, void* out)
    {
        const auto read = ops_of<T>()->array;
        T* value = read != nullptr ? engage(r, out) : nullptr;
        return value != nullptr && read(r, value);
    }
};
template <class Optional>
inline constexpr value_ops optional_ops{&optional_io<Optional>::string, &optional_io<Optional>::integer,
                                        &optional_io<Optional>::boolean, &optional_io<Optional>::object,
                                        &optional_io<Optional>::array};

/// Where an object or array of the kind `container` begins: its frame.
template <const container_ops& container>
bool begin(event_reader& r, void* out)
{
    r.push(&container, out);
    return true;
}

template <class T>
struct vector_io {
    static void* add(event_reader& r, void* v)
    {
        return r.spend(sizeof(T)) ? &as<std::vector<T>>(v).emplace_back() : nullptr;
    }
    /// A list holds what it read and no more: the room a growing vector
    /// keeps spare is a quarter of a loaded plan's memory.
    static bool end(event_reader&, frame& f)
    {
        auto& v = as<std::vector<T>>(f.container);
        if (v.capacity() != v.size()) v.shrink_to_fit();
        return true;
    }
};
template <class T>
inline constexpr container_ops vector_container{nullptr, &vector_io<T>::add, ops_of<T>(), &vector_io<T>::end};
template <class T>
inline constexpr value_ops vector_ops{nullptr, nullptr, nullptr, nullptr, &begin<vector_container<T>>};

// ---- described objects ------------------------------------------------------

/// Where a member of a described object is, and how its value is read.
struct member_slot {
    const value_ops* ops;
    void* (*address)(void* object);
};

/// The quantity written flat into a T (its member "value"), or null while an
/// optional one is absent.
template <class T>
quantity* flat_quantity(T& object)
{
    quantity* out = nullptr;
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) {
        using member = std::remove_cvref_t<decltype(object.*m.pointer)>;
        if constexpr (is_quantity_v<member>) {
            if (is_flat_quantity_member<member>(m.name)) {
                auto& q = object.*m.pointer;
                if constexpr (std::is_same_v<member, quantity>) out = &q;
                else out = q ? &*q : nullptr;
            }
        }
    });
    return out;
}

/// The "value" of a flat quantity: the decimal, in the enclosing target's
/// unit until a "unit" key says otherwise.
template <class Q>
bool read_flat_value(event_reader& r, void* out, std::string_view piece, bool first, bool last)
{
    const auto text = r.whole(piece, first, last);
    if (!text) return true;
    quantity* q = nullptr;
    if constexpr (std::is_same_v<Q, quantity>) {
        q = &as<quantity>(out);  // its unit was set when its object began
    } else {
        q = &as<std::optional<quantity>>(out).emplace();
        r.copy_context_unit(q->unit);
    }
    return parse_text(r, *text, q->value);
}
template <class Q>
inline constexpr value_ops flat_value_ops{&read_flat_value<Q>};

template <class T>
struct object_io {
    static const std::vector<member_slot>& slots()
    {
        static const std::vector<member_slot> table = [] {
            std::vector<member_slot> out;
            boost::mp11::mp_for_each<members_of<T>>([&](auto m) {
                using descriptor = decltype(m);
                using member = std::remove_cvref_t<decltype(std::declval<T&>().*descriptor::pointer)>;
                member_slot s{ops_of<member>(), [](void* o) -> void* { return &(as<T>(o).*descriptor::pointer); }};
                if constexpr (is_quantity_v<member>) {
                    if (is_flat_quantity_member<member>(descriptor::name)) s.ops = &flat_value_ops<member>;
                }
                out.push_back(s);
            });
            return out;
        }();
        return table;
    }

    /// An object of T begins at `out`: its frame, ended by `container`.
    static frame& open(event_reader& r, void* out, const container_ops& container);
    static bool object(event_reader& r, void* out);

    static bool key(event_reader& r, frame& f, std::string_view key)
    {
        const key_table& table = keys_of<T>();
        const std::size_t slot = table.find(key);
        if (slot < table.members) {
            if (slot < f.next_slot) return false;  // out of declaration order, or repeated
            f.next_slot = slot + 1;
            const member_slot& m = slots()[slot];
            r.expect(m.ops, m.address(f.container));
            return true;
        }
        if constexpr (has_flat_quantity<T>()) {
            if (slot == table.unit && !f.unit_seen) {
                f.unit_seen = true;
                quantity* q = flat_quantity(as<T>(f.container));
                if (q == nullptr) return false;  // an optional quantity's unit before its value, or beside none
                r.expect(ops_of<unit>(), &q->unit);
                return true;
            }
        }
        return false;  // unknown, format 1 or the document header
    }

    static bool end(event_reader& r, frame& f)
    {
        if constexpr (std::is_same_v<T, target>) r.set_context_unit(f.outer_unit);
        return true;
    }
};
template <class T>
inline constexpr container_ops object_container{&object_io<T>::key, nullptr, nullptr, &object_io<T>::end};
template <class T>
frame& object_io<T>::open(event_reader& r, void* out, const container_ops& container)
{
    frame& f = r.push(&container, out);
    if constexpr (std::is_same_v<T, target>) {
        f.outer_unit = r.context_unit();
        r.set_context_unit(&as<target>(out).unit);
    }
    if constexpr (has_flat_quantity<T>()) {
        // a quantity that is not optional takes the target's unit even when its value is left out
        if (quantity* q = flat_quantity(as<T>(out))) r.copy_context_unit(q->unit);
    }
    return f;
}
template <class T>
bool object_io<T>::object(event_reader& r, void* out)
{
    open(r, out, object_container<T>);
    return true;
}
template <class T>
inline constexpr value_ops object_ops{nullptr, nullptr, nullptr, &object_io<T>::object, nullptr};

// ---- boxed members ------------------------------------------------------------

/// A boxed<T> member, a string or a described object: read as the T it
/// holds, into the box's own allocation (counted against the budget). A
/// value read empty ("qualifier": "", "responsibility": {}) leaves the box
/// without one, as the other readers do.
template <class T>
struct boxed_io {
    static T* open(event_reader& r, void* out) { return r.spend(sizeof(T)) ? &as<boxed<T>>(out).edit() : nullptr; }
    static void free_if_empty(void* out)
    {
        auto& box = as<boxed<T>>(out);
        if (box.empty()) box.reset();
    }
    static bool string(event_reader& r, void* out, std::string_view piece, bool first, bool last)
    {
        T* value = first ? open(r, out) : &as<boxed<T>>(out).edit();
        if (value == nullptr || !read_string(r, value, piece, first, last)) return false;
        if (last) free_if_empty(out);
        return true;
    }
    static bool end(event_reader& r, frame& f)
    {
        if (!object_io<T>::end(r, f)) return false;
        free_if_empty(f.box);
        return true;
    }
    static bool object(event_reader& r, void* out);
};
template <class T>
inline constexpr container_ops boxed_object_container{&object_io<T>::key, nullptr, nullptr, &boxed_io<T>::end};
template <class T>
bool boxed_io<T>::object(event_reader& r, void* out)
{
    T* value = open(r, out);
    if (value == nullptr) return false;
    object_io<T>::open(r, value, boxed_object_container<T>).box = out;
    return true;
}
template <class T>
constexpr value_ops boxed_ops_for()
{
    if constexpr (std::is_same_v<T, std::string>) return {&boxed_io<T>::string};
    else if constexpr (described<T>) return {nullptr, nullptr, nullptr, &boxed_io<T>::object};
    else static_assert(sizeof(T) == 0, "the direct JSON reader reads a boxed string or a boxed described object");
}
template <class T>
inline constexpr value_ops boxed_ops = boxed_ops_for<T>();

// ---- the plan's "units": definitions, not symbols ---------------------------

void* add_definition(event_reader& r, void* list)
{
    return r.spend(sizeof(unit) + sizeof(unit_definition)) ? r.begin_definition(as<std::vector<unit>>(list)) : nullptr;
}
bool define_unit(event_reader& r, frame& f)
{
    return object_io<unit_definition>::end(r, f) && r.define_unit();
}
inline constexpr container_ops unit_definition_container{&object_io<unit_definition>::key, nullptr, nullptr,
                                                         &define_unit};
inline constexpr value_ops unit_definition_ops{nullptr, nullptr, nullptr, &begin<unit_definition_container>, nullptr};
inline constexpr container_ops unit_definitions_container{nullptr, &add_definition, &unit_definition_ops,
                                                         &vector_io<unit>::end};
inline constexpr value_ops unit_definitions_ops{nullptr, nullptr, nullptr, nullptr, &begin<unit_definitions_container>};

// ---- a period: {"first": date, "last": date}, both required ------------------

bool period_key(event_reader& r, frame& f, std::string_view key)
{
    const std::size_t slot = f.next_slot++;  // a period's slots: 0 "first", 1 "last", in that order
    if (slot == 0 && key == "first") r.expect(ops_of<date>(), &r.period_first, false);
    else if (slot == 1 && key == "last") r.expect(ops_of<date>(), &r.period_last, false);
    else return false;
    return true;
}
bool period_end(event_reader& r, frame& f)
{
    if (f.next_slot != 2 || r.period_last < r.period_first || r.period_last == date(9999, 12, 31)) return false;
    as<date_period>(f.container) = inclusive_period(r.period_first, r.period_last);
    return true;
}
inline constexpr container_ops period_container{&period_key, nullptr, nullptr, &period_end};
inline constexpr value_ops period_ops{nullptr, nullptr, nullptr, &begin<period_container>, nullptr};

// ---- the document: "format", "format_version", then the plan's members ------

bool read_format(event_reader& r, void*, std::string_view piece, bool first, bool last)
{
    const auto text = r.whole(piece, first, last);
    return !text || *text == "govplan";
}
inline constexpr value_ops format_ops{&read_format};
/// Format 2 only: format 1 is read by the tree reader.
bool read_format_version(event_reader&, void*, std::int64_t v) { return v == json_format_version; }
inline constexpr value_ops format_version_ops{nullptr, &read_format_version};

bool document_key(event_reader& r, frame& f, std::string_view key)
{
    // on_key has counted this key: 1 is the document's first key, 2 its second
    if (f.count == 1) {
        if (key != "format") return false;
        r.expect(&format_ops, nullptr, false);
        return true;
    }
    if (f.count == 2) {
        if (key != "format_version") return false;
        r.expect(&format_version_ops, nullptr, false);
        return true;
    }
    return object_io<plan>::key(r, f, key);
}
bool document_end(event_reader& r, frame& f)
{
    if (f.count < 2 || !object_io<plan>::end(r, f)) return false;
    r.finish();
    return true;
}
inline constexpr container_ops document_container{&document_key, nullptr, nullptr, &document_end};
inline constexpr value_ops document_ops{nullptr, nullptr, nullptr, &begin<document_container>, nullptr};

// ---- which table a type has ---------------------------------------------------

template <class T>
inline constexpr value_ops text_ops{&read_text<T>};
inline constexpr value_ops string_ops{&read_string};
inline constexpr value_ops int_ops{nullptr, &read_int};
inline constexpr value_ops count_ops{nullptr, &read_count};
inline constexpr value_ops bool_ops{nullptr, nullptr, &read_bool};

template <class T>
constexpr const value_ops* ops_of()
{
    if constexpr (std::is_same_v<T, std::string>) return &string_ops;
    else if constexpr (std::is_same_v<T, int>) return &int_ops;
    else if constexpr (std::is_same_v<T, std::uint64_t>) return &count_ops;
    else if constexpr (std::is_same_v<T, bool>) return &bool_ops;
    else if constexpr (std::is_enum_v<T> || std::is_same_v<T, decimal> || std::is_same_v<T, date> ||
                       std::is_same_v<T, unit> || std::is_same_v<T, unit_scale>)
        return &text_ops<T>;
    else if constexpr (std::is_same_v<T, date_period>) return &period_ops;
    else if constexpr (std::is_same_v<T, std::vector<unit>>) return &unit_definitions_ops;
    else if constexpr (is_optional<T>) return &optional_ops<T>;
    else if constexpr (is_boxed<T>) return &boxed_ops<typename T::value_type>;
    else if constexpr (is_vector<T>) return &vector_ops<typename T::value_type>;
    else if constexpr (described<T>) return &object_ops<T>;
    else static_assert(sizeof(T) == 0, "the direct JSON reader has no table for this member type");
}

}  // namespace

std::size_t direct_reader_budget(std::size_t text_bytes) noexcept
{
    constexpr std::size_t most = std::numeric_limits<std::size_t>::max();
    constexpr std::size_t base = std::size_t{16} << 20;
    return text_bytes > (most - base) / 32 ? most : 32 * text_bytes + base;
}

std::optional<plan> read_plan_directly(std::string_view text, const json_limits& limits, const unit_registry& units)
{
    return read_plan_directly(text, limits, units, direct_reader_budget(text.size()));
}

std::optional<plan> read_plan_directly(std::string_view text, const json_limits& limits, const unit_registry& units,
                                       std::size_t budget)
{
    // The whole text is checked for UTF-8 here, once, so the parser need not
    // check each string (its check was a quarter of a load). A text that
    // fails goes to the tree reader, which parses with the parser's check
    // and says where. Bytes outside strings can only be ASCII in JSON, and
    // escapes (\uD800 alone) are still refused by the parser, so both
    // readers accept the same texts.
    if (!valid_utf8(text)) return std::nullopt;
    json::parse_options options = parse_options_for(limits);
    options.allow_invalid_utf8 = true;
    try {
        std::optional<plan> out(std::in_place);
        json::basic_parser<event_reader> parser(options, limits, units, budget, &document_ops, &*out);
        json::error_code ec;
        const std::size_t n = parser.write_some(false, text.data(), text.size(), ec);
        if (ec || n != text.size() || !parser.done() || !parser.handler().finished()) return std::nullopt;
        if (range_problem(*out)) return std::nullopt;  // a year or an ordinal out of range (check_read)
        if (first_repeated_id(*out)) return std::nullopt;
        return out;
    } catch (const std::bad_alloc&) {
        return std::nullopt;  // the tree reader will run out too, and say so
    }
}

}  // namespace govplan::detail

// govplan — values held in their own allocation: boxed_optional<T> and boxed<T>.
#pragma once

#include <govplan/config.hpp>

#include <compare>
#include <concepts>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

GOVPLAN_BEGIN_NAMESPACE

/// An optional T kept out of line: one pointer (8 bytes) when absent, for the
/// members most items leave out (a target's baseline, scope, group, low, high
/// and stretch, a project's investments), so that a plan of many targets does
/// not carry their room in every one.
///
/// It reads like std::optional: `if (t.scope)`, `t.scope->noun`,
/// `t.scope = target_scope{...}`, `t.scope = std::nullopt`, `emplace()`,
/// `reset()`, `value()`, `value_or()`. It is a value type: a copy copies the
/// value, and two compare equal when both are absent or both hold equal
/// values. Unlike std::optional, a moved-from one is empty. Reaching into an empty one (`*`, `->`, `value()`) throws
/// std::bad_optional_access instead of reading nothing.
template <class T>
class boxed_optional {
public:
    using value_type = T;

    boxed_optional() noexcept = default;
    boxed_optional(std::nullopt_t) noexcept {}
    boxed_optional(const T& value) : value_(std::make_unique<T>(value)) {}
    boxed_optional(T&& value) : value_(std::make_unique<T>(std::move(value))) {}
    /// From a std::optional: absent stays absent.
    boxed_optional(const std::optional<T>& value) : value_(value ? std::make_unique<T>(*value) : nullptr) {}
    boxed_optional(std::optional<T>&& value) : value_(value ? std::make_unique<T>(std::move(*value)) : nullptr) {}
    boxed_optional(const boxed_optional& other) : value_(other ? std::make_unique<T>(*other.value_) : nullptr) {}
    boxed_optional(boxed_optional&&) noexcept = default;
    ~boxed_optional() = default;

    boxed_optional& operator=(const boxed_optional& other)
    {
        if (this != &other) {
            if (!other) value_.reset();
            else *this = *other.value_;
        }
        return *this;
    }
    boxed_optional& operator=(boxed_optional&&) noexcept = default;
    boxed_optional& operator=(std::nullopt_t) noexcept
    {
        value_.reset();
        return *this;
    }
    /// Sets the value (a template, as std::optional's is, so that `= {}`
    /// empties it instead of being ambiguous).
    template <class U = T>
        requires(!std::is_same_v<std::remove_cvref_t<U>, boxed_optional> && std::is_constructible_v<T, U> &&
                 std::is_assignable_v<T&, U>)
    boxed_optional& operator=(U&& value)
    {
        if (value_) *value_ = std::forward<U>(value);
        else value_ = std::make_unique<T>(std::forward<U>(value));
        return *this;
    }

    /// Replaces the value with one made from `args` (T's members, in order).
    template <class... Args>
    T& emplace(Args&&... args)
    {
        value_ = std::make_unique<T>(std::forward<Args>(args)...);
        return *value_;
    }
    void reset() noexcept { value_.reset(); }

    [[nodiscard]] bool has_value() const noexcept { return value_ != nullptr; }
    explicit operator bool() const noexcept { return has_value(); }

    [[nodiscard]] T& value() { return checked(); }
    [[nodiscard]] const T& value() const { return checked(); }
    T& operator*() { return checked(); }
    const T& operator*() const { return checked(); }
    T* operator->() { return &checked(); }
    const T* operator->() const { return &checked(); }
    /// A copy as a std::optional, for code written against one (a target's
    /// `low` was a std::optional<decimal> before it was boxed).
    operator std::optional<T>() const { return value_ ? std::optional<T>(*value_) : std::nullopt; }
    template <class U>
    [[nodiscard]] T value_or(U&& fallback) const
    {
        return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
    }

    friend bool operator==(const boxed_optional& a, const boxed_optional& b)
    {
        return a.has_value() == b.has_value() && (!a || *a.value_ == *b.value_);
    }
    friend bool operator==(const boxed_optional& a, std::nullopt_t) noexcept { return !a; }
    /// Against a std::optional as two optionals compare: both empty is equal.
    friend bool operator==(const boxed_optional& a, const std::optional<T>& b)
    {
        return a.has_value() == b.has_value() && (!a || *a.value_ == *b);
    }
    friend bool operator==(const boxed_optional& a, const T& b) { return a && *a.value_ == b; }

private:
    T& checked() const
    {
        if (!value_) throw std::bad_optional_access();
        return *value_;
    }

    std::unique_ptr<T> value_;
};

/// A T held in its own allocation, and none while it is empty (equal to
/// `T{}`): for members most items leave empty, such as who answers for a
/// target (`target::responsibility`) or its grade. Unlike boxed_optional
/// there is always a value; an empty box reads as `T{}`, and files write
/// the value as they write a plain T. The readers leave a box they read
/// empty without an allocation.
///
/// Reading never allocates: `*b`, `b->leader`, `get()` and the conversion
/// to `const T&` are const and give `T{}` for an empty box. Changing a member goes through `edit()`,
/// which makes the allocation on its first call
/// (`t.responsibility.edit().lead_units.push_back("住建局")`); a whole
/// value is assigned (`t.responsibility = responsibility{...}`,
/// `t.grade = "AA级"`; assigning `T{}` or `{}` frees the allocation). It is a
/// value type: a copy copies the value, two compare (==, <, <=>) as their
/// values do, and a moved-from box is empty.
///
/// A box converts to `const T&` (and a boxed string to std::string_view) for
/// a parameter of that type. Where C++ deduces the type instead, as in
/// `"(" + *t.qualifier + ")"`, `std::cout << *t.grade` or a range algorithm's
/// projection, or where a function is overloaded for both std::string and
/// std::string_view, write `*b`.
template <class T>
class boxed {
public:
    using value_type = T;

    boxed() noexcept = default;
    /// From a T. (Not from what a T is made from, so that `b == "x"` has one
    /// meaning; `boxed<std::string> s = "x";` is written `s = "x";`.)
    boxed(const T& value) { *this = value; }
    boxed(T&& value) { *this = std::move(value); }
    boxed(const boxed& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    boxed(boxed&&) noexcept = default;
    ~boxed() = default;

    boxed& operator=(const boxed& other)
    {
        if (this != &other) *this = *other;
        return *this;
    }
    boxed& operator=(boxed&&) noexcept = default;
    /// Sets the value; an empty one (`T{}`) frees the allocation. (A
    /// template, as boxed_optional's is, so that `= {}` is not ambiguous.)
    template <class U = T>
        requires(!std::is_same_v<std::remove_cvref_t<U>, boxed> && std::is_constructible_v<T, U> &&
                 std::is_assignable_v<T&, U>)
    boxed& operator=(U&& value)
    {
        if constexpr (!std::is_same_v<std::remove_cvref_t<U>, T>) {
            return *this = T(std::forward<U>(value));  // `= ""` empties a boxed string
        } else {
            if (value == empty_value()) value_.reset();
            else if (value_) *value_ = std::forward<U>(value);
            else value_ = std::make_unique<T>(std::forward<U>(value));
            return *this;
        }
    }

    [[nodiscard]] const T& get() const noexcept { return value_ ? *value_ : empty_value(); }
    const T& operator*() const noexcept { return get(); }
    const T* operator->() const noexcept { return &get(); }
    /// Reads as a `const T&` wherever one is asked for (a boxed string
    /// passed to a function taking `const std::string&`).
    operator const T&() const noexcept { return get(); }
    /// A boxed string reads as a std::string_view too.
    operator std::string_view() const noexcept
        requires std::is_same_v<T, std::string>
    {
        return get();
    }
    /// The value to change in place; the allocation is made here if the box
    /// has none yet.
    [[nodiscard]] T& edit()
    {
        if (!value_) value_ = std::make_unique<T>();
        return *value_;
    }
    /// Back to `T{}`, freeing the allocation.
    void reset() noexcept { value_.reset(); }
    /// Whether the value is `T{}`.
    [[nodiscard]] bool empty() const { return !value_ || *value_ == empty_value(); }
    /// Whether the box holds an allocation of its own: true after edit() or
    /// a non-empty assignment, false again after reset() or `= T{}`. For
    /// measuring memory; the value reads the same either way.
    [[nodiscard]] bool allocated() const noexcept { return value_ != nullptr; }

    friend bool operator==(const boxed& a, const boxed& b) { return a.get() == b.get(); }
    friend bool operator==(const boxed& a, const T& b) { return a.get() == b; }
    friend auto operator<=>(const boxed& a, const boxed& b)
        requires std::three_way_comparable<T>
    {
        return a.get() <=> b.get();
    }
    friend auto operator<=>(const boxed& a, const T& b)
        requires std::three_way_comparable<T>
    {
        return a.get() <=> b;
    }

private:
    /// Made once and never destroyed, so that a box read from another
    /// static's destructor still reads `T{}`.
    static const T& empty_value() noexcept
    {
        static const T* const empty = new T();
        return *empty;
    }

    std::unique_ptr<T> value_;
};

GOVPLAN_END_NAMESPACE

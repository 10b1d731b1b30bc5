// govplan — an optional value held in its own allocation.
#pragma once

#include <govplan/config.hpp>

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

GOVPLAN_BEGIN_NAMESPACE

/// An optional T kept out of line: one pointer (8 bytes) when absent, for the
/// members most items leave out (a target's baseline, scope and group), so
/// that a plan of many targets does not carry their room in every one.
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

GOVPLAN_END_NAMESPACE

// govplan — error codes, the error value and result<T>.
//
// Every fallible govplan call comes in two forms: one returning `result<T>`
// (a value or a govplan::error, never throwing for bad data) and, where it is
// convenient, a throwing form that raises govplan::exception carrying the same
// error. Misuse of the API (reading the value of a failed result, an invalid
// argument that no data could produce) throws immediately.
#pragma once

#include <govplan/config.hpp>
#include <govplan/fwd.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <variant>

GOVPLAN_BEGIN_NAMESPACE

/// The few canonical error codes of govplan. Details go in error::message and
/// the location fields, not in new codes.
enum class errc {
    invalid_decimal = 1,   ///< text is not a decimal number in govplan's grammar
    decimal_overflow,      ///< a result does not fit the decimal's 18 digits
    inexact_conversion,    ///< the exact result is not a finite decimal (亩 → 平方米 of 1 亩)
    unknown_unit,          ///< a unit symbol the registry does not know
    incompatible_units,    ///< units of different dimensions, measure words or currencies
    invalid_date,          ///< not a strict YYYY-MM-DD calendar date
    syntax_error,          ///< a file is not well-formed (JSON syntax, archive structure)
    type_mismatch,         ///< a value of the wrong JSON type
    missing_field,         ///< a required key is absent
    unknown_field,         ///< a key the format does not define
    duplicate_key,         ///< the same key twice in one JSON object
    unknown_code,          ///< an enumeration code govplan does not define
    duplicate_id,          ///< two elements share an id
    limit_exceeded,        ///< input larger or deeper than the configured limits
    io_error,              ///< the operating system refused a read or write
    bad_magic,             ///< the file does not start with govplan's signature
    unsupported_version,   ///< written by a newer (or unknown) format version
    truncated,             ///< the file ends before its declared length
    checksum_mismatch,     ///< the payload does not match its recorded checksum
    corrupt_archive,       ///< the payload is damaged in a way Boost detected
    invalid_value,         ///< a value outside its allowed domain (negative count…)
};
BOOST_DESCRIBE_ENUM(errc, invalid_decimal, decimal_overflow, inexact_conversion, unknown_unit, incompatible_units,
                    invalid_date, syntax_error, type_mismatch, missing_field, unknown_field, duplicate_key, unknown_code,
                    duplicate_id, limit_exceeded, io_error, bad_magic, unsupported_version, truncated, checksum_mismatch,
                    corrupt_archive, invalid_value)

/// The std::error_category of govplan::errc; its name is "govplan".
const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(errc e) noexcept
{
    return {static_cast<int>(e), error_category()};
}

/// What went wrong and where. `where()` renders the location for people;
/// the individual fields are for programs.
struct error {
    std::error_code code;
    std::string message;               ///< readable sentence, without the location
    std::string pointer;               ///< RFC 6901 JSON pointer, when in a JSON document
    std::uint64_t line = 0;            ///< 1-based line, 0 when unknown
    std::uint64_t column = 0;          ///< 1-based column (bytes), 0 when unknown
    std::optional<std::uint64_t> byte_offset; ///< offset into the input, when known
    std::string source;                ///< file name or other input name, when known

    error() = default;
    error(errc c, std::string msg) : code(make_error_code(c)), message(std::move(msg)) {}
    /// The code with its standard message ("decimal overflow"), for a light
    /// result<T, errc> turned into a rich one.
    explicit error(errc c) : code(make_error_code(c)), message(code.message()) {}

    /// "file:/pointer (line L, column C)" or "file: byte N", whatever is known.
    [[nodiscard]] std::string where() const;
    /// where() + ": " + message, or just message when no location is known,
    /// made safe to print: control characters written as \u00XX, bytes that
    /// are not UTF-8 as \xNN, the location cut after 512 bytes and the
    /// message after 1,024 (with "…").
    [[nodiscard]] std::string to_string() const;

    friend bool operator==(const error&, const error&) = default;
};

/// Untrusted text (a key, a unit, a file name) made safe to show on a terminal
/// or in a log line: control characters written as \u00XX, bytes that are not
/// UTF-8 as \xNN, and the text cut after max_bytes (on a character boundary)
/// with "…" appended. error::to_string() applies it to what it returns.
[[nodiscard]] std::string printable_text(std::string_view text, std::size_t max_bytes = 1024);

/// Thrown by the throwing forms of fallible calls, and by result<T>::value()
/// on a failed result.
class exception : public std::runtime_error {
public:
    explicit exception(govplan::error e);
    [[nodiscard]] const govplan::error& error() const noexcept { return error_; }
    [[nodiscard]] std::error_code code() const noexcept { return error_.code; }

private:
    govplan::error error_;
};


namespace result_detail {
template <class R>
inline constexpr bool is_result = false;
template <class T, class E>
inline constexpr bool is_result<result<T, E>> = true;
}  // namespace result_detail

/// A value or an error: `result<T>` carries a govplan::error (code, message,
/// location), for reading documents and files; `result<T, errc>` carries only
/// the code, 4 bytes, for arithmetic and conversions that run in inner loops
/// (decimal::add, convert) and whose caller knows the context to describe.
/// A `result<T, errc>` converts to a `result<T>` (the message is then the
/// code's). Reading the value of a failed result throws govplan::exception
/// with the error; reading the error of a successful one throws
/// std::logic_error. and_then() and transform() chain calls:
///
///     decimal::multiply(a, b).and_then([&](decimal p) { return decimal::add(p, c); })
template <class T, class E>
class [[nodiscard]] result {
    static_assert(std::is_same_v<E, govplan::error> || std::is_same_v<E, errc>,
                  "govplan::result carries a govplan::error or a govplan::errc");
    static_assert(!std::is_same_v<std::remove_cv_t<T>, govplan::error> && !std::is_same_v<std::remove_cv_t<T>, errc>);

public:
    using value_type = T;
    using error_type = E;

    result(T value) : state_(std::in_place_index<0>, std::move(value)) {}        // NOLINT: implicit by design
    result(E e) : state_(std::in_place_index<1>, std::move(e)) {}                // NOLINT: implicit by design
    /// A bare code where a rich error is expected: the error's message is the code's.
    result(errc e) requires std::is_same_v<E, govplan::error>                    // NOLINT: implicit by design
        : state_(std::in_place_index<1>, govplan::error(e)) {}
    /// A light result where a rich one is expected.
    template <class U>
        requires(std::is_same_v<E, govplan::error> && std::is_convertible_v<U, T>)
    result(result<U, errc> light)  // NOLINT: implicit by design
        : state_(light ? state_type(std::in_place_index<0>, std::move(light).value())
                       : state_type(std::in_place_index<1>, govplan::error(light.error())))
    {
    }

    [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    T& value() &
    {
        check();
        return std::get<0>(state_);
    }
    const T& value() const&
    {
        check();
        return std::get<0>(state_);
    }
    T&& value() &&
    {
        check();
        return std::get<0>(std::move(state_));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    [[nodiscard]] const E& error() const
    {
        if (has_value()) throw std::logic_error("govplan::result::error() called on a successful result");
        return std::get<1>(state_);
    }

    template <class U>
    [[nodiscard]] T value_or(U&& fallback) const&
    {
        return has_value() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
    }

    /// f(value) — itself a result with the same error type — or this error.
    template <class F>
    auto and_then(F&& f) const&
    {
        using R = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
        static_assert(result_detail::is_result<R> && std::is_same_v<typename R::error_type, E>,
                      "and_then needs a function returning a govplan::result with the same error type");
        return has_value() ? std::invoke(std::forward<F>(f), std::get<0>(state_)) : R(std::get<1>(state_));
    }
    template <class F>
    auto and_then(F&& f) &&
    {
        using R = std::remove_cvref_t<std::invoke_result_t<F, T&&>>;
        static_assert(result_detail::is_result<R> && std::is_same_v<typename R::error_type, E>,
                      "and_then needs a function returning a govplan::result with the same error type");
        return has_value() ? std::invoke(std::forward<F>(f), std::get<0>(std::move(state_)))
                           : R(std::get<1>(std::move(state_)));
    }

    /// A result holding f(value), or this error.
    template <class F>
    auto transform(F&& f) const&
    {
        using U = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
        if (!has_value()) return result<U, E>(std::get<1>(state_));
        if constexpr (std::is_void_v<U>) {
            std::invoke(std::forward<F>(f), std::get<0>(state_));
            return result<U, E>();
        } else {
            return result<U, E>(std::invoke(std::forward<F>(f), std::get<0>(state_)));
        }
    }
    template <class F>
    auto transform(F&& f) &&
    {
        using U = std::remove_cvref_t<std::invoke_result_t<F, T&&>>;
        if (!has_value()) return result<U, E>(std::get<1>(std::move(state_)));
        if constexpr (std::is_void_v<U>) {
            std::invoke(std::forward<F>(f), std::get<0>(std::move(state_)));
            return result<U, E>();
        } else {
            return result<U, E>(std::invoke(std::forward<F>(f), std::get<0>(std::move(state_))));
        }
    }

private:
    using state_type = std::variant<T, E>;
    void check() const
    {
        if (!has_value()) throw exception(govplan::error(std::get<1>(state_)));
    }
    state_type state_;
};

/// Success or an error, for calls that produce no value.
template <class E>
class [[nodiscard]] result<void, E> {
    static_assert(std::is_same_v<E, govplan::error> || std::is_same_v<E, errc>,
                  "govplan::result carries a govplan::error or a govplan::errc");

public:
    using value_type = void;
    using error_type = E;

    result() = default;
    result(E e) : error_(std::move(e)) {}  // NOLINT: implicit by design
    result(errc e) requires std::is_same_v<E, govplan::error>  // NOLINT: implicit by design
        : error_(govplan::error(e)) {}
    /// A light result where a rich one is expected.
    result(const result<void, errc>& light) requires std::is_same_v<E, govplan::error>  // NOLINT: implicit by design
    {
        if (!light) error_ = govplan::error(light.error());
    }

    [[nodiscard]] bool has_value() const noexcept { return !error_.has_value(); }
    explicit operator bool() const noexcept { return has_value(); }
    /// Throws govplan::exception when failed.
    void value() const
    {
        if (error_) throw exception(govplan::error(*error_));
    }
    [[nodiscard]] const E& error() const
    {
        if (!error_) throw std::logic_error("govplan::result::error() called on a successful result");
        return *error_;
    }

    /// f() — a result with the same error type — or this error.
    template <class F>
    auto and_then(F&& f) const
    {
        using R = std::remove_cvref_t<std::invoke_result_t<F>>;
        static_assert(result_detail::is_result<R> && std::is_same_v<typename R::error_type, E>,
                      "and_then needs a function returning a govplan::result with the same error type");
        return has_value() ? std::invoke(std::forward<F>(f)) : R(*error_);
    }
    /// A result holding f(), or this error.
    template <class F>
    auto transform(F&& f) const
    {
        using U = std::remove_cvref_t<std::invoke_result_t<F>>;
        if (!has_value()) return result<U, E>(*error_);
        if constexpr (std::is_void_v<U>) {
            std::invoke(std::forward<F>(f));
            return result<U, E>();
        } else {
            return result<U, E>(std::invoke(std::forward<F>(f)));
        }
    }

private:
    std::optional<E> error_;
};

GOVPLAN_END_NAMESPACE

template <>
struct std::is_error_code_enum<govplan::errc> : std::true_type {};

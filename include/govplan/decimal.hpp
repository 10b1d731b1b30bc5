// govplan — exact decimal numbers.
//
// A plan's numbers (10.6, 1.2, 4500, 0.5) are stored as a signed 64-bit
// coefficient and a scale (digits after the point): 10.60 is coefficient 1060,
// scale 2. No binary floating point is involved anywhere.
//
// Representation is kept: a decimal parsed from "10.60" prints "10.60", and
// one parsed from "10.6" prints "10.6". Comparison is by numeric value, so the
// two compare equal; `same_representation()` tells them apart.
//
// Grammar accepted by parse(): an optional '-', then "0" or a digit 1-9
// followed by digits, then optionally '.' and one or more digits. Leading
// zeros ("007"), a leading '+', a bare point (".5", "5."), exponents and
// negative zero ("-0", "-0.0") are rejected, so that to_string(parse(s)) == s
// for every accepted s. At most 18 digits in all and a scale of at most 18.
#pragma once

#include <govplan/config.hpp>

#include <govplan/error.hpp>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

GOVPLAN_BEGIN_NAMESPACE

class decimal {
public:
    /// The largest scale (digits after the point) and digit count supported.
    static constexpr int max_digits = 18;

    /// Zero, scale 0.
    constexpr decimal() noexcept = default;

    /// coefficient × 10^-scale. Throws std::invalid_argument when scale is
    /// outside 0..18 or the coefficient has more than 18 digits.
    decimal(std::int64_t coefficient, int scale);

    /// An integer value, scale 0. Throws std::invalid_argument beyond 18 digits.
    static decimal from_integer(std::int64_t value) { return decimal(value, 0); }

    /// Parses the grammar above; the error names the offending character.
    static result<decimal> parse(std::string_view text);

    [[nodiscard]] constexpr std::int64_t coefficient() const noexcept { return coefficient_; }
    [[nodiscard]] constexpr int scale() const noexcept { return scale_; }

    /// The text this decimal was written as (trailing zeros kept).
    [[nodiscard]] std::string to_string() const;

    [[nodiscard]] constexpr bool is_zero() const noexcept { return coefficient_ == 0; }
    [[nodiscard]] constexpr bool is_negative() const noexcept { return coefficient_ < 0; }
    /// True when the value has no fractional part (4500, 10.00).
    [[nodiscard]] bool is_integer() const noexcept;

    /// The same value without trailing fractional zeros (10.60 → 10.6, 5.0 → 5).
    [[nodiscard]] decimal normalized() const noexcept;
    /// True when both the value and the written form agree (10.6 vs 10.60: false).
    [[nodiscard]] constexpr bool same_representation(const decimal& other) const noexcept
    {
        return coefficient_ == other.coefficient_ && scale_ == other.scale_;
    }

    // Arithmetic is exact and fails with a bare code (a light result, 24
    // bytes): the caller knows which figures it was adding and says so.

    /// value × 10^exponent, exactly (万 = 4, 亿 = 8, -2 for a percentage).
    /// Fails with errc::decimal_overflow when the result needs more than 18 digits
    /// or a scale above 18.
    [[nodiscard]] result<decimal, errc> times_power_of_ten(int exponent) const;

    /// Exact arithmetic; errc::decimal_overflow instead of wrapping.
    [[nodiscard]] static result<decimal, errc> add(const decimal& a, const decimal& b);
    [[nodiscard]] static result<decimal, errc> subtract(const decimal& a, const decimal& b);
    [[nodiscard]] static result<decimal, errc> multiply(const decimal& a, const decimal& b);
    /// a / b when the quotient is a finite decimal of at most 18 digits;
    /// errc::inexact_conversion otherwise (1 / 3), errc::invalid_value for b = 0.
    [[nodiscard]] static result<decimal, errc> divide_exact(const decimal& a, const decimal& b);
    /// a / b rounded half away from zero to `scale` digits after the point
    /// (0..18): for ratios and shares that are shown, never for stored values.
    /// errc::invalid_value for b = 0, errc::decimal_overflow when too large.
    [[nodiscard]] static result<decimal, errc> divide(const decimal& a, const decimal& b, int scale);

    /// Throwing forms of add/subtract: govplan::exception on overflow.
    friend decimal operator+(const decimal& a, const decimal& b) { return add(a, b).value(); }
    friend decimal operator-(const decimal& a, const decimal& b) { return subtract(a, b).value(); }
    decimal& operator+=(const decimal& b) { return *this = *this + b; }
    decimal& operator-=(const decimal& b) { return *this = *this - b; }
    [[nodiscard]] decimal operator-() const;

    /// Numeric comparison: 10.6 == 10.60, 0.3 == 0.30.
    friend bool operator==(const decimal& a, const decimal& b) noexcept;
    friend std::strong_ordering operator<=>(const decimal& a, const decimal& b) noexcept;

private:
    std::int64_t coefficient_ = 0;
    int scale_ = 0;
};

/// Literal for tests and examples: "10.6"_dec. Throws govplan::exception on bad text.
inline namespace literals {
inline decimal operator""_dec(const char* text, std::size_t size)
{
    return decimal::parse(std::string_view(text, size)).value();
}
}  // namespace literals

GOVPLAN_END_NAMESPACE

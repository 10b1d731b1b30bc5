#include <govplan/decimal.hpp>

#include "printable.hpp"

#include "int128.hpp"

#include <stdexcept>
#include <string>

GOVPLAN_BEGIN_NAMESPACE
namespace {

using detail::int128;
using detail::pow10_128;

constexpr std::int64_t max_coefficient = 999'999'999'999'999'999;  // 18 digits

bool fits(int128 c) noexcept { return c <= max_coefficient && c >= -max_coefficient; }

constexpr errc overflow = errc::decimal_overflow;

// Builds a decimal from a wide coefficient, dropping trailing fractional
// zeros only when needed to fit.
result<decimal, errc> make(int128 c, int scale)
{
    while (scale > decimal::max_digits || (!fits(c) && scale > 0 && c % 10 == 0)) {
        if (c % 10 != 0) return overflow;
        c /= 10;
        --scale;
    }
    if (!fits(c)) return overflow;
    if (scale < 0) {
        int128 p = pow10_128(-scale);
        int128 scaled = 0;
        if (__builtin_mul_overflow(c, p, &scaled) || !fits(scaled)) return overflow;
        c = scaled;
        scale = 0;
    }
    return decimal(static_cast<std::int64_t>(c), scale);
}

error invalid(std::string_view text, std::size_t pos, const std::string& why)
{
    error e(errc::invalid_decimal,
            "invalid decimal \"" + detail::quoted_excerpt(text) + "\": " + why + " at position " + std::to_string(pos));
    e.byte_offset = pos;
    return e;
}

}  // namespace

decimal::decimal(std::int64_t coefficient, int scale) : coefficient_(coefficient), scale_(scale)
{
    if (scale < 0 || scale > max_digits) throw std::invalid_argument("govplan::decimal: scale must be 0..18");
    if (!fits(coefficient)) throw std::invalid_argument("govplan::decimal: coefficient exceeds 18 digits");
}

result<decimal> decimal::parse(std::string_view text)
{
    if (text.empty()) return invalid(text, 0, "empty text");
    std::size_t i = 0;
    bool negative = false;
    if (text[0] == '-') {
        negative = true;
        i = 1;
    }
    const std::size_t int_start = i;
    std::int64_t coefficient = 0;
    int digits = 0;
    int scale = 0;
    // Significant digits only: "0.000001" has one.
    auto push_digit = [&](char ch) {
        coefficient = coefficient * 10 + (ch - '0');
        if (coefficient != 0) ++digits;
    };
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (digits == max_digits) return invalid(text, i, "more than 18 digits");
        push_digit(text[i]);
        ++i;
    }
    if (i == int_start) {
        return invalid(text, i, i < text.size() ? "expected a digit, found '" + std::string(1, text[i]) + "'"
                                                : "expected a digit");
    }
    if (i - int_start > 1 && text[int_start] == '0') return invalid(text, int_start, "leading zero");
    if (i < text.size() && text[i] == '.') {
        ++i;
        const std::size_t frac_start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (digits == max_digits || scale == max_digits) {
                return invalid(text, i, "more than 18 digits");
            }
            push_digit(text[i]);
            ++scale;
            ++i;
        }
        if (i == frac_start) return invalid(text, i, "expected a digit after the decimal point");
    }
    if (i < text.size()) return invalid(text, i, "unexpected character '" + std::string(1, text[i]) + "'");
    if (negative && coefficient == 0) return invalid(text, 0, "negative zero");
    return decimal(negative ? -coefficient : coefficient, scale);
}

std::string decimal::to_string() const
{
    // The magnitude of an 18-digit coefficient never overflows int64.
    std::string digits = std::to_string(coefficient_ < 0 ? -coefficient_ : coefficient_);
    if (scale_ > 0) {
        if (digits.size() <= static_cast<std::size_t>(scale_)) {
            digits.insert(0, static_cast<std::size_t>(scale_) - digits.size() + 1, '0');
        }
        digits.insert(digits.size() - static_cast<std::size_t>(scale_), 1, '.');
    }
    return coefficient_ < 0 ? "-" + digits : digits;
}

bool decimal::is_integer() const noexcept
{
    return coefficient_ % static_cast<std::int64_t>(pow10_128(scale_)) == 0;
}

decimal decimal::normalized() const noexcept
{
    decimal d = *this;
    while (d.scale_ > 0 && d.coefficient_ % 10 == 0) {
        d.coefficient_ /= 10;
        --d.scale_;
    }
    if (d.coefficient_ == 0) d.scale_ = 0;
    return d;
}

result<decimal, errc> decimal::times_power_of_ten(int exponent) const
{
    if (exponent > 2 * max_digits || exponent < -2 * max_digits) {
        if (coefficient_ == 0) return decimal();
        return overflow;
    }
    return make(coefficient_, scale_ - exponent);
}

result<decimal, errc> decimal::add(const decimal& a, const decimal& b)
{
    const int scale = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    const int128 x = int128(a.coefficient_) * pow10_128(scale - a.scale_);
    const int128 y = int128(b.coefficient_) * pow10_128(scale - b.scale_);
    return make(x + y, scale);
}

result<decimal, errc> decimal::subtract(const decimal& a, const decimal& b) { return add(a, -b); }

result<decimal, errc> decimal::multiply(const decimal& a, const decimal& b)
{
    return make(int128(a.coefficient_) * b.coefficient_, a.scale_ + b.scale_);
}

result<decimal, errc> decimal::divide_exact(const decimal& a, const decimal& b)
{
    if (b.coefficient_ == 0) return errc::invalid_value;  // division by zero
    // a/b = (ca / cb) × 10^(sb - sa); find k with ca·10^k divisible by cb.
    for (int k = 0; k <= max_digits + 1; ++k) {
        const int128 n = int128(a.coefficient_) * pow10_128(k);
        if (n % b.coefficient_ == 0) {
            return make(n / b.coefficient_, a.scale_ - b.scale_ + k);
        }
    }
    return errc::inexact_conversion;  // not a finite decimal (1 / 3)
}

result<decimal, errc> decimal::divide(const decimal& a, const decimal& b, int scale)
{
    if (scale < 0 || scale > max_digits) throw std::invalid_argument("govplan::decimal::divide: scale must be 0..18");
    if (b.coefficient_ == 0) return errc::invalid_value;  // division by zero
    // q = ca·10^(scale + sb − sa) / cb, rounded.
    const int exponent = scale + b.scale_ - a.scale_;
    int128 n = a.coefficient_;
    int128 d = b.coefficient_;
    if (exponent >= 0) {
        if (__builtin_mul_overflow(n, pow10_128(exponent), &n)) return overflow;
    } else if (__builtin_mul_overflow(d, pow10_128(-exponent), &d)) {
        return overflow;
    }
    if (d < 0) {
        n = -n;
        d = -d;
    }
    int128 q = n / d;
    const int128 r = n % d;
    if (2 * (r < 0 ? -r : r) >= d) q += n < 0 ? -1 : 1;
    if (!fits(q)) return overflow;
    return decimal(static_cast<std::int64_t>(q), scale);
}

decimal decimal::operator-() const
{
    decimal d = *this;
    d.coefficient_ = -d.coefficient_;
    return d;
}

bool operator==(const decimal& a, const decimal& b) noexcept { return (a <=> b) == 0; }

std::strong_ordering operator<=>(const decimal& a, const decimal& b) noexcept
{
    if (a.scale_ == b.scale_) return a.coefficient_ <=> b.coefficient_;
    const int scale = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    const int128 x = int128(a.coefficient_) * pow10_128(scale - a.scale_);
    const int128 y = int128(b.coefficient_) * pow10_128(scale - b.scale_);
    return x <=> y;
}

GOVPLAN_END_NAMESPACE

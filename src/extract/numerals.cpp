#include "numerals.hpp"

#include <string>

namespace govplan::extract_detail {

namespace {

int chinese_digit(char32_t c) noexcept
{
    switch (c) {
    case U'零':
    case U'〇': return 0;
    case U'一': return 1;
    case U'二':
    case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
    }
}

std::int64_t chinese_multiplier(char32_t c) noexcept
{
    switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 10'000;
    case U'亿': return 100'000'000;
    default: return 0;
    }
}

constexpr std::size_t max_unit_length = 8;

}  // namespace

bool is_chinese_digit(char32_t c) noexcept { return chinese_digit(c) >= 0 || chinese_multiplier(c) > 0; }

const unit* read_unit(const cp_text& t, std::size_t i, const unit_registry& units, std::size_t& end)
{
    const unit* best = nullptr;
    std::string candidate;
    for (std::size_t k = 0; k < max_unit_length && i + k < t.size(); ++k) {
        const char32_t c = t.cp[i + k];
        if (!(is_han(c) || c == U'%' || c == U'‰' || is_ascii_letter(c))) break;
        candidate += to_utf8(std::u32string_view(&t.cp[i + k], 1));
        if (const unit* u = units.lookup(candidate)) {
            best = u;
            end = i + k + 1;
        }
    }
    return best;
}

namespace {

constexpr std::int64_t max_value = 999'999'999'999'999'999;  // 18 digits, what a decimal holds

// a * m + add, or false when it leaves 0..max_value.
bool checked(std::int64_t a, std::int64_t m, std::int64_t add, std::int64_t& out)
{
    std::int64_t product = 0;
    if (__builtin_mul_overflow(a, m, &product) || __builtin_add_overflow(product, add, &out)) return false;
    return out >= 0 && out <= max_value;
}

// Chinese numeral value of t[b, e); false when it does not parse or does not fit 18 digits.
bool chinese_value(const cp_text& t, std::size_t b, std::size_t e, std::int64_t& out)
{
    // Plain digit strings (二〇二五) read digit by digit.
    bool plain = e - b > 1;
    for (std::size_t i = b; i < e && plain; ++i) plain = chinese_digit(t.cp[i]) >= 0;
    if (plain) {
        std::int64_t v = 0;
        for (std::size_t i = b; i < e; ++i) {
            if (!checked(v, 10, chinese_digit(t.cp[i]), v)) return false;
        }
        out = v;
        return true;
    }
    std::int64_t total = 0, section = 0, number = 0;
    for (std::size_t i = b; i < e; ++i) {
        const char32_t c = t.cp[i];
        if (const int d = chinese_digit(c); d >= 0) {
            number = d;
            continue;
        }
        const std::int64_t m = chinese_multiplier(c);
        if (m >= 10'000) {
            if (!checked(section + number, m, 0, section)) return false;
            if (m == 100'000'000) {
                if (!checked(total, 1, section, total)) return false;
                section = 0;
            }
        } else if (!checked(number == 0 ? 1 : number, m, section, section)) {
            return false;
        }
        number = 0;
    }
    return checked(total, 1, section + number, out);
}

/// Arabic digits from `p` (1,200 with a thousands separator only when exactly
/// three digits follow; 10.6): the value and end of `n`. False when they are
/// no decimal govplan reads.
bool read_arabic(const cp_text& t, std::size_t p, numeral& n)
{
    std::string digits;
    while (is_ascii_digit(t[p])) digits += static_cast<char>(t.cp[p++]);
    while (t[p] == U',' && is_ascii_digit(t[p + 1]) && is_ascii_digit(t[p + 2]) && is_ascii_digit(t[p + 3]) &&
           !is_ascii_digit(t[p + 4])) {
        digits.append({static_cast<char>(t.cp[p + 1]), static_cast<char>(t.cp[p + 2]), static_cast<char>(t.cp[p + 3])});
        p += 4;
    }
    if (t[p] == U'.' && is_ascii_digit(t[p + 1])) {
        digits += '.';
        ++p;
        while (is_ascii_digit(t[p])) digits += static_cast<char>(t.cp[p++]);
    }
    std::size_t lead = 0;
    while (lead + 1 < digits.size() && digits[lead] == '0' && digits[lead + 1] != '.') ++lead;
    auto v = decimal::parse(std::string_view(digits).substr(lead));
    if (!v) return false;
    n.value = *v;
    n.end = p;
    return true;
}

/// Chinese numerals from `p` (三千, 二十五): the value and end of `n`. A lone
/// 万 or 亿 is a unit prefix (每万人), never a number; and the numeral stops
/// before a 万/亿 that starts a registered unit (三千万元: 三千 + 万元).
bool read_chinese(const cp_text& t, std::size_t p, const unit_registry& units, numeral& n)
{
    std::size_t e = p;
    while (e < t.size() && is_chinese_digit(t.cp[e])) ++e;
    std::size_t unit_end = 0;
    while (e > p + 1 && (t.cp[e - 1] == U'万' || t.cp[e - 1] == U'亿') && read_unit(t, e - 1, units, unit_end) != nullptr)
        --e;
    if (e == p + 1 && (t.cp[p] == U'万' || t.cp[p] == U'亿')) return false;
    std::int64_t v = 0;
    if (!chinese_value(t, p, e, v)) return false;
    n.value = decimal::from_integer(v);
    n.chinese = true;
    n.end = e;
    return true;
}

}  // namespace

std::optional<numeral> read_numeral(const cp_text& t, std::size_t i, const unit_registry& units)
{
    numeral n;
    n.begin = i;
    std::size_t p = i;
    bool percent_prefix = false;
    if (t.at(p, U"百分之")) {
        percent_prefix = true;
        p += 3;
    }
    if (is_ascii_digit(t[p])) {
        if (!read_arabic(t, p, n)) return std::nullopt;
    } else if (is_chinese_digit(t[p])) {
        if (!read_chinese(t, p, units, n)) return std::nullopt;
    } else {
        return std::nullopt;
    }
    std::size_t q = n.end;
    if (t[q] == U'余' || t[q] == U'多') {
        n.hedge = hedge::over;
        ++q;
    }
    if (percent_prefix) {
        n.unit = units.lookup("%");
        n.after = q;
        return n;
    }
    std::size_t unit_end = q;
    if (const unit* u = read_unit(t, q, units, unit_end)) {
        n.unit = u;
        q = unit_end;
    } else if ((t[q] == U'万' || t[q] == U'亿') && (t[q + 1] == U'余' || t[q + 1] == U'多')) {
        // 2万余亩: the hedge between the scale and the unit
        std::string joined = to_utf8(std::u32string_view(&t.cp[q], 1));
        std::size_t after_unit = q + 2;
        if (const unit* base = read_unit(t, q + 2, units, after_unit)) {
            if (const unit* joined_unit = units.lookup(joined + base->symbol())) {
                n.unit = joined_unit;
                n.hedge = hedge::over;
                q = after_unit;
            } else if (auto scaled = decimal::multiply(n.value, decimal::from_integer(t[q] == U'万' ? 10'000 : 100'000'000))) {
                n.value = *scaled;
                n.unit = base;
                n.hedge = hedge::over;
                q = after_unit;
            }
        }
    } else if (t[q] == U'万' || t[q] == U'亿') {
        // 3万辆: 万 before a unit the registry does not know joined → scale the value.
        const std::int64_t scale = t[q] == U'万' ? 10'000 : 100'000'000;
        std::size_t after_scale = q + 1;
        if (const unit* scaled_unit = read_unit(t, q + 1, units, after_scale)) {
            if (auto scaled = decimal::multiply(n.value, decimal::from_integer(scale))) {
                n.value = *scaled;
                n.unit = scaled_unit;
                q = after_scale;
            }
        } else {
            n.scale_only = true;
            q = q + 1;
        }
    }
    if (n.hedge == hedge::none && (t[q] == U'余' || t[q] == U'多') && n.unit != nullptr) {
        n.hedge = hedge::over;
        ++q;
    }
    n.after = q;
    return n;
}

}  // namespace govplan::extract_detail

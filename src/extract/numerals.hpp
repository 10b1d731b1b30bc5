// Numerals of a report's text: Arabic and Chinese, with the unit after them.
#pragma once

#include "text.hpp"

#include <govplan/decimal.hpp>
#include <govplan/target.hpp>
#include <govplan/unit.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace govplan::extract_detail {

/// A numeral as written, and the unit that follows it.
struct numeral {
    std::size_t begin = 0;       ///< first code point of the numeral (百分之 included)
    std::size_t end = 0;         ///< one past the digits (before 余/多 and the unit)
    decimal value;               ///< in `unit` (万/亿 joined into the unit when it is registered)
    bool chinese = false;        ///< written in Chinese numerals
    govplan::hedge hedge = govplan::hedge::none;  ///< 余, 多 after the digits
    const govplan::unit* unit = nullptr;          ///< nullptr: no unit follows
    std::string rate_per;        ///< for 每万人 rates: the denominator (万人)
    bool scale_only = false;     ///< a bare 万/亿 followed, with no unit after it (680万至…)
    std::size_t after = 0;       ///< one past the unit (or past the hedge, or the digits)
};

/// True when c can start a Chinese numeral.
bool is_chinese_digit(char32_t c) noexcept;

/// Reads the numeral that starts at t[i] (an ASCII digit, a Chinese numeral or
/// 百分之), and the unit after it. nullopt when there is none, or when a
/// Chinese numeral is part of a word rather than a number (一批, 万人 alone).
std::optional<numeral> read_numeral(const cp_text& t, std::size_t i, const unit_registry& units);

/// The registered unit whose symbol is the longest prefix of t[i…], or nullptr.
const unit* read_unit(const cp_text& t, std::size_t i, const unit_registry& units, std::size_t& end);

}  // namespace govplan::extract_detail

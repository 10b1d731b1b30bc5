// Internal: 128-bit integer helpers for exact decimal arithmetic. Not API.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace govplan::detail {

__extension__ using int128 = __int128;

/// 10^0 … 10^38, the powers of ten an int128 holds.
inline constexpr auto pow10_table = [] {
    std::array<int128, 39> powers{};
    powers[0] = 1;
    for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
    return powers;
}();

/// 10^n for 0 <= n <= 38: a table look-up (decimal arithmetic and every
/// comparison of two decimals align scales with it).
constexpr int128 pow10_128(int n) noexcept { return pow10_table[static_cast<std::size_t>(n)]; }

}  // namespace govplan::detail

// Internal: 128-bit integer helpers for exact decimal arithmetic. Not API.
#pragma once

#include <cstdint>

namespace govplan::detail {

__extension__ using int128 = __int128;

/// 10^n for 0 <= n <= 38.
constexpr int128 pow10_128(int n) noexcept
{
    int128 p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

}  // namespace govplan::detail

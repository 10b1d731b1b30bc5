// Internal: asking the processor for memory ahead of its use, and a slot
// for an address in a small direct-mapped memo. Not API.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace govplan::detail {

/// Asks the processor for the first `count` elements of `list` (all of them
/// by default), one request per cache line; nothing waits for the answer.
template <class List>
void prefetch(const List& list, std::size_t count = static_cast<std::size_t>(-1)) noexcept
{
    const char* bytes = reinterpret_cast<const char*>(list.data());
    const std::size_t size = std::min(list.size(), count) * sizeof(typename List::value_type);
    for (std::size_t line = 0; line < size; line += 64) __builtin_prefetch(bytes + line);
}

/// One of 64 slots for `key` (an address, or a small number): the top six
/// bits of key × 2^64/φ, which spreads both aligned addresses and neighbours.
constexpr std::size_t slot_of_64(std::uintptr_t key) noexcept
{
    return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> 58);
}

}  // namespace govplan::detail

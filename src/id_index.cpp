#include "id_index.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstring>
#include <random>

namespace govplan::detail {
namespace {

/// Drawn once per process from the clock, an address and the entropy
/// source when there is one.
std::uint64_t id_hash_seed() noexcept
{
    static const std::uint64_t seed = [] {
        std::uint64_t s = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
        s ^= reinterpret_cast<std::uintptr_t>(&s);
        try {
            std::random_device device;
            s ^= (std::uint64_t{device()} << 32) ^ device();
        } catch (...) {  // no entropy source: the clock and the address stay
        }
        return s;
    }();
    return seed;
}

/// splitmix64's finaliser: every bit of x moves every bit of the result.
constexpr std::uint64_t mix(std::uint64_t x) noexcept
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

}  // namespace

std::uint64_t hash_id(std::string_view id) noexcept
{
    const auto load = [&](std::size_t at, std::size_t bytes) {  // bytes: 4 or 8, within the id
        std::uint64_t word = 0;
        std::memcpy(&word, id.data() + at, bytes);
        return word;
    };
    const std::size_t n = id.size();
    std::uint64_t h = id_hash_seed() ^ n;
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8) h = mix(h ^ load(i, 8));
        return mix(h ^ load(n - 8, 8));  // the last eight bytes, overlapping the loop's when n is no multiple of 8
    }
    if (n >= 4) return mix(h ^ (load(0, 4) << 32 | load(n - 4, 4)));
    std::uint64_t rest = 0;
    for (std::size_t k = 0; k < n; ++k) rest = (rest << 8) | static_cast<unsigned char>(id[k]);
    return mix(h ^ rest);
}

id_index::id_index(std::size_t expected)
{
    ids_.reserve(expected);
    slots_.assign(std::max<std::size_t>(16, std::bit_ceil(expected * 2 + 1)), npos);
}

std::pair<std::size_t, bool> id_index::add(std::string_view id)
{
    const std::uint64_t hash = hash_id(id);
    std::size_t& slot = slots_[slot_of(id, hash)];
    if (slot != npos) return {slot, false};
    slot = ids_.size();
    ids_.push_back({id, hash});
    if (ids_.size() * 2 > slots_.size()) grow(slots_.size() * 2);
    return {ids_.size() - 1, true};
}

std::size_t id_index::find(std::string_view id) const noexcept { return slots_[slot_of(id, hash_id(id))]; }

std::size_t id_index::slot_of(std::string_view id, std::uint64_t hash) const noexcept
{
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
        const std::size_t at = slots_[i];
        if (at == npos || (ids_[at].hash == hash && ids_[at].id == id)) return i;
    }
}

void id_index::grow(std::size_t slots)
{
    slots_.assign(slots, npos);
    for (std::size_t k = 0; k < ids_.size(); ++k) slots_[slot_of(ids_[k].id, ids_[k].hash)] = k;
}

}  // namespace govplan::detail

// Internal: the ids of a plan's targets and projects, numbered in the order
// first seen. Not API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace govplan::detail {

/// A hash of an id, seeded once per process (so that no file can be written
/// whose ids all fall on one slot), eight bytes at a time: ids are short
/// (t-3-1-2), and std::hash was a tenth of a validation's instructions.
std::uint64_t hash_id(std::string_view id) noexcept;

/// Open addressing over one array of slots, at most half full: one hash per
/// id and no allocation per id, so building it is linear in the plan. The
/// ids are views: the strings they view must outlive the index.
class id_index {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    /// Room for `expected` ids without growing.
    explicit id_index(std::size_t expected);

    /// The number of `id` (how many different ids came before it) and
    /// whether this call added it.
    std::pair<std::size_t, bool> add(std::string_view id);
    /// The number of `id`, or npos.
    [[nodiscard]] std::size_t find(std::string_view id) const noexcept;

private:
    struct entry {
        std::string_view id;
        std::uint64_t hash;
    };
    [[nodiscard]] std::size_t slot_of(std::string_view id, std::uint64_t hash) const noexcept;
    void grow(std::size_t slots);

    std::vector<entry> ids_;          ///< in the order added
    std::vector<std::size_t> slots_;  ///< a power of two of them; npos or a position in ids_
};

}  // namespace govplan::detail

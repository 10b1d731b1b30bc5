#include "printable.hpp"

#include <govplan/serialization.hpp>

#include <cstdint>
#include <cstring>

namespace govplan::detail {
namespace {

std::string escaped(std::string_view text, std::size_t max_bytes, bool quotes)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (i >= max_bytes) {
            out += "…";
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = utf8_sequence_length(text, i);
        const bool valid = n != 0;
        if (!valid) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
            ++i;
        } else if (n == 1 && (c < 0x20 || c == 0x7F || (quotes && (c == '"' || c == '\\')))) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
            ++i;
        } else if (n == 3 && c == 0xE2 &&
                   ((text[i + 1] == '\x80' && static_cast<unsigned char>(text[i + 2]) >= 0xAA &&
                     static_cast<unsigned char>(text[i + 2]) <= 0xAE) ||
                    (text[i + 1] == '\x81' && static_cast<unsigned char>(text[i + 2]) >= 0xA6 &&
                     static_cast<unsigned char>(text[i + 2]) <= 0xA9))) {
            // U+202A to U+202E and U+2066 to U+2069, the bidirectional
            // controls, which reorder what a terminal shows after them
            const unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                                (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
            out += "\\u";
            out += hex[(cp >> 12) & 15];
            out += hex[(cp >> 8) & 15];
            out += hex[(cp >> 4) & 15];
            out += hex[cp & 15];
            i += 3;
        } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
            // U+0080 to U+009F, the C1 controls (U+009B opens an escape sequence on some terminals)
            const auto c1 = static_cast<unsigned char>(text[i + 1]);
            out += "\\u00";
            out += hex[c1 >> 4];
            out += hex[c1 & 15];
            i += 2;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

}  // namespace

/// Length of the well-formed UTF-8 sequence at text[i], or 0 when the bytes
/// there are not one (overlong forms and surrogates included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) noexcept
{
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    if (c < 0x80) n = 1;
    else if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3;
    else if (c >= 0xF0 && c <= 0xF4) n = 4;
    bool valid = n != 0 && i + n <= text.size();
    for (std::size_t k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (valid && n == 3) {
        const auto c1 = static_cast<unsigned char>(text[i + 1]);
        valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // overlong, surrogate
    } else if (valid && n == 4) {
        const auto c1 = static_cast<unsigned char>(text[i + 1]);
        valid = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    return valid ? n : 0;
}

std::string quoted_excerpt(std::string_view text, std::size_t max_bytes) { return escaped(text, max_bytes, true); }

std::string printable(std::string_view text, std::size_t max_bytes) { return escaped(text, max_bytes, false); }

}  // namespace govplan::detail

GOVPLAN_BEGIN_NAMESPACE
namespace serialization_detail {

// The same rules as utf8_sequence_length, in one loop: every string an
// archive loads passes here, and a call per character was an eighth of a
// binary archive's load. Runs of ASCII go eight bytes at a time.
bool valid_utf8(std::string_view text) noexcept
{
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = p + text.size();
    const auto continuation = [](unsigned char b) { return (b & 0xC0u) == 0x80u; };
    while (p != end) {
        while (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) != 0) break;
            p += 8;
        }
        if (p == end) break;
        const unsigned char c = *p;
        if (c < 0x80u) {
            ++p;
        } else if (c < 0xC2u) {
            return false;  // a continuation byte, or an overlong two-byte form
        } else if (c < 0xE0u) {
            if (end - p < 2 || !continuation(p[1])) return false;
            p += 2;
        } else if (c < 0xF0u) {
            if (end - p < 3 || !continuation(p[1]) || !continuation(p[2])) return false;
            if ((c == 0xE0u && p[1] < 0xA0u) || (c == 0xEDu && p[1] >= 0xA0u)) return false;  // overlong, surrogate
            p += 3;
        } else if (c < 0xF5u) {
            if (end - p < 4 || !continuation(p[1]) || !continuation(p[2]) || !continuation(p[3])) return false;
            if ((c == 0xF0u && p[1] < 0x90u) || (c == 0xF4u && p[1] >= 0x90u)) return false;  // overlong, past U+10FFFF
            p += 4;
        } else {
            return false;
        }
    }
    return true;
}

void* load_budget_key() noexcept
{
    static char key;
    return &key;
}

void* unit_pool_key() noexcept
{
    static char key;
    return &key;
}

void* loaded_versions_key() noexcept
{
    static char key;
    return &key;
}

unit unit_pool::share(unit_definition definition)
{
    if (definition.symbol.empty()) return unit();
    auto found = by_symbol_.find(definition.symbol);
    if (found != by_symbol_.end() && found->second.definition() == definition) return found->second;
    std::string symbol = definition.symbol;
    unit made(std::move(definition));
    by_symbol_.insert_or_assign(std::move(symbol), made);
    return made;
}

}  // namespace serialization_detail
GOVPLAN_END_NAMESPACE

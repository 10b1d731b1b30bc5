#include "printable.hpp"

#include "cpu_features.hpp"

#include <govplan/serialization.hpp>

#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

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

namespace {

// The same rules as utf8_sequence_length, in one loop, byte by byte; runs
// of ASCII go eight bytes at a time.
bool valid_utf8_bytes(const unsigned char* p, const unsigned char* const end) noexcept
{
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

#if defined(__x86_64__) || defined(__i386__)
// Sixteen bytes at a time with SSSE3, after Keiser and Lemire, "Validating
// UTF-8 in less than one instruction per byte" (2021). Every error shows in
// a pair of bytes (the one before, the current one), except a missing third
// or fourth byte. Each kind of error pair is a product of three conditions:
// on the high and low nibbles of the byte before and the high nibble of the
// current byte, so three 16-entry tables, looked up with pshufb and ANDed,
// flag every error pair at once. The tables follow from the rules below.
namespace utf8_simd {

enum : std::uint8_t {
    too_short = 1 << 0,       // a lead byte not followed by a continuation
    too_long = 1 << 1,        // ASCII followed by a continuation
    overlong_3 = 1 << 2,      // E0 80..9F
    too_large = 1 << 3,       // F4 90..BF, F5..FF 90..BF
    surrogate = 1 << 4,       // ED A0..BF
    overlong_2 = 1 << 5,      // C0, C1
    large_or_overlong_4 = 1 << 6,  // F5..FF 80..8F, F0 80..8F
    two_continuations = 1 << 7,    // allowed only as a sequence's third or fourth byte
};

struct tables {
    std::uint8_t before_high[16]{}, before_low[16]{}, current_high[16]{};
    constexpr tables()
    {
        for (int n = 0; n < 16; ++n) {
            const bool cont = n >= 8 && n <= 11;
            std::uint8_t h = 0;
            if (n < 8) h = too_long;
            else if (cont) h = two_continuations;
            else if (n == 0xC) h = too_short | overlong_2;
            else if (n == 0xD) h = too_short;
            else if (n == 0xE) h = too_short | overlong_3 | surrogate;
            else h = too_short | too_large | large_or_overlong_4;
            before_high[n] = h;

            std::uint8_t l = too_short | too_long | two_continuations;
            if (n <= 1) l |= overlong_2;
            if (n == 0) l |= overlong_3;
            if (n == 0xD) l |= surrogate;
            if (n >= 4) l |= too_large;
            if (n == 0 || n >= 5) l |= large_or_overlong_4;
            before_low[n] = l;

            std::uint8_t c = cont ? too_long | two_continuations | overlong_2 : too_short;
            if (n == 8 || n == 9) c |= overlong_3;
            if (n == 0xA || n == 0xB) c |= surrogate;
            if (n >= 9 && n <= 11) c |= too_large;
            if (n == 8) c |= large_or_overlong_4;
            current_high[n] = c;
        }
    }
};
constexpr tables lookup;

/// True when the n bytes at p (a multiple of 16) hold no error pair and
/// every third and fourth byte is a continuation. A sequence cut at the
/// end is not seen: the caller checks the last one.
__attribute__((target("ssse3"))) bool valid_blocks(const unsigned char* p, std::size_t n) noexcept
{
    const __m128i before_high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lookup.before_high));
    const __m128i before_low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lookup.before_low));
    const __m128i current_high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lookup.current_high));
    const __m128i nibble = _mm_set1_epi8(0x0F);
    const __m128i third_from = _mm_set1_epi8(static_cast<char>(0xE0 - 0x80));
    const __m128i fourth_from = _mm_set1_epi8(static_cast<char>(0xF0 - 0x80));
    const __m128i high_bit = _mm_set1_epi8(static_cast<char>(0x80));
    __m128i previous = _mm_setzero_si128();  // as if ASCII came before
    __m128i errors = _mm_setzero_si128();
    for (std::size_t i = 0; i < n; i += 16) {
        const __m128i current = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i before1 = _mm_alignr_epi8(current, previous, 15);
        const __m128i before2 = _mm_alignr_epi8(current, previous, 14);
        const __m128i before3 = _mm_alignr_epi8(current, previous, 13);
        const __m128i pairs = _mm_and_si128(
            _mm_and_si128(_mm_shuffle_epi8(before_high, _mm_and_si128(_mm_srli_epi16(before1, 4), nibble)),
                          _mm_shuffle_epi8(before_low, _mm_and_si128(before1, nibble))),
            _mm_shuffle_epi8(current_high, _mm_and_si128(_mm_srli_epi16(current, 4), nibble)));
        // 0x80 where the byte must be a third or fourth byte (E0.. two before, F0.. three before)
        const __m128i must_continue = _mm_and_si128(
            _mm_or_si128(_mm_subs_epu8(before2, third_from), _mm_subs_epu8(before3, fourth_from)), high_bit);
        errors = _mm_or_si128(errors, _mm_xor_si128(pairs, must_continue));
        previous = current;
    }
    return _mm_movemask_epi8(_mm_cmpeq_epi8(errors, _mm_setzero_si128())) == 0xFFFF;
}

}  // namespace utf8_simd
#endif

}  // namespace

bool valid_utf8(std::string_view text) noexcept
{
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t from = 0;
#if defined(__x86_64__) || defined(__i386__)
    if (text.size() >= 32 && this_cpu().ssse3) {
        const std::size_t blocks = text.size() & ~std::size_t{15};
        if (!utf8_simd::valid_blocks(p, blocks)) return false;
        // The blocks may end inside a sequence, or in a cut one: the bytes
        // from the start of the last sequence they hold are checked again.
        from = blocks - 1;
        for (int k = 0; k < 3 && from > 0 && (p[from] & 0xC0u) == 0x80u; ++k) --from;
    }
#endif
    return valid_utf8_bytes(p + from, p + text.size());
}

std::string quoted_excerpt(std::string_view text, std::size_t max_bytes) { return escaped(text, max_bytes, true); }

std::string printable(std::string_view text, std::size_t max_bytes) { return escaped(text, max_bytes, false); }

}  // namespace govplan::detail

GOVPLAN_BEGIN_NAMESPACE
namespace serialization_detail {

bool valid_utf8(std::string_view text) noexcept { return detail::valid_utf8(text); }

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

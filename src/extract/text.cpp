#include "text.hpp"

namespace govplan::extract_detail {

namespace {

bool allowed_control(unsigned char c) noexcept { return c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::size_t first_bad_byte(std::string_view text) noexcept
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            if ((c < 0x20 && !allowed_control(c)) || c == 0x7f) return i;
            ++i;
            continue;
        }
        std::size_t len = 0;
        char32_t cp = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            len = 2;
            cp = c & 0x1fu;
        } else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            cp = c & 0x0fu;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            cp = c & 0x07u;
        } else {
            return i;
        }
        if (n - i < len) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xc0u) != 0x80u) return i;
            cp = (cp << 6) | (s[i + k] & 0x3fu);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        if (cp >= 0x80 && cp < 0xa0) return i;  // C1 controls
        i += len;
    }
    return std::string_view::npos;
}

char32_t decode_at(std::string_view text, std::size_t i, std::size_t& length) noexcept
{
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
        length = 1;
        return c;
    }
    std::size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    if (i + len > text.size()) len = text.size() - i;
    char32_t cp = len == 4 ? (c & 0x07u) : len == 3 ? (c & 0x0fu) : (c & 0x1fu);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3fu);
    length = len == 0 ? 1 : len;
    return cp;
}

bool is_space(char32_t c) noexcept
{
    return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00a0' || c == U'\f' || c == U'\r' ||
           c == U'\u2002' || c == U'\u2003' || c == U'\u200b' || c == U'\ufeff';
}

bool is_han(char32_t c) noexcept { return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf); }
bool is_ascii_digit(char32_t c) noexcept { return c >= U'0' && c <= U'9'; }
bool is_ascii_letter(char32_t c) noexcept { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_open_quote(char32_t c) noexcept
{
    return c == U'“' || c == U'‘' || c == U'「' || c == U'『' || c == U'《' || c == U'"';
}
bool is_close_quote(char32_t c) noexcept
{
    return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'》' || c == U'"';
}

namespace {

char32_t normalise(char32_t c) noexcept
{
    if (c >= 0xff01 && c <= 0xff5e && c != U'，') {
        // Full-width ASCII forms map to their ASCII counterparts; the
        // full-width comma stays itself, so that 15，300 is never a thousands
        // separator (a clause mark either way).
        return c - 0xff01 + 0x21;
    }
    switch (c) {
    case U'\u2014':  // —
    case U'\u2013':  // –
    case U'\u2212':  // −
    case U'\u2015':
        return U'-';
    case U'\u3002':  // 。 stays; ｡ (half-width) becomes 。
    case U'\uff61':
        return U'\u3002';
    default: return c;
    }
}

}  // namespace

cp_text decode(std::string_view text, std::size_t begin, std::size_t end)
{
    cp_text out;
    out.cp.reserve((end - begin) / 2 + 1);
    out.offset.reserve((end - begin) / 2 + 2);
    std::size_t i = begin;
    std::size_t spaces = 0;  // spaces dropped since the last code point kept
    bool tab = false;
    std::size_t space_at = 0;
    auto ascii_digit_at = [&](std::size_t k) { return k < end && text[k] >= '0' && text[k] <= '9'; };
    while (i < end) {
        std::size_t len = 1;
        const char32_t c = decode_at(text, i, len);
        if (is_space(c)) {
            if (spaces++ == 0) space_at = i;
            tab = tab || c == U'\t';
        } else {
            const char32_t n = normalise(c);
            // Whitespace between two digits: one space before exactly three digits
            // groups thousands (1 200); anything else keeps them apart (12 34, a
            // tab between table columns).
            if (spaces > 0 && is_ascii_digit(n) && !out.cp.empty() && is_ascii_digit(out.cp.back())) {
                const bool grouping = spaces == 1 && !tab && ascii_digit_at(i) && ascii_digit_at(i + 1) &&
                                      ascii_digit_at(i + 2) && !ascii_digit_at(i + 3);
                if (!grouping) {
                    out.cp.push_back(U' ');
                    out.offset.push_back(space_at);
                }
            }
            spaces = 0;
            tab = false;
            out.cp.push_back(n);
            out.offset.push_back(i);
        }
        i += len;
    }
    out.offset.push_back(end);
    return out;
}

std::string to_utf8(std::u32string_view s)
{
    std::string out;
    out.reserve(s.size() * 3);
    for (char32_t c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xc0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3f));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xe0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (c & 0x3f));
        } else {
            out += static_cast<char>(0xf0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (c & 0x3f));
        }
    }
    return out;
}

std::u32string to_u32(std::string_view utf8)
{
    std::u32string out;
    std::size_t i = 0;
    while (i < utf8.size()) {
        std::size_t len = 1;
        out.push_back(normalise(decode_at(utf8, i, len)));
        i += len;
    }
    return out;
}

}  // namespace govplan::extract_detail

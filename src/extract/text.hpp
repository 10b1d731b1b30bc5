// Code points of a report's text, with byte offsets into the original.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace govplan::extract_detail {

/// The offset of the first byte that makes `text` not UTF-8 text (a malformed
/// sequence, an overlong form, a surrogate, or a control character other than
/// tab, line feed, carriage return and form feed), or npos.
std::size_t first_bad_byte(std::string_view text) noexcept;

/// The code point starting at `text[i]` (text already checked), and its length.
char32_t decode_at(std::string_view text, std::size_t i, std::size_t& length) noexcept;

/// A stretch of text as normalised code points, spaces dropped (except one
/// kept between two digits): full-width digits, letters and punctuation read
/// as ASCII (the full-width comma stays ，), dashes as '-'. offset[i] is
/// the byte offset in the input of cp[i]; offset[size()] is the end.
struct cp_text {
    std::u32string cp;
    std::vector<std::uint64_t> offset;

    [[nodiscard]] std::size_t size() const noexcept { return cp.size(); }
    [[nodiscard]] bool at(std::size_t i, std::u32string_view word) const noexcept
    {
        return i <= cp.size() && cp.size() - i >= word.size() && std::u32string_view(cp).substr(i, word.size()) == word;
    }
    [[nodiscard]] bool ends_at(std::size_t end, std::u32string_view word) const noexcept
    {
        return end <= cp.size() && end >= word.size() && std::u32string_view(cp).substr(end - word.size(), word.size()) == word;
    }
    [[nodiscard]] char32_t operator[](std::size_t i) const noexcept { return i < cp.size() ? cp[i] : U'\0'; }
};

/// Normalised code points of text[begin, end), offsets into `text`.
cp_text decode(std::string_view text, std::size_t begin, std::size_t end);

/// UTF-8 of a code point sequence; and of a string literal as code points.
std::string to_utf8(std::u32string_view s);
std::u32string to_u32(std::string_view utf8);

bool is_space(char32_t c) noexcept;
bool is_han(char32_t c) noexcept;
bool is_ascii_digit(char32_t c) noexcept;
bool is_ascii_letter(char32_t c) noexcept;
bool is_open_quote(char32_t c) noexcept;
bool is_close_quote(char32_t c) noexcept;

}  // namespace govplan::extract_detail

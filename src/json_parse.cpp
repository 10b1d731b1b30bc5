#include "json_parse.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <unordered_set>
#include <vector>

namespace govplan::detail {
namespace {

namespace json = boost::json;

struct frame {
    bool object = false;
    std::size_t count = 0;                         // members or elements so far
    std::string key;                               // current key (objects)
    std::vector<std::string> keys;                 // keys seen, while few
    std::unique_ptr<std::unordered_set<std::string>> many_keys;  // once many
};

enum class token { container, string, number, literal };

/// basic_parser handler: builds a value (unless locating), tracks the path.
class checked_handler {
public:
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    checked_handler(const json_limits& limits, const std::string* locate)
        : limits_(limits), locate_(locate)
    {
    }

    json::value_stack stack;

    // Failure details, valid when the parser stopped because of us.
    bool failed = false;
    errc failure = errc::syntax_error;
    std::string message;
    std::string pointer;
    bool found = false;
    token found_token = token::container;

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }

    bool on_object_begin(json::error_code& ec) { return container_begin(true, ec); }
    bool on_object_end(std::size_t n, json::error_code&) { return container_end(true, n); }
    bool on_array_begin(json::error_code& ec) { return container_begin(false, ec); }
    bool on_array_end(std::size_t n, json::error_code&) { return container_end(false, n); }
    bool container_begin(bool object, json::error_code& ec)
    {
        if (!begin_value(ec, token::container)) return false;
        frames_.emplace_back();
        frames_.back().object = object;
        return true;
    }
    bool container_end(bool object, std::size_t n)
    {
        frames_.pop_back();
        if (!locate_) {
            if (object) stack.push_object(n);
            else stack.push_array(n);
        }
        end_value();
        return true;
    }
    bool on_key_part(json::string_view s, std::size_t n, json::error_code& ec)
    {
        if (!check_size(n, "key", ec)) return false;
        key_.append(s.data(), s.size());
        if (!locate_) stack.push_chars(s);
        return true;
    }
    bool on_key(json::string_view s, std::size_t n, json::error_code& ec)
    {
        if (!check_size(n, "key", ec)) return false;
        key_.append(s.data(), s.size());
        frame& f = frames_.back();
        if (f.count >= limits_.max_object_members) {
            f.key = key_;  // the pointer names the member one over the limit
            return stop(ec, errc::limit_exceeded,
                        "more than " + std::to_string(limits_.max_object_members) + " members in one object");
        }
        if (!remember_key(f, key_)) {
            f.key = key_;
            return stop(ec, errc::duplicate_key,
                        "duplicate key \"" + quoted_excerpt(key_) + "\" (each key may appear once)");
        }
        f.key = std::move(key_);
        key_.clear();
        if (!locate_) stack.push_key(s);
        return true;
    }
    bool on_string_part(json::string_view s, std::size_t n, json::error_code& ec)
    {
        if (!in_string_) {
            in_string_ = true;
            if (!begin_value(ec, token::string)) return false;
        }
        if (!check_size(n, "string", ec)) return false;
        if (!locate_) stack.push_chars(s);
        return true;
    }
    bool on_string(json::string_view s, std::size_t n, json::error_code& ec)
    {
        if (!in_string_ && !begin_value(ec, token::string)) return false;
        in_string_ = false;
        if (!check_size(n, "string", ec)) return false;
        if (!locate_) stack.push_string(s);
        end_value();
        return true;
    }
    bool on_number_part(json::string_view, json::error_code&) { return true; }
    bool on_int64(std::int64_t i, json::string_view, json::error_code& ec)
    {
        if (!begin_value(ec, token::number)) return false;
        if (!locate_) stack.push_int64(i);
        end_value();
        return true;
    }
    bool on_uint64(std::uint64_t u, json::string_view, json::error_code& ec)
    {
        if (!begin_value(ec, token::number)) return false;
        if (!locate_) stack.push_uint64(u);
        end_value();
        return true;
    }
    bool on_double(double d, json::string_view, json::error_code& ec)
    {
        if (!begin_value(ec, token::number)) return false;
        if (!locate_) stack.push_double(d);
        end_value();
        return true;
    }
    bool on_bool(bool b, json::error_code& ec)
    {
        if (!begin_value(ec, token::literal)) return false;
        if (!locate_) stack.push_bool(b);
        end_value();
        return true;
    }
    bool on_null(json::error_code& ec)
    {
        if (!begin_value(ec, token::literal)) return false;
        if (!locate_) stack.push_null();
        end_value();
        return true;
    }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }

    std::string current_pointer() const
    {
        std::string out;
        for (const auto& f : frames_) {
            if (f.object) {
                out += json_pointer_segment(f.key);
            } else {
                out += '/';
                out += std::to_string(f.count);
            }
        }
        return out;
    }

private:
    bool stop(json::error_code& ec, errc code, std::string why)
    {
        failed = true;
        failure = code;
        message = std::move(why);
        pointer = current_pointer();
        ec = json::error::exception;  // any error: we keep our own details
        return false;
    }

    bool check_size(std::size_t n, const char* what, json::error_code& ec)
    {
        if (n <= limits_.max_string_bytes) return true;
        return stop(ec, errc::limit_exceeded,
                    std::string(what) + " longer than the limit of " + std::to_string(limits_.max_string_bytes) +
                        " bytes");
    }

    static bool remember_key(frame& f, const std::string& key)
    {
        if (f.many_keys) return f.many_keys->insert(key).second;
        if (std::find(f.keys.begin(), f.keys.end(), key) != f.keys.end()) return false;
        f.keys.push_back(key);
        if (f.keys.size() > 16) {
            f.many_keys = std::make_unique<std::unordered_set<std::string>>(f.keys.begin(), f.keys.end());
            f.keys.clear();
        }
        return true;
    }

    bool begin_value(json::error_code& ec, token t)
    {
        if (!frames_.empty() && !frames_.back().object && frames_.back().count >= limits_.max_array_size) {
            return stop(ec, errc::limit_exceeded,
                        "more than " + std::to_string(limits_.max_array_size) + " elements in one array");
        }
        if (locate_ && current_pointer() == *locate_) {
            found = true;
            found_token = t;
            ec = json::error::exception;
            return false;
        }
        return true;
    }

    void end_value()
    {
        if (!frames_.empty()) ++frames_.back().count;
    }

    const json_limits& limits_;
    const std::string* locate_;
    std::vector<frame> frames_;
    std::string key_;
    bool in_string_ = false;
};

/// The fast pass: builds the value and notices problems without locating
/// them. Keys are compared by a 64-bit hash within each object; a match (a
/// duplicate, or rarely a collision), an object of over 64 keys, a limit or
/// a syntax error sends the document to the tracking pass, which decides.
class fast_handler {
public:
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    fast_handler(const json_limits& limits, json::storage_ptr storage) : stack(std::move(storage)), limits_(limits) {}

    json::value_stack stack;

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }
    bool on_object_begin(json::error_code& ec)
    {
        if (!element(ec)) return false;
        if (depth_ == keys_.size()) keys_.emplace_back();
        keys_[depth_++].clear();
        arrays_.push_back(not_an_array);
        return true;
    }
    bool on_object_end(std::size_t n, json::error_code&)
    {
        --depth_;
        arrays_.pop_back();
        stack.push_object(n);
        return true;
    }
    bool on_array_begin(json::error_code& ec)
    {
        if (!element(ec)) return false;
        arrays_.push_back(0);
        return true;
    }
    bool on_array_end(std::size_t n, json::error_code&)
    {
        arrays_.pop_back();
        stack.push_array(n);
        return true;
    }
    bool on_key_part(json::string_view s, std::size_t n, json::error_code& ec)
    {
        if (n > limits_.max_string_bytes) return stop(ec);
        hash(s);
        stack.push_chars(s);
        return true;
    }
    bool on_key(json::string_view s, std::size_t n, json::error_code& ec)
    {
        if (n > limits_.max_string_bytes) return stop(ec);
        hash(s);
        auto& seen = keys_[depth_ - 1];
        // a limit, a duplicate or over 64 keys: the tracking pass decides
        if (seen.size() >= 64 || seen.size() >= limits_.max_object_members ||
            std::find(seen.begin(), seen.end(), key_hash_) != seen.end())
            return stop(ec);
        seen.push_back(key_hash_);
        key_hash_ = fnv_offset;
        stack.push_key(s);
        return true;
    }
    bool on_string_part(json::string_view s, std::size_t n, json::error_code& ec) { return string_piece(s, n, false, ec); }
    bool on_string(json::string_view s, std::size_t n, json::error_code& ec) { return string_piece(s, n, true, ec); }
    /// A piece of a string value (`n` bytes so far); the first piece counts the element.
    bool string_piece(json::string_view s, std::size_t n, bool last, json::error_code& ec)
    {
        if (n > limits_.max_string_bytes) return stop(ec);
        if (!in_string_ && !element(ec)) return false;
        in_string_ = !last;
        if (last) stack.push_string(s);
        else stack.push_chars(s);
        return true;
    }
    bool on_number_part(json::string_view, json::error_code&) { return true; }
    bool on_int64(std::int64_t i, json::string_view, json::error_code& ec)
    {
        if (!element(ec)) return false;
        stack.push_int64(i);
        return true;
    }
    bool on_uint64(std::uint64_t u, json::string_view, json::error_code& ec)
    {
        if (!element(ec)) return false;
        stack.push_uint64(u);
        return true;
    }
    bool on_double(double d, json::string_view, json::error_code& ec)
    {
        if (!element(ec)) return false;
        stack.push_double(d);
        return true;
    }
    bool on_bool(bool b, json::error_code& ec)
    {
        if (!element(ec)) return false;
        stack.push_bool(b);
        return true;
    }
    bool on_null(json::error_code& ec)
    {
        if (!element(ec)) return false;
        stack.push_null();
        return true;
    }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }

private:
    static constexpr std::uint64_t fnv_offset = 14695981039346656037ull;
    void hash(json::string_view s) noexcept
    {
        for (char c : s) key_hash_ = (key_hash_ ^ static_cast<unsigned char>(c)) * 1099511628211ull;  // FNV-1a
    }
    static bool stop(json::error_code& ec)
    {
        ec = json::error::exception;
        return false;
    }
    static constexpr std::size_t not_an_array = static_cast<std::size_t>(-1);
    /// One more value in the innermost array, counted as it arrives, so that an
    /// array over the limit stops the parse before its elements are all built.
    bool element(json::error_code& ec)
    {
        if (arrays_.empty() || arrays_.back() == not_an_array) return true;
        return ++arrays_.back() <= limits_.max_array_size || stop(ec);
    }
    const json_limits& limits_;
    bool in_string_ = false;  ///< between a string's first part and its end
    std::vector<std::size_t> arrays_;  ///< per open container: elements so far, or not_an_array for an object
    std::vector<std::vector<std::uint64_t>> keys_;  ///< key hashes per open object, reused
    std::size_t depth_ = 0;
    std::uint64_t key_hash_ = fnv_offset;
};


std::string describe_syntax_error(const json::error_code& ec)
{
    if (ec == json::error::too_deep) return "nesting deeper than the limit";
    if (ec == json::error::extra_data) return "unexpected data after the document";
    if (ec == json::error::incomplete) return "the document ends too early";
    if (ec == json::error::syntax) return "syntax error";
    return ec.message();
}

/// Start of the token that ends (string, number) or starts at `n`.
std::size_t token_start(std::string_view text, std::size_t n, token t)
{
    if (n > text.size()) n = text.size();
    switch (t) {
    case token::container:
    case token::literal: return n;
    case token::number: {
        std::size_t i = n;
        while (i > 0 && std::string_view("0123456789+-.eE").find(text[i - 1]) != std::string_view::npos) --i;
        return i;
    }
    case token::string: {
        // n is the closing quote; walk back to the opening unescaped quote.
        std::size_t i = n;
        while (i > 0) {
            --i;
            if (text[i] != '"') continue;
            std::size_t backslashes = 0;
            while (i >= backslashes + 1 && text[i - backslashes - 1] == '\\') ++backslashes;
            if (backslashes % 2 == 0) return i;
        }
        return n;
    }
    }
    return n;
}

}  // namespace

json::parse_options parse_options_for(const json_limits& limits)
{
    json::parse_options opt;
    opt.max_depth = limits.max_depth;
    opt.allow_comments = false;
    opt.allow_trailing_commas = false;
    opt.allow_invalid_utf8 = false;
    return opt;
}

std::string json_pointer_segment(std::string_view segment)
{
    std::string out = "/";
    for (char c : segment) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

void set_position(std::string_view text, std::size_t offset, govplan::error& e)
{
    offset = std::min(offset, text.size());
    std::uint64_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    e.line = line;
    e.column = offset - line_start + 1;
    e.byte_offset = offset;
}

/// A document that is not UTF-8 text at all gets a message that says so,
/// instead of a syntax error at its first byte.
std::optional<govplan::error> encoding_problem(std::string_view text)
{
    auto at = [&](std::string message, std::size_t offset) {
        govplan::error e(errc::syntax_error, std::move(message));
        set_position(text, offset, e);
        return e;
    };
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        return at("the document starts with a UTF-8 byte-order mark (EF BB BF); JSON text has none (RFC 8259)", 0);
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
        return at("the document is UTF-16 text (it starts with a byte-order mark); govplan reads UTF-8", 0);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence_length(text, i);
        if (n == 0) {
            static constexpr char hex[] = "0123456789ABCDEF";
            const auto c = static_cast<unsigned char>(text[i]);
            return at(std::string("not UTF-8 text: byte 0x") + hex[c >> 4] + hex[c & 15] + " at offset " +
                          std::to_string(i),
                      i);
        }
        i += n;
    }
    return std::nullopt;
}

result<json::value> parse_json(std::string_view text, const json_limits& limits, json::storage_ptr storage)
{
    {
        json::basic_parser<fast_handler> fast(parse_options_for(limits), limits, storage);
        fast.handler().stack.reset(storage);
        json::error_code ec;
        const std::size_t n = fast.write_some(false, text.data(), text.size(), ec);
        if (!ec && n == text.size()) return fast.handler().stack.release();
    }
    // Something is wrong, or two key hashes matched: the tracking pass
    // decides, and locates the problem when there is one.
    json::basic_parser<checked_handler> parser(parse_options_for(limits), limits, nullptr);
    parser.handler().stack.reset(storage);
    json::error_code ec;
    const std::size_t n = parser.write_some(false, text.data(), text.size(), ec);
    if (!ec && n < text.size()) ec = json::error::extra_data;
    if (ec) {
        const checked_handler& h = parser.handler();
        govplan::error e(h.failed ? h.failure : (ec == json::error::too_deep ? errc::limit_exceeded : errc::syntax_error),
                         h.failed ? h.message : describe_syntax_error(ec));
        e.pointer = h.failed ? h.pointer : parser.handler().current_pointer();
        set_position(text, n, e);
        if (!h.failed && (ec == json::error::syntax || ec == json::error::incomplete)) {
            // Only bytes up to where the parse stopped: a later stray byte must
            // not hide the syntax error before it.
            if (auto encoding = encoding_problem(text.substr(0, std::min(text.size(), n + 4)))) {
                encoding->pointer = e.pointer;  // where the parse was when it met the bytes
                return *encoding;
            }
        }
        return e;
    }
    return parser.handler().stack.release();
}

void locate_json_pointer(std::string_view text, govplan::error& e, const json_limits& limits)
{
    try {
        json::basic_parser<checked_handler> parser(parse_options_for(limits), limits, &e.pointer);
        json::error_code ec;
        const std::size_t n = parser.write_some(false, text.data(), text.size(), ec);
        if (parser.handler().found) set_position(text, token_start(text, n, parser.handler().found_token), e);
    } catch (const std::bad_alloc&) {
        // Locating is best effort: without memory the error keeps its pointer.
    }
}

}  // namespace govplan::detail

#include <govplan/document.hpp>

#include "file_io.hpp"

#include <algorithm>
#include <fstream>
#include <string>

GOVPLAN_BEGIN_NAMESPACE

namespace {

constexpr std::string_view archive_signature("GOVPLAN\x1a", 8);

bool json_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

namespace {

// The kind of a JSON object or archive from `text`; `format_seen` says whether
// a "format" member was found (its absence in a head is not the last word).
document_kind classify(std::string_view text, bool& format_seen) noexcept
{
    format_seen = false;
    if (text.starts_with(archive_signature)) return document_kind::plan_archive;
    std::size_t i = text.starts_with("\xef\xbb\xbf") ? 3 : 0;  // a byte order mark
    while (i < text.size() && json_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '{') return document_kind::unknown;
    // the "format" member: "format" : "govplan…"
    for (auto at = text.find("\"format\"", i); at != std::string_view::npos; at = text.find("\"format\"", at + 1)) {
        std::size_t p = at + 8;
        while (p < text.size() && json_space(text[p])) ++p;
        if (p >= text.size() || text[p] != ':') continue;  // "format" as a value, not a key
        format_seen = true;
        ++p;
        while (p < text.size() && json_space(text[p])) ++p;
        if (p >= text.size() || text[p] != '"') return document_kind::other_json;
        const auto close = text.find('"', p + 1);
        if (close == std::string_view::npos) return document_kind::other_json;
        const std::string_view value = text.substr(p + 1, close - p - 1);
        if (value == "govplan") return document_kind::plan_json;
        if (value == "govplan-observations") return document_kind::observations_json;
        return document_kind::other_json;
    }
    return document_kind::other_json;
}

}  // namespace

document_kind document_kind_of(std::string_view head) noexcept
{
    bool format_seen = false;
    return classify(head.substr(0, document_head_bytes), format_seen);
}

result<document_kind> document_kind_of_file(const std::filesystem::path& file)
{
    auto read = detail::read_head(file, document_head_bytes);
    if (!read) return read.error();
    const std::string& head = *read;
    bool format_seen = false;
    const document_kind kind = classify(head, format_seen);
    if (kind != document_kind::other_json || format_seen || head.size() < document_head_bytes) return kind;
    // a JSON object whose head holds no "format" (keys sorted, a long first
    // member): the whole file says
    auto whole = detail::read_file(file, load_options{}.json.limits.max_bytes);
    if (!whole) return whole.error();
    return classify(*whole, format_seen);
}

result<std::string> read_regular_file(const std::filesystem::path& file, std::size_t max_bytes)
{
    return detail::read_file(file, max_bytes);
}

result<plan> load_plan(const std::filesystem::path& file, const load_options& options)
{
    auto bytes = detail::read_file(file, std::max(options.json.limits.max_bytes, options.archive.max_bytes));
    if (!bytes) return bytes.error();
    auto located = [&](result<plan> r) {
        if (!r && r.error().source.empty()) {
            error e = r.error();
            e.source = file.string();
            return result<plan>(std::move(e));
        }
        return r;
    };
    switch (document_kind_of(std::string_view(*bytes))) {
    case document_kind::plan_archive: return located(plan_from_archive(*bytes, options.archive));
    case document_kind::observations_json: {
        error e(errc::type_mismatch, "an observations file, not a plan (load it with load_observations)");
        e.source = file.string();
        return e;
    }
    default: return located(plan_from_json(*bytes, options.json));
    }
}

GOVPLAN_END_NAMESPACE

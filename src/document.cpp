#include <govplan/document.hpp>

#include "file_io.hpp"
#include "printable.hpp"
#include "writable.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <stdexcept>
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

result<plan> plan_from_bytes(std::string_view bytes, const load_options& options)
{
    switch (document_kind_of(bytes)) {
    case document_kind::plan_archive: return plan_from_archive(bytes, options.archive);
    case document_kind::observations_json:
        return error(errc::type_mismatch, "an observations file, not a plan (load it with load_observations)");
    default: return plan_from_json(bytes, options.json);
    }
}

result<plan> load_plan(const std::filesystem::path& file, const load_options& options)
{
    auto bytes = detail::read_file(file, std::max(options.json.limits.max_bytes, options.archive.max_bytes));
    if (!bytes) return bytes.error();
    auto loaded = plan_from_bytes(*bytes, options);
    if (!loaded && loaded.error().source.empty()) {
        error e = loaded.error();
        e.source = file.string();
        return e;
    }
    return loaded;
}

namespace {
/// ".json" of "Plan.JSON": the extension in ASCII lower case.
std::string lowercase_extension(const std::filesystem::path& file)
{
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}
}  // namespace

std::optional<plan_format> plan_format_for(const std::filesystem::path& file)
{
    const std::string ext = lowercase_extension(file);
    if (ext == ".json") return plan_format::json;
    if (ext == ".txt") return plan_format::text;
    if (ext == ".xml") return plan_format::xml;
    if (ext == ".bin" || ext == ".govplan") return plan_format::binary;
    return std::nullopt;
}

namespace {
archive_kind archive_kind_of(plan_format format)
{
    switch (format) {
    case plan_format::text: return archive_kind::text;
    case plan_format::xml: return archive_kind::xml;
    case plan_format::binary: return archive_kind::binary;
    case plan_format::json: break;
    }
    throw std::invalid_argument("govplan: plan_format " + std::to_string(static_cast<int>(format)) +
                                " is not an archive kind");
}

bool is_plan_format(plan_format format) noexcept
{
    return format == plan_format::json || format == plan_format::text || format == plan_format::xml ||
           format == plan_format::binary;
}
}  // namespace

result<std::string> plan_to_bytes(const plan& p, plan_format format)
{
    if (!is_plan_format(format)) throw std::invalid_argument("govplan::plan_to_bytes: not a plan_format");
    if (format != plan_format::json) return plan_to_archive(p, archive_kind_of(format));
    if (auto writable = detail::check_writable(p); !writable) return writable.error();
    std::string text;
    try {
        text = plan_to_json(p);
    } catch (const std::bad_alloc&) {
        return error(errc::limit_exceeded, "out of memory while writing the plan as JSON");
    }
    if (auto fits = detail::check_writable_size(text.size(), json_limits{}.max_bytes, "the JSON document"); !fits)
        return fits.error();
    return text;
}

result<void> save_plan(const plan& p, const std::filesystem::path& file, plan_format format)
{
    if (!is_plan_format(format)) throw std::invalid_argument("govplan::save_plan: not a plan_format");
    if (format == plan_format::json) return save_json(p, file);
    return save_archive(p, file, archive_kind_of(format));
}

result<void> save_plan(const plan& p, const std::filesystem::path& file)
{
    const auto format = plan_format_for(file);
    if (!format) {
        error e(errc::invalid_value, "cannot tell the format from the name \"" + detail::quoted_excerpt(file.filename().string()) +
                                         "\": name it .json, .txt, .xml, .bin or .govplan, or give the format");
        e.source = file.string();
        return e;
    }
    return save_plan(p, file, *format);
}

result<plan_files> find_plan_files(const std::filesystem::path& folder, std::string_view name_pattern)
{
    namespace fs = std::filesystem;
    const std::string pattern(name_pattern);
    plan_files out;
    std::error_code ec;
    fs::recursive_directory_iterator walk(folder, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && walk != fs::recursive_directory_iterator(); walk.increment(ec)) {
        const auto& entry = *walk;
        std::error_code entry_error;
        if (!entry.is_regular_file(entry_error)) continue;
        const auto name = entry.path().filename().string();
        const auto format = plan_format_for(entry.path());
        if (pattern.empty() ? !format : ::fnmatch(pattern.c_str(), name.c_str(), 0) != 0) continue;
        // a folder holds observations, other JSON and report texts beside its
        // plans; a file that is no document at all (empty, garbled) is listed
        // when its name says plan (.json, .govplan, or it matches the
        // pattern), so that loading it reports its error
        const auto kind = document_kind_of_file(entry.path());
        if (kind && (*kind == document_kind::observations_json || *kind == document_kind::other_json)) {
            out.skipped.push_back(entry.path());
            continue;
        }
        const bool plan = kind && (*kind == document_kind::plan_json || *kind == document_kind::plan_archive);
        const std::string ext = lowercase_extension(entry.path());
        if (plan || !pattern.empty() || ext == ".json" || ext == ".govplan") out.plans.push_back(entry.path());
    }
    if (ec) {
        error e(errc::io_error, "cannot list the folder: " + ec.message());
        e.source = folder.string();
        return e;
    }
    std::sort(out.plans.begin(), out.plans.end());
    std::sort(out.skipped.begin(), out.skipped.end());
    return out;
}

GOVPLAN_END_NAMESPACE

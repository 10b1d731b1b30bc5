#include <govplan/error.hpp>

#include "printable.hpp"

#include <string>

GOVPLAN_BEGIN_NAMESPACE
namespace {

class govplan_category final : public std::error_category {
public:
    const char* name() const noexcept override { return "govplan"; }
    std::string message(int value) const override
    {
        switch (static_cast<errc>(value)) {
        case errc::invalid_decimal: return "invalid decimal number";
        case errc::decimal_overflow: return "decimal overflow";
        case errc::inexact_conversion: return "conversion is not exact";
        case errc::unknown_unit: return "unknown unit";
        case errc::incompatible_units: return "incompatible units";
        case errc::invalid_date: return "invalid date";
        case errc::syntax_error: return "syntax error";
        case errc::type_mismatch: return "wrong type";
        case errc::missing_field: return "missing field";
        case errc::unknown_field: return "unknown field";
        case errc::duplicate_key: return "duplicate key";
        case errc::unknown_code: return "unknown code";
        case errc::duplicate_id: return "duplicate id";
        case errc::limit_exceeded: return "limit exceeded";
        case errc::io_error: return "input/output error";
        case errc::bad_magic: return "not a govplan file";
        case errc::unsupported_version: return "unsupported format version";
        case errc::truncated: return "truncated input";
        case errc::checksum_mismatch: return "checksum mismatch";
        case errc::corrupt_archive: return "corrupt archive";
        case errc::invalid_value: return "invalid value";
        }
        return "unknown govplan error";
    }
};

}  // namespace

const std::error_category& error_category() noexcept
{
    static const govplan_category category;
    return category;
}

std::string error::where() const
{
    std::string out = source;
    if (!pointer.empty() || line != 0) {
        if (!out.empty()) out += ':';
        out += pointer.empty() ? std::string("/") : pointer;
        if (line != 0) {
            out += " (line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
        }
    } else if (byte_offset) {
        if (!out.empty()) out += ": ";
        out += "byte " + std::to_string(*byte_offset);
    }
    return out;
}

std::string printable_text(std::string_view text, std::size_t max_bytes) { return detail::printable(text, max_bytes); }

std::string error::to_string() const
{
    // Safe to print: file names, keys and values come from files, and may hold
    // terminal escapes or be a megabyte long.
    std::string location = detail::printable(where(), 512);
    std::string text = detail::printable(message, 1024);
    return location.empty() ? text : location + ": " + text;
}

exception::exception(govplan::error e) : std::runtime_error(e.to_string()), error_(std::move(e)) {}

GOVPLAN_END_NAMESPACE

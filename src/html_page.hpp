// Internal: the HTML page form of render() (report.hpp). Not API.
#pragma once

#include <govplan/report.hpp>

#include <string>
#include <string_view>

namespace govplan::detail {

/// `text` for HTML text and attribute values: & < > " ' as references,
/// control characters (but tab and line feed) and invalid UTF-8 bytes as
/// U+FFFD.
std::string html_escape(std::string_view text);

/// A page holding one table.
std::string html_table_page(const table& t);

/// The plan as a page; with `progress`, its progress on a date.
std::string html_page(const plan& p, const progress_report* progress);

}  // namespace govplan::detail

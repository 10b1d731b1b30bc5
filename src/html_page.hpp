// Internal: the HTML page form of render() (report.hpp). Not API.
#pragma once

#include <govplan/report.hpp>
#include <govplan/validation.hpp>

#include <string>
#include <vector>
#include <string_view>

namespace govplan::detail {

/// "8 focus areas, 100 targets, 81 named projects; validation 0 errors, 0
/// warnings": the contents line of the summary and of the page's header.
std::string contents_line(const plan& p, const std::vector<diagnostic>& diagnostics);

/// A page holding one table.
std::string html_table_page(const table& t);

/// The plan as a page; with `progress`, its progress on a date (each entry
/// found by its position: std::invalid_argument when it names another target).
std::string html_page(const plan& p, const progress_report* progress);

}  // namespace govplan::detail

// govplan — reports: aggregation and progress results as tables, rendered
// as aligned terminal text, Markdown, CSV (RFC 4180) or JSON.
//
//   auto groups = govplan::aggregate_targets(plan, govplan::group_by::focus_area).value();
//   std::cout << govplan::render(govplan::to_table(groups), govplan::report_format::text);
#pragma once

#include <govplan/config.hpp>

#include <govplan/aggregation.hpp>
#include <govplan/comparison.hpp>
#include <govplan/plan.hpp>
#include <govplan/progress.hpp>

#include <boost/describe/enum.hpp>

#include <string>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

/// Rows of text cells under named columns. Every row has one cell per column.
struct table {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> right_aligned;  ///< per column, for text output (numbers)
    friend bool operator==(const table&, const table&) = default;
};

enum class report_format {
    text,      ///< columns padded by display width (CJK counts two), a rule under the header
    markdown,  ///< a GitHub-flavoured Markdown table, | and newlines escaped
    csv,       ///< RFC 4180: CRLF line ends, fields quoted when needed, UTF-8
    json,      ///< an array of objects keyed by column name, UTF-8 as is
};
BOOST_DESCRIBE_ENUM(report_format, text, markdown, csv, json)

/// Renders a table. Throws std::invalid_argument when a row's size differs
/// from the number of columns (a programming error).
[[nodiscard]] std::string render(const table& t, report_format format);

/// Group, count, binding/expected/aspirational, then the totals of each unit
/// family ("sum 120亿元 (3 of 4)", "range 5–15%").
[[nodiscard]] table to_table(const std::vector<target_group>& groups, const std::string& key_column = "group");
/// Target, metric, basis, status, label, observed, expected, attainment.
[[nodiscard]] table to_table(const plan& p, const std::vector<target_progress>& progress);
/// Scope, targets, each status, binding, binding met, share met.
[[nodiscard]] table to_table(const std::vector<progress_rollup>& rollups);
/// Stage or category, projects.
[[nodiscard]] table stage_table(const project_counts& counts);
[[nodiscard]] table category_table(const project_counts& counts);
/// Target, metric, declared, named.
[[nodiscard]] table to_table(const std::vector<declared_named>& rows);
/// Plan, jurisdiction, year, target, requirement, commitment.
[[nodiscard]] table to_table(const std::vector<metric_row>& rows);
/// Change, metric, qualifier, before, after.
[[nodiscard]] table to_table(const plan_diff& d);
/// One row per target: focus ordinal, metric (qualifier), kind, requirement, commitment.
[[nodiscard]] table targets_table(const plan& p);
/// One row per focus area: ordinal, title · aim, measures, targets, projects,
/// binding, expected, aspirational, and a total row.
[[nodiscard]] table focus_area_table(const plan& p);

GOVPLAN_END_NAMESPACE

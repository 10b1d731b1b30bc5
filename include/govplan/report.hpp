// govplan — reports: aggregation and progress results as tables, rendered
// as aligned terminal text, Markdown, CSV (RFC 4180), JSON or an HTML page;
// a whole plan, or its progress on a date, rendered as one document (in HTML
// a self-contained page with charts: docs/report.md).
//
//   auto groups = govplan::aggregate_targets(plan, govplan::group_by::focus_area).value();
//   std::cout << govplan::render(govplan::to_table(groups), govplan::report_format::text);
//
//   govplan::progress_report r(as_of, govplan::evaluate_progress(tracked, as_of));
//   std::string page = govplan::render(tracked, r, govplan::report_format::html);
#pragma once

#include <govplan/config.hpp>

#include <govplan/aggregation.hpp>
#include <govplan/comparison.hpp>
#include <govplan/error.hpp>
#include <govplan/plan.hpp>
#include <govplan/progress.hpp>

#include <boost/describe/enum.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
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
    html,      ///< a self-contained UTF-8 page: inline CSS and SVG, no script, no external reference
};
BOOST_DESCRIBE_ENUM(report_format, text, markdown, csv, json, html)

/// Renders a table. Throws std::invalid_argument when a row's size differs
/// from the number of columns (a programming error).
[[nodiscard]] std::string render(const table& t, report_format format);

/// A plan's progress on a date, as render() shows it.
struct progress_report {
    progress_report() = default;
    progress_report(date as_of_date, std::vector<target_progress> progress)
        : as_of(as_of_date), targets(std::move(progress))
    {
    }
    /// With `illustrative` and `note` taken from the observations the
    /// progress was evaluated with, so that made-up figures say so.
    progress_report(date as_of_date, std::vector<target_progress> progress, const observation_file& observations);

    date as_of;
    /// evaluate_progress(p, as_of), or a selection of it, in document order.
    std::vector<target_progress> targets;
    bool illustrative = false;  ///< the observations are made up (observation_file::illustrative)
    std::string note;           ///< the observations file's note, shown with the illustrative notice
    /// List targets without data in text, Markdown, CSV and JSON (they are
    /// counted in the rollups either way; the HTML page counts them in its
    /// bars and lists only observed targets).
    bool list_no_data = true;
    friend bool operator==(const progress_report&, const progress_report&) = default;
};

/// The plan as one document:
/// - text and markdown: a header (jurisdiction, period, report date, theme,
///   contents and validation counts), focus_area_table() and targets_table();
/// - csv: focus_area_table(), an empty line, targets_table();
/// - json: one object with the header fields and the two tables as
///   "focus_areas" and "target_list", on one line;
/// - html: a self-contained page: per focus area its targets by commitment
///   and kind and its projects by stage, as bars, and every target and
///   project with its source clause (docs/report.md).
[[nodiscard]] std::string render(const plan& p, report_format format);

/// The plan's progress as one document:
/// - text, markdown and csv: to_table(p, progress.targets), an empty line,
///   the rollups of rollup_progress(p, progress.targets);
/// - json: {"as_of", "targets", "rollups"} on one line;
/// - html: a self-contained page: the illustrative notice when set, per focus
///   area a bar of target statuses (binding targets apart) and of projects by
///   stage, one bullet chart per observed target sorted behind first, every
///   target and project linked to its source clause (docs/report.md).
[[nodiscard]] std::string render(const plan& p, const progress_report& progress, report_format format);

/// Writes a rendered document to `file` atomically, as save_json() does: a
/// temporary file in the same folder is written, flushed and renamed over
/// `file`; on failure (errc::io_error) `file` is left as it was.
[[nodiscard]] result<void> save_report(std::string_view document, const std::filesystem::path& file);

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

#include <govplan/codes.hpp>
#include <govplan/format.hpp>
#include <govplan/json.hpp>
#include <govplan/report.hpp>
#include <govplan/plan_index.hpp>
#include <govplan/validation.hpp>

#include "file_io.hpp"
#include "html_page.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string_view.hpp>

#include <stdexcept>

GOVPLAN_BEGIN_NAMESPACE
namespace {

void check_shape(const table& t)
{
    for (const auto& row : t.rows) {
        if (row.size() != t.columns.size()) {
            throw std::invalid_argument("govplan::render: a row has " + std::to_string(row.size()) + " cells for " +
                                        std::to_string(t.columns.size()) + " columns");
        }
    }
}

std::string render_text(const table& t)
{
    std::vector<std::size_t> widths(t.columns.size());
    auto measure = [&](const std::vector<std::string>& r) {
        for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], display_width(r[i]));
    };
    measure(t.columns);
    for (const auto& r : t.rows) measure(r);
    std::string out;
    auto line = [&](const std::vector<std::string>& r) {
        std::string text;
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (i > 0) text += "  ";
            const bool right = i < t.right_aligned.size() && t.right_aligned[i];
            if (right) text += fmt::format("{:>{}}", r[i], widths[i]);
            else if (i + 1 == r.size()) text += r[i];  // no trailing spaces
            else text += fmt::format("{:<{}}", r[i], widths[i]);
        }
        out += text + "\n";
    };
    line(t.columns);
    std::vector<std::string> rule;
    for (auto w : widths) rule.emplace_back(w, '-');
    line(rule);
    for (const auto& r : t.rows) line(r);
    return out;
}

std::string markdown_cell(const std::string& s)
{
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n') out += "<br>";
        else if (c != '\r') out += c;
    }
    return out;
}

std::string render_markdown(const table& t)
{
    // Appends piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on
    // "literal" + std::string.
    auto cell = [](std::string& out, const std::string& text) {
        out += ' ';
        out += markdown_cell(text);
        out += " |";
    };
    std::string out = "|";
    for (const auto& c : t.columns) cell(out, c);
    out += "\n|";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const bool right = i < t.right_aligned.size() && t.right_aligned[i];
        out += right ? "---:|" : "---|";
    }
    out += "\n";
    for (const auto& r : t.rows) {
        out += "|";
        for (const auto& c : r) cell(out, c);
        out += "\n";
    }
    return out;
}

std::string csv_field(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string render_csv(const table& t)
{
    std::string out;
    auto line = [&](const std::vector<std::string>& r) {
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (i > 0) out += ',';
            out += csv_field(r[i]);
        }
        out += "\r\n";
    };
    line(t.columns);
    for (const auto& r : t.rows) line(r);
    return out;
}

std::string json_string(const std::string& s) { return boost::json::serialize(boost::json::string_view(s.data(), s.size())); }

std::string render_json(const table& t)
{
    std::string out = "[";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        out += r == 0 ? "\n  {" : ",\n  {";
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            if (i > 0) out += ", ";
            out += json_string(t.columns[i]);
            out += ": ";
            out += json_string(t.rows[r][i]);
        }
        out += "}";
    }
    out += t.rows.empty() ? "]\n" : "\n]\n";
    return out;
}

std::string n(std::size_t v) { return std::to_string(v); }

std::string totals_text(const target_group& g)
{
    std::string out;
    for (const auto& f : g.totals) {
        if (!out.empty()) out += "; ";
        if (f.sum) {
            out += "sum " + f.sum->to_string() + f.unit.symbol();
            if (f.summed != f.count) out += " (" + n(f.summed) + " of " + n(f.count) + ")";
        } else if (f.min == f.max) {
            out += f.min.to_string() + f.unit.symbol() + " ×" + n(f.count);
        } else {
            out += "range " + f.min.to_string() + "–" + f.max.to_string() + f.unit.symbol() + " ×" + n(f.count);
        }
    }
    return out;
}

std::string kind_label(target_kind k)
{
    switch (k) {
    case target_kind::growth_rate: return "growth";
    case target_kind::reduction_rate: return "reduction";
    case target_kind::pp_change: return "pp change";
    default: return std::string(to_code(k));
    }
}

/// `fields` as one JSON object on one line, followed by a member per table
/// holding the table as render() writes it in JSON (spliced in as text, not
/// parsed again).
std::string json_document(const boost::json::object& fields,
                          std::initializer_list<std::pair<std::string_view, const table*>> tables)
{
    std::string out = boost::json::serialize(fields);
    out.pop_back();  // the closing brace
    for (const auto& [name, t] : tables) {
        if (out.size() > 1) out += ',';
        out += boost::json::serialize(boost::json::string_view(name.data(), name.size()));
        out += ':';
        std::string rendered = render_json(*t);
        std::erase(rendered, '\n');  // one line: JSON strings hold no raw newline
        out += rendered;
    }
    out += "}\n";
    return out;
}

std::string summary_json(const plan& p, const std::vector<diagnostic>& diagnostics, const table& areas,
                         const table& targets)
{
    const boost::json::object fields{
        {"id", p.id},
        {"title", p.title},
        {"jurisdiction", p.jurisdiction.full_name()},
        {"level", to_code(p.jurisdiction.level)},
        {"issuing_body", p.issuing_body},
        {"period",
         boost::json::object{{"first", to_iso_string(p.period.begin())}, {"last", to_iso_string(p.period.last())}}},
        {"report_date", to_iso_string(p.report_date)},
        {"session", p.session},
        {"theme", p.theme},
        {"targets", target_count(p)},
        {"projects", project_count(p)},
        {"errors", error_count(diagnostics)},
        {"warnings", warning_count(diagnostics)}};
    return json_document(fields, {{"focus_areas", &areas}, {"target_list", &targets}});
}

/// The header lines of the text and Markdown summaries.
std::string summary_header(const plan& p, const std::vector<diagnostic>& diagnostics, bool markdown)
{
    std::string out = markdown ? "# " + p.title + "\n\n" : p.title + "\n";
    auto line = [&](std::string_view name, const std::string& value) {
        out += markdown ? fmt::format("- **{}**: {}\n", name, value) : fmt::format("  {:<12}  {}\n", name, value);
    };
    line("Jurisdiction",
         fmt::format("{} ({}), issued by {}", p.jurisdiction.full_name(), p.jurisdiction.level, p.issuing_body));
    line("Period", fmt::format("{} to {}", p.period.begin(), p.period.last()));
    line("Report date", fmt::format("{}{}", p.report_date, p.session.empty() ? "" : ", " + p.session));
    if (!p.theme.empty()) line("Theme", p.theme);
    line("Contents", detail::contents_line(p, diagnostics));
    return out;
}

}  // namespace

std::string render(const table& t, report_format format)
{
    check_shape(t);
    switch (format) {
    case report_format::text: return render_text(t);
    case report_format::markdown: return render_markdown(t);
    case report_format::csv: return render_csv(t);
    case report_format::json: return render_json(t);
    case report_format::html: return detail::html_table_page(t);
    }
    throw std::invalid_argument("govplan::render: unknown report format");
}

table to_table(const std::vector<target_group>& groups, const std::string& key_column)
{
    table t{{key_column, "targets", "binding", "expected", "aspirational", "totals"}, {},
            {false, true, true, true, true, false}};
    for (const auto& g : groups) {
        t.rows.push_back({g.key, n(g.targets), n(g.binding), n(g.expected), n(g.aspirational), totals_text(g)});
    }
    return t;
}

table to_table(const plan& p, const std::vector<target_progress>& progress)
{
    table t{{"target", "metric", "basis", "status", "label", "observed", "on", "expected", "attainment"}, {},
            {false, false, false, false, false, true, false, true, true}};
    const plan_index index(p);
    for (const auto& tp : progress) {
        const target* tg = index.find_target(tp.target_id);
        std::string metric = tp.metric;
        if (tg != nullptr) {
            metric += ' ';
            metric += requirement_text(*tg);
        }
        t.rows.push_back({tp.target_id, metric, std::string(to_code(tp.basis)), std::string(to_code(tp.status)),
                          tp.label, tp.observed ? to_string(*tp.observed) : "",
                          tp.observed_on ? to_iso_string(*tp.observed_on) : "",
                          tp.expected ? tp.expected->to_string() : "",
                          tp.attainment ? tp.attainment->to_string() : ""});
    }
    return t;
}

table to_table(const std::vector<progress_rollup>& rollups)
{
    table t{{"scope", "targets", "met", "on_track", "at_risk", "behind", "no_data", "binding", "binding met", "share met"},
            {},
            {false, true, true, true, true, true, true, true, true, true}};
    for (const auto& r : rollups) {
        using enum progress_status;
        t.rows.push_back({r.key, n(r.targets), n(r.count(met)), n(r.count(on_track)), n(r.count(at_risk)),
                          n(r.count(behind)), n(r.count(no_data)), n(r.binding_targets), n(r.binding_count(met)),
                          r.share_met.to_string()});
    }
    return t;
}

table stage_table(const project_counts& counts)
{
    table t{{"stage", "projects"}, {}, {false, true}};
    for (const auto& [stage, count] : counts.by_stage) t.rows.push_back({std::string(to_code(stage)), n(count)});
    return t;
}

table category_table(const project_counts& counts)
{
    table t{{"category", "projects"}, {}, {false, true}};
    for (const auto& [category, count] : counts.by_category) {
        t.rows.push_back({category.empty() ? "(none)" : category, n(count)});
    }
    return t;
}

table to_table(const std::vector<declared_named>& rows)
{
    table t{{"target", "metric", "declared", "named"}, {}, {false, false, true, true}};
    for (const auto& r : rows) t.rows.push_back({r.target_id, r.metric, to_string(r.declared), n(r.named)});
    return t;
}

table to_table(const std::vector<metric_row>& rows)
{
    table t{{"plan", "jurisdiction", "year", "target", "qualifier", "requirement", "commitment"}, {},
            {false, false, true, false, false, false, false}};
    for (const auto& r : rows) {
        t.rows.push_back({r.plan_id, r.jurisdiction, std::to_string(r.year), r.target_id, r.qualifier, r.requirement,
                          std::string(to_code(r.commitment))});
    }
    return t;
}

table to_table(const plan_diff& d)
{
    table t{{"change", "metric", "qualifier", "before", "after"}, {}, {false, false, false, false, false}};
    auto add = [&](const char* what, const std::vector<target_change>& list) {
        for (const auto& c : list) t.rows.push_back({what, c.metric, c.qualifier, c.before, c.after});
    };
    add("added", d.added);
    add("dropped", d.dropped);
    add("raised", d.raised);
    add("lowered", d.lowered);
    add("changed", d.changed);
    return t;
}

table targets_table(const plan& p)
{
    table t{{"#", "metric", "kind", "requirement", "commitment"}, {}, {true, false, false, false, false}};
    for (auto [tg, at] : each_target(p)) {
        std::string metric = tg.metric;
        if (!tg.qualifier.empty()) metric += " (" + *tg.qualifier + ")";
        t.rows.push_back({std::to_string(p.focus_areas[at.focus_area].ordinal), metric, kind_label(tg.kind),
                          requirement_text(tg), std::string(to_code(tg.commitment))});
    }
    return t;
}

table focus_area_table(const plan& p)
{
    table t{{"#", "focus area", "measures", "targets", "projects", "binding", "expected", "aspirational"}, {},
            {true, false, true, true, true, true, true, true}};
    // Counted directly: no sums are needed, so nothing can overflow here.
    std::size_t measures = 0, projects = 0, binding = 0, expected = 0, aspirational = 0;
    for (const auto& area : p.focus_areas) {
        std::size_t area_projects = 0;
        for (const auto& m : area.measures) area_projects += m.projects.size();
        target_group g;
        auto count = [&](const std::vector<target>& targets) {
            for (const auto& tg : targets) {
                ++g.targets;
                switch (tg.commitment) {
                case commitment::binding: ++g.binding; break;
                case commitment::expected: ++g.expected; break;
                case commitment::aspirational: ++g.aspirational; break;
                }
            }
        };
        count(area.targets);
        for (const auto& m : area.measures) count(m.targets);
        t.rows.push_back({std::to_string(area.ordinal), area.title + (area.aim.empty() ? "" : " · " + area.aim),
                          n(area.measures.size()), n(g.targets), n(area_projects), n(g.binding), n(g.expected),
                          n(g.aspirational)});
        measures += area.measures.size();
        projects += area_projects;
        binding += g.binding;
        expected += g.expected;
        aspirational += g.aspirational;
    }
    t.rows.push_back({"", "total", n(measures), n(target_count(p)), n(projects), n(binding), n(expected),
                      n(aspirational)});
    return t;
}

progress_report::progress_report(date as_of_date, std::vector<target_progress> progress,
                                 const observation_file& observations)
    : as_of(as_of_date), targets(std::move(progress)), illustrative(observations.illustrative), note(observations.note)
{
}

std::string render(const plan& p, report_format format)
{
    if (format == report_format::html) return detail::html_page(p, nullptr);
    const auto diagnostics = validate(p);
    const auto areas = focus_area_table(p);
    const auto targets = targets_table(p);
    switch (format) {
    case report_format::text:
        return summary_header(p, diagnostics, false) + "\n" + render_text(areas) + "\nTargets\n" + render_text(targets);
    case report_format::markdown:
        return summary_header(p, diagnostics, true) + "\n" + render_markdown(areas) + "\n## Targets\n\n" +
               render_markdown(targets);
    case report_format::csv: return render_csv(areas) + "\r\n" + render_csv(targets);
    case report_format::json: return summary_json(p, diagnostics, areas, targets);
    case report_format::html: break;
    }
    throw std::invalid_argument("govplan::render: unknown report format");
}

std::string render(const plan& p, const progress_report& progress, report_format format)
{
    if (format == report_format::html) return detail::html_page(p, &progress);
    std::vector<target_progress> with_data;
    if (!progress.list_no_data) {
        for (const auto& tp : progress.targets) {
            if (tp.status != progress_status::no_data) with_data.push_back(tp);
        }
    }
    const auto targets = to_table(p, progress.list_no_data ? progress.targets : with_data);
    const auto rollups = to_table(rollup_progress(p, progress.targets));
    switch (format) {
    case report_format::text: return render_text(targets) + "\n" + render_text(rollups);
    case report_format::markdown: return render_markdown(targets) + "\n" + render_markdown(rollups);
    case report_format::csv: return render_csv(targets) + "\r\n" + render_csv(rollups);
    case report_format::json:
        return json_document(boost::json::object{{"as_of", to_iso_string(progress.as_of)}},
                             {{"targets", &targets}, {"rollups", &rollups}});
    case report_format::html: break;
    }
    throw std::invalid_argument("govplan::render: unknown report format");
}

result<void> save_report(std::string_view document, const std::filesystem::path& file)
{
    return detail::write_file_atomically(file, document);
}

GOVPLAN_END_NAMESPACE

namespace govplan::detail {

std::string contents_line(const plan& p, const std::vector<diagnostic>& diagnostics)
{
    return fmt::format("{} focus areas, {} targets, {} named projects; validation {} errors, {} warnings",
                       p.focus_areas.size(), target_count(p), project_count(p), error_count(diagnostics),
                       warning_count(diagnostics));
}

}  // namespace govplan::detail

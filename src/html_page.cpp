// The HTML page form of render(): one self-contained file (inline CSS and
// SVG, no script, no external reference; a Content-Security-Policy that
// forbids loading anything) that prints on A4. docs/report.md describes it.
//
// Every number on the page is the model's decimal printed as it is held;
// bar and chart geometry is integer arithmetic on counts and exact decimal
// division, never floating point.
#include "html_page.hpp"

#include "printable.hpp"

#include <govplan/codes.hpp>
#include <govplan/format.hpp>
#include <govplan/validation.hpp>
#include <govplan/version.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <unordered_map>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govplan::detail {
namespace {

// ---- fixed parts ------------------------------------------------------------

constexpr std::string_view page_style = R"css(
:root { --ink: #1a1a1a; --muted: #5c5c5c; --rule: #cfcfcf; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px; color: var(--ink); background: #fff;
  font: 14px/1.5 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 14px 0 4px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.notice { border: 2px dashed #b34700; background: #fff6ee; padding: 8px 12px; margin: 12px 0; }
svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
svg.status-bar, svg.binding-bar, svg.stage-bar, svg.commitment-bar { display: block; width: 100%; height: 26px;
  border: 1px solid var(--ink); }
svg.binding-bar { height: 14px; margin-top: 6px; }
.legend { list-style: none; padding: 0; margin: 4px 0 8px; display: flex; flex-wrap: wrap; gap: 2px 18px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.legend svg { width: 24px; height: 14px; border: 1px solid var(--ink); flex: none; }
.legend .count { font-weight: 600; font-variant-numeric: tabular-nums; }
.legend .labels { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.status { min-width: 8em; }
td.status small { white-space: nowrap; }
td.status svg { width: 14px; height: 14px; border: 1px solid var(--ink); vertical-align: -2px; margin-right: 4px; }
.badge { display: inline-block; border: 1px solid var(--ink); border-radius: 3px; padding: 0 4px; margin-left: 4px;
  font-size: 12px; white-space: nowrap; }
svg.bullet { display: block; width: 200px; height: 24px; }
sup.src a { color: var(--muted); text-decoration: none; font-size: 11px; }
ol.sources { font-size: 12px; color: var(--muted); padding-left: 28px; }
ol.sources li:target { background: #fff0b3; color: var(--ink); }
.key { font-size: 12px; color: var(--muted); margin: 0 0 4px; }
footer { margin-top: 24px; font-size: 12px; color: var(--muted); }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5px; }
  h2 { break-after: avoid; }
  tr, .legend, svg { break-inside: avoid; }
  a { color: inherit; }
}
)css";

// The fills every chart refers to: each status has a colour from a palette
// that colour-blind readers tell apart (Okabe and Ito) and a pattern of its
// own (solid, stripes, dots, cross-hatch, blank), so that a grey print or a
// reader without colour vision still tells them apart; the legends name them.
constexpr std::string_view page_fills = R"svg(<svg class="fills" aria-hidden="true" style="position:absolute;width:0;height:0"><defs>
<pattern id="fill-met" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#009e73"/></pattern>
<pattern id="fill-on_track" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#56b4e9"/><rect width="3" height="8" fill="#1d5f85"/></pattern>
<pattern id="fill-at_risk" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#e69f00"/><circle cx="4" cy="4" r="1.7" fill="#4d3500"/></pattern>
<pattern id="fill-behind" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#d55e00"/><path d="M0 0L8 8M8 0L0 8" stroke="#3d1b00" stroke-width="1.5"/></pattern>
<pattern id="fill-no_data" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#f4f4f4"/></pattern>
<pattern id="fill-binding" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#3b3b3b"/></pattern>
<pattern id="fill-expected" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#9a9a9a"/><rect width="3" height="8" fill="#5a5a5a"/></pattern>
<pattern id="fill-aspirational" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#e3e3e3"/><circle cx="4" cy="4" r="1.5" fill="#6a6a6a"/></pattern>
</defs></svg>
)svg";

/// The progress of each target, found by its position (ids may repeat in a
/// plan that does not validate).
using progress_of_target = std::unordered_map<const target*, const target_progress*>;

// ---- names ------------------------------------------------------------------

template <class Enum>
constexpr std::size_t enumerator_count = boost::mp11::mp_size<boost::describe::describe_enumerators<Enum>>::value;

/// A value's code (its enumerator's name), Chinese name, English name and fill.
struct naming {
    std::string_view code;
    std::string_view zh;
    std::string_view en;
    std::string_view fill;
};

constexpr std::array<naming, enumerator_count<progress_status>> status_names{{
    {"met", "已实现", "met", "url(#fill-met)"},
    {"on_track", "正常推进", "on track", "url(#fill-on_track)"},
    {"at_risk", "存在风险", "at risk", "url(#fill-at_risk)"},
    {"behind", "滞后", "behind", "url(#fill-behind)"},
    {"no_data", "暂无数据", "no data", "url(#fill-no_data)"},
}};

constexpr std::array<naming, enumerator_count<commitment>> commitment_names{{
    {"binding", "约束性", "binding", "url(#fill-binding)"},
    {"expected", "预期性", "expected", "url(#fill-expected)"},
    {"aspirational", "力争", "aspirational", "url(#fill-aspirational)"},
}};

// Stages in the order projects move through, from light to dark; `other`
// (outside the sequence) grey. The legend lists them in the bar's order.
constexpr std::array<naming, enumerator_count<project_stage>> stage_names{{
    {"apply", "申报", "apply", "#deebf7"},
    {"plan", "谋划", "plan", "#c6dbef"},
    {"prepare", "前期", "prepare", "#9ecae1"},
    {"start", "开工", "start", "#6baed6"},
    {"build", "建设", "build", "#4292c6"},
    {"complete", "建成", "complete", "#2171b5"},
    {"operate", "投运", "operate", "#08519c"},
    {"other", "其他", "other", "#bdbdbd"},
}};

constexpr std::array<naming, enumerator_count<target_kind>> kind_names{{
    {"amount", "总量", "", ""},
    {"count", "数量", "", ""},
    {"level", "水平", "", ""},
    {"share", "比重", "", ""},
    {"growth_rate", "增速", "", ""},
    {"reduction_rate", "降幅", "", ""},
    {"pp_change", "百分点变化", "", ""},
    {"direction", "方向", "", ""},
    {"qualitative", "定性", "", ""},
    {"attainment", "达标", "", ""},
    {"grade", "等级", "", ""},
    {"rank", "排名", "", ""},
    {"relative", "相对", "", ""},
}};

/// True when `names` holds one entry per enumerator of E, in the order of
/// their values: the tables above are read by a value's number.
template <class E, std::size_t N>
consteval bool in_enumerator_order(const std::array<naming, N>& names)
{
    bool ok = N == enumerator_count<E>;
    std::size_t i = 0;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        ok = ok && i < N && static_cast<std::size_t>(d.value) == i && names[i].code == std::string_view(d.name);
        ++i;
    });
    return ok;
}
static_assert(in_enumerator_order<progress_status>(status_names));
static_assert(in_enumerator_order<commitment>(commitment_names));
static_assert(in_enumerator_order<project_stage>(stage_names));
static_assert(in_enumerator_order<target_kind>(kind_names));

template <class Name, std::size_t N>
const Name& name_of(const std::array<Name, N>& names, auto value)
{
    return names.at(static_cast<std::size_t>(value));
}

// ---- text -------------------------------------------------------------------

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// Appends `text` escaped for HTML.
void escape_to(std::string& out, std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence_length(text, i);
        if (n == 0) {
            out += replacement_character;
            ++i;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        const bool c1_control = n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
        // U+202A to U+202E and U+2066 to U+2069: bidirectional controls, which
        // would reorder the text after them (a requirement, a number)
        const auto c2 = n == 3 ? static_cast<unsigned char>(text[i + 2]) : 0;
        const bool bidi_control = n == 3 && c == 0xE2 &&
                                  ((text[i + 1] == '\x80' && c2 >= 0xAA && c2 <= 0xAE) ||
                                   (text[i + 1] == '\x81' && c2 >= 0xA6 && c2 <= 0xA9));
        if (c1_control || bidi_control || (n == 1 && ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F))) {
            out += replacement_character;
        } else if (n > 1) {
            out.append(text.substr(i, n));
        } else {
            switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += static_cast<char>(c);
            }
        }
        i += n;
    }
}

/// `v` percent of a bar, v in hundredths of a percent: "12.34%".
std::string percent(std::size_t hundredths) { return fmt::format("{}.{:02}%", hundredths / 100, hundredths % 100); }

std::string with_unit(const decimal& d, const unit& u) { return to_string(quantity{d, u}); }

/// The start of a page: doctype, head with the style, the fills.
void open_page(std::string& out, std::string_view title)
{
    out += "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"govplan ";
    out += version_string;
    out += "\">\n<title>";
    escape_to(out, title);
    out += "</title>\n<style>";
    out += page_style;
    out += "</style>\n</head>\n<body>\n";
    out += page_fills;
}

void close_page(std::string& out)
{
    out += "<footer>govplan ";
    out += version_string;
    out += "</footer>\n</body>\n</html>\n";
}

// ---- bars -------------------------------------------------------------------

/// One part of a stacked bar and its legend entry.
struct segment {
    naming name;
    std::size_t count = 0;
    std::string detail;  ///< shown after the count in the legend
};

/// A stacked bar over the segments (SVG, widths in percent so that patterns
/// keep their shape), then its legend as a list. `attributes` go on the svg
/// element after its class.
void stacked_bar(std::string& out, std::string_view css_class, std::string_view attributes, std::string_view label,
                 const std::vector<segment>& parts)
{
    const std::size_t total =
        std::accumulate(parts.begin(), parts.end(), std::size_t{0}, [](std::size_t s, const segment& p) {
            return s + p.count;
        });
    std::string description(label);
    for (const auto& p : parts) {
        if (p.count > 0) description += fmt::format("; {} {} {}", p.name.zh, p.name.en, p.count);
    }
    out += fmt::format("<svg class=\"{}\"{} role=\"img\" aria-label=\"", css_class, attributes);
    escape_to(out, description);
    out += "\"><title>";
    escape_to(out, description);
    out += "</title>";
    std::size_t before = 0;
    for (const auto& p : parts) {
        if (p.count == 0) continue;
        const std::size_t x0 = before * 10000 / total;
        before += p.count;
        const std::size_t x1 = before * 10000 / total;
        out += fmt::format("<rect x=\"{}\" y=\"0\" width=\"{}\" height=\"100%\" fill=\"{}\"><title>", percent(x0),
                           percent(x1 - x0), p.name.fill);
        escape_to(out, fmt::format("{} {}: {} / {}", p.name.zh, p.name.en, p.count, total));
        out += "</title></rect>";
    }
    out += "</svg>\n<ul class=\"legend\">";
    for (const auto& p : parts) {
        out += fmt::format("<li><svg aria-hidden=\"true\"><rect width=\"100%\" height=\"100%\" fill=\"{}\"/></svg>"
                           "<span>{} {}</span> <span class=\"count\">{}</span>",
                           p.name.fill, p.name.zh, p.name.en, p.count);
        if (!p.detail.empty()) {
            out += " <span class=\"labels\">";
            escape_to(out, p.detail);
            out += "</span>";
        }
        out += "</li>";
    }
    out += "</ul>\n";
}

/// One empty segment per name, in the table's order.
template <std::size_t N>
std::vector<segment> segments_of(const std::array<naming, N>& names)
{
    std::vector<segment> parts;
    for (const auto& name : names) parts.push_back({name, 0, {}});
    return parts;
}

/// The status segments of some targets, each with its review labels counted
/// (提前实现 2, 快于预期 1).
std::vector<segment> status_segments(const std::vector<const target_progress*>& targets)
{
    auto parts = segments_of(status_names);
    std::vector<std::map<std::string, std::size_t>> labels(parts.size());
    for (const auto* tp : targets) {
        const auto i = static_cast<std::size_t>(tp->status);
        ++parts.at(i).count;
        ++labels.at(i)[tp->label];
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        for (const auto& [label, count] : labels[i]) {
            if (label == parts[i].name.zh) continue;  // the status's own name says it
            parts[i].detail += fmt::format("{}{} {}", parts[i].detail.empty() ? "" : " · ", label, count);
        }
    }
    return parts;
}

std::vector<segment> stage_segments(const focus_area& area)
{
    auto parts = segments_of(stage_names);
    for (const auto& m : area.measures) {
        for (const auto& pr : m.projects) ++parts.at(static_cast<std::size_t>(pr.stage)).count;
    }
    return parts;
}

// ---- sources ----------------------------------------------------------------

/// The source clauses, numbered in order of first use; a clause several
/// elements share is listed once.
class source_notes {
public:
    /// A superscript link to the clause's foot note, the clause in its title
    /// (shown on hover); nothing when the element has no clause.
    void link(std::string& out, const provenance& from)
    {
        if (from.clause.empty()) return;
        auto [it, added] = numbers_.try_emplace(from.clause, clauses_.size() + 1);
        if (added) clauses_.push_back(&from.clause);
        out += fmt::format("<sup class=\"src\"><a href=\"#src-{}\" title=\"", it->second);
        escape_to(out, from.clause);
        out += fmt::format("\">[{}]</a></sup>", it->second);
    }

    void write(std::string& out) const
    {
        if (clauses_.empty()) return;
        out += "<section class=\"sources\">\n<h2>来源 Source clauses</h2>\n<ol class=\"sources\">\n";
        for (std::size_t i = 0; i < clauses_.size(); ++i) {
            out += fmt::format("<li id=\"src-{}\">", i + 1);
            escape_to(out, *clauses_[i]);
            out += "</li>\n";
        }
        out += "</ol>\n</section>\n";
    }

private:
    std::map<std::string, std::size_t, std::less<>> numbers_;
    std::vector<const std::string*> clauses_;
};

// ---- the page -----------------------------------------------------------------

void header(std::string& out, const plan& p, const progress_report* progress)
{
    out += "<header>\n<h1>";
    escape_to(out, p.title);
    out += "</h1>\n<dl class=\"facts\">\n";
    auto fact = [&](std::string_view name, const std::string& value) {
        if (value.empty()) return;
        out += fmt::format("<dt>{}</dt><dd>", name);
        escape_to(out, value);
        out += "</dd>\n";
    };
    fact("地区 Jurisdiction", fmt::format("{} ({})", p.jurisdiction.full_name(), p.jurisdiction.level));
    fact("发布 Issued by", p.issuing_body);
    fact("规划期 Period", fmt::format("{} – {}", p.period.begin(), p.period.last()));
    fact("报告 Report", fmt::format("{}{}", p.report_date, p.session.empty() ? "" : " · " + p.session));
    fact("主题 Theme", p.theme);
    if (progress != nullptr) fact("截至 As of", to_iso_string(progress->as_of));
    const auto diagnostics = validate(p);
    fact("内容 Contents", contents_line(p, diagnostics));
    out += "</dl>\n";
    if (progress != nullptr && progress->illustrative) {
        out += "<p class=\"notice\" role=\"note\"><strong>示例数据 · Illustrative data.</strong> ";
        escape_to(out, progress->note.empty() ? "These observations are made up." : progress->note);
        out += "</p>\n";
    }
    out += "</header>\n";
}

/// The stated value a chart measures against: the number, or a range's
/// upper end; none for targets met or not and those without a number.
std::optional<decimal> stated_value(const target& t)
{
    if (met_or_not(t)) return std::nullopt;
    if (t.value) return t.value;
    if (t.comparator == comparator::range) return t.high;
    return std::nullopt;
}

/// The position of `v` on a chart whose right end (180 px) is `scale`, in
/// tenths of a pixel, by exact decimal division.
std::optional<std::int64_t> position(const decimal& v, const decimal& scale)
{
    const auto ratio = decimal::divide(v, scale, 4);
    if (!ratio) return std::nullopt;
    return ratio->coefficient() * 1800 / 10000;
}

std::string tenths(std::int64_t v) { return fmt::format("{}.{}", v / 10, v % 10); }

/// A bullet chart: the grey band up to the stated value with a black mark at
/// it, the observed value as a bar in the status's fill, the expected value
/// at the date as a dashed mark. Empty when there is nothing to draw to
/// scale (no stated number, a negative value).
std::string bullet_chart(const target& t, const target_progress& tp)
{
    const auto stated = stated_value(t);
    if (!stated || !tp.observed) return {};
    const decimal& observed = tp.observed->value;
    decimal scale = std::max(*stated, observed);
    if (tp.expected) scale = std::max(scale, *tp.expected);
    const decimal zero;
    if (stated->is_negative() || observed.is_negative() || (tp.expected && tp.expected->is_negative()) ||
        scale == zero) {
        return {};
    }
    const auto s = position(*stated, scale);
    const auto o = position(observed, scale);
    const auto e = tp.expected ? position(*tp.expected, scale) : std::optional<std::int64_t>(0);
    if (!s || !o || !e) return {};
    std::string description = fmt::format("observed {}", to_string(*tp.observed));
    if (tp.expected) description += fmt::format(", expected {} by now", with_unit(*tp.expected, t.unit));
    description += fmt::format(", target {}", requirement_text(t));
    std::string out = "<svg class=\"bullet\" viewBox=\"0 0 200 24\" role=\"img\" aria-label=\"";
    escape_to(out, description);
    out += "\"><title>";
    escape_to(out, description);
    out += "</title>";
    out += fmt::format("<rect x=\"0\" y=\"3\" width=\"{}\" height=\"18\" fill=\"#e2e2e2\"/>", tenths(*s));
    out += fmt::format("<rect x=\"0\" y=\"8\" width=\"{}\" height=\"8\" fill=\"{}\" stroke=\"#1a1a1a\" "
                       "stroke-width=\"0.5\"/>",
                       tenths(*o), name_of(status_names, tp.status).fill);
    if (tp.expected) {
        out += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"1\" y2=\"23\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" "
                           "stroke-dasharray=\"3 2\"/>",
                           tenths(*e));
    }
    out += fmt::format("<rect x=\"{}\" y=\"1\" width=\"2.5\" height=\"22\" fill=\"#1a1a1a\"/></svg>",
                       tenths(std::max<std::int64_t>(*s - 12, 0)));
    return out;
}

/// The status cell: its fill as a swatch, the review label, the status.
void status_cell(std::string& out, const target_progress& tp)
{
    const auto& name = name_of(status_names, tp.status);
    out += fmt::format("<td class=\"status\"><svg aria-hidden=\"true\"><rect width=\"100%\" height=\"100%\" "
                       "fill=\"{}\"/></svg>",
                       name.fill);
    escape_to(out, tp.label);
    // 滞后预期 is the label of at-risk and of behind targets: the status's own name tells them apart
    out += fmt::format("<br><small>{}{}</small></td>", tp.label != name.zh ? std::string(name.zh) + " " : "", name.en);
}

void metric_cell(std::string& out, const target& t, source_notes& sources)
{
    out += "<td>";
    escape_to(out, t.metric);
    if (!t.qualifier.empty()) {
        out += " <small>(";
        escape_to(out, t.qualifier);
        out += ")</small>";
    }
    if (t.commitment == commitment::binding) out += "<span class=\"badge\">约束性 binding</span>";
    sources.link(out, t.provenance);
    out += "</td>";
}

/// The target `tp` is the progress of, found by its position. Progress of
/// another plan is a programming error: std::invalid_argument.
const target& target_at(const plan& p, const target_progress& tp)
{
    const auto& at = tp.position;
    const target* t = nullptr;
    if (at.focus_area < p.focus_areas.size()) {
        const auto& area = p.focus_areas[at.focus_area];
        const std::vector<target>* list = &area.targets;
        if (at.measure) list = *at.measure < area.measures.size() ? &area.measures[*at.measure].targets : nullptr;
        if (list != nullptr && at.index < list->size()) t = &(*list)[at.index];
    }
    if (t == nullptr || t->id != tp.target_id) {
        throw std::invalid_argument("govplan::render: progress of target \"" + tp.target_id +
                                    "\" is not of this plan (evaluate_progress on the plan rendered)");
    }
    return *t;
}

/// Where behind comes first: behind, at risk, on track, met.
int urgency(progress_status s)
{
    switch (s) {
    case progress_status::behind: return 0;
    case progress_status::at_risk: return 1;
    case progress_status::on_track: return 2;
    case progress_status::met: return 3;
    case progress_status::no_data: break;
    }
    return 4;
}

/// One row per observed target (status other than no data), what is behind
/// first, then by attainment, then in document order.
void observed_table(std::string& out, const plan& p, const progress_report& progress, source_notes& sources)
{
    struct row {
        const target_progress* tp;
        const target* t;
    };
    std::vector<row> rows;
    for (const auto& tp : progress.targets) {
        if (tp.status != progress_status::no_data) rows.push_back({&tp, &target_at(p, tp)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const row& a, const row& b) {
        if (urgency(a.tp->status) != urgency(b.tp->status)) return urgency(a.tp->status) < urgency(b.tp->status);
        if (a.tp->attainment.has_value() != b.tp->attainment.has_value()) return a.tp->attainment.has_value();
        return a.tp->attainment && *a.tp->attainment < *b.tp->attainment;
    });
    out += fmt::format("<section class=\"observed\">\n<h2>观测指标 Observed targets ({})</h2>\n", rows.size());
    if (rows.empty()) {
        out += "<p>No target has an observation on or before the date.</p>\n</section>\n";
        return;
    }
    out += "<p class=\"key\">对比 Chart: the bar is the observed value in its status's fill, the grey band runs to "
           "the stated value (the solid mark), the dashed mark is the value expected by the date (accrual and "
           "ceiling targets). Targets without a stated number, or with a negative one, have no chart.</p>\n";
    out += "<table class=\"observed\">\n<thead><tr><th>状态 Status</th><th class=\"num\">#</th><th>指标 Target</th>"
           "<th>要求 Requirement</th><th class=\"num\">观测 Observed</th><th class=\"num\">应达 Expected</th>"
           "<th class=\"num\">完成度 Attainment</th><th>对比 Chart</th></tr></thead>\n<tbody>\n";
    for (const auto& [tp, t] : rows) {
        out += "<tr class=\"observed\" data-target=\"";
        escape_to(out, tp->target_id);
        out += "\">";
        status_cell(out, *tp);
        out += fmt::format("<td class=\"num\">{}</td>", p.focus_areas.at(tp->position.focus_area).ordinal);
        metric_cell(out, *t, sources);
        out += "<td>";
        escape_to(out, requirement_text(*t));
        out += "</td><td class=\"num\">";
        escape_to(out, tp->observed ? to_string(*tp->observed) : std::string("—"));
        if (tp->observed_on) out += fmt::format("<br><small>{}</small>", to_iso_string(*tp->observed_on));
        out += "</td><td class=\"num\">";
        escape_to(out, tp->expected ? with_unit(*tp->expected, t->unit) : std::string("—"));
        out += "</td><td class=\"num\">";
        escape_to(out, tp->attainment ? tp->attainment->to_string() : std::string("—"));
        out += "</td><td>" + bullet_chart(*t, *tp) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
}

/// Every target of a focus area: metric, kind, requirement, commitment and,
/// with progress, its label.
void target_list(std::string& out, const std::vector<const target*>& targets,
                 const progress_of_target& status_of, bool with_status,
                 source_notes& sources)
{
    out += "<table class=\"targets\">\n<thead><tr><th>指标 Target</th><th>类型 Kind</th><th>要求 Requirement</th>"
           "<th>承诺 Commitment</th>";
    if (with_status) out += "<th>状态 Status</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const target* tp : targets) {
        const target& t = *tp;
        out += "<tr data-target-id=\"";
        escape_to(out, t.id);
        out += "\">";
        metric_cell(out, t, sources);
        out += fmt::format("<td>{} <small>{}</small></td><td>", name_of(kind_names, t.kind).zh, to_code(t.kind));
        escape_to(out, requirement_text(t));
        const auto& c = name_of(commitment_names, t.commitment);
        out += fmt::format("</td><td>{} <small>{}</small></td>", c.zh, c.en);
        if (with_status) {
            const auto found = status_of.find(&t);
            if (found != status_of.end()) status_cell(out, *found->second);
            else out += "<td>—</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

void project_list(std::string& out, const focus_area& area, source_notes& sources)
{
    out += "<table class=\"projects\">\n<thead><tr><th>项目 Project</th><th>阶段 Stage</th><th>举措 Action</th>"
           "<th>类别 Category</th></tr></thead>\n<tbody>\n";
    for (const auto& m : area.measures) {
        for (const auto& pr : m.projects) {
            out += "<tr data-project-id=\"";
            escape_to(out, pr.id);
            out += "\"><td>";
            escape_to(out, pr.name);
            sources.link(out, pr.provenance);
            const auto& stage = name_of(stage_names, pr.stage);
            out += fmt::format("</td><td>{} <small>{}</small></td><td>", stage.zh, stage.en);
            escape_to(out, pr.action);
            out += "</td><td>";
            escape_to(out, pr.category);
            out += "</td></tr>\n";
        }
    }
    out += "</tbody>\n</table>\n";
}

/// The targets of a focus area by commitment, and a line counting them by kind.
void commitments(std::string& out, const std::vector<const target*>& targets, int ordinal)
{
    auto parts = segments_of(commitment_names);
    std::array<std::size_t, enumerator_count<target_kind>> kinds{};
    for (const target* t : targets) {
        ++parts.at(static_cast<std::size_t>(t->commitment)).count;
        ++kinds.at(static_cast<std::size_t>(t->kind));
    }
    stacked_bar(out, "commitment-bar", fmt::format(" data-focus-area=\"{}\"", ordinal), "targets by commitment",
                parts);
    std::string by_kind;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<target_kind>>([&](auto e) {
        const auto n = kinds.at(static_cast<std::size_t>(e.value));
        if (n > 0) by_kind += fmt::format("{}{} {} {}", by_kind.empty() ? "" : " · ", name_of(kind_names, e.value).zh,
                                          e.name, n);
    });
    if (!by_kind.empty()) out += "<p class=\"kinds\">" + by_kind + "</p>\n";
}

/// The targets and projects of focus area `a`, whose targets are `targets`.
void focus_area_section(std::string& out, const focus_area& a, const std::vector<const target*>& targets,
                        const progress_report* progress,
                        const progress_of_target& status_of, source_notes& sources)
{
    out += fmt::format("<section class=\"area\" id=\"area-{}\">\n<h2>{} · ", a.ordinal, a.ordinal);
    escape_to(out, a.title);
    if (!a.aim.empty()) {
        out += " · ";
        escape_to(out, a.aim);
    }
    out += "</h2>\n<h3>指标 Targets</h3>\n";
    if (progress != nullptr) {
        std::vector<const target_progress*> all, binding;
        for (const target* t : targets) {
            const auto found = status_of.find(t);
            if (found == status_of.end()) continue;
            all.push_back(found->second);
            if (t->commitment == commitment::binding) binding.push_back(found->second);
        }
        stacked_bar(out, "status-bar", fmt::format(" data-focus-area=\"{}\"", a.ordinal), "target status",
                    status_segments(all));
        if (!binding.empty()) {
            out += "<p class=\"binding\">约束性指标 Binding targets:</p>\n";
            stacked_bar(out, "binding-bar", fmt::format(" data-focus-area=\"{}\"", a.ordinal),
                        "binding target status", status_segments(binding));
        }
    } else {
        commitments(out, targets, a.ordinal);
    }
    target_list(out, targets, status_of, progress != nullptr, sources);
    const auto stages = stage_segments(a);
    const bool has_projects = std::any_of(stages.begin(), stages.end(), [](const segment& s) { return s.count > 0; });
    if (has_projects) {
        out += "<h3>项目 Projects by stage</h3>\n";
        stacked_bar(out, "stage-bar", fmt::format(" data-focus-area=\"{}\"", a.ordinal), "projects by stage",
                    stages);
        project_list(out, a, sources);
    }
    out += "</section>\n";
}

void overview(std::string& out, const progress_report& progress)
{
    std::vector<const target_progress*> all;
    for (const auto& tp : progress.targets) all.push_back(&tp);
    out += fmt::format("<section class=\"overview\">\n<h2>总体 Overall, as of {}</h2>\n",
                       to_iso_string(progress.as_of));
    stacked_bar(out, "status-bar", " data-scope=\"plan\"", "target status, every target on this page",
                status_segments(all));
    out += "</section>\n";
}

}  // namespace

std::string html_table_page(const table& t)
{
    std::string out;
    open_page(out, "govplan table");
    out += "<table>\n<thead><tr>";
    auto right = [&](std::size_t i) { return i < t.right_aligned.size() && t.right_aligned[i]; };
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        out += right(i) ? "<th class=\"num\">" : "<th>";
        escape_to(out, t.columns[i]);
        out += "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& r : t.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < r.size(); ++i) {
            out += right(i) ? "<td class=\"num\">" : "<td>";
            escape_to(out, r[i]);
            out += "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    close_page(out);
    return out;
}

std::string html_page(const plan& p, const progress_report* progress)
{
    std::string out;
    open_page(out, p.title);
    header(out, p, progress);
    progress_of_target status_of;
    if (progress != nullptr) {
        for (const auto& tp : progress->targets) status_of.try_emplace(&target_at(p, tp), &tp);
    }
    source_notes sources;
    out += "<main>\n";
    if (progress != nullptr) {
        overview(out, *progress);
        observed_table(out, p, *progress, sources);
    }
    std::vector<std::vector<const target*>> targets_of(p.focus_areas.size());
    for (auto [t, at] : each_target(p)) targets_of[at.focus_area].push_back(&t);
    for (std::size_t area = 0; area < p.focus_areas.size(); ++area) {
        focus_area_section(out, p.focus_areas[area], targets_of[area], progress, status_of, sources);
    }
    sources.write(out);
    out += "</main>\n";
    close_page(out);
    return out;
}

}  // namespace govplan::detail

// The HTML page form of render(): self-contained, escaped, exact, one bar per
// focus area and one row per observed target, behind first. The same page in
// a real browser: tests/browser/.
#include <govplan/json.hpp>
#include <govplan/report.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support.hpp"
#include "temp_dir.hpp"

using namespace govplan;
using namespace govplan::testing;

namespace {

const std::filesystem::path data_dir = std::filesystem::path(GOVPLAN_SOURCE_DIR) / "data";

const plan& bundled()
{
    static const plan p = load_json(data_dir / "yancheng-2025.json").value();
    return p;
}

struct tracked {
    plan p;
    observation_file file;
};

const tracked& bundled_with_observations()
{
    static const tracked t = [] {
        auto file = load_observations(data_dir / "yancheng-2025-observations.json", bundled()).value();
        return tracked{with_observations(bundled(), file).value(), file};
    }();
    return t;
}

progress_report bundled_progress(date as_of = date(2025, 6, 30))
{
    const auto& t = bundled_with_observations();
    return progress_report(as_of, evaluate_progress(t.p, as_of), t.file);
}

std::size_t occurrences(std::string_view text, std::string_view what)
{
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

/// The attributes of a tag's text after its name (from `at`): name and
/// value, quotes removed.
std::vector<std::pair<std::string, std::string>> attributes(const std::string& tag, std::size_t at)
{
    std::vector<std::pair<std::string, std::string>> out;
    auto space = [&](std::size_t i) { return i < tag.size() && (std::isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '/'); };
    while (at < tag.size()) {
        while (space(at)) ++at;
        const std::size_t name_end = std::min(tag.find_first_of("= \t\n/", at), tag.size());
        std::string name = tag.substr(at, name_end - at);
        at = name_end;
        std::string value;
        if (at < tag.size() && tag[at] == '=') {
            ++at;
            if (at < tag.size() && (tag[at] == '"' || tag[at] == '\'')) {
                const std::size_t close = std::min(tag.find(tag[at], at + 1), tag.size());
                value = tag.substr(at + 1, close - at - 1);
                at = close + 1;
            } else {
                const std::size_t stop = std::min(tag.find_first_of(" \t\n", at), tag.size());
                value = tag.substr(at, stop - at);
                at = stop;
            }
        }
        if (!name.empty()) out.emplace_back(std::move(name), std::move(value));
    }
    return out;
}

/// Every way an HTML page can make a browser fetch something, found by
/// reading its tags (text between tags is the page's own words: a URL there
/// is shown, not loaded). Returns what it found, empty when none.
std::vector<std::string> external_references(const std::string& html)
{
    std::vector<std::string> found;
    static const std::vector<std::string> fetching_tags{"script", "link", "iframe", "frame", "object", "embed",
                                                       "img",    "image", "audio", "video", "source", "track",
                                                       "base",   "use",   "form",  "picture", "portal"};
    static const std::vector<std::string> url_attributes{"src", "href", "xlink:href", "action", "formaction",
                                                         "poster", "data", "srcset", "background", "ping",
                                                         "manifest", "codebase", "cite", "longdesc"};
    for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
        const std::size_t end = html.find('>', i);
        if (end == std::string::npos) {
            found.push_back("an unclosed tag at byte " + std::to_string(i));
            break;
        }
        // values are quoted and hold no '>' (the page escapes it), so the tag ends at the first '>'
        const std::string tag = lower(std::string_view(html).substr(i + 1, end - i - 1));
        std::size_t at = tag.find_first_of(" \t\n/");
        const std::string name = tag.substr(0, at);
        if (std::find(fetching_tags.begin(), fetching_tags.end(), name) != fetching_tags.end()) {
            found.push_back("<" + name + ">");
        }
        for (const auto& [attribute, value] : attributes(tag, at)) {
            const bool url_attribute =
                std::find(url_attributes.begin(), url_attributes.end(), attribute) != url_attributes.end();
            if (url_attribute && !value.starts_with("#")) found.push_back(attribute + " in <" + name + ">");
            if (attribute == "http-equiv" && value == "refresh") found.push_back("<meta refresh>");
            if (attribute == "style" || attribute == "fill" || attribute == "stroke" || attribute == "filter" ||
                attribute == "mask" || attribute == "clip-path") {
                for (auto url = value.find("url("); url != std::string::npos; url = value.find("url(", url + 1)) {
                    if (value.compare(url + 4, 1, "#") != 0) found.push_back("url() in <" + name + ">");
                }
            }
        }
    }
    // the style sheet: url() only to fragments, no @import or web fonts
    const std::size_t style = html.find("<style>");
    const std::size_t style_end = html.find("</style>");
    if (style != std::string::npos && style_end != std::string::npos) {
        const std::string css = lower(std::string_view(html).substr(style, style_end - style));
        for (std::size_t url = css.find("url("); url != std::string::npos; url = css.find("url(", url + 1)) {
            if (css.compare(url + 4, 1, "#") != 0) found.push_back("url() in the style sheet");
        }
        if (css.find("@import") != std::string::npos) found.push_back("@import");
        if (css.find("@font-face") != std::string::npos) found.push_back("@font-face");
    }
    return found;
}

/// `text` as an HTML attribute value holds it, written out here by hand.
std::string escaped(std::string_view text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

/// The data-target ids of the observed rows, in page order.
std::vector<std::string> observed_rows(const std::string& html)
{
    std::vector<std::string> ids;
    const std::string_view mark = "<tr class=\"observed\" data-target=\"";
    for (auto at = html.find(mark); at != std::string::npos; at = html.find(mark, at + 1)) {
        const auto begin = at + mark.size();
        ids.push_back(html.substr(begin, html.find('"', begin) - begin));
    }
    return ids;
}

}  // namespace

TEST_CASE("html: the structural check finds what a browser would fetch")
{
    // the check itself can fail: each of these is one external reference
    CHECK(external_references("<p>see https://example.org</p>").empty());  // text, not a reference
    CHECK(external_references("<a href=\"#src-1\">1</a>").empty());
    CHECK(external_references("<rect fill=\"url(#fill-met)\"/>").empty());
    CHECK(external_references("<img src=\"x.png\">").size() == 2);  // the tag and its src
    CHECK(external_references("<a href=\"https://example.org\">x</a>").size() == 1);
    CHECK(external_references("<link rel=\"stylesheet\" href=\"a.css\">").size() == 2);
    CHECK(external_references("<script>alert(1)</script>").size() == 1);
    CHECK(external_references("<div style=\"background: url(x.png)\">").size() == 1);
    CHECK(external_references("<style>@import 'a.css';</style>").size() == 1);
    CHECK(external_references("<style>p { background: url(x.png) }</style>").size() == 1);
    CHECK(external_references("<meta http-equiv=\"refresh\" content=\"0; url=x\">").size() == 1);
    CHECK(external_references("<p title=\"a href=x.png url(y)\">").empty());  // words inside a value
    CHECK(external_references("<svg><use href=\"#fill-met\"/></svg>").size() == 1);  // use is refused: the page needs none
}

TEST_CASE("html: the progress page of the bundled plan is self-contained")
{
    const auto& t = bundled_with_observations();
    const std::string page = render(t.p, bundled_progress(), report_format::html);
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-Hans\">"));
    CHECK(page.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(page.find("Content-Security-Policy\" content=\"default-src 'none'") != std::string::npos);
    CHECK(page.ends_with("</html>\n"));
    const auto refs = external_references(page);
    CHECK_MESSAGE(refs.empty(), (refs.empty() ? std::string() : refs.front()));
    CHECK(page.find("@page { size: A4") != std::string::npos);
}

TEST_CASE("html: one status bar per focus area, one row per observed target, behind first")
{
    const auto& t = bundled_with_observations();
    const auto progress = bundled_progress();
    const std::string page = render(t.p, progress, report_format::html);
    CHECK(occurrences(page, "<svg class=\"status-bar\" data-focus-area=\"") == t.p.focus_areas.size());
    CHECK(occurrences(page, "<svg class=\"status-bar\" data-scope=\"plan\"") == 1);
    CHECK(occurrences(page, "<svg class=\"commitment-bar\"") == 0);  // the plan page's bars

    std::map<std::string, const target_progress*> by_id;
    std::size_t observed = 0;
    for (const auto& tp : progress.targets) {
        by_id[tp.target_id] = &tp;
        if (tp.status != progress_status::no_data) ++observed;
    }
    const auto rows = observed_rows(page);
    CHECK(observed == 12);
    REQUIRE(rows.size() == observed);
    // behind, then at risk, then on track, then met; by attainment within a status
    const std::map<progress_status, int> rank{{progress_status::behind, 0},
                                              {progress_status::at_risk, 1},
                                              {progress_status::on_track, 2},
                                              {progress_status::met, 3}};
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& a = *by_id.at(rows[i - 1]);
        const auto& b = *by_id.at(rows[i]);
        CHECK(rank.at(a.status) <= rank.at(b.status));
        if (a.status == b.status && a.attainment && b.attainment) CHECK(*a.attainment <= *b.attainment);
    }
    CHECK(rows.front() == "t1-18");  // 900 of 2500 homes, behind with attainment 0.36
    CHECK(rows.back() == "t1-12");   // the only target met

    // binding targets apart: focus areas 6 and 8 hold the 8 binding targets
    CHECK(occurrences(page, "<svg class=\"binding-bar\"") == 2);
    // one bullet chart per observed target with a stated number (空气优良天数 ↑ has none)
    CHECK(occurrences(page, "<svg class=\"bullet\"") == observed - 1);
}

TEST_CASE("html: a bar's segments tile it exactly, each as wide as its share")
{
    const auto& t = bundled_with_observations();
    const std::string page = render(t.p, bundled_progress(), report_format::html);
    const auto begin = page.find("<svg class=\"status-bar\" data-scope=\"plan\"");
    REQUIRE(begin != std::string::npos);
    const std::string bar = page.substr(begin, page.find("</svg>", begin) - begin);
    // hundredths of a percent: "12.34%" → 1234
    auto hundredths = [](const std::string& text) {
        const auto dot = text.find('.');
        return std::stoi(text.substr(0, dot)) * 100 + std::stoi(text.substr(dot + 1, 2));
    };
    std::vector<std::pair<int, int>> rects;  // x, width
    for (auto at = bar.find("<rect x=\""); at != std::string::npos; at = bar.find("<rect x=\"", at + 1)) {
        const auto x = bar.substr(at + 9, bar.find('"', at + 9) - at - 9);
        const auto w_at = bar.find("width=\"", at) + 7;
        const auto w = bar.substr(w_at, bar.find('"', w_at) - w_at);
        rects.emplace_back(hundredths(x), hundredths(w));
    }
    // met 1, on track 7, at risk 2, behind 2, no data 88 of 100 targets
    REQUIRE(rects.size() == 5);
    const std::vector<int> widths{100, 700, 200, 200, 8800};
    int end = 0;
    for (std::size_t i = 0; i < rects.size(); ++i) {
        CHECK(rects[i].first == end);
        CHECK(rects[i].second == widths[i]);
        end = rects[i].first + rects[i].second;
    }
    CHECK(end == 10000);
    CHECK(bar.find("<title>已实现 met: 1 / 100</title>") != std::string::npos);
}

TEST_CASE("html: numbers exactly as the model holds them, labels in Chinese, the notice")
{
    const auto& t = bundled_with_observations();
    const std::string page = render(t.p, bundled_progress(), report_format::html);
    for (const char* exact : {">42.015万亩<", ">1239.73套<", ">0.3600<", ">2231.51万元<", ">1.0750<"}) {
        CHECK_MESSAGE(page.find(exact) != std::string::npos, exact);
    }
    for (const char* label : {"提前实现", "快于预期", "滞后预期", "暂无数据", "已实现", "约束性"}) {
        CHECK_MESSAGE(page.find(label) != std::string::npos, label);
    }
    // the legend of the whole plan: each status with its count, then its targets' review labels counted
    CHECK(page.find("正常推进 on track</span> <span class=\"count\">7</span> <span class=\"labels\">快于预期 7</span>") !=
          std::string::npos);
    CHECK(page.find("已实现 met</span> <span class=\"count\">1</span> <span class=\"labels\">提前实现 1</span>") !=
          std::string::npos);
    CHECK(page.find("暂无数据 no data</span> <span class=\"count\">88</span></li>") != std::string::npos);
    CHECK(page.find("<p class=\"notice\" role=\"note\"><strong>示例数据") != std::string::npos);
    CHECK(page.find("ILLUSTRATIVE FIGURES, NOT REAL STATISTICS") != std::string::npos);
    CHECK(page.find("<dt>截至 As of</dt><dd>2025-06-30</dd>") != std::string::npos);

    auto real = bundled_progress();
    real.illustrative = false;
    CHECK(render(t.p, real, report_format::html).find("class=\"notice\"") == std::string::npos);
}

/// The row of the element `attribute`="id" (data-target-id, data-project-id).
std::string row_of(const std::string& page, const std::string& attribute, const std::string& id)
{
    const auto begin = page.find("<tr " + attribute + "=\"" + escaped(id) + "\"");
    if (begin == std::string::npos) return {};
    return page.substr(begin, page.find("</tr>", begin) - begin);
}

TEST_CASE("html: every target and project links to its source clause")
{
    const auto& t = bundled_with_observations();
    for (const std::string& page : {render(bundled(), report_format::html),
                                    render(t.p, bundled_progress(), report_format::html)}) {
        std::size_t linked = 0;
        for (auto [tg, at] : each_target(bundled())) {
            const auto row = row_of(page, "data-target-id", tg.id);
            REQUIRE_MESSAGE(!row.empty(), tg.id);
            if (tg.provenance.clause.empty()) continue;
            CHECK_MESSAGE(row.find("<sup class=\"src\"><a href=\"#src-") != std::string::npos, tg.id);
            CHECK_MESSAGE(row.find("title=\"" + escaped(tg.provenance.clause) + "\"") != std::string::npos, tg.id);
            ++linked;
        }
        for (auto [pr, at] : each_project(bundled())) {
            const auto row = row_of(page, "data-project-id", pr.id);
            REQUIRE_MESSAGE(!row.empty(), pr.id);
            if (pr.provenance.clause.empty()) continue;
            CHECK_MESSAGE(row.find("title=\"" + escaped(pr.provenance.clause) + "\"") != std::string::npos, pr.id);
            ++linked;
        }
        CHECK(linked == target_count(bundled()) + project_count(bundled()));  // the bundled plan traces every item
        // a clause several items share is one foot note; each link's note holds the clause of its title
        std::set<std::string> clauses;
        for (auto [tg, at] : each_target(bundled())) clauses.insert(tg.provenance.clause);
        for (auto [pr, at] : each_project(bundled())) clauses.insert(pr.provenance.clause);
        CHECK(occurrences(page, "<li id=\"src-") == clauses.size());
        const std::string_view link = "<a href=\"#src-";
        for (auto at = page.find(link); at != std::string::npos; at = page.find(link, at + 1)) {
            const auto number = page.substr(at + link.size(), page.find('"', at + link.size()) - at - link.size());
            const auto title_at = page.find("title=\"", at) + 7;
            const auto title = page.substr(title_at, page.find('"', title_at) - title_at);
            CHECK_MESSAGE(page.find("<li id=\"src-" + number + "\">" + title + "</li>") != std::string::npos, number);
        }
        // each foot note once, numbered from 1, and the last one linked
        const std::size_t notes = occurrences(page, "<li id=\"src-");
        CHECK(notes > 0);
        for (std::size_t n = 1; n <= notes; ++n) {
            CHECK(occurrences(page, "<li id=\"src-" + std::to_string(n) + "\">") == 1);
        }
        CHECK(occurrences(page, "href=\"#src-" + std::to_string(notes) + "\"") >= 1);
    }
}

TEST_CASE("html: every reference inside the page names an element of it")
{
    const auto& t = bundled_with_observations();
    for (const std::string& page : {render(bundled(), report_format::html),
                                    render(t.p, bundled_progress(), report_format::html)}) {
        std::size_t references = 0;
        for (const std::string_view opening : {"url(#", "href=\"#"}) {
            for (auto at = page.find(opening); at != std::string::npos; at = page.find(opening, at + 1)) {
                const auto begin = at + opening.size();
                const auto id = page.substr(begin, page.find_first_of(")\"", begin) - begin);
                CHECK_MESSAGE(page.find(" id=\"" + id + "\"") != std::string::npos, id);
                ++references;
            }
        }
        CHECK(references > 100);
    }
}

TEST_CASE("html: the plan page shows targets by commitment and projects by stage")
{
    const auto& p = bundled();
    const std::string page = render(p, report_format::html);
    CHECK(external_references(page).empty());
    CHECK(occurrences(page, "<svg class=\"commitment-bar\" data-focus-area=\"") == p.focus_areas.size());
    CHECK(occurrences(page, "<svg class=\"status-bar\"") == 0);
    CHECK(page.find("class=\"notice\"") == std::string::npos);
    std::size_t areas_with_projects = 0;
    for (const auto& a : p.focus_areas) {
        std::size_t n = 0;
        for (const auto& m : a.measures) n += m.projects.size();
        if (n > 0) ++areas_with_projects;
    }
    CHECK(occurrences(page, "<svg class=\"stage-bar\" data-focus-area=\"") == areas_with_projects);
    CHECK(occurrences(page, "<tr data-target-id=\"") == target_count(p));
    // 8 binding targets of 100, counted in the legends of the commitment bars
    CHECK(page.find("约束性 binding</span> <span class=\"count\">7</span>") != std::string::npos);  // area 8
}

TEST_CASE("html: text from the plan is escaped, never markup")
{
    plan p = make_clean_plan();
    p.title = "<script>alert('x')</script> & \"quoted\"";
    p.focus_areas.at(0).title = "<img src=x onerror=alert(1)>";
    p.focus_areas.at(0).targets.at(0).metric = std::string("bell\a, nul") + '\0' + ", bad \xFF byte, C1 \xC2\x85 end";
    p.focus_areas.at(0).targets.at(0).provenance.clause = "\"><a href=\"https://evil.example\">";
    for (const std::string& page : {render(p, report_format::html),
                                    render(p, progress_report(date(2025, 6, 30), evaluate_progress(p, date(2025, 6, 30))),
                                           report_format::html)}) {
        CHECK(page.find("<script>") == std::string::npos);
        CHECK(page.find("<img") == std::string::npos);
        CHECK(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;") != std::string::npos);
        CHECK(page.find("bell\xEF\xBF\xBD, nul\xEF\xBF\xBD, bad \xEF\xBF\xBD byte, C1 \xEF\xBF\xBD end") !=
              std::string::npos);
        CHECK(page.find('\0') == std::string::npos);
        CHECK(external_references(page).empty());
    }
}

TEST_CASE("html: bidirectional controls cannot reorder what the page shows")
{
    plan p = make_clean_plan();
    // U+202E (right-to-left override) and U+2066 (left-to-right isolate)
    p.focus_areas.at(0).targets.at(0).metric = "工业投资\u202E%51\u2066";
    const std::string page = render(p, report_format::html);
    CHECK(page.find("\u202E") == std::string::npos);
    CHECK(page.find("\u2066") == std::string::npos);
    CHECK(page.find("工业投资\uFFFD%51\uFFFD") != std::string::npos);
}

TEST_CASE("html: progress is found by position, and progress of another plan is refused")
{
    // two targets with one id (a plan validation would refuse): each keeps its own status
    plan p = make_clean_plan();
    auto& targets = p.focus_areas.at(0).targets;
    REQUIRE(!targets.empty());
    targets.push_back(targets.front());
    targets.back().metric = "第二个同名指标";
    targets.back().observations.push_back({date(2025, 6, 30), quantity{decimal(30, 0), targets.back().unit}, "", ""});
    const progress_report r(date(2025, 6, 30), evaluate_progress(p, date(2025, 6, 30)));
    const std::string page = render(p, r, report_format::html);
    const auto rows = observed_rows(page);
    REQUIRE(rows.size() == 1);
    const auto row = page.substr(page.find("<tr class=\"observed\""));
    CHECK(row.substr(0, row.find("</tr>")).find("第二个同名指标") != std::string::npos);

    CHECK_THROWS_AS((void)render(bundled(), r, report_format::html), std::invalid_argument);
    auto renamed = r;
    renamed.targets.at(0).target_id = "no-such-target";
    CHECK_THROWS_AS((void)render(p, renamed, report_format::html), std::invalid_argument);
}

TEST_CASE("html: a table renders as a page too")
{
    const table t{{"指标", "value"}, {{"<b>耕地</b>", "42"}}, {false, true}};
    const std::string page = render(t, report_format::html);
    CHECK(page.find("<th>指标</th><th class=\"num\">value</th>") != std::string::npos);
    CHECK(page.find("<td>&lt;b&gt;耕地&lt;/b&gt;</td><td class=\"num\">42</td>") != std::string::npos);
    CHECK(external_references(page).empty());
    CHECK_THROWS_AS((void)render(table{{"a"}, {{"1", "2"}}, {}}, report_format::html), std::invalid_argument);
}

TEST_CASE("html: a progress page without observations counts every target as no data")
{
    const auto& p = bundled();
    const progress_report r(date(2025, 6, 30), evaluate_progress(p, date(2025, 6, 30)));
    const std::string page = render(p, r, report_format::html);
    CHECK(observed_rows(page).empty());
    CHECK(page.find("Observed targets (0)") != std::string::npos);
    CHECK(page.find("暂无数据 no data</span> <span class=\"count\">100</span>") != std::string::npos);
}

TEST_CASE("save_report writes the page atomically and leaves the file on failure")
{
    temp_dir dir;
    const auto file = dir.path() / "report.html";
    const std::string page = render(bundled(), report_format::html);
    REQUIRE(save_report(page, file));
    CHECK(read_all(file) == page);
    const auto failed = save_report(page, dir.path() / "missing-folder" / "report.html");
    REQUIRE_FALSE(failed);
    CHECK(failed.error().code == errc::io_error);
    CHECK(read_all(file) == page);
}

// The extractor: the construction table (tests/data/extract-constructions.txt,
// sentences written apart from the rules), the bundled report scored against
// the hand-made plan, and the account of numerals.
#include <govplan/codes.hpp>
#include <govplan/dates.hpp>
#include <govplan/extract.hpp>
#include <govplan/json.hpp>
#include <govplan/validation.hpp>

#include <doctest/doctest.h>

#include "temp_dir.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace govplan;
using namespace govplan::literals;

namespace {

const std::filesystem::path source_dir(GOVPLAN_SOURCE_DIR);

std::vector<const target*> all_targets(const plan& p)
{
    std::vector<const target*> out;
    for (auto [t, at] : each_target(p)) out.push_back(&t);
    return out;
}

std::vector<const project*> all_projects(const plan& p)
{
    std::vector<const project*> out;
    for (auto [pr, at] : each_project(p)) out.push_back(&pr);
    return out;
}

std::string value_text(const target& t)
{
    if (t.comparator == comparator::range && t.low && t.high) return t.low->to_string() + "~" + t.high->to_string();
    return t.value ? t.value->to_string() : "-";
}

// A decimal as written in the table: "5.50" and "5.5" are the same number.
bool same_number(const std::string& a, const std::string& b)
{
    if (a == b) return true;
    auto split = [](const std::string& s) {
        std::vector<std::string> parts;
        std::size_t b0 = 0;
        for (std::size_t i = 0; i <= s.size(); ++i) {
            if (i == s.size() || s[i] == '~') {
                parts.push_back(s.substr(b0, i - b0));
                b0 = i + 1;
            }
        }
        return parts;
    };
    const auto x = split(a), y = split(b);
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
        auto dx = decimal::parse(x[i]);
        auto dy = decimal::parse(y[i]);
        if (!dx || !dy || *dx != *dy) return false;
    }
    return true;
}

// The tag value of a target, as the table writes it.
std::string tag(const target& t, const std::string& key)
{
    if (key == "metric") return t.metric;
    if (key == "trend") return t.trend ? std::string(to_code(*t.trend)) : "";
    if (key == "stretch") return t.stretch ? t.stretch->to_string() : "";
    if (key == "hedge") return std::string(to_code(t.hedge));
    if (key == "group") return t.group ? std::string(to_code(t.group->mode)) : "";
    if (key == "parent") return t.parent_id.empty() ? "no" : "yes";
    if (key == "deadline") return t.deadline ? to_iso_string(*t.deadline) : "";
    if (key == "scope") {
        if (!t.scope) return "";
        return (t.scope->count ? t.scope->count->to_string() : "") + t.scope->measure_word + t.scope->noun;
    }
    if (key == "per_capita") return t.per_capita ? "yes" : "no";
    if (key == "yearly_average") return t.yearly_average ? "yes" : "no";
    if (key == "cumulative") return t.cumulative ? "yes" : "no";
    if (key == "reference") return t.reference;
    if (key == "qualifier") return t.qualifier;
    if (key == "basis") return t.basis ? std::string(to_code(*t.basis)) : "";
    return "?";
}

// Why `t` differs from the expected line, or empty.
std::string mismatch(const target& t, const std::string& expected)
{
    std::istringstream in(expected);
    std::string kind, comp, value, unit_symbol, commit;
    in >> kind >> comp >> value >> unit_symbol >> commit;
    std::string why;
    if (kind != to_code(t.kind)) why += fmt::format(" kind {} (want {})", to_code(t.kind), kind);
    if (comp != to_code(t.comparator)) why += fmt::format(" comparator {} (want {})", to_code(t.comparator), comp);
    if (!same_number(value_text(t), value)) why += fmt::format(" value {} (want {})", value_text(t), value);
    const std::string got_unit = t.unit.empty() ? "-" : t.unit.symbol();
    if (got_unit != unit_symbol) why += fmt::format(" unit {} (want {})", got_unit, unit_symbol);
    if (commit != to_code(t.commitment)) why += fmt::format(" commitment {} (want {})", to_code(t.commitment), commit);
    for (std::string kv; in >> kv;) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = kv.substr(0, eq), want = kv.substr(eq + 1), got = tag(t, key);
        const bool ok = key == "metric" ? got.find(want) != std::string::npos
                        : key == "stretch" ? same_number(got, want)
                        : key == "scope"   ? got.find(want) != std::string::npos || want.find(got) != std::string::npos
                                           : got == want;
        if (!ok || got.empty()) why += fmt::format(" {}={} (want {})", key, got, want);
    }
    return why;
}

struct table_case {
    std::string construction;
    std::string sentence;
    std::vector<std::string> targets;
    std::vector<std::pair<std::string, std::string>> projects;  // name, stage
    std::vector<std::pair<std::string, std::string>> aside;     // numeral, reason
    int line = 0;
};

std::vector<table_case> read_table(const char* name = "extract-constructions.txt")
{
    const std::string text = govplan::testing::read_all(source_dir / "tests/data" / name);
    std::vector<table_case> cases;
    std::string construction;
    std::istringstream in(text);
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (line.starts_with("## ")) {
            construction = line.substr(3);
        } else if (line.starts_with("> ")) {
            cases.push_back({construction, line.substr(2), {}, {}, {}, line_no});
        } else if (line.starts_with("= ") && !cases.empty()) {
            cases.back().targets.push_back(line.substr(2));
        } else if (line.starts_with("+ ") && !cases.empty()) {
            std::istringstream l(line.substr(2));
            std::string project_name, stage;
            l >> project_name >> stage;
            cases.back().projects.emplace_back(project_name, stage);
        } else if (line.starts_with("- ") && !cases.empty()) {
            std::istringstream l(line.substr(2));
            std::string numeral, reason;
            l >> numeral >> reason;
            cases.back().aside.emplace_back(numeral, reason);
        }
    }
    return cases;
}

// The failures of one case, or empty.
std::string run_case(const table_case& c)
{
    extract_options options;
    options.year = 2025;
    const auto x = extract(c.sentence, options);
    if (!x) return "extract failed: " + x.error().to_string();
    std::string why;
    const auto got = all_targets(x->draft);
    if (got.size() != c.targets.size()) {
        why += fmt::format("\n  {} targets, want {}:", got.size(), c.targets.size());
        for (const auto* t : got)
            why += fmt::format("\n    got {} {} {} {} {} metric={}", to_code(t->kind), to_code(t->comparator),
                               value_text(*t), t->unit.symbol(), to_code(t->commitment), t->metric);
    }
    for (std::size_t i = 0; i < std::min(got.size(), c.targets.size()); ++i) {
        if (auto m = mismatch(*got[i], c.targets[i]); !m.empty()) why += fmt::format("\n  target {}:{}", i + 1, m);
    }
    const auto projects = all_projects(x->draft);
    for (const auto& [name, stage] : c.projects) {
        const bool found = std::any_of(projects.begin(), projects.end(), [&](const project* p) {
            // a capacity is kept apart from the name (年产5万吨 | 锂电池正极材料项目)
            const bool same_name = p->name == name || (!p->capacity.empty() && name.find(p->capacity) != std::string::npos &&
                                                       name.substr(0, name.find(p->capacity)) +
                                                               name.substr(name.find(p->capacity) + p->capacity->size()) ==
                                                           p->name);
            return same_name && to_code(p->stage) == stage;
        });
        if (!found) why += fmt::format("\n  no project {} ({})", name, stage);
    }
    for (const auto& [numeral, reason] : c.aside) {
        // the numeral as a whole: not inside a longer run of digits (5 in 2025年5月)
        auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
        std::size_t at = c.sentence.find(numeral);
        while (at != std::string::npos && ((at > 0 && digit(c.sentence[at - 1])) ||
                                           (at + numeral.size() < c.sentence.size() &&
                                            digit(c.sentence[at + numeral.size()]) && digit(numeral.back()))))
            at = c.sentence.find(numeral, at + 1);
        const bool found = std::any_of(x->numerals.begin(), x->numerals.end(), [&](const numeral_record& r) {
            return r.span.offset == at && r.use == numeral_use::set_aside && to_code(r.reason) == reason;
        });
        if (!found) {
            std::string what = "not recorded";
            for (const auto& r : x->numerals) {
                if (r.span.offset == at)
                    what = fmt::format("{} {} {}", to_code(r.use), to_code(r.reason), r.element_id);
            }
            why += fmt::format("\n  numeral {} not set aside as {} ({})", numeral, reason, what);
        }
    }
    return why;
}

}  // namespace

TEST_CASE("extract: the construction table, sentences written apart from the rules")
{
    const auto cases = read_table();
    REQUIRE(cases.size() >= 200);
    std::map<std::string, std::pair<int, int>> by_construction;  // passed, total
    int passed = 0;
    std::string failures;
    for (const auto& c : cases) {
        const std::string why = run_case(c);
        auto& [ok, total] = by_construction[c.construction];
        ++total;
        if (why.empty()) {
            ++ok;
            ++passed;
        } else {
            failures += fmt::format("\nline {} [{}] {}{}", c.line, c.construction, c.sentence, why);
        }
    }
    int constructions_passing = 0;
    for (const auto& [name, counts] : by_construction) {
        if (counts.first >= 2) ++constructions_passing;
    }
    MESSAGE(fmt::format("construction table: {} of {} sentences; {} of {} constructions with at least two passing",
                        passed, cases.size(), constructions_passing, by_construction.size()));
    if (std::getenv("GOVPLAN_EXTRACT_VERBOSE")) MESSAGE(failures);
    // Every sentence is an expectation: all of them hold, so every construction
    // of the issue is read in at least two sentences.
    CHECK_MESSAGE(failures.empty(), failures);
    for (const auto& [name, counts] : by_construction) {
        CAPTURE(name);
        CHECK(counts.first >= 2);
    }
}

namespace {

std::string without_quotes(std::string s)
{
    for (std::string_view q : {"“", "”", "‘", "’", "\"", " ", "　"}) {
        for (auto at = s.find(q); at != std::string::npos; at = s.find(q)) s.erase(at, q.size());
    }
    return s;
}

// The metric agrees when one names the other: 融资 and 科技金融融资, 新开工项目 and 新开工项目.
bool metric_agrees(const std::string& got, const std::string& want)
{
    const std::string a = without_quotes(got), b = without_quotes(want);
    auto code_points = [](const std::string& x) {
        return std::count_if(x.begin(), x.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0u) != 0x80u; });
    };
    if (code_points(a) < 2 || code_points(b) < 2) return a == b;
    return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

bool overlaps(const provenance& a, const provenance& b)
{
    if (!a.offset || !b.offset) return false;
    const auto a0 = *a.offset, a1 = a0 + a.clause.size(), b0 = *b.offset, b1 = b0 + b.clause.size();
    return a0 < b1 && b0 < a1;
}

bool same_value(const target& a, const target& b)
{
    return a.value == b.value && a.low == b.low && a.high == b.high;
}

// The fields the score counts, and which of them differ.
std::string differences(const target& got, const target& want)
{
    std::string d;
    if (got.kind != want.kind) d += fmt::format(" kind {}≠{}", to_code(got.kind), to_code(want.kind));
    if (got.comparator != want.comparator)
        d += fmt::format(" comparator {}≠{}", to_code(got.comparator), to_code(want.comparator));
    if (!same_value(got, want)) d += fmt::format(" value {}≠{}", value_text(got), value_text(want));
    if (got.unit.symbol() != want.unit.symbol()) d += fmt::format(" unit {}≠{}", got.unit.symbol(), want.unit.symbol());
    if (got.commitment != want.commitment)
        d += fmt::format(" commitment {}≠{}", to_code(got.commitment), to_code(want.commitment));
    if (!metric_agrees(got.metric, want.metric)) d += fmt::format(" metric {}≠{}", got.metric, want.metric);
    return d;
}

struct score {
    std::size_t expected = 0, extracted = 0, right = 0, found = 0;
    std::string report;
    [[nodiscard]] double precision() const { return extracted ? double(right) / double(extracted) : 0; }
    [[nodiscard]] double recall() const { return expected ? double(right) / double(expected) : 0; }
};

score score_targets(const plan& got_plan, const plan& want_plan)
{
    score s;
    const auto got = all_targets(got_plan);
    const auto want = all_targets(want_plan);
    s.expected = want.size();
    s.extracted = got.size();
    std::vector<bool> taken(got.size(), false);
    for (const auto* w : want) {
        // the extracted target over the same words with the same value, fewest differences first
        std::size_t best = got.size();
        std::size_t best_diff = 99;
        for (std::size_t i = 0; i < got.size(); ++i) {
            if (taken[i] || !overlaps(got[i]->provenance, w->provenance) || !same_value(*got[i], *w)) continue;
            const auto d = differences(*got[i], *w);
            const std::size_t n = static_cast<std::size_t>(std::count(d.begin(), d.end(), '\xe2'));  // one ≠ per field
            if (n < best_diff) {
                best_diff = n;
                best = i;
            }
        }
        if (best == got.size()) {
            s.report += fmt::format("\n  missed {} {} ({})", w->id, w->metric, w->provenance.clause);
            continue;
        }
        taken[best] = true;
        ++s.found;
        const auto d = differences(*got[best], *w);
        if (d.empty()) {
            ++s.right;
        } else {
            s.report += fmt::format("\n  {} as {}:{}", w->id, got[best]->id, d);
        }
    }
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!taken[i])
            s.report += fmt::format("\n  extra {} {} {} ({})", got[i]->id, got[i]->metric, value_text(*got[i]),
                                    got[i]->provenance.clause);
    }
    return s;
}

score score_projects(const plan& got_plan, const plan& want_plan)
{
    score s;
    const auto got = all_projects(got_plan);
    const auto want = all_projects(want_plan);
    s.expected = want.size();
    s.extracted = got.size();
    std::vector<bool> taken(got.size(), false);
    for (const auto* w : want) {
        bool matched = false;
        for (std::size_t i = 0; i < got.size() && !matched; ++i) {
            if (taken[i] || !metric_agrees(got[i]->name, w->name)) continue;
            if (!got[i]->provenance.offset || !w->provenance.offset) continue;
            const auto a = *got[i]->provenance.offset, b = *w->provenance.offset;
            if ((a > b ? a - b : b - a) > 300) continue;  // the same sentence, not a namesake elsewhere
            taken[i] = true;
            matched = true;
            ++s.found;
            ++s.right;
        }
        if (!matched) s.report += fmt::format("\n  missed project {} {}", w->id, w->name);
    }
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!taken[i]) s.report += fmt::format("\n  extra project {} {}", got[i]->id, got[i]->name);
    }
    return s;
}

}  // namespace

TEST_CASE("extract: the first held-out table, now a second construction table")
{
    // tests/data/extract-heldout.txt was written by a second helper that saw
    // neither the rules nor the first table, and measured untouched (129, then
    // 132 of 140). Its failures then showed six constructions the rules missed;
    // since they were fixed it is a regression table like the first, and
    // tests/data/extract-heldout-2.txt is the unseen measure.
    std::string failures;
    std::size_t passed = 0;
    const auto cases = read_table("extract-heldout.txt");
    REQUIRE(cases.size() >= 100);
    for (const auto& c : cases) {
        const std::string why = run_case(c);
        if (why.empty()) ++passed;
        else failures += fmt::format("\nline {} [{}] {}{}", c.line, c.construction, c.sentence, why);
    }
    MESSAGE(fmt::format("first held-out table: {} of {} sentences", passed, cases.size()));
    CHECK_MESSAGE(failures.empty(), failures);
}

TEST_CASE("extract: held-out sentences, measured and never tuned to")
{
    // tests/data/extract-heldout-2.txt was written by a third helper that saw
    // neither the rules nor the other tables. The rules are not changed to pass
    // it: its score measures how the extractor carries to unseen text.
    const auto cases = read_table("extract-heldout-2.txt");
    REQUIRE(cases.size() >= 100);
    std::size_t passed = 0, targets_expected = 0, targets_right = 0;
    std::string failures;
    for (const auto& c : cases) {
        const std::string why = run_case(c);
        if (why.empty()) ++passed;
        else failures += fmt::format("\nline {} [{}] {}{}", c.line, c.construction, c.sentence, why);
        targets_expected += c.targets.size();
        extract_options options;
        options.year = 2025;
        const auto x = extract(c.sentence, options);
        REQUIRE(x.has_value());
        const auto got = all_targets(x->draft);
        for (std::size_t i = 0; i < std::min(got.size(), c.targets.size()); ++i) {
            if (got.size() == c.targets.size() && mismatch(*got[i], c.targets[i]).empty()) ++targets_right;
        }
    }
    MESSAGE(fmt::format("held-out sentences: {} of {} pass in full; {} of {} expected targets right", passed,
                        cases.size(), targets_right, targets_expected));
    if (std::getenv("GOVPLAN_EXTRACT_VERBOSE")) MESSAGE(failures);
    // A floor under the measured figure (docs/extraction.md), so that a change
    // that reads unseen text worse fails.
    CHECK(double(passed) / double(cases.size()) >= 0.93);
    CHECK(double(targets_right) / double(std::max<std::size_t>(targets_expected, 1)) >= 0.94);
}

TEST_CASE("extract: the bundled report against the hand-made plan")
{
    const std::string text = govplan::testing::read_all(source_dir / "data/yancheng-2025.txt");
    const plan want = load_json(source_dir / "data/yancheng-2025.json").value();
    const auto x = extract(text);
    REQUIRE(x.has_value());
    const plan& got = x->draft;
    CHECK(got.year == 2025);
    CHECK(got.focus_areas.size() == want.focus_areas.size());
    for (std::size_t i = 0; i < std::min(got.focus_areas.size(), want.focus_areas.size()); ++i) {
        CAPTURE(i);
        CHECK(got.focus_areas[i].title == want.focus_areas[i].title);
        CHECK(got.focus_areas[i].aim == want.focus_areas[i].aim);
        CHECK(got.focus_areas[i].measures.size() == want.focus_areas[i].measures.size());
    }
    // Every recorded clause is the text at its offset.
    for (auto [t, at] : each_target(got)) {
        REQUIRE(t.provenance.offset);
        CHECK(text.compare(*t.provenance.offset, t.provenance.clause.size(), t.provenance.clause) == 0);
    }
    const auto errors = std::count_if(x->numerals.begin(), x->numerals.end(), [](const numeral_record& r) {
        return r.span.offset + r.span.length > 0 && r.use == numeral_use::set_aside &&
               r.reason == set_aside_reason::unclear;
    });
    const score targets = score_targets(got, want);
    const score projects = score_projects(got, want);
    MESSAGE(fmt::format("targets: {} expected, {} extracted, {} paired, {} with every field right: precision {:.3f}, "
                        "recall {:.3f}; projects: {} expected, {} extracted, {} matched: precision {:.3f}, recall "
                        "{:.3f}; numerals unclear: {}",
                        targets.expected, targets.extracted, targets.found, targets.right, targets.precision(),
                        targets.recall(), projects.expected, projects.extracted, projects.right, projects.precision(),
                        projects.recall(), errors));
    if (std::getenv("GOVPLAN_EXTRACT_VERBOSE")) MESSAGE(std::string(targets.report + projects.report));
    // The bar for targets (0.95; measured 0.96, docs/extraction.md) and a
    // floor a little under the measured figure for projects: a change that makes
    // the extractor worse on the bundled report fails here.
    CHECK(targets.precision() >= 0.95);
    CHECK(targets.recall() >= 0.95);
    CHECK(projects.precision() >= 0.90);
    CHECK(projects.recall() >= 0.85);
    const auto diagnostics = validate(got);
    CHECK(std::none_of(diagnostics.begin(), diagnostics.end(),
                       [](const diagnostic& d) { return d.severity == severity::error; }));
}

namespace {

// A whole report of our own: a title, the review, the plan heading, the main
// indicators, two focus areas with numbered measures, the closing words.
const std::string whole_report =
    "示范市人民政府工作报告\n"
    "（2025年1月10日）\n"
    "一、2024年工作回顾\n"
    "过去一年，全市地区生产总值增长5.5%，新增城镇就业3万人。\n"
    "二、2025年工作安排\n"
    "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇调查失业率控制在5.5%以内。\n"
    "（一）做强实体经济，推动产业升级。全年新增规上工业企业50家。\n"
    "1.培育先进制造业。力争规上工业增加值增长8%。新开工东湖产业园、西山物流基地等项目20个。\n"
    "2.扩大有效投资。固定资产投资增长7%以上。\n"
    "（二）办好民生实事，增进人民福祉。\n"
    "稳定就业。城镇新增就业2.5万人，其中高校毕业生1万人。\n"
    "各位代表，让我们团结奋斗，完成全年目标任务！\n";

void check_account(const std::string& text, const extraction& x)
{
    // Every numeral inside the input, on UTF-8 boundaries; every clause is the text at its offset.
    auto boundary = [&](std::uint64_t i) {
        return i == text.size() || (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xc0u) != 0x80u);
    };
    for (const auto& n : x.numerals) {
        REQUIRE(n.span.offset + n.span.length <= text.size());
        CHECK(boundary(n.span.offset));
        CHECK(boundary(n.span.offset + n.span.length));
        CHECK(n.span.length > 0);
        CHECK((n.use == numeral_use::set_aside) == (n.reason != set_aside_reason::none));
    }
    auto at_offset = [&](const provenance& p) {
        REQUIRE(p.offset);
        CHECK(text.compare(*p.offset, p.clause.size(), p.clause) == 0);
    };
    for (auto [t, at] : each_target(x.draft)) at_offset(t.provenance);
    for (auto [p, at] : each_project(x.draft)) at_offset(p.provenance);
    const auto diagnostics = validate(x.draft);
    for (const auto& d : diagnostics) {
        CAPTURE(d.path);
        CAPTURE(d.message);
        CHECK(d.severity != severity::error);
    }
}

const target* target_with_metric(const plan& p, std::string_view metric)
{
    const target* found = nullptr;
    for (auto [t, at] : each_target(p)) {
        if (!found && t.metric.find(metric) != std::string::npos) found = &t;
    }
    return found;
}

}  // namespace

TEST_CASE("extract: a whole report: the review left out, headings, measures, main indicators")
{
    const auto x = extract(whole_report);
    REQUIRE(x.has_value());
    check_account(whole_report, *x);
    const plan& p = x->draft;
    CHECK(p.year == 2025);
    CHECK(to_iso_string(p.report_date) == "2025-01-10");
    CHECK(p.title == "示范市人民政府工作报告");
    REQUIRE(p.focus_areas.size() == 3);
    CHECK(p.focus_areas[0].title == "主要预期目标");
    CHECK(p.focus_areas[0].targets.size() == 2);
    CHECK(p.focus_areas[1].title == "做强实体经济");
    CHECK(p.focus_areas[1].aim == "推动产业升级");
    CHECK(p.focus_areas[1].targets.size() == 1);  // 新增规上工业企业50家, in the area's own paragraph
    REQUIRE(p.focus_areas[1].measures.size() == 2);
    CHECK(p.focus_areas[1].measures[0].lead == "培育先进制造业");
    CHECK(p.focus_areas[1].measures[1].lead == "扩大有效投资");
    CHECK(p.focus_areas[2].title == "办好民生实事");
    REQUIRE(p.focus_areas[2].measures.size() == 1);
    CHECK(p.focus_areas[2].measures[0].lead == "稳定就业");

    // the review: its figures set aside, the section recorded
    REQUIRE(!x->skipped.empty());
    CHECK(std::any_of(x->skipped.begin(), x->skipped.end(), [](const skipped_section& s) {
        return s.reason.find("review") != std::string::npos;
    }));
    const auto review_at = whole_report.find("5.5%");
    const auto review = std::find_if(x->numerals.begin(), x->numerals.end(),
                                     [&](const numeral_record& r) { return r.span.offset == review_at; });
    REQUIRE(review != x->numerals.end());
    CHECK(review->reason == set_aside_reason::review);
    CHECK(target_with_metric(p, "城镇调查失业率") != nullptr);
    CHECK(x->set_aside_count(set_aside_reason::numbering) >= 4);  // 一、二、（一）（二）1. 2.

    // the projects of a 等 list, linked to their count
    const target* started = target_with_metric(p, "新开工");
    REQUIRE(started != nullptr);
    CHECK(started->value == decimal::from_integer(20));
    CHECK(started->project_ids.size() == 2);
    const auto projects = all_projects(p);
    REQUIRE(projects.size() == 2);
    CHECK(projects[0]->name == "东湖产业园");
    CHECK(projects[0]->stage == project_stage::start);
    CHECK(projects[1]->name == "西山物流基地");

    // 其中: a part of the target before it
    const target* graduates = target_with_metric(p, "高校毕业生");
    const target* jobs = target_with_metric(p, "城镇新增就业");
    REQUIRE(graduates != nullptr);
    REQUIRE(jobs != nullptr);
    CHECK(graduates->parent_id == jobs->id);
    CHECK(target_with_metric(p, "规上工业增加值")->commitment == commitment::aspirational);
}

TEST_CASE("extract: text without headings goes into one untitled area and measure")
{
    const std::string text = "全县粮食总产量稳定在60万吨以上。\n城镇新增就业5000人。\n新建农村公路30公里。\n";
    extract_options options;
    options.year = 2025;
    const auto x = extract(text, options);
    REQUIRE(x.has_value());
    check_account(text, *x);
    REQUIRE(x->draft.focus_areas.size() == 1);
    CHECK(x->draft.focus_areas[0].title == "（未命名）");
    REQUIRE(x->draft.focus_areas[0].measures.size() == 1);
    CHECK(x->draft.focus_areas[0].measures[0].targets.size() == 3);
    CHECK(!x->notes.empty());  // the untitled area, the measure without a lead, the report date
}

TEST_CASE("extract: errors name where they are")
{
    const std::string bad = std::string("全年新增就业5000人") + "\xff" + "以上。";
    extract_options options;
    options.year = 2025;
    const auto x = extract(bad, options);
    REQUIRE(!x.has_value());
    CHECK(x.error().code == make_error_code(errc::invalid_value));
    REQUIRE(x.error().byte_offset.has_value());
    CHECK(*x.error().byte_offset == bad.find('\xff'));
    // a NUL byte is not text either
    const auto nul = extract(std::string("全年\0新增", 8), options);
    REQUIRE(!nul.has_value());
    CHECK(*nul.error().byte_offset == 6);

    const auto no_year = extract("全年新增就业5000人以上。");
    REQUIRE(!no_year.has_value());
    CHECK(no_year.error().code == make_error_code(errc::missing_field));
    CHECK(no_year.error().message.find("plan year") != std::string::npos);
}

TEST_CASE("extract: cue words and units a user adds")
{
    extract_options options;
    options.year = 2025;
    options.binding_cues = {"务必"};
    options.units.add({"千元", dimension::money, "元", {1000, 1}, ""});
    const std::string text = "务必完成技改投资500千元以上，新增税收300千元。";
    const auto x = extract(text, options);
    REQUIRE(x.has_value());
    check_account(text, *x);
    const auto targets = all_targets(x->draft);
    REQUIRE(targets.size() == 2);
    CHECK(targets[0]->commitment == commitment::binding);
    CHECK(targets[0]->unit.symbol() == "千元");
    CHECK(targets[1]->commitment == commitment::expected);
    // the plan carries the unit it uses beyond the standard ones
    REQUIRE(x->draft.units.size() == 1);
    CHECK(x->draft.units[0].symbol() == "千元");
    // without the unit, 千元 is not read as one
    extract_options plain;
    plain.year = 2025;
    const auto y = extract(text, plain);
    REQUIRE(y.has_value());
    for (const auto* t : all_targets(y->draft)) CHECK(t->unit.symbol() != "千元");
}

TEST_CASE("extract: full-width digits and spaces are read, the original bytes recorded")
{
    const std::string text = "全市规上工业增加值增长 ８．５％左右，新增就业 3.6 万人。";
    extract_options options;
    options.year = 2025;
    const auto x = extract(text, options);
    REQUIRE(x.has_value());
    check_account(text, *x);
    const auto targets = all_targets(x->draft);
    REQUIRE(targets.size() == 2);
    CHECK(targets[0]->value == "8.5"_dec);
    CHECK(targets[0]->comparator == comparator::about);
    REQUIRE(targets[0]->value_span.has_value());
    CHECK(text.substr(targets[0]->value_span->offset, targets[0]->value_span->length) == "８．５");
    CHECK(targets[1]->value == "3.6"_dec);
    CHECK(targets[1]->unit.symbol() == "万人");
}

TEST_CASE("extract: every table sentence and the bundled text keep the account's invariants")
{
    for (const char* name : {"extract-constructions.txt", "extract-heldout.txt", "extract-heldout-2.txt"}) {
        for (const auto& c : read_table(name)) {
            CAPTURE(c.sentence);
            extract_options options;
            options.year = 2025;
            const auto x = extract(c.sentence, options);
            REQUIRE(x.has_value());
            check_account(c.sentence, *x);
        }
    }
    const std::string text = govplan::testing::read_all(source_dir / "data/yancheng-2025.txt");
    const auto x = extract(text);
    REQUIRE(x.has_value());
    check_account(text, *x);
}

TEST_CASE("extract: the investment of a project named just before")
{
    const std::string text = "加快建设东湖智能制造产业园，总投资35亿元，年度计划投资8亿元。实施科技创新项目300个、总投资30亿元以上。";
    extract_options options;
    options.year = 2025;
    const auto x = extract(text, options);
    REQUIRE(x.has_value());
    check_account(text, *x);
    const auto projects = all_projects(x->draft);
    REQUIRE(projects.size() == 1);
    CHECK(projects[0]->name == "东湖智能制造产业园");
    REQUIRE(projects[0]->total_investment.has_value());
    CHECK(to_string(*projects[0]->total_investment) == "35亿元");
    REQUIRE(projects[0]->investment_this_year.has_value());
    CHECK(to_string(*projects[0]->investment_this_year) == "8亿元");
    // after a count of projects, 总投资 is a target of its own
    const auto targets = all_targets(x->draft);
    REQUIRE(targets.size() == 2);
    CHECK(targets[1]->metric == "总投资");
    CHECK(targets[1]->value == decimal::from_integer(30));
    const auto used = std::count_if(x->numerals.begin(), x->numerals.end(), [](const numeral_record& r) {
        return r.use == numeral_use::project_detail;
    });
    CHECK(used == 2);
}

TEST_CASE("extract: inputs a review found (no exception, nothing lost, nothing misread)")
{
    extract_options options;
    options.year = 2025;
    auto run = [&](const std::string& text) {
        CAPTURE(text);
        auto x = extract(text, options);
        REQUIRE(x.has_value());
        check_account(text, *x);
        return std::move(x).value();
    };
    // a 4-code-point numeral before 年 that is not a year: no std::stoi on 百分之5
    (void)run("百分之5年内新增企业10家。");
    // Chinese numerals beyond 18 digits: refused as numbers, no overflow
    (void)run("一千万万万亿元。一百万万亿元。九千九百九十九万亿亿。");
    // digits beyond what a decimal holds: recorded, set aside as unclear
    {
        const std::string text = "新增企业12345678901234567890家。";
        const auto x = run(text);
        REQUIRE(x.numerals.size() == 1);
        CHECK(x.numerals[0].reason == set_aside_reason::unclear);
        CHECK(x.numerals[0].span.length == 20);
    }
    // a registry without % makes 全覆盖 a target that is left out, not an exception
    {
        extract_options bare;
        bare.year = 2025;
        bare.units = unit_registry();
        const auto x = extract("实现行政村5G网络全覆盖。", bare);
        REQUIRE(x.has_value());
        CHECK(target_count(x->draft) == 0);
        CHECK(!x->notes.empty());
    }
    // a full-width comma is a clause mark, never a thousands separator
    {
        const auto x = run("新增企业15，300个项目开工。");
        for (const auto* t : all_targets(x.draft)) CHECK(t->value != decimal::from_integer(15300));
    }
    // a tab or two spaces between digits keep two numbers apart; one space before three digits groups
    {
        const auto x = run("完成投资12\t34亿元。");
        CHECK(x.numerals.size() == 2);
        const auto y = run("完成投资1 200亿元。");
        REQUIRE(all_targets(y.draft).size() == 1);
        CHECK(all_targets(y.draft)[0]->value == decimal::from_integer(1200));
    }
    // a stray opening quote does not make the rest of the paragraph a name
    {
        const auto x = run("推动“高质量发展。全年新增规上工业企业50家。");
        REQUIRE(all_targets(x.draft).size() == 1);
        CHECK(all_targets(x.draft)[0]->value == decimal::from_integer(50));
    }
    // projects named in a focus area's own paragraph are kept, in a measure named after the area
    {
        const auto x = run("（一）聚焦发展，提升质量。加快建设东湖产业园、西山物流基地。\n稳定就业。新增就业5000人。");
        REQUIRE(x.draft.focus_areas.size() == 1);
        REQUIRE(x.draft.focus_areas[0].measures.size() == 2);
        CHECK(x.draft.focus_areas[0].measures[0].lead == "聚焦发展");
        CHECK(x.draft.focus_areas[0].measures[0].projects.size() == 2);
        CHECK(x.draft.focus_areas[0].measures[1].lead == "稳定就业");
    }
    // the plan year from what names the plan, not from a year the review mentions first
    {
        const std::string text = "一、2024年工作回顾\n2024年政府工作报告确定的目标全面完成。\n二、2025年重点工作安排\n新增就业5000人。\n";
        const auto x = extract(text);
        REQUIRE(x.has_value());
        CHECK(x->draft.year == 2025);
    }
    // a list of thousands of subjects gives each target a bounded clause
    {
        std::string text;
        for (int i = 0; i < 2000; ++i) text += "甲乙丙丁" + std::to_string(i % 10) + "号、";
        text += "覆盖率明显提高。";
        const auto x = run(text);
        for (auto [t, at] : each_target(x.draft)) {
            CHECK(t.provenance.clause.size() <= 160 * 4);
        }
    }
}

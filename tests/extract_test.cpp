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

namespace {

const std::filesystem::path source_dir(GOVPLAN_SOURCE_DIR);

std::vector<const target*> all_targets(const plan& p)
{
    std::vector<const target*> out;
    for_each_target(p, [&](const target& t, const element_position&) { out.push_back(&t); });
    return out;
}

std::vector<const project*> all_projects(const plan& p)
{
    std::vector<const project*> out;
    for_each_project(p, [&](const project& pr, const element_position&) { out.push_back(&pr); });
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
    const std::string got_unit = t.unit.empty() ? "-" : t.unit.symbol;
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
                               value_text(*t), t->unit.symbol, to_code(t->commitment), t->metric);
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
                                                               name.substr(name.find(p->capacity) + p->capacity.size()) ==
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
    if (got.unit.symbol != want.unit.symbol) d += fmt::format(" unit {}≠{}", got.unit.symbol, want.unit.symbol);
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

TEST_CASE("extract: held-out sentences, measured and never tuned to")
{
    // tests/data/extract-heldout.txt was written by a second helper that saw
    // neither the rules nor the first table. The rules are not changed to pass
    // it: its score measures how the extractor carries to unseen text.
    const auto cases = read_table("extract-heldout.txt");
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
    CHECK(double(passed) / double(cases.size()) >= 0.90);
    CHECK(double(targets_right) / double(targets_expected) >= 0.90);
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
    for_each_target(got, [&](const target& t, const element_position&) {
        REQUIRE(t.provenance.offset);
        CHECK(text.compare(*t.provenance.offset, t.provenance.clause.size(), t.provenance.clause) == 0);
    });
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
    // Floors a little under the measured figures (docs/extraction.md): a change
    // that makes the extractor worse on the bundled report fails here.
    CHECK(targets.precision() >= 0.92);
    CHECK(targets.recall() >= 0.92);
    CHECK(projects.precision() >= 0.90);
    CHECK(projects.recall() >= 0.85);
    const auto diagnostics = validate(got);
    CHECK(std::none_of(diagnostics.begin(), diagnostics.end(),
                       [](const diagnostic& d) { return d.severity == severity::error; }));
}

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

std::vector<table_case> read_table()
{
    const std::string text = govplan::testing::read_all(source_dir / "tests/data/extract-constructions.txt");
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
            std::string name, stage;
            l >> name >> stage;
            cases.back().projects.emplace_back(name, stage);
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

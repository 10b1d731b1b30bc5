// The fuzz targets: what each harness does with one input. Shared by the
// libFuzzer harnesses (tests/fuzz/*_fuzz.cpp, built with clang by
// tools/fuzz.sh) and by tests/fuzz_regression_test.cpp, which runs every
// committed seed and past finding through the same code in the normal suite.
//
// A target returns normally for any input; it aborts (a finding) only when
// govplan breaks one of its own promises: a loaded plan that does not
// re-serialise to an equivalent plan, a decimal that does not print back as
// written, a conversion that is not exact.
#pragma once

#include <govplan/aggregation.hpp>
#include <govplan/archive.hpp>
#include <govplan/comparison.hpp>
#include <govplan/decimal.hpp>
#include <govplan/extract.hpp>
#include <govplan/filter.hpp>
#include <govplan/json.hpp>
#include <govplan/plan_index.hpp>
#include <govplan/progress.hpp>
#include <govplan/report.hpp>
#include <govplan/unit.hpp>
#include <govplan/validation.hpp>

#include <boost/crc.hpp>

#include "../../src/json_direct.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

namespace govplan::fuzz {

/// Thrown instead of aborting when GOVPLAN_FUZZ_FINDING_THROWS is defined
/// (the regression test), so that a finding fails one check, not the run.
struct finding_error : std::logic_error {
    using std::logic_error::logic_error;
};

[[noreturn]] inline void finding(const char* what)
{
#ifdef GOVPLAN_FUZZ_FINDING_THROWS
    throw finding_error(what);
#else
    std::fprintf(stderr, "govplan fuzz finding: %s\n", what);
    std::abort();
#endif
}

/// Calls every public operation on a plan that loaded: none may throw for
/// data reasons (an exception escaping is a finding), and what is written
/// from it must read back. Returns how many diagnostics and error values the
/// calls reported.
inline std::size_t exercise(const plan& p)
{
    std::size_t reported = validate(p).size();
    const plan_index index(p);
    for (auto [t, at] : each_target(p)) {
        (void)index.projects_of(t);
        (void)find_target(p, t.id);
    }
    for (auto key : {group_by::focus_area, group_by::measure, group_by::kind, group_by::comparator,
                     group_by::commitment, group_by::dimension, group_by::unit, group_by::category,
                     group_by::stage}) {
        const auto groups = aggregate_targets(p, key);
        if (groups) (void)render(to_table(*groups), report_format::text);
        else ++reported;
    }
    const project_counts counts = count_projects(p);
    (void)render(stage_table(counts), report_format::markdown);
    (void)render(category_table(counts), report_format::csv);
    (void)render(to_table(declared_versus_named(p)), report_format::json);
    for (const date as_of : {date(2025, 6, 30), date(1400, 1, 1), date(9999, 12, 30)}) {
        const auto progress = evaluate_progress(p, as_of);
        (void)render(to_table(p, progress), report_format::text);
        (void)render(to_table(rollup_progress(p, progress)), report_format::json);
        // the page: whatever the plan's text, no markup of its own and no NUL gets through
        const std::string page = render(p, progress_report(as_of, progress), report_format::html);
        if (page.find("<script") != std::string::npos || page.find('\0') != std::string::npos) {
            finding("plan text reached the HTML page unescaped");
        }
    }
    (void)render(p, report_format::html);
    (void)render(targets_table(p), report_format::csv);
    (void)render(focus_area_table(p), report_format::text);
    (void)render(to_table(diff(plan{}, p)), report_format::text);
    (void)line_up({&p}, "地区生产总值");
    (void)select(p, element_filter{});
    if (const auto back = plan_from_json(plan_to_json(p)); !back) {
        std::fprintf(stderr, "%s\n", back.error().to_string().c_str());
        finding("a plan that loaded writes JSON that does not read back");
    }
    for (auto kind : {archive_kind::text, archive_kind::xml, archive_kind::binary}) {
        const auto bytes = plan_to_archive(p, kind);
        if (!bytes) {
            ++reported;
            continue;
        }
        if (!plan_from_archive(*bytes)) finding("a plan that loaded writes an archive that does not read back");
    }
    return reported;
}

/// JSON loader: any text either fails cleanly or loads a plan that writes
/// and reads back to the same plan and the same text.
inline void json_target(std::string_view text)
{
    json_read_options options;
    options.limits.max_bytes = 1u << 20;
    // The direct reader may give up on anything, but what it reads, the tree
    // reader must read the same (src/json_direct.hpp).
    if (text.size() <= options.limits.max_bytes) {
        if (auto direct = detail::read_plan_directly(text, options.limits, unit_registry::standard())) {
            const auto tree = detail::read_plan_by_tree(text, options);
            if (!tree) finding("the direct JSON reader took a document the tree reader refuses");
            if (!(*tree == *direct)) finding("the direct and tree JSON readers read different plans");
        }
    }
    auto p = plan_from_json(text, options);
    if (!p) {
        if (p.error().message.empty()) finding("an error without a message");
        return;
    }
    (void)exercise(*p);
    const std::string written = plan_to_json(*p);
    auto again = plan_from_json(written);
    if (!again) finding("a loaded plan does not load back from its own JSON");
    if (!(*again == *p)) finding("JSON round trip changed the plan");
    if (plan_to_json(*again) != written) finding("JSON round trip changed the text");
}

/// Wraps `payload` in a valid envelope of `kind`, so that the fuzzer reaches
/// Boost's archive parsers instead of stopping at the checksum.
inline std::string envelope(archive_kind kind, std::string_view payload)
{
    std::string out("GOVPLAN\x1a", 8);
    out += static_cast<char>(archive_format_version & 0xff);
    out += static_cast<char>(archive_format_version >> 8);
    out += static_cast<char>(kind);
    out += '\0';
    const std::uint64_t n = payload.size();
    for (int i = 0; i < 8; ++i) out += static_cast<char>((n >> (8 * i)) & 0xff);
    boost::crc_32_type crc;
    crc.process_bytes(payload.data(), payload.size());
    const std::uint32_t sum = crc.checksum();
    for (int i = 0; i < 4; ++i) out += static_cast<char>((sum >> (8 * i)) & 0xff);
    out += payload;
    return out;
}

/// Archive loader: the payload of one kind inside a valid envelope either
/// fails cleanly or loads a plan that archives and loads back unchanged.
inline void archive_target(archive_kind kind, std::string_view payload)
{
    auto p = plan_from_archive(envelope(kind, payload));
    if (!p) return;
    (void)exercise(*p);
    auto bytes = plan_to_archive(*p, kind);
    if (!bytes) return;  // e.g. an enum value that cannot be written is reported, not crashed on
    auto again = plan_from_archive(*bytes);
    if (!again) finding("a loaded plan does not load back from its own archive");
    if (!(*again == *p)) finding("archive round trip changed the plan");
}

/// Whole files, envelope included: the envelope checks must hold.
inline void envelope_target(std::string_view bytes) { (void)plan_from_archive(bytes); }

/// Decimal parser: accepted text prints back exactly; arithmetic is checked.
inline void decimal_target(std::string_view text)
{
    auto d = decimal::parse(text);
    if (!d) return;
    if (d->to_string() != text) finding("a decimal does not print back as written");
    auto twice = decimal::add(*d, *d);
    if (twice) {
        auto back = decimal::subtract(*twice, *d);
        if (!back || !(*back == *d)) finding("(d + d) - d != d");
    }
    for (int e : {-8, -4, 4, 8}) {
        auto scaled = d->times_power_of_ten(e);
        if (scaled) {
            auto back = scaled->times_power_of_ten(-e);
            if (back && !(*back == *d)) finding("scaling is not exact");
        }
    }
    (void)decimal::divide(*d, decimal(3, 0), 4);
}

/// Unit parser: a known symbol converts exactly within its family and
/// refuses other families.
inline void unit_target(std::string_view input)
{
    // "symbol|value": the part after the last '|' is a decimal.
    const auto bar = input.rfind('|');
    const std::string_view symbol = input.substr(0, bar);
    const auto& reg = unit_registry::standard();
    auto u = reg.find(symbol);
    if (!u) return;
    decimal value = decimal::from_integer(1);
    if (bar != std::string_view::npos) {
        if (auto v = decimal::parse(input.substr(bar + 1))) value = *v;
    }
    for (const auto& other : reg.units()) {
        auto c = convert({value, *u}, other);
        if (!convertible(*u, other)) {
            if (c) finding("a conversion across families succeeded");
            continue;
        }
        if (!c) continue;  // inexact or too large: reported
        auto order = compare({value, *u}, *c);
        if (!order || *order != std::strong_ordering::equal) finding("a converted quantity is not equal to the original");
    }
}

/// Extractor: any bytes either fail cleanly (not UTF-8 text, with the offset)
/// or give a draft whose every offset is inside the input on a UTF-8
/// boundary, whose every clause is the text at its offset, which validates
/// without errors and reads back from its own JSON unchanged.
inline void extract_target(std::string_view text)
{
    extract_options options;
    options.year = 2025;
    auto x = extract(text, options);
    if (!x) {
        if (x.error().message.empty()) finding("an extraction error without a message");
        if (x.error().code == make_error_code(errc::invalid_value) &&
            (!x.error().byte_offset || *x.error().byte_offset >= text.size()))
            finding("a refused input without the offset of the bad byte");
        return;
    }
    auto boundary = [&](std::uint64_t i) {
        return i == text.size() || (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xc0u) != 0x80u);
    };
    auto check_span = [&](std::uint64_t offset, std::uint64_t length) {
        if (offset > text.size() || length > text.size() - offset) finding("a span outside the input");
        if (!boundary(offset) || !boundary(offset + length)) finding("a span not on UTF-8 boundaries");
    };
    for (const auto& n : x->numerals) {
        check_span(n.span.offset, n.span.length);
        if (n.span.length == 0) finding("an empty numeral");
        if ((n.use == numeral_use::set_aside) != (n.reason != set_aside_reason::none))
            finding("a numeral both used and set aside");
    }
    for (const auto& note : x->notes) check_span(note.span.offset, note.span.length);
    for (const auto& s : x->skipped) check_span(s.span.offset, s.span.length);
    auto check_provenance = [&](const provenance& p) {
        if (!p.offset) finding("an element without its offset");
        check_span(*p.offset, p.clause.size());
        if (text.substr(*p.offset, p.clause.size()) != p.clause) finding("a clause that is not the text at its offset");
    };
    for (auto [t, at] : each_target(x->draft)) {
        check_provenance(t.provenance);
        if (t.value_span) check_span(t.value_span->offset, t.value_span->length);
    }
    for (auto [p, at] : each_project(x->draft)) check_provenance(p.provenance);
    validation_options vo;
    vo.units = &options.units;
    for (const auto& d : validate(x->draft, vo)) {
        if (d.severity == severity::error) finding("a draft that does not validate");
    }
    auto again = plan_from_json(plan_to_json(x->draft));
    if (!again) finding("a draft that does not load back from its own JSON");
    if (!(*again == x->draft)) finding("the draft's JSON round trip changed it");
}

}  // namespace govplan::fuzz

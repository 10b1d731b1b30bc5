// govplan — reading a work report's text into a draft plan.
//
// extract() takes the text of a government work report (UTF-8) and returns a
// draft plan: focus areas from the headings, measures from the numbered or
// lead-phrase items, targets and named projects from the sentences, each traced
// to its clause by byte offset. Beside the draft it returns the account of every
// numeral in the text: used by a target or a project, or set aside with a
// reason (a date, an ordinal, a name, a figure of the past year…), and a note on
// each element the extractor was unsure of. A person reviews the draft; nothing
// in it is final. docs/extraction.md lists the constructions read and the limits.
//
// The extractor is a scanner over code points: it runs in time linear in the
// input (tests/scaling_test.cpp), never recurses on the text and holds one
// paragraph's working copy at a time (a line longer than 1 MiB is read in
// pieces cut after a 。). Full-width digits and punctuation are read as their
// ASCII forms, spaces inside numbers and units are skipped; the clauses
// recorded are the original bytes, each at most 160 code points long.
//
// Thread safety: extract() holds no global state; calls on different inputs
// may run at once.
#pragma once

#include <govplan/config.hpp>

#include <govplan/error.hpp>
#include <govplan/plan.hpp>
#include <govplan/target.hpp>
#include <govplan/unit.hpp>

#include <boost/describe/enum.hpp>

#include <string>
#include <string_view>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

/// What became of a numeral of the text.
enum class numeral_use {
    target_value,    ///< the value (or a bound, the stretch, a milestone) of a target
    target_scope,    ///< the size of a target's scope: 19家企业营收增长10% (19)
    project_detail,  ///< a project's investment or capacity
    set_aside,       ///< not a commitment: see numeral_record::reason
};
BOOST_DESCRIBE_ENUM(numeral_use, target_value, target_scope, project_detail, set_aside)

/// Why a numeral was set aside.
enum class set_aside_reason {
    none,            ///< the numeral was used
    dated,           ///< a year, a date, a deadline or horizon (6月底前, 到2027年)
    ordinal,         ///< 第三批, 第二次
    name,            ///< a name or slogan holding a numeral (十四五, “两新”, 1+N, anything quoted)
    hotline,         ///< a service number (12345)
    age,             ///< 60岁以上
    model_number,    ///< a model or version (5G, V2.0)
    threshold,       ///< a threshold inside a noun (5000万元以上项目): the target's qualifier
    capacity,        ///< a capacity inside a project's name (年产5万吨)
    indicator_name,  ///< a name holding digits (PM2.5, 15分钟生活圈)
    rank_name,       ///< a rank used as a name (百强县)
    past_year,       ///< a figure of the year before the plan (去年增长, 2024年完成)
    review,          ///< inside the review of the past year, which is not part of the plan
    numbering,       ///< a heading's or list item's number ((一), 1.)
    outside_plan,    ///< in the title, the closing words or the signature, not in the plan
    unclear,         ///< no construction took it: a reviewer should look (see the notes)
};
BOOST_DESCRIBE_ENUM(set_aside_reason, none, dated, ordinal, name, hotline, age, model_number, threshold, capacity,
                    indicator_name, rank_name, past_year, review, numbering, outside_plan, unclear)

/// One numeral of the text and what became of it.
struct numeral_record {
    text_span span;                  ///< the numeral as written, in bytes of the input
    numeral_use use = numeral_use::set_aside;
    set_aside_reason reason = set_aside_reason::unclear;  ///< none when used
    std::string element_id;          ///< the target or project that used it; for a capacity, the project it names
    friend bool operator==(const numeral_record&, const numeral_record&) = default;
};

/// Something the extractor was unsure of, for the reviewer.
struct extraction_note {
    text_span span;          ///< the words concerned; {0, 0} for a note about the whole text
    std::string element_id;  ///< the target or project concerned, or empty
    std::string message;
    friend bool operator==(const extraction_note&, const extraction_note&) = default;
};

/// A part of the text left out of the plan (the title, the review of the past
/// year, the closing words), with the reason in words for the reviewer.
struct skipped_section {
    text_span span;
    std::string reason;  ///< "the review of the past year", "the closing words after the plan", "the report's title"
    friend bool operator==(const skipped_section&, const skipped_section&) = default;
};

struct extract_options {
    std::string plan_id = "draft";
    govplan::jurisdiction jurisdiction;  ///< copied into the draft
    /// The plan year, 1900-2200. 0: read it from the text (a year in ASCII
    /// digits before 年重点工作安排, 年工作任务, 年主要预期目标…; else the
    /// first year written near the top, the report's date); extract() fails
    /// when the text does not say it.
    int year = 0;
    /// The units a numeral may carry: the whole registry, not an addition to
    /// one. It starts as a copy of unit_registry::standard(); add a plan's own
    /// units (千元, 斤) with units.add(). Units beyond the standard ones that
    /// the draft uses are written into its plan::units.
    unit_registry units = unit_registry::standard();
    std::vector<std::string> binding_cues;       ///< added to 确保, 严格, 坚决, 严守, 守住, 守牢
    std::vector<std::string> aspirational_cues;  ///< added to 力争, 争取, 争创, 探索, 力促, 努力
    std::vector<std::string> past_cues;          ///< added to 过去一年, 去年, 上年, 一年来, 回顾 (a clause about the past)
};

/// A draft plan and the account of the text it came from.
struct extraction {
    govplan::plan draft;
    std::vector<numeral_record> numerals;  ///< every numeral of the text, in text order
    std::vector<extraction_note> notes;
    std::vector<skipped_section> skipped;

    /// How many numerals were set aside for `reason`.
    [[nodiscard]] std::size_t set_aside_count(set_aside_reason reason) const noexcept;
};

/// Reads `text` into a draft plan. Fails with errc::invalid_value and the byte
/// offset on input that is not UTF-8 text (a malformed or overlong sequence, a
/// surrogate, or a control character other than tab, line feed, carriage
/// return and form feed: NUL, DEL and the C1 controls are refused); with
/// errc::missing_field when the plan year is neither given nor written in the
/// text, and errc::invalid_value when the given year is outside 1900-2200.
/// The draft validates without errors against options.units: an element that
/// would not is left out, its numerals set aside as unclear, and a note says
/// why. Never throws for any input (std::bad_alloc aside).
[[nodiscard]] result<extraction> extract(std::string_view text, const extract_options& options = {});

GOVPLAN_END_NAMESPACE

// The extractor: structure (headings, measures, the plan part), then each
// sentence's clauses and items, then the targets and projects they state.
// Every step looks at a bounded window around a position, so the whole run is
// linear in the input; one paragraph's code points are held at a time.
#include "numerals.hpp"
#include "text.hpp"
#include "words.hpp"
#include "../links.hpp"

#include <govplan/extract.hpp>
#include <govplan/validation.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <array>
#include <charconv>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>

GOVPLAN_BEGIN_NAMESPACE

std::size_t extraction::set_aside_count(set_aside_reason reason) const noexcept
{
    return static_cast<std::size_t>(std::count_if(numerals.begin(), numerals.end(), [&](const numeral_record& r) {
        return r.use == numeral_use::set_aside && r.reason == reason;
    }));
}

namespace {

using namespace extract_detail;

constexpr std::size_t max_paragraph_bytes = 1u << 20;  // bytes decoded at a time
constexpr std::size_t window = 48;                     // code points a metric or name may span
constexpr std::size_t max_clause = 160;                // code points an element's clause may span
const std::string untitled = "（未命名）";

bool is_clause_mark(char32_t c) noexcept { return c == U',' || c == U'，' || c == U';' || c == U':'; }
bool is_sentence_end(char32_t c) noexcept { return c == U'\u3002' || c == U'!' || c == U'?'; }

template <class Words>
std::size_t match_any(const cp_text& t, std::size_t i, const Words& words) noexcept
{
    if (i >= t.size()) return 0;
    const char32_t c = t.cp[i];
    std::size_t best = 0;
    for (const auto& w : words) {
        if (w[0] == c && w.size() > best && t.at(i, w)) best = w.size();
    }
    return best;
}

template <class Words>
std::size_t match_any_ending(const cp_text& t, std::size_t end, const Words& words) noexcept
{
    if (end == 0 || end > t.size()) return 0;
    const char32_t c = t.cp[end - 1];
    std::size_t best = 0;
    for (const auto& w : words) {
        if (w.back() == c && w.size() > best && t.ends_at(end, w)) best = w.size();
    }
    return best;
}

std::size_t utf8_length(unsigned char lead) noexcept
{
    return lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

struct range {
    std::size_t b = 0, e = 0;
    [[nodiscard]] bool empty() const noexcept { return b >= e; }
    [[nodiscard]] std::size_t size() const noexcept { return e > b ? e - b : 0; }
};

// A numeral found in a paragraph and what became of it.
struct found {
    numeral n;
    bool in_quotes = false;
    numeral_use use = numeral_use::set_aside;
    set_aside_reason reason = set_aside_reason::unclear;
    bool decided = false;
    std::string element_id;

    void set_aside(set_aside_reason r)
    {
        if (decided) return;
        use = numeral_use::set_aside;
        reason = r;
        decided = true;
    }
    void used(numeral_use u, const std::string& id)
    {
        use = u;
        reason = set_aside_reason::none;
        decided = true;
        element_id = id;
    }
};

// Where the current paragraph's targets and projects go.
struct sink {
    std::vector<target>* targets = nullptr;
    std::vector<project>* projects = nullptr;
    int area = 0;
};

// The numerals that begin in [b, e); `nums` is in text order.
std::span<found> in_range(std::vector<found>& nums, std::size_t b, std::size_t e)
{
    auto by_begin = [](const found& f, std::size_t x) { return f.n.begin < x; };
    const auto lo = std::lower_bound(nums.begin(), nums.end(), b, by_begin);
    const auto hi = std::lower_bound(lo, nums.end(), std::max(b, e), by_begin);
    return {lo, hi};
}

// Whether a position is inside quotes. An opening quote counts only when its
// closing quote follows within max_quote code points: a stray “ does not
// swallow the rest of the paragraph.
constexpr std::size_t max_quote = 80;

class quote_state {
public:
    void step(const cp_text& t, std::size_t i) noexcept
    {
        const char32_t c = t.cp[i];
        if (c == U'"') {
            ascii_ = !ascii_ && closes(t, i, true);
        } else if (is_open_quote(c) && closes(t, i, false)) {
            ++depth_;
        } else if (is_close_quote(c) && depth_ > 0) {
            --depth_;
        }
    }
    [[nodiscard]] bool inside() const noexcept { return ascii_ || depth_ > 0; }

private:
    static bool closes(const cp_text& t, std::size_t i, bool ascii) noexcept
    {
        for (std::size_t j = i + 1; j < t.size() && j <= i + max_quote; ++j) {
            if (ascii ? t.cp[j] == U'"' : (is_close_quote(t.cp[j]) && t.cp[j] != U'"')) return true;
        }
        return false;
    }
    std::size_t depth_ = 0;
    bool ascii_ = false;
};

bool has_han(const cp_text& t, range r) noexcept
{
    for (std::size_t i = r.b; i < r.e; ++i) {
        if (is_han(t.cp[i])) return true;
    }
    return false;
}

std::size_t find_word(const cp_text& t, range r, std::u32string_view w) noexcept
{
    for (std::size_t i = r.b; i + w.size() <= r.e; ++i) {
        if (t.at(i, w)) return i;
    }
    return std::string::npos;
}

// The ordinal of a heading (一、 / (一) / 1. / (1)) at the start of t, and where its text begins.
struct heading_mark {
    enum kind_t { none, major, minor, item } kind = none;
    std::size_t text = 0;
};

struct clause_reading;
struct item_reading;

class extractor {
public:
    extractor(std::string_view text, const extract_options& options, int year)
        : text_(text), options_(options), year_(year)
    {
        for (auto w : binding_words) cues_.emplace_back(std::u32string(w), commitment::binding);
        for (auto w : aspirational_words) cues_.emplace_back(std::u32string(w), commitment::aspirational);
        for (const auto& w : options.binding_cues) cues_.emplace_back(to_u32(w), commitment::binding);
        for (const auto& w : options.aspirational_cues) cues_.emplace_back(to_u32(w), commitment::aspirational);
        for (auto w : past_words) past_.emplace_back(w);
        for (const auto& w : options.past_cues) past_.push_back(to_u32(w));
        std::erase_if(cues_, [](const auto& c) { return c.first.empty() || c.first.size() > window; });
        std::erase_if(past_, [](const auto& w) { return w.empty() || w.size() > window; });
    }

    extraction run();

private:
    enum class part { title, review, plan, closing };

    void paragraph(std::size_t begin, std::size_t end, bool continuation);
    bool title_line(const cp_text& t, std::vector<found>& nums, const heading_mark& h);
    bool major_heading(const cp_text& t, std::vector<found>& nums, const heading_mark& h);
    void focus_area_heading(const cp_text& t, std::vector<found>& nums, const heading_mark& h);
    void content(const cp_text& t, std::vector<found>& nums, std::size_t from, sink s);
    void sentence(const cp_text& t, std::vector<found>& nums, range sent, sink s);
    void clause(const cp_text& t, std::vector<found>& nums, range cl, sink s, std::optional<date> deadline,
                std::vector<std::size_t>& sentence_targets);
    [[nodiscard]] std::string subject_name(const cp_text& t, const std::vector<range>& subjects, const range& subject,
                                           const std::string& fallback) const;
    bool locate_value(clause_reading& c, item_reading& ir);
    bool read_before(clause_reading& c, item_reading& ir);
    void read_after(clause_reading& c, item_reading& ir);
    void read_subjects(clause_reading& c, item_reading& ir);
    std::optional<target> read_target(clause_reading& c, item_reading& ir, decimal& value);
    void state_terms(clause_reading& c, const item_reading& ir, target& tg, const decimal& value,
                     const std::optional<decimal>& high_value, std::optional<trend> tr);
    std::optional<std::string> describe_target(clause_reading& c, item_reading& ir, target& tg, const decimal& value);
    void threshold_qualifier(const cp_text& t, std::vector<found>& nums, item_reading& ir, std::string& metric_text) const;
    std::vector<target> one_per_subject(clause_reading& c, item_reading& ir, target tg, const std::string& metric_text);
    bool several_values(clause_reading& c, item_reading& ir, std::size_t& k, std::vector<target>& made,
                        const std::string& metric_text);
    void member_projects(clause_reading& c, item_reading& ir, target& first);
    void site_project(clause_reading& c, item_reading& ir, const target& first);
    std::optional<bool> grade_target(const cp_text& t, std::vector<found>& nums, const std::vector<range>& subjects,
                                     target tg, sink s, std::vector<std::size_t>& sentence_targets);
    bool coverage_directions(const cp_text& t, const std::vector<range>& subjects, const target& tg, sink s,
                             std::vector<std::size_t>& sentence_targets);
    std::optional<std::size_t> outcome_of(const cp_text& t, std::vector<found>& nums, range last, target& tg,
                                          std::vector<trend>& trends);
    bool qualitative(const cp_text& t, std::vector<found>& nums, range cl, std::vector<range> subjects, sink s,
                     std::optional<date> deadline, std::vector<std::size_t>& sentence_targets);
    void named_items(const cp_text& t, std::vector<found>& nums, range cl, const std::vector<range>& items, sink s);
    bool designation_bid(const cp_text& t, range cl, range last, sink s);
    void add_named_projects(const cp_text& t, std::vector<found>& nums, range cl, const std::vector<range>& names,
                            const action_word* act, sink s);
    void name_with_capacity(const cp_text& t, std::vector<found>& nums, range name, project& p, bool inside) const;
    std::vector<found> scan(const cp_text& t) const;
    void set_aside_by_context(const cp_text& t, std::vector<found>& nums) const;
    void record(const cp_text& t, std::vector<found>& nums);
    void skip(const cp_text& t, std::vector<found>& nums, set_aside_reason why, const std::string& reason);

    [[nodiscard]] std::string bytes(const cp_text& t, range r) const;
    [[nodiscard]] text_span span(const cp_text& t, range r) const;
    /// The clause of an element: the words of r, at most the last max_clause code
    /// points of them (a list of thousands of items gives each a bounded clause).
    [[nodiscard]] provenance prov(const cp_text& t, range r) const
    {
        if (r.size() > max_clause) r.b = r.e - max_clause;
        return {bytes(t, r), t.offset[std::min(r.b, t.size())]};
    }
    [[nodiscard]] commitment commitment_at(const cp_text& t, range cl, std::size_t pos) const;
    [[nodiscard]] std::size_t cue_at(const cp_text& t, std::size_t i) const;
    [[nodiscard]] range strip_fillers(const cp_text& t, range r) const;
    [[nodiscard]] bool starts_past(const cp_text& t, range r) const;
    [[nodiscard]] bool starts_present(const cp_text& t, range r) const;
    [[nodiscard]] std::optional<date> deadline_in(const cp_text& t, std::vector<found>& nums, range r) const;
    [[nodiscard]] std::optional<int> year_before(const cp_text& t, std::size_t i, std::vector<found>& nums) const;
    std::string new_target_id(const sink& s) { return fmt::format("t{}-{:02}", s.area, ++target_serial_[s.area]); }
    std::string new_project_id(const sink& s) { return fmt::format("p{}-{:02}", s.area, ++project_serial_[s.area]); }
    focus_area& new_area(std::string title, std::string aim, std::string lead);
    sink area_sink();
    void area_projects(const cp_text& t);
    sink measure_sink(const cp_text& t, std::vector<found>& nums, const heading_mark& h, std::size_t& from);
    void note(const cp_text& t, range r, std::string id, std::string message)
    {
        out_.notes.push_back({span(t, r), std::move(id), std::move(message)});
    }

    std::string_view text_;
    const extract_options& options_;
    int year_;
    std::vector<std::pair<std::u32string, commitment>> cues_;
    std::vector<std::u32string> past_;
    extraction out_;
    part part_ = part::title;
    bool has_plan_heading_ = false;
    std::unordered_map<int, int> target_serial_, project_serial_;
    std::optional<std::size_t> area_;     // current focus area
    bool in_measure_ = false;             // a measure of the current area is open
    bool area_lead_open_ = false;         // the current area's own paragraph is open
    std::optional<skipped_section> skipped_;
    const action_word* sentence_action_ = nullptr;  // the action verb of the sentence so far
    std::vector<project>* named_in_sentence_ = nullptr;  // a sentence that named one project: its list
    std::vector<project> area_projects_;                 // named in a focus area's own paragraph
    std::optional<commitment> previous_commitment_;  // of the clause before, in the sentence
    std::optional<date> report_date_;
    std::optional<date> printed_date_;
};

// ---- text helpers -------------------------------------------------------------

std::string extractor::bytes(const cp_text& t, range r) const
{
    const text_span s = span(t, r);
    return std::string(text_.substr(s.offset, s.length));
}

text_span extractor::span(const cp_text& t, range r) const
{
    if (r.empty() || r.b >= t.size()) return {t.offset[std::min(r.b, t.size())], 0};
    const std::size_t e = std::min(r.e, t.size());
    const auto last = t.offset[e - 1];
    const auto end = last + utf8_length(static_cast<unsigned char>(text_[last]));
    return {t.offset[r.b], end - t.offset[r.b]};
}

std::size_t extractor::cue_at(const cp_text& t, std::size_t i) const
{
    if (i >= t.size()) return 0;
    const char32_t c = t.cp[i];
    std::size_t best = 0;
    for (const auto& [word, kind] : cues_) {
        if (word[0] == c && word.size() > best && t.at(i, word)) best = word.size();
    }
    return best;
}

commitment extractor::commitment_at(const cp_text& t, range cl, std::size_t pos) const
{
    commitment c = commitment::expected;
    const std::size_t from = pos > cl.b + window ? pos - window : cl.b;
    for (std::size_t i = from; i < pos && i < cl.e; ++i) {
        std::size_t best = 0;
        const char32_t first = t.cp[i];
        for (const auto& [word, kind] : cues_) {
            if (word[0] == first && word.size() > best && t.at(i, word)) {
                best = word.size();
                c = kind;
            }
        }
        if (best > 1) i += best - 1;
    }
    return c;
}

range extractor::strip_fillers(const cp_text& t, range r) const
{
    for (bool changed = true; changed && !r.empty();) {
        changed = false;
        if (const auto n = std::max(match_any(t, r.b, filler_words), cue_at(t, r.b)); n > 0 && n <= r.size()) {
            r.b += n;
            changed = true;
        }
        if (r.empty()) break;
        std::size_t n = match_any_ending(t, r.e, filler_words);
        const char32_t last = t.cp[r.e - 1];
        for (const auto& [word, kind] : cues_) {
            if (word.back() == last && word.size() > n && word.size() <= r.size() && t.ends_at(r.e, word))
                n = word.size();
        }
        if (n > 0 && n <= r.size()) {
            r.e -= n;
            changed = true;
        }
        while (!r.empty() && (is_clause_mark(t.cp[r.b]) || t.cp[r.b] == U'、')) {
            ++r.b;
            changed = true;
        }
        while (!r.empty() && (is_clause_mark(t.cp[r.e - 1]) || t.cp[r.e - 1] == U'、')) {
            --r.e;
            changed = true;
        }
    }
    return r;
}

bool extractor::starts_past(const cp_text& t, range r) const
{
    for (const auto& w : past_) {
        if (t.at(r.b, w)) return true;
    }
    // 2024年… at the start of a sentence, the year before the plan
    std::size_t i = r.b;
    int y = 0;
    while (i < r.e && is_ascii_digit(t.cp[i]) && i - r.b < 4) y = y * 10 + static_cast<int>(t.cp[i++] - U'0');
    return i - r.b == 4 && t[i] == U'年' && y < year_ && !t.at(i + 1, U"底前") && !t.at(i + 1, U"前");
}

// Does the phrase open with a verb (新增…, 实施…)? A clause that does not, and
// has no verb before its number, goes on with the clause before (its object).
bool starts_with_verb(const cp_text& t, range r)
{
    if (r.empty()) return false;
    static constexpr std::u32string_view verb_initials = U"新实推建完培发打开加提增降减扩引招争力确创改解组申出盘消促深落强保稳稳举办设成启投签谋拆打通交解压";
    for (const auto& a : action_words) {
        if (t.at(r.b, a.word)) return true;
    }
    return verb_initials.find(t.cp[r.b]) != std::u32string_view::npos;
}

// The first full date written in t (2025年4月17日), if any.
std::optional<date> date_in(const cp_text& t)
{
    for (std::size_t i = 4; i + 2 < t.size(); ++i) {
        if (t.cp[i] != U'年') continue;
        int y = 0;
        bool digits = true;
        for (std::size_t k = i - 4; k < i; ++k) {
            digits = digits && is_ascii_digit(t.cp[k]);
            y = y * 10 + static_cast<int>(t.cp[k] - U'0');
        }
        if (!digits) continue;
        std::size_t m = i + 1;
        int month = 0, day = 0;
        while (is_ascii_digit(t[m]) && m < i + 3) month = month * 10 + static_cast<int>(t.cp[m++] - U'0');
        if (t[m] != U'月') continue;
        std::size_t d = m + 1;
        while (is_ascii_digit(t[d]) && d < m + 3) day = day * 10 + static_cast<int>(t.cp[d++] - U'0');
        if (t[d] != U'日') continue;
        try {
            return date(static_cast<unsigned short>(y), static_cast<unsigned short>(month),
                        static_cast<unsigned short>(day));
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

bool extractor::starts_present(const cp_text& t, range r) const
{
    for (std::u32string_view w : {U"今年", U"全年", U"明年", U"计划", U"预期", U"力争", U"确保", U"预计"}) {
        if (t.at(r.b, w)) return true;
    }
    const std::u32string year = to_u32(std::to_string(year_) + "年");
    return t.at(r.b, year);
}

focus_area& extractor::new_area(std::string title, std::string aim, std::string lead)
{
    focus_area a;
    a.ordinal = static_cast<int>(out_.draft.focus_areas.size()) + 1;
    a.title = title.empty() ? untitled : std::move(title);
    a.aim = std::move(aim);
    a.lead = std::move(lead);
    out_.draft.focus_areas.push_back(std::move(a));
    area_ = out_.draft.focus_areas.size() - 1;
    in_measure_ = false;
    area_lead_open_ = false;
    return out_.draft.focus_areas.back();
}

sink extractor::area_sink()
{
    auto& a = out_.draft.focus_areas[*area_];
    // A focus area holds targets but no projects: projects named in its own
    // paragraph are gathered here and given a measure of their own (area_projects).
    area_projects_.clear();
    return {&a.targets, &area_projects_, a.ordinal};
}

void extractor::area_projects(const cp_text& t)
{
    if (area_projects_.empty()) return;
    auto& a = out_.draft.focus_areas[*area_];
    measure m;
    m.lead = a.title;
    m.text = a.lead.empty() ? a.title : a.lead;
    m.projects = std::move(area_projects_);
    area_projects_.clear();
    for (const auto& p : m.projects)
        note(t, {0, std::min<std::size_t>(t.size(), 16)}, p.id,
             "a project named in the focus area's own paragraph: given a measure named after the area");
    a.measures.push_back(std::move(m));
    in_measure_ = false;
}

// ---- numerals -----------------------------------------------------------------

std::vector<found> extractor::scan(const cp_text& t) const
{
    std::vector<found> out;
    quote_state quotes;
    std::size_t stepped = 0;  // positions up to here have been stepped through
    for (std::size_t i = 0; i < t.size();) {
        const char32_t c = t.cp[i];
        for (; stepped <= i; ++stepped) quotes.step(t, stepped);
        const bool in_quotes = quotes.inside();
        const char32_t prev = i > 0 ? t.cp[i - 1] : U'\0';
        const bool arabic_start = is_ascii_digit(c) && !is_ascii_digit(prev) && prev != U'.';
        const bool percent_words = t.at(i, U"百分之");
        const bool chinese_start = is_chinese_digit(c) && !is_chinese_digit(prev) && !percent_words;
        if (!(arabic_start || percent_words || chinese_start)) {
            ++i;
            continue;
        }
        auto n = read_numeral(t, i, options_.units);
        if (!n && arabic_start) {
            // digits that do not make a decimal govplan can hold (more than 18 digits):
            // recorded, set aside as unclear
            std::size_t e = i;
            while (e < t.size() && (is_ascii_digit(t.cp[e]) || (t.cp[e] == U'.' && is_ascii_digit(t[e + 1])))) ++e;
            found f;
            f.n.begin = i;
            f.n.end = f.n.after = e;
            f.in_quotes = in_quotes;
            f.set_aside(set_aside_reason::unclear);
            out.push_back(std::move(f));
            i = e;
            continue;
        }
        if (!n) {
            ++i;
            continue;
        }
        if (n->chinese) {
            // Chinese numerals are numbers only where the text treats them so;
            // elsewhere they are parts of words (统一, 一批, 一体化).
            const char32_t next = t[n->end];
            const bool single_one = n->end == i + 1 && (c == U'一' || c == U'二' || c == U'零' || c == U'〇');
            const bool counted = n->unit != nullptr || n->scale_only;
            const bool ordinal = prev == U'第';
            const bool enumerating = next == U'是';
            const bool doubling = prev == U'翻' && next == U'番';
            const bool dated = next == U'年' || next == U'月' || t.at(n->end, U"季度");
            const bool ranked = next == U'强';
            const bool named = in_quotes || (next != U'\0' && is_han(next) && !single_one);
            const bool ranged = (next == U'至' || next == U'到' || next == U'-' || next == U'~') &&
                                is_chinese_digit(t[n->end + 1]);
            const bool heading_number = (i == 0 && next == U'、') || (i == 1 && prev == U'(' && next == U')');
            bool keep = ordinal || enumerating || doubling || ranked || ranged || heading_number;
            if (!single_one) keep = keep || counted || dated || named;
            else keep = keep || (in_quotes && (next == U'纵' || next == U'横' || is_han(next)));
            if (single_one && counted && (prev == U'增' || prev == U'新' || prev == U'建')) keep = true;
            if (prev == U'每') keep = false;  // 每千人口, 每万人: a rate's denominator
            if (c == U'十' && next == U'分') keep = false;  // 十分: very
            // inside a word (老百姓, 设五里庙): not a number
            if (n->end == i + 1 && (c == U'十' || c == U'百' || c == U'千') && !counted && !in_quotes && !ordinal &&
                !dated && !enumerating && !ranked && !ranged && is_han(prev) && is_han(next))
                keep = false;
            if (!keep) {
                i = n->end;
                continue;
            }
        }
        found f;
        f.n = *n;
        f.in_quotes = in_quotes;
        out.push_back(std::move(f));
        i = std::max(n->after, i + 1);  // past the unit: 个百分点 holds no numeral
    }
    return out;
}

void extractor::set_aside_by_context(const cp_text& t, std::vector<found>& nums) const
{
    for (auto& f : nums) {
        const numeral& n = f.n;
        const char32_t prev = n.begin > 0 ? t.cp[n.begin - 1] : U'\0';
        const char32_t next = t[n.end];
        const std::size_t digits = n.end - n.begin;
        if (f.in_quotes) f.set_aside(set_aside_reason::name);
        if (prev == U'第') f.set_aside(set_aside_reason::ordinal);
        if (next == U'是' && n.chinese) f.set_aside(set_aside_reason::numbering);
        if (next == U'年') {
            const bool within = t.at(n.end + 1, U"内") || t.at(n.end + 1, U"以内") || t.at(n.end + 1, U"来") ||
                                t.at(n.end + 1, U"底") || t.at(n.end + 1, U"前") || t.at(n.end + 1, U"后") ||
                                t.at(n.end + 1, U"时间") || (!n.chinese && digits == 4);
            f.set_aside(within || !is_han(t[n.end + 1]) ? set_aside_reason::dated : set_aside_reason::name);
        }
        if (next == U'月' || next == U'日' || next == U'号' || t.at(n.end, U"季度") || t.at(n.end, U"周年"))
            f.set_aside(set_aside_reason::dated);
        if (next == U'岁' || t.at(n.end, U"周岁")) f.set_aside(set_aside_reason::age);
        if (next == U'强' || (n.chinese && t.at(n.end, U"大") && is_han(t[n.end + 1])))
            f.set_aside(next == U'强' ? set_aside_reason::rank_name : set_aside_reason::name);
        if (is_ascii_letter(prev) || is_ascii_letter(next) || (n.unit == nullptr && next == U'.')) {
            const bool pm = n.begin >= 2 && (t.at(n.begin - 2, U"PM") || t.at(n.begin - 2, U"pm"));
            f.set_aside(pm ? set_aside_reason::indicator_name : set_aside_reason::model_number);
        }
        if (prev == U'+' || next == U'+') f.set_aside(set_aside_reason::name);
        if (match_any_ending(t, n.begin, capacity_words) > 0) f.set_aside(set_aside_reason::capacity);
        if (n.unit != nullptr && n.unit->dimension() == dimension::duration && is_han(t[n.after]) &&
            !t.at(n.after, U"以") && !t.at(n.after, U"之") && !t.at(n.after, U"左右") && !t.at(n.after, U"内"))
            f.set_aside(set_aside_reason::indicator_name);
        if (n.unit != nullptr &&
            (n.unit->dimension() == dimension::mass || n.unit->dimension() == dimension::power ||
             n.unit->dimension() == dimension::energy || n.unit->dimension() == dimension::volume) &&
            is_han(t[n.after]) && std::u32string_view(U"以左之上下内至到和与及等").find(t[n.after]) == std::u32string_view::npos)
            f.set_aside(set_aside_reason::capacity);  // 1200吨人用益生菌: what a project makes
        if (n.unit != nullptr && (t.at(n.after, U"以上") || t.at(n.after, U"以下"))) {
            const char32_t after = t[n.after + 2];
            if (is_han(after) && after != U'和' && after != U'与' && after != U'及' && after != U'并' &&
                after != U'等' && after != U'或')
                f.set_aside(set_aside_reason::threshold);
        }
        if (n.chinese && n.unit == nullptr && !n.scale_only && !(prev == U'翻' && next == U'番') &&
            !(next == U'至' || next == U'到' || next == U'-' || next == U'~'))
            f.set_aside(set_aside_reason::name);
        if (!n.chinese && n.unit == nullptr && !n.scale_only) {
            const bool service = t.at(n.end, U"热线") || t.ends_at(n.begin, U"热线") || t.at(n.end, U"平台") ||
                                 t.at(n.end, U"服务");
            if (service || (digits >= 5 && n.value.scale() == 0 && t.cp[n.begin] == U'1'))
                f.set_aside(set_aside_reason::hotline);
        }
    }
}

void extractor::record(const cp_text& t, std::vector<found>& nums)
{
    for (auto& f : nums) {
        numeral_record r;
        r.span = span(t, {f.n.begin, f.n.end});
        r.use = f.decided ? f.use : numeral_use::set_aside;
        r.reason = f.decided ? f.reason : set_aside_reason::unclear;
        r.element_id = std::move(f.element_id);
        out_.numerals.push_back(std::move(r));
    }
}

void extractor::skip(const cp_text& t, std::vector<found>& nums, set_aside_reason why, const std::string& reason)
{
    for (auto& f : nums) {
        if (why == set_aside_reason::review) {
            f.decided = false;
            f.set_aside(why);
        } else {
            f.set_aside(why);
        }
    }
    const text_span s = span(t, {0, t.size()});
    if (skipped_ && skipped_->reason == reason) {
        skipped_->span.length = s.offset + s.length - skipped_->span.offset;
    } else {
        if (skipped_) out_.skipped.push_back(*skipped_);
        skipped_ = skipped_section{s, reason};
    }
}

std::optional<int> extractor::year_before(const cp_text& t, std::size_t i, std::vector<found>& nums) const
{
    // the four-digit year ending right before t[i] (…2027年): its value
    if (i < 5 || t.cp[i - 1] != U'年') return std::nullopt;
    for (auto& f : in_range(nums, i >= 6 ? i - 6 : 0, i)) {
        if (f.n.end == i - 1 && !f.n.chinese && f.n.end - f.n.begin == 4 && is_ascii_digit(t.cp[f.n.begin]) &&
            f.n.value.scale() == 0) {
            f.set_aside(set_aside_reason::dated);
            const auto digits = f.n.value.to_string();
            int year = 0;
            std::from_chars(digits.data(), digits.data() + digits.size(), year);
            return year;
        }
    }
    return std::nullopt;
}

std::optional<date> extractor::deadline_in(const cp_text& t, std::vector<found>& nums, range r) const
{
    auto safe = [](int y, int m, int d) -> std::optional<date> {
        try {
            return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
        } catch (const std::exception&) {
            return std::nullopt;
        }
    };
    for (std::size_t i = r.b; i < r.e; ++i) {
        const char32_t c = t.cp[i];
        if (c == U'年' && (t.at(i + 1, U"底前") || t.at(i + 1, U"底") || t.at(i + 1, U"内") || t.at(i + 1, U"前"))) {
            // 年底前 / 2027年底前 / 三年内 / 到2027年
            if (auto y = year_before(t, i + 1, nums)) {
                if (*y >= 1900 && *y <= 2200) return safe(*y, 12, 31);
            }
            for (auto& f : in_range(nums, i >= 24 ? i - 24 : 0, i)) {
                if (f.n.end == i && f.n.chinese) {  // 三年内
                    f.set_aside(set_aside_reason::dated);
                    const auto span_years = f.n.value.to_string();
                    int n = 0;
                    std::from_chars(span_years.data(), span_years.data() + span_years.size(), n);
                    if (n >= 1 && n <= 50) return safe(year_ + n - 1, 12, 31);
                }
                if (f.n.end == i && !f.n.chinese && f.n.end - f.n.begin <= 2 && t.at(i + 1, U"内")) {
                    f.set_aside(set_aside_reason::dated);
                    int n = 0;
                    const auto s = f.n.value.to_string();
                    std::from_chars(s.data(), s.data() + s.size(), n);
                    if (n >= 1 && n <= 50) return safe(year_ + n - 1, 12, 31);
                }
            }
            if (i == 0 || !is_ascii_digit(t.cp[i - 1])) {
                if (t.at(i + 1, U"底")) return safe(year_, 12, 31);
            }
        }
        if (c == U'到' || c == U'至') {
            if (i + 5 < r.e + 1 && is_ascii_digit(t[i + 1]) && t[i + 5] == U'年' && !t.at(i + 6, U"底")) {
                if (auto y = year_before(t, i + 6, nums); y && *y >= year_ && *y <= 2200) return safe(*y, 12, 31);
            }
        }
        if (c == U'月' && (t.at(i + 1, U"底前") || t.at(i + 1, U"底") || t.at(i + 1, U"末"))) {
            for (auto& f : in_range(nums, i >= 24 ? i - 24 : 0, i)) {
                if (f.n.end == i) {
                    f.set_aside(set_aside_reason::dated);
                    const auto s = f.n.value.to_string();
                    int m = 0;
                    std::from_chars(s.data(), s.data() + s.size(), m);
                    if (m >= 1 && m <= 12) {
                        const int next_month = m == 12 ? 1 : m + 1;
                        const int y = m == 12 ? year_ + 1 : year_;
                        if (auto first = safe(y, next_month, 1)) return *first - boost::gregorian::days(1);
                    }
                }
            }
        }
        if (t.at(i, U"上半年")) return safe(year_, 6, 30);
    }
    return std::nullopt;
}

// ---- paragraphs and structure -------------------------------------------------------


heading_mark heading_at(const cp_text& t)
{
    std::size_t i = 0;
    if (t[0] == U'(' || t[0] == U'（') {
        i = 1;
        const bool chinese = is_chinese_digit(t[i]);
        const bool arabic = is_ascii_digit(t[i]);
        while (i < t.size() && i < 5 && (chinese ? is_chinese_digit(t.cp[i]) : is_ascii_digit(t.cp[i]))) ++i;
        if ((chinese || arabic) && i > 1 && (t[i] == U')' || t[i] == U'）'))
            return {chinese ? heading_mark::minor : heading_mark::item, i + 1};
        return {};
    }
    if (is_chinese_digit(t[0])) {
        while (i < t.size() && i < 4 && is_chinese_digit(t.cp[i])) ++i;
        if (t[i] == U'、') return {heading_mark::major, i + 1};
        return {};
    }
    if (is_ascii_digit(t[0])) {
        while (i < t.size() && i < 3 && is_ascii_digit(t.cp[i])) ++i;
        if ((t[i] == U'.' && !is_ascii_digit(t[i + 1])) || t[i] == U'、') return {heading_mark::item, i + 1};
    }
    return {};
}

bool is_plan_heading(const cp_text& t, range r)
{
    for (std::u32string_view w : {U"工作安排", U"重点工作", U"工作任务", U"主要任务", U"主要预期目标", U"总体要求",
                                  U"工作建议", U"目标任务", U"工作部署"}) {
        if (find_word(t, r, w) != std::string::npos) return true;
    }
    return false;
}

bool is_review_heading(const cp_text& t, range r)
{
    for (std::u32string_view w : {U"回顾", U"过去一年", U"一年来", U"工作总结", U"主要成绩", U"过去五年"}) {
        if (find_word(t, r, w) != std::string::npos) return true;
    }
    return false;
}

sink extractor::measure_sink(const cp_text& t, std::vector<found>& nums, const heading_mark& h, std::size_t& from)
{
    // a numbered item: its number is numbering
    if (h.kind == heading_mark::item) {
        for (auto& f : nums) {
            if (f.n.begin < h.text) f.set_aside(set_aside_reason::numbering);
        }
        from = h.text;
    }
    // a lead phrase: a short first sentence with no comma and no number
    std::size_t e = from;
    while (e < t.size() && e < from + 24 && !is_sentence_end(t.cp[e]) && !is_clause_mark(t.cp[e])) ++e;
    bool lead = e + 1 < t.size() && is_sentence_end(t.cp[e]) && e > from + 1;
    for (const auto& f : nums) {
        if (f.n.begin >= from && f.n.begin < e) lead = false;
    }
    if (!area_) {
        new_area(untitled, "", "");
        note(t, {0, std::min<std::size_t>(t.size(), 16)}, "", "text outside any heading: put in an untitled focus area");
    }
    auto& area = out_.draft.focus_areas[*area_];
    if (!lead && in_measure_ && !area.measures.empty() && area.measures.back().lead == untitled) {
        // text without lead phrases continues the one untitled measure
        auto& m = area.measures.back();
        m.text += "\n" + bytes(t, {from, t.size()});
        return {&m.targets, &m.projects, area.ordinal};
    }
    measure m;
    if (lead) {
        m.lead = bytes(t, {from, e});
        from = e + 1;
        m.text = bytes(t, {from, t.size()});
    } else {
        m.lead = untitled;
        note(t, {from, std::min(t.size(), from + 16)}, "", "a measure without a lead phrase");
    }
    if (m.text.empty()) m.text = bytes(t, {0, t.size()});
    area.measures.push_back(std::move(m));
    in_measure_ = true;
    area_lead_open_ = false;
    auto& back = area.measures.back();
    return {&back.targets, &back.projects, area.ordinal};
}

/// A line of the report's title part: the title and the lines under it
/// (its date, a subtitle). False when the line is the first of the body,
/// which moves on to the review or the plan.
bool extractor::title_line(const cp_text& t, std::vector<found>& nums, const heading_mark& h)
{
    const range whole{0, t.size()};
    const bool title = find_word(t, {0, std::min<std::size_t>(t.size(), 80)}, U"工作报告") != std::string::npos;
    if (title && h.kind == heading_mark::none) {
        // the title up to 工作报告; the date after it is the report's
        const auto at = find_word(t, {0, std::min<std::size_t>(t.size(), 80)}, U"工作报告");
        out_.draft.title = bytes(t, {0, at + 4});
        report_date_ = date_in(t);
        for (auto& f : nums) {
            if (t[f.n.end] == U'年' || t[f.n.end] == U'月' || t[f.n.end] == U'日') f.set_aside(set_aside_reason::dated);
        }
        skip(t, nums, set_aside_reason::outside_plan, "the report's title");
        record(t, nums);
        return true;
    }
    // the lines under the title: its date, a subtitle (——在…会议上)
    const bool dated_line = t.size() <= 40 && h.kind != heading_mark::major &&
                            find_word(t, whole, U"月") != std::string::npos &&
                            find_word(t, whole, U"日") != std::string::npos;
    if (!out_.draft.title.empty() && (dated_line || t.at(0, U"--") || t.at(0, U"-"))) {
        if (dated_line && !report_date_) report_date_ = date_in(t);
        for (auto& f : nums) f.set_aside(set_aside_reason::dated);
        skip(t, nums, set_aside_reason::outside_plan, "the report's title");
        record(t, nums);
        return true;
    }
    part_ = has_plan_heading_ ? part::review : part::plan;
    return false;
}

/// A major heading (一、…): the review's, the plan's, or a focus area's in
/// the plan part. True when the line is taken.
bool extractor::major_heading(const cp_text& t, std::vector<found>& nums, const heading_mark& h)
{
    for (auto& f : nums) {
        if (f.n.begin < h.text) f.set_aside(set_aside_reason::numbering);
    }
    const range rest{h.text, t.size()};
    if (is_review_heading(t, rest)) {
        part_ = part::review;
    } else if (is_plan_heading(t, rest)) {
        part_ = part::plan;
        area_.reset();
        for (auto& f : nums) f.set_aside(set_aside_reason::dated);
        if (skipped_) {
            out_.skipped.push_back(*skipped_);
            skipped_.reset();
        }
        record(t, nums);
        return true;
    } else if (part_ == part::plan || part_ == part::closing) {
        part_ = part::plan;
        std::size_t e = h.text;
        while (e < t.size() && !is_sentence_end(t.cp[e]) && !is_clause_mark(t.cp[e])) ++e;
        new_area(bytes(t, {h.text, e}), "", bytes(t, {std::min(e + 1, t.size()), t.size()}));
        area_lead_open_ = true;
        content(t, nums, std::min(e + 1, t.size()), area_sink());
        area_projects(t);
        record(t, nums);
        return true;
    }
    return false;
}

/// A focus area's heading line: (一)聚焦扩大内需,提升经济增长质效。lead…
void extractor::focus_area_heading(const cp_text& t, std::vector<found>& nums, const heading_mark& h)
{
    for (auto& f : nums) {
        if (f.n.begin < h.text) f.set_aside(set_aside_reason::numbering);
    }
    const std::size_t start = h.text;
    std::size_t first = start;  // end of the first clause
    while (first < t.size() && !is_sentence_end(t.cp[first]) && !is_clause_mark(t.cp[first])) ++first;
    std::size_t second = first;
    std::string title = bytes(t, {start, first});
    std::string aim;
    if (first < t.size() && is_clause_mark(t.cp[first])) {
        second = first + 1;
        while (second < t.size() && !is_sentence_end(t.cp[second]) && !is_clause_mark(t.cp[second])) ++second;
        if (second < t.size() && is_sentence_end(t.cp[second]) && second - first <= 20) {
            aim = bytes(t, {first + 1, second});
        } else {
            second = first;
        }
    }
    const std::size_t lead_from = std::min(second + 1, t.size());
    new_area(title.empty() ? untitled : title, aim, bytes(t, {lead_from, t.size()}));
    area_lead_open_ = true;
    content(t, nums, lead_from, area_sink());
    area_projects(t);
    record(t, nums);
}

void extractor::paragraph(std::size_t begin, std::size_t end, bool continuation)
{
    const cp_text t = decode(text_, begin, end);
    if (t.size() == 0) return;
    auto nums = scan(t);
    // the later pieces of a line cut for its length start mid-paragraph: no heading
    const heading_mark h = continuation ? heading_mark{} : heading_at(t);
    for (auto& f : nums) {
        if (h.kind != heading_mark::none && f.n.begin < h.text) f.set_aside(set_aside_reason::numbering);
    }
    set_aside_by_context(t, nums);
    const range whole{0, t.size()};

    if (part_ == part::title && title_line(t, nums, h)) return;

    if (h.kind == heading_mark::major && major_heading(t, nums, h)) return;

    if (part_ == part::review) {
        skip(t, nums, set_aside_reason::review, "the review of the past year");
        record(t, nums);
        return;
    }
    if (part_ == part::plan && area_ && t.at(0, U"各位代表") && h.kind == heading_mark::none) part_ = part::closing;
    if (part_ == part::closing) {
        for (auto& f : nums) {
            const char32_t next = t[f.n.end];
            if (next == U'年' || next == U'月' || next == U'日') f.set_aside(set_aside_reason::dated);
        }
        skip(t, nums, set_aside_reason::outside_plan, "the closing words after the plan");
        record(t, nums);
        return;
    }
    if (skipped_) {
        out_.skipped.push_back(*skipped_);
        skipped_.reset();
    }

    if (h.kind == heading_mark::minor || (h.kind == heading_mark::none && t.at(0, U"聚焦") && area_)) {
        focus_area_heading(t, nums, h);
        return;
    }

    if (find_word(t, {0, std::min<std::size_t>(t.size(), 24)}, U"主要预期目标") != std::string::npos ||
        t.at(0, U"主要目标")) {
        new_area("主要预期目标", "", bytes(t, whole));
        content(t, nums, 0, area_sink());
        area_projects(t);
        area_.reset();
        record(t, nums);
        return;
    }

    if (!area_) {
        // before the first heading of the plan part: the theme, or targets of an untitled area
        for (std::size_t i = 0; i + 1 < t.size(); ++i) {
            if (out_.draft.theme.empty() && (t.at(i, U"抓好") || t.at(i, U"聚焦")) && is_open_quote(t[i + 2])) {
                std::size_t e = i + 3;
                while (e < t.size() && !is_close_quote(t.cp[e]) && e < i + 40) ++e;
                if (e < t.size() && is_close_quote(t.cp[e])) out_.draft.theme = bytes(t, {i + 3, e});
            }
        }
    }
    if (!area_) {
        // before any heading: only what states targets or names projects makes an area
        measure found_here;
        content(t, nums, 0, {&found_here.targets, &found_here.projects,
                             static_cast<int>(out_.draft.focus_areas.size()) + 1});
        if (!found_here.targets.empty() || !found_here.projects.empty()) {
            std::size_t from = 0;
            const sink s = measure_sink(t, nums, h, from);
            for (auto& tg : found_here.targets) s.targets->push_back(std::move(tg));
            for (auto& pr : found_here.projects) s.projects->push_back(std::move(pr));
        }
        record(t, nums);
        return;
    }
    std::size_t from = 0;
    const sink s = measure_sink(t, nums, h, from);
    content(t, nums, from, s);
    record(t, nums);
}

void extractor::content(const cp_text& t, std::vector<found>& nums, std::size_t from, sink s)
{
    std::size_t b = from;
    quote_state quotes;
    for (std::size_t i = from; i <= t.size(); ++i) {
        const char32_t c = t[i];
        if (i < t.size()) quotes.step(t, i);
        if (i == t.size() || (is_sentence_end(c) && !quotes.inside())) {
            if (i > b) sentence(t, nums, {b, i}, s);
            b = i + 1;
        }
    }
}

/// The non-empty pieces of `r` between the marks `is_mark` accepts, marks
/// inside quotes (“…”, 《…》) not counting.
template <class Mark>
std::vector<range> split_outside_quotes(const cp_text& t, range r, Mark is_mark)
{
    std::vector<range> pieces;
    quote_state quotes;
    std::size_t b = r.b;
    for (std::size_t i = r.b; i <= r.e; ++i) {
        if (i < r.e) quotes.step(t, i);
        if (i == r.e || (is_mark(t.cp[i]) && !quotes.inside())) {
            if (i > b) pieces.push_back({b, i});
            b = i + 1;
        }
    }
    return pieces;
}

void extractor::sentence(const cp_text& t, std::vector<found>& nums, range sent, sink s)
{
    // clauses at , ; : outside quotes
    const std::vector<range> clauses = split_outside_quotes(t, sent, is_clause_mark);
    std::optional<date> sentence_deadline;
    std::vector<std::size_t> sentence_targets;
    sentence_action_ = nullptr;
    named_in_sentence_ = nullptr;
    previous_commitment_.reset();
    bool past = false;
    bool reviewing = false;
    for (std::size_t k = 0; k < clauses.size(); ++k) {
        auto d = deadline_in(t, nums, clauses[k]);
        if (k == 0 && d && clauses.size() > 1 && clauses[k].size() <= 10) {
            sentence_deadline = d;  // 到2027年, …: for the whole sentence
            continue;
        }
        // clauses about the past (去年…增长5.8%，今年…): until one speaks of the plan year
        if (starts_past(t, clauses[k])) {
            past = true;
            // 过去一年, 一年来, 回顾: the review itself, not one figure of the year before
            reviewing = t.at(clauses[k].b, U"过去") || t.at(clauses[k].b, U"一年来") || t.at(clauses[k].b, U"回顾");
        }
        if (past && starts_present(t, clauses[k])) past = false;
        if (past) {
            for (auto& f : in_range(nums, clauses[k].b, clauses[k].e)) {
                if (f.n.begin >= clauses[k].b && f.n.begin < clauses[k].e)
                    f.set_aside(reviewing ? set_aside_reason::review : set_aside_reason::past_year);
            }
            continue;
        }
        const std::size_t before = s.targets->size();
        clause(t, nums, clauses[k], s, d ? d : sentence_deadline, sentence_targets);
        previous_commitment_ = s.targets->size() > before ? std::optional(s.targets->back().commitment) : std::nullopt;
    }
}

// ---- targets --------------------------------------------------------------------

struct verb_reading {
    const verb_word* verb = nullptr;
    range reference;  // 不低于合同金额的55%: 合同金额
    bool yearly_average = false;
    bool cumulative = false;
    bool each = false;
    bool respectively = false;
    std::optional<change_basis> basis;
    int base_year = 0;  // 比2020年
    bool approximate = false;
    bool doubling = false;  // 翻
};

/// One clause being read: what its items share.
struct clause_reading {
    const cp_text& t;
    std::vector<found>& nums;
    range cl;
    sink s;
    std::optional<date> deadline;
    std::vector<std::size_t>& sentence_targets;  ///< the sentence's targets so far (indexes into s.targets)
    std::vector<range> items;                    ///< the clause cut at 、 outside quotes
    bool part_of = false;                        ///< the clause starts with 其中
    std::vector<range> pending = {};             ///< items without a number yet: subjects or examples
    std::size_t clause_targets = 0;
    std::optional<target_scope> carried_scope = {};
};

/// What one item of a clause says around its number, read step by step.
/// Each step (locate_value, read_before, …) binds the fields it uses to local
/// names at its top, so that its body reads as the part of the one clause()
/// it was cut from; those preambles share a shape on purpose.
struct item_reading {
    range item;
    std::vector<found*> vals;            ///< its undecided numerals, in text order
    found* v = nullptr;                  ///< the value
    found* high = nullptr;               ///< the other end of a range
    found* scope_num = nullptr;          ///< the count of a scope: 25个楼盘…
    verb_reading vr;
    std::size_t verb_begin = 0;
    range metric;                        ///< the words before the verb
    std::optional<comparator> adverb;    ///< 至少 before the verb
    std::optional<comparator> suffix;    ///< 以上 after the number
    std::size_t after = 0;               ///< where the number and its suffix end
    range noun;                          ///< the words after the number
    std::vector<range> members;          ///< the examples listed before 等
    std::optional<range> qualifier;
    range listed;                        ///< what the value is of, with a list before it
    std::vector<range> subjects;         ///< each gets the value (均, 各)
    /// The metric's words, or the noun's when there are none before the number.
    [[nodiscard]] range head() const { return metric.empty() && !noun.empty() ? noun : metric; }
};

// Reads, backwards from `end`, the verb and modifiers before a number; returns where they begin.
/// A comparison against a named figure before `e` (不低于合同金额的55%): the
/// comparator and the figure named; returns where they begin (`e` when none).
std::size_t read_reference(const cp_text& t, std::size_t begin, std::size_t e, verb_reading& v)
{
    if (!t.ends_at(e, U"的") || e <= begin + 1) return e;
    // by where the word ends, longest first: 不低于 before 低于
    for (std::size_t end_at = e - 2; end_at > begin && end_at + 16 > e; --end_at) {
        const verb_word* best = nullptr;
        for (const auto& w : verb_words) {
            if (w.comparator && !w.approximate && w.word.size() <= end_at - begin && t.ends_at(end_at, w.word) &&
                (!best || w.word.size() > best->word.size()))
                best = &w;
        }
        if (best) {
            v.verb = best;
            v.reference = {end_at, e - 1};
            return end_at - best->word.size();
        }
    }
    return e;
}

std::size_t read_verb(const cp_text& t, std::size_t begin, std::size_t end, verb_reading& v)
{
    std::size_t e = read_reference(t, begin, end, v);
    for (int guard = 0; guard < 8 && e > begin; ++guard) {
        if (t.ends_at(e, U"翻")) {
            v.doubling = true;
            --e;
            continue;
        }
        if (t.ends_at(e, U"约") || t.ends_at(e, U"大约")) {
            v.approximate = true;
            e -= std::min<std::size_t>(e - begin, t.ends_at(e, U"大约") ? 2u : 1u);
            continue;
        }
        if (!v.verb) {
            const verb_word* best = nullptr;
            for (const auto& w : verb_words) {
                if (w.approximate) continue;
                if ((!best || w.word.size() > best->word.size()) && w.word.size() <= e - begin && t.ends_at(e, w.word))
                    best = &w;
            }
            if (best) {
                v.verb = best;
                e -= best->word.size();
                continue;
            }
        }
        if (auto n = match_any_ending(t, e, yearly_average_words); n && n <= e - begin) {
            v.yearly_average = true;
            e -= n;
            continue;
        }
        if (auto n = match_any_ending(t, e, cumulative_words); n && n <= e - begin) {
            v.cumulative = true;
            e -= n;
            continue;
        }
        if (auto n = match_any_ending(t, e, same_period_words); n && n <= e - begin) {
            v.basis = change_basis::same_period_last_year;
            e -= n;
            continue;
        }
        if (auto n = match_any_ending(t, e, previous_year_words); n && n <= e - begin) {
            v.basis = change_basis::previous_year;
            e -= n;
            continue;
        }
        if (e >= begin + 6 && t.ends_at(e, U"年") && is_ascii_digit(t.cp[e - 2]) && is_ascii_digit(t.cp[e - 5]) &&
            is_ascii_digit(t.cp[e - 4]) && is_ascii_digit(t.cp[e - 3]) && (t.cp[e - 6] == U'比' || t.cp[e - 6] == U'较')) {
            // 比2020年下降18%: the change is against a base year
            v.basis = change_basis::base_year;
            v.base_year = static_cast<int>(t.cp[e - 5] - U'0') * 1000 + static_cast<int>(t.cp[e - 4] - U'0') * 100 +
                          static_cast<int>(t.cp[e - 3] - U'0') * 10 + static_cast<int>(t.cp[e - 2] - U'0');
            e -= 6;
            continue;
        }
        if (t.ends_at(e, U"分别")) {
            v.respectively = true;
            e -= 2;
            continue;
        }
        if (t.ends_at(e, U"再") || t.ends_at(e, U"将") || t.ends_at(e, U"要") || t.ends_at(e, U"可") ||
            t.ends_at(e, U"以上")) {
            e -= std::min<std::size_t>(e - begin, t.ends_at(e, U"以上") ? 2u : 1u);
            continue;
        }
        if ((v.verb || e == end) && e - begin >= 1 && match_any_ending(t, e, each_words) == 1 &&
            !(e - begin >= 2 && (t.ends_at(e, U"平均") || t.ends_at(e, U"人均") || t.ends_at(e, U"亩均")))) {
            v.each = true;
            --e;
            continue;
        }
        break;
    }
    return e;
}

// A list of trends: (count, direction)+ covering t[from, to) exactly: 两降一升,
// 双下降, 三增一减. The directions, one per counted subject, go to `trends`.
bool trend_list(const cp_text& t, std::size_t from, std::size_t to, std::vector<trend>& trends)
{
    std::vector<trend> found_trends;
    std::size_t i = from;
    while (i + 1 < to) {
        const std::u32string_view count_chars = U"一二两三四五双";
        const auto pos = count_chars.find(t.cp[i]);
        if (pos == std::u32string_view::npos) return false;
        const int n = pos == 0 ? 1 : (pos <= 2 || pos == 6) ? 2 : static_cast<int>(pos);
        std::optional<trend> tr;
        std::size_t len = 1;
        for (std::u32string_view w : {U"下降", U"降低", U"减少", U"降", U"减", U"下"}) {
            if (!tr && t.at(i + 1, w) && i + 1 + w.size() <= to) {
                tr = trend::decrease;
                len = w.size();
            }
        }
        for (std::u32string_view w : {U"上升", U"提升", U"提高", U"增长", U"升", U"增", U"提", U"上"}) {
            if (!tr && t.at(i + 1, w) && i + 1 + w.size() <= to) {
                tr = trend::increase;
                len = w.size();
            }
        }
        if (!tr) return false;
        for (int k = 0; k < n; ++k) found_trends.push_back(*tr);
        i += 1 + len;
    }
    if (i != to || found_trends.empty()) return false;
    trends = std::move(found_trends);
    return true;
}

// Where a trend list of at least two subjects ends `r` without quotes
// (死亡人数两下降), or npos.
std::size_t trend_list_ending(const cp_text& t, range r, std::vector<trend>& trends)
{
    const std::size_t earliest = r.e > r.b + 12 ? r.e - 12 : r.b + 1;
    for (std::size_t p = earliest; p + 2 <= r.e; ++p) {
        std::vector<trend> found_trends;
        if (trend_list(t, p, r.e, found_trends) && found_trends.size() >= 2) {
            trends = std::move(found_trends);
            return p;
        }
    }
    return std::string::npos;
}

bool counts_items(const cp_text& t, range noun)
{
    // a noun that names items a plan lists (项目, 楼盘, 工程…), also before 建设 (…项目建设)
    if (noun.size() > 2 && t.ends_at(noun.e, U"建设")) noun.e -= 2;
    for (std::u32string_view w : {U"项目", U"楼盘", U"工程", U"产业园", U"园区", U"基地", U"小区"}) {
        if (t.ends_at(noun.e, w)) return true;
    }
    return false;
}

/// The numerals that begin in `r`, not yet decided, that carry a unit or a
/// scale (a bare 2 is not a value).
std::vector<found*> undecided_in(std::vector<found>& nums, range r)
{
    std::vector<found*> out;
    for (auto& f : in_range(nums, r.b, r.e)) {
        if (!f.decided && f.n.begin >= r.b && f.n.begin < r.e && (f.n.unit != nullptr || f.n.scale_only))
            out.push_back(&f);
    }
    return out;
}

/// Whether the examples listed before 等 are items (projects) of what is
/// counted: the scope's noun (25个楼盘), or the counted noun.
bool members_are_items(const cp_text& t, const item_reading& ir)
{
    const found* scope_num = ir.scope_num;
    const range counted_noun = scope_num ? range{scope_num->n.after, std::min(ir.metric.e, scope_num->n.after + 4)}
                                         : (ir.noun.empty() ? ir.metric : ir.noun);
    return counts_items(t, counted_noun) ||
           (scope_num && (t.at(counted_noun.b, U"项目") || t.at(counted_noun.b, U"楼盘") || t.at(counted_noun.b, U"小区")));
}

/// Short coordinated modifiers share the last subject's head noun:
/// 城镇和农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入.
std::string extractor::subject_name(const cp_text& t, const std::vector<range>& subjects, const range& subject,
                                    const std::string& fallback) const
{
    const range sr = strip_fillers(t, subject);
    if (sr.empty()) return fallback;
    const range last_subject = strip_fillers(t, subjects.back());
    if (subjects.size() >= 2 && sr.b != last_subject.b && sr.size() <= 3 && last_subject.size() > sr.size() + 1 &&
        strip_fillers(t, subjects.front()).size() <= 3)
        return bytes(t, sr) + bytes(t, {last_subject.b + strip_fillers(t, subjects.front()).size(), last_subject.e});
    return bytes(t, sr);
}

/// Which numerals of the item are its value, the other end of a range and the
/// count of a scope; false when none is a value.
bool extractor::locate_value(clause_reading& c, item_reading& ir)
{
    const cp_text& t = c.t;
    std::vector<found>& nums = c.nums;
    const range item = ir.item;
    std::vector<found*>& vals = ir.vals;
    found*& v = ir.v;
    found*& high = ir.high;
    found*& scope_num = ir.scope_num;
    v = vals[0];
    // a range: 5.5%-6%, 三至五个, 680万至700万人次
    // vals is in text order: the other end of vals[k]'s range is vals[k + 1]
    auto second_after = [&](std::size_t at) -> found* {
        const found* a = vals[at];
        const std::size_t p = a->n.scale_only || a->n.unit ? a->n.after : a->n.end;
        const char32_t sep = t[p];
        if (sep != U'-' && sep != U'~' && sep != U'至' && sep != U'到') return nullptr;
        if (at + 1 >= vals.size()) return nullptr;
        return vals[at + 1]->n.begin == p + 1 ? vals[at + 1] : nullptr;
    };
    // an amount inside a noun before the value (税收千万元企业2家): a threshold
    std::size_t vi = 0;
    while (vi + 1 < vals.size() && v->n.unit && v->n.unit->dimension() != dimension::count &&
           v->n.unit->dimension() != dimension::percent && is_han(t[v->n.after]) &&
           has_han(t, {v->n.after, vals[vi + 1]->n.begin}) && !second_after(vi)) {
        v->set_aside(set_aside_reason::threshold);
        v = vals[++vi];
    }
    // a scope: 25个楼盘…50万平方米, 19家…企业营收增长10%
    if (vi + 1 < vals.size() && !second_after(vi) && v->n.unit && v->n.unit->dimension() == dimension::count &&
        has_han(t, {v->n.after, vals[vi + 1]->n.begin}) && vals[vi + 1]->n.begin - v->n.after <= window) {
        scope_num = v;
        v = vals[++vi];
    }
    high = second_after(vi);
    if (!high && v->n.unit == nullptr && !v->n.scale_only) return false;
    if (!high && v->n.begin >= item.b + 2) {
        const char32_t sep = t.cp[v->n.begin - 1];
        if (sep == U'-' || sep == U'~' || sep == U'至' || sep == U'到') {
            for (auto& f : in_range(nums, item.b, v->n.begin)) {
                if (!f.decided && f.n.unit == nullptr && !f.n.scale_only && f.n.after == v->n.begin - 1 &&
                    f.n.begin >= item.b) {
                    high = v;
                    v = &f;
                    break;
                }
            }
        }
    }
    return true;
}

/// The words before the number: the verb and its modifiers, the metric.
/// False when the number is a detail of the project just named.
bool extractor::read_before(clause_reading& c, item_reading& ir)
{
    const cp_text& t = c.t;
    const range item = ir.item;
    found*& v = ir.v;
    found*& high = ir.high;
    found*& scope_num = ir.scope_num;
    verb_reading& vr = ir.vr;
    std::size_t& verb_begin = ir.verb_begin;
    range& metric = ir.metric;
    std::optional<comparator>& adverb = ir.adverb;
    // the words before the number
    const std::size_t left_begin = scope_num ? scope_num->n.after : item.b;
    verb_begin = read_verb(t, left_begin, v->n.begin, vr);
    metric = strip_fillers(t, {left_begin, verb_begin});
    if (metric.size() > window) metric.b = metric.e - window;
    // 建设X项目，总投资20亿元: the investment of the project just named
    if (named_in_sentence_ && !named_in_sentence_->empty() && v->n.unit &&
        v->n.unit->dimension() == dimension::money && !high && !scope_num) {
        const bool total = t.at(metric.b, U"总投资") || t.at(metric.b, U"计划总投资");
        const bool this_year = t.at(metric.b, U"年度计划投资") || t.at(metric.b, U"年度投资") ||
                               t.at(metric.b, U"当年计划投资");
        if ((total || this_year) && metric.size() <= 6) {
            project& p = named_in_sentence_->back();
            (total ? p.total_investment : p.investment_this_year) = quantity{v->n.value, *v->n.unit};
            v->used(numeral_use::project_detail, p.id);
            return false;
        }
    }
    // 至少 before the verb: 至少举办…100场
    for (std::size_t i = verb_begin > left_begin + window ? verb_begin - window : left_begin; i < verb_begin; ++i) {
        if (t.at(i, U"至少") || t.at(i, U"不少于")) adverb = comparator::at_least;
        if (t.at(i, U"累计")) vr.cumulative = true;
        if (t.at(i, U"年均")) vr.yearly_average = true;
    }
    if (adverb && (t.at(metric.b, U"至少") || t.at(metric.b, U"不少于")))
        metric = strip_fillers(t, {metric.b + (t.at(metric.b, U"至少") ? 2u : 3u), metric.e});
    if (!vr.verb && v->n.unit && (v->n.unit->dimension() == dimension::percent)) {
        for (const auto& w : verb_words) {
            if (w.change && t.at(metric.b, w.word) && w.word.size() < metric.size()) {
                vr.verb = &w;
                metric.b += w.word.size();
                break;
            }
        }
    }
    return true;
}

/// The words after the number: a comparator suffix (以上), the noun.
void extractor::read_after(clause_reading& c, item_reading& ir)
{
    const cp_text& t = c.t;
    const range item = ir.item;
    found*& v = ir.v;
    found*& high = ir.high;
    std::optional<comparator>& suffix = ir.suffix;
    std::size_t& after = ir.after;
    range& noun = ir.noun;
    // the words after the number
    const found* last = high ? high : v;
    after = last->n.after;
    for (const auto& w : suffix_words) {
        if (t.at(after, w.word)) {
            suffix = w.comparator;
            after += w.word.size();
            break;
        }
    }
    noun = strip_fillers(t, {after, item.e});
    if (noun.size() > window) noun.e = noun.b + window;
}

/// The examples listed before 等, and the subjects that each get the value.
void extractor::read_subjects(clause_reading& c, item_reading& ir)
{
    const cp_text& t = c.t;
    std::vector<range>& pending = c.pending;
    const range item = ir.item;
    found*& scope_num = ir.scope_num;
    verb_reading& vr = ir.vr;
    range& metric = ir.metric;
    std::vector<range>& members = ir.members;
    range& listed = ir.listed;
    std::vector<range>& subjects = ir.subjects;
    // 等: the items listed before it are examples
    listed = metric;
    const std::size_t list_end = scope_num ? scope_num->n.begin : metric.e;
    if (const auto deng = find_word(t, {pending.empty() ? item.b : pending.front().b, list_end}, U"等");
        deng != std::string::npos && deng >= item.b) {
        members = pending;
        members.push_back({item.b, deng});
        if (!scope_num) metric.b = std::max(metric.b, deng + 1);
        pending.clear();
    } else if (!vr.each && !pending.empty() && !scope_num) {
        // A、B…X: the list qualifies one target
        listed = {pending.front().b, metric.e};
    }

    // each subject of a 均/各 list gets the value
    auto split_and = [&](range r) {
        std::vector<range> parts;
        std::size_t b = r.b;
        for (std::size_t i = r.b; i < r.e; ++i) {
            if ((t.cp[i] == U'和' || t.cp[i] == U'与' || t.cp[i] == U'及') && i > b) {
                parts.push_back({b, i});
                b = i + 1;
            }
        }
        parts.push_back({b, r.e});
        return parts;
    };
    if ((vr.each || vr.respectively) && !scope_num) {
        subjects = pending;
        for (const auto& piece : split_and(metric)) subjects.push_back(piece);
        pending.clear();
        if (subjects.size() == 1) subjects.assign(1, listed);
    } else {
        subjects.push_back(listed);
        pending.clear();
    }
}

/// The denominator of a rate named before the verb: 每万人口…X人 gives 万人,
/// 亩均…X万元 gives 亩; empty for no rate.
std::string rate_denominator(const cp_text& t, range metric, std::size_t verb_begin)
{
    if (const auto mei = find_word(t, {metric.b, verb_begin}, U"每"); mei != std::string::npos) {
        std::size_t e = mei + 1;
        while (e < verb_begin && e < mei + 6 && t.cp[e] != U'人') ++e;
        if (e < verb_begin && t.cp[e] == U'人') return to_utf8(std::u32string_view(t.cp).substr(mei + 1, e - mei));
        return {};
    }
    if (find_word(t, metric, U"亩均") != std::string::npos) return "亩";
    return {};
}

/// The comparator, hedge, value or range, trend and the other terms of the
/// target, and its commitment (kept from the clause before when the item
/// goes on with its object: 争创A企业2家，B企业2家).
void extractor::state_terms(clause_reading& c, const item_reading& ir, target& tg, const decimal& value,
                            const std::optional<decimal>& high_value, std::optional<trend> tr)
{
    const cp_text& t = c.t;
    const range cl = c.cl;
    const std::optional<date>& deadline = c.deadline;
    found* const v = ir.v;
    found* const high = ir.high;
    found* const scope_num = ir.scope_num;
    const verb_reading& vr = ir.vr;
    const std::size_t verb_begin = ir.verb_begin;
    const std::optional<comparator>& adverb = ir.adverb;
    const std::optional<comparator>& suffix = ir.suffix;
    const range listed = ir.listed;
    tg.comparator = comparator::exactly;
    if (vr.verb && vr.verb->comparator) tg.comparator = *vr.verb->comparator;
    if (adverb && tg.comparator == comparator::exactly) tg.comparator = *adverb;
    if (suffix) tg.comparator = *suffix;
    if (vr.approximate) {
        tg.comparator = comparator::about;
        tg.hedge = hedge::approximate;
    }
    if (v->n.hedge == hedge::over) tg.hedge = hedge::over;
    if (high_value) {
        tg.comparator = comparator::range;
        tg.low = value;
        tg.high = high_value;
    } else {
        tg.value = value;
    }
    tg.trend = tr;
    tg.yearly_average = vr.yearly_average;
    tg.cumulative = vr.cumulative;
    tg.basis = vr.basis;
    if (vr.base_year > 0) tg.baseline = baseline{vr.base_year, std::nullopt, std::nullopt};
    tg.per_capita = find_word(t, {listed.b, verb_begin}, U"人均") != std::string::npos;
    tg.commitment = commitment_at(t, cl, v->n.begin);
    if (tg.commitment == commitment::expected && previous_commitment_ && !vr.verb && !scope_num &&
        !starts_with_verb(t, strip_fillers(t, {cl.b, v->n.begin})) &&
        commitment_at(t, cl, cl.e) == commitment::expected)
        tg.commitment = *previous_commitment_;  // 争创A企业2家，B企业2家: the object goes on
    tg.deadline = deadline;
    tg.value_span = span(t, {v->n.begin, (high ? high : v)->n.end});
}

/// The target the item states: kind, unit, value, comparator, commitment;
/// `value` is the number as read (the low end of a range). nullopt when the
/// number cannot be a target's.
std::optional<target> extractor::read_target(clause_reading& c, item_reading& ir, decimal& value)
{
    const cp_text& t = c.t;
    found*& v = ir.v;
    found*& high = ir.high;
    verb_reading& vr = ir.vr;
    std::size_t& verb_begin = ir.verb_begin;
    range& metric = ir.metric;
    // kind, unit, value
    const unit* u = v->n.unit ? v->n.unit : (high ? high->n.unit : nullptr);
    value = v->n.value;
    std::optional<decimal> high_value = high ? std::optional<decimal>(high->n.value) : std::nullopt;
    if (v->n.scale_only && !high) {
        auto scaled = decimal::multiply(value, decimal::from_integer(t[v->n.end] == U'亿' ? 100'000'000 : 10'000));
        if (!scaled) return std::nullopt;
        value = *scaled;
    }
    target tg;
    std::optional<trend> tr = vr.verb ? vr.verb->trend : std::nullopt;
    const bool level_verb = vr.verb && vr.verb->level;
    const bool change_verb = vr.verb && vr.verb->change;
    std::string symbol = u ? u->symbol() : std::string();
    const dimension dim = u ? u->dimension() : dimension::count;
    bool ok = true;
    auto times = [&](decimal x, std::int64_t factor) {
        auto r = decimal::multiply(x, decimal::from_integer(factor));
        if (!r) ok = false;
        return r ? *r : x;
    };
    if (u && symbol == "番" && vr.doubling) {
        // 翻N番: growth of (2^N - 1) × 100 %
        const auto written = value.to_string();
        int n = 0;
        std::from_chars(written.data(), written.data() + written.size(), n);
        if (n < 1 || n > 10) return std::nullopt;
        value = decimal::from_integer(((std::int64_t{1} << n) - 1) * 100);
        tg.kind = target_kind::growth_rate;
        symbol = "%";
        tr = trend::increase;
    } else if (u && symbol == "倍" && change_verb) {
        value = times(value, 100);
        if (high_value) high_value = times(*high_value, 100);
        tg.kind = tr == trend::decrease ? target_kind::reduction_rate : target_kind::growth_rate;
        symbol = "%";
    } else if (u && symbol == "成") {
        value = times(value, 10);
        if (high_value) high_value = times(*high_value, 10);
        symbol = "%";
        tg.kind = change_verb ? (tr == trend::decrease ? target_kind::reduction_rate : target_kind::growth_rate)
                              : target_kind::share;
    } else if (dim == dimension::percent) {
        if (change_verb) tg.kind = tr == trend::decrease ? target_kind::reduction_rate : target_kind::growth_rate;
        else if (!level_verb && (find_word(t, metric, U"增速") != std::string::npos ||
                                 find_word(t, metric, U"增幅") != std::string::npos))
            tg.kind = target_kind::growth_rate;
        else tg.kind = value > decimal::from_integer(100) ? target_kind::level : target_kind::share;
    } else if (dim == dimension::percentage_point) {
        tg.kind = target_kind::pp_change;
        if (!tr || *tr == trend::stable) tr = trend::increase;
    } else if (level_verb || dim == dimension::duration || dim == dimension::ratio) {
        tg.kind = target_kind::level;
    } else if (dim == dimension::count) {
        tg.kind = target_kind::count;
    } else {
        tg.kind = target_kind::amount;
    }
    if (!ok) return std::nullopt;
    if (tg.kind == target_kind::growth_rate) tr = trend::increase;
    if (tg.kind == target_kind::reduction_rate) tr = trend::decrease;
    if (tg.kind == target_kind::amount || tg.kind == target_kind::count || tg.kind == target_kind::share ||
        (tg.kind == target_kind::level && tr == trend::stable))
        tr = std::nullopt;
    // rates: 每万人口…X人, 亩均…X万元
    const std::string per = rate_denominator(t, metric, verb_begin);
    if (!per.empty()) tg.kind = target_kind::level;
    if (!symbol.empty()) {
        auto found_unit = options_.units.find(per.empty() ? symbol : symbol + "/" + per);
        if (!found_unit) return std::nullopt;
        tg.unit = *found_unit;
    }

    state_terms(c, ir, tg, value, high_value, tr);
    return tg;
}

/// The target's metric, qualifier, scope, provenance and parent; nullopt when
/// the number is instead the stretch of the target before (确保增长5%、力争6%).
/// A threshold in the metric (千万元以上项目, 亿元以上项目) is the target's
/// qualifier, and leaves the metric's text.
void extractor::threshold_qualifier(const cp_text& t, std::vector<found>& nums, item_reading& ir,
                                    std::string& metric_text) const
{
    const range metric = ir.metric;
    std::optional<range>& qualifier = ir.qualifier;
    for (auto& f : in_range(nums, metric.b, metric.e)) {
        if (f.reason == set_aside_reason::threshold && f.n.begin >= metric.b && f.n.begin < metric.e &&
            (t.at(f.n.after, U"以上") || t.at(f.n.after, U"以下"))) {
            const std::size_t above = f.n.after + 2;
            qualifier = range{f.n.begin, std::min(metric.e, above + 8)};
            std::size_t q_end = above;
            while (q_end < metric.e && is_han(t.cp[q_end])) ++q_end;
            qualifier->e = q_end;
            metric_text = bytes(t, {metric.b, f.n.begin}) + bytes(t, {above, q_end});
            break;
        }
    }
    if (!qualifier) {
        // 亿元以上项目: a threshold written without a number
        for (std::u32string_view w : {U"亿元以上", U"万元以上", U"规模以上"}) {
            if (w == U"规模以上") continue;
            const auto at = find_word(t, metric, w);
            if (at != std::string::npos && at + w.size() < metric.e) {
                qualifier = range{at, metric.e};
                metric_text = bytes(t, {metric.b, at}) + bytes(t, {at + w.size(), metric.e});
                break;
            }
        }
    }
}

std::optional<std::string> extractor::describe_target(clause_reading& c, item_reading& ir, target& tg, const decimal& value)
{
    const cp_text& t = c.t;
    std::vector<found>& nums = c.nums;
    const range cl = c.cl;
    const sink& s = c.s;
    std::vector<std::size_t>& sentence_targets = c.sentence_targets;
    std::size_t& clause_targets = c.clause_targets;
    std::optional<target_scope>& carried_scope = c.carried_scope;
    const bool part_of = c.part_of;
    const range item = ir.item;
    found*& v = ir.v;
    found*& scope_num = ir.scope_num;
    verb_reading& vr = ir.vr;
    range& metric = ir.metric;
    std::size_t& after = ir.after;
    range& noun = ir.noun;
    std::vector<range>& members = ir.members;
    std::optional<range>& qualifier = ir.qualifier;
    range& listed = ir.listed;
    // metric and qualifier
    const range head = ir.head();
    std::string metric_text = bytes(t, head);
    if (!noun.empty() && !head.empty() && head.b != noun.b) metric_text += bytes(t, noun);
    threshold_qualifier(t, nums, ir, metric_text);
    // scope
    if (scope_num) {
        target_scope sc;
        sc.count = scope_num->n.value;
        sc.measure_word = scope_num->n.unit->symbol();
        range sn{scope_num->n.after, metric.e};
        // the noun of the set ends at its head (楼盘, 企业…) outside quotes
        std::size_t cut = std::string::npos;
        int depth = 0;
        for (std::size_t i = sn.b; i < sn.e && cut == std::string::npos; ++i) {
            if (is_open_quote(t.cp[i])) ++depth;
            if (is_close_quote(t.cp[i]) && depth > 0) --depth;
            if (depth > 0) continue;
            for (auto w : scope_heads) {
                if (t.at(i, w) && i + w.size() < sn.e) {
                    cut = i + w.size();
                    break;
                }
            }
        }
        if (cut != std::string::npos) {
            sc.noun = bytes(t, {sn.b, cut});
            range rest = strip_fillers(t, {cut, sn.e});
            if (!rest.empty()) metric_text = bytes(t, rest);
        } else {
            sc.noun = bytes(t, sn);
        }
        if (sc.noun.empty()) sc.noun = metric_text;
        tg.scope = sc;
        carried_scope = sc;
    } else if (carried_scope && metric.b == item.b) {
        tg.scope = carried_scope;
    }
    if (!members.empty() && !members_are_items(t, ir)) {
        qualifier = range{members.front().b, std::min(metric.b, metric.e)};
    }
    if (!vr.reference.empty() && !qualifier) qualifier = vr.reference;
    if (qualifier) tg.qualifier = bytes(t, strip_fillers(t, *qualifier));
    if (metric_text.empty()) {
        // 确保增长5%、力争6%: the stretch of the target before
        if (!sentence_targets.empty() && clause_targets > 0 && tg.commitment == commitment::aspirational) {
            target& before = (*s.targets)[sentence_targets.back()];
            if (!before.stretch && before.value && (before.unit.symbol() == tg.unit.symbol())) {
                before.stretch = value;
                v->used(numeral_use::target_value, before.id);
                return std::nullopt;
            }
        }
        if (!sentence_targets.empty()) metric_text = (*s.targets)[sentence_targets.back()].metric;
    }
    if (metric_text.empty()) metric_text = bytes(t, cl);
    tg.provenance = prov(t, {members.empty() ? std::min(listed.b, item.b) : members.front().b,
                             std::max(after, std::min(item.e, noun.e))});
    if (part_of && !sentence_targets.empty()) tg.parent_id = (*s.targets)[sentence_targets.back()].id;
    return metric_text;
}

/// One target per subject of a 均/各 list, grouped; the target itself otherwise.
std::vector<target> extractor::one_per_subject(clause_reading& c, item_reading& ir, target tg, const std::string& metric_text)
{
    const cp_text& t = c.t;
    const sink& s = c.s;
    std::vector<range>& subjects = ir.subjects;
    std::vector<target> made;
    if (subjects.size() > 1) {
        const std::string group_id = fmt::format("g{}-{}", s.area, tg.provenance.offset.value_or(0));
        for (const auto& subject : subjects) {
            target each = tg;
            each.metric = subject_name(t, subjects, subject, metric_text);
            each.group = statement_group{group_id, group_mode::each};
            made.push_back(std::move(each));
        }
    } else {
        tg.metric = metric_text;
        made.push_back(std::move(tg));
    }
    return made;
}

/// 分别 with several values (A、B分别增长5.5%和7%): one target per value, added
/// at once; false when there is one value. `k` moves past the items it reads.
bool extractor::several_values(clause_reading& c, item_reading& ir, std::size_t& k, std::vector<target>& made, const std::string& metric_text)
{
    const cp_text& t = c.t;
    const sink& s = c.s;
    std::vector<std::size_t>& sentence_targets = c.sentence_targets;
    std::size_t& clause_targets = c.clause_targets;
    const std::vector<range>& items = c.items;
    std::vector<found*>& vals = ir.vals;
    found*& v = ir.v;
    found*& high = ir.high;
    found*& scope_num = ir.scope_num;
    verb_reading& vr = ir.vr;
    std::vector<range>& subjects = ir.subjects;
    // 分别 with several values: A、B分别增长5.5%和7%
    if (vr.respectively) {
        std::vector<found*> values{v};
        for (auto* f : vals) {
            if (f != v && f != high && f != scope_num && f->n.begin > v->n.begin) values.push_back(f);
        }
        for (std::size_t j = k + 1; j < items.size(); ++j) {  // …45万吨、2万吨
            auto extra = undecided_in(c.nums, items[j]);
            if (extra.size() != 1 || extra[0]->n.begin != items[j].b) break;
            values.push_back(extra[0]);
            k = j;
        }
        if (values.size() > 1) {
            const target base = made.front();
            const std::string group_id = fmt::format("g{}-{}", s.area, base.provenance.offset.value_or(0));
            made.clear();
            const std::string shared_metric = bytes(t, ir.head());
            for (std::size_t i = 0; i < values.size(); ++i) {
                target r = base;
                r.group.reset();
                if (subjects.size() == values.size()) {
                    r.metric = subject_name(t, subjects, subjects[i], shared_metric);
                } else {
                    r.metric = shared_metric.empty() ? metric_text : shared_metric;
                }
                r.value = values[i]->n.value;
                r.value_span = span(t, {values[i]->n.begin, values[i]->n.end});
                r.hedge = values[i]->n.hedge == hedge::over ? hedge::over : base.hedge;
                r.group = statement_group{group_id, group_mode::respectively};
                r.id = new_target_id(s);
                values[i]->used(numeral_use::target_value, r.id);
                made.push_back(std::move(r));
            }
            for (auto& r : made) {
                sentence_targets.push_back(s.targets->size());
                s.targets->push_back(std::move(r));
                ++clause_targets;
            }
            return true;
        }
    }
    return false;
}

/// The members listed before 等 are named projects when the target counts items.
void extractor::member_projects(clause_reading& c, item_reading& ir, target& first)
{
    const cp_text& t = c.t;
    std::vector<found>& nums = c.nums;
    const sink& s = c.s;
    found*& scope_num = ir.scope_num;
    range& metric = ir.metric;
    range& noun = ir.noun;
    std::vector<range>& members = ir.members;
    // the members before 等 are named projects when the target counts items
    std::vector<std::string> member_ids;
    if (!members.empty() && members_are_items(t, ir) && s.projects) {
        // the action verb at the start of the first member
        const action_word* act = nullptr;
        members.front() = strip_fillers(t, members.front());
        while (!members.front().empty() && (t.at(members.front().b, U"全年") || t.at(members.front().b, U"积极")))
            members.front().b += 2;
        for (const auto& a : action_words) {
            if (t.at(members.front().b, a.word) && (!act || a.word.size() > act->word.size())) act = &a;
        }
        std::size_t verb_b = members.front().b;
        const std::size_t lead = cue_at(t, verb_b);
        if (!act && lead > 0) {
            for (const auto& a : action_words) {
                if (t.at(verb_b + lead, a.word) && (!act || a.word.size() > act->word.size())) act = &a;
            }
            if (act) verb_b += lead;
        }
        if (act) {
            members.front().b = verb_b + act->word.size();
            sentence_action_ = act;
        } else {
            act = sentence_action_;  // 组织申报A等…项目30个，B等…项目80个
        }
        for (const auto& m : members) {
            range name = strip_fillers(t, m);
            if (name.empty() || name.size() > window) continue;
            project p;
            p.id = new_project_id(s);
            name_with_capacity(t, nums, name, p, false);
            p.action = act ? to_utf8(act->word) : std::string();
            p.stage = act ? act->stage : project_stage::build;
            p.type = act && act->type != item_type::project ? act->type : item_type::project;
            const range counted = noun.empty() ? metric : noun;
            std::string category = bytes(t, counted);
            if (category.size() > 6 && category.ends_with("项目")) category.resize(category.size() - 6);
            p.category = category;
            p.commitment = first.commitment;
            p.provenance = prov(t, name);
            if (!scope_num) p.targets.push_back({first.id, link_role::exemplifies});
            member_ids.push_back(p.id);
            s.projects->push_back(std::move(p));
        }
        if (scope_num && first.scope) first.scope->project_ids = member_ids;
        else first.project_ids = member_ids;
        if (act) {
            // the action is part of what is counted: 加快建设…已获批政策性资金项目
            if (!first.metric.starts_with(to_utf8(act->word)))
                first.metric = to_utf8(act->word) + first.metric;
        }
    }
}

/// A park the target happens in: 杉林现代食品产业园入驻企业10家.
void extractor::site_project(clause_reading& c, item_reading& ir, const target& first)
{
    const cp_text& t = c.t;
    const sink& s = c.s;
    range& metric = ir.metric;
    // a park the target happens in: 杉林现代食品产业园入驻企业10家
    for (std::u32string_view w : {U"入驻", U"进驻"}) {
        const auto at = find_word(t, metric, w);
        if (at == std::string::npos || !s.projects || at <= metric.b + 1) continue;
        const range site{metric.b, at};
        bool headed = false;
        for (auto h : item_heads) {
            if (t.ends_at(site.e, h)) headed = true;
        }
        if (!headed) continue;
        project p;
        p.id = new_project_id(s);
        p.name = bytes(t, site);
        p.action = bytes(t, {at, metric.e});
        p.stage = project_stage::operate;
        p.commitment = first.commitment;
        p.provenance = prov(t, site);
        p.targets.push_back({first.id, link_role::site_of});
        s.projects->push_back(std::move(p));
        break;
    }
}

void extractor::clause(const cp_text& t, std::vector<found>& nums, range cl, sink s, std::optional<date> deadline,
                       std::vector<std::size_t>& sentence_targets)
{
    // items at 、 outside quotes
    clause_reading c{t, nums, cl, s, deadline, sentence_targets,
                     split_outside_quotes(t, cl, [](char32_t ch) { return ch == U'、'; }), t.at(cl.b, U"其中")};
    const std::vector<range>& items = c.items;
    if (!items.empty()) {
        const range opening = strip_fillers(t, items.front());
        const action_word* own = nullptr;
        for (const auto& a : action_words) {
            if (t.at(opening.b, a.word) && (!own || a.word.size() > own->word.size())) own = &a;
        }
        if (own) sentence_action_ = own;
    }
    for (std::size_t k = 0; k < items.size(); ++k) {
        item_reading ir;
        ir.item = items[k];
        ir.vals = undecided_in(nums, ir.item);
        if (ir.vals.empty()) {
            c.pending.push_back(ir.item);
            continue;
        }
        if (!locate_value(c, ir) || !read_before(c, ir)) continue;
        read_after(c, ir);
        read_subjects(c, ir);
        decimal value;
        auto tg = read_target(c, ir, value);
        if (!tg) continue;
        const auto metric_text = describe_target(c, ir, *tg, value);
        if (!metric_text) continue;
        auto made = one_per_subject(c, ir, std::move(*tg), *metric_text);
        if (several_values(c, ir, k, made, *metric_text)) continue;
        for (auto& r : made) r.id = new_target_id(s);
        ir.v->used(numeral_use::target_value, made.front().id);
        if (ir.high) ir.high->used(numeral_use::target_value, made.front().id);
        if (ir.scope_num) ir.scope_num->used(numeral_use::target_scope, made.front().id);
        member_projects(c, ir, made.front());
        site_project(c, ir, made.front());
        for (auto& r : made) {
            sentence_targets.push_back(s.targets->size());
            s.targets->push_back(std::move(r));
            ++c.clause_targets;
        }
    }
    // items left without a number: a qualitative commitment, or named items
    if (!c.pending.empty() || c.clause_targets == 0) {
        if (!qualitative(t, nums, cl, c.pending, s, deadline, sentence_targets))
            named_items(t, nums, cl, c.clause_targets == 0 ? items : c.pending, s);
    }
}


/// A grade (争创AA级信用评级, 创成5A级景区) in a clause of one subject: one
/// grade target, added. False when the subject states none.
std::optional<bool> extractor::grade_target(const cp_text& t, std::vector<found>& nums, const std::vector<range>& subjects, target tg,
                             sink s, std::vector<std::size_t>& sentence_targets)
{
    const range last = subjects.back();
    for (std::size_t i = last.b; i < last.e && subjects.size() == 1; ++i) {
        if (!(t.cp[i] == U'A' || (is_ascii_digit(t.cp[i]) && t[i + 1] == U'A'))) continue;
        if (i > last.b && (is_ascii_letter(t.cp[i - 1]) || is_ascii_digit(t.cp[i - 1]))) continue;
        std::size_t e = i + (is_ascii_digit(t.cp[i]) ? 1 : 0);
        while (e < last.e && t.cp[e] == U'A') ++e;
        if (t[e] != U'级') continue;
        ++e;
        tg.kind = target_kind::grade;
        tg.comparator = comparator::none;
        tg.grade = bytes(t, {i, e});
        range before = strip_fillers(t, {last.b, i});
        range after = strip_fillers(t, {e, last.e});
        tg.metric = bytes(t, after.empty() ? before : after);
        if (tg.metric.empty()) return false;
        tg.id = new_target_id(s);
        tg.provenance = prov(t, last);
        for (auto& f : in_range(nums, i, i + 1)) {
            if (f.n.begin == i) {
                f.decided = false;
                f.used(numeral_use::target_value, tg.id);
            }
        }
        sentence_targets.push_back(s.targets->size());
        s.targets->push_back(std::move(tg));
        return true;
    }

    return std::nullopt;
}

/// 扩大A、B和C等覆盖面: a direction for each subject of a measurable noun,
/// added. False when the clause is not of that shape.
bool extractor::coverage_directions(const cp_text& t, const std::vector<range>& subjects, const target& tg, sink s,
                                    std::vector<std::size_t>& sentence_targets)
{
    const range last = subjects.back();
    static constexpr std::u32string_view heads[] = {U"覆盖面", U"覆盖率", U"参保率", U"占比", U"比重"};
    static constexpr std::u32string_view ups[] = {U"巩固扩大", U"扩大", U"提高", U"提升", U"增加"};
    static constexpr std::u32string_view downs[] = {U"降低", U"减少", U"压减", U"缩小"};
    const auto head = match_any_ending(t, last.e, heads);
    range opening = strip_fillers(t, subjects.front());
    while (!opening.empty() && (t.at(opening.b, U"巩固") && !t.at(opening.b, U"巩固扩大"))) opening.b += 2;
    const auto up = match_any(t, opening.b, ups);
    const auto down = match_any(t, opening.b, downs);
    if (head > 0 && (up > 0 || down > 0) && head < last.size()) {
        std::vector<range> parts = subjects;
        parts.front() = {opening.b + std::max(up, down), parts.front().e};
        parts.back().e = last.e - head;
        if (const auto deng = find_word(t, parts.back(), U"等"); deng != std::string::npos) parts.back().e = deng;
        // 大病保险和普惠商业保险: joined by 和
        std::vector<range> names;
        for (const auto& r : parts) {
            std::size_t b = r.b;
            for (std::size_t i = r.b; i <= r.e; ++i) {
                if (i == r.e || t.cp[i] == U'和' || t.cp[i] == U'及' || t.cp[i] == U'与') {
                    if (i > b) names.push_back(strip_fillers(t, {b, i}));
                    b = i + 1;
                }
            }
        }
        std::erase_if(names, [](const range& r) { return r.empty() || r.size() > window; });
        if (!names.empty()) {
            const std::string head_text = bytes(t, {last.e - head, last.e});
            const std::string group_id = fmt::format("g{}-{}", s.area, t.offset[subjects.front().b]);
            for (const auto& r : names) {
                target each = tg;
                each.kind = target_kind::direction;
                each.comparator = comparator::direction;
                each.trend = up > 0 ? trend::increase : trend::decrease;
                each.id = new_target_id(s);
                each.metric = bytes(t, r) + head_text;
                if (names.size() > 1) each.group = statement_group{group_id, group_mode::each};
                each.provenance = prov(t, {subjects.front().b, last.e});
                sentence_targets.push_back(s.targets->size());
                s.targets->push_back(std::move(each));
            }
            return true;
        }
    }
    return false;
}

/// The outcome a clause ends with (全覆盖, 清零, 持续稳定, 合理区间, 正增长, a
/// trend list, 明显降低): the target's kind, comparator and value, and where
/// the subjects end; nullopt when it ends with none.
std::optional<std::size_t> extractor::outcome_of(const cp_text& t, std::vector<found>& nums, range last, target& tg,
                                                 std::vector<trend>& trends)
{
    std::size_t cut = last.e;
    if (t.ends_at(last.e, U"全覆盖") || t.ends_at(last.e, U"全面达标") || t.ends_at(last.e, U"全部达标")) {
        tg.kind = target_kind::attainment;
        tg.comparator = comparator::exactly;
        tg.value = decimal::from_integer(100);
        if (const unit* percent = options_.units.lookup("%")) tg.unit = *percent;  // without %, validation leaves it out
        tg.value_implied = true;
        cut = last.e - (t.ends_at(last.e, U"全覆盖") ? 3 : 4);
    } else if (t.ends_at(last.e, U"清零") || t.ends_at(last.e, U"动态清零")) {
        tg.kind = target_kind::attainment;
        tg.comparator = comparator::exactly;
        tg.value = decimal::from_integer(0);
        tg.value_implied = true;
        cut = last.e - (t.ends_at(last.e, U"动态清零") ? 4 : 2);
    } else if (t.ends_at(last.e, U"持续稳定") || t.ends_at(last.e, U"保持稳定") || t.ends_at(last.e, U"总体稳定")) {
        tg.kind = target_kind::qualitative;
        tg.comparator = comparator::none;
        tg.trend = trend::stable;
        cut = last.e - 4;
    } else if (t.ends_at(last.e, U"合理区间")) {
        tg.kind = target_kind::level;
        tg.comparator = comparator::within;
        tg.reference = "合理区间";
        cut = last.e - 4;
        for (std::u32string_view w : {U"保持在", U"保持", U"处于", U"运行在", U"在"}) {
            if (t.ends_at(cut, w)) {
                cut -= w.size();
                break;
            }
        }
    } else if (t.ends_at(last.e, U"正增长") || t.ends_at(last.e, U"负增长")) {
        tg.kind = target_kind::direction;
        tg.comparator = comparator::direction;
        tg.trend = t.ends_at(last.e, U"正增长") ? trend::increase : trend::decrease;
        cut = last.e - 3;
        for (std::u32string_view w : {U"保持", U"实现", U"力争", U"确保"}) {
            if (t.ends_at(cut, w)) {
                cut -= w.size();
                break;
            }
        }
    } else if (last.size() >= 4 && is_close_quote(t.cp[last.e - 1])) {
        // a trend list in quotes: “两降一升”
        std::size_t open = last.e - 1;
        while (open > last.b && !is_open_quote(t.cp[open - 1])) --open;
        if (open == last.b) return std::nullopt;
        const std::size_t q = open;  // first code point inside the quotes
        if (!trend_list(t, q, last.e - 1, trends)) return std::nullopt;

        tg.kind = target_kind::direction;
        tg.comparator = comparator::direction;
        cut = open - 1;
        for (auto& f : in_range(nums, q, last.e)) {
            if (f.n.begin >= q && f.n.begin < last.e) f.decided = false;
        }
    } else if (const std::size_t list_at = trend_list_ending(t, last, trends); list_at != std::string::npos) {
        // the same list without quotes: 死亡人数两下降
        tg.kind = target_kind::direction;
        tg.comparator = comparator::direction;
        cut = list_at;
        for (auto& f : in_range(nums, list_at, last.e)) {
            if (f.n.begin >= list_at && f.n.begin < last.e) f.decided = false;
        }
    } else {
        // 明显降低, 稳步提高: a direction with an adverb
        static constexpr std::u32string_view adverbs[] = {U"明显", U"显著", U"稳步", U"大幅", U"持续", U"逐步", U"有所", U"进一步", U"不断"};
        static constexpr std::u32string_view verbs[] = {U"降低", U"下降", U"减少", U"提高", U"提升", U"增长", U"增加", U"上升"};
        const auto v = match_any_ending(t, last.e, verbs);
        if (v == 0) return std::nullopt;
        const auto a = match_any_ending(t, last.e - v, adverbs);
        if (a == 0 || last.size() <= v + a + 1) return std::nullopt;
        const bool down = t.ends_at(last.e, U"降低") || t.ends_at(last.e, U"下降") || t.ends_at(last.e, U"减少");
        tg.kind = target_kind::direction;
        tg.comparator = comparator::direction;
        tg.trend = down ? trend::decrease : trend::increase;
        cut = last.e - v - a;
    }
    return cut;
}

bool extractor::qualitative(const cp_text& t, std::vector<found>& nums, range cl, std::vector<range> subjects, sink s,
                            std::optional<date> deadline, std::vector<std::size_t>& sentence_targets)
{
    if (subjects.empty()) return false;
    range last = subjects.back();
    target tg;
    tg.commitment = commitment_at(t, cl, last.e);
    tg.deadline = deadline;
    std::vector<trend> trends;
    if (const auto graded = grade_target(t, nums, subjects, tg, s, sentence_targets)) return *graded;
    if (coverage_directions(t, subjects, tg, s, sentence_targets)) return true;
    const auto cut = outcome_of(t, nums, last, tg, trends);
    if (!cut) return false;
    subjects.back().e = *cut;
    // 确保A“两降一升”，B全面达标，C持续稳定: an outcome clause with no verb and no cue of its
    // own goes on with the commitment of the clause before, as a numeral's object does
    if (tg.commitment == commitment::expected && previous_commitment_ &&
        !starts_with_verb(t, strip_fillers(t, subjects.front())))
        tg.commitment = *previous_commitment_;
    std::vector<range> names;
    for (auto r : subjects) {
        r = strip_fillers(t, r);
        for (std::u32string_view w : {U"加快实现", U"逐步实现", U"全面实现", U"基本实现", U"实现", U"确保", U"推动"}) {
            if (t.at(r.b, w) && w.size() < r.size()) {
                r.b += w.size();
                break;
            }
        }
        if (!r.empty() && r.size() <= window) names.push_back(r);
    }
    if (names.empty()) return false;
    if (!trends.empty() && trends.size() != names.size()) {
        note(t, last, "", "a trend list whose count does not match its subjects");
        return false;
    }
    const std::string group_id = fmt::format("g{}-{}", s.area, t.offset[subjects.front().b]);
    std::string first_id;
    for (std::size_t k = 0; k < names.size(); ++k) {
        target each = tg;
        each.id = new_target_id(s);
        each.metric = bytes(t, names[k]);
        if (!trends.empty()) each.trend = trends[k];
        if (names.size() > 1) each.group = statement_group{group_id, group_mode::each};
        each.provenance = prov(t, {subjects.front().b, last.e});
        if (first_id.empty()) first_id = each.id;
        sentence_targets.push_back(s.targets->size());
        s.targets->push_back(std::move(each));
    }
    for (auto& f : in_range(nums, subjects.front().b, last.e)) {
        if (!f.decided && f.n.begin >= subjects.front().b && f.n.begin < last.e && f.in_quotes && !trends.empty())
            f.used(numeral_use::target_value, first_id);
    }
    return true;
}

/// The project's name and capacity from `name`: a quantity at the head of the
/// name, or one set aside as a capacity (年产5万吨, 1200吨人用益生菌), is the
/// capacity and leaves the name; with `inside`, only one that ends before the
/// name does.
void extractor::name_with_capacity(const cp_text& t, std::vector<found>& nums, range name, project& p, bool inside) const
{
    for (auto& f : in_range(nums, name.b, name.e)) {
        if (f.n.begin >= name.b && f.n.begin < name.e && f.n.unit && (!inside || f.n.after < name.e) &&
            (f.n.begin == name.b || f.reason == set_aside_reason::capacity)) {
            const std::size_t cap_b = f.n.begin - match_any_ending(t, f.n.begin, capacity_words);
            p.capacity = bytes(t, {cap_b, f.n.after});
            p.name = bytes(t, {name.b, cap_b}) + bytes(t, {f.n.after, name.e});
            f.decided = false;
            f.set_aside(set_aside_reason::capacity);
            f.element_id = p.id;
        }
    }
    if (p.name.empty()) p.name = bytes(t, name);
}

/// A project for each name, with the action that names it (none: built).
void extractor::add_named_projects(const cp_text& t, std::vector<found>& nums, range cl, const std::vector<range>& names,
                                   const action_word* act, sink s)
{
    for (const auto& r : names) {
        project p;
        p.id = new_project_id(s);
        p.action = act ? to_utf8(act->word) : std::string();
        p.stage = act ? act->stage : project_stage::build;
        p.type = act ? act->type : item_type::project;
        p.commitment = commitment_at(t, cl, r.b);
        p.provenance = prov(t, r);
        name_with_capacity(t, nums, r, p, true);
        s.projects->push_back(std::move(p));
    }
}

/// 支持A、B争创国家级示范区: a bid for a designation in the last item; the
/// designation is the project. True when the item holds one.
bool extractor::designation_bid(const cp_text& t, range cl, range last, sink s)
{
    const action_word* act = nullptr;
    range first = last;
    for (std::size_t p = last.b; p < last.e && p < last.b + 10 && !act; ++p) {
        const action_word* best = nullptr;
        for (const auto& a : action_words) {
            if (a.word[0] == t.cp[p] && t.at(p, a.word) && (!best || a.word.size() > best->word.size())) best = &a;
        }
        if (best && best->type == item_type::designation_bid) {
            act = best;
            first = {p + best->word.size(), last.e};
        }
    }
    if (!act) return false;
    const range name = strip_fillers(t, first);
    bool headed = false;
    for (auto h : item_heads) {
        if (t.ends_at(name.e, h)) headed = true;
    }
    if (headed && name.size() >= 2 && name.size() <= 30) {
        project p;
        p.id = new_project_id(s);
        p.name = bytes(t, name);
        p.action = to_utf8(act->word);
        p.stage = act->stage;
        p.type = act->type;
        p.commitment = commitment_at(t, cl, name.b);
        p.provenance = prov(t, name);
        s.projects->push_back(std::move(p));
    }
    return true;
}

void extractor::named_items(const cp_text& t, std::vector<found>& nums, range cl, const std::vector<range>& items,
                            sink s)
{
    if (items.empty() || !s.projects) return;
    auto action_at = [&](std::size_t p) {
        const action_word* best = nullptr;
        if (p >= t.size()) return best;
        for (const auto& a : action_words) {
            if (a.word[0] == t.cp[p] && t.at(p, a.word) && (!best || a.word.size() > best->word.size())) best = &a;
        }
        return best;
    };
    // VERB NAME、NAME…: the action at the start of the clause, after adverbs and cue
    // words that are not actions themselves (争创 is one)
    range first = items.front();
    std::size_t i = first.b;
    for (int guard = 0; guard < 3 && !action_at(i); ++guard) {
        const auto n = std::max(cue_at(t, i), match_any(t, i, std::array<std::u32string_view, 5>{U"加快", U"全力", U"积极", U"持续", U"全年"}));
        if (n == 0) break;
        i += n;
    }
    const action_word* act = action_at(i);
    std::size_t at = i;
    if (!act && (t.at(i, U"支持") || t.at(i, U"鼓励") || t.at(i, U"引导"))) {
        // 支持开发区争创…: the action after a short subject
        for (std::size_t p = i + 3; p < first.e && p < i + 12 && !act; ++p) {
            act = action_at(p);
            at = p;
        }
    }
    if (!act && items.size() > 1 && designation_bid(t, cl, items.back(), s)) return;
    // 加快新妇幼保健院建设: the name between 加快 and 建设
    bool name_then_build = false;
    static constexpr action_word build{U"加快建设", project_stage::build, item_type::project};
    static constexpr action_word prepare{U"开展前期工作", project_stage::prepare, item_type::project};
    if (!act && items.size() == 1 && t.at(first.b, U"加快") && t.ends_at(first.e, U"建设")) {
        act = &build;
        at = first.b;
        name_then_build = true;
    }
    // 开展A、B等项目前期工作
    const range& last = items.back();
    const bool preparing = t.ends_at(last.e, U"前期工作");
    if (!act && preparing && t.at(first.b, U"开展")) {
        act = &prepare;
        at = first.b;
    }
    // A、B等项目 / 等…工程: the items before 等 are names whatever their ending
    bool listed = false;
    if (const auto deng = find_word(t, last, U"等"); deng != std::string::npos) {
        for (std::u32string_view w : {U"项目", U"工程"}) {
            if (find_word(t, {deng, last.e}, w) != std::string::npos) listed = true;
        }
    }
    const bool continuing = items.front().b != cl.b;  // items after a target of the clause
    if (!act && continuing && sentence_action_) {
        act = sentence_action_;
        at = first.b;
    }
    if (!act && !listed) return;
    if (act) sentence_action_ = act;
    std::vector<range> names;
    for (std::size_t k = 0; k < items.size(); ++k) {
        range r = items[k];
        if (k == 0 && act && !(continuing && act == sentence_action_))
            r.b = act == &prepare ? first.b + 2 : at + (name_then_build ? 2 : act->word.size());
        if (k == 0 && name_then_build) r.e -= 2;
        if (k > 0 && act) {
            // a later item with its own subject and action: 微康生物争创…
            for (std::size_t p = r.b; p < r.e && p < r.b + 10; ++p) {
                if (const action_word* own = action_at(p); own && own->stage == act->stage) {
                    r.b = p + own->word.size();
                    break;
                }
            }
        }
        if (const auto deng = find_word(t, r, U"等"); deng != std::string::npos) r.e = deng;  // A等项目
        r = strip_fillers(t, r);
        if (r.size() < 2 || r.size() > 30) continue;
        bool headed = listed;
        for (auto h : item_heads) {
            if (t.ends_at(r.e, h)) headed = true;
        }
        if (headed) names.push_back(r);
    }
    add_named_projects(t, nums, cl, names, act, s);
    // one project named: a 总投资 that follows in the sentence is its investment
    named_in_sentence_ = names.size() == 1 ? s.projects : nullptr;
}

// ---- the whole text ----------------------------------------------------------------

extraction extractor::run()
{
    // pre-scan: is there a plan heading (三、2025年重点工作安排)? Then what comes
    // before it is the review.
    {
        std::size_t b = 0;
        while (b < text_.size()) {
            std::size_t e = text_.find('\n', b);
            if (e == std::string_view::npos) e = text_.size();
            const cp_text head = decode(text_, b, std::min(e, b + 120));
            const heading_mark h = heading_at(head);
            if (h.kind == heading_mark::major && is_plan_heading(head, {h.text, head.size()})) has_plan_heading_ = true;
            b = e + 1;
        }
    }
    std::size_t b = 0;
    while (b < text_.size()) {
        std::size_t e = text_.find('\n', b);
        if (e == std::string_view::npos) e = text_.size();
        // a very long line is read in pieces cut after a sentence end
        std::size_t piece = b;
        while (piece < e) {
            std::size_t cut = e;
            if (e - piece > max_paragraph_bytes) {
                cut = piece + max_paragraph_bytes;
                const auto stop = text_.substr(piece, cut - piece).rfind("\xe3\x80\x82");  // 。
                if (stop != std::string_view::npos && stop > 0) {
                    cut = piece + stop + 3;
                } else {
                    while (cut > piece && (static_cast<unsigned char>(text_[cut]) & 0xc0u) == 0x80u) --cut;
                }
            }
            paragraph(piece, cut, piece != b);
            piece = cut;
        }
        b = e + 1;
    }
    if (skipped_) out_.skipped.push_back(*skipped_);
    std::sort(out_.numerals.begin(), out_.numerals.end(),
              [](const numeral_record& a, const numeral_record& c) { return a.span.offset < c.span.offset; });

    plan& p = out_.draft;
    p.id = options_.plan_id.empty() ? "draft" : options_.plan_id;
    if (p.title.empty()) p.title = fmt::format("{}年工作计划（草稿）", year_);
    p.jurisdiction = options_.jurisdiction;
    p.year = year_;
    p.period = date_period(date(static_cast<unsigned short>(year_), 1, 1),
                           date(static_cast<unsigned short>(year_), 12, 31) + boost::gregorian::days(1));
    if (report_date_) {
        p.report_date = *report_date_;
    } else {
        p.report_date = date(static_cast<unsigned short>(year_), 1, 1);
        out_.notes.push_back({{0, 0}, "", "the text states no report date: set to the first day of the year"});
    }
    return std::move(out_);
}

/// The ids of the targets and projects the error diagnostics point at, each
/// with its first error ("code: message").
std::unordered_map<std::string, std::string> elements_in_error(const plan& draft, const std::vector<diagnostic>& diagnostics)
{
    std::unordered_map<std::string, std::string> bad;
    for (const auto& d : diagnostics) {
        if (d.severity != severity::error) continue;
        // focus_areas[i](.measures[j])?.(targets|projects)[k]
        std::size_t fa = 0, me = 0, k = 0;
        bool in_measure = false, is_project = false;
        const char* s = d.path.c_str();
        if (std::sscanf(s, "focus_areas[%zu].measures[%zu].targets[%zu]", &fa, &me, &k) == 3) {
            in_measure = true;
        } else if (std::sscanf(s, "focus_areas[%zu].measures[%zu].projects[%zu]", &fa, &me, &k) == 3) {
            in_measure = is_project = true;
        } else if (std::sscanf(s, "focus_areas[%zu].targets[%zu]", &fa, &k) != 2) {
            continue;
        }
        if (fa >= draft.focus_areas.size()) continue;
        const auto& area = draft.focus_areas[fa];
        if (in_measure && me >= area.measures.size()) continue;
        if (is_project) {
            const auto& v = area.measures[me].projects;
            if (k < v.size()) bad.emplace(v[k].id, d.code + ": " + d.message);
        } else {
            const auto& v = in_measure ? area.measures[me].targets : area.targets;
            if (k < v.size()) bad.emplace(v[k].id, d.code + ": " + d.message);
        }
    }
    return bad;
}

// Leaves out what would not validate; its numerals become unclear, with a note.
void keep_valid(extraction& x, const unit_registry& units)
{
    // names the structure needs, whatever the text gave
    for (auto& area : x.draft.focus_areas) {
        if (area.title.empty()) area.title = untitled;
        for (auto& m : area.measures) {
            if (m.lead.empty()) m.lead = untitled;
            if (m.text.empty()) m.text = m.lead;
        }
    }
    for (int round = 0; round < 4; ++round) {
        // units the plan uses beyond the standard ones
        x.draft.units.clear();
        std::unordered_set<std::string> seen;
        for (auto [tg, at] : each_target(x.draft)) {
            if (!tg.unit.empty() && !unit_registry::standard().contains(tg.unit) && seen.insert(tg.unit.symbol()).second)
                x.draft.units.push_back(tg.unit);
        }
        validation_options vo;
        vo.units = &units;
        const auto diagnostics = validate(x.draft, vo);
        const std::size_t errors = error_count(diagnostics);
        const auto bad = elements_in_error(x.draft, diagnostics);
        if (errors == 0) return;
        if (bad.empty()) {
            for (const auto& d : diagnostics) {
                if (d.severity == severity::error)
                    x.notes.push_back({{0, 0}, "", "the draft does not validate: " + d.path + ": " + d.code + ": " + d.message});
            }
            return;
        }
        auto drop = [&](auto& v) {
            std::erase_if(v, [&](const auto& e) { return bad.contains(e.id); });
        };
        for (auto& area : x.draft.focus_areas) {
            drop(area.targets);
            for (auto& m : area.measures) {
                drop(m.targets);
                drop(m.projects);
            }
        }
        detail::drop_dangling_links(x.draft);  // links to what is gone
        for (const auto& [id, why] : bad) x.notes.push_back({{0, 0}, id, "left out, it would not validate: " + why});
        for (auto& r : x.numerals) {
            if (auto it = bad.find(r.element_id); it != bad.end()) {
                r.use = numeral_use::set_aside;
                r.reason = set_aside_reason::unclear;
                r.element_id.clear();
            }
        }
    }
}

// The plan year: …2025年重点工作 / 工作安排 / 主要预期目标, else the report's date.
std::optional<int> find_year(std::string_view text)
{
    // what names the plan's own year (…年重点工作安排); the first year near the
    // top (the report's date) only when nothing does
    static constexpr std::string_view cues[] = {"年重点工作", "年工作安排", "年主要预期目标", "年工作任务",
                                                "年主要目标", "年发展目标"};
    std::optional<int> from_report;
    for (std::size_t i = 4; i + 3 <= text.size(); ++i) {
        if (text.compare(i, 3, "年") != 0) continue;
        int y = 0;
        bool digits = true;
        for (std::size_t k = i - 4; k < i; ++k) {
            if (text[k] < '0' || text[k] > '9') {
                digits = false;
                break;
            }
            y = y * 10 + (text[k] - '0');
        }
        if (!digits || y < 1949 || y > 2200) continue;
        for (auto c : cues) {
            if (text.substr(i, c.size()) == c) return y;
        }
        if (!from_report && i < 600) from_report = y;  // a date near the top: the report's
    }
    return from_report;
}

}  // namespace

result<extraction> extract(std::string_view text, const extract_options& options)
{
    if (const auto bad = first_bad_byte(text); bad != std::string_view::npos) {
        error e(errc::invalid_value, fmt::format("the input is not UTF-8 text (byte {})", bad));
        e.byte_offset = bad;
        return e;
    }
    int year = options.year;
    if (year == 0) {
        if (auto y = find_year(text)) year = *y;
    }
    if (year == 0)
        return error(errc::missing_field, "the text does not say the plan year: give it (extract_options::year, --year)");
    if (year < 1900 || year > 2200) return error(errc::invalid_value, fmt::format("plan year {} is outside 1900-2200", year));
    extractor x(text, options, year);
    extraction out = x.run();
    keep_valid(out, options.units);
    return out;
}

GOVPLAN_END_NAMESPACE

// govplan — the command-line tool: a thin layer over the library.
//
//   govplan validate FILE...            govplan convert IN OUT
//   govplan summary FILE                govplan progress FILE --observations OBS --as-of DATE
//   govplan targets FILE                govplan stats FILE|DIR...
//   govplan projects FILE               govplan diff OLD NEW
//   govplan extract REPORT.txt -o DRAFT.json [--explain]
//
// Results go to stdout, errors to stderr. Exit status: 0 success, 1 when a
// check fails (validation errors, differences), 2 for usage and I/O errors.
#include <govplan/archive.hpp>
#include <govplan/codes.hpp>
#include <govplan/document.hpp>
#include <govplan/filter.hpp>
#include <govplan/extract.hpp>
#include <govplan/format.hpp>
#include <govplan/json.hpp>
#include <govplan/plan_index.hpp>
#include <govplan/report.hpp>
#include <govplan/validation.hpp>
#include <govplan/version.hpp>

// The model walk the library uses for its own formats (a private header of
// this project: the tool is built with the library, never against an
// installed copy).
#include "described.hpp"

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/json.hpp>
#include <boost/program_options.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace po = boost::program_options;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

/// A failure reported as one line on stderr with exit status 2.
struct cli_failure {
    std::string message;
};

struct command {
    std::string name;
    std::string summary;
    std::string usage;
    std::string example;
    std::function<po::options_description()> options;
    std::function<po::positional_options_description()> positional;
    std::function<int(const po::variables_map&)> run;
};

// ---- messages -------------------------------------------------------------

/// --quiet: no notes (errors are still printed).
bool quiet = false;

/// A note on stderr, on a line of its own, unless --quiet.
template <class... Args>
void note(fmt::format_string<Args...> format, Args&&... args)
{
    if (quiet) return;
    fmt::print(stderr, "note: {}\n", fmt::format(format, std::forward<Args>(args)...));
}

// ---- loading --------------------------------------------------------------

/// All of standard input ("-" as a file name).
std::string read_stdin()
{
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    if (std::cin.bad()) throw cli_failure{"-: cannot read standard input"};
    return std::move(buffer).str();
}

/// The plan in `file` ("-": standard input), recognised by content; a
/// failure is a message naming the file.
govplan::plan load_plan(const std::string& file)
{
    auto loaded = file == "-" ? govplan::plan_from_bytes(read_stdin()) : govplan::load_plan(file);
    if (!loaded) {
        govplan::error e = loaded.error();
        if (e.source.empty()) e.source = file;
        throw cli_failure{e.to_string()};
    }
    return std::move(loaded).value();
}

/// The plan files named by `args`: files as given, folders searched
/// recursively (govplan::find_plan_files), with a note naming the files of a
/// folder that are not plans.
std::vector<std::string> plan_files(const std::vector<std::string>& args, const std::string& glob = "")
{
    std::vector<std::string> files;
    for (const auto& a : args) {
        std::error_code ec;
        if (!fs::is_directory(a, ec)) {
            files.push_back(a);
            continue;
        }
        const auto found = govplan::find_plan_files(a, glob);
        if (!found) throw cli_failure{found.error().to_string()};
        for (const auto& f : found->plans) files.push_back(f.string());
        if (!found->skipped.empty()) {
            std::string names;
            for (const auto& n : found->skipped) names += (names.empty() ? "" : ", ") + n.filename().string();
            const std::size_t n = found->skipped.size();
            note("{}: skipped {} file{} that {} not plans: {}", a, n, n == 1 ? "" : "s", n == 1 ? "is" : "are", names);
        }
    }
    return files;
}

// ---- filters --------------------------------------------------------------

/// The options that choose targets and projects (govplan/filter.hpp), and
/// --where on any column of the rows.
/// What a command lists: targets (kind applies), projects (stage applies).
enum class listing { targets, projects };

void add_filter_options(po::options_description& o, listing what, bool with_where)
{
    o.add_options()("focus", po::value<int>(), "only focus area N (its ordinal)")(
        "measure", po::value<std::string>(), "only measures whose lead phrase contains TEXT")(
        "commitment", po::value<std::string>(), "only binding, expected or aspirational");
    if (what == listing::targets)
        o.add_options()("kind", po::value<std::string>(), "only targets of this kind (count, amount, growth_rate…)");
    else
        o.add_options()("stage", po::value<std::string>(), "only projects at this stage (apply, plan, start, build…)");
    if (with_where)
        o.add_options()("where", po::value<std::vector<std::string>>()->composing(),
                        "FIELD=VALUE: only rows whose column FIELD is VALUE (or holds it, for a list); repeatable")(
            "columns", po::value<std::string>(), "LIST: these columns, comma-separated, in every format")(
            "wide", "every column in a terminal table, nothing cut");
}

/// --where alone, for commands whose rows are not target rows (progress,
/// stats): it chooses targets by the columns of `govplan targets`.
void add_where_option(po::options_description& o)
{
    o.add_options()("where", po::value<std::vector<std::string>>()->composing(),
                    "FIELD=VALUE: only targets whose column FIELD (as govplan targets lists it) is VALUE; repeatable");
}

template <class Enum>
Enum code_option(const po::variables_map& vm, const char* name)
{
    const auto text = vm[name].as<std::string>();
    if (auto e = govplan::from_code<Enum>(text)) return *e;
    std::string list;
    for (auto c : govplan::all_codes<Enum>()) list += (list.empty() ? "" : ", ") + std::string(c);
    throw po::error(std::string("--") + name + " must be one of: " + list + " (not \"" + text + "\")");
}

govplan::element_filter filter_from(const po::variables_map& vm)
{
    govplan::element_filter f;
    if (vm.count("focus")) f.focus = vm["focus"].as<int>();
    if (vm.count("measure")) f.measure = vm["measure"].as<std::string>();
    if (vm.count("commitment")) f.commitment = code_option<govplan::commitment>(vm, "commitment");
    if (vm.count("kind")) f.kind = code_option<govplan::target_kind>(vm, "kind");
    if (vm.count("stage")) f.stage = code_option<govplan::project_stage>(vm, "stage");
    return f;
}

/// --where FIELD=VALUE conditions, all of which a row must meet.
std::vector<std::pair<std::string, std::string>> where_from(const po::variables_map& vm)
{
    std::vector<std::pair<std::string, std::string>> out;
    if (!vm.count("where")) return out;
    for (const auto& w : vm["where"].as<std::vector<std::string>>()) {
        const auto eq = w.find('=');
        if (eq == std::string::npos || eq == 0) throw po::error("--where takes FIELD=VALUE (not \"" + w + "\")");
        out.emplace_back(w.substr(0, eq), w.substr(eq + 1));
    }
    return out;
}

bool where_matches(const json::object& row, const std::vector<std::pair<std::string, std::string>>& conditions)
{
    for (const auto& [field, value] : conditions) {
        const auto* cell = row.if_contains(field);
        if (cell == nullptr) {
            std::string columns;
            for (const auto& kv : row) columns += (columns.empty() ? "" : ", ") + std::string(kv.key());
            throw po::error("--where: no column \"" + field + "\" (columns: " + columns + ")");
        }
        auto text = [](const json::value& v) {
            if (v.is_string()) return std::string(v.as_string());
            if (v.is_null()) return std::string();
            return json::serialize(v);
        };
        if (cell->is_array()) {
            // a list holds VALUE as an item, or as a member of an item ({"target_id": "t1-01", …})
            const auto& a = cell->as_array();
            auto holds = [&](const json::value& e) {
                if (e.is_object()) {
                    const auto& o = e.as_object();
                    return std::any_of(o.begin(), o.end(), [&](const auto& kv) { return text(kv.value()) == value; });
                }
                return text(e) == value;
            };
            if (std::none_of(a.begin(), a.end(), holds)) return false;
        } else if (text(*cell) != value) {
            return false;
        }
    }
    return true;
}

// ---- output helpers -------------------------------------------------------

govplan::report_format table_format(const std::string& name, const std::vector<std::string>& allowed)
{
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        throw po::error("--format must be one of: " + list + " (not \"" + name + "\")");
    }
    if (name == "table" || name == "text") return govplan::report_format::text;
    return *govplan::from_code<govplan::report_format>(name);
}


// ---- many files at once ---------------------------------------------------

class progress_bar {
public:
    explicit progress_bar(std::size_t total)
        : total_(total), enabled_(total >= 20 && !quiet && ::isatty(STDERR_FILENO) == 1)
    {
    }
    progress_bar(const progress_bar&) = delete;
    progress_bar& operator=(const progress_bar&) = delete;
    /// Ends the bar's line if it is left open (an error stops the reading), so
    /// that the next message starts a line of its own.
    ~progress_bar()
    {
        if (open_) fmt::print(stderr, "\n");
    }
    /// Shows `done` of the total; called by one thread at a time.
    void step(std::size_t done)
    {
        if (!enabled_ || (done % 16 != 0 && done != total_)) return;
        const std::size_t width = 30, filled = width * done / total_;
        fmt::print(stderr, "\rreading {}/{} [{}{}]", done, total_, std::string(filled, '#'),
                   std::string(width - filled, ' '));
        open_ = done != total_;
        if (!open_) fmt::print(stderr, "\n");
    }

private:
    std::size_t total_;
    bool enabled_;
    bool open_ = false;
};

/// The --jobs option: how many files to read at once (default: one per core).
std::size_t jobs_of(const po::variables_map& vm)
{
    if (!vm.count("jobs")) return std::max(1u, std::thread::hardware_concurrency());
    const int asked = vm["jobs"].as<int>();
    if (asked < 1) throw po::error("--jobs must be at least 1");
    return static_cast<std::size_t>(asked);
}

/// Runs work(i) for every i in [0, n) on `jobs` threads (plans are
/// independent), each index once, the bar stepped as they finish. An
/// exception of work(i) is rethrown after all threads end, the one of the
/// lowest index first: what a loop over the files in order would throw.
void for_each_file(std::size_t n, std::size_t jobs, progress_bar& bar, const std::function<void(std::size_t)>& work)
{
    std::vector<std::exception_ptr> failures(n);
    std::atomic<std::size_t> next{0};
    std::size_t finished = 0;
    std::mutex bar_mutex;
    auto worker = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                work(i);
            } catch (...) {
                failures[i] = std::current_exception();
            }
            const std::lock_guard lock(bar_mutex);
            bar.step(++finished);
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < std::min(jobs, n); ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    for (const auto& f : failures) {
        if (f) std::rethrow_exception(f);
    }
}

// ---- validate -------------------------------------------------------------

int run_validate(const po::variables_map& vm)
{
    const std::size_t jobs = jobs_of(vm);
    const auto files = plan_files(vm["file"].as<std::vector<std::string>>(),
                                  vm.count("glob") ? vm["glob"].as<std::string>() : "");
    if (files.empty()) throw cli_failure{"no plan files found"};
    const auto format = vm["format"].as<std::string>();
    if (format != "text" && format != "json") throw po::error("--format must be text or json");
    // Files are read and validated at once (--jobs), then reported in order.
    struct outcome {
        std::optional<std::string> unreadable;  ///< why the file could not be loaded
        std::vector<govplan::diagnostic> diagnostics;
    };
    std::vector<outcome> outcomes(files.size());
    progress_bar bar(files.size());
    for_each_file(files.size(), jobs, bar, [&](std::size_t i) {
        // a file that cannot be loaded is reported, and the others still validated
        try {
            outcomes[i].diagnostics = govplan::validate(load_plan(files[i]));
        } catch (const cli_failure& failure) {
            outcomes[i].unreadable = failure.message;
        }
    });
    json::array all;
    bool errors = false;
    bool unreadable = false;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& file = files[i];
        if (outcomes[i].unreadable) {
            fmt::print(stderr, "govplan validate: {}\n", govplan::printable_text(*outcomes[i].unreadable));
            unreadable = true;
            continue;
        }
        for (const auto& d : outcomes[i].diagnostics) {
            errors = errors || d.severity == govplan::severity::error;
            if (format == "text") {
                fmt::print("{}:{}: {} {}: {}\n", file, d.path.empty() ? "plan" : d.path, govplan::to_code(d.severity),
                           d.code, d.message);
            } else {
                all.push_back(json::object{{"file", file},
                                           {"path", d.path},
                                           {"severity", govplan::to_code(d.severity)},
                                           {"code", d.code},
                                           {"message", d.message}});
            }
        }
    }
    if (format == "json") fmt::print("{}\n", json::serialize(all));
    return unreadable ? 2 : errors ? 1 : 0;
}

// ---- summary --------------------------------------------------------------

int run_summary(const po::variables_map& vm)
{
    const auto p = load_plan(vm["file"].as<std::string>());
    const auto rf = table_format(vm["format"].as<std::string>(), {"text", "markdown", "csv", "json", "html"});
    fmt::print("{}", govplan::render(p, rf));
    return 0;
}

// ---- targets and projects -------------------------------------------------

// Rows of the targets and projects commands: the model's own members come
// from the type's description (BOOST_DESCRIBE_STRUCT), so a member added to
// the model is a column here with no change; nested objects become
// "outer.inner" columns. Columns that need the plan around the item (plan,
// focus, measure, base units, project names) are added around them.

using govplan::detail::is_optional;
using govplan::detail::is_vector;
template <class T>
constexpr bool described_v = govplan::detail::described<T>;

template <class T>
void add_columns(json::object& row, const T* value, const std::string& prefix);

template <class V>
json::value cell(const V& v)
{
    if constexpr (std::is_same_v<V, std::string>) {
        return v.empty() ? json::value(nullptr) : json::value(v);
    } else if constexpr (std::is_same_v<V, bool>) {
        return json::value(v);
    } else if constexpr (std::is_enum_v<V>) {
        return json::value(govplan::to_code(v));
    } else if constexpr (std::is_arithmetic_v<V>) {
        return json::value(v);
    } else if constexpr (std::is_same_v<V, govplan::decimal>) {
        return json::value(v.to_string());
    } else if constexpr (std::is_same_v<V, govplan::date>) {
        return v.is_special() ? json::value(nullptr) : json::value(govplan::to_iso_string(v));
    } else if constexpr (std::is_same_v<V, govplan::unit>) {
        return v.empty() ? json::value(nullptr) : json::value(v.symbol());
    } else if constexpr (std::is_same_v<V, govplan::quantity>) {
        return json::value(govplan::to_string(v));
    } else if constexpr (is_optional<V>) {
        return v ? cell(*v) : json::value(nullptr);
    } else if constexpr (is_vector<V>) {
        json::array out;
        for (const auto& e : v) {
            if constexpr (described_v<typename V::value_type>) {
                json::object o;
                add_columns(o, &e, "");
                out.push_back(std::move(o));
            } else {
                out.push_back(cell(e));
            }
        }
        return out;
    } else {
        static_assert(sizeof(V) == 0, "no column form for this member type");
    }
}

/// One column per member of `value`; a nested object's members become
/// "name.member" columns, null when `value` (or the object) is absent.
template <class T>
void add_columns(json::object& row, const T* value, const std::string& prefix)
{
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto m) {
        using member = std::remove_cvref_t<decltype(std::declval<T&>().*m.pointer)>;
        const std::string key = prefix + m.name;
        if constexpr (described_v<member> && !std::is_same_v<member, govplan::unit> &&
                      !std::is_same_v<member, govplan::quantity>) {
            add_columns(row, value ? &(value->*m.pointer) : static_cast<const member*>(nullptr), key + ".");
        } else if constexpr (govplan::detail::is_boxed<member>) {  // as the value it holds
            using inner = typename member::value_type;
            if constexpr (described_v<inner>)
                add_columns(row, value ? &*(value->*m.pointer) : static_cast<const inner*>(nullptr), key + ".");
            else
                row[key] = value ? cell(*(value->*m.pointer)) : json::value(nullptr);
        } else if constexpr (is_optional<member>) {
            using inner = typename member::value_type;
            if constexpr (described_v<inner> && !std::is_same_v<inner, govplan::quantity>) {
                const auto* present = value && (value->*m.pointer) ? &*(value->*m.pointer) : nullptr;
                add_columns(row, present, key + ".");
            } else {
                row[key] = value ? cell(value->*m.pointer) : json::value(nullptr);
            }
        } else {
            row[key] = value ? cell(value->*m.pointer) : json::value(nullptr);
        }
    });
}

/// The base unit of a target's family, e.g. 元 for 亿元, 单 for 万单.
govplan::unit base_unit(const govplan::unit& u)
{
    govplan::unit_definition base = u.definition();
    base.symbol = u.per().empty() ? u.base() : u.base() + "/" + u.per();
    base.scale = {};
    return govplan::unit(std::move(base));
}

/// id, plan, focus, measure, then every member of the item after id.
json::object item_row(const govplan::plan& p, const govplan::element_position& at, const json::object& members)
{
    const auto& area = p.focus_areas[at.focus_area];
    json::object row;
    row["id"] = members.at("id");
    row["plan"] = p.id;
    row["focus"] = area.ordinal;
    row["measure"] = at.in_lead() ? json::value(nullptr) : json::value(area.measures[*at.measure].lead);
    for (const auto& kv : members)
        if (kv.key() != "id") row[kv.key()] = kv.value();
    return row;
}

json::object target_row(const govplan::plan& p, const govplan::plan_index& index, const govplan::target& t,
                        const govplan::element_position& at)
{
    json::object members;
    add_columns(members, &t, "");
    json::object row = item_row(p, at, members);
    json::value base_value = nullptr, base_unit_symbol = nullptr, dimension = nullptr;
    if (!t.unit.empty()) {
        const auto base = base_unit(t.unit);
        base_unit_symbol = base.symbol();
        dimension = govplan::to_code(t.unit.dimension());
        if (t.value) {
            if (auto b = govplan::convert({*t.value, t.unit}, base)) base_value = b->value.to_string();
        }
    }
    json::array projects;
    // Listed projects in the order listed, then those linking to the target.
    for (const auto& id : t.project_ids)
        if (const auto* pr = index.find_project(id)) projects.push_back(json::value(pr->name));
    if (const auto& naming = index.projects_naming(t.id); !t.id.empty() && !naming.empty()) {
        const std::unordered_set<std::string_view> listed(t.project_ids.begin(), t.project_ids.end());
        for (const govplan::project* pr : naming)
            if (listed.count(pr->id) == 0) projects.push_back(json::value(pr->name));
    }
    row["requirement"] = govplan::requirement_text(t);
    row["base_value"] = base_value;
    row["base_unit"] = base_unit_symbol;
    row["dimension"] = dimension;
    row["project_names"] = projects;
    return row;
}

json::object project_row(const govplan::plan& p, const govplan::project& pr, const govplan::element_position& at)
{
    json::object members;
    add_columns(members, &pr, "");
    return item_row(p, at, members);
}

/// Rows as JSON lines, or as a table (text or CSV) of the same keys.
/// The terminal's width in columns when standard output is a terminal (COLUMNS
/// overrides what the terminal says), else 0: no limit.
std::size_t terminal_width()
{
    if (::isatty(STDOUT_FILENO) != 1) return 0;
    if (const char* env = std::getenv("COLUMNS")) {
        const long n = std::strtol(env, nullptr, 10);
        if (n > 0) return static_cast<std::size_t>(n);
    }
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

/// `text` cut to at most `width` terminal columns, with … when cut (wide
/// characters count two).
std::string cut_to_width(const std::string& text, std::size_t width)
{
    if (govplan::display_width(text) <= width) return text;
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t len = 1;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0xf0) len = 4;
        else if (c >= 0xe0) len = 3;
        else if (c >= 0xc0) len = 2;
        const std::string next = out + text.substr(i, len);
        if (govplan::display_width(next) + 1 > width) break;  // room for …
        out = next;
        i += len;
    }
    return out + "…";
}

/// Fits `t` to `width` terminal columns (two spaces between columns): short
/// columns (up to 14 wide: ids, codes, numbers) keep their width, the long
/// text columns shrink, widest first, down to 14, their cells cut with …;
/// when that is not enough and `may_drop`, columns go from the right.
void fit_to_width(govplan::table& t, std::size_t width, bool may_drop)
{
    if (t.columns.empty() || width == 0) return;
    constexpr std::size_t short_column = 14;  // short columns keep their width; long ones shrink to it
    auto natural = [&](std::size_t c) {
        std::size_t w = govplan::display_width(t.columns[c]);
        for (const auto& row : t.rows) w = std::max(w, govplan::display_width(row[c]));
        return w;
    };
    std::vector<std::size_t> widths;
    for (std::size_t c = 0; c < t.columns.size(); ++c) widths.push_back(natural(c));
    auto total = [&] {
        std::size_t sum = 2 * (widths.size() - 1);
        for (auto w : widths) sum += w;
        return sum;
    };
    auto least = [&] {  // the narrowest the table can get
        std::size_t sum = 2 * (widths.size() - 1);
        for (std::size_t c = 0; c < widths.size(); ++c) sum += std::min(widths[c], short_column);
        return sum;
    };
    while (may_drop && widths.size() > 2 && least() > width) {
        widths.pop_back();
        t.columns.pop_back();
        for (auto& row : t.rows) row.pop_back();
    }
    while (total() > width) {
        std::size_t widest = 0;
        for (std::size_t c = 1; c < widths.size(); ++c)
            if (widths[c] > widths[widest]) widest = c;
        if (widths[widest] <= short_column) break;
        const std::size_t over = total() - width;
        widths[widest] -= std::min(over, widths[widest] - short_column);
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        t.columns[c] = cut_to_width(t.columns[c], widths[c]);
        for (auto& row : t.rows) row[c] = cut_to_width(row[c], widths[c]);
    }
}

/// How rows are shown: --columns, --wide.
struct row_view {
    std::vector<std::string> columns;  ///< chosen with --columns (every format), or empty
    bool wide = false;                 ///< every column in a terminal table, uncut
};

row_view view_from(const po::variables_map& vm)
{
    row_view v;
    if (vm.count("columns")) {
        const auto list = vm["columns"].as<std::string>();
        std::size_t b = 0;
        for (std::size_t i = 0; i <= list.size(); ++i) {
            if (i == list.size() || list[i] == ',') {
                if (i > b) v.columns.push_back(list.substr(b, i - b));
                b = i + 1;
            }
        }
        if (v.columns.empty()) throw po::error("--columns takes a comma-separated list of columns");
    }
    v.wide = vm.count("wide") > 0;
    return v;
}

int print_rows(const std::vector<json::object>& rows, const std::vector<std::string>& keys,
               const std::vector<std::string>& all_columns, const std::string& format, const row_view& view)
{
    const auto rf = format == "jsonl" ? govplan::report_format::json : table_format(format, {"table", "csv", "jsonl"});
    // the columns: those asked for; else in a table on a terminal a readable
    // subset; in a pipe, in CSV and jsonl (and with --wide) every column
    std::vector<std::string> columns = view.columns;  // checked against all_columns by the caller
    if (columns.empty()) {
        const bool terminal = ::isatty(STDOUT_FILENO) == 1;
        columns = (rf != govplan::report_format::text || view.wide || !terminal) ? all_columns : keys;
    }
    if (format == "jsonl") {
        for (const auto& r : rows) {
            if (view.columns.empty()) {
                fmt::print("{}\n", json::serialize(r));
            } else {
                json::object chosen;
                for (const auto& c : columns) chosen[c] = r.at(c);
                fmt::print("{}\n", json::serialize(chosen));
            }
        }
        return 0;
    }
    govplan::table t;
    t.columns = columns;
    for (const auto& r : rows) {
        std::vector<std::string> cells;
        for (const auto& k : columns) {
            const json::value& v = r.at(k);
            if (v.is_string()) cells.emplace_back(v.as_string());
            else if (v.is_null()) cells.emplace_back();
            else if (v.is_array()) {
                std::string joined;
                for (const auto& e : v.as_array()) {
                    joined += (joined.empty() ? "" : "、") +
                              (e.is_string() ? std::string(e.as_string()) : json::serialize(e));
                }
                cells.push_back(joined);
            } else cells.push_back(json::serialize(v));
        }
        t.rows.push_back(std::move(cells));
    }
    // a terminal gets a table that fits it; pipes and --wide get it whole
    if (rf == govplan::report_format::text && !view.wide) fit_to_width(t, terminal_width(), view.columns.empty());
    fmt::print("{}", govplan::render(t, rf));
    return 0;
}

/// The columns of a table on a terminal (pipes, CSV and jsonl have every column).
const std::vector<std::string> target_keys = {"id", "focus", "measure", "metric", "kind", "requirement", "commitment",
                                              "base_value", "base_unit", "project_names", "provenance.clause"};
const std::vector<std::string> project_keys = {"id", "focus", "measure", "name", "type", "action", "stage",
                                               "category", "provenance.clause"};

/// Every column of a target row and of a project row, in order, whatever the
/// plan holds (add_columns on no value lists the members).
std::vector<std::string> target_columns()
{
    json::object members;
    add_columns(members, static_cast<const govplan::target*>(nullptr), "");
    std::vector<std::string> out = {"id", "plan", "focus", "measure"};
    for (const auto& kv : members)
        if (kv.key() != "id") out.emplace_back(kv.key());
    for (const char* extra : {"requirement", "base_value", "base_unit", "dimension", "project_names"}) out.emplace_back(extra);
    return out;
}

std::vector<std::string> project_columns()
{
    json::object members;
    add_columns(members, static_cast<const govplan::project*>(nullptr), "");
    std::vector<std::string> out = {"id", "plan", "focus", "measure"};
    for (const auto& kv : members)
        if (kv.key() != "id") out.emplace_back(kv.key());
    return out;
}

/// Refuses names that are not columns before anything is read, so that a typo
/// fails even when no row would be printed.
void check_columns(const std::vector<std::string>& names, const std::vector<std::string>& columns, const char* option)
{
    for (const auto& n : names) {
        if (std::find(columns.begin(), columns.end(), n) != columns.end()) continue;
        std::string all;
        for (const auto& c : columns) all += (all.empty() ? "" : ", ") + c;
        throw po::error(std::string(option) + ": no column \"" + n + "\" (columns: " + all + ")");
    }
}

std::vector<std::string> where_fields(const std::vector<std::pair<std::string, std::string>>& where)
{
    std::vector<std::string> out;
    for (const auto& [field, value] : where) out.push_back(field);
    return out;
}

/// `p` with only the targets the filter and every --where condition (on the
/// columns of `govplan targets`, read on the whole plan) choose; the projects
/// all stay, since they group and name the targets (stats --by category).
govplan::plan select_targets(const govplan::plan& p, const govplan::element_filter& filter,
                             const std::vector<std::pair<std::string, std::string>>& where)
{
    if (filter.empty() && where.empty()) return p;
    const govplan::plan_index index(p);
    return govplan::select(
        p,
        [&](const govplan::target& t, const govplan::element_position& at) {
            return govplan::matches(filter, p, t, at) && (where.empty() || where_matches(target_row(p, index, t, at), where));
        },
        [](const govplan::project&, const govplan::element_position&) { return true; });
}

int run_targets(const po::variables_map& vm)
{
    const auto p = load_plan(vm["file"].as<std::string>());
    const auto filter = filter_from(vm);
    const auto where = where_from(vm);
    const auto view = view_from(vm);
    check_columns(where_fields(where), target_columns(), "--where");
    check_columns(view.columns, target_columns(), "--columns");
    std::vector<json::object> rows;
    const govplan::plan_index index(p);
    for (auto [t, at] : govplan::each_target(p)) {
        if (!govplan::matches(filter, p, t, at)) continue;
        auto row = target_row(p, index, t, at);
        if (where_matches(row, where)) rows.push_back(std::move(row));
    }
    return print_rows(rows, target_keys, target_columns(), vm["format"].as<std::string>(), view);
}

int run_projects(const po::variables_map& vm)
{
    const auto p = load_plan(vm["file"].as<std::string>());
    const auto filter = filter_from(vm);
    const auto where = where_from(vm);
    const auto view = view_from(vm);
    check_columns(where_fields(where), project_columns(), "--where");
    check_columns(view.columns, project_columns(), "--columns");
    std::vector<json::object> rows;
    for (auto [pr, at] : govplan::each_project(p)) {
        if (!govplan::matches(filter, p, pr, at)) continue;
        auto row = project_row(p, pr, at);
        if (where_matches(row, where)) rows.push_back(std::move(row));
    }
    return print_rows(rows, project_keys, project_columns(), vm["format"].as<std::string>(), view);
}

// ---- convert --------------------------------------------------------------

int run_convert(const po::variables_map& vm)
{
    const auto in = vm["input"].as<std::string>();
    const auto out = vm["output"].as<std::string>();
    std::optional<govplan::plan_format> format;
    if (vm.count("to")) {
        format = govplan::from_code<govplan::plan_format>(vm["to"].as<std::string>());
        if (!format) throw po::error("--to must be json, text, xml or binary (not \"" + vm["to"].as<std::string>() + "\")");
    } else if (out == "-") {
        format = govplan::plan_format::json;
    } else {
        format = govplan::plan_format_for(out);
        if (!format) throw po::error("cannot tell the output format from \"" + out + "\": use --to json|text|xml|binary");
    }
    const auto p = load_plan(in);
    if (out != "-") {
        if (auto saved = govplan::save_plan(p, out, *format); !saved) throw cli_failure{saved.error().to_string()};
        return 0;
    }
    // standard output: the document itself, nothing replaced
    auto bytes = govplan::plan_to_bytes(p, *format);
    if (!bytes) throw cli_failure{bytes.error().to_string()};
    if (*format == govplan::plan_format::json) *bytes += '\n';
    if (std::fwrite(bytes->data(), 1, bytes->size(), stdout) != bytes->size() || std::fflush(stdout) != 0)
        throw cli_failure{"-: cannot write standard output"};
    return 0;
}

// ---- progress -------------------------------------------------------------

/// --observations auto: the observations file of plan `p` in the plan file's folder.
std::string observations_beside(const std::string& plan_file, const govplan::plan& p)
{
    if (plan_file == "-") throw cli_failure{"--observations auto needs the plan's file, not standard input"};
    const fs::path dir = fs::path(plan_file).parent_path().empty() ? fs::path(".") : fs::path(plan_file).parent_path();
    std::vector<fs::path> candidates;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        const auto kind = govplan::document_kind_of_file(entry.path());
        if (kind && *kind == govplan::document_kind::observations_json) candidates.push_back(entry.path());
    }
    std::sort(candidates.begin(), candidates.end());
    std::string tried;
    for (const auto& c : candidates) {
        // the first that loads for this plan (its plan_id names the plan)
        const auto loaded = govplan::load_observations(c, p);
        if (loaded) {
            note("observations: {}", c.string());
            return c.string();
        }
        tried += "; " + c.filename().string() + ": " + loaded.error().message;
    }
    throw cli_failure{"--observations auto: no observations file of plan \"" + p.id + "\" in " + dir.string() +
                      (tried.empty() ? std::string() : " (tried" + tried.substr(1) + ")")};
}

/// The plan of the command's "file" with the observations named by
/// --observations attached, and that file (empty without the option).
struct tracked_plan {
    govplan::plan plan;
    govplan::observation_file observations;
};

tracked_plan load_tracked(const po::variables_map& vm)
{
    if (vm["file"].as<std::string>() == "-" && vm.count("observations") && vm["observations"].as<std::string>() == "-")
        throw cli_failure{"the plan and its observations cannot both come from standard input"};
    tracked_plan t{load_plan(vm["file"].as<std::string>()), {}};
    if (!vm.count("observations")) return t;
    std::string obs = vm["observations"].as<std::string>();
    if (obs == "auto") obs = observations_beside(vm["file"].as<std::string>(), t.plan);
    auto file = obs == "-" ? govplan::observations_from_json(read_stdin(), t.plan)
                           : govplan::load_observations(obs, t.plan);
    if (!file) {
        govplan::error e = file.error();
        if (e.source.empty()) e.source = obs;
        throw cli_failure{e.to_string()};
    }
    t.plan = govplan::with_observations(t.plan, *file).value();
    if (file->illustrative) note("these observations are illustrative: {}", file->note);
    t.observations = std::move(file).value();
    return t;
}

govplan::date as_of_date(const po::variables_map& vm)
{
    const auto as_of = govplan::parse_date(vm["as-of"].as<std::string>());
    if (!as_of) throw po::error("--as-of: " + as_of.error().message);
    return *as_of;
}

int run_progress(const po::variables_map& vm)
{
    auto tracked = load_tracked(vm);
    const auto as_of = as_of_date(vm);
    const auto rf = table_format(vm["format"].as<std::string>(), {"text", "markdown", "csv", "json", "html"});
    if (rf == govplan::report_format::html && (vm.count("status") || vm.count("all")))
        throw po::error("--status and --all choose the rows of a table; the page shows every status");
    const auto where = where_from(vm);
    check_columns(where_fields(where), target_columns(), "--where");
    const auto selected = select_targets(tracked.plan, filter_from(vm), where);
    govplan::progress_report report(as_of, govplan::evaluate_progress(selected, as_of), tracked.observations);
    report.list_no_data = vm.count("all") > 0 || vm.count("status") > 0;
    if (vm.count("status")) {
        const auto status = code_option<govplan::progress_status>(vm, "status");
        std::erase_if(report.targets, [&](const auto& tp) { return tp.status != status; });
    }
    fmt::print("{}", govplan::render(selected, report, rf));
    return 0;
}

/// Writes `document` to --output (standard output when absent or "-").
void write_document(const po::variables_map& vm, const std::string& document)
{
    const std::string out = vm.count("output") ? vm["output"].as<std::string>() : "-";
    if (out == "-") {
        if (std::fwrite(document.data(), 1, document.size(), stdout) != document.size() || std::fflush(stdout) != 0)
            throw cli_failure{"-: cannot write standard output"};
        return;
    }
    if (auto saved = govplan::save_report(document, out); !saved) throw cli_failure{saved.error().to_string()};
    note("wrote {} ({} bytes)", out, document.size());
}

int run_report(const po::variables_map& vm)
{
    if (vm.count("as-of") && !vm.count("observations"))
        throw po::error("--as-of needs --observations (without them the page shows the plan)");
    if (vm.count("observations") && !vm.count("as-of")) throw po::error("--observations needs --as-of DATE");
    const std::optional<govplan::date> as_of = vm.count("as-of") ? std::optional(as_of_date(vm)) : std::nullopt;
    const auto tracked = load_tracked(vm);
    if (!as_of) {
        write_document(vm, govplan::render(tracked.plan, govplan::report_format::html));
        return 0;
    }
    const govplan::progress_report report(*as_of, govplan::evaluate_progress(tracked.plan, *as_of),
                                          tracked.observations);
    write_document(vm, govplan::render(tracked.plan, report, govplan::report_format::html));
    return 0;
}

// ---- stats ----------------------------------------------------------------

int run_stats(const po::variables_map& vm)
{
    static const std::map<std::string, govplan::group_by> keys = {
        {"focus", govplan::group_by::focus_area}, {"kind", govplan::group_by::kind},
        {"commitment", govplan::group_by::commitment}, {"dimension", govplan::group_by::dimension},
        {"unit", govplan::group_by::unit}, {"category", govplan::group_by::category},
        {"stage", govplan::group_by::stage}};
    const auto by = vm["by"].as<std::string>();
    const auto key = keys.find(by);
    if (key == keys.end()) throw po::error("--by must be focus, kind, commitment, dimension, unit, category or stage");
    const auto rf = table_format(vm["format"].as<std::string>(), {"text", "markdown", "csv", "json"});
    const std::size_t jobs = jobs_of(vm);
    const auto files = plan_files(vm["file"].as<std::vector<std::string>>(),
                                  vm.count("glob") ? vm["glob"].as<std::string>() : "");
    if (files.empty()) throw cli_failure{"no plan files found"};
    std::vector<govplan::plan> plans(files.size());
    const auto filter = filter_from(vm);
    const auto where = where_from(vm);
    check_columns(where_fields(where), target_columns(), "--where");
    {
        progress_bar bar(files.size());
        for_each_file(files.size(), jobs, bar,
                      [&](std::size_t i) { plans[i] = select_targets(load_plan(files[i]), filter, where); });
    }
    std::vector<const govplan::plan*> refs;
    for (const auto& p : plans) refs.push_back(&p);
    govplan::aggregation_options options;
    options.threads = jobs;  // the same answer as one thread, in plan order
    const auto groups = govplan::aggregate_targets(refs, key->second, options);
    if (!groups) throw cli_failure{groups.error().to_string()};
    fmt::print("{}", govplan::render(govplan::to_table(*groups, by), rf));
    return 0;
}

// ---- diff -----------------------------------------------------------------

int run_diff(const po::variables_map& vm)
{
    const auto before = load_plan(vm["old"].as<std::string>());
    const auto after = load_plan(vm["new"].as<std::string>());
    const auto rf = table_format(vm["format"].as<std::string>(), {"text", "markdown", "csv", "json"});
    const auto d = govplan::diff(before, after);
    fmt::print("{}", govplan::render(govplan::to_table(d), rf));
    return d.empty() ? 0 : 1;
}

// ---- extract --------------------------------------------------------------

std::string read_text_file(const std::string& file)
{
    auto bytes = govplan::read_regular_file(file, std::size_t{1} << 30);
    if (!bytes) throw cli_failure{bytes.error().to_string()};
    return std::move(bytes).value();
}

// A short excerpt of `text` around [offset, offset + length), on one line.
std::string excerpt(std::string_view text, std::uint64_t offset, std::uint64_t length)
{
    auto boundary = [&](std::uint64_t i) {
        while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xc0u) == 0x80u) --i;
        return i;
    };
    const std::uint64_t from = boundary(offset > 24 ? offset - 24 : 0);
    const std::uint64_t to = boundary(std::min<std::uint64_t>(text.size(), offset + length + 24));
    std::string out(text.substr(from, to - from));
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

int run_extract(const po::variables_map& vm)
{
    const auto file = vm["report"].as<std::string>();
    const std::string text = file == "-" ? read_stdin() : read_text_file(file);
    govplan::extract_options options;
    if (vm.count("year")) options.year = vm["year"].as<int>();
    if (vm.count("id")) options.plan_id = vm["id"].as<std::string>();
    const auto x = govplan::extract(text, options);
    if (!x) {
        govplan::error e = x.error();
        e.source = file;
        throw cli_failure{e.to_string()};
    }
    const bool to_stdout = !vm.count("output") || vm["output"].as<std::string>() == "-";
    if (to_stdout) {
        fmt::print("{}\n", govplan::plan_to_json(x->draft));
    } else if (auto saved = govplan::save_json(x->draft, vm["output"].as<std::string>()); !saved) {
        throw cli_failure{saved.error().to_string()};
    }
    // the account goes where the draft does not
    std::FILE* out = to_stdout ? stderr : stdout;
    const auto& draft = x->draft;
    std::size_t measures = 0;
    for (const auto& area : draft.focus_areas) measures += area.measures.size();
    std::map<govplan::commitment, std::size_t> by_commitment;
    for (auto [t, at] : govplan::each_target(draft)) ++by_commitment[t.commitment];
    fmt::print(out, "{}: {} focus areas, {} measures, {} targets (binding {}, expected {}, aspirational {}), {} projects\n",
               to_stdout ? std::string("draft") : vm["output"].as<std::string>(), draft.focus_areas.size(), measures,
               govplan::target_count(draft), by_commitment[govplan::commitment::binding],
               by_commitment[govplan::commitment::expected], by_commitment[govplan::commitment::aspirational],
               govplan::project_count(draft));
    std::size_t used_by_targets = 0, used_by_projects = 0;
    std::map<govplan::set_aside_reason, std::size_t> reasons;
    for (const auto& n : x->numerals) {
        if (n.use == govplan::numeral_use::set_aside) ++reasons[n.reason];
        else if (n.use == govplan::numeral_use::project_detail) ++used_by_projects;
        else ++used_by_targets;
    }
    std::string aside;
    for (const auto& [reason, count] : reasons) aside += fmt::format(" {} {},", govplan::to_code(reason), count);
    if (!aside.empty()) aside.pop_back();
    fmt::print(out, "numerals: {} in the text, {} used by targets, {} by projects, {} set aside:{}\n",
               x->numerals.size(), used_by_targets, used_by_projects,
               x->numerals.size() - used_by_targets - used_by_projects, aside.empty() ? " none" : aside);
    for (const auto& s : x->skipped)
        fmt::print(out, "left out: {} (bytes {}-{})\n", s.reason, s.span.offset, s.span.offset + s.span.length);
    fmt::print(out, "notes: {}{}\n", x->notes.size(), vm.count("explain") ? "" : " (--explain lists them)");
    if (vm.count("explain")) {
        fmt::print(out, "\nevery numeral (byte offset, as written, what became of it):\n");
        for (const auto& n : x->numerals) {
            const std::string what = n.use == govplan::numeral_use::set_aside
                                         ? fmt::format("set aside: {}", govplan::to_code(n.reason))
                                         : fmt::format("{} of {}", govplan::to_code(n.use), n.element_id);
            fmt::print(out, "  {:>7}  {}  {}{}  | {}\n", n.span.offset, text.substr(n.span.offset, n.span.length), what,
                       n.element_id.empty() || n.use != govplan::numeral_use::set_aside ? "" : " (" + n.element_id + ")",
                       excerpt(text, n.span.offset, n.span.length));
        }
        fmt::print(out, "\nnotes:\n");
        for (const auto& note : x->notes) {
            fmt::print(out, "  {:>7}  {}{}\n", note.span.offset, note.element_id.empty() ? "" : note.element_id + ": ",
                       note.message);
        }
    }
    return 0;
}

// ---- the command table ----------------------------------------------------

po::positional_options_description positional(std::initializer_list<std::pair<const char*, int>> names)
{
    po::positional_options_description pos;
    for (const auto& [name, count] : names) pos.add(name, count);
    return pos;
}

po::options_description with_format(const char* default_format, const char* choices)
{
    po::options_description o("Options");
    o.add_options()("help,h", "show this help")(
        "format", po::value<std::string>()->default_value(default_format), choices)(
        "quiet,q", "no notes on stderr (errors are still reported)");
    return o;
}

// The table of commands: one entry a command (name, summary, usage, example,
// options, positionals, handler). It is long because it is data, and its
// entries share one shape on purpose.
const std::vector<command>& commands()
{
    static const std::vector<command> all = {
        {"validate", "check plan files and print their diagnostics", "govplan validate FILE|DIR... [--glob PATTERN] [--jobs N] [--format text|json]",
         "govplan validate data/yancheng-2025.json",
         [] {
             auto o = with_format("text", "text (file:path: severity code: message) or json");
             o.add_options()("glob", po::value<std::string>(), "PATTERN: in folders, the file names to read (default *.json, *.govplan)")(
                 "jobs,j", po::value<int>(), "N: files read at once (default: one per core)")(
                 "file", po::value<std::vector<std::string>>()->required(),
                 "plan files (JSON or archives), folders searched for them, or - for standard input");
             return o;
         },
         [] { return positional({{"file", -1}}); }, run_validate},
        {"summary", "print a plan's target summary", "govplan summary FILE [--format text|markdown|csv|json|html]",
         "govplan summary data/yancheng-2025.json --format markdown",
         [] {
             auto o = with_format("text", "text, markdown, csv, json or html (a self-contained page with charts)");
             o.add_options()("file", po::value<std::string>()->required(), "plan file, or - for standard input");
             return o;
         },
         [] { return positional({{"file", 1}}); }, run_summary},
        {"targets", "list every target, one row each",
         "govplan targets FILE [--focus N] [--measure TEXT] [--commitment C] [--kind K] [--where FIELD=VALUE]... "
         "[--format table|csv|jsonl]",
         "govplan targets data/yancheng-2025.json --focus 8 --commitment binding",
         [] {
             auto o = with_format("table", "table, csv (RFC 4180) or jsonl");
             add_filter_options(o, listing::targets, true);
             o.add_options()("file", po::value<std::string>()->required(), "plan file, or - for standard input");
             return o;
         },
         [] { return positional({{"file", 1}}); }, run_targets},
        {"projects", "list every named project, one row each",
         "govplan projects FILE [--focus N] [--measure TEXT] [--commitment C] [--stage S] [--where FIELD=VALUE]... "
         "[--format table|csv|jsonl]",
         "govplan projects data/yancheng-2025.json --stage plan",
         [] {
             auto o = with_format("table", "table, csv (RFC 4180) or jsonl");
             add_filter_options(o, listing::projects, true);
             o.add_options()("file", po::value<std::string>()->required(), "plan file, or - for standard input");
             return o;
         },
         [] { return positional({{"file", 1}}); }, run_projects},
        {"convert", "convert between JSON and text, XML and binary archives",
         "govplan convert IN OUT [--to json|text|xml|binary]",
         "govplan convert data/yancheng-2025.json plan.bin   (by extension: .json .txt .xml .bin/.govplan)",
         [] {
             po::options_description o("Options");
             o.add_options()("help,h", "show this help")("to", po::value<std::string>(),
                                                         "output format, instead of guessing it from OUT's extension")(
                 "input", po::value<std::string>()->required(), "input plan, or - for standard input")(
                 "output", po::value<std::string>()->required(),
                 "output file, replaced only on success, or - for standard output (JSON unless --to)");
             return o;
         },
         [] { return positional({{"input", 1}, {"output", 1}}); }, run_convert},
        {"progress", "where each target stands on a date",
         "govplan progress FILE [--observations OBS|auto|-] --as-of DATE [--all] [--status S] [--focus N] "
         "[--measure TEXT] [--commitment C] [--kind K] [--where FIELD=VALUE]... [--format text|markdown|csv|json|html]",
         "govplan progress data/yancheng-2025.json --observations data/yancheng-2025-observations.json --as-of 2025-06-30",
         [] {
             auto o = with_format("text", "text, markdown, csv, json or html");
             add_filter_options(o, listing::targets, false);
             add_where_option(o);
             o.add_options()("status", po::value<std::string>(), "only met, on_track, at_risk, behind or no_data");
             o.add_options()("observations", po::value<std::string>(),
                             "observations file, auto (the one of this plan in the plan's folder) or - (standard input)")(
                 "as-of", po::value<std::string>()->required(), "the date, YYYY-MM-DD")(
                 "all", "list targets without observations too")("file", po::value<std::string>()->required(),
                                                                  "plan file, or - for standard input");
             return o;
         },
         [] { return positional({{"file", 1}}); }, run_progress},
        {"report", "write a plan's progress as a self-contained HTML page with charts",
         "govplan report FILE [--observations OBS|auto|- --as-of DATE] [-o PAGE.html]",
         "govplan report data/yancheng-2025.json --observations data/yancheng-2025-observations.json --as-of "
         "2025-06-30 -o report.html",
         [] {
             po::options_description o("Options");
             o.add_options()("help,h", "show this help")("quiet,q", "no notes on stderr (errors are still reported)")(
                 "observations", po::value<std::string>(),
                 "observations file, auto (the one of this plan in the plan's folder) or - (standard input); "
                 "without them the page shows the plan")("as-of", po::value<std::string>(),
                                                         "the date, YYYY-MM-DD (with --observations)")(
                 "output,o", po::value<std::string>(), "the page, replaced only on success (default: standard output)")(
                 "file", po::value<std::string>()->required(), "plan file, or - for standard input");
             return o;
         },
         [] { return positional({{"file", 1}}); }, run_report},
        {"stats", "aggregate the targets of many plans",
         "govplan stats FILE|DIR... [--glob PATTERN] [--jobs N] [--by focus|kind|commitment|dimension|unit|category|stage] "
         "[filters] [--format ...]",
         "govplan stats plans/ --by dimension --format csv",
         [] {
             auto o = with_format("text", "text, markdown, csv or json");
             add_filter_options(o, listing::targets, false);
             add_where_option(o);
             o.add_options()("glob", po::value<std::string>(), "PATTERN: in folders, the file names to read (default *.json, *.govplan)")(
                 "jobs,j", po::value<int>(), "N: files read at once (default: one per core)")(
                 "by", po::value<std::string>()->default_value("kind"),
                             "focus, kind, commitment, dimension, unit, category or stage")(
                 "file", po::value<std::vector<std::string>>()->required(),
                 "plan files, or directories searched for *.json and *.govplan");
             return o;
         },
         [] { return positional({{"file", -1}}); }, run_stats},
        {"diff", "targets added, dropped, raised, lowered or changed (exit 1 when any)",
         "govplan diff OLD NEW [--format text|markdown|csv|json]", "govplan diff plan-2024.json plan-2025.json",
         [] {
             auto o = with_format("text", "text, markdown, csv or json");
             o.add_options()("old", po::value<std::string>()->required(), "the earlier plan (- for standard input)")(
                 "new", po::value<std::string>()->required(), "the later plan (- for standard input)");
             return o;
         },
         [] { return positional({{"old", 1}, {"new", 1}}); }, run_diff},
        {"extract", "read a work report's text into a draft plan, every numeral accounted for",
         "govplan extract REPORT.txt [-o DRAFT.json] [--year YEAR] [--id ID] [--explain]",
         "govplan extract data/yancheng-2025.txt -o draft.json --explain",
         [] {
             po::options_description o("Options");
             o.add_options()("help,h", "show this help")(
                 "output,o", po::value<std::string>(),
                 "the draft plan (JSON, format 2); without it, or with -, the draft goes to stdout and the account "
                 "to stderr")("year", po::value<int>(), "the plan year, when the text does not say it")(
                 "id", po::value<std::string>(), "the draft's plan id (default: draft)")(
                 "explain", "list every numeral of the text with what became of it, and the notes")(
                 "report", po::value<std::string>()->required(), "the report's text, UTF-8, or - for standard input");
             return o;
         },
         [] { return positional({{"report", 1}}); }, run_extract},
    };
    return all;
}

constexpr std::string_view exit_status_text =
    "Exit status: 0 success, 1 a check failed (validation errors, differences), 2 usage or I/O error.";

void print_overview()
{
    fmt::print("govplan {} — government work plans from the command line\n\n"
               "usage: govplan COMMAND [ARGS...]\n       govplan help COMMAND\n\ncommands:\n",
               govplan::version_string);
    for (const auto& c : commands()) fmt::print("  {:<10}{}\n", c.name, c.summary);
    fmt::print("\nalso: govplan man (this help as a man page), govplan completion bash (a bash completion script)\n");
    fmt::print("\n{}\n", exit_status_text);
}

/// What `govplan help COMMAND` prints: the man page holds the same text.
std::string help_text(const command& c)
{
    std::ostringstream options;
    options << c.options();
    return fmt::format("govplan {} — {}\n\nusage: {}\n\n{}\nexample:\n  {}\n", c.name, c.summary, c.usage,
                       options.str(), c.example);
}

void print_help(const command& c) { fmt::print("{}", help_text(c)); }

/// roff text: a backslash doubled, a line starting with . or ' protected.
std::string roff(std::string_view text)
{
    std::string out;
    bool line_start = true;
    for (char ch : text) {
        if (line_start && (ch == '.' || ch == '\'')) out += "\\&";
        if (ch == '\\') out += "\\e";
        else if (ch == '-') out += "\\-";  // a minus sign, so that --focus copies as typed
        else out += ch;
        line_start = ch == '\n';
    }
    return out;
}

/// The man page, from the same text as the overview and each command's help.
void print_man_page()
{
    fmt::print(".TH GOVPLAN 1 \"\" \"govplan {}\" \"User Commands\"\n", govplan::version_string);
    fmt::print(".SH NAME\ngovplan \\- government work plans from the command line\n");
    fmt::print(".SH SYNOPSIS\n.B govplan\nCOMMAND [ARGS...]\n.br\n.B govplan help\nCOMMAND\n");
    fmt::print(".SH DESCRIPTION\nValidates, converts, summarises, aggregates, compares and extracts government work "
               "plans (the govplan library's plan files: JSON, or text, XML and binary archives).\n");
    fmt::print(".SH COMMANDS\n");
    for (const auto& c : commands()) {
        fmt::print(".SS {}\n{}\n.PP\n.nf\n{}.fi\n", c.name, roff(c.summary), roff(help_text(c)));
    }
    fmt::print(".SH EXIT STATUS\n{}\n", roff(exit_status_text));
    fmt::print(".SH SEE ALSO\nThe README and docs/ of the govplan sources.\n");
}

/// A bash completion script: the commands, and each command's options.
void print_bash_completion()
{
    std::string names;
    for (const auto& c : commands()) names += c.name + " ";
    names += "help man completion";
    fmt::print("# bash completion for govplan (generated by: govplan completion bash)\n"
               "_govplan() {{\n"
               "    local cur=\"${{COMP_WORDS[COMP_CWORD]}}\" opts=\"\"\n"
               "    if [[ $COMP_CWORD -eq 1 ]]; then\n"
               "        COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))\n"
               "        return\n"
               "    fi\n"
               "    case \"${{COMP_WORDS[1]}}\" in\n",
               names);
    for (const auto& c : commands()) {
        // the options a user types: not the positional arguments
        const auto pos = c.positional();
        std::set<std::string> positional;
        for (unsigned i = 0; i < std::min(pos.max_total_count(), 4u); ++i) positional.insert(pos.name_for_position(i));
        std::string opts;
        const po::options_description described = c.options();  // alive while its options are read
        for (const auto& o : described.options()) {
            if (positional.count(o->long_name()) != 0) continue;
            // appended piece by piece: GCC 12 at -O3 warns (-Wrestrict, a false
            // positive) on a "…" + std::string temporary here
            if (!opts.empty()) opts += ' ';
            opts += "--";
            opts += o->long_name();
        }
        fmt::print("        {}) opts=\"{}\" ;;\n", c.name, opts);
    }
    fmt::print("        help) COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return ;;\n"
               "        completion) COMPREPLY=($(compgen -W \"bash\" -- \"$cur\")); return ;;\n"
               "    esac\n"
               "    if [[ $cur == -* ]]; then\n"
               "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
               "    else\n"
               "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
               "    fi\n"
               "}}\n"
               "complete -o filenames -F _govplan govplan\n",
               names);
}

const command* find_command(const std::string& name)
{
    for (const auto& c : commands())
        if (c.name == name) return &c;
    return nullptr;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        print_overview();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        fmt::print("govplan {}\n", govplan::version_string);
        return 0;
    }
    if (args[0] == "man" && args.size() == 1) {
        print_man_page();
        return 0;
    }
    if (args[0] == "completion") {
        if (args.size() != 2 || args[1] != "bash") {
            fmt::print(stderr, "govplan completion: usage: govplan completion bash\n");
            return 2;
        }
        print_bash_completion();
        return 0;
    }
    if (args[0] == "help") {
        if (args.size() < 2) {
            print_overview();
            return 0;
        }
        const command* c = find_command(args[1]);
        if (c == nullptr) {
            fmt::print(stderr, "govplan: unknown command \"{}\" (see govplan --help)\n", args[1]);
            return 2;
        }
        print_help(*c);
        return 0;
    }
    const command* c = find_command(args[0]);
    if (c == nullptr) {
        fmt::print(stderr, "govplan: unknown command \"{}\" (see govplan --help)\n", args[0]);
        return 2;
    }
    try {
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        po::variables_map vm;
        po::store(po::command_line_parser(rest).options(c->options()).positional(c->positional()).run(), vm);
        if (vm.count("help")) {
            print_help(*c);
            return 0;
        }
        po::notify(vm);
        quiet = vm.count("quiet") > 0;
        return c->run(vm);
    } catch (const po::error& e) {
        fmt::print(stderr, "govplan {}: {} (see govplan help {})\n", c->name, govplan::printable_text(e.what()),
                   c->name);
        return 2;
    } catch (const cli_failure& e) {
        fmt::print(stderr, "govplan {}: {}\n", c->name, govplan::printable_text(e.message));
        return 2;
    } catch (const std::exception& e) {
        fmt::print(stderr, "govplan {}: {}\n", c->name, govplan::printable_text(e.what()));
        return 2;
    }
}

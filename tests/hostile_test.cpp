// Hostile input (docs/reliability.md): files that are not files, saves that
// must not clobber, text in messages that must not reach a terminal as is.
#include <govplan/aggregation.hpp>
#include <govplan/archive.hpp>
#include <govplan/comparison.hpp>
#include <govplan/filter.hpp>
#include <govplan/plan_index.hpp>
#include <govplan/progress.hpp>
#include <govplan/report.hpp>
#include <govplan/decimal.hpp>
#include <govplan/document.hpp>
#include <govplan/json.hpp>
#include <govplan/unit.hpp>
#include <govplan/validation.hpp>

#include <doctest/doctest.h>

#include "fuzz/targets.hpp"
#include "support.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <csignal>
#include <set>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace govplan;
using govplan::testing::make_clean_plan;
using govplan::testing::temp_dir;

namespace {

/// No byte below 0x20 (but none is expected at all) and no DEL.
bool free_of_controls(const std::string& s)
{
    return std::none_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

std::string make_fifo(const temp_dir& dir, const char* name)
{
    const std::string path = (dir.path() / name).string();
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    return path;
}

}  // namespace

TEST_CASE("hostile a FIFO or a device given as input is refused before any read")
{
    temp_dir dir;
    const std::string fifo = make_fifo(dir, "plan.json");  // no writer: an open for reading would block
    const auto plan = load_plan(fifo);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error().code == errc::io_error);
    CHECK(plan.error().message == "is a FIFO (named pipe), not a regular file: refused before reading");
    CHECK(plan.error().source == fifo);
    CHECK(load_json(fifo).error().code == errc::io_error);
    CHECK(load_archive(fifo).error().code == errc::io_error);
    CHECK(document_kind_of_file(fifo).error().code == errc::io_error);
    CHECK(read_regular_file(fifo, 1024).error().code == errc::io_error);

    const auto zero = load_plan("/dev/zero");
    REQUIRE_FALSE(zero.has_value());
    CHECK(zero.error().message == "is a character device, not a regular file: refused before reading");
    CHECK(load_plan(dir.path()).error().message == "is a directory, not a regular file: refused before reading");
}

TEST_CASE("hostile a save replaces only a regular file")
{
    const auto p = make_clean_plan();
    temp_dir dir;
    const std::string fifo = make_fifo(dir, "out.json");
    const auto to_fifo = save_json(p, fifo);
    REQUIRE_FALSE(to_fifo.has_value());
    CHECK(to_fifo.error().message ==
          "is a FIFO (named pipe), not a regular file: refused to replace it (write to - for standard output)");
    struct stat st {};
    REQUIRE(::stat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));

    const auto to_null = save_archive(p, "/dev/null", archive_kind::binary);
    REQUIRE_FALSE(to_null.has_value());
    CHECK(to_null.error().message.rfind("is a character device", 0) == 0);
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));

    CHECK(save_json(p, dir.path()).error().message.rfind("is a directory", 0) == 0);
    CHECK(dir.entries() == 1);  // the FIFO alone: no temporary file left
}

TEST_CASE("hostile a save through a symbolic link replaces the file it names and keeps the link")
{
    const auto p = make_clean_plan();
    temp_dir dir;
    const auto real = dir.path() / "sub" / "real.json";
    std::filesystem::create_directories(real.parent_path());
    REQUIRE(save_json(plan{}, real).has_value());
    std::filesystem::create_symlink("sub/real.json", dir.path() / "link.json");
    REQUIRE(save_json(p, dir.path() / "link.json").has_value());
    CHECK(std::filesystem::is_symlink(dir.path() / "link.json"));
    CHECK(load_json(real).value() == p);
    CHECK(dir.entries() == 2);
}

TEST_CASE("hostile a save does not follow another user's symbolic link in a shared folder")
{
    // As the kernel's protected_symlinks: /tmp/report.json -> ~/.bashrc planted
    // by someone else is not followed. Needs root to give the link away.
    temp_dir dir;
    const auto shared = dir.path() / "shared";
    std::filesystem::create_directories(shared);
    REQUIRE(::chmod(shared.c_str(), 01777) == 0);
    const auto victim = dir.path() / "victim.json";
    REQUIRE(save_json(plan{}, victim).has_value());
    const std::string before = govplan::testing::read_all(victim);
    const auto link = shared / "report.json";
    std::filesystem::create_symlink(victim, link);
    if (::geteuid() != 0 || ::lchown(link.c_str(), 65534, 65534) != 0) {
        MESSAGE("not root: the link cannot be given to another user, skipped");
        return;
    }
    const auto refused = save_json(make_clean_plan(), link);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message.find("is a symbolic link of another user in a shared folder") != std::string::npos);
    CHECK(govplan::testing::read_all(victim) == before);
    CHECK(std::filesystem::is_symlink(link));
    // Our own link there is followed.
    REQUIRE(::lchown(link.c_str(), 0, 0) == 0);
    CHECK(save_json(make_clean_plan(), link).has_value());
    CHECK(load_json(victim).value() == make_clean_plan());
}

TEST_CASE("hostile a save keeps the mode of the file it replaces and gives a new one the umask's")
{
    const auto p = make_clean_plan();
    temp_dir dir;
    const auto file = dir.path() / "plan.json";
    REQUIRE(save_json(plan{}, file).has_value());
    REQUIRE(::chmod(file.c_str(), 0600) == 0);
    REQUIRE(save_json(p, file).has_value());
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    REQUIRE(::chmod(file.c_str(), 0640) == 0);
    REQUIRE(save_archive(p, file, archive_kind::text).has_value());
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);

    const mode_t saved = ::umask(027);
    const auto fresh = dir.path() / "new.json";
    const auto made = save_json(p, fresh);
    ::umask(saved);
    REQUIRE(made.has_value());
    REQUIRE(::stat(fresh.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);
}

TEST_CASE("hostile a process killed in the middle of a save leaves the old file and no temporary one")
{
    const auto p = make_clean_plan();
    temp_dir dir;
    const auto file = dir.path() / "plan.json";
    REQUIRE(save_json(plan{}, file).has_value());
    const std::string before = govplan::testing::read_all(file);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // SIGXFSZ at its default action: the kernel kills the process at the
        // first write past 1 KB, in the middle of the save.
        std::signal(SIGXFSZ, SIG_DFL);
        rlimit limit{1024, 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        (void)save_json(p, file);
        ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGXFSZ);
    CHECK(govplan::testing::read_all(file) == before);
    CHECK(dir.entries() == 1);
}

TEST_CASE("hostile untrusted text in messages is escaped and cut")
{
    // A megabyte of digits: the message quotes a bounded excerpt.
    const auto big = decimal::parse(std::string(1 << 20, '1') + "x");
    REQUIRE_FALSE(big.has_value());
    CHECK(big.error().to_string().size() < 400);

    const auto unit = unit_registry::standard().find("\x1b]0;owned\x07\n");
    REQUIRE_FALSE(unit.has_value());
    CHECK(free_of_controls(unit.error().to_string()));
    CHECK(unit.error().message.find("\\u001B]0;owned\\u0007\\u000A") != std::string::npos);

    // Whatever a message holds, to_string() is safe to print.
    error e(errc::invalid_value, "a\nb\x1b[2Jc\xff" + std::string(5000, 'x'));
    e.source = "evil\x1b[31m.json";
    const std::string shown = e.to_string();
    CHECK(free_of_controls(shown));
    CHECK(shown.find("\\xFF") != std::string::npos);
    CHECK(shown.size() < 1200);
    CHECK(shown.find("…") != std::string::npos);
    CHECK(printable_text("C1 \xc2\x9b controls") == "C1 \\u009B controls");
    CHECK(printable_text("bidi \xe2\x80\xae and \xe2\x81\xa6") == "bidi \\u202E and \\u2066");
    CHECK(printable_text("中文 stays") == "中文 stays");

    // A validation message naming a unit from the file.
    auto p = make_clean_plan();
    auto& renamed = p.focus_areas[0].measures[0].targets[0];
    renamed.unit = govplan::unit{"\x1b[31mred", renamed.unit.dimension(), renamed.unit.base(), renamed.unit.scale(), renamed.unit.per()};
    const auto ds = validate(p);
    REQUIRE_FALSE(ds.empty());
    for (const auto& d : ds) CHECK(free_of_controls(d.message));
}

// ---- a loaded plan is a safe plan ------------------------------------------

namespace {

/// The damaged plans an archive can hold (none of them valid).
std::vector<std::pair<std::string, plan>> damaged_plans()
{
    std::vector<std::pair<std::string, plan>> out;
    const plan clean = make_clean_plan();
    auto add = [&](std::string name, auto&& damage) {
        plan p = clean;
        damage(p);
        out.emplace_back(std::move(name), std::move(p));
    };
    auto first = [](plan& p) -> target& { return p.focus_areas.at(0).measures.at(0).targets.at(0); };
    add("null period", [](plan& p) { p.period = date_period(date(), date()); });
    add("no focus area", [](plan& p) { p.focus_areas.clear(); });
    add("duplicate target ids", [&](plan& p) { first(p).id = p.focus_areas[0].measures[0].targets.at(1).id; });
    add("empty ids", [&](plan& p) {
        first(p).id.clear();
        p.focus_areas[0].measures[0].projects.at(0).id.clear();
    });
    add("amounts at the 18-digit limit", [&](plan& p) {
        for (auto& t : p.focus_areas[0].measures[0].targets) {
            t.unit = *unit_registry::standard().lookup("亿元");
            t.kind = target_kind::amount;
            t.value = decimal::parse("999999999999999999").value();
        }
    });
    add("a parent cycle", [&](plan& p) {
        auto& ts = p.focus_areas[0].measures[0].targets;
        ts.at(0).parent_id = ts.at(1).id;
        ts.at(1).parent_id = ts.at(0).id;
    });
    add("links to nothing", [&](plan& p) {
        first(p).project_ids = {"nowhere", "nowhere"};
        p.focus_areas[0].measures[0].projects.at(0).targets.push_back({"missing", {}});
    });
    add("an unknown unit", [&](plan& p) { 
        first(p).unit = unit{"斤斤", first(p).unit.dimension(), "克克", first(p).unit.scale(), first(p).unit.per()};
     });
    add("observations in another unit and at odd dates", [&](plan& p) {
        first(p).kind = target_kind::amount;
        first(p).unit = *unit_registry::standard().lookup("亿元");
        first(p).observations = {{date(1400, 1, 1), {decimal::parse("1").value(), *unit_registry::standard().lookup("%")}, "", ""},
                                 {date(9999, 12, 31), {decimal::parse("-5").value(), first(p).unit}, "", ""}};
    });
    add("a deadline outside the period", [&](plan& p) { first(p).deadline = date(1400, 1, 1); });
    add("one unit symbol with two definitions", [&](plan& p) {
        auto& ts = p.focus_areas[0].measures[0].targets;
        const unit& mu = *unit_registry::standard().lookup("亩");
        unit a{"千亩", mu.dimension(), mu.base(), unit_scale{1000, 1}};
        unit b{"千亩", mu.dimension(), mu.base(), unit_scale{100, 1}};
        ts.at(0).unit = a;
        ts.at(1).unit = b;
    });
    add("text that is not UTF-8", [&](plan& p) {
        p.title = "bad \xff title";
        first(p).metric = "\xc3";
    });
    return out;
}

}  // namespace

TEST_CASE("hostile every public call on a damaged but loadable plan returns, and what it writes reads back")
{
    // Two kinds of damage no reader accepts, so no writer writes them (the
    // readers' side: "archive a string that is not UTF-8 or an id used twice…").
    const std::set<std::string> unwritable = {"duplicate target ids", "text that is not UTF-8",
                                              "one unit symbol with two definitions"};
    for (auto& [name, damaged] : damaged_plans()) {
        CAPTURE(name);
        for (auto kind : {archive_kind::text, archive_kind::xml, archive_kind::binary}) {
            CAPTURE(kind);
            const auto bytes = plan_to_archive(damaged, kind);
            if (unwritable.count(name) != 0) {
                REQUIRE_FALSE(bytes.has_value());
                CHECK(bytes.error().message.find("refused before writing") != std::string::npos);
                temp_dir dir;
                CHECK_FALSE(save_json(damaged, dir.path() / "p.json").has_value());
                CHECK(dir.entries() == 0);
                continue;
            }
            REQUIRE_MESSAGE(bytes.has_value(), bytes.error().to_string());
            const auto loaded = plan_from_archive(*bytes);
            REQUIRE_MESSAGE(loaded.has_value(), loaded.error().to_string());
            std::size_t reported = 0;
            CHECK_NOTHROW(reported = govplan::fuzz::exercise(*loaded));
            CHECK(reported > 0);  // every damaged plan is reported somewhere
        }
    }
}

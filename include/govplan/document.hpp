// govplan — what a file is, and loading a plan in whichever format it is in.
//
//   govplan::document_kind_of(first_bytes)   // plan_json, observations_json, plan_archive…
//   govplan::document_kind_of_file("x.json")  // the same, from a file's first bytes
//   govplan::load_plan("plan.govplan")        // JSON or any archive kind, recognised by content
//   govplan::save_plan(p, "plan.xml")           // the format the name asks for
//   govplan::find_plan_files("plans/")         // the plans of a folder, other JSON set aside
//
// Recognition reads content, never the file name: an archive by its envelope's
// signature, a JSON document by its "format" member ("govplan" for a plan,
// "govplan-observations" for observations).
#pragma once

#include <govplan/config.hpp>

#include <govplan/archive.hpp>
#include <govplan/error.hpp>
#include <govplan/json.hpp>
#include <govplan/plan.hpp>

#include <boost/describe/enum.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

enum class document_kind {
    plan_json,          ///< a JSON object whose "format" is "govplan"
    observations_json,  ///< a JSON object whose "format" is "govplan-observations"
    plan_archive,       ///< a file that starts with the archive envelope's signature
    other_json,         ///< a JSON object with another or no "format" (an exclusions file, a schema)
    unknown,            ///< anything else (text, an empty file)
};
BOOST_DESCRIBE_ENUM(document_kind, plan_json, observations_json, plan_archive, other_json, unknown)

/// How many leading bytes document_kind_of() looks at; give it at least these.
inline constexpr std::size_t document_head_bytes = 4096;

/// What `head`, the first bytes of a file, say it is. For JSON it looks for the
/// object's "format" member within document_head_bytes (govplan's writers put
/// it first); it does not check the rest of the document, which loading does.
[[nodiscard]] document_kind document_kind_of(std::string_view head) noexcept;

/// The kind of the file at `path`, from its first document_head_bytes; when
/// those are a JSON object without a "format" member (keys sorted, a long first
/// member), from the whole file. Fails with io_error when the file cannot be read.
[[nodiscard]] result<document_kind> document_kind_of_file(const std::filesystem::path& file);

/// The bytes of the regular file at `path`, for reading a report's text or any
/// other input the way the loaders read theirs: a FIFO, a device or a
/// directory is refused with errc::io_error before any read (so a FIFO never
/// blocks); a file over max_bytes fails with errc::limit_exceeded before it is
/// read.
[[nodiscard]] result<std::string> read_regular_file(const std::filesystem::path& file, std::size_t max_bytes);

/// Limits for load_plan: those of the JSON reader and of the archive reader.
struct load_options {
    json_read_options json;
    archive_limits archive;
};

/// Loads a plan from a JSON document or an archive of any kind, whichever the
/// file's content says it is. An observations file fails with
/// errc::type_mismatch saying so; anything else that is not an archive is read
/// as JSON and fails with the JSON reader's located error (a syntax error, an
/// unknown key, a missing header).
[[nodiscard]] result<plan> load_plan(const std::filesystem::path& file, const load_options& options = {});

/// The same from bytes already read (standard input, a network message): an
/// archive by its signature, anything else as JSON.
[[nodiscard]] result<plan> plan_from_bytes(std::string_view bytes, const load_options& options = {});

/// The formats a plan is saved in: JSON or one of the archive kinds.
enum class plan_format { json, text, xml, binary };
BOOST_DESCRIBE_ENUM(plan_format, json, text, xml, binary)

/// The format a file name asks for, by its extension in any case: .json,
/// .txt (text archive), .xml, and .bin or .govplan (binary archive); nullopt
/// for any other name.
[[nodiscard]] std::optional<plan_format> plan_format_for(const std::filesystem::path& file);

/// The bytes save_plan() writes: the JSON document, or the archive in its
/// envelope; fails as save_plan() does before it writes (a plan the readers
/// would refuse, a document over their size limit). Throws
/// std::invalid_argument for a value that is not a plan_format.
[[nodiscard]] result<std::string> plan_to_bytes(const plan& p, plan_format format);

/// Saves `p` in `format`, replacing `file` atomically (see save_json and
/// save_archive: only a regular file is replaced, and nothing is written that
/// the readers would refuse). Throws std::invalid_argument for a value that
/// is not a plan_format.
[[nodiscard]] result<void> save_plan(const plan& p, const std::filesystem::path& file, plan_format format);
/// Saves `p` in the format `file`'s name asks for (plan_format_for); a name
/// that asks for none fails with errc::invalid_value naming it.
[[nodiscard]] result<void> save_plan(const plan& p, const std::filesystem::path& file);

/// The plan files under a folder, and the files set aside.
struct plan_files {
    std::vector<std::filesystem::path> plans;    ///< sorted; what is not recognised is kept, so that loading reports it
    std::vector<std::filesystem::path> skipped;  ///< observations and other JSON documents, sorted
};

/// Searches `folder` and its subfolders for files with a name plan_format_for()
/// knows (or matching `name_pattern`, a shell pattern such as "*-2025.json")
/// and reads each one's head. JSON plans and archives are listed as plans,
/// observations and other JSON documents as skipped. A file with other
/// content (a report's text) is left out, unless its name is .json or
/// .govplan or matches `name_pattern`: then it is listed as a plan, so that
/// loading it names its error (an empty or garbled plan). Fails with
/// errc::io_error when the folder cannot be listed.
[[nodiscard]] result<plan_files> find_plan_files(const std::filesystem::path& folder, std::string_view name_pattern = {});

GOVPLAN_END_NAMESPACE

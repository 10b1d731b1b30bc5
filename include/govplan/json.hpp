// govplan — the JSON interchange format (see docs/format.md).
//
// A plan file is UTF-8 JSON with a fixed key order, Chinese text as is,
// decimals as strings ("10.6") so no digit is ever lost, and ISO dates. The
// root names the format: {"format": "govplan", "format_version": 2, ...}.
// Every format 1 file reads into today's model (docs/format.md says how).
//
// Reading never yields a half-built plan: either the whole plan or an error
// naming the JSON pointer and line:column where reading stopped. The
// throwing form is `.value()` on the result.
#pragma once

#include <govplan/config.hpp>

#include <govplan/error.hpp>
#include <govplan/plan.hpp>
#include <govplan/unit.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

GOVPLAN_BEGIN_NAMESPACE

/// The version of the JSON format this library writes, and the newest it reads.
inline constexpr int json_format_version = 2;

/// Guards against hostile or runaway input; exceeding one is errc::limit_exceeded.
struct json_limits {
    std::size_t max_bytes = 256u << 20;        ///< whole document
    std::size_t max_depth = 32;                ///< nesting of objects and arrays
    std::size_t max_string_bytes = 1u << 20;   ///< one string or key
    std::size_t max_array_size = 1u << 20;     ///< elements of one array
    /// Members of one object. The format's objects have a few dozen keys at
    /// most; the limit stops a document of millions of keys early.
    std::size_t max_object_members = 1024;
};

struct json_read_options {
    json_limits limits;
    /// Units a file may name besides those it defines itself; nullptr means
    /// unit_registry::standard().
    const unit_registry* units = nullptr;
    /// Named in errors (usually the file name); load_json sets it to the path.
    std::string source_name;
};

/// Parses a plan document.
[[nodiscard]] result<plan> plan_from_json(std::string_view json, const json_read_options& options = {});

/// The plan as a JSON document of the current format: two-space
/// indentation, keys in declaration order, members holding their default
/// left out (the reader restores them), a final newline. Units not in
/// unit_registry::standard() are written into the file's "units" list.
/// Whatever this writes, plan_from_json() reads back equal.
[[nodiscard]] std::string plan_to_json(const plan& p);

/// Reads a plan file. errc::io_error when it cannot be read.
[[nodiscard]] result<plan> load_json(const std::filesystem::path& file, json_read_options options = {});

/// A file of observations for a plan's targets (docs/format.md):
///   {"format": "govplan-observations", "format_version": 1, "plan_id": …,
///    "illustrative": true, "note": …, "observations": [{"target_id": …,
///    "date": …, "value": "21.4", "unit": "亿元", "note": …, "source": …}]}
struct observation_entry {
    std::string target_id;
    observation value;
    friend bool operator==(const observation_entry&, const observation_entry&) = default;
};
struct observation_file {
    std::string plan_id;
    bool illustrative = false;  ///< the figures are made up, for demonstration
    std::string note;
    std::vector<observation_entry> entries;
    friend bool operator==(const observation_file&, const observation_file&) = default;
};

/// Reads observations of `p`'s targets. Each entry must name a target of the
/// plan (its unit is the default); errors are located like plan errors.
[[nodiscard]] result<observation_file> observations_from_json(std::string_view json, const plan& p,
                                                              const json_read_options& options = {});
[[nodiscard]] result<observation_file> load_observations(const std::filesystem::path& file, const plan& p,
                                                         json_read_options options = {});
/// `p` with every entry appended to its target's observations (file order).
/// errc::invalid_value when the file is for another plan or names a target
/// the plan lacks.
[[nodiscard]] result<plan> with_observations(const plan& p, const observation_file& file);

/// Writes a plan file atomically: a temporary file in the same directory is
/// written, flushed and renamed over `file`; on any failure `file` is left as
/// it was.
[[nodiscard]] result<void> save_json(const plan& p, const std::filesystem::path& file);

GOVPLAN_END_NAMESPACE

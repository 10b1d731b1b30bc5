// govplan — declarations of the public types, for headers of your own that
// name them without including their definitions:
//
//   #include <govplan/fwd.hpp>
//   void publish(const govplan::plan& p);          // plan.hpp where it is defined
//
// It includes nothing but config.hpp and <cstdint>, so it costs nothing to
// include. The enumerations are declared opaquely, with their underlying type
// (std::uint8_t for those of the model, int for the rest): their enumerators
// and codes come with their own headers.
#pragma once

#include <govplan/config.hpp>

#include <cstdint>

GOVPLAN_BEGIN_NAMESPACE

// error.hpp
enum class errc;
struct error;
class exception;
template <class T, class E = error>
class result;

// decimal.hpp, unit.hpp, boxed_optional.hpp
class decimal;
enum class dimension;
struct unit_scale;
struct unit_definition;
class unit;
class unit_registry;
struct quantity;
template <class T>
class boxed_optional;
template <class T>
class boxed;

// the model: target.hpp, project.hpp, measure.hpp, focus_area.hpp, plan.hpp, provenance.hpp
enum class target_kind : std::uint8_t;
enum class comparator : std::uint8_t;
enum class trend : std::uint8_t;
enum class hedge : std::uint8_t;
enum class accumulation : std::uint8_t;
enum class change_basis : std::uint8_t;
enum class group_mode : std::uint8_t;
enum class commitment : std::uint8_t;
struct baseline;
struct observation;
struct milestone;
struct target_scope;
struct statement_group;
struct responsibility;
struct target;
enum class project_stage : std::uint8_t;
enum class item_type : std::uint8_t;
enum class link_role : std::uint8_t;
struct target_link;
struct project;
struct measure;
struct focus_area;
enum class jurisdiction_level;
struct jurisdiction;
struct source_reference;
struct plan;
struct element_position;
template <class Element>
struct located;
struct provenance;
struct text_span;
class plan_index;

// validation.hpp
enum class severity;
struct diagnostic;
struct validation_rule;
struct validation_options;

// json.hpp, archive.hpp, document.hpp
struct json_limits;
struct json_read_options;
struct observation_entry;
struct observation_file;
enum class archive_kind;
struct archive_limits;
enum class document_kind;
enum class plan_format;
struct load_options;
struct plan_files;

// serialization.hpp (opt-in)
struct load_budget;
class archive_error;

// aggregation.hpp, progress.hpp, comparison.hpp, filter.hpp, report.hpp
enum class group_by;
struct aggregation_options;
struct family_total;
struct target_group;
struct target_view;
struct project_counts;
struct declared_named;
enum class progress_status;
enum class progress_basis;
struct progress_thresholds;
struct target_progress;
struct progress_rollup;
struct metric_row;
struct target_change;
struct plan_diff;
struct element_filter;
enum class report_format;
struct table;
struct progress_report;

// extract.hpp
enum class numeral_use;
enum class set_aside_reason;
struct extract_options;
struct numeral_record;
struct extraction_note;
struct skipped_section;
struct extraction;

GOVPLAN_END_NAMESPACE

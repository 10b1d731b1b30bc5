// govplan/fwd.hpp declares types that exist: each is complete once the
// library's headers are included, and each enumeration is one the library
// describes (a misspelt name would declare a new type and go unnoticed).
#include <govplan/fwd.hpp>

// A header of one's own, written against the declarations alone.
namespace consumer {
const govplan::plan* first_of(const govplan::plan* plans);
govplan::result<govplan::plan> load_somehow();
}  // namespace consumer

#include <govplan/govplan.hpp>
#include <govplan/serialization.hpp>

#include <doctest/doctest.h>

#include <boost/describe/enumerators.hpp>

#include <type_traits>

namespace {
template <class T>
constexpr bool complete = requires { sizeof(T); };
}  // namespace

TEST_CASE("fwd.hpp: every type it declares is defined by the library")
{
    static_assert(std::is_error_code_enum<govplan::errc>::value, "errc");
    static_assert(complete<govplan::error>, "error");
    static_assert(complete<govplan::exception>, "exception");
    static_assert(complete<govplan::decimal>, "decimal");
    static_assert(boost::describe::has_describe_enumerators<govplan::dimension>::value, "dimension");
    static_assert(complete<govplan::unit_scale>, "unit_scale");
    static_assert(complete<govplan::unit_definition>, "unit_definition");
    static_assert(complete<govplan::unit>, "unit");
    static_assert(complete<govplan::boxed_optional<int>>, "boxed_optional");
    static_assert(complete<govplan::boxed<int>>, "boxed");
    static_assert(complete<govplan::unit_registry>, "unit_registry");
    static_assert(complete<govplan::quantity>, "quantity");
    static_assert(boost::describe::has_describe_enumerators<govplan::target_kind>::value, "target_kind");
    static_assert(boost::describe::has_describe_enumerators<govplan::comparator>::value, "comparator");
    static_assert(boost::describe::has_describe_enumerators<govplan::trend>::value, "trend");
    static_assert(boost::describe::has_describe_enumerators<govplan::hedge>::value, "hedge");
    static_assert(boost::describe::has_describe_enumerators<govplan::accumulation>::value, "accumulation");
    static_assert(boost::describe::has_describe_enumerators<govplan::change_basis>::value, "change_basis");
    static_assert(boost::describe::has_describe_enumerators<govplan::group_mode>::value, "group_mode");
    static_assert(boost::describe::has_describe_enumerators<govplan::commitment>::value, "commitment");
    static_assert(complete<govplan::baseline>, "baseline");
    static_assert(complete<govplan::observation>, "observation");
    static_assert(complete<govplan::milestone>, "milestone");
    static_assert(complete<govplan::target_scope>, "target_scope");
    static_assert(complete<govplan::statement_group>, "statement_group");
    static_assert(complete<govplan::responsibility>, "responsibility");
    static_assert(complete<govplan::target>, "target");
    static_assert(boost::describe::has_describe_enumerators<govplan::project_stage>::value, "project_stage");
    static_assert(boost::describe::has_describe_enumerators<govplan::item_type>::value, "item_type");
    static_assert(boost::describe::has_describe_enumerators<govplan::link_role>::value, "link_role");
    static_assert(complete<govplan::target_link>, "target_link");
    static_assert(complete<govplan::project>, "project");
    static_assert(complete<govplan::measure>, "measure");
    static_assert(complete<govplan::focus_area>, "focus_area");
    static_assert(boost::describe::has_describe_enumerators<govplan::jurisdiction_level>::value, "jurisdiction_level");
    static_assert(complete<govplan::jurisdiction>, "jurisdiction");
    static_assert(complete<govplan::source_reference>, "source_reference");
    static_assert(complete<govplan::plan>, "plan");
    static_assert(complete<govplan::element_position>, "element_position");
    static_assert(complete<govplan::provenance>, "provenance");
    static_assert(complete<govplan::text_span>, "text_span");
    static_assert(complete<govplan::plan_index>, "plan_index");
    static_assert(boost::describe::has_describe_enumerators<govplan::severity>::value, "severity");
    static_assert(complete<govplan::diagnostic>, "diagnostic");
    static_assert(complete<govplan::validation_rule>, "validation_rule");
    static_assert(complete<govplan::validation_options>, "validation_options");
    static_assert(complete<govplan::json_limits>, "json_limits");
    static_assert(complete<govplan::json_read_options>, "json_read_options");
    static_assert(complete<govplan::observation_entry>, "observation_entry");
    static_assert(complete<govplan::observation_file>, "observation_file");
    static_assert(boost::describe::has_describe_enumerators<govplan::archive_kind>::value, "archive_kind");
    static_assert(complete<govplan::archive_limits>, "archive_limits");
    static_assert(boost::describe::has_describe_enumerators<govplan::document_kind>::value, "document_kind");
    static_assert(boost::describe::has_describe_enumerators<govplan::plan_format>::value, "plan_format");
    static_assert(complete<govplan::plan_files>, "plan_files");
    static_assert(complete<govplan::load_options>, "load_options");
    static_assert(boost::describe::has_describe_enumerators<govplan::group_by>::value, "group_by");
    static_assert(complete<govplan::aggregation_options>, "aggregation_options");
    static_assert(complete<govplan::family_total>, "family_total");
    static_assert(complete<govplan::target_group>, "target_group");
    static_assert(complete<govplan::target_view>, "target_view");
    static_assert(complete<govplan::project_counts>, "project_counts");
    static_assert(complete<govplan::declared_named>, "declared_named");
    static_assert(boost::describe::has_describe_enumerators<govplan::progress_status>::value, "progress_status");
    static_assert(boost::describe::has_describe_enumerators<govplan::progress_basis>::value, "progress_basis");
    static_assert(complete<govplan::progress_thresholds>, "progress_thresholds");
    static_assert(complete<govplan::target_progress>, "target_progress");
    static_assert(complete<govplan::progress_rollup>, "progress_rollup");
    static_assert(complete<govplan::metric_row>, "metric_row");
    static_assert(complete<govplan::target_change>, "target_change");
    static_assert(complete<govplan::plan_diff>, "plan_diff");
    static_assert(complete<govplan::element_filter>, "element_filter");
    static_assert(boost::describe::has_describe_enumerators<govplan::report_format>::value, "report_format");
    static_assert(complete<govplan::table>, "table");
    static_assert(complete<govplan::progress_report>, "progress_report");
    static_assert(boost::describe::has_describe_enumerators<govplan::numeral_use>::value, "numeral_use");
    static_assert(boost::describe::has_describe_enumerators<govplan::set_aside_reason>::value, "set_aside_reason");
    static_assert(complete<govplan::extract_options>, "extract_options");
    static_assert(complete<govplan::numeral_record>, "numeral_record");
    static_assert(complete<govplan::extraction_note>, "extraction_note");
    static_assert(complete<govplan::skipped_section>, "skipped_section");
    static_assert(complete<govplan::extraction>, "extraction");
    static_assert(complete<govplan::result<govplan::plan>>);
    static_assert(std::is_same_v<govplan::result<int>, govplan::result<int, govplan::error>>);
    CHECK(sizeof(govplan::plan) > 0);
}

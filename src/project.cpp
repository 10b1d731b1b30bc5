#include <govplan/project.hpp>

#include <array>

GOVPLAN_BEGIN_NAMESPACE
namespace {

using namespace std::string_view_literals;

constexpr std::array apply_cues{"申报"sv, "争取"sv};
constexpr std::array plan_cues{"谋划"sv, "编制"sv};
constexpr std::array prepare_cues{"前期工作"sv};
constexpr std::array start_cues{"新开工"sv, "开工"sv};
constexpr std::array build_cues{"加快建设"sv, "推进"sv, "实施"sv};
constexpr std::array complete_cues{"建成"sv, "完成"sv};
constexpr std::array operate_cues{"投产"sv, "投用"sv, "运营"sv};
constexpr std::array other_cues{"组建"sv, "争创"sv, "举办"sv, "设立"sv};

}  // namespace

std::span<const std::string_view> cue_words(project_stage s) noexcept
{
    switch (s) {
    case project_stage::apply: return apply_cues;
    case project_stage::plan: return plan_cues;
    case project_stage::prepare: return prepare_cues;
    case project_stage::start: return start_cues;
    case project_stage::build: return build_cues;
    case project_stage::complete: return complete_cues;
    case project_stage::operate: return operate_cues;
    case project_stage::other: return other_cues;
    }
    return {};
}

GOVPLAN_END_NAMESPACE

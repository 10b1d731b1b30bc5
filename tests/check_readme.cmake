# Checks that README.md shows what the programs really print and build:
# the first screen of plan_summary, track_progress's output and
# examples/quick_tour.cpp verbatim.
#   cmake -DSOURCE_DIR=… -DPLAN_SUMMARY=… -P check_readme.cmake
file(READ "${SOURCE_DIR}/README.md" readme)

execute_process(COMMAND "${PLAN_SUMMARY}" "${SOURCE_DIR}/data/yancheng-2025.json"
  OUTPUT_VARIABLE summary RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "plan_summary failed: ${status}")
endif()

# The block after "first screen:" up to the closing fence.
string(FIND "${readme}" "first screen:\n\n```text\n" start)
if(start EQUAL -1)
  message(FATAL_ERROR "README.md has no summary block")
endif()
math(EXPR start "${start} + 23")
string(SUBSTRING "${readme}" ${start} -1 rest)
string(FIND "${rest}" "```" stop)
string(SUBSTRING "${rest}" 0 ${stop} shown)
string(LENGTH "${shown}" shown_length)
string(SUBSTRING "${summary}" 0 ${shown_length} actual)
if(NOT shown STREQUAL actual)
  message(FATAL_ERROR "README.md's summary differs from plan_summary's output:\n--- README\n${shown}\n--- actual\n${actual}")
endif()

execute_process(COMMAND "${TRACK_PROGRESS}" OUTPUT_VARIABLE progress RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "track_progress failed: ${status}")
endif()
string(FIND "${readme}" "```text\n${progress}```" found)
if(found EQUAL -1)
  message(FATAL_ERROR "README.md does not show track_progress's output verbatim:\n${progress}")
endif()

if(GOVPLAN_TOOL)
  execute_process(COMMAND "${GOVPLAN_TOOL}" stats data/yancheng-2025.json --by dimension
    WORKING_DIRECTORY "${SOURCE_DIR}" OUTPUT_VARIABLE stats RESULT_VARIABLE status)
  execute_process(COMMAND "${GOVPLAN_TOOL}" validate tests/cli/invalid-plan.json
    WORKING_DIRECTORY "${SOURCE_DIR}" OUTPUT_VARIABLE diagnostics)
  string(FIND "${readme}" "$ govplan stats data/yancheng-2025.json --by dimension\n${stats}$ govplan validate tests/cli/invalid-plan.json\n${diagnostics}```" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "README.md does not show the tool's real output:\n${stats}${diagnostics}")
  endif()
endif()

file(READ "${SOURCE_DIR}/examples/quick_tour.cpp" tour)
string(FIND "${readme}" "```cpp\n${tour}```" found)
if(found EQUAL -1)
  message(FATAL_ERROR "README.md does not show examples/quick_tour.cpp verbatim")
endif()
message(STATUS "README.md matches the programs")

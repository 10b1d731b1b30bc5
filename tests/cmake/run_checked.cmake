# Runs one test command (or a chain of them) in a fresh directory and checks
# everything it did. Registered by govplan_run_test() (govplan_run_test.cmake);
# not meant to be called by hand, but it can be:
#
#   cmake -DRUN_DIR=dir -DSTEPS="prog|arg|&&|prog2|arg" -DEXIT=0 [-DSTDOUT=regex]
#         [-DSTDERR=regex] [-DLINES=n] [-DSTDOUT_FILE=file] [-DCOPY=a|b] [-DKEEP=a|b]
#         [-DSAME=x|y|…] [-DWORKDIR=dir] [-DONE_LINE_ERRORS=ON] -P run_checked.cmake
#
# RUN_DIR is removed and made anew, so nothing a previous run left can make a
# test pass; "@RUN@" in any argument stands for it. Every step but the last must
# exit 0 and print nothing on stderr. The last must exit with EXIT; its stdout
# must match STDOUT (a regular expression) and equal STDOUT_FILE, and have LINES
# lines; its stderr must match STDERR, or be empty when STDERR is not given.
# COPY files are copied into RUN_DIR first; KEEP files too, and each copy must
# still be byte-identical to its original at the end (a failed write loses
# nothing). SAME lists pairs of files that must be identical at the end.
cmake_minimum_required(VERSION 3.25)

foreach(required RUN_DIR STEPS EXIT)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "run_checked.cmake: ${required} is not set")
  endif()
endforeach()

foreach(key STDOUT STDERR)
  if(DEFINED ${key})
    string(REPLACE "@LB@" "[" ${key} "${${key}}")
    string(REPLACE "@RB@" "]" ${key} "${${key}}")
  endif()
endforeach()

file(REMOVE_RECURSE "${RUN_DIR}")
file(MAKE_DIRECTORY "${RUN_DIR}")
if(NOT DEFINED WORKDIR OR WORKDIR STREQUAL "")
  set(WORKDIR "${RUN_DIR}")
endif()

function(split_bars out text)
  string(REPLACE "@RUN@" "${RUN_DIR}" text "${text}")
  string(REPLACE "|" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

split_bars(copies "${COPY}")
split_bars(kept "${KEEP}")
foreach(file IN LISTS copies kept)
  file(COPY "${file}" DESTINATION "${RUN_DIR}")
endforeach()

string(REPLACE "|&&|" "\n" steps "${STEPS}")
string(REPLACE "\n" ";" steps "${steps}")
list(LENGTH steps step_count)
set(report "")
set(index 0)
foreach(step IN LISTS steps)
  math(EXPR index "${index} + 1")
  split_bars(command "${step}")
  execute_process(COMMAND ${command} WORKING_DIRECTORY "${WORKDIR}"
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(APPEND report "command: ${command}\nexit: ${status}\n--- stdout\n${out}\n--- stderr\n${err}\n")
  if(index LESS step_count AND (NOT status STREQUAL "0" OR NOT err STREQUAL ""))
    message(FATAL_ERROR "step ${index} of ${step_count} failed or wrote to stderr\n${report}")
  endif()
endforeach()

if(NOT status STREQUAL EXIT)
  message(FATAL_ERROR "expected exit status ${EXIT}\n${report}")
endif()
if(DEFINED STDOUT AND NOT out MATCHES "${STDOUT}")
  message(FATAL_ERROR "stdout does not match: ${STDOUT}\n${report}")
endif()
if(DEFINED STDOUT_FILE)
  file(READ "${STDOUT_FILE}" expected_out)
  if(NOT out STREQUAL expected_out)
    message(FATAL_ERROR "stdout differs from ${STDOUT_FILE}\n--- expected\n${expected_out}\n${report}")
  endif()
endif()
if(DEFINED STDERR)
  if(NOT err MATCHES "${STDERR}")
    message(FATAL_ERROR "stderr does not match: ${STDERR}\n${report}")
  endif()
elseif(NOT err STREQUAL "")
  message(FATAL_ERROR "stderr must be empty\n${report}")
endif()
if(DEFINED LINES)
  string(REGEX MATCHALL "\n" newlines "${out}")
  list(LENGTH newlines count)
  if(NOT count EQUAL LINES)
    message(FATAL_ERROR "expected ${LINES} lines on stdout, got ${count}\n${report}")
  endif()
endif()
if(ONE_LINE_ERRORS AND EXIT EQUAL 2 AND NOT err MATCHES "^govplan [a-z]+: [^\n]*\n$"
   AND NOT err MATCHES "^govplan: [^\n]*\n$")
  message(FATAL_ERROR "a failure must be one line on stderr\n${report}")
endif()

foreach(original IN LISTS kept)
  get_filename_component(name "${original}" NAME)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${original}" "${RUN_DIR}/${name}"
    RESULT_VARIABLE differs)
  if(NOT differs EQUAL 0)
    message(FATAL_ERROR "${RUN_DIR}/${name} changed or vanished; it must stay as it was\n${report}")
  endif()
endforeach()

split_bars(same "${SAME}")
list(LENGTH same same_count)
if(same_count GREATER 0)
  math(EXPR last_pair "${same_count} - 1")
  foreach(i RANGE 0 ${last_pair} 2)
    math(EXPR j "${i} + 1")
    list(GET same ${i} a)
    list(GET same ${j} b)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${a}" "${b}" RESULT_VARIABLE differs)
    if(NOT differs EQUAL 0)
      message(FATAL_ERROR "${a} and ${b} differ\n${report}")
    endif()
  endforeach()
endif()

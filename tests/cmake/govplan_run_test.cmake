# govplan_run_test(NAME COMMAND prog args… [THEN prog args…]…
#                  [EXIT code] [STDOUT regex] [STDERR regex] [LINES n] [STDOUT_FILE file]
#                  [COPY files…] [KEEP files…] [SAME a b …] [WORKING_DIRECTORY dir]
#                  [ONE_LINE_ERRORS])
#
# The one way govplan registers a test that runs a program (examples, consumer
# builds, the command-line tool): the exit code is always checked (EXIT
# defaults to 0), stderr must be empty unless STDERR says what it holds, and
# each run gets a fresh directory, "@RUN@" in arguments, so that no file left
# by an earlier run can make a test pass. See run_checked.cmake for the rest.
set(_govplan_run_checked ${CMAKE_CURRENT_LIST_DIR}/run_checked.cmake)

function(govplan_run_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "ONE_LINE_ERRORS"
    "EXIT;STDOUT;STDERR;LINES;STDOUT_FILE;WORKING_DIRECTORY" "COMMAND;COPY;KEEP;SAME")
  if(arg_UNPARSED_ARGUMENTS OR NOT arg_COMMAND)
    message(FATAL_ERROR "govplan_run_test(${name}): bad arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT DEFINED arg_EXIT)
    set(arg_EXIT 0)
  endif()
  # Steps travel joined by "|" (a ";" would split the -D argument), and
  # THEN becomes the step separator "&&".
  list(TRANSFORM arg_COMMAND REPLACE "^THEN$" "&&")
  string(REPLACE ";" "|" steps "${arg_COMMAND}")
  set(defs "-DSTEPS=${steps}" "-DEXIT=${arg_EXIT}" "-DRUN_DIR=${CMAKE_CURRENT_BINARY_DIR}/runs/${name}")
  foreach(key STDOUT STDERR LINES STDOUT_FILE)
    if(DEFINED arg_${key})
      # An unbalanced "[" in a regular expression would stop add_test from
      # splitting its arguments: brackets travel encoded.
      string(REPLACE "[" "@LB@" value "${arg_${key}}")
      string(REPLACE "]" "@RB@" value "${value}")
      list(APPEND defs "-D${key}=${value}")
    endif()
  endforeach()
  foreach(key COPY KEEP SAME)
    if(arg_${key})
      string(REPLACE ";" "|" joined "${arg_${key}}")
      list(APPEND defs "-D${key}=${joined}")
    endif()
  endforeach()
  if(arg_WORKING_DIRECTORY)
    list(APPEND defs "-DWORKDIR=${arg_WORKING_DIRECTORY}")
  endif()
  if(arg_ONE_LINE_ERRORS)
    list(APPEND defs "-DONE_LINE_ERRORS=ON")
  endif()
  add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${_govplan_run_checked})
endfunction()

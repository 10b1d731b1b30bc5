# Runs one command of the govplan tool and checks what it did.
#   cmake -DCOMMAND="govplan;validate;x.json" -DEXIT=0 [-DSTDOUT=regex] [-DSTDERR=regex]
#         [-DLINES=n] [-DWORKDIR=dir] -P run.cmake
# COMMAND is the program and its arguments joined by "|". STDOUT/STDERR are regular expressions that must match;
# LINES is the exact number of lines on stdout.
if(NOT WORKDIR)
  set(WORKDIR ".")
endif()
string(REPLACE "|" ";" COMMAND "${COMMAND}")
execute_process(COMMAND ${COMMAND} WORKING_DIRECTORY "${WORKDIR}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(report "command: ${COMMAND}\nexit: ${status}\n--- stdout\n${out}\n--- stderr\n${err}")
if(NOT status STREQUAL EXIT)
  message(FATAL_ERROR "expected exit status ${EXIT}\n${report}")
endif()
if(DEFINED STDOUT AND NOT out MATCHES "${STDOUT}")
  message(FATAL_ERROR "stdout does not match: ${STDOUT}\n${report}")
endif()
if(DEFINED STDERR AND NOT err MATCHES "${STDERR}")
  message(FATAL_ERROR "stderr does not match: ${STDERR}\n${report}")
endif()
if(DEFINED LINES)
  string(REGEX MATCHALL "\n" newlines "${out}")
  list(LENGTH newlines count)
  if(NOT count EQUAL LINES)
    message(FATAL_ERROR "expected ${LINES} lines on stdout, got ${count}\n${report}")
  endif()
endif()
string(LENGTH "${err}" err_length)
if(EXIT EQUAL 2 AND NOT err MATCHES "^govplan [a-z]+: [^\n]*\n$" AND NOT err MATCHES "^govplan: [^\n]*\n$")
  message(FATAL_ERROR "a failure must be one line on stderr\n${report}")
endif()

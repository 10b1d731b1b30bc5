# Writes the standard output of a program to a file, failing when it fails:
#   cmake -DPROGRAM=… -DARGS="a;b" -DOUT=file -P write_output.cmake
# (the man page and the bash completion script are generated this way, from
# the same text the tool prints, so that they cannot drift from it).
execute_process(COMMAND "${PROGRAM}" ${ARGS} OUTPUT_FILE "${OUT}.tmp" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE "${OUT}.tmp")
  message(FATAL_ERROR "${PROGRAM} ${ARGS} failed: ${status}")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")

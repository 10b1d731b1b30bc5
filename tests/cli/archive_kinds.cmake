# Prints "NAME KIND" for plan.bin, plan.xml, plan.txt and plan.govplan in DIR, KIND being
# byte 10 of the envelope (1 text, 2 XML, 3 binary), read independently of
# govplan's own loader.
foreach(name plan.bin plan.xml plan.txt plan.govplan)
  file(READ "${DIR}/${name}" header LIMIT 12 HEX)
  string(SUBSTRING "${header}" 20 2 kind)
  math(EXPR kind "0x${kind}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E echo "${name} ${kind}")
endforeach()

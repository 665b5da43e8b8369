# RunModuleTest.cmake: run `wasmc run ARGS...` and check its exit status,
# stdout and stderr. Run as
#   cmake -DWASMC=... -DARGS=a|b|c -DSTATUS=N [-DSTDOUT=line1|line2]
#         [-DSTDERR=regex] -P RunModuleTest.cmake
# Lists are separated by '|' so that they survive add_test unsplit; an
# expected stdout is its lines, each ending in a newline.
foreach(Var WASMC ARGS STATUS)
  if(NOT DEFINED ${Var})
    message(FATAL_ERROR "RunModuleTest.cmake: ${Var} is not set")
  endif()
endforeach()

string(REPLACE "|" ";" ArgList "${ARGS}")
execute_process(
  COMMAND ${WASMC} run ${ArgList}
  RESULT_VARIABLE RunStatus
  OUTPUT_VARIABLE RunOut
  ERROR_VARIABLE RunErr)

set(Expected "")
if(DEFINED STDOUT)
  string(REPLACE "|" ";" Lines "${STDOUT}")
  foreach(Line IN LISTS Lines)
    string(APPEND Expected "${Line}\n")
  endforeach()
endif()

set(Failures "")
if(NOT RunStatus STREQUAL "${STATUS}")
  string(APPEND Failures "exit status: expected ${STATUS}, got '${RunStatus}'\n")
endif()
if(NOT RunOut STREQUAL Expected)
  string(APPEND Failures "stdout: expected '${Expected}', got '${RunOut}'\n")
endif()
if(DEFINED STDERR)
  if(NOT RunErr MATCHES "${STDERR}")
    string(APPEND Failures "stderr: expected to match '${STDERR}', got '${RunErr}'\n")
  endif()
elseif(NOT RunErr STREQUAL "")
  string(APPEND Failures "stderr: expected nothing, got '${RunErr}'\n")
endif()
if(Failures)
  list(JOIN ArgList " " Shown)
  message(FATAL_ERROR "wasmc run ${Shown}:\n${Failures}")
endif()

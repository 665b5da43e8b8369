# RunAotTest.cmake: compile one module with wasmc, run the executable, and
# check its exit status, stdout and stderr. Run as
#   cmake -DWASMC=... -DINPUT=x.wat -DEXE=out -DBOUNDS=guard|explicit
#         -DOPT=0..3 -DSTATUS=N [-DSTDIN=file] [-DSTDOUT_FILE=expected stdout]
#         [-DSTDERR=regex] [-DARGS=a;b] -P RunAotTest.cmake
# A status >= 128 would mean death by a signal: always a failure here.
foreach(Var WASMC INPUT EXE BOUNDS OPT STATUS)
  if(NOT DEFINED ${Var})
    message(FATAL_ERROR "RunAotTest.cmake: ${Var} is not set")
  endif()
endforeach()

execute_process(
  COMMAND ${WASMC} ${INPUT} -o ${EXE} -O${OPT} --bounds-checks=${BOUNDS}
  RESULT_VARIABLE CompileStatus
  OUTPUT_VARIABLE CompileOut
  ERROR_VARIABLE CompileErr)
if(NOT CompileStatus EQUAL 0)
  message(FATAL_ERROR "wasmc failed (${CompileStatus}):\n${CompileOut}${CompileErr}")
endif()

set(InputArgs)
if(DEFINED STDIN)
  set(InputArgs INPUT_FILE ${STDIN})
endif()
execute_process(
  COMMAND ${EXE} ${ARGS}
  ${InputArgs}
  RESULT_VARIABLE RunStatus
  OUTPUT_VARIABLE RunOut
  ERROR_VARIABLE RunErr)

set(Failures "")
if(NOT RunStatus STREQUAL "${STATUS}")
  string(APPEND Failures "exit status: expected ${STATUS}, got '${RunStatus}'\n")
endif()
if(DEFINED STDOUT_FILE)
  file(READ ${STDOUT_FILE} Expected)
  if(NOT RunOut STREQUAL Expected)
    string(APPEND Failures "stdout: expected '${Expected}', got '${RunOut}'\n")
  endif()
endif()
if(DEFINED STDERR)
  if(NOT RunErr MATCHES "${STDERR}")
    string(APPEND Failures "stderr: expected to match '${STDERR}', got '${RunErr}'\n")
  endif()
elseif(NOT RunErr STREQUAL "")
  string(APPEND Failures "stderr: expected nothing, got '${RunErr}'\n")
endif()
if(Failures)
  message(FATAL_ERROR "${INPUT} (${BOUNDS}, -O${OPT}):\n${Failures}")
endif()

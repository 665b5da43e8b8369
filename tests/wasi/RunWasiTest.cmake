# RunWasiTest.cmake: builds one C program twice, for wasm32-wasi (then
# compiled to a native executable by wasmc) and natively with the host's C
# compiler, runs both with the same arguments and stdin, and requires the
# same stdout and exit status: wasi-host must be invisible to the program.
#   cmake -DWASMC=... -DCLANG=clang-19 -DCC=cc -DSOURCE=prog.c -DWORK=dir
#         -DNAME=n [-DARGS=a;b] [-DSTDIN=file] [-DSTATUS=n] -P RunWasiTest.cmake
# STATUS, if given, is also the status both must exit with.
foreach(Var WASMC CLANG CC SOURCE WORK NAME)
  if(NOT DEFINED ${Var})
    message(FATAL_ERROR "RunWasiTest.cmake: ${Var} is not set")
  endif()
endforeach()
file(MAKE_DIRECTORY ${WORK})
set(Wasm ${WORK}/${NAME}.wasm)
set(Aot ${WORK}/${NAME}-aot)
set(Native ${WORK}/${NAME}-native)

function(build What)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE Status
                  OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
  if(NOT Status EQUAL 0)
    message(FATAL_ERROR "${What} failed (${Status}):\n${Out}${Err}")
  endif()
endfunction()
build("clang (wasm32-wasi)" ${CLANG} --target=wasm32-wasi -O2 ${SOURCE} -o ${Wasm})
build("wasmc" ${WASMC} ${Wasm} -o ${Aot})
build("native cc" ${CC} -O2 ${SOURCE} -o ${Native})

set(InputArgs)
if(DEFINED STDIN)
  set(InputArgs INPUT_FILE ${STDIN})
endif()
# The interpreter runs the same .wasm: `wasmc run --interp FILE -- ARGS`.
set(Interp ${WASMC} run --interp ${Wasm} --)
foreach(Kind Aot Interp Native)
  execute_process(COMMAND ${${Kind}} ${ARGS} ${InputArgs}
                  RESULT_VARIABLE ${Kind}Status
                  OUTPUT_VARIABLE ${Kind}Out
                  ERROR_VARIABLE ${Kind}Err)
endforeach()

set(Failures "")
if(DEFINED STATUS AND NOT NativeStatus STREQUAL "${STATUS}")
  string(APPEND Failures "exit status: expected ${STATUS}, native gave ${NativeStatus}\n")
endif()
foreach(Kind Aot Interp)
  foreach(What Status Out Err)
    if(NOT "${${Kind}${What}}" STREQUAL "${Native${What}}")
      string(APPEND Failures
        "${What}: native '${Native${What}}', ${Kind} '${${Kind}${What}}'\n")
    endif()
  endforeach()
endforeach()
if(Failures)
  message(FATAL_ERROR "${NAME} ${ARGS}:\n${Failures}")
endif()

# RunDiffTest.cmake: one step of the differential corpus (see CMakeLists.txt).
#
#   cmake -DMODE=native -DNAME=n -DSOURCE=n.c -DPROGRAMS=dir -DWORK=dir
#         -DCLANG=clang-19 [-DWASM_O0=ON] [-DDIFF=diff] -P RunDiffTest.cmake
#     builds n.c natively and for wasm32-wasi (-O2, and -O0 with WASM_O0),
#     runs the native build on every case of the program and records its
#     stdout, stderr and exit status in WORK; the status must be the case's
#     expected one (its .status file, else 0).
#
#   cmake -DMODE=engine -DENGINE=guard-O2|explicit-O0|guard-O3|guard-O2-parts|interp
#         -DWASM=file.wasm -DEXE=path -DWASMC=wasmc -DNAME=n -DPROGRAMS=dir
#         -DWORK=dir [-DDIFF=diff] -P RunDiffTest.cmake
#     compiles WASM with wasmc into EXE (or runs it with `wasmc run --interp`)
#     and requires, for every case, stdout, stderr and exit status
#     byte-identical to the native build's.
#
# The cases of program n: the default one (n.args, n.stdin, n.status, each
# optional) and one per name c for which any of n.c.args, n.c.stdin,
# n.c.status exists. An .args file holds one argument per line (no empty
# lines, no ';', '[' or ']'); without an .stdin file, stdin is /dev/null.
foreach(Var MODE NAME PROGRAMS WORK)
  if(NOT DEFINED ${Var})
    message(FATAL_ERROR "RunDiffTest.cmake: ${Var} is not set")
  endif()
endforeach()
file(MAKE_DIRECTORY ${WORK})

# Sets Cases to "default" and the names of the program's other cases.
function(find_cases)
  file(GLOB Files RELATIVE ${PROGRAMS} ${PROGRAMS}/${NAME}.*)
  set(Found default)
  foreach(F IN LISTS Files)
    if(F MATCHES "^${NAME}\\.([A-Za-z0-9_-]+)\\.(args|stdin|status)$")
      list(APPEND Found ${CMAKE_MATCH_1})
    endif()
  endforeach()
  list(REMOVE_DUPLICATES Found)
  set(Cases ${Found} PARENT_SCOPE)
endfunction()

# Sets Base to the path prefix of a case's input files.
function(case_base Case)
  if(Case STREQUAL "default")
    set(Base ${PROGRAMS}/${NAME} PARENT_SCOPE)
  else()
    set(Base ${PROGRAMS}/${NAME}.${Case} PARENT_SCOPE)
  endif()
endfunction()

# Runs Command (a list) on the case's arguments and stdin; writes
# WORK/<Case>.<Tag>.out, .err and .status.
function(run_case Case Tag)
  case_base(${Case})
  set(Args)
  if(EXISTS ${Base}.args)
    file(STRINGS ${Base}.args Args ENCODING UTF-8)
  endif()
  set(Stdin /dev/null)
  if(EXISTS ${Base}.stdin)
    set(Stdin ${Base}.stdin)
  endif()
  set(Prefix ${WORK}/${Case}.${Tag})
  execute_process(COMMAND ${Command} ${Args}
    INPUT_FILE ${Stdin} OUTPUT_FILE ${Prefix}.out ERROR_FILE ${Prefix}.err
    RESULT_VARIABLE Status)
  file(WRITE ${Prefix}.status "${Status}")
endfunction()

function(build What)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE Status
                  OUTPUT_VARIABLE Out ERROR_VARIABLE Err)
  if(NOT Status EQUAL 0)
    message(FATAL_ERROR "${NAME}: ${What} failed (${Status}):\n${ARGN}\n${Out}${Err}")
  endif()
endfunction()

# Appends to Failures how file A (native) and B (engine) differ.
function(describe_difference A B)
  file(SIZE ${A} SizeA)
  file(SIZE ${B} SizeB)
  set(Text "  native ${SizeA} bytes, ${ENGINE} ${SizeB} bytes\n")
  if(DIFF)
    execute_process(COMMAND ${DIFF} -u ${A} ${B} OUTPUT_VARIABLE Diff)
    string(LENGTH "${Diff}" Length)
    if(Length GREATER 3000)
      string(SUBSTRING "${Diff}" 0 3000 Diff)
      string(APPEND Diff "\n  [diff cut at 3000 characters]\n")
    endif()
    string(APPEND Text "${Diff}")
  endif()
  set(Failures "${Failures}${Text}" PARENT_SCOPE)
endfunction()

find_cases()
set(Failures "")

if(MODE STREQUAL "native")
  foreach(Var SOURCE CLANG)
    if(NOT DEFINED ${Var})
      message(FATAL_ERROR "RunDiffTest.cmake: ${Var} is not set")
    endif()
  endforeach()
  # Nothing from an earlier run may stand in for this one's results.
  file(GLOB Old ${WORK}/*.native.* ${WORK}/*.wasm)
  if(Old)
    file(REMOVE ${Old})
  endif()
  build("clang (wasm32-wasi -O2)"
    ${CLANG} --target=wasm32-wasi -O2 ${SOURCE} -o ${WORK}/${NAME}.wasm)
  if(WASM_O0)
    build("clang (wasm32-wasi -O0)"
      ${CLANG} --target=wasm32-wasi -O0 ${SOURCE} -o ${WORK}/${NAME}-O0.wasm)
  endif()
  # Wasm has no fused multiply-add: neither may the native build.
  build("clang (native -O2)"
    ${CLANG} -O2 -ffp-contract=off ${SOURCE} -o ${WORK}/${NAME}-native -lm)
  set(Command ${WORK}/${NAME}-native)
  foreach(Case IN LISTS Cases)
    run_case(${Case} native)
    case_base(${Case})
    set(Expected 0)
    if(EXISTS ${Base}.status)
      file(STRINGS ${Base}.status Expected LIMIT_COUNT 1)
    endif()
    file(STRINGS ${WORK}/${Case}.native.status Status)
    if(NOT Status STREQUAL Expected)
      string(APPEND Failures
        "case ${Case}: native exit status ${Status}, expected ${Expected}\n")
    endif()
  endforeach()
elseif(MODE STREQUAL "engine")
  foreach(Var ENGINE WASM WASMC)
    if(NOT DEFINED ${Var})
      message(FATAL_ERROR "RunDiffTest.cmake: ${Var} is not set")
    endif()
  endforeach()
  if(ENGINE STREQUAL "interp")
    set(Command ${WASMC} run --interp ${WASM} --)
  else()
    if(NOT ENGINE MATCHES "^(guard|explicit)-(O[0-3])(-parts)?$")
      message(FATAL_ERROR "RunDiffTest.cmake: unknown ENGINE ${ENGINE}")
    endif()
    set(Parts)
    if(CMAKE_MATCH_3)
      set(Parts --part-size 2048)
    endif()
    build("wasmc (${ENGINE})" ${WASMC} ${WASM} -o ${EXE}
      --bounds-checks=${CMAKE_MATCH_1} -${CMAKE_MATCH_2} ${Parts})
    set(Command ${EXE})
  endif()
  get_filename_component(Tag ${WASM} NAME_WE)
  set(Tag ${Tag}.${ENGINE})
  foreach(Case IN LISTS Cases)
    set(Native ${WORK}/${Case}.native)
    if(NOT EXISTS ${Native}.status)
      message(FATAL_ERROR "${NAME}: no native results for case ${Case} in ${WORK}")
    endif()
    run_case(${Case} ${Tag})
    set(Mine ${WORK}/${Case}.${Tag})
    file(STRINGS ${Native}.status NativeStatus)
    file(STRINGS ${Mine}.status MyStatus)
    if(NOT MyStatus STREQUAL NativeStatus)
      string(APPEND Failures
        "case ${Case}: exit status: native ${NativeStatus}, ${ENGINE} ${MyStatus}\n")
    endif()
    foreach(Stream out err)
      file(SHA256 ${Native}.${Stream} NativeHash)
      file(SHA256 ${Mine}.${Stream} MyHash)
      if(NOT MyHash STREQUAL NativeHash)
        string(APPEND Failures "case ${Case}: std${Stream} differs\n")
        describe_difference(${Native}.${Stream} ${Mine}.${Stream})
      endif()
    endforeach()
  endforeach()
else()
  message(FATAL_ERROR "RunDiffTest.cmake: unknown MODE ${MODE}")
endif()

if(Failures)
  message(NOTICE "${Failures}")
  if(MODE STREQUAL "native")
    message(FATAL_ERROR "${NAME}: the native build failed; outputs in ${WORK}")
  endif()
  message(FATAL_ERROR "${NAME}: ${ENGINE} on ${WASM} differs from the native "
    "build; outputs in ${WORK}")
endif()

# wasmcFunctions.cmake: sandboxed native executables from build systems.
#
#   wasmc_add_executable(NAME MODULE file.wasm|file.wat [OPT -O0..-O3]
#     [BOUNDS_CHECKS guard|explicit] [DIR host::guest ...]
#     [DIR_RO host::guest ...] [ENV NAME=VALUE ...] [COMPUTE] [DETERMINISTIC])
#   wasmc_add_sandboxed_tool(NAME SOURCES a.c b.cpp ...
#     [INCLUDE_DIRECTORIES dir ...] [COMPILE_OPTIONS opt ...]
#     [the keywords of wasmc_add_executable but MODULE])
#
# Each makes a target NAME (built by default) whose output is the native
# executable NAME in CMAKE_RUNTIME_OUTPUT_DIRECTORY if set, else in
# ${CMAKE_CURRENT_BINARY_DIR}/bin (a custom target and its output cannot
# have the same path); the target's property WASMC_OUTPUT holds the path. Grants are baked into it (docs/cli.md); relative
# paths (the module, sources, a grant's host directory) are relative to
# the current source directory. It is rebuilt when the module, the flags,
# wasmc or its runtime change. A sandboxed tool's sources are compiled to
# wasm32-wasi with clang-19 and wasi-libc, each with its own dependency
# file, so touching a source or header rebuilds only the tools using it.
include_guard(GLOBAL)

set(_wasmc_flag_keywords COMPUTE DETERMINISTIC)
set(_wasmc_value_keywords OPT BOUNDS_CHECKS)
set(_wasmc_list_keywords DIR DIR_RO ENV)

# wasmc's command-line flags for the keywords parsed with prefix ARG.
function(_wasmc_flags out)
  set(flags)
  if(DEFINED ARG_OPT)
    if(NOT ARG_OPT MATCHES "^-O[0-3]$")
      message(FATAL_ERROR "wasmc: OPT must be one of -O0 -O1 -O2 -O3, got '${ARG_OPT}'")
    endif()
    list(APPEND flags ${ARG_OPT})
  endif()
  if(DEFINED ARG_BOUNDS_CHECKS)
    if(NOT ARG_BOUNDS_CHECKS MATCHES "^(guard|explicit)$")
      message(FATAL_ERROR "wasmc: BOUNDS_CHECKS must be guard or explicit, got '${ARG_BOUNDS_CHECKS}'")
    endif()
    list(APPEND flags --bounds-checks=${ARG_BOUNDS_CHECKS})
  endif()
  foreach(kind DIR DIR_RO)
    string(TOLOWER "--${kind}" option)
    string(REPLACE "_" "-" option "${option}")
    foreach(grant IN LISTS ARG_${kind})
      # HOST[::GUEST]: HOST relative to the source directory; the guest
      # name defaults to HOST as written, as on wasmc's command line.
      string(FIND "${grant}" "::" sep)
      if(sep EQUAL -1)
        set(host "${grant}")
        set(guest "${grant}")
      else()
        string(SUBSTRING "${grant}" 0 ${sep} host)
        math(EXPR rest "${sep} + 2")
        string(SUBSTRING "${grant}" ${rest} -1 guest)
      endif()
      get_filename_component(host "${host}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
      list(APPEND flags ${option} "${host}::${guest}")
    endforeach()
  endforeach()
  foreach(var IN LISTS ARG_ENV)
    list(APPEND flags --env "${var}")
  endforeach()
  if(ARG_COMPUTE)
    list(APPEND flags --compute)
  endif()
  if(ARG_DETERMINISTIC)
    list(APPEND flags --deterministic)
  endif()
  set(${out} "${flags}" PARENT_SCOPE)
endfunction()

# The executable NAME from module file MODULE with wasmc FLAGS.
function(_wasmc_compile name module flags)
  set(dir "${CMAKE_RUNTIME_OUTPUT_DIRECTORY}")
  if(NOT dir)
    set(dir "${CMAKE_CURRENT_BINARY_DIR}/bin")
  endif()
  file(MAKE_DIRECTORY "${dir}")
  set(output "${dir}/${name}")
  # The flags as a file that changes only when they do, so that every
  # generator rebuilds when a keyword changes.
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${name}.wasmc-flags")
  string(REPLACE ";" "\n" text "${flags}")
  file(CONFIGURE OUTPUT "${stamp}" CONTENT "${text}\n" @ONLY)
  add_custom_command(OUTPUT "${output}"
    COMMAND "${WASMC_EXECUTABLE}" "${module}" ${flags} -o "${output}"
    DEPENDS "${module}" "${stamp}" "${WASMC_EXECUTABLE}" "${WASMC_RUNTIME_LIBRARY}"
    COMMENT "wasmc: building sandboxed executable ${name}"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS "${output}")
  set_target_properties(${name} PROPERTIES WASMC_OUTPUT "${output}")
endfunction()

function(wasmc_add_executable name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "${_wasmc_flag_keywords}"
    "MODULE;${_wasmc_value_keywords}" "${_wasmc_list_keywords}")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "wasmc_add_executable(${name}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_MODULE)
    message(FATAL_ERROR "wasmc_add_executable(${name}): MODULE file.wasm is required")
  endif()
  get_filename_component(module "${ARG_MODULE}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  _wasmc_flags(flags)
  _wasmc_compile(${name} "${module}" "${flags}")
endfunction()

# Finds clang-19 and wasi-libc once, or stops configuring with the Debian
# package to install. WASMC_WASI_CLANG may name another clang.
function(_wasmc_find_wasi_toolchain cxx)
  if(NOT WASMC_WASI_CLANG)
    find_program(WASMC_WASI_CLANG NAMES clang-19)
  endif()
  if(NOT WASMC_WASI_CLANG OR NOT EXISTS "${WASMC_WASI_CLANG}")
    message(FATAL_ERROR "wasmc_add_sandboxed_tool needs clang-19 to compile to "
      "wasm32-wasi: install the Debian package clang-19 (or set WASMC_WASI_CLANG)")
  endif()
  execute_process(COMMAND "${WASMC_WASI_CLANG}" --target=wasm32-wasi -print-resource-dir
    OUTPUT_VARIABLE resource OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
  execute_process(COMMAND "${WASMC_WASI_CLANG}" --target=wasm32-wasi -print-sysroot
    OUTPUT_VARIABLE sysroot OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(include_dirs /usr/include/wasm32-wasi)
  if(sysroot)
    list(PREPEND include_dirs "${sysroot}/include/wasm32-wasi" "${sysroot}/include")
  endif()
  find_path(WASMC_WASI_LIBC_INCLUDE wasi/api.h PATHS ${include_dirs} NO_DEFAULT_PATH)
  if(NOT WASMC_WASI_LIBC_INCLUDE)
    message(FATAL_ERROR "wasmc_add_sandboxed_tool needs wasi-libc for wasm32-wasi: "
      "install the Debian package wasi-libc")
  endif()
  if(NOT rc EQUAL 0 OR NOT EXISTS "${resource}/lib/wasi/libclang_rt.builtins-wasm32.a")
    message(FATAL_ERROR "wasmc_add_sandboxed_tool needs clang's wasm32 runtime: "
      "install the Debian package libclang-rt-19-dev-wasm32")
  endif()
  if(cxx)
    find_file(WASMC_WASI_LIBCXX libc++.a PATHS /usr/lib/wasm32-wasi "${sysroot}/lib/wasm32-wasi"
      NO_DEFAULT_PATH)
    if(NOT WASMC_WASI_LIBCXX)
      message(FATAL_ERROR "wasmc_add_sandboxed_tool needs libc++ for wasm32-wasi to compile "
        "C++: install the Debian packages libc++-19-dev-wasm32 libc++abi-19-dev-wasm32")
    endif()
  endif()
endfunction()

function(wasmc_add_sandboxed_tool name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "${_wasmc_flag_keywords}" "${_wasmc_value_keywords}"
    "SOURCES;INCLUDE_DIRECTORIES;COMPILE_OPTIONS;${_wasmc_list_keywords}")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "wasmc_add_sandboxed_tool(${name}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "wasmc_add_sandboxed_tool(${name}): SOURCES is required")
  endif()
  set(cxx OFF)
  foreach(src IN LISTS ARG_SOURCES)
    if(src MATCHES "\\.(cc|cpp|cxx|C)$")
      set(cxx ON)
    endif()
  endforeach()
  _wasmc_find_wasi_toolchain(${cxx})
  set(compiler "${WASMC_WASI_CLANG}")

  set(includes)
  foreach(dir IN LISTS ARG_INCLUDE_DIRECTORIES)
    get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND includes "-I${dir}")
  endforeach()
  set(objdir "${CMAKE_CURRENT_BINARY_DIR}/${name}.wasm-objects")
  file(MAKE_DIRECTORY "${objdir}")
  set(objects)
  foreach(src IN LISTS ARG_SOURCES)
    get_filename_component(src "${src}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    file(RELATIVE_PATH rel "${CMAKE_CURRENT_SOURCE_DIR}" "${src}")
    string(REGEX REPLACE "[/.]" "_" stem "${rel}")
    set(obj "${objdir}/${stem}.o")
    set(mode)
    if(src MATCHES "\\.(cc|cpp|cxx|C)$")
      set(mode --driver-mode=g++ -fno-exceptions)
    endif()
    add_custom_command(OUTPUT "${obj}"
      COMMAND "${compiler}" ${mode} --target=wasm32-wasi ${includes} ${ARG_COMPILE_OPTIONS}
        -MD -MF "${obj}.d" -c "${src}" -o "${obj}"
      DEPENDS "${src}"
      DEPFILE "${obj}.d"
      COMMENT "wasmc: compiling ${rel} for wasm32-wasi"
      VERBATIM)
    list(APPEND objects "${obj}")
  endforeach()

  set(module "${CMAKE_CURRENT_BINARY_DIR}/${name}.wasm")
  set(link_mode)
  if(cxx)
    set(link_mode --driver-mode=g++ -fno-exceptions)
  endif()
  add_custom_command(OUTPUT "${module}"
    COMMAND "${compiler}" ${link_mode} --target=wasm32-wasi ${objects} -o "${module}"
    DEPENDS ${objects}
    COMMENT "wasmc: linking ${name}.wasm"
    VERBATIM)
  _wasmc_flags(flags)
  _wasmc_compile(${name} "${module}" "${flags}")
endfunction()

# wasmcConfig.cmake: the installed wasmc package (find_package(wasmc)).
#
# Gives the imported targets wasmc::wasmc (the compiler) and
# wasmc::runtime (libwasmc-runtime.a, with the headers rt/*.h and wasi/*.h),
# and the functions of wasmcFunctions.cmake: wasmc_add_executable and
# wasmc_add_sandboxed_tool.
get_filename_component(_wasmc_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)

if(NOT TARGET wasmc::wasmc)
  add_executable(wasmc::wasmc IMPORTED)
  set_target_properties(wasmc::wasmc PROPERTIES
    IMPORTED_LOCATION "${_wasmc_prefix}/bin/wasmc")
endif()
if(NOT TARGET wasmc::runtime)
  add_library(wasmc::runtime STATIC IMPORTED)
  set_target_properties(wasmc::runtime PROPERTIES
    IMPORTED_LOCATION "${_wasmc_prefix}/lib/libwasmc-runtime.a"
    INTERFACE_INCLUDE_DIRECTORIES "${_wasmc_prefix}/include")
endif()

set(WASMC_EXECUTABLE "${_wasmc_prefix}/bin/wasmc")
set(WASMC_RUNTIME_LIBRARY "${_wasmc_prefix}/lib/libwasmc-runtime.a")
unset(_wasmc_prefix)

include("${CMAKE_CURRENT_LIST_DIR}/wasmcFunctions.cmake")

# One INTERFACE target carries the flags every project target shares.
add_library(dcs_common_cfg INTERFACE)

# Warnings are errors in CI so they cannot pile up; locally they only warn.
if(DEFINED ENV{CI} AND "$ENV{CI}" STREQUAL "true")
    set(DCS_WERROR_DEFAULT ON)
else()
    set(DCS_WERROR_DEFAULT OFF)
endif()
option(DCS_WERROR "Treat compiler warnings as errors" ${DCS_WERROR_DEFAULT})

target_compile_options(dcs_common_cfg INTERFACE -Wall -Wextra $<$<BOOL:${DCS_WERROR}>:-Werror>)
target_compile_definitions(dcs_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    DCS_VERSION="${PROJECT_VERSION}"
    DCS_APP_ID="${DCS_APP_ID}"
)

# A checking build: DCS_SANITIZE=address,undefined (any of address, undefined, leak, thread,
# comma-separated) compiles and links every target of the project with those sanitizers; an
# undefined-behaviour finding stops the program, so a test that meets one fails.
set(DCS_SANITIZE "" CACHE STRING "Sanitizers for a checking build, e.g. address,undefined")
if(DCS_SANITIZE)
    string(REPLACE "," ";" dcs_sanitizers "${DCS_SANITIZE}")
    foreach(sanitizer IN LISTS dcs_sanitizers)
        if(NOT sanitizer MATCHES "^(address|undefined|leak|thread)$")
            message(FATAL_ERROR "DCS_SANITIZE: unknown sanitizer \"${sanitizer}\" (use address, "
                                "undefined, leak or thread, separated by commas)")
        endif()
    endforeach()
    add_compile_options(-fsanitize=${DCS_SANITIZE} -fno-omit-frame-pointer)
    add_link_options(-fsanitize=${DCS_SANITIZE})
    if("undefined" IN_LIST dcs_sanitizers)
        add_compile_options(-fno-sanitize-recover=undefined)
    endif()
endif()

# A libFuzzer build (clang only): DCS_FUZZ=ON instruments the project's code for coverage and
# adds the fuzz target fuzz_api (tests/fuzz).
option(DCS_FUZZ "Build the libFuzzer target fuzz_api (needs clang)" OFF)
if(DCS_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "DCS_FUZZ needs clang: configure with CXX=clang++")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

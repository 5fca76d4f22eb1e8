# Which build this is, for --version and the About dialog. Included by the project, it adds the
# target dcs_build_info, which runs this same file as a script (cmake -P) at every build, and the
# function dcs_use_build_info(target). The header it writes changes only when the commit does, and
# only the programs' main.cpp include it: a commit recompiles those two files and relinks the two
# programs, nothing else.
#
# The build is, in order: DCS_BUILD_ID when given (a packager's own name for the build), else
# "git <commit>" (with "-dirty" for uncommitted changes) when the sources are a git checkout of
# their own, else empty (a source archive; the programs say the commit is unknown).
if(CMAKE_SCRIPT_MODE_FILE)
    set(build "${DCS_BUILD_ID}")
    if(build STREQUAL "" AND GIT_EXECUTABLE)
        # Only the sources' own repository counts, not one that happens to contain them.
        execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" rev-parse --show-toplevel
                        OUTPUT_VARIABLE toplevel OUTPUT_STRIP_TRAILING_WHITESPACE
                        RESULT_VARIABLE failed ERROR_QUIET)
        if(NOT failed)
            file(REAL_PATH "${toplevel}" toplevel)
            file(REAL_PATH "${SOURCE_DIR}" source)
        endif()
        if(NOT failed AND toplevel STREQUAL source)
            execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" rev-parse --short=12 HEAD
                            OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE
                            RESULT_VARIABLE failed ERROR_QUIET)
            if(NOT failed AND NOT commit STREQUAL "")
                execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" status --porcelain
                                        --untracked-files=no
                                OUTPUT_VARIABLE changes OUTPUT_STRIP_TRAILING_WHITESPACE
                                ERROR_QUIET)
                set(build "git ${commit}")
                if(NOT changes STREQUAL "")
                    string(APPEND build "-dirty")
                endif()
            endif()
        endif()
    endif()
    string(REPLACE "\\" "\\\\" build "${build}")
    string(REPLACE "\"" "\\\"" build "${build}")
    file(WRITE "${OUTPUT}.new" "#pragma once
// Written at build time by cmake/DcsBuildInfo.cmake; not in git.
#define DCS_BUILD \"${build}\"
")
    file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
    file(REMOVE "${OUTPUT}.new")
    return()
endif()

set(DCS_BUILD_ID "" CACHE STRING "Name of this build shown by --version (default: the git commit)")
find_package(Git QUIET)
set(DCS_BUILD_INFO_HEADER ${CMAKE_BINARY_DIR}/generated/dcs_build_info.h)
add_custom_target(dcs_build_info
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DOUTPUT=${DCS_BUILD_INFO_HEADER}
            -DGIT_EXECUTABLE=${GIT_EXECUTABLE} -DDCS_BUILD_ID=${DCS_BUILD_ID}
            -P ${CMAKE_CURRENT_LIST_FILE}
    BYPRODUCTS ${DCS_BUILD_INFO_HEADER}
    COMMENT "Reading the build's git commit"
    VERBATIM)

# The target may #include "dcs_build_info.h" (DCS_BUILD).
function(dcs_use_build_info target)
    add_dependencies(${target} dcs_build_info)
    target_include_directories(${target} PRIVATE ${CMAKE_BINARY_DIR}/generated)
endfunction()

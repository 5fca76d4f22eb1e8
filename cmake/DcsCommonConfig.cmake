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

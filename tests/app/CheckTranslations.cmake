# Runs `dcs-console --check-translations` and passes only when it exits 0 AND says that both
# catalogues loaded: a pass-regex property alone would make CTest ignore the exit code.
#   cmake -DPROGRAM=<dcs-console> -P CheckTranslations.cmake
execute_process(COMMAND ${PROGRAM} --check-translations
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT code EQUAL 0)
    message(FATAL_ERROR "dcs-console --check-translations exited with ${code}")
endif()
foreach(language zh_CN en)
    if(NOT out MATCHES "${language}: :/i18n/dcs-console_${language}\\.qm loaded")
        message(FATAL_ERROR "the ${language} catalogue was not reported as loaded")
    endif()
endforeach()
if(out MATCHES "FAILED")
    message(FATAL_ERROR "a catalogue failed")
endif()

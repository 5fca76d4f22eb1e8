# Core value types (Instance, Backup, RestoreRecord, InstanceType, JsonRead) and ApiError.
# Included by tests/core/CMakeLists.txt.
dcs_add_test(tst_valuetypes SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_valuetypes.cpp LIBS dcs_core)
dcs_add_test(tst_apierror SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_apierror.cpp LIBS dcs_core)

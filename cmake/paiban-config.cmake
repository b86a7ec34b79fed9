# find_package(paiban 0.2 REQUIRED) → the imported target paiban::paiban (libpaiban.so and the
# public headers of include/paiban/).
include(${CMAKE_CURRENT_LIST_DIR}/paiban-targets.cmake)

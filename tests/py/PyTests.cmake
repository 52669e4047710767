# PyTests.cmake - register the script-test corpus with CTest.
#
#   include(tests/py/PyTests.cmake)
#   refpy_add_py_tests(<refpy executable target>)
#
# Adds one test per script and mode:
#   py/<area>/<name>        script mode  (scripts/run_py_test.sh ... script)
#   py/<area>/<name>/repl   REPL mode    (scripts/run_py_test.sh ... repl),
#                           for scripts whose first line contains
#                           "# mode: both" or whose area has a MODES file
#                           containing "both" (same rule as scripts/record.sh)
# All tests carry the label "py"; run them with `ctest -L py`.

set(REFPY_PY_TESTS_DIR "${CMAKE_CURRENT_LIST_DIR}")

function(refpy_add_py_tests target)
  set(dir "${REFPY_PY_TESTS_DIR}")
  get_filename_component(root "${dir}/../.." ABSOLUTE)
  set(runner "${root}/scripts/run_py_test.sh")
  file(GLOB_RECURSE scripts CONFIGURE_DEPENDS "${dir}/*.py")
  list(SORT scripts)
  foreach(py IN LISTS scripts)
    file(RELATIVE_PATH rel "${dir}" "${py}")
    string(REGEX REPLACE "\\.py$" "" tname "${rel}")
    add_test(NAME "py/${tname}"
             COMMAND sh "${runner}" "$<TARGET_FILE:${target}>" "${py}" script)
    set_tests_properties("py/${tname}" PROPERTIES LABELS py)

    set(both FALSE)
    file(STRINGS "${py}" first LIMIT_COUNT 1)
    if(first MATCHES "# mode: both")
      set(both TRUE)
    else()
      get_filename_component(area "${py}" DIRECTORY)
      if(EXISTS "${area}/MODES")
        file(READ "${area}/MODES" modes)
        if(modes MATCHES "(^|[^A-Za-z0-9_])both([^A-Za-z0-9_]|$)")
          set(both TRUE)
        endif()
      endif()
    endif()
    if(both)
      add_test(NAME "py/${tname}/repl"
               COMMAND sh "${runner}" "$<TARGET_FILE:${target}>" "${py}" repl)
      set_tests_properties("py/${tname}/repl" PROPERTIES LABELS py)
    endif()
  endforeach()
endfunction()

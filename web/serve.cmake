# `weighbridge serve` (docs/serve.md): the browser pages, built into the
# `weighbridge` executable like the other commands, because the server shares
# their helpers (recording a judgement, the clock, the framework folders).
# Included by cli/CMakeLists.txt.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

set(WEIGHBRIDGE_WEB_DIR ${CMAKE_CURRENT_LIST_DIR})
file(GLOB WEIGHBRIDGE_WEB_FILES CONFIGURE_DEPENDS
     ${WEIGHBRIDGE_WEB_DIR}/templates/*.mustache
     ${WEIGHBRIDGE_WEB_DIR}/templates/*.css
     ${WEIGHBRIDGE_WEB_DIR}/messages/*.toml)
string(REPLACE ";" "|" web_files_arg "${WEIGHBRIDGE_WEB_FILES}")
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/web_files.cpp
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${CMAKE_CURRENT_BINARY_DIR}/web_files.cpp
          "-DFILES=${web_files_arg}" -P ${WEIGHBRIDGE_WEB_DIR}/embed_files.cmake
  DEPENDS ${WEIGHBRIDGE_WEB_FILES} ${WEIGHBRIDGE_WEB_DIR}/embed_files.cmake
  COMMENT "Embedding the browser pages' templates and words"
  VERBATIM)

# The pages' own logic, apart from the server, so that tests can link it.
add_library(weighbridge_web STATIC
  ${WEIGHBRIDGE_WEB_DIR}/messages.cpp
  ${WEIGHBRIDGE_WEB_DIR}/judgement_form.cpp
  ${WEIGHBRIDGE_WEB_DIR}/sessions.cpp
  ${WEIGHBRIDGE_WEB_DIR}/link_throttle.cpp
  ${WEIGHBRIDGE_WEB_DIR}/queue_mutex.cpp
  ${WEIGHBRIDGE_WEB_DIR}/pages.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/web_files.cpp
)
target_include_directories(weighbridge_web PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(weighbridge_web
  PUBLIC weighbridge::engine weighbridge::reports weighbridge::workspace nlohmann_json::nlohmann_json
  PRIVATE weighbridge_warnings tomlplusplus::tomlplusplus)

target_sources(weighbridge PRIVATE
  ${WEIGHBRIDGE_WEB_DIR}/server.cpp
  ${WEIGHBRIDGE_WEB_DIR}/member_pages.cpp
  ${WEIGHBRIDGE_WEB_DIR}/evaluator_pages.cpp
  ${WEIGHBRIDGE_WEB_DIR}/facilitator_pages.cpp
  ${PROJECT_SOURCE_DIR}/cli/serve_command.cpp
)
target_link_libraries(weighbridge PRIVATE weighbridge_web PkgConfig::HTTPLIB)

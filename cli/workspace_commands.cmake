# The workspace's commands (docs/workspace.md), included by cli/CMakeLists.txt.
target_sources(weighbridge PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/workspace_commands.cpp
  ${CMAKE_CURRENT_LIST_DIR}/workspace_evaluate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stored_decision.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remove_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/init_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/import_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/history_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/verify_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/approve_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/moderate_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/score_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/declare_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/erase_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/freeze_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/amend_options.cpp
  ${CMAKE_CURRENT_LIST_DIR}/toml_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/record_submission.cpp
  ${CMAKE_CURRENT_LIST_DIR}/weigh_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/exclude_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/investigate_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scores_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invite_command.cpp
)
target_link_libraries(weighbridge PRIVATE weighbridge::workspace nlohmann_json::nlohmann_json)

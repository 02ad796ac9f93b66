#include "workspace/inputs_folder.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "workspace/panel_csv_split.h"

namespace weighbridge::workspace {
namespace fs = std::filesystem;
namespace {

void WriteText(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    throw fs::filesystem_error("cannot write", file, std::make_error_code(std::errc::io_error));
  }
}

// procurement.toml's `framework` when it is a path (the loader's own rule: it
// contains '/' or ends in .toml), or "".
std::string FrameworkPath(const Submission& procurement) {
  const nlohmann::json& meaning = procurement.meaning;
  if (!meaning.contains("procurement") || !meaning["procurement"].is_object()) return {};
  const nlohmann::json& name = meaning["procurement"].value("framework", nlohmann::json());
  if (!name.is_string()) return {};
  std::string text = name.get<std::string>();
  return NamesFrameworkFile(text) ? text : std::string();
}

// procurement.toml's `framework` when it is an id, or "".
std::string FrameworkId(const Submission& procurement) {
  const nlohmann::json& meaning = procurement.meaning;
  if (!meaning.contains("procurement") || !meaning["procurement"].is_object()) return {};
  const nlohmann::json& name = meaning["procurement"].value("framework", nlohmann::json());
  if (!name.is_string()) return {};
  std::string text = name.get<std::string>();
  return NamesFrameworkFile(text) ? std::string() : text;
}

}  // namespace

bool NamesFrameworkFile(const std::string& framework) {
  return framework.find('/') != std::string::npos || framework.ends_with(".toml");
}

fs::path StoredFrameworksFolder(const fs::path& folder) { return folder / "stored-frameworks"; }

void LineMap::Add(const fs::path& file, int first, const Submission& submission) {
  for (const LineSpan& span : submission.spans) {
    runs_.push_back({file.string(), first + span.first - 1, span.count, submission.source_file,
                     span.source_line});
  }
}

Diagnostics LineMap::Remap(const Diagnostics& diagnostics, const fs::path& folder) const {
  Diagnostics out;
  for (Diagnostic diagnostic : diagnostics.all()) {
    SourcePos& pos = diagnostic.pos;
    bool mapped = false;
    const std::string file = fs::path(pos.file).lexically_normal().string();
    for (const Run& run : runs_) {
      if (file == run.file && pos.line >= run.first && pos.line < run.first + run.count) {
        pos.line = run.source_line + (pos.line - run.first);
        pos.file = run.source_file;
        mapped = true;
        break;
      }
    }
    // A written file's line that no submission filled (a missing file, or its
    // end): name it as the workspace's copy rather than a temporary path.
    if (!mapped && pos.file.starts_with(folder.string())) {
      pos.file = "(workspace) " + fs::path(pos.file).filename().string();
    }
    out.Add(diagnostic);
  }
  return out;
}

fs::path WriteInputsFolder(const std::vector<Submission>& submissions, const fs::path& folder,
                           LineMap& map) {
  fs::path procurement_folder = folder;
  std::string framework_path;
  std::string framework_id;
  for (const Submission& submission : submissions) {
    if (submission.kind != "procurement") continue;
    framework_path = FrameworkPath(submission);
    framework_id = FrameworkId(submission);
  }
  // A framework at ../x.toml must land inside `folder` too: go one level down
  // for every level its path goes up.
  fs::path relative = fs::path(framework_path).lexically_normal();
  if (!framework_path.empty() && relative.is_relative()) {
    for (const auto& part : relative) {
      if (part != "..") break;
      procurement_folder /= "w";
    }
  }
  fs::create_directories(procurement_folder);

  std::map<fs::path, std::string> texts;  // relative to procurement_folder
  std::map<fs::path, std::vector<std::pair<int, const Submission*>>> placed;
  for (const Submission& submission : submissions) {
    fs::path name = submission.file_kind + ".toml";
    if (submission.kind == "framework" && !framework_id.empty()) {
      // Named by id: the kept copy, where the loader searches first.
      if (submission.subject != framework_id) continue;
      name = StoredFrameworksFolder(folder).lexically_relative(procurement_folder) /
             (framework_id + ".toml");
    } else if (submission.kind == "framework") {
      if (submission.subject != framework_path || !relative.is_relative()) continue;
      name = submission.subject;
    } else if (submission.file_kind == "panel-csv") {
      name = "panel.csv";
    }
    std::string& text = texts[name];
    if (name == "panel.csv" && text.empty()) text = std::string(kPanelCsvHeader) + "\n";
    int first = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    placed[name].push_back({first, &submission});
    text += submission.toml;
    if (!text.empty() && text.back() != '\n') text += '\n';
  }
  // The loader expects these three even when nothing was imported into them yet.
  for (const char* name : {"candidates.toml", "panel.toml", "scores.toml"}) texts.try_emplace(name);
  for (const auto& [name, text] : texts) {
    fs::path file = (procurement_folder / name).lexically_normal();
    WriteText(file, text);
    for (const auto& [first, submission] : placed[name]) map.Add(file, first, *submission);
  }
  return procurement_folder;
}

}  // namespace weighbridge::workspace

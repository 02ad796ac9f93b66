#include "cli/report_templates.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "cli/commands.h"
#include "cli/output_file.h"

namespace weighbridge::cli {
namespace {

namespace fs = std::filesystem;

std::optional<ReportTemplates> Fail(const std::string& message) {
  std::cerr << message << "\nnothing was written\n";
  return std::nullopt;
}

}  // namespace

std::optional<ReportTemplates> ReadTemplatesOrReport(const std::string& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return Fail(dir + ": error: cannot find a folder of templates here");
  }
  // Sorted, so that what is read (and any message) never depends on the
  // order the file system lists the folder in.
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".mustache") files.push_back(it->path());
  }
  if (error) return Fail(dir + ": error: cannot read the templates folder: " + error.message());
  if (files.empty()) {
    return Fail(dir + ": error: the folder has no templates: give files ending in .mustache, "
                      "named as in docs/templates.md");
  }
  std::sort(files.begin(), files.end());
  ReportTemplates templates = DefaultReportTemplates();
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return Fail(path.string() + ": error: cannot read the template");
    std::string name = path.stem().string();
    templates.files[name] = text.str();
    templates.paths[name] = path.string();
  }
  return templates;
}

int WriteHtmlPage(const std::string& output, const HtmlResult& page) {
  if (!page.ok) {
    std::cerr << page.error << "\nnothing was written\n";
    return kExitBadInput;
  }
  return WriteOutput(output, page.html) ? kExitOk : kExitIo;
}

}  // namespace weighbridge::cli

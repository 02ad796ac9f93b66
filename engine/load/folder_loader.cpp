// The loader's entry points: find and read every file of a procurement folder,
// hand each to its parser, then check across files. All file access of the
// engine happens here.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <deque>
#include <fstream>
#include <sstream>

#include "engine/load/candidates_parser.h"
#include "engine/load/cost_check.h"
#include "engine/load/cross_check.h"
#include "engine/load/framework_parser.h"
#include "engine/load/panel_csv.h"
#include "engine/load/panel_parser.h"
#include "engine/load/price_branch.h"
#include "engine/load/procurement_parser.h"
#include "engine/load/rule_compiler.h"
#include "engine/load/scores_parser.h"
#include "engine/load/smaa_parser.h"
#include "engine/load/suggest.h"
#include "engine/load/tree_check.h"
#include "weighbridge/input_hash.h"
#include "weighbridge/load.h"

namespace weighbridge {
namespace fs = std::filesystem;
namespace {

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The files read so far, kept alive for diagnostics.
class Inputs {
 public:
  explicit Inputs(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Reads `path`. A file that cannot be read is reported at `cited` (where it
  // was named), or at the file itself.
  const SourceFile* Read(const fs::path& path, const std::string& why,
                         const SourcePos* cited = nullptr) {
    auto text = ReadFile(path);
    if (!text || fs::is_directory(path)) {
      std::string problem = fs::exists(path) ? "cannot read this file" : "no such file";
      if (cited) {
        ReportAt(*cited, problem + ": " + path.string() + why);
      } else {
        diagnostics_.Error({path.string(), 0, 0}, problem + why);
      }
      return nullptr;
    }
    files_.emplace_back(path.string(), *text);
    pointers_.push_back(&files_.back());
    return &files_.back();
  }

  void ReportAt(const SourcePos& pos, std::string message) {
    Reporter(pointers_, diagnostics_).Error(pos, std::move(message));
  }
  const std::vector<const SourceFile*>& files() const { return pointers_; }

 private:
  Diagnostics& diagnostics_;
  std::deque<SourceFile> files_;  // a deque keeps addresses stable as it grows
  std::vector<const SourceFile*> pointers_;
};

// procurement.toml's `framework`: a path when it contains '/' or ends in
// ".toml", otherwise the id of a framework in one of the search folders.
fs::path ResolveFramework(const ProcurementParts& parts, const fs::path& folder,
                          const LoadOptions& options, Inputs& inputs, bool& found) {
  const std::string& name = parts.framework;
  found = true;
  if (name.find('/') != std::string::npos || name.ends_with(".toml")) return folder / name;
  // By the id inside each file, as `weighbridge frameworks` lists them, so a
  // file's name does not have to match its id.
  std::vector<std::string> ids;
  for (const FrameworkSummary& s : ListFrameworks(options.framework_dirs)) {
    if (s.id == name) return s.path;
    ids.push_back(s.id);
  }
  std::string shipped;
  for (const std::string& id : ids) shipped += (shipped.empty() ? "" : ", ") + id;
  std::string guess = DidYouMean(name, ids);
  inputs.ReportAt(parts.framework_pos,
                  "cannot find a framework called '" + name + "'" +
                      (guess.empty() ? "; the frameworks available are " +
                                           (shipped.empty() ? "none" : shipped) + "."
                                     : guess) +
                      " To use your own, give the path to its file, ending in .toml");
  found = false;
  return {};
}

// candidates.toml, or every candidates/*.toml in name order.
std::vector<fs::path> CandidateFiles(const fs::path& folder, Diagnostics& diagnostics) {
  fs::path single = folder / "candidates.toml";
  fs::path dir = folder / "candidates";
  std::vector<fs::path> files;
  if (fs::is_directory(dir)) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".toml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (fs::exists(single)) {
      diagnostics.Error({single.string(), 1, 1},
                        "use either candidates.toml or the candidates/ folder, not both");
      return {};
    }
    if (files.empty()) {
      diagnostics.Error({dir.string(), 1, 1}, "the candidates/ folder has no .toml files");
    }
    return files;
  }
  return {single};
}

// Joins the framework's criteria with the procurement's local ones and checks
// the whole tree.
std::optional<Framework> AssembleFramework(const FrameworkParts& framework,
                                           const ProcurementParts& procurement,
                                           const std::string& framework_file, Inputs& inputs,
                                           Diagnostics& diagnostics) {
  if (framework.criteria.empty()) return std::nullopt;  // reported by the parser
  std::vector<Criterion> criteria = framework.criteria;
  criteria.insert(criteria.end(), procurement.local_criteria.begin(),
                  procurement.local_criteria.end());
  if (procurement.price.share > 0) AddPriceBranch(procurement.price, criteria);
  auto tree = CheckTree(criteria, inputs.files(), diagnostics);
  if (!tree) return std::nullopt;
  return Framework{framework.id, framework.version, framework.title, framework.scale,
                   std::move(*tree), framework_file};
}

// Judgements, scores and consensus each belong to one person or one pair,
// and how they are interleaved in a file says nothing. Put them in one order
// (judgements by member in panel order, scores and assignments by evaluator
// id, consensus by candidate and criterion, each person's in the order they
// wrote them), so
// that sums across people run in the same order, and the input hash is the
// same, whether the folder is read directly or a workspace wrote it out from
// each person's submissions.
void PutInOrder(Procurement& procurement) {
  std::map<std::string, std::size_t> member_index;
  for (std::size_t i = 0; i < procurement.panel.members.size(); ++i) {
    member_index.emplace(procurement.panel.members[i].id, i);
  }
  auto member_at = [&](const Judgement& j) {
    auto it = member_index.find(j.member);
    return it == member_index.end() ? member_index.size() : it->second;
  };
  std::stable_sort(procurement.panel.judgements.begin(), procurement.panel.judgements.end(),
                   [&](const Judgement& a, const Judgement& b) {
                     return member_at(a) < member_at(b);
                   });
  std::stable_sort(procurement.scores.begin(), procurement.scores.end(),
                   [](const Score& a, const Score& b) { return a.evaluator < b.evaluator; });
  std::stable_sort(procurement.assignments.begin(), procurement.assignments.end(),
                   [](const Assignment& a, const Assignment& b) {
                     return a.evaluator < b.evaluator;
                   });
  std::stable_sort(procurement.consensus.begin(), procurement.consensus.end(),
                   [](const Consensus& a, const Consensus& b) {
                     return std::tie(a.candidate, a.criterion) < std::tie(b.candidate, b.criterion);
                   });
}

}  // namespace

ProcurementLoad LoadProcurement(const fs::path& folder, const LoadOptions& options) {
  ProcurementLoad load;
  Diagnostics& diagnostics = load.diagnostics;
  if (!fs::is_directory(folder)) {
    diagnostics.Error({folder.string(), 0, 0},
                      fs::exists(folder) ? "this is not a folder; give the procurement's folder"
                                         : "no such folder");
    return load;
  }
  Inputs inputs(diagnostics);
  const std::string kFolderFile = "; a procurement folder needs procurement.toml, candidates.toml, "
                                  "panel.toml and scores.toml (they may be empty)";
  const SourceFile* procurement_file =
      inputs.Read(folder / "procurement.toml", kFolderFile);
  std::optional<ProcurementParts> parts;
  if (procurement_file) parts = ParseProcurementParts(*procurement_file, diagnostics);

  std::optional<Framework> framework;
  std::vector<RuleDraft> rule_drafts;  // the framework's, then the procurement's
  if (parts && !parts->framework.empty()) {
    bool found = false;
    fs::path path = ResolveFramework(*parts, folder, options, inputs, found);
    const SourceFile* framework_file =
        found ? inputs.Read(path, "", &parts->framework_pos)
              : nullptr;
    std::optional<FrameworkParts> framework_parts;
    if (framework_file) framework_parts = ParseFrameworkParts(*framework_file, diagnostics);
    if (framework_parts) {
      rule_drafts = framework_parts->rules;
      framework = AssembleFramework(*framework_parts, *parts, framework_file->name(), inputs,
                                    diagnostics);
    }
  }

  std::vector<Candidate> candidates;
  bool candidates_read = true;
  for (const fs::path& path : CandidateFiles(folder, diagnostics)) {
    const SourceFile* file = inputs.Read(path, kFolderFile);
    candidates_read = file && ParseCandidates(*file, diagnostics, candidates) && candidates_read;
  }
  Panel panel;
  if (const SourceFile* file = inputs.Read(folder / "panel.toml", kFolderFile)) {
    panel = ParsePanel(*file, framework ? &framework->tree : nullptr, diagnostics);
  }
  if (parts) panel.options = parts->panel_options;
  // panel.csv, when there is one, adds judgements to panel.toml's.
  if (fs::exists(folder / "panel.csv")) {
    if (const SourceFile* file = inputs.Read(folder / "panel.csv", "")) {
      ParsePanelCsv(*file, framework ? &framework->tree : nullptr, diagnostics, panel);
    }
  }
  ParsedScores sheet;
  if (const SourceFile* file = inputs.Read(folder / "scores.toml", kFolderFile)) {
    sheet = ParseScores(*file, framework ? &*framework : nullptr,
                        candidates_read ? &candidates : nullptr, diagnostics);
  }
  if (!parts || !framework) return load;

  Procurement procurement;
  procurement.info = parts->info;
  procurement.framework = std::move(*framework);
  procurement.candidates = std::move(candidates);
  procurement.panel = std::move(panel);
  procurement.scores = std::move(sheet.scores);
  procurement.consensus = std::move(sheet.consensus);
  procurement.assignments = std::move(sheet.assignments);
  procurement.allow_incomplete = options.allow_incomplete;
  procurement.smaa = parts->smaa;
  CheckSmaaBounds(procurement.smaa, procurement.framework.tree, inputs.files(), diagnostics);
  procurement.costs = parts->costs;
  procurement.price = parts->price;
  procurement.budget = parts->budget;
  procurement.budget_pos = parts->budget_pos;
  procurement.tie_break = parts->tie_break;
  CheckCosts(procurement, parts->term_refused, inputs.files(), diagnostics);
  CrossCheck(procurement, sheet.written, inputs.files(), diagnostics);
  rule_drafts.insert(rule_drafts.end(), parts->rules.begin(), parts->rules.end());
  procurement.rules = CompileRules(std::move(rule_drafts), procurement, inputs.files(), diagnostics);
  if (diagnostics.has_errors()) return load;
  PutInOrder(procurement);
  // Last, over the whole model as loaded: the same model read from files laid
  // out differently, or through a workspace, gets the same hash.
  procurement.input_hash = InputHash(procurement);
  load.procurement = std::move(procurement);
  return load;
}

FrameworkLoad LoadFrameworkFile(const fs::path& file) {
  auto text = ReadFile(file);
  if (!text || fs::is_directory(file)) {
    FrameworkLoad load;
    load.diagnostics.Error({file.string(), 1, 1},
                           fs::exists(file) ? "cannot read this file" : "no such file");
    return load;
  }
  return ParseFramework(*text, file.string());
}

std::vector<FrameworkSummary> ListFrameworks(const std::vector<fs::path>& dirs) {
  std::vector<FrameworkSummary> out;
  std::set<std::string> seen;
  for (const fs::path& dir : dirs) {
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".toml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      FrameworkLoad load = LoadFrameworkFile(file);
      if (!load.framework || !seen.insert(load.framework->id).second) continue;
      out.push_back({load.framework->id, load.framework->version, load.framework->title,
                     file.string()});
    }
  }
  return out;
}

}  // namespace weighbridge

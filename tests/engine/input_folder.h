// A procurement folder for engine tests, written file by file into a fresh
// scratch folder and loaded with the engine's own loader (scores still to
// come allowed, as a workspace loads them).
#pragma once

#include <fstream>
#include <string>

#include "tests/workspace/workspace_fixture.h"
#include "weighbridge/load.h"

namespace weighbridge::test {

class InputFolder {
 public:
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_.path() / name) << text;
  }
  ProcurementLoad Load() const {
    LoadOptions options;
    options.allow_incomplete = true;
    return LoadProcurement(dir_.path(), options);
  }
  std::string file(const std::string& name) const { return (dir_.path() / name).string(); }

 private:
  ScratchDir dir_;  // removed with the folder
};

}  // namespace weighbridge::test

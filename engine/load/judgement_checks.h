// Checks on a judgement's values that panel.toml and panel.csv share: pairs
// compared two at a time, an order of importance, swing points. Each problem
// becomes one diagnostic at the place it was written. Internal to the loader.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/load/source_file.h"
#include "weighbridge/panel.h"

namespace weighbridge {

// A number written as "3", "0.5" or a fraction "1/3" (spaces allowed around
// the slash); nullopt when it is none of these or not finite.
std::optional<double> ParseRatio(std::string_view text);

// "'x' is not directly under 'p'; the criteria weighed there are ..., did you
// mean ...?"
std::string NotAChildMessage(const std::string& child, const std::string& parent,
                             const std::vector<std::string>& children);

// One comparison as written: `key` is "a/b", `value` what it was given.
struct WrittenPair {
  std::string key;
  SourcePos key_pos;
  double value = 0;
  SourcePos value_pos;
};

// Checks one written pair and adds it to judgement.pairs: the key must be
// "a/b" with a and b different children of judgement.parent (`children`
// null: not checked), the value from 1/9 to 9, and the pair not already
// given either way round. Returns false (with a diagnostic) otherwise.
bool AddPair(const WrittenPair& pair, const std::vector<std::string>* children,
             const SourceFile& file, Diagnostics& diagnostics, Judgement& judgement);

// Checks that judgement.pairs link every one of `children`, directly or
// through others (the connected components of the comparison graph, by
// Boost.Graph); otherwise one diagnostic at `where` naming the criteria left
// unlinked. Returns whether they are linked.
bool CheckPairsLinked(const Judgement& judgement, const std::vector<std::string>& children,
                      const SourcePos& where, const SourceFile& file, Diagnostics& diagnostics);

// Adds `child` to the order's tie set `place` (0 = first). False with a
// diagnostic when it is not a child or is already in the order.
bool AddToOrder(const std::string& child, std::size_t place, const SourcePos& pos,
                const std::vector<std::string>* children, const SourceFile& file,
                Diagnostics& diagnostics, Judgement& judgement);

// Checks that the order names every child; one diagnostic at `where` listing
// those left out.
bool CheckOrderComplete(const Judgement& judgement, const std::vector<std::string>& children,
                        const SourcePos& where, const SourceFile& file, Diagnostics& diagnostics);

// Checks swing points: the most important criterion has 100 and none has
// more. `where` is the points as a whole.
bool CheckSwing(const Judgement& judgement, const SourcePos& where, const SourceFile& file,
                Diagnostics& diagnostics);

}  // namespace weighbridge

// panel.csv: the panel's judgements in the long layout, one value a row, for
// panels that collect weights in a spreadsheet or a survey tool:
//
//   member,group,parent,method,item,value
//   m01,ebe,root,pairwise,rights/interoperability,3
//   m02,ebe,root,rank,rights,1
//
// Read after panel.toml, whose groups it uses; see docs/formats.md.
#pragma once

#include "engine/load/source_file.h"
#include "weighbridge/criteria_tree.h"
#include "weighbridge/panel.h"

namespace weighbridge {

// Adds the judgements of `file` to panel.judgements, and any member not
// declared in panel.toml to panel.members (with the group of their rows).
// Every problem is reported at file:line:col. `tree` may be null when the
// criteria could not be loaded; then criteria are not checked.
void ParsePanelCsv(const SourceFile& file, const CriteriaTree* tree, Diagnostics& diagnostics,
                   Panel& panel);

}  // namespace weighbridge

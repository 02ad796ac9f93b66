// The rules list without its title, so that other documents (the published
// methodology) can hold it under a heading of their own.
#pragma once

#include <string>

#include "weighbridge/procurement.h"

namespace weighbridge {

// What RenderRulesList writes below its title: a paragraph saying what each
// kind of rule does, then every rule and minimum as a numbered list in the
// order they apply, ending in a blank line.
std::string RulesListBody(const Procurement& procurement);

}  // namespace weighbridge

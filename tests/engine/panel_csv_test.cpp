// panel.csv: judgements in the long layout, with file:line:col errors.
#include <catch2/catch.hpp>

#include "engine/load/panel_csv.h"

namespace weighbridge {
namespace {

// root ─ rights, care, cost (leaves); care has no children.
CriteriaTree Tree() {
  std::vector<Criterion> criteria;
  for (const char* id : {"rights", "care", "cost"}) {
    Criterion c;
    c.id = id;
    c.parent = kRootId;
    c.title = id;
    c.assess = Assess::kJudgement;
    criteria.push_back(c);
  }
  return CriteriaTree(criteria);
}

// Groups ebe and staff; member m1 (ebe) declared in panel.toml.
Panel Declared() {
  Panel panel;
  panel.groups.push_back({"ebe", "Experts by experience", 1, GroupRole::kUnset, {}, {}, {}});
  panel.groups.push_back({"staff", "Staff", 1, GroupRole::kUnset, {}, {}, {}});
  panel.members.push_back({"m1", "ebe", "", {}});
  return panel;
}

std::string Read(const std::string& text, Panel& panel) {
  const CriteriaTree tree = Tree();
  Diagnostics diagnostics;
  ParsePanelCsv(SourceFile("panel.csv", text), &tree, diagnostics, panel);
  return diagnostics.ToString();
}

TEST_CASE("Panel CSV: one value a row makes whole judgements", "[csv]") {
  Panel panel = Declared();
  const std::string errors = Read(
      "member,group,parent,method,item,value\n"
      "m1,ebe,root,pairwise,rights/care,3\n"
      "m1,ebe,root,pairwise,care/cost,\"1/2\"\n"
      "s1,staff,root,rank,rights,1\n"
      "s1,staff,root,rank,care,2\n"
      "s1,staff,root,rank,cost,2\n"
      "\n"
      "s2,staff,root,points,rights,70\n"
      "s2,staff,root,points,cost,30\n",
      panel);
  CHECK(errors == "");
  REQUIRE(panel.judgements.size() == 3);
  const Judgement& pairwise = panel.judgements[0];
  CHECK(pairwise.method == WeighMethod::kPairwise);
  REQUIRE(pairwise.pairs.size() == 2);
  CHECK(pairwise.pairs[1].a == "care");
  CHECK(pairwise.pairs[1].value == 0.5);
  const Judgement& rank = panel.judgements[1];
  REQUIRE(rank.order.size() == 2);  // rights, then care and cost tied
  CHECK(rank.order[0] == std::vector<std::string>{"rights"});
  CHECK(rank.order[1] == std::vector<std::string>{"care", "cost"});
  CHECK(panel.judgements[2].values.at("rights") == 70);
  // s1 and s2 were not in panel.toml: their rows declare them, in staff.
  REQUIRE(panel.members.size() == 3);
  CHECK(panel.members[1].id == "s1");
  CHECK(panel.members[1].group == "staff");
  CHECK(panel.members[1].pos.line == 4);
}

TEST_CASE("Panel CSV: columns may come in any order, with a spreadsheet's BOM and CRLF", "[csv]") {
  Panel panel = Declared();
  CHECK(Read("\xEF\xBB\xBFvalue,item,method,parent,group,member\r\n"
             "100,rights,swing,root,ebe,m1\r\n"
             "50,care,swing,root,ebe,m1\r\n",
             panel) == "");
  REQUIRE(panel.judgements.size() == 1);
  CHECK(panel.judgements[0].values.at("care") == 50);
}

TEST_CASE("Panel CSV: an unknown column is named with a suggestion", "[csv]") {
  Panel panel = Declared();
  // "member," 7 + "group," 6 + "parent," 7 + "method," 7 + "item," 5 = 32
  // characters before it: column 33.
  CHECK(Read("member,group,parent,method,item,valu\n", panel) ==
        "panel.csv:1:33: error: unknown column 'valu'; the columns are member, group, parent, "
        "method, item and value, did you mean 'value'?\n"
        "  member,group,parent,method,item,valu\n"
        "                                  ^\n");
}

TEST_CASE("Panel CSV: each mistake is reported at its line and column", "[csv]") {
  Panel panel = Declared();
  const std::string errors = Read(
      "member,group,parent,method,item,value\n"
      "m1,staff,root,points,rights,1\n"           // 2: m1 is in ebe
      "s1,staf,root,points,rights,1\n"            // 3: no group staf
      "s2,staff,care,points,rights,1\n"           // 4: care is a leaf
      "s3,staff,root,pairwise,rights/care,12\n"   // 5: above 9
      "s4,staff,root,pairwise,rights/care,0\n"    // 6: zero
      "s5,staff,root,rank,rights,1.5\n"           // 7: not a whole number
      "s6,staff,root,points,rights,1,2\n",        // 8: seven values
      panel);
  CHECK(errors.find("panel.csv:2:4: error: member 'm1' is in group 'ebe', not 'staff'") !=
        std::string::npos);
  CHECK(errors.find("panel.csv:3:4: error: group 'staf' is not declared in panel.toml's "
                    "[[group]], did you mean 'staff'?") != std::string::npos);
  CHECK(errors.find("panel.csv:4:10: error: 'care' has no sub-criteria") != std::string::npos);
  // "s3," 3 + "staff," 6 + "root," 5 + "pairwise," 9 + "rights/care," 12 = 35.
  CHECK(errors.find("panel.csv:5:36: error: 'rights/care' is 12, outside the scale of 1/9 to 9") !=
        std::string::npos);
  CHECK(errors.find("panel.csv:6:36: error: 'rights/care' is 0, but a comparison must be above 0") !=
        std::string::npos);
  CHECK(errors.find("panel.csv:7:27: error: a place in the order is a whole number") !=
        std::string::npos);
  CHECK(errors.find("panel.csv:8:31: error: this row has 7 values") != std::string::npos);
  CHECK(panel.judgements.empty());
}

TEST_CASE("Panel CSV: a pair given twice and a method changing mid-judgement", "[csv]") {
  Panel panel = Declared();
  const std::string errors = Read(
      "member,group,parent,method,item,value\n"
      "s1,staff,root,pairwise,rights/care,2\n"
      "s1,staff,root,pairwise,care/rights,\"1/2\"\n"
      "s2,staff,root,points,rights,2\n"
      "s2,staff,root,direct,care,2\n",
      panel);
  CHECK(errors.find("panel.csv:3:24: error: 'care' and 'rights' are compared twice (first as "
                    "'rights/care' at line 2); give each pair once") != std::string::npos);
  // "s2," 3 + "staff," 6 + "root," 5 = 14: the method starts at 15.
  CHECK(errors.find("panel.csv:5:15: error: member 's2' weighs 'root' by points at line 4; one "
                    "judgement uses one method") != std::string::npos);
}

TEST_CASE("Panel CSV: whole-judgement checks point at its first row", "[csv]") {
  Panel panel = Declared();
  const std::string errors = Read(
      "member,group,parent,method,item,value\n"
      "s1,staff,root,pairwise,rights/care,2\n"  // cost never compared
      "s2,staff,root,rank,rights,1\n"           // care and cost left out
      "s3,staff,root,swing,rights,80\n",        // no 100
      panel);
  CHECK(errors.find("panel.csv:2:1: error: the comparisons under 'root' do not link 'cost'") !=
        std::string::npos);
  CHECK(errors.find("panel.csv:3:1: error: the order under 'root' leaves out 'care' and 'cost'") !=
        std::string::npos);
  CHECK(errors.find("panel.csv:4:1: error: in a swing the most important criterion gets 100") !=
        std::string::npos);
}

TEST_CASE("Panel CSV: a judgement already in panel.toml is refused", "[csv]") {
  Panel panel = Declared();
  Judgement j;
  j.member = "m1";
  j.parent = kRootId;
  j.values = {{"rights", 1}};
  j.pos = {"panel.toml", 12, 1};
  panel.judgements.push_back(j);
  CHECK(Read("member,group,parent,method,item,value\nm1,ebe,root,points,care,1\n", panel)
            .find("panel.csv:2:1: error: member 'm1' already weighs 'root' in panel.toml (line "
                  "12)") != std::string::npos);
  CHECK(panel.judgements.size() == 1);
}

TEST_CASE("Panel CSV: an empty file and an unclosed quote", "[csv]") {
  Panel panel = Declared();
  CHECK(Read("", panel).find("panel.csv:1:1: error: panel.csv is empty") != std::string::npos);
  CHECK(Read("member,group,parent,method,item,value\ns1,\"staff,root\n", panel)
            .find("panel.csv:2:4: error: a quoted value is not closed") != std::string::npos);
}

}  // namespace
}  // namespace weighbridge

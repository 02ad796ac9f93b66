// One stack level of the block machine (batch_machine.cpp): a value for each
// of a block of candidates, with which of them are known held as bits, and
// the loops that fill and test such columns.
//
// Why bits: TestMany only needs true, false or missing per candidate, never
// the missing reason, so a true-or-false column is two 64-bit masks, and
// `and`, `or` and `not` over a whole block are a few bitwise operations.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/rules/cell.h"

namespace weighbridge::rules {

// Candidates per block: one bit each in a Mask.
inline constexpr std::size_t kBlock = 64;
using Mask = std::uint64_t;

// Each filler writes every lane of the array its type uses (0 or null where
// a lane is missing or past the end of the block), so that the loops over
// numbers can run over all kBlock lanes without branches. Which array holds
// the values is known from the instruction that reads them, as for Cell;
// one plain array per type (rather than a union) lets the compiler vectorise.
struct Column {
  Mask known;  // lanes whose value is not missing
  Mask truth;  // true-or-false values: the lanes that are true, a subset of `known`
  double numbers[kBlock];
  std::int64_t dates[kBlock];  // PackDate()
  const std::string* texts[kBlock];
  const std::vector<std::string>* lists[kBlock];
};

// The first `n` lanes.
inline Mask FirstLanes(std::size_t n) { return n >= kBlock ? ~Mask{0} : (Mask{1} << n) - 1; }

// Lane i of a column holding values of type kType, as the one-at-a-time
// machine holds it (known or not does not matter to the comparisons).
template <Type kType>
inline Cell LaneCell(const Column& column, std::size_t i) {
  if constexpr (kType == Type::kBool) {
    return Flag((column.truth >> i) & 1);
  } else if constexpr (kType == Type::kNumber) {
    return Number(column.numbers[i]);
  } else if constexpr (kType == Type::kText) {
    return Text(column.texts[i]);
  } else if constexpr (kType == Type::kList) {
    return List(column.lists[i]);
  } else {
    return DateCell(column.dates[i]);
  }
}

// `facts[i]` as lane i, for i < kBlock, as FromFact() gives it: missing when
// null or of another type than kType.
template <Type kType>
void LoadLanes(const EvidenceValue* const* facts, Column& out) {
  Mask known = 0;
  Mask truth = 0;
  for (std::size_t i = 0; i < kBlock; ++i) {
    const EvidenceValue* fact = facts[i];
    const bool ok = fact != nullptr && fact->index() == static_cast<std::size_t>(kType);
    known |= Mask{ok} << i;
    if constexpr (kType == Type::kBool) {
      truth |= Mask{ok && *std::get_if<bool>(fact)} << i;
    } else if constexpr (kType == Type::kNumber) {
      out.numbers[i] = ok ? *std::get_if<double>(fact) : 0.0;
    } else if constexpr (kType == Type::kText) {
      out.texts[i] = ok ? std::get_if<std::string>(fact) : nullptr;
    } else if constexpr (kType == Type::kList) {
      out.lists[i] = ok ? std::get_if<std::vector<std::string>>(fact) : nullptr;
    } else {
      out.dates[i] = ok ? PackDate(*std::get_if<Date>(fact)) : 0;
    }
  }
  out.known = known;
  out.truth = truth;
}

inline void LoadLanes(Type type, const EvidenceValue* const* facts, Column& out) {
  switch (type) {
    case Type::kBool: return LoadLanes<Type::kBool>(facts, out);
    case Type::kNumber: return LoadLanes<Type::kNumber>(facts, out);
    case Type::kText: return LoadLanes<Type::kText>(facts, out);
    case Type::kList: return LoadLanes<Type::kList>(facts, out);
    case Type::kDate: return LoadLanes<Type::kDate>(facts, out);
  }
}

// The mask whose bit i is holds[i] (each 0 or 1). Eight lanes at a time:
// multiplying eight 0-or-1 bytes by 0x0102040810204080 gathers byte j into
// bit 56 + j, with no two partial products meeting, so nothing carries.
inline Mask PackLanes(const std::uint8_t (&holds)[kBlock]) {
  Mask bits = 0;
  for (std::size_t group = 0; group < kBlock / 8; ++group) {
    std::uint64_t bytes = 0;
    for (std::size_t j = 0; j < 8; ++j) bytes |= std::uint64_t{holds[group * 8 + j]} << (8 * j);
    bits |= ((bytes * 0x0102040810204080) >> 56) << (group * 8);
  }
  return bits;
}

// The right operand of a comparison: one constant for every lane, or a column.
// At() gives lane i as a cell, Plain() a number or date lane as it is.
struct ConstantOperand {
  Cell cell;
  template <Type>
  Cell At(std::size_t) const { return cell; }
  template <Type kType>
  auto Plain(std::size_t) const {
    if constexpr (kType == Type::kNumber) {
      return cell.number;
    } else {
      return cell.date;
    }
  }
};
struct ColumnOperand {
  const Column& column;
  template <Type kType>
  Cell At(std::size_t i) const { return LaneCell<kType>(column, i); }
  template <Type kType>
  auto Plain(std::size_t i) const {
    if constexpr (kType == Type::kNumber) {
      return column.numbers[i];
    } else {
      return column.dates[i];
    }
  }
};

// The lanes among `lanes` where `left test right` holds, each lane compared
// by CompareAs() as the one-at-a-time machine compares it. Numbers and dates
// are compared in every lane without branches (a loop the compiler can
// vectorise) and masked afterwards; texts and lists, which cost a pointer
// chase and a loop each, only in the lanes asked for.
template <typename Right>
Mask TestLanes(Test test, bool fold_case, const Column& left, const Right& right, Mask lanes) {
  return WithTest(test, [&](auto constant) {
    constexpr Test kTest = decltype(constant)::value;
    constexpr Type kLeft = LeftType(kTest);
    constexpr Type kRight = RightType(kTest);
    Mask bits = 0;
    if constexpr (kLeft == Type::kNumber || kLeft == Type::kDate) {
      const ColumnOperand values{left};
      std::uint8_t holds[kBlock];
      for (std::size_t i = 0; i < kBlock; ++i) {
        holds[i] = Ordered<kTest>(values.Plain<kLeft>(i), right.template Plain<kLeft>(i));
      }
      return PackLanes(holds) & lanes;
    } else {
      for (Mask todo = lanes; todo != 0; todo &= todo - 1) {
        const auto i = static_cast<std::size_t>(std::countr_zero(todo));
        if (CompareAs<kTest>(LaneCell<kLeft>(left, i), right.template At<kRight>(i), fold_case)) {
          bits |= Mask{1} << i;
        }
      }
      return bits;
    }
  });
}

}  // namespace weighbridge::rules

// The input hash: a fingerprint of what a decision was computed from, so a
// report can say exactly that and anyone can check a copy of the inputs gives
// the same. It is taken over the loaded model, not the files, so comments,
// layout, the order of keys and where things were written do not change it;
// every value that can change a result does (docs/methods.md, "The input
// hash", lists what it covers).
#pragma once

#include <string>

#include "weighbridge/procurement.h"

namespace weighbridge {

// The model as canonical JSON (RFC 8785): everything in `procurement` that can
// change a result, with no source positions and not `input_hash` itself.
// Lists keep the model's order: the loader puts judgements, scores and
// consensus in an order of their own (see LoadProcurement), so how they were
// interleaved in the files does not change it.
std::string CanonicalModelJson(const Procurement& procurement);

// SHA-256 of CanonicalModelJson(procurement), as 64 lower-case hex digits.
std::string InputHash(const Procurement& procurement);

}  // namespace weighbridge

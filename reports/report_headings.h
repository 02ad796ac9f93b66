// The report's headings under which the HTML report places its charts. The
// Markdown report writes them and the HTML report finds them by their text,
// so both read them from here: a heading reworded in one place moves its
// chart with it, rather than silently dropping it from the page.
#pragma once

namespace weighbridge::headings {

inline constexpr const char* kWhatEachGroupThought = "What each group thought";
inline constexpr const char* kHowEachTotalWasMadeUp = "How each total was made up";
inline constexpr const char* kIfTheWeightsWereDifferent = "If the weights were different";
inline constexpr const char* kUnderPlausibleWeightings = "Under plausible weightings";

}  // namespace weighbridge::headings

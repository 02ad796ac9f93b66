// The words of the browser pages (`weighbridge serve`), from a catalogue:
// web/messages/en.toml, compiled in. Every word a page shows comes from here,
// so that a translation is a new catalogue, not a change to the code.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace weighbridge::web {

class Messages {
 public:
  // Reads a catalogue: TOML tables of texts, each text at "table.key".
  // Nothing, with `error` saying where and what is wrong (NAME:LINE:COL),
  // when the text is not TOML or holds something other than texts.
  static std::optional<Messages> Parse(std::string_view toml, const std::string& name,
                                       std::string& error);

  // The shipped English catalogue.
  static const Messages& English();

  // The text at `key` (e.g. "welcome.title") with each {word} in it replaced
  // by fill[word]. A key the catalogue lacks gives "[key]", so that a
  // missing word shows on the page instead of stopping it (a test checks the
  // shipped catalogue has every key the pages use).
  std::string Text(std::string_view key, const std::map<std::string, std::string>& fill = {}) const;

  bool Has(std::string_view key) const;

  // A moment the workspace logged, "2026-12-04T13:58:24Z", in the
  // catalogue's words: dates.when with the day, the month's name
  // (dates.month_1 .. dates.month_12), the year and the time ("4 December
  // 2026, 13:58 UTC"). The text as given when it is not in that form.
  std::string MomentInWords(std::string_view logged) const;

  // This catalogue over `base`: its own texts, and base's for every key it
  // lacks (so that a translation in progress still shows every page).
  // `missing` receives how many of base's keys it lacked.
  Messages Over(const Messages& base, int& missing) const;

  // Every text, by key.
  const std::map<std::string, std::string, std::less<>>& texts() const { return texts_; }

 private:
  std::map<std::string, std::string, std::less<>> texts_;
};

}  // namespace weighbridge::web

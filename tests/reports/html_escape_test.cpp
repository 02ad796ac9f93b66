#include "reports/html_escape.h"

#include <catch2/catch.hpp>

namespace weighbridge {
namespace {

TEST_CASE("HTML escape: the five characters that can change HTML become entities", "[reports]") {
  CHECK(EscapeHtml("<script>alert(\"x\")</script>") ==
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  CHECK(EscapeHtml("Tom & Jerry's") == "Tom &amp; Jerry&#39;s");
}

TEST_CASE("HTML escape: an entity in the text is shown, not interpreted", "[reports]") {
  // "&amp;" typed by a person must read as "&amp;" on the page, so its own
  // ampersand is escaped again.
  CHECK(EscapeHtml("&amp;") == "&amp;amp;");
}

TEST_CASE("HTML escape: other text, UTF-8 included, is unchanged", "[reports]") {
  CHECK(EscapeHtml("Café – 100% = £5, a/b?") == "Café – 100% = £5, a/b?");
  CHECK(EscapeHtml("") == "");
}

}  // namespace
}  // namespace weighbridge

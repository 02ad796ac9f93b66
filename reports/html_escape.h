// Making people's text safe inside HTML.
#pragma once

#include <string>
#include <string_view>

namespace weighbridge {

// `text` with the five characters that can change the meaning of HTML
// replaced by entities: & < > " and ' become &amp; &lt; &gt; &quot; &#39;.
// Safe in element content and in quoted attribute values; everything else,
// including non-ASCII UTF-8, passes through unchanged. The HTML report's
// templates escape with this too, so there is one rule for the whole page.
std::string EscapeHtml(std::string_view text);

}  // namespace weighbridge

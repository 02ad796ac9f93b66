#!/usr/bin/env bash
# weighbridge serve, end to end, with real HTTP requests (curl) to the real
# server on a free loopback port (docs/serve.md):
#
#   serve_test.sh WEIGHBRIDGE SOURCE_DIR
#
# Panel members take part by each group's method, and each of the server's
# protections is tried: the cookie's flags, the form token, another person's
# token, a revoked link, wrong links from one address, an oversized body,
# HTML typed into a field, and the freeze.
set -euo pipefail
source "$(dirname "$(realpath "$0")")/../workspace/e2e_lib.sh" "$@"

get() { /usr/bin/curl -s --noproxy '*' "$@"; }

mkdir in
cat > in/procurement.toml <<'TOML'
[procurement]
id = "browser"
title = "Care records for the <north> team"
currency = "GBP"
framework = "framework.toml"
TOML
cat > in/framework.toml <<'TOML'
[framework]
id = "four"
version = "1.0.0"
title = "Four criteria"

[scale]
min = 0
max = 5

[[criterion]]
id = "rights"
title = "Respects people's rights"
question = "How does the product let people see and correct what is held about them?"
assess = "judgement"

[[criterion]]
id = "records"
title = "Shares records safely"
assess = "judgement"

[[criterion]]
id = "upkeep"
title = "Affordable to keep running"
assess = "judgement"

[[criterion]]
id = "time"
title = "Gives time back for people"
assess = "judgement"
TOML
cat > in/candidates.toml <<'TOML'
[[candidate]]
id = "alpha"
name = "Alpha Care"
TOML
cat > in/panel.toml <<'TOML'
[[group]]
id = "ebe"
title = "Experts by experience"
method = "pairwise"

[[group]]
id = "staff"
title = "Social workers"
method = "rank"

[[group]]
id = "managers"

[[member]]
id = "e1"
group = "ebe"

[[member]]
id = "s1"
group = "staff"

[[member]]
id = "c1"
group = "managers"
TOML
run 0 init p --framework social-care-digital
cp in/*.toml p/
run 0 import p p/procurement.toml p/candidates.toml p/panel.toml

token_of() { sed -n 2p out.txt | sed 's|.*/join/||'; }
run 0 invite p --member e1
e1_token=$(token_of)
run 0 invite p --member s1
s1_token=$(token_of)
run 0 invite p --evaluator x1
x1_token=$(token_of)

"$weighbridge" serve p --port 0 > serve.txt 2> serve.err &
server=$!
for _ in $(seq 50); do grep -q "serving" serve.txt 2>/dev/null && break; sleep 0.1; done
[[ "$(cat serve.txt)" =~ ^weighbridge:\ serving\ p\ at\ http://127\.0\.0\.1:([0-9]+)/\ \(stop\ with\ Ctrl-C\)$ ]] ||
  fail "serve's first line: $(cat serve.txt serve.err)"
url="http://127.0.0.1:${BASH_REMATCH[1]:-0}"

# --- a personal link becomes a session cookie, and leaves the address bar ----------
get -i -c e1.jar "$url/join/$e1_token" > join.txt
grep -q "^HTTP/1.1 303" join.txt || fail "join: $(head -1 join.txt)"
grep -qi "^Location: /\s*$" join.txt || fail "join does not send the browser to /"
grep -qi "^Set-Cookie: wb_session=[0-9a-f]\{32\}; Path=/; HttpOnly; SameSite=Strict\s*$" join.txt ||
  fail "the cookie's flags: $(grep -i set-cookie join.txt)"
grep -qi "^Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'" join.txt ||
  fail "no strict Content-Security-Policy"
grep -qi "^X-Frame-Options: DENY" join.txt || fail "no frame denial"
get -c s1.jar "$url/join/$s1_token" > /dev/null
get -c x1.jar "$url/join/$x1_token" > /dev/null

# --- the welcome page: plain words, the title shown as text -------------------------
get -b e1.jar "$url/" > welcome.html
grep -q "<p>We are choosing a digital product: Care records for the &lt;north&gt; team." welcome.html ||
  fail "the welcome page does not name the procurement as text"
grep -q "You are taking part as panel member e1." welcome.html || fail "welcome: who is taking part"
get -b e1.jar "$url/criteria" > criteria.html
grep -q "<li><strong>Respects people&apos;s rights</strong>: How does the product let people see and correct what is held about them?</li>" criteria.html ||
  fail "the criteria page does not explain rights"

# --- pairwise (the ebe group's method): 6 pairs, 9 answers each ------------------------
get -b e1.jar "$url/weigh?node=root" > weigh.html
[[ $(grep -c "<fieldset>" weigh.html) == 6 ]] || fail "pairwise: $(grep -c "<fieldset>" weigh.html) pairs, not 6"
[[ $(grep -c 'type="radio"' weigh.html) == 54 ]] || fail "pairwise: not 9 answers a pair"
grep -q "<legend>Respects people&apos;s rights or Shares records safely?</legend>" weigh.html ||
  fail "pairwise: the first pair's question"
csrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' weigh.html | sed 's/.*value="//; s/"//')

# Consistent answers from weights 9 : 3 : 1 : 1 (rights 3x records, 9x upkeep and
# time; records 3x each; upkeep the same as time): 9/14 = 64.3%, 3/14 = 21.4%,
# 1/14 = 7.1% each, and no note.
consistent="p:rights/records=3&p:rights/upkeep=9&p:rights/time=9&p:records/upkeep=3&p:records/time=3&p:upkeep/time=1"
get -b e1.jar -d "csrf=$csrf&action=preview&$consistent" "$url/weigh?node=root" > preview.html
for share in 64.3% 21.4% 7.1%; do
  grep -q ">$share</text>" preview.html || fail "pairwise preview: no bar of $share"
done
if grep -q 'class="note"' preview.html; then fail "consistent answers got a note"; fi

# One answer turned round, from weights 9 : 3 : 3 : 1 (upkeep 3x time): time said
# to be 5x upkeep. The other answers put upkeep/time at 3, so the note names that
# pair and suggests 1/3.
inconsistent="p:rights/records=3&p:rights/upkeep=3&p:rights/time=9&p:records/upkeep=1&p:records/time=3&p:upkeep/time=1/5"
get -b e1.jar -d "csrf=$csrf&action=preview&$inconsistent" "$url/weigh?node=root" > preview2.html
grep -q '<p class="note">Some of your answers do not fit together. You said Gives time back for people matters 5× compared with Affordable to keep running. Your other answers suggest about 1/3×.' preview2.html ||
  fail "pairwise: the note on contradicting answers: $(grep -o '<p class="note">[^<]*' preview2.html)"

# Sent: stored as e1's judgements, version 2 of their submission (version 1 was
# their place on the panel, from panel.toml, which had no judgements).
entries_before=$(sqlite3 p/weighbridge.db 'SELECT COUNT(*) FROM audit')
get -i -b e1.jar -d "csrf=$csrf&action=send&$consistent&member=s1" "$url/weigh?node=root" > send.txt
grep -q "^HTTP/1.1 303" send.txt || fail "send: $(head -1 send.txt)"
grep -qi "^Location: /done?node=root" send.txt || fail "send goes on to the thanks page"
run 0 history p
grep -q "e1 (user:[0-9]*)  import judgements 'e1' version 1 from (browser)" out.txt ||
  fail "history has no browser import of e1's judgements: $(tail -3 out.txt)"
if grep -q "judgements 's1'" out.txt; then fail "e1's form wrote s1's judgements"; fi
get -b e1.jar "$url/done?node=root" > done.html
grep -q "<tr><th scope=\"row\">Respects people&apos;s rights</th><td>64.3%</td><td>64.3%</td>" done.html ||
  fail "the thanks page: e1's and their group's weight for rights"

# --- rank (the staff group's method) ----------------------------------------------------
get -b s1.jar "$url/weigh?node=root" > rank.html
[[ $(grep -c 'inputmode="numeric"' rank.html) == 4 ]] || fail "rank: not 4 places to fill in"
s1_csrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' rank.html | sed 's/.*value="//; s/"//')
# HTML typed into a field comes back as text.
get -b s1.jar -d "csrf=$s1_csrf&action=preview&v:rights=%3Cscript%3Ealert(1)%3C/script%3E&v:records=2&v:upkeep=2&v:time=3" \
  "$url/weigh?node=root" > rank_bad.html
grep -q 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' rank_bad.html || fail "typed HTML is not shown as text"
if grep -q "<script>" rank_bad.html; then fail "typed HTML reached the page as HTML"; fi
grep -q "<li>Give Respects people&apos;s rights a place: a whole number from 1.</li>" rank_bad.html ||
  fail "rank: the problem with a place that is not a number"
# Rank-order centroid, 4 criteria, records and upkeep tied for 2nd-3rd:
# 1st (1 + 1/2 + 1/3 + 1/4)/4 = 52.1%; 2nd and 3rd share ((1/2 + 1/3 + 1/4) +
# (1/3 + 1/4))/8 = 20.8% each.
get -b s1.jar -d "csrf=$s1_csrf&action=send&v:rights=1&v:records=2&v:upkeep=2&v:time=3" "$url/weigh?node=root" > /dev/null
get -b s1.jar "$url/done?node=root" > rank_done.html
grep -q "<th scope=\"row\">Respects people&apos;s rights</th><td>52.1%</td>" rank_done.html || fail "rank: rights' weight"
grep -q "<th scope=\"row\">Affordable to keep running</th><td>20.8%</td>" rank_done.html || fail "rank: upkeep's weight"

# --- the protections ---------------------------------------------------------------------
code() { get -o /dev/null -w '%{http_code}' "$@"; }
[[ $(code -b s1.jar -d "action=send&v:rights=1&v:records=2&v:upkeep=3&v:time=4" "$url/weigh?node=root") == 403 ]] ||
  fail "a form without its token was not refused"
[[ $(code -b s1.jar -d "csrf=$csrf&action=send&v:rights=1&v:records=2&v:upkeep=3&v:time=4" "$url/weigh?node=root") == 403 ]] ||
  fail "another person's form token was accepted"
[[ $(code -d "csrf=$csrf&action=send&$consistent" "$url/weigh?node=root") == 401 ]] || fail "no cookie, not refused"
[[ $(code -b x1.jar "$url/weigh?node=root") == 404 ]] || fail "an evaluator reached a member's form"
head -c 70000 /dev/zero | tr '\0' a > big.txt
[[ $(code -b s1.jar --data-binary @big.txt "$url/weigh?node=root") == 413 ]] || fail "an oversized body was not refused"
[[ $(code -b e1.jar "$url/weigh?node=nowhere") == 404 ]] || fail "an unknown node"

# A revoked link: its session ends at once, and the link no longer works.
run 0 revoke p --member s1
[[ $(code -b s1.jar "$url/criteria") == 401 ]] || fail "a revoked member's session still works"
[[ $(code "$url/join/$s1_token") == 404 ]] || fail "a revoked link still works"

# Wrong links from one address: the first five are answered "does not work"
# (the revoked one above was the first), then the address waits 1 s, then 2 s.
for _ in 1 2 3 4; do [[ $(code "$url/join/0123456789abcdef0123456789abcdef") == 404 ]] || fail "a wrong link"; done
get -i "$url/join/$e1_token" > slow.txt
grep -q "^HTTP/1.1 429" slow.txt || fail "the sixth try was not slowed: $(head -1 slow.txt)"
grep -qi "^Retry-After: 1" slow.txt || fail "the wait is not 1 s"
sleep 1.2
[[ $(code "$url/join/$e1_token") == 303 ]] || fail "a right link after the wait"

# --- the facilitator: how things stand, counts only; then the freeze from the form ---------
run 0 invite p --facilitator "Jo Smith"
get -c f.jar "$url/join/$(token_of)" > /dev/null
get -b f.jar "$url/" > dashboard.html
# ebe: e1 weighed; staff: s1 weighed (then revoked, still counted); managers: c1 did not.
grep -q '<tr><th scope="row">Experts by experience</th><td>1</td><td>1</td></tr>' dashboard.html ||
  fail "the dashboard's turnout for experts by experience"
grep -q '<tr><th scope="row">managers</th><td>1</td><td>0</td></tr>' dashboard.html ||
  fail "the dashboard's turnout for managers"
grep -q '<tr><th scope="row">Respects people&apos;s rights</th><td>64.3%</td><td>52.1%</td>' dashboard.html ||
  fail "the dashboard's weights by group"
if grep -q "Jo Smith" dashboard.html; then fail "the dashboard names someone"; fi
[[ $(code -b e1.jar -d "csrf=$csrf&note=x" "$url/freeze") == 404 ]] || fail "a member reached the freeze"
# Every report the dashboard links to is a download for the facilitator alone,
# named after the procurement, with the content its name says.
for file in report.html report.md report.json scores.csv methodology.md; do
  grep -q "<li><a href=\"/$file\" download>" dashboard.html || fail "the dashboard does not link to $file"
  [[ $(code -b e1.jar "$url/$file") == 404 ]] || fail "a member reached $file"
  [[ $(code "$url/$file") == 401 ]] || fail "$file without a session"
  get -i -b f.jar "$url/$file" > "dl-$file"
  grep -q "^HTTP/1.1 200" "dl-$file" || fail "$file: $(head -1 "dl-$file")"
  grep -qi "^Content-Disposition: attachment; filename=\"browser-$file\"" "dl-$file" ||
    fail "$file is not a download named browser-$file"
done
grep -qi "^Content-Type: text/html" dl-report.html || fail "the HTML report's type"
grep -q "<h1>Care records for the &lt;north&gt; team" dl-report.html || fail "the HTML report's title"
grep -qi "^Content-Type: text/markdown" dl-report.md || fail "the Markdown report's type"
grep -qF '# Care records for the \<north\> team' dl-report.md || fail "the Markdown report's title"
grep -qi "^Content-Type: application/json" dl-report.json || fail "the JSON report's type"
grep -q '"id": *"browser"' dl-report.json || fail "the JSON report's procurement"
grep -qi "^Content-Type: text/csv" dl-scores.csv || fail "the CSV's type"
grep -q "^id,name,eligible,rank,total,score:rights,score:records,score:upkeep,score:time," dl-scores.csv ||
  fail "the CSV's header: $(grep -m1 ^id dl-scores.csv)"
grep -q "Respects people's rights" dl-methodology.md || fail "the methodology's criteria"
[[ $(code -b f.jar "$url/report.pdf") == 404 ]] || fail "a report that does not exist"
f_csrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' dashboard.html | head -1 | sed 's/.*value="//; s/"//')
# Storing the decision: the form's token is required, and with no scores at
# all nothing is stored, and the page says why.
[[ $(code -b f.jar -d "action=decide" "$url/decision") == 403 ]] || fail "a decision without the form's token"
[[ $(code -b e1.jar -d "csrf=$csrf&action=decide" "$url/decision") == 404 ]] || fail "a member stored a decision"
[[ $(get -o refused.html -w '%{http_code}' -b f.jar -d "csrf=$f_csrf&action=decide" "$url/decision") == 422 ]] ||
  fail "a decision with no scores was not refused"
grep -q "No decision was stored:" refused.html || fail "the refusal does not say nothing was stored"
grep -qF "<li>Alpha Care has no score yet on: Respects people&apos;s rights, Shares records safely, Affordable to keep running, Gives time back for people. The evaluators need to score these before the decision can be stored.</li>" refused.html ||
  fail "the refusal does not say which scores are missing: $(grep -A3 "No decision" refused.html)"
[[ $(code -b f.jar -d "csrf=$f_csrf&note=+" "$url/freeze") == 422 ]] || fail "a freeze without a note"
[[ $(code -b f.jar -d "csrf=$f_csrf&note=weights+agreed" "$url/freeze") == 303 ]] || fail "the facilitator's freeze"
run 0 history p
grep -q "Jo Smith (user:[0-9]*)  freeze" out.txt || fail "the freeze is not logged as Jo Smith's: $(grep freeze out.txt)"
# The moment logged, in words: worked out here by date(1) from the stored one.
fixed_at=$(sqlite3 p/weighbridge.db "SELECT at FROM freeze")
fixed_words=$(LC_ALL=C date -u -d "$fixed_at" '+%-d %B %Y, %H:%M UTC')
get -b f.jar "$url/" | grep -qF "<p>The method was fixed on $fixed_words.</p>" ||
  fail "the dashboard does not say the method was fixed on $fixed_words"

# Results reach members only when the facilitator shares them, and stop when they stop.
get -b e1.jar "$url/done?node=root" > unshared.html
if grep -q "The ranking as it stands" unshared.html; then fail "a member saw the results before they were shared"; fi
[[ $(code -b e1.jar -d "csrf=$csrf&share=1" "$url/share") == 404 ]] || fail "a member shared the results"
[[ $(code -b f.jar -d "csrf=$f_csrf&share=1" "$url/share") == 303 ]] || fail "the facilitator's share"
[[ $(code -b f.jar -d "csrf=$f_csrf&share=1" "$url/share") == 303 ]] || fail "sharing again"
get -b e1.jar "$url/done?node=root" > shared.html
grep -q "<li>Alpha Care</li>" shared.html || fail "the shared ranking"
grep -q "<p>Your group&apos;s own first choice, Alpha Care, is also the whole panel&apos;s.</p>" shared.html ||
  fail "the group's first choice beside the panel's"
run 0 history p
[[ $(grep -c "Jo Smith (user:[0-9]*)  share the results with the people taking part from a browser$" out.txt) == 1 ]] ||
  fail "sharing twice should log once: $(grep share out.txt)"
[[ $(code -b f.jar -d "csrf=$f_csrf&share=0" "$url/share") == 303 ]] || fail "the facilitator's unshare"
if get -b e1.jar "$url/done?node=root" | grep -q "The ranking as it stands"; then fail "the results still show after unsharing"; fi

# --- the freeze closes the weighting -------------------------------------------------------
[[ $(code -b e1.jar "$url/weigh?node=root") == 409 ]] || fail "the form is open after the freeze"
[[ $(code -b e1.jar -d "csrf=$csrf&action=send&$consistent" "$url/weigh?node=root") == 409 ]] ||
  fail "answers were taken after the freeze"

kill -TERM "$server"
wait "$server" || fail "serve did not exit 0 on SIGTERM"
# Stored from the browser: e1's judgements and s1's, one version each.
[[ "$(tail -1 serve.txt)" == "weighbridge: stopped; 2 new versions of answers were stored while it ran" ]] ||
  fail "serve's last line: $(tail -1 serve.txt)"
run 0 verify p

# --- a translated catalogue: its texts, and English for what it lacks ----------------------
printf '[welcome]\ntitle = "Croeso"\n' > cy.toml
"$weighbridge" serve p --port 0 --messages cy.toml > serve_cy.txt 2> serve_cy.err &
server_cy=$!
for _ in $(seq 50); do grep -q "serving" serve_cy.txt 2>/dev/null && break; sleep 0.1; done
cy_url=$(grep -o 'http://[0-9.]*:[0-9]*' serve_cy.txt)
get -c cy.jar "$cy_url/join/$e1_token" > /dev/null
get -b cy.jar "$cy_url/" > cy.html
grep -q "<h1>Croeso</h1>" cy.html || fail "the translated title"
grep -q '<a class="button" href="/criteria">Start</a>' cy.html || fail "an untranslated text is not in English"
grep -q "^weighbridge: cy.toml lacks [0-9]* of the English texts; those show in English$" serve_cy.err ||
  fail "serve does not say what the catalogue lacks: $(cat serve_cy.err)"
kill -TERM "$server_cy"
wait "$server_cy" || fail "the third server did not exit 0"

# --- evaluators, on a second procurement with a price share and costs ----------------
mkdir q
run 0 init q --framework social-care-digital
cat > q/procurement.toml <<'TOML'
[procurement]
id = "scored"
title = "Scored in the browser"
currency = "GBP"
framework = "framework.toml"
term_years = 5

[price]
share = 0.3
TOML
cat > q/framework.toml <<'TOML'
[framework]
id = "two"
version = "1.0.0"
title = "Two criteria"

[scale]
min = 0
max = 2
moderation_threshold = 1
levels = [
  { value = 0, label = "Poor", descriptor = "The need is not met." },
  { value = 1, label = "Fair", descriptor = "The need is partly met." },
  { value = 2, label = "Good", descriptor = "The need is fully met, with evidence." },
]

[[criterion]]
id = "rights"
title = "Respects people's rights"
assess = "judgement"

[[criterion]]
id = "records"
title = "Shares records safely"
assess = "judgement"
TOML
cat > q/candidates.toml <<'TOML'
[[candidate]]
id = "alpha"
name = "Alpha Care"
supplier = "Alpha Ltd"

[candidate.costs]
annual = { licence = 87654 }

[[candidate]]
id = "beta"
name = "Beta Care"
supplier = "Beta Ltd"

[candidate.costs]
annual = { licence = 76543 }
TOML
cat > q/scores.toml <<'TOML'
[[assignment]]
evaluator = "x2"
criteria = ["rights", "records"]

[[score]]
evaluator = "x2"
candidate = "alpha"
criterion = "rights"
value = 0
rationale = "No way for people to see their record"

[[score]]
evaluator = "x2"
candidate = "alpha"
criterion = "records"
value = 1
rationale = "Shares by email attachment"
TOML
printf '[[group]]\nid = "staff"\n\n[[member]]\nid = "m9"\ngroup = "staff"\n' > q/panel.toml
run 0 import q q/procurement.toml q/candidates.toml q/panel.toml
run 0 invite q --evaluator x1
q_x1_token=$(token_of)
"$weighbridge" serve q --port 0 > serve_q.txt 2> serve_q.err &
server_q=$!
for _ in $(seq 50); do grep -q "serving" serve_q.txt 2>/dev/null && break; sleep 0.1; done
q_url=$(grep -o 'http://[0-9.]*:[0-9]*' serve_q.txt)
get -c q.jar "$q_url/join/$q_x1_token" > /dev/null
get -b q.jar "$q_url/declare" > declare.html
q_csrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' declare.html | sed 's/.*value="//; s/"//')

# Before the method is fixed, scoring has not started (the workspace would
# refuse scores): the bids say so.
get -b q.jar -d "csrf=$q_csrf&interest=none" "$q_url/declare" -o /dev/null
[[ $(get -o /dev/null -w '%{http_code}' -b q.jar "$q_url/scores") == 409 ]] || fail "scoring before the freeze"
run 0 freeze q --note "method fixed before scoring"
run 0 import q q/scores.toml

# The declaration comes before any bid: the bids redirect to it until it is made.
run 0 invite q --evaluator x3
get -c q3.jar "$q_url/join/$(token_of)" > /dev/null
[[ $(get -o /dev/null -w '%{http_code} %{redirect_url}' -b q3.jar "$q_url/") == "303 $q_url/declare" ]] ||
  fail "an undeclared evaluator was not sent to the declaration"
[[ $(get -o /dev/null -w '%{http_code}' -b q3.jar "$q_url/score?candidate=alpha") == 303 ]] ||
  fail "an undeclared evaluator reached a bid"
[[ $(get -o /dev/null -w '%{http_code} %{redirect_url}' -b q.jar "$q_url/") == "303 $q_url/scores" ]] ||
  fail "a declared evaluator was not sent to the bids"
grep -q '<label for="interest-2">Yes, in Beta Ltd</label>' declare.html || fail "the declaration names the suppliers"
[[ $(get -o /dev/null -w '%{http_code}' -b q.jar -d "csrf=$q_csrf&interest=supplier:Beta Ltd&text=" "$q_url/declare") == 422 ]] ||
  fail "an interest without its text was taken"
run 0 history q
grep -q "x1 (user:[0-9]*)  declare" out.txt || fail "the declaration is not in the log: $(grep declare out.txt)"

# Scoring: the scale's levels with their words; nothing about costs, ever.
get -b q.jar "$q_url/scores" > scores.html
grep -q '<a href="/score?candidate=alpha">Score Alpha Care</a>: 2 still to score' scores.html || fail "the bids list"
get -b q.jar "$q_url/score?candidate=alpha" > score.html
grep -q '<strong>2 Good</strong>: The need is fully met, with evidence.' score.html || fail "the scale's words beside the choice"
grep -q "You will see the other evaluators&apos; scores for this bid when you have scored all of it." score.html ||
  fail "the others' scores are not said to be hidden"
if grep -q "No way for people" score.html; then fail "x2's score was shown before x1 scored"; fi
for page in scores.html score.html declare.html; do
  if grep -q "87654\|87,654\|76543\|76,543" "$page"; then fail "$page shows a cost"; fi
done
# A score without its reason is refused; a complete bid shows the others' scores.
[[ $(get -o /dev/null -w '%{http_code}' -b q.jar -d "csrf=$q_csrf&s:rights=2&r:rights=" "$q_url/score?candidate=alpha") == 422 ]] ||
  fail "a score without a reason was taken"
get -b q.jar -d "csrf=$q_csrf&s:rights=2&r:rights=Clear+access+for+people&e:rights=Section+4" "$q_url/score?candidate=alpha" -o /dev/null
get -b q.jar "$q_url/score?candidate=alpha" > score_half.html
if grep -q "No way for people\|<td>x2</td>" score_half.html; then fail "x2's scores shown after only half of the bid"; fi
grep -q "Clear access for people" score_half.html || fail "x1's saved reason is not shown again"
get -b q.jar -d "csrf=$q_csrf&s:records=1&r:records=Email+only" "$q_url/score?candidate=alpha" -o /dev/null
get -b q.jar "$q_url/score?candidate=alpha" > score_full.html
grep -q "<tr><td>Respects people&apos;s rights</td><td>x2</td><td>0</td></tr>" score_full.html ||
  fail "x2's scores are not shown once x1 scored the whole bid"
run 0 scores q --as x1
grep -q "alpha" out.txt || fail "x1's scores are not in the workspace: $(cat out.txt)"

# The facilitator moderates: x1 gave rights 2, x2 gave 0, more than 1 apart.
run 0 invite q --facilitator "Jo Smith"
get -c qf.jar "$q_url/join/$(token_of)" > /dev/null
get -b qf.jar "$q_url/" > q_dashboard.html
grep -q "<legend>Alpha Care on Respects people&apos;s rights: x1 2, x2 0 (2 apart)</legend>" q_dashboard.html ||
  fail "the spread to moderate: $(grep -o '<legend>[^<]*' q_dashboard.html)"
qf_csrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' q_dashboard.html | head -1 | sed 's/.*value="//; s/"//')
[[ $(get -o /dev/null -w '%{http_code}' -b qf.jar -d "csrf=$qf_csrf&candidate=alpha&criterion=rights&value=1&note=" "$q_url/moderate") == 422 ]] ||
  fail "a consensus without its note"
[[ $(get -o /dev/null -w '%{http_code}' -b qf.jar -d "csrf=$qf_csrf&candidate=alpha&criterion=rights&value=1&note=Agreed+at+the+meeting" "$q_url/moderate") == 303 ]] ||
  fail "the consensus"
run 0 moderate q
[[ "$(cat out.txt)" == "no spread of scores needs moderation" ]] || fail "moderate after the consensus: $(cat out.txt)"
get -b qf.jar "$q_url/" | grep -q "No scores are far enough apart to need moderation." || fail "the dashboard still asks for moderation"
# Shared with evaluators: the ranking by name, still no cost.
[[ $(get -o /dev/null -w '%{http_code}' -b qf.jar -d "csrf=$qf_csrf&share=1" "$q_url/share") == 303 ]] || fail "share in q"
get -b q.jar "$q_url/scores" > scores_shared.html
grep -q "<li>Alpha Care</li>" scores_shared.html || fail "the evaluator does not see the shared ranking"
if grep -q "87654\|87,654\|76543\|76,543" scores_shared.html; then fail "the shared results show a cost"; fi
# The decision: refused while Beta Care is unscored, stored once x2 has
# scored it (imported by another program while the server runs).
[[ $(get -o q_refused.html -w '%{http_code}' -b qf.jar -d "csrf=$qf_csrf&action=decide" "$q_url/decision") == 422 ]] ||
  fail "a decision with Beta Care unscored was stored"
grep -q "No decision was stored:" q_refused.html || fail "the refusal in q"
grep -qF "<li>Beta Care has no score yet on: Respects people&apos;s rights, Shares records safely." q_refused.html ||
  fail "the refusal in q does not name Beta Care's missing scores"
if grep -q "Alpha Care has no score" q_refused.html; then fail "Alpha Care, scored, is named as missing scores"; fi
cat > beta.toml <<'TOML'
[[score]]
evaluator = "x2"
candidate = "beta"
criterion = "rights"
value = 2
rationale = "People can read and correct their record online"

[[score]]
evaluator = "x2"
candidate = "beta"
criterion = "records"
value = 2
rationale = "Shares through the local care record"
TOML
run 0 import q beta.toml
[[ $(get -o /dev/null -w '%{http_code} %{redirect_url}' -b qf.jar -d "csrf=$qf_csrf&action=decide" "$q_url/decision") == "303 $q_url/?decision=1" ]] ||
  fail "the decision was not stored as decision 1"
[[ "$(sqlite3 q/weighbridge.db 'SELECT COUNT(*) FROM decision')" == 1 ]] || fail "not one decision in the workspace"
q_head=$(sqlite3 q/weighbridge.db "SELECT hash FROM audit WHERE seq = (SELECT audit_seq FROM decision WHERE number = 1)")
get -b qf.jar "$q_url/?decision=1" > q_decided.html
grep -qF "Stored as decision 1. The record&apos;s fingerprint is now $q_head. To check later that nothing since has been taken out of the record, run: weighbridge verify q --head $q_head" q_decided.html ||
  fail "the dashboard does not give the stored decision: $(grep -o 'Stored as[^<]*' q_decided.html)"
run 0 history q
grep -q "Jo Smith (user:[0-9]*)  decision" out.txt || fail "the decision is not logged as Jo Smith's: $(grep decision out.txt)"
kill -TERM "$server_q"
wait "$server_q" || fail "the second server did not exit 0"
# Made again from the record, the decision is the same, byte for byte.
run 0 report q --decision 1 -o q_decision.md
grep -qF "This is decision 1 in the workspace; the audit log's head at that moment was \`$q_head\`" q_decision.md ||
  fail "report --decision 1 does not reproduce the browser's decision: $(cat err.txt)"
run 0 verify q --head "$q_head"
# x1's declaration, their two saves of scores, and the consensus.
[[ "$(tail -1 serve_q.txt)" == "weighbridge: stopped; 4 new versions of answers were stored while it ran" ]] ||
  fail "the second server's last line: $(tail -1 serve_q.txt)"
run 0 verify q
[[ $failures == 0 ]] || exit 1

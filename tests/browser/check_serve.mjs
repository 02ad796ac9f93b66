// Takes part in `weighbridge serve` as panel members would, in Debian's
// Chromium driven by playwright-core, by keyboard alone. Usage:
//
//   node check_serve.mjs URL OUT_DIR METHOD=TOKEN...
//
// METHOD is the weighing method of the member's group (pairwise, rank,
// points, swing or direct) and TOKEN their personal link's token; or
// "evaluator", and an evaluator's token (the method must be fixed): they
// declare no interests, then score the first bid on each criterion, 3 for
// rights, 4 for records and 1 for upkeep, each with a reason; or
// "facilitator", whose dashboard must show each of the five groups with one
// member who has weighed, and who then records a consensus on the one spread
// of scores (e1 3 and e2 0 on rights), stores the decision (the evaluator
// before must have scored the only bid) and downloads the HTML report. For each
// member it opens the link, goes from the welcome page to the criteria, fills
// in the form by the group's method with the keyboard only (Tab, typing,
// Space and arrow keys, Enter), looks at the preview, sends, and checks the
// weights on the thanks page against the values worked out by hand below.
// On every page it meets, it checks that
//   * axe-core finds no WCAG 2.0, 2.1 or 2.2 level A or AA violation;
//   * the page does not scroll sideways at 390 CSS pixels (a phone) or at
//     1280, and saves a screenshot at both widths in OUT_DIR
//     (serve-METHOD-PAGE-WIDTH.png), for people to look at;
//   * nothing on it can run (no script, on* attribute or javascript: link).
// The points member first sends points that do not add up, to check the
// page that says so. Last, a context that keeps the server's
// Content-Security-Policy checks that the policy blocks nothing the pages use.
//
// Exit status: 0 all checks passed, 1 a check failed, 2 the checks could not run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const kChromium = process.env.WEIGHBRIDGE_CHROMIUM || '/usr/bin/chromium';
const kChromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                       '--disable-background-networking', '--disable-component-update',
                       '--disable-sync'];
const kAxeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const kWidths = [390, 1280];

// The three criteria of run_serve_check.sh, in order.
const kCriteria = ['rights', 'records', 'upkeep'];
const kTitles = ['Respects people\'s rights', 'Shares records safely', 'Affordable to keep running'];

// What each member types, and the weights that must follow, worked by hand.
const kAnswers = {
  // Rights 3x records, 9x upkeep; records 3x upkeep: weights 9 : 3 : 1, of 13.
  pairwise: { pairs: { 'rights/records': '3', 'rights/upkeep': '9', 'records/upkeep': '3' },
              expect: ['69.2%', '23.1%', '7.7%'] },
  // Rank-order centroid for 3: (1 + 1/2 + 1/3)/3, (1/2 + 1/3)/3, (1/3)/3.
  rank: { values: ['1', '2', '3'], expect: ['61.1%', '27.8%', '11.1%'] },
  points: { values: ['50', '30', '20'], expect: ['50.0%', '30.0%', '20.0%'] },
  // 100, 50, 50 out of 200.
  swing: { values: ['100', '50', '50'], expect: ['50.0%', '25.0%', '25.0%'] },
  // 2, 1, 1 out of 4.
  direct: { values: ['2', '1', '1'], expect: ['50.0%', '25.0%', '25.0%'] },
};
// The answers a pair's radio buttons give, in order (judgement_form.h).
const kPairAnswers = ['9', '7', '5', '3', '1', '1/3', '1/5', '1/7', '1/9'];

const failures = [];
function Fail(message) { failures.push(message); console.log(`FAIL ${message}`); }
function Pass(message) { console.log(`ok   ${message}`); }

// Presses Tab until the focused element matches `selector`: the way a
// keyboard user gets there. Fails after 100 presses.
async function TabTo(page, selector, what) {
  for (let i = 0; i < 100; ++i) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${what} (${selector})`);
}

async function CheckPage(page, axePath, method, name, outDir) {
  const label = `${method}: ${name} page`;
  const before = failures.length;
  const active = await page.evaluate(() => {
    const found = [...document.querySelectorAll('script')].map(() => '<script>');
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) found.push(`${element.localName} ${attribute.name}`);
        if (attribute.value.trim().toLowerCase().startsWith('javascript:')) found.push('javascript:');
      }
    }
    return found;
  });
  if (active.length) Fail(`${label}: active content: ${active.join(', ')}`);
  for (const width of kWidths) {
    await page.setViewportSize({ width, height: 900 });
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    if (scroll > client) Fail(`${label}: at ${width}px the page is ${scroll}px wide and scrolls sideways`);
    await page.screenshot({ path: path.join(outDir, `serve-${method}-${name}-${width}.png`),
                            fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  // axe's script is added to a copy of the page, not to the page itself, so
  // the page under test keeps running without any script.
  const html = await page.content();
  const copy = await page.context().newPage();
  await copy.setContent(html.replace('href="/style.css"', `href="${new URL('/style.css', page.url())}"`),
                        { waitUntil: 'load' });
  await copy.addScriptTag({ path: axePath });
  const result = await copy.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id} [${v.impact}] ${v.help}: ` +
                                   v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; '));
  }, kAxeTags);
  await copy.close();
  for (const violation of result) Fail(`${label}: axe ${violation}`);
  if (failures.length === before) {
    Pass(`${label}: no WCAG 2.2 A/AA violation; nothing runs; fits 390px and 1280px`);
  }
}

async function FillNumbers(page, values) {
  for (let i = 0; i < kCriteria.length; ++i) {
    await TabTo(page, `input[name="v:${kCriteria[i]}"]`, `the field for ${kCriteria[i]}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(values[i]);
  }
}

async function FillPairs(page, pairs) {
  for (const [pair, answer] of Object.entries(pairs)) {
    // Tab lands on the group's first button; Space checks it, and each arrow
    // press moves one button on and checks that one.
    await TabTo(page, `input[name="p:${pair}"]`, `the pair ${pair}`);
    const steps = kPairAnswers.indexOf(answer);
    if (steps === 0) await page.keyboard.press('Space');
    for (let i = 0; i < steps; ++i) await page.keyboard.press('ArrowDown');
  }
}

async function Submit(page, value) {
  await TabTo(page, `button[value="${value}"]`, `the ${value} button`);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

async function TakePart(browser, url, method, token, axePath, outDir) {
  const answers = kAnswers[method];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${url}/join/${token}`);
    if (new URL(page.url()).pathname !== '/') Fail(`${method}: the link did not lead to /`);
    await CheckPage(page, axePath, method, 'welcome', outDir);
    await TabTo(page, 'a[href="/criteria"]', 'Start');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await CheckPage(page, axePath, method, 'criteria', outDir);
    await TabTo(page, 'a[href^="/weigh"]', 'the link to weigh');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await CheckPage(page, axePath, method, 'weigh', outDir);
    if (method === 'points') {
      await FillNumbers(page, ['50', '30', '10']);
      await Submit(page, 'preview');
      const problem = await page.locator('.problems li').allInnerTexts();
      if (problem.join() === 'Your points add up to 90. They must add up to 100.') {
        Pass('points: the sum of 90 is refused in plain words');
      } else {
        Fail(`points: the problem shown was ${JSON.stringify(problem)}`);
      }
      await CheckPage(page, axePath, method, 'problem', outDir);
    }
    if (answers.pairs) await FillPairs(page, answers.pairs);
    else await FillNumbers(page, answers.values);
    await Submit(page, 'preview');
    await CheckPage(page, axePath, method, 'preview', outDir);
    await Submit(page, 'send');
    await CheckPage(page, axePath, method, 'done', outDir);
    const cells = await page.locator('tbody tr').evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('th').innerText, row.querySelector('td').innerText]));
    const got = JSON.stringify(cells);
    const want = JSON.stringify(kTitles.map((title, i) => [title, answers.expect[i]]));
    if (got === want) Pass(`${method}: by keyboard alone, the thanks page shows ${answers.expect.join(', ')}`);
    else Fail(`${method}: the thanks page shows ${got}, not ${want}`);
  } finally {
    await context.close();
  }
}

async function Evaluate(browser, url, token, axePath, outDir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${url}/join/${token}`);
    if (new URL(page.url()).pathname !== '/declare') Fail('evaluator: not sent to the declaration first');
    await CheckPage(page, axePath, 'evaluator', 'declare', outDir);
    await TabTo(page, 'input[name="interest"][value="none"]', 'no interests');
    await page.keyboard.press('Space');
    await Submit(page, 'declare');
    if (new URL(page.url()).pathname !== '/scores') Fail('evaluator: not sent to the bids after declaring');
    await CheckPage(page, axePath, 'evaluator', 'scores', outDir);
    await TabTo(page, 'a[href^="/score?"]', 'the first bid');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await CheckPage(page, axePath, 'evaluator', 'score', outDir);
    const given = { rights: 3, records: 4, upkeep: 1 };
    for (const [criterion, value] of Object.entries(given)) {
      // The first level (0) takes focus; each arrow press checks the next.
      await TabTo(page, `input[name="s:${criterion}"]`, `the scores for ${criterion}`);
      for (let i = 0; i < value; ++i) await page.keyboard.press('ArrowDown');
      await TabTo(page, `textarea[name="r:${criterion}"]`, `the reason for ${criterion}`);
      await page.keyboard.type(`Reason for ${criterion}`);
    }
    await Submit(page, 'save');
    await CheckPage(page, axePath, 'evaluator', 'saved', outDir);
    const checked = await page.evaluate(() => Object.fromEntries(
        [...document.querySelectorAll('input[type="radio"]:checked')]
            .map((input) => [input.name.slice(2), Number(input.value)])));
    const note = await page.locator('p.note').innerText().catch(() => '');
    if (JSON.stringify(checked) === JSON.stringify(given) && note === 'Your scores are saved.') {
      Pass('evaluator: by keyboard alone, declared and scored 3, 4 and 1, and the scores are saved');
    } else {
      Fail(`evaluator: after saving, checked ${JSON.stringify(checked)}, note ${JSON.stringify(note)}`);
    }
  } finally {
    await context.close();
  }
}

async function Facilitate(browser, url, token, axePath, outDir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${url}/join/${token}`);
    await CheckPage(page, axePath, 'facilitator', 'dashboard', outDir);
    const turnout = await page.locator('table').first().locator('tbody tr').evaluateAll((rows) =>
        rows.map((row) => [...row.children].map((cell) => cell.innerText)));
    const want = Object.keys(kAnswers).map((method) => [`People who weigh by ${method}`, '1', '1']);
    if (JSON.stringify(turnout) === JSON.stringify(want)) {
      Pass('facilitator: the dashboard counts one member in each group, each having weighed');
    } else {
      Fail(`facilitator: the turnout shown is ${JSON.stringify(turnout)}`);
    }
    // The browser evaluator gave rights 3, the second evaluator 0: one spread.
    const legends = await page.locator('form[action="/moderate"] legend').allInnerTexts();
    if (JSON.stringify(legends) ===
        JSON.stringify(['Alpha Care on Respects people\'s rights: e1 3, e2 0 (3 apart)'])) {
      Pass('facilitator: the one spread to moderate is shown with both scores');
    } else {
      Fail(`facilitator: the spreads shown are ${JSON.stringify(legends)}`);
    }
    await TabTo(page, 'input[name="value"]', 'the agreed score');
    await page.keyboard.type('2');
    await TabTo(page, 'textarea[name="note"]', 'how it was agreed');
    await page.keyboard.type('Agreed at the panel meeting');
    await Submit(page, 'moderate');
    await CheckPage(page, axePath, 'facilitator', 'moderated', outDir);
    if (await page.getByText('No scores are far enough apart to need moderation.').count() === 1) {
      Pass('facilitator: by keyboard alone, the consensus is recorded and nothing is left to moderate');
    } else {
      Fail('facilitator: after the consensus the dashboard still asks for moderation');
    }
    // Every bid is scored and the spread agreed: the decision can be stored,
    // and it is the workspace's first.
    await Submit(page, 'decide');
    await CheckPage(page, axePath, 'facilitator', 'decided', outDir);
    const stored = await page.locator('p.note').allInnerTexts();
    if (stored.some((text) => /^Stored as decision 1\. The record's fingerprint is now [0-9a-f]{64}\./.test(text))) {
      Pass('facilitator: by keyboard alone, the decision is stored as decision 1');
    } else {
      Fail(`facilitator: after storing the decision the page says ${JSON.stringify(stored)}`);
    }
    // The report downloads as a file named after the procurement, by keyboard.
    await TabTo(page, 'a[href="/report.html"]', 'the report to download');
    const [download] = await Promise.all([page.waitForEvent('download'),
                                          page.keyboard.press('Enter')]);
    const report = readFileSync(await download.path(), 'utf8');
    if (download.suggestedFilename() === 'browser-check-report.html' &&
        report.includes('<h1>Care records for the north team')) {
      Pass('facilitator: by keyboard alone, the report downloads as browser-check-report.html');
    } else {
      Fail(`facilitator: the download is ${download.suggestedFilename()}, ${report.length} bytes`);
    }
  } finally {
    await context.close();
  }
}

// Without bypassing anything: the policy must let the style sheet load and
// must not report a violation.
async function CheckPolicy(browser, url, token) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/join/${token}`);
  const { background, violations } = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { background: getComputedStyle(document.querySelector('a.button')).backgroundColor,
             violations: seen };
  });
  if (background === 'rgb(29, 63, 110)' && violations.length === 0) {
    Pass('under the server\'s Content-Security-Policy the style sheet applies and nothing is blocked');
  } else {
    Fail(`under the policy: button background ${background}, violations ${violations.join(', ')}`);
  }
  await context.close();
}

async function Main() {
  const [url, outDir, ...members] = process.argv.slice(2);
  if (!url || !outDir || members.length === 0) {
    console.error('usage: node check_serve.mjs URL OUT_DIR (METHOD|evaluator)=TOKEN...');
    return 2;
  }
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  const browser = await chromium.launch({ executablePath: kChromium, headless: true,
                                          args: kChromiumArgs });
  try {
    let last = null;
    for (const member of members) {
      const [method, token] = member.split('=');
      if (method === 'evaluator') {
        await Evaluate(browser, url, token, axePath, outDir);
        continue;
      }
      if (method === 'facilitator') {
        await Facilitate(browser, url, token, axePath, outDir);
        continue;
      }
      if (!kAnswers[method]) throw new Error(`no answers for method ${method}`);
      await TakePart(browser, url, method, token, axePath, outDir);
      last = token;
    }
    if (last) await CheckPolicy(browser, url, last);
  } finally {
    await browser.close();
  }
  if (failures.length === 0) { console.log('check_serve: every check passed'); return 0; }
  console.log(`check_serve: ${failures.length} check(s) failed`);
  return 1;
}

Main().then((status) => process.exit(status), (error) => {
  console.error(`check_serve: could not run the checks: ${error.stack || error}`);
  process.exit(2);
});

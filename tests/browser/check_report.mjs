// Opens a weighbridge HTML report in Debian's Chromium and checks it as a reader
// would meet it. Usage:
//
//   node check_report.mjs REPORT.html [--screenshot FILE.png] [--pdf FILE.pdf]
//                         [--expect-text TEXT]...
//
// Every run checks that:
//   * the page loads nothing but the file itself (the report must be readable
//     offline and must not tell anyone that it was opened);
//   * nothing on the page can run: no <script>, no on* attribute, no javascript:
//     link, and no dialog opened while loading (user text is escaped, not run);
//   * axe-core finds no WCAG 2.0, 2.1 or 2.2 level A or AA violation, and text
//     in SVG charts, which axe cannot judge, has a contrast of 4.5:1 or more;
//   * the page does not scroll sideways at 1280 CSS pixels wide, nor at 320
//     unless only because of a data table (WCAG 1.4.10 Reflow allows that);
//   * it prints: with print media emulated, an A4 PDF renders.
// --expect-text asserts that the visible text holds TEXT literally (for hostile
// names that must show as text). --screenshot saves a full-page PNG for review.
//
// Exit status: 0 all checks passed, 1 a check failed, 2 the checks could not run
// (bad arguments, no Chromium, the file not found).
//
// This script is copied into the build tree next to node_modules, so the imports
// below resolve from there (see CMakeLists.txt).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const kChromium = process.env.WEIGHBRIDGE_CHROMIUM || '/usr/bin/chromium';

// Chromium's own background traffic (component updates, sync, QUIC probes) is
// refused on a closed network and can stall start-up; none of it is needed here.
const kChromiumArgs = [
  '--no-sandbox',  // tests run as root in CI, where the sandbox will not start
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The WCAG 2.2 A and AA rule sets. axe tags each rule with the version that
// introduced its criterion, so all five tags are needed to cover 2.2 AA.
const kAxeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function Usage(message) {
  console.error(`check_report: ${message}`);
  console.error(
      'usage: node check_report.mjs REPORT.html [--screenshot FILE.png] [--pdf FILE.pdf] ' +
      '[--expect-text TEXT]...');
  process.exit(2);
}

function ParseArgs(argv) {
  const options = { report: null, screenshot: null, pdf: null, expectTexts: [] };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) Usage(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--screenshot') options.screenshot = value();
    else if (arg === '--pdf') options.pdf = value();
    else if (arg === '--expect-text') options.expectTexts.push(value());
    else if (arg.startsWith('--')) Usage(`unknown option '${arg}'`);
    else if (options.report === null) options.report = arg;
    else Usage(`unexpected argument '${arg}'`);
  }
  if (options.report === null) Usage('no report given');
  return options;
}

const failures = [];
function Fail(message) {
  failures.push(message);
  console.log(`FAIL ${message}`);
}
function Pass(message) {
  console.log(`ok   ${message}`);
}

// Anything on the page that could run code. Checked before axe is injected,
// since axe arrives as a <script> of its own.
function FindActiveContent() {
  const found = [];
  for (const script of document.querySelectorAll('script')) {
    found.push(`<script> ${script.outerHTML.slice(0, 80)}`);
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) {
        found.push(`<${element.localName} ${name}="${attribute.value.slice(0, 60)}">`);
      }
      if ((name === 'href' || name === 'src' || name === 'action' || name === 'formaction') &&
          attribute.value.trim().toLowerCase().startsWith('javascript:')) {
        found.push(`<${element.localName} ${name}="${attribute.value.slice(0, 60)}">`);
      }
    }
  }
  for (const tag of ['iframe', 'object', 'embed', 'frame']) {
    for (const element of document.querySelectorAll(tag)) found.push(`<${tag}>`);
  }
  return found;
}

function PrintViolation(violation) {
  const targets = violation.nodes.slice(0, 5).map((node) => node.target.join(' '));
  const more = violation.nodes.length > targets.length
      ? ` (and ${violation.nodes.length - targets.length} more)` : '';
  Fail(`axe ${violation.id} [${violation.impact}] ${violation.help}; ` +
       `${violation.nodes.length} element(s)${more}`);
  for (const target of targets) console.log(`       at ${target}`);
  const summary = violation.nodes[0]?.failureSummary;
  if (summary) console.log(`       ${summary.replace(/\n/g, '\n       ')}`);
  console.log(`       ${violation.helpUrl}`);
}

// Elements that stick out to the right of the page at this viewport width and
// would make the page scroll sideways: the outermost ones (naming their
// children too would only repeat them), and none inside a box that scrolls or
// clips on its own.
function FindWideElements() {
  const width = document.documentElement.clientWidth;
  const sticksOut = (element) => element.getBoundingClientRect().right > width + 1;
  const contained = (element) => {
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll('*')]
      .filter((element) => sticksOut(element) && !sticksOut(element.parentElement) &&
                           !contained(element))
      .map((element) => {
        const label = element.querySelector(':scope > caption')?.textContent ||
                      element.textContent;
        const right = element.getBoundingClientRect().right;
        return {
          right,
          inTable: element.closest('table') !== null,
          text: `<${element.localName}${element.className ? ` class="${element.className}"` : ''}>` +
                ` "${label.trim().replace(/\s+/g, ' ').slice(0, 60)}" reaches ${Math.round(right)}px`,
        };
      })
      .sort((a, b) => b.right - a.right);
  return { width, scroll: document.documentElement.scrollWidth, wide };
}

// axe leaves text inside SVG charts as "needs review" (it cannot see what is
// behind it), so this measures it: the text's fill against the fill of the
// shape under its middle, or the page's background where there is none, by
// WCAG's contrast formula. Chart text is small, so 4.5:1 is needed (1.4.3).
function FindFaintSvgText() {
  const channels = (color) => {
    const match = color.match(/rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:[,/]\s*([\d.]+))?/);
    if (!match) return null;
    return { rgb: [match[1], match[2], match[3]].map(Number),
             alpha: match[4] === undefined ? 1 : Number(match[4]) };
  };
  const luminance = ([r, g, b]) => {
    const linear = (c) => (c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const pageBackground = (element) => {
    for (let up = element; up; up = up.parentElement) {
      const color = channels(getComputedStyle(up).backgroundColor);
      if (color && color.alpha === 1) return color.rgb;
    }
    return [255, 255, 255];
  };
  const faint = [];
  let measured = 0;
  for (const text of document.querySelectorAll('svg text')) {
    if (!text.textContent.trim()) continue;
    text.scrollIntoView({ block: 'center', inline: 'center' });
    const box = text.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const fill = channels(getComputedStyle(text).fill);
    if (!fill) continue;
    let background = null;
    for (const under of document.elementsFromPoint(x, y)) {
      if (under === text || !(under instanceof SVGGraphicsElement) ||
          under instanceof SVGTextElement || under instanceof SVGSVGElement) continue;
      const shape = channels(getComputedStyle(under).fill);
      if (shape && shape.alpha === 1) { background = shape.rgb; break; }
    }
    background ??= pageBackground(text.ownerSVGElement);
    const [lighter, darker] = [luminance(fill.rgb), luminance(background)].sort((a, b) => b - a);
    const ratio = (lighter + 0.05) / (darker + 0.05);
    ++measured;
    if (ratio < 4.5) {
      faint.push(`"${text.textContent.trim().slice(0, 40)}" (${getComputedStyle(text).fill} ` +
                 `on rgb(${background.join(', ')})) has contrast ${ratio.toFixed(2)}:1`);
    }
  }
  window.scrollTo(0, 0);
  return { measured, faint };
}

async function CheckWidth(page, width, { tablesMayScroll }) {
  await page.setViewportSize({ width, height: 900 });
  const { scroll, wide } = await page.evaluate(FindWideElements);
  const faults = tablesMayScroll ? wide.filter((element) => !element.inTable) : wide;
  if (scroll <= width || faults.length === 0) {
    const tables = scroll > width ? ` (only tables scroll, as WCAG 1.4.10 allows)` : '';
    Pass(`fits ${width}px wide without scrolling sideways${tables}`);
    return;
  }
  Fail(`at ${width}px wide the page is ${scroll}px wide and scrolls sideways` +
       `${tablesMayScroll ? ' (WCAG 1.4.10)' : ''}; what sticks out:`);
  for (const element of faults.slice(0, 5)) console.log(`       ${element.text}`);
  if (faults.length > 5) console.log(`       (and ${faults.length - 5} more)`);
}

async function Main() {
  const options = ParseArgs(process.argv.slice(2));
  const reportPath = path.resolve(options.report);
  if (!existsSync(reportPath)) Usage(`no such report: ${reportPath}`);
  if (!existsSync(kChromium)) {
    Usage(`Chromium not found at ${kChromium}: run scripts/install-deps ` +
          '(or set WEIGHBRIDGE_CHROMIUM)');
  }
  const reportUrl = pathToFileURL(reportPath).href;
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

  // launch() gives each run a fresh temporary profile and removes it on close.
  const browser = await chromium.launch({
    executablePath: kChromium,
    headless: true,
    args: kChromiumArgs,
  });
  try {
    // bypassCSP: the report's Content-Security-Policy would block axe, which
    // arrives as an inline script. It also means a hostile name that escaped
    // escaping would run and be caught here, not hidden by the policy: the
    // policy is a second line of defence, and this test checks the first.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    // Record every request other than the report, and stop it leaving the machine.
    const foreign = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === reportUrl) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    await page.goto(reportUrl, { waitUntil: 'load' });

    // Self-contained: data: URLs never reach the route handler, so any entry here
    // is a file, http(s) or other fetch the report asked for.
    if (foreign.length === 0) Pass('loads nothing but the report itself');
    else Fail(`the report asked for ${foreign.length} other resource(s): ${foreign.join(', ')}`);

    const active = await page.evaluate(FindActiveContent);
    if (active.length === 0) Pass('nothing on the page can run (no script, on* or javascript:)');
    else for (const item of active) Fail(`active content on the page: ${item}`);
    if (dialogs.length === 0) Pass('no dialog opened');
    else for (const dialog of dialogs) Fail(`a dialog opened: ${dialog}`);
    for (const error of pageErrors) Fail(`a script error on the page: ${error}`);

    const text = await page.innerText('body');
    for (const expected of options.expectTexts) {
      if (text.includes(expected)) Pass(`the visible text shows ${JSON.stringify(expected)}`);
      else Fail(`the visible text does not show ${JSON.stringify(expected)}`);
    }

    if (options.screenshot) {
      await page.screenshot({ path: options.screenshot, fullPage: true });
      Pass(`screenshot saved to ${options.screenshot}`);
    }

    await page.addScriptTag({ path: axePath });
    const axe = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return { violations: result.violations,
               incomplete: result.incomplete.map((rule) => `${rule.id} (${rule.nodes.length})`),
               passes: result.passes.length, version: result.testEngine.version };
    }, kAxeTags);
    if (axe.violations.length === 0) {
      Pass(`axe-core ${axe.version}: no WCAG 2.2 A/AA violation (${axe.passes} rules passed, ` +
           `${axe.incomplete.length} need a person to judge` +
           `${axe.incomplete.length ? `: ${axe.incomplete.join(', ')}` : ''})`);
    } else {
      for (const violation of axe.violations) PrintViolation(violation);
    }

    const svgText = await page.evaluate(FindFaintSvgText);
    if (svgText.faint.length === 0) {
      Pass(`chart text has a contrast of 4.5:1 or more (${svgText.measured} measured)`);
    } else {
      Fail(`${svgText.faint.length} chart text(s) under 4.5:1 contrast (WCAG 1.4.3):`);
      for (const item of svgText.faint.slice(0, 5)) console.log(`       ${item}`);
      if (svgText.faint.length > 5) console.log(`       (and ${svgText.faint.length - 5} more)`);
    }

    // At a laptop's width nothing should scroll sideways at all. At 320 CSS
    // pixels, WCAG 1.4.10 Reflow lets a data table need two-way scrolling, so
    // only what sticks out there other than tables fails.
    await CheckWidth(page, 1280, { tablesMayScroll: false });
    await CheckWidth(page, 320, { tablesMayScroll: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true,
                                 ...(options.pdf ? { path: options.pdf } : {}) });
    // A PDF starts with %PDF-; anything else means printing broke.
    if (pdf.length > 0 && pdf.subarray(0, 5).toString('latin1') === '%PDF-') {
      Pass(`prints to A4 (${pdf.length} bytes${options.pdf ? `, saved to ${options.pdf}` : ''})`);
    } else {
      Fail('printing to A4 did not give a PDF');
    }
  } finally {
    await browser.close();
  }

  if (failures.length === 0) {
    console.log(`check_report: ${path.basename(reportPath)}: every check passed`);
    return 0;
  }
  console.log(`check_report: ${path.basename(reportPath)}: ${failures.length} check(s) failed`);
  return 1;
}

Main().then((status) => process.exit(status), (error) => {
  console.error(`check_report: could not run the checks: ${error.stack || error}`);
  process.exit(2);
});

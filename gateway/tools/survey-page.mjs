// Answers a survey through its page in headless Chromium as a beneficiary would, with JavaScript off
// (the page must work without it) and partly by keyboard: saves part of the answers, reloads the link,
// sends with questions missing (the error state), completes and sends (the thanks), opens the link
// again (no longer valid). Each state's HTML is then checked by axe-core in the same browser (WCAG 2.1
// A and AA rules, and axe's best practices), screenshot, and kept as served (survey-page-<state>.html,
// which bench/survey-page.sh measures). Run by the gateway's SurveyPageBrowserTest.
// Usage: node survey-page.mjs <chromium> <page URL> <output folder>
// Prints one JSON line {states: {<name>: {status, title, violations, ...}}, failure}; exits 1 when a step fails.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [chromium, pageUrl, outDir] = process.argv.slice(2);
const STEP_TIMEOUT = 30_000;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const states = {};

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  // the CI container runs as root, where Chromium's sandbox cannot start
  args: ['--no-sandbox', '--lang=fr-FR'],
});
let failure = null;
try {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setViewport({ width: 1024, height: 800 });

  const opened = await page.goto(pageUrl, { waitUntil: 'load', timeout: STEP_TIMEOUT });
  await record(page, 'survey', opened);

  // by keyboard: Tab to the first score of the first question, move to 4 with the arrow keys
  let focused = '';
  for (let i = 0; i < 20 && focused !== 'q-satisfactionGlobale-1'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  }
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('ArrowRight');
  }
  states.survey.keyboardReached = focused;
  await page.click('label[for="q-accompagnement-5"]');
  await page.type('#q-commentaire', 'Très utile, merci à ma consultante.');
  await submit(page, 'save');
  await record(page, 'saved', null);
  states.saved.notice = await text(page, '.notice');

  const reloaded = await page.goto(pageUrl, { waitUntil: 'load', timeout: STEP_TIMEOUT });
  await record(page, 'reloaded', reloaded);
  states.reloaded.prefilled = await page.evaluate(() => ({
    satisfactionGlobale: document.querySelector('input[name="satisfactionGlobale"]:checked')?.value ?? null,
    accompagnement: document.querySelector('input[name="accompagnement"]:checked')?.value ?? null,
    commentaire: document.querySelector('#q-commentaire').value,
  }));

  await submit(page, 'submit');
  await record(page, 'errors', null);
  states.errors.summaryLinks = await page.evaluate(() => [...document.querySelectorAll('.error-summary a')]
    .map(link => ({ href: link.getAttribute('href'), target: !!document.querySelector(link.getAttribute('href')) })));

  await page.click('label[for="q-objectifsAtteints-0"]');
  await page.click('label[for="q-clarteSynthese-4"]');
  await page.click('label[for="q-recommandation-0"]');
  await submit(page, 'submit');
  await record(page, 'thanks', null);

  const again = await page.goto(pageUrl, { waitUntil: 'load', timeout: STEP_TIMEOUT });
  await record(page, 'invalid', again);

  await page.setViewport({ width: 360, height: 740 });
  await page.goto(pageUrl, { waitUntil: 'load', timeout: STEP_TIMEOUT });
  await page.screenshot({ path: path.join(outDir, 'survey-page-invalid-narrow.png'), fullPage: true });
  await page.close();

  // axe needs script: each state's HTML, as served, in a page of the same browser with script on
  const checker = await browser.newPage();
  await checker.setViewport({ width: 1024, height: 800 });
  for (const [name, state] of Object.entries(states)) {
    await checker.setContent(state.html, { waitUntil: 'load' });
    await checker.evaluate(AXE);
    state.violations = await checker.evaluate(async () => {
      const results = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
      return results.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) }));
    });
    delete state.html;
  }
} catch (e) {
  failure = String(e && e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify({ states, failure }));
process.exit(failure ? 1 : 0);

/** Clicks the form's button for {@code action} (save or submit) and waits for the page it answers. */
async function submit(page, action) {
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: STEP_TIMEOUT }),
    page.click(`button[name="action"][value="${action}"]`),
  ]);
}

/** Keeps a state: its status (null after a form post: the page itself tells), title, HTML and a screenshot. */
async function record(page, name, response) {
  states[name] = {
    status: response ? response.status() : null,
    title: await page.title(),
    h1: await text(page, 'h1'),
    html: await page.content(),
  };
  if (response) {
    writeFileSync(path.join(outDir, `survey-page-${name}.html`), await response.buffer());
  }
  await page.screenshot({ path: path.join(outDir, `survey-page-${name}.png`), fullPage: true });
}

async function text(page, selector) {
  return page.evaluate(s => document.querySelector(s)?.textContent.trim() ?? null, selector);
}

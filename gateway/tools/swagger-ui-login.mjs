// Drives headless Chromium through Swagger UI's Authorize button (authorization code + PKCE against
// Keycloak) and a "Try it out" call, as a person would; run by the gateway's ApiDocsBrowserLoginTest.
// Usage: node swagger-ui-login.mjs <chromium> <docs URL> <user> <password> <operation DOM id> <screenshot.png>
//        [<parameter>=<value>...]  (values typed into the operation's parameters before Execute)
// Prints one JSON line {status, cspViolations, errors}; exits 1 when a step fails.
import puppeteer from 'puppeteer-core';

const [chromium, docsUrl, user, password, operationId, screenshot, ...parameters] = process.argv.slice(2);
const STEP_TIMEOUT = 30_000;
const cspViolations = [];
const errors = [];

/** Collects every Content-Security-Policy violation and script error of a page (docs, popup, redirect page). */
async function watch(page, name) {
  const cdp = await page.createCDPSession();
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (/Content Security Policy/i.test(entry.text)) {
      cspViolations.push(`${name}: ${entry.text}`);
    }
  });
  await cdp.send('Log.enable');
  page.on('console', message => {
    if (/Content Security Policy/i.test(message.text())) {
      cspViolations.push(`${name}: ${message.text()}`);
    }
  });
  page.on('pageerror', error => errors.push(`${name}: ${error.message}`));
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  // the CI container runs as root, where Chromium's sandbox cannot start
  args: ['--no-sandbox', '--lang=fr-FR'],
});
let status = null;
let failure = null;
let popup = null;
const page = await browser.newPage();
try {
  await page.setViewport({ width: 1280, height: 900 });
  await watch(page, 'docs');
  // the securitypolicyviolation event reports what the console may word differently
  await page.exposeFunction('reportCspViolation', text => cspViolations.push(`docs: ${text}`));
  await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation',
    e => window.reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI}`)));
  await page.goto(docsUrl, { waitUntil: 'networkidle0', timeout: STEP_TIMEOUT });

  // Authorize: the dialog lists both schemes; the OAuth2 one ("keycloak") holds the client id
  await page.click('.auth-wrapper .authorize', { timeout: STEP_TIMEOUT });
  const oauth = await page.waitForSelector('::-p-xpath(//div[contains(@class,"auth-container")][.//h4[contains(., "keycloak")]])',
    { timeout: STEP_TIMEOUT });
  const popupOpened = new Promise(resolve => page.once('popup', resolve));
  await (await oauth.waitForSelector('button.authorize')).click();
  popup = await popupOpened;
  await watch(popup, 'login popup');

  // Keycloak's login form; the popup then lands on oauth2-redirect.html, hands the code over and closes
  await popup.waitForSelector('#username', { timeout: STEP_TIMEOUT });
  await popup.type('#username', user);
  await popup.type('#password', password);
  const popupClosed = new Promise(resolve => popup.once('close', resolve));
  await Promise.all([popup.waitForNavigation({ timeout: STEP_TIMEOUT }).catch(() => {}), popup.click('#kc-login')]);
  await Promise.race([popupClosed, new Promise((_, reject) => setTimeout(
    () => reject(new Error('the login popup did not close: ' + popup.url())), STEP_TIMEOUT))]);

  // authorized once the code was exchanged for a token: the scheme offers "Logout"
  await oauth.waitForSelector('::-p-xpath(.//button[contains(., "Logout")])', { timeout: STEP_TIMEOUT });
  await page.click('.modal-ux .close-modal');

  // Try it out + Execute on the operation, then read the status Swagger UI shows
  const operation = await page.waitForSelector(`#${operationId}`, { timeout: STEP_TIMEOUT });
  await (await operation.waitForSelector('.opblock-summary-control')).click();
  await (await operation.waitForSelector('.try-out__btn')).click();
  for (const parameter of parameters) {
    const [name, value] = parameter.split(/=(.*)/s);
    await (await operation.waitForSelector(`tr[data-param-name="${name}"] input`)).type(value);
  }
  await (await operation.waitForSelector('.execute')).click();
  const cell = await operation.waitForSelector('.live-responses-table .response .response-col_status',
    { timeout: STEP_TIMEOUT });
  status = Number((await cell.evaluate(element => element.textContent)).trim());
  await cell.scrollIntoView();
} catch (e) {
  // what the login popup showed, e.g. Keycloak's « Paramètre invalide : redirect_uri »
  const shown = popup && !popup.isClosed()
    ? await popup.evaluate(() => document.body.innerText.slice(0, 300)).catch(() => '') : '';
  failure = e.message + (shown ? ` (login popup at ${popup.url()}: ${shown})` : '');
} finally {
  await page.screenshot({ path: screenshot }).catch(() => {});
  await browser.close();
}
console.log(JSON.stringify({ status, cspViolations, errors, failure }));
process.exit(failure ? 1 : 0);

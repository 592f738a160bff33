// Page weight and time to interactive of the survey page on throttled connections, against a bare page
// served the same way in the same run: a local HTTP server sends both (each with the headers the gateway
// sends a page), headless Chromium loads each N times per profile with DevTools' network throttling and
// the cache off, and the medians are printed. The survey page has no script, so it is interactive at
// DOMContentLoaded; the load event is printed too.
// Usage: node bench/survey-page.mjs <chromium> <survey page .html> [runs=9]
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const puppeteer = createRequire(path.join(here, '..', 'gateway', 'tools', 'package.json'))('puppeteer-core');
const [chromium, surveyFile, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg || 9);
// DevTools' presets (throughput in bytes/s, latency in ms): "Slow 4G", which Chrome called "Fast 3G"
// before, and "Slow 3G" for the worst case
const PROFILES = {
  'Slow 4G': { latency: 150 * 3.75, downloadThroughput: 1.6 * 1000 * 1000 / 8 * 0.9, uploadThroughput: 750 * 1000 / 8 * 0.9 },
  'Slow 3G': { latency: 400 * 5, downloadThroughput: 500 * 1000 / 8 * 0.8, uploadThroughput: 500 * 1000 / 8 * 0.8 },
};
const pages = {
  '/survey': readFileSync(surveyFile),
  '/baseline': Buffer.from('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Page nue</title></head>'
    + '<body><p>Page nue.</p></body></html>'),
};
const server = http.createServer((request, response) => {
  const body = pages[request.url];
  if (!body) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  }).end(body);
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
const results = [];
try {
  for (const [profile, conditions] of Object.entries(PROFILES)) {
    for (const name of ['baseline', 'survey']) {
      const samples = [];
      for (let i = 0; i < RUNS; i++) {
        samples.push(await measure(`${origin}/${name}`, conditions));
      }
      results.push({ profile, page: name, runs: RUNS, ...medians(samples) });
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log('profile  | page     | transferred (B) | HTML (B) | DOMContentLoaded = interactive (ms) | load (ms)');
for (const r of results) {
  console.log(`${r.profile.padEnd(8)} | ${r.page.padEnd(8)} | ${String(r.transferred).padStart(15)} | `
    + `${String(r.html).padStart(8)} | ${String(r.domContentLoaded).padStart(35)} | ${String(r.load).padStart(9)}`);
}
for (const profile of Object.keys(PROFILES)) {
  const [bare, survey] = ['baseline', 'survey'].map(page => results.find(r => r.profile === profile && r.page === page));
  console.log(`${profile}: the survey page is ready ${survey.domContentLoaded - bare.domContentLoaded} ms after the bare `
    + `page (x${(survey.domContentLoaded / bare.domContentLoaded).toFixed(2)}), for ${survey.transferred - bare.transferred} more bytes`);
}
console.log(JSON.stringify(results));

/** One cold load: the bytes received on the wire (headers included) and the page's own timings. */
async function measure(url, conditions) {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
  let transferred = 0;
  cdp.on('Network.loadingFinished', event => { transferred += event.encodedDataLength; });
  await page.goto(url, { waitUntil: 'load' });
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    return { domContentLoaded: navigation.domContentLoadedEventEnd, load: navigation.loadEventEnd,
      html: navigation.decodedBodySize };
  });
  await page.close();
  return { transferred, ...timing };
}

function medians(samples) {
  const median = key => {
    const sorted = samples.map(s => s[key]).sort((a, b) => a - b);
    return Math.round(sorted[Math.floor(sorted.length / 2)]);
  };
  return { transferred: median('transferred'), html: median('html'), domContentLoaded: median('domContentLoaded'),
    load: median('load') };
}

// A phone's browser on the voting page (run_phones_browser_test.py): headless
// Chromium at a phone's viewport (390x844) through playwright-core. Opens the
// page, screenshots it, votes at the choice, the select and the highlight
// question (the page reloads itself when the teacher moves on), and prints
// what it voted as JSON on the last line.
//   node phone_browser.js URL SHOTS_DIR CHROMIUM NODE_MODULES
const [url, shots, chromium, modules] = process.argv.slice(2);
const { chromium: browserType } = require(modules + "/playwright-core");
const path = require("path");

// The page polls /q every 3 s and reloads itself on a new question: wait
// (bounded) until it shows an open question other than `previous`.
async function nextQuestion(page, previous, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const key = await page.getAttribute("body", "data-key", { timeout: 1000 });
      const open = await page.getAttribute("body", "data-open", { timeout: 1000 });
      if (key && key !== previous && open === "true" && (await page.locator("form#v").count()) === 1) return key;
    } catch (e) {
      // reloading just now
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no new open question after ${previous} within ${seconds} s`);
}

(async () => {
  const browser = await browserType.launch({ executablePath: chromium, args: ["--no-sandbox"] });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const voted = [];
  await page.goto(url);
  let key = await nextQuestion(page, "", 60);
  await page.screenshot({ path: path.join(shots, "phone-choice.png"), fullPage: true });
  // A choice: the second option. (Changing a vote is tested by run_phones_test.py:
  // here the window closes voting as soon as the one vote is in.)
  const radios = page.locator("form#v input[type=radio]");
  await radios.nth(1).check();
  await page.click("button[type=submit]");
  await page.waitForSelector("#s.note");
  voted.push([await radios.nth(1).getAttribute("value")]);
  await page.screenshot({ path: path.join(shots, "phone-voted.png"), fullPage: true });
  // A select and a highlight: the first and the last option marked.
  for (const name of ["select", "highlight"]) {
    key = await nextQuestion(page, key, 60);
    const boxes = page.locator("form#v input[type=checkbox]");
    const n = await boxes.count();
    await boxes.nth(0).check();
    await boxes.nth(n - 1).check();
    await page.click("button[type=submit]");
    await page.waitForSelector("#s.note");
    voted.push([await boxes.nth(0).getAttribute("value"), await boxes.nth(n - 1).getAttribute("value")]);
    await page.screenshot({ path: path.join(shots, `phone-${name}.png`), fullPage: true });
  }
  const outside = requests.filter((u) => !u.startsWith(new URL(url).origin));
  await browser.close();
  console.log(JSON.stringify({ voted, outside }));
})().catch((e) => {
  console.error("phone_browser.js: " + e.message);
  process.exit(1);
});

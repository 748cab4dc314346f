import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { root } from "./support";

/*
 * `npm start` where office-addin-debugging cannot run (Linux, or --serve): it serves dist/ and
 * says where the task pane is and how to load the manifest in Excel on the web.
 */

let server: ChildProcess | undefined;
afterEach(() => server?.kill());

test("npm start --serve serves dist/ and prints the preview URL and the manifest upload steps", async () => {
  // A home without office-addin-dev-certs' certificate: plain http, which fetch can read.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-start-"));
  const child = spawn(process.execPath, ["scripts/start.js", "--serve", "--port", "0"], { cwd: root, env: { ...process.env, HOME: home, USERPROFILE: home } });
  server = child;
  let out = "";
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving dist\/ at (\S+)/.exec(out);
      if (m && out.includes("Ctrl+C")) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`npm start exited with ${code}: ${out}`)));
  });
  expect(out).toContain(`Task pane preview:  ${base}taskpane.html`);
  expect(out).toMatch(/Upload My Add-in/);
  expect(out).toMatch(/manifest\.xml/);

  const page = await fetch(`${base}taskpane.html`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("appsforoffice.microsoft.com/lib/1/hosted/office.js");
  const metadata = await fetch(`${base}functions.json`);
  expect(metadata.headers.get("content-type")).toMatch(/application\/json/);
  expect((await fetch(`${base}..%2Fpackage.json`)).status).toBe(404);
}, 60_000);

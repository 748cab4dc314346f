import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as https from "https";
import * as os from "os";
import * as path from "path";
import { root } from "./support";

/*
 * `npm start` where office-addin-debugging cannot run (Linux, or --serve): it serves dist/ over
 * https with office-addin-dev-certs' localhost certificate (made without sudo when missing), says
 * where the task pane is and how to load the manifest in Excel on the web; a malformed request
 * answers 400 and the server stays up; `npm stop` stops it, and so does the end of its parent.
 */

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

/** A home without certificates and a temp folder of its own, so nothing here meets a real npm start. */
function sandbox() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-start-"));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-start-tmp-"));
  return { home, env: { ...process.env, HOME: home, USERPROFILE: home, TMPDIR: tmp, TMP: tmp, TEMP: tmp } };
}

/** Runs `node scripts/start.js …args` and resolves its https address once it says it is serving. */
function start(env: NodeJS.ProcessEnv, args: string[] = ["--serve", "--port", "0"]): Promise<{ child: ChildProcess; base: string; out: () => string }> {
  const child = spawn(process.execPath, ["scripts/start.js", ...args], { cwd: root, env });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving dist\/ at (\S+)/.exec(out);
      if (m && out.includes("npm stop` stops the server")) resolve({ child, base: m[1], out: () => out });
    });
    child.on("exit", (code) => reject(new Error(`npm start exited with ${code}: ${out}`)));
  });
}

/** GET over https, trusting the certificate authority npm start used. */
function get(url: string, ca: Buffer): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
      })
      .on("error", reject);
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on("exit", resolve)));

test("npm start serves dist/ over https with a certificate it made without sudo, and survives a malformed URL; npm stop frees the port", async () => {
  const { home, env } = sandbox();
  const { child, base, out } = await start(env);
  expect(base).toMatch(/^https:\/\/localhost:\d+\/$/);
  const ca = fs.readFileSync(path.join(home, ".office-addin-dev-certs", "ca.crt"));
  expect(out()).toContain(`Task pane preview:  ${base}taskpane.html`);
  expect(out()).toMatch(/Upload My Add-in/);
  expect(out()).toContain(path.join(home, ".office-addin-dev-certs", "ca.crt"));
  expect(out()).toMatch(/without sudo/);

  const page = await get(`${base}taskpane.html`, ca);
  expect(page.status).toBe(200);
  expect(page.body).toContain("appsforoffice.microsoft.com/lib/1/hosted/office.js");
  expect((await get(`${base}functions.json`, ca)).type).toMatch(/application\/json/);
  expect((await get(`${base}%E0%A4%A`, ca)).status).toBe(400);
  expect([403, 404]).toContain((await get(`${base}..%2Fpackage.json`, ca)).status);
  // Still up after the malformed request.
  expect((await get(`${base}taskpane.html`, ca)).status).toBe(200);

  const stop = spawn(process.execPath, ["scripts/start.js", "stop"], { cwd: root, env });
  let said = "";
  stop.stdout?.on("data", (c: Buffer) => (said += c.toString()));
  expect(await exited(stop)).toBe(0);
  expect(said).toMatch(/Stopped the server on port \d+/);
  expect(await exited(child)).toBe(0);
  await expect(get(`${base}taskpane.html`, ca)).rejects.toThrow(/ECONNREFUSED/);
}, 90_000);

test("npm stop with nothing running says so", async () => {
  const { env } = sandbox();
  const stop = spawn(process.execPath, ["scripts/start.js", "stop"], { cwd: root, env });
  let said = "";
  stop.stdout?.on("data", (c: Buffer) => (said += c.toString()));
  expect(await exited(stop)).toBe(0);
  expect(said).toContain("No server of npm start is running.");
});

test("the server ends when the npm that started it goes away", async () => {
  const { env } = sandbox();
  // A stand-in for npm: starts the server and is then killed outright, as a closed terminal or a
  // killed npm would be, with no chance to pass a signal on.
  const npm = spawn(process.execPath, ["-e", `const c = require("child_process").spawn(process.execPath, ["scripts/start.js", "--serve", "--port", "0"], { stdio: "inherit" }); console.error("child " + c.pid);`], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(npm);
  const pid = await new Promise<number>((resolve) => npm.stderr?.on("data", (c: Buffer) => /child (\d+)/.test(c.toString()) && resolve(Number(/child (\d+)/.exec(c.toString())![1]))));
  await new Promise<void>((resolve) => npm.stdout?.on("data", (c: Buffer) => c.toString().includes("npm stop` stops the server") && resolve()));
  npm.kill("SIGKILL");
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  expect(alive()).toBe(false);
}, 90_000);

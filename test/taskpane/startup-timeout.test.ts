import { OFFICE_TIMEOUT_MS, officeTimeoutMs } from "../../src/taskpane/startup";

/* ?officeTimeout=ms shortens the wait for Office.js (browser tests, demos); it never lengthens it. */

test.each([
  [undefined, OFFICE_TIMEOUT_MS],
  ["", OFFICE_TIMEOUT_MS],
  ["?officeTimeout=200", 200],
  ["?lang=zh-CN&officeTimeout=0", 0],
  ["?officeTimeout=999999", OFFICE_TIMEOUT_MS],
  ["?officeTimeout=-5", OFFICE_TIMEOUT_MS],
  ["?officeTimeout=abc", OFFICE_TIMEOUT_MS],
  ["?xofficeTimeout=10", OFFICE_TIMEOUT_MS],
])("%s → %d ms", (search, ms) => {
  expect(officeTimeoutMs(search)).toBe(ms);
});

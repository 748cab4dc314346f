import { FakeExcel } from "./excel-fake";

/* The fake holds the pane to Office.js's rules; these show it would catch a slip. */

const run = <T>(fake: FakeExcel, batch: (context: any) => Promise<T>) => fake.global.run(batch); // eslint-disable-line @typescript-eslint/no-explicit-any

test("a collection's items read before load and sync are refused", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  await expect(run(fake, async (context) => context.workbook.worksheets.items)).rejects.toThrow(/PropertyNotLoaded/);
  await expect(
    run(fake, async (context) => {
      context.workbook.worksheets.load("items/name");
      return context.workbook.worksheets.items;
    }),
  ).rejects.toThrow(/PropertyNotLoaded/);
});

test("a ClientResult has no value before sync (office-addin-mock's not-loaded error)", async () => {
  const fake = new FakeExcel({ parts: [{ id: "{P}", xml: '<x xmlns="urn:n"/>' }] });
  const [before, after] = await run(fake, async (context) => {
    const result = context.workbook.customXmlParts.getItem("{P}").getXml();
    const early = result.value;
    await context.sync();
    return [early, result.value];
  });
  expect(before).not.toBe('<x xmlns="urn:n"/>');
  expect(String(before)).toMatch(/not|sync|load/i);
  expect(after).toBe('<x xmlns="urn:n"/>');
});

test("writes wait for sync, and a batch that throws before syncing writes nothing", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  await expect(
    run(fake, async (context) => {
      context.workbook.worksheets.getItem("A").getRange("A1").values = [[1]];
      throw new Error("stop");
    }),
  ).rejects.toThrow("stop");
  expect(fake.cell("A", "A1")).toBeUndefined();
  await run(fake, async (context) => {
    context.workbook.worksheets.getItem("A").getRange("A1:B1").values = [[1, 2]];
    await context.sync();
  });
  expect(fake.cell("A", "B1")).toEqual({ value: 2 });
});

test("a block of the wrong shape is refused, as Excel does", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  await expect(
    run(fake, async (context) => {
      context.workbook.worksheets.getItem("A").getRange("A1:B2").values = [[1, 2]];
    }),
  ).rejects.toThrow(/InvalidArgument/);
});

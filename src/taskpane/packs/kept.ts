import { PACKS_PART_NAMESPACE } from "../../workbook/packs-namespace";
import { host, supportsExcelApi } from "../host";
import { isStored } from "../state/storage";

/*
 * Whether any packs are kept, asked before the packs chunk is loaded (state.ts): a pane whose
 * workbook or storage holds none never fetches the pack schema and the part's reader.
 */

export { PACKS_PART_NAMESPACE };
/** The storage key outside Excel (keeper.ts). */
export const KEY = "packs";

/** Custom XML parts need ExcelApi 1.5; an older Excel keeps the packs in the add-in settings, through storage.ts. */
export const inExcel = (): boolean => host.get().mode === "excel" && supportsExcelApi("1.5");

export async function anyKept(): Promise<boolean> {
  if (!inExcel()) return isStored(KEY);
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(PACKS_PART_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    // items/id is loaded above: the rule takes `length` for a property that needs a load of its own.
    // eslint-disable-next-line office-addins/load-object-before-read
    return parts.items.length > 0;
  });
}

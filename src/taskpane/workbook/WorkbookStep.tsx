import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { engine, SCENARIO_VERSION, type Scenario } from "../engine";
import { describeChange, factLabel } from "../../workbook/catalog-record";
import { MAX_INPUT_ROWS } from "../../workbook/layout";
import { useConfirm } from "../ConfirmDialog";
import { supportsExcelApi, type HostState } from "../host";
import { ScrollRegion } from "../results/ScrollRegion";
import { useI18n, type I18n } from "../i18n";
import { asideReason } from "../aside-text";
import { Compare } from "./Compare";
import { copyName, deleteScenario, listScenarios, saveScenario, ScenarioChanged, ScenarioTooLarge, type StoredScenario, type Unreadable } from "./scenarios";
import { ForbiddenText, NoInputs, SheetsInTheWay, TooManyRows, checkStoredCatalog, reenterFormulas, refreshFigures, sheetsInTheWay, writeScenario, type AmountFormat, type CatalogCheck } from "./write";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center", margin: `${tokens.spacingVerticalS} 0` },
  notice: { margin: `${tokens.spacingVerticalS} 0` },
});

type Notice = { readonly intent: "success" | "error" | "info" | "warning"; readonly text: string };

/** Today as the values sheet and the catalog record date it (YYYY-MM-DD, local). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/** The changes a notice lists; the rest are counted ("…and 31,980 more"). */
const LISTED = 20;

/** What the pane says when the workbook's catalog record differs from the catalog in hand, or cannot be read. */
function CatalogNotice({ check }: { check: CatalogCheck }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  if ("aside" in check)
    return (
      <MessageBar intent="warning" className={styles.notice} data-testid="catalog-aside">
        <MessageBarBody>{t("catalog.aside", { reason: asideReason(check.aside, t) })}</MessageBarBody>
      </MessageBar>
    );
  const fact = factLabel(engine().catalog, lang);
  const params = { stored: check.stored.version, computed: check.stored.computed, current: check.current };
  return (
    <MessageBar intent="warning" className={styles.notice} data-testid="catalog-change">
      <MessageBarBody>
        {check.changes.length > 0 ? t("catalog.changed", params) : t("catalog.newer", params)}
        {check.changes.length > 0 && (
          <ul>
            {check.changes.slice(0, LISTED).map((c, i) => (
              <li key={i}>{describeChange(c, lang, fact)}</li>
            ))}
          </ul>
        )}
        {check.changes.length > LISTED && <p>{t("catalog.more", { n: check.changes.length - LISTED })}</p>}
        {check.skipped > 0 && <p>{t("catalog.skipped", { n: check.skipped })}</p>}
        {t("catalog.then", params)}
      </MessageBarBody>
    </MessageBar>
  );
}

function unreadableText(u: Unreadable, t: I18n["t"]): string {
  switch (u.kind) {
    case "xml":
      return t("stored.badXml", { detail: u.detail });
    case "version":
      return t("stored.badVersion", { version: u.version || "?", current: SCENARIO_VERSION });
    case "json":
      return t("stored.badJson", { detail: u.detail });
    case "schema":
      return t("stored.badSchema", { detail: u.detail });
    case "size":
      return t("stored.badSize");
  }
}

interface Props {
  /** The wizard's scenario when it is valid. */
  readonly scenario?: Scenario;
  readonly hostState: HostState;
  readonly onLoad: (s: Scenario) => void;
}

/** Step 5: write the scenario into the workbook, and keep named scenarios in it. */
export function WorkbookStep({ scenario, hostState, onLoad }: Props) {
  const { t, lang } = useI18n();
  /** Sheets named in a sentence, quoted and listed as the language does (“输入”、“预测”). */
  const sheetList = (names: readonly string[]) => names.map((name) => t("sheets.one", { name })).join(t("sheets.separator"));
  const styles = useStyles();
  const [confirmDialog, ask] = useConfirm();
  const inExcel = hostState.mode === "excel";
  const canStore = inExcel && supportsExcelApi("1.5");
  const [format, setFormat] = useState<AmountFormat>("yuan");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [stored, setStored] = useState<StoredScenario[]>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [catalogCheck, setCatalogCheck] = useState<CatalogCheck>();

  const run = async (action: () => Promise<Notice | undefined>) => {
    setBusy(true);
    try {
      const result = await action();
      if (result) setNotice(result);
    } catch (e) {
      setNotice({ intent: "error", text: t("workbook.failed", { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };
  const refresh = useCallback(async () => setStored(await listScenarios()), []);
  useEffect(() => {
    if (canStore) void run(async () => (await refresh(), undefined));
  }, [canStore, refresh]);
  // A workbook computed under another catalog says so as soon as the pane opens on it.
  useEffect(() => {
    if (canStore)
      void run(async () => {
        const check = await checkStoredCatalog();
        setCatalogCheck(check && ("aside" in check || check.changes.length > 0 || check.skipped > 0 || check.stored.version !== check.current) ? check : undefined);
        return undefined;
      });
  }, [canStore]);

  const write = () =>
    run(async () => {
      if (!scenario) return undefined;
      const inTheWay = await sheetsInTheWay(lang);
      if (inTheWay.length > 0) {
        const ok = await ask({ title: t("write.confirmTitle"), body: t("write.confirmBody", { sheets: sheetList(inTheWay) }), confirm: t("write.replace") });
        if (!ok) return { intent: "info", text: t("write.cancelled") };
      }
      try {
        const report = await writeScenario(scenario, {
          format,
          replace: inTheWay,
          chartTitle: t("write.chartTitle"),
          api17: supportsExcelApi("1.7"),
          api15: supportsExcelApi("1.5"),
          api19: supportsExcelApi("1.9"),
          lang,
          computed: today(),
        });
        setCatalogCheck(undefined);
        const done = t("write.done", { inputs: report.inputs, forecast: report.forecast, figures: report.figures });
        return { intent: "success", text: report.printSetup ? done : `${done} ${t("write.noPrintSetup")}` };
      } catch (e) {
        if (e instanceof SheetsInTheWay) return { intent: "warning", text: t("write.inTheWay", { sheets: sheetList(e.names) }) };
        if (e instanceof ForbiddenText) return { intent: "error", text: t("write.forbiddenText", { text: e.text, character: e.character }) };
        if (e instanceof TooManyRows) return { intent: "error", text: t("write.tooManyRows", { rows: e.rows, max: MAX_INPUT_ROWS }) };
        throw e;
      }
    });

  const reenter = () =>
    run(async () => {
      const { cells } = await reenterFormulas();
      try {
        const figures = await refreshFigures({ lang, computed: today() });
        return { intent: "success", text: t("reenter.done", { count: cells.length, figures }) };
      } catch (e) {
        if (e instanceof NoInputs) {
          const detail = e.why.kind === "unreadable" ? e.why.detail : t(e.why.kind === "missing" ? "reenter.inputsMissing" : "reenter.inputsEmpty", { sheet: e.why.sheet });
          return { intent: "warning", text: t("reenter.noInputs", { count: cells.length, detail }) };
        }
        throw e;
      }
    });

  const save = () =>
    run(async () => {
      if (!scenario) return undefined;
      const list = await listScenarios();
      const same = list.find((s) => s.scenario && s.name === scenario.name);
      if (same) {
        const ok = await ask({ title: t("save.confirmTitle"), body: t("save.confirmBody", { name: scenario.name }), confirm: t("save.replace") });
        if (!ok) return { intent: "info", text: t("save.cancelled") };
      }
      try {
        const saved = await saveScenario(scenario, { replace: same });
        await refresh();
        // Someone else saved over it or deleted it since the list: both versions are kept.
        if (saved.conflict) return { intent: "warning", text: t("save.kept", { name: scenario.name }) };
      } catch (e) {
        if (e instanceof ScenarioTooLarge) return { intent: "error", text: t("save.tooLarge", { name: scenario.name }) };
        throw e;
      }
      return { intent: "success", text: t("save.done", { name: scenario.name }) };
    });

  const duplicate = (s: StoredScenario) =>
    run(async () => {
      if (!s.scenario) return undefined;
      const name = copyName(s.scenario.name, (stored ?? []).map((x) => x.name ?? ""), t("stored.copy"));
      await saveScenario({ ...s.scenario, name });
      await refresh();
      return { intent: "success", text: t("save.done", { name }) };
    });

  const remove = (s: StoredScenario) =>
    run(async () => {
      const body = s.unreadable ? t("delete.confirmUnreadable", { name: s.name ?? s.id }) : t("delete.confirmBody", { name: s.name ?? s.id });
      const ok = await ask({ title: t("delete.confirmTitle"), body, confirm: t("delete.confirm") });
      if (!ok) return undefined;
      try {
        await deleteScenario(s);
      } catch (e) {
        if (!(e instanceof ScenarioChanged)) throw e;
        await refresh();
        return { intent: "warning", text: t("delete.changed", { name: s.name ?? s.id }) };
      }
      setSelected((prev) => new Set([...prev].filter((id) => id !== s.id)));
      await refresh();
      return { intent: "success", text: t("delete.done", { name: s.name ?? s.id }) };
    });

  const toggle = (id: string, on: boolean) => setSelected((prev) => new Set(on ? [...prev, id] : [...prev].filter((x) => x !== id)));
  const compared = useMemo(() => {
    const list: { key: string; scenario: Scenario }[] = [];
    if (selected.has("current") && scenario) list.push({ key: "current", scenario: { ...scenario, name: t("compare.current", { name: scenario.name }) } });
    for (const s of stored ?? []) if (selected.has(s.id) && s.scenario) list.push({ key: s.id, scenario: s.scenario });
    return list;
  }, [selected, stored, scenario, t]);

  const why = hostState.mode === "connecting" ? t("host.connecting") : hostState.reason === "outside-excel" ? t("preview.outsideExcel") : t("preview.noOffice");

  return (
    <>
      {confirmDialog}
      {!inExcel && (
        <MessageBar intent="warning" className={styles.notice} data-testid="workbook-off">
          <MessageBarBody>
            {t("preview.workbookOff")} {why}
          </MessageBarBody>
        </MessageBar>
      )}
      {!scenario && (
        <MessageBar intent="error" className={styles.notice}>
          <MessageBarBody>{t("workbook.invalid")}</MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {notice && (
          <MessageBar intent={notice.intent} className={styles.notice} data-testid="workbook-notice">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {catalogCheck && <CatalogNotice check={catalogCheck} />}

      <h3>{t("write.title")}</h3>
      <p>{t("write.help")}</p>
      <Field label={t("write.format")}>
        <RadioGroup value={format} onChange={(_, data) => setFormat(data.value as AmountFormat)} layout="horizontal">
          <Radio value="yuan" label={t("write.yuan")} />
          <Radio value="wanYuan" label={t("write.wanYuan")} />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!inExcel || !scenario || busy} onClick={() => void write()}>
          {t("write.button")}
        </Button>
      </div>

      <h3>{t("reenter.title")}</h3>
      <p>{t("reenter.help")}</p>
      <div className={styles.actions}>
        <Button disabled={!inExcel || busy} onClick={() => void reenter()}>
          {t("reenter.button")}
        </Button>
      </div>

      <h3>{t("stored.title")}</h3>
      <p>{t("stored.help")}</p>
      {inExcel && !canStore && (
        <MessageBar intent="warning" className={styles.notice}>
          <MessageBarBody>{t("stored.unsupported")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button disabled={!canStore || !scenario || busy} onClick={() => void save()}>
          {t("save.button", { name: scenario?.name ?? "" })}
        </Button>
      </div>
      {stored && stored.length === 0 && <p>{t("stored.none")}</p>}
      {stored && stored.length > 0 && (
        <ScrollRegion label={t("stored.title")}>
          <Table size="small" aria-label={t("stored.title")} data-testid="stored-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("stored.compare")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("stored.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("stored.saved")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("stored.actions")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {stored.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    {s.scenario && <Checkbox aria-label={t("stored.compareOne", { name: s.scenario.name })} checked={selected.has(s.id)} onChange={(_, d) => toggle(s.id, d.checked === true)} />}
                  </TableCell>
                  <TableCell>
                    {s.name ?? t("stored.unnamed")}
                    {s.unreadable && (
                      <MessageBar intent="error">
                        <MessageBarBody>{unreadableText(s.unreadable, t)}</MessageBarBody>
                      </MessageBar>
                    )}
                    {s.unreadable && (
                      <Button size="small" disabled={busy} onClick={() => void remove(s)} aria-label={t("stored.deleteOne", { name: s.name ?? s.id })}>
                        {t("stored.delete")}
                      </Button>
                    )}
                  </TableCell>
                  <TableCell>{s.savedAt ? new Date(s.savedAt).toLocaleString(lang) : ""}</TableCell>
                  <TableCell>
                    {s.scenario && (
                      <div className={styles.actions}>
                        <Button size="small" disabled={busy} onClick={() => s.scenario && onLoad(s.scenario)} aria-label={t("stored.loadOne", { name: s.scenario.name })}>
                          {t("stored.load")}
                        </Button>
                        <Button size="small" disabled={busy} onClick={() => void duplicate(s)} aria-label={t("stored.duplicateOne", { name: s.scenario.name })}>
                          {t("stored.duplicate")}
                        </Button>
                        <Button size="small" disabled={busy} onClick={() => void remove(s)} aria-label={t("stored.deleteOne", { name: s.scenario.name })}>
                          {t("stored.delete")}
                        </Button>
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
      {stored && stored.length > 0 && scenario && (
        <Checkbox label={t("compare.includeCurrent")} checked={selected.has("current")} onChange={(_, d) => toggle("current", d.checked === true)} />
      )}
      {compared.length === 1 && <p>{t("compare.pickMore")}</p>}
      {compared.length >= 2 && <Compare scenarios={compared} />}
    </>
  );
}

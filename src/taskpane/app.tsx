import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  ToggleButton,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { parseScenario, type AmountUnit, type Claimable, type Scenario } from "./engine";
import { useConfirm } from "./ConfirmDialog";
import { UnitContext } from "./results/amounts";
import { emptyBench, syncActive, withVariant, type Bench } from "./state/bench";
import { useHistory } from "./state/history";
import { load as loadStored, save } from "./state/storage";
import { langFormat, stepFormat, storedWork, unitFormat, workFormat, type Work } from "./state/work";
import { asideReason } from "./aside-text";
import { Boundary } from "./Boundary";
import type { SetAside } from "../workbook/stored";
import { ConfirmContext } from "./wizard/confirm";
import { ClaimableList } from "./wizard/Claimable";
import { claimingEvent } from "./wizard/claim";
import { ImportButton } from "./wizard/ImportButton";
import { usePlausibility } from "./wizard/plausibility";
import { exampleRaw, examples, type ExampleId } from "./examples";
import { host } from "./host";
import { I18nContext, langOf, langs, translate, type I18n, type Lang, type MessageKey } from "./i18n";
import { AssumptionsSection } from "./wizard/AssumptionsSection";
import { EnterpriseStep } from "./wizard/EnterpriseStep";
import { EventsStep } from "./wizard/EventsStep";
import { emptyDraft, emptyFinancial, fromScenario, investmentEventTypes, isEmpty, problemsUnder, productEventTypes, validate, type Draft, type EventType, type Problem } from "./wizard/draft";
import { FormContext, type FormState } from "./wizard/fields";
import { loadPacksSection, loadResults, loadWorkbook } from "./steps-loader";
import { PacksContext, usePacks } from "./packs/state";

const ResultsStep = lazy(() => loadResults().then((m) => ({ default: m.ResultsStep })));
const WorkbookStep = lazy(() => loadWorkbook().then((m) => ({ default: m.WorkbookStep })));
const PacksSection = lazy(() => loadPacksSection().then((m) => ({ default: m.PacksSection })));

/**
 * The task pane: a wizard over the engine's scenario model. Steps 1–3 build the scenario (every
 * field checked by the scenario schema as it is typed), step 4 shows the engine's forecast of
 * it, step 5 writes it into the workbook and keeps named scenarios there.
 */

interface Step {
  readonly id: "enterprise" | "products" | "investments" | "results" | "workbook";
  readonly title: MessageKey;
  readonly help: MessageKey;
  /** Problems on these paths belong to the step. */
  readonly prefixes: readonly string[];
  readonly events: readonly EventType[];
}

const steps: readonly Step[] = [
  { id: "enterprise", title: "step.enterprise", help: "step.enterprise.help", prefixes: ["name", "enterprise", "horizon", "financials"], events: [] },
  { id: "products", title: "step.products", help: "step.products.help", prefixes: [], events: productEventTypes },
  { id: "investments", title: "step.investments", help: "step.investments.help", prefixes: ["defaults", "assumptions", "issueDates"], events: investmentEventTypes },
  { id: "results", title: "step.results", help: "step.results.help", prefixes: [], events: [] },
  { id: "workbook", title: "step.workbook", help: "step.workbook.help", prefixes: [], events: [] },
];
const RESULTS = 3;

const useStyles = makeStyles({
  app: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, maxWidth: "60em", margin: "0 auto" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  h1: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  langs: { display: "flex", gap: tokens.spacingHorizontalXS },
  nav: { margin: `${tokens.spacingVerticalM} 0`, "@media print": { display: "none" } },
  tools: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap", "@media print": { display: "none" } },
  unit: { minWidth: 0 },
  /** A count of a step's problems on its button (a span: Fluent's Badge would add its code to the first load). */
  badge: {
    marginLeft: tokens.spacingHorizontalXS,
    minWidth: "16px",
    padding: "0 4px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase100,
    lineHeight: "16px",
    textAlign: "center",
  },
  stepList: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, listStyle: "none", padding: 0, margin: 0 },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`, outline: "none" },
  footer: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalXL, paddingTop: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, "@media print": { display: "none" } },
  banner: { margin: `${tokens.spacingVerticalS} 0` },
  example: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", margin: `${tokens.spacingVerticalS} 0`, "& select": { maxWidth: "100%" } },
  exampleSelect: { minWidth: 0, maxWidth: "100%" },
  problems: { margin: `${tokens.spacingVerticalS} 0` },
});

function stepOf(path: string, draft: Draft): number {
  const m = /^events\.(\d+)/.exec(path);
  if (m) {
    const type = draft.events[Number(m[1])]?.type;
    return steps.findIndex((s) => type !== undefined && s.events.includes(type));
  }
  return steps.findIndex((s) => s.prefixes.some((p) => path === p || path.startsWith(`${p}.`)));
}

function initialLang(): Lang {
  const query = typeof location === "undefined" ? null : /[?&]lang=([\w-]+)/.exec(location.search)?.[1];
  return langOf(query) ?? langOf(host.get().displayLanguage) ?? langOf(typeof navigator === "undefined" ? undefined : navigator.language) ?? "en-US";
}

/** What a reload must not lose: the draft, the bench, the language and unit, kept by storage.ts. */
type Kept = Work;

/** What the pane read back when it opened, and what it had to set aside (kept, and said). */
function restored(): { kept?: Kept; lang?: Lang; unit?: AmountUnit; asides: readonly { key: "work" | "lang" | "unit"; aside: SetAside }[] } {
  const work = loadStored("work", workFormat);
  const lang = loadStored("lang", langFormat);
  const unit = loadStored("unit", unitFormat);
  const asides = ([["work", work], ["lang", lang], ["unit", unit]] as const).flatMap(([key, l]) => (l.aside ? [{ key, aside: l.aside }] : []));
  return { kept: work.value, lang: lang.value, unit: unit.value, asides };
}

const units: readonly AmountUnit[] = ["yuan", "wan", "yi"];

export function App() {
  const styles = useStyles();
  const hostState = useSyncExternalStore(host.subscribe, host.get);
  const [{ kept, lang: keptLang, unit: keptUnit, asides }] = useState(restored);
  const [chosenLang, setChosenLang] = useState<Lang | undefined>(keptLang);
  const lang = chosenLang ?? langOf(hostState.displayLanguage) ?? initialLang();
  const i18n = useMemo<I18n>(() => ({ lang, t: (key, params) => translate(lang, key, params) }), [lang]);
  const { t } = i18n;
  const [unit, setUnit] = useState<AmountUnit>(keptUnit ?? "yuan");

  const history = useHistory<{ draft: Draft; bench: Bench }>(() => kept ?? { draft: emptyDraft(new Date().getFullYear()), bench: emptyBench });
  const { draft, bench } = history.present;
  // The step the person was on survives a reload; anything stored that is not a step is ignored.
  const [step, setStep] = useState(() => {
    const kept = loadStored("step", stepFormat).value;
    return kept !== undefined && kept < steps.length ? kept : 0;
  });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState<ReadonlySet<number>>(new Set());
  const [visited, setVisited] = useState<ReadonlySet<number>>(() => new Set([0, step]));
  const [example, setExample] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const [confirmDialog, ask] = useConfirm();

  const packs = usePacks(hostState.mode, i18n);
  // The region and every figure are checked against the engine's catalog: again when packs change it.
  const validation = useMemo(() => validate(draft), [draft, packs.version]);
  const warnings = usePlausibility(step > 0 && step < RESULTS ? validation.scenario : undefined, i18n);
  /** Every edit of the draft: one step of history per field typed into; the active what-if follows. */
  const change = useCallback(
    (patch: Partial<Draft>, group?: string) =>
      history.set((p) => {
        const next = { ...p.draft, ...patch };
        return { draft: next, bench: syncActive(p.bench, next) };
      }, group ?? Object.keys(patch).join()),
    [history],
  );
  /** A change that is a step of its own (a card removed, an example loaded, a what-if made). */
  const replace = useCallback((next: (p: Kept) => Kept) => history.set(next), [history]);
  const form = useMemo<FormState>(
    () => ({
      problems: validation.problems,
      shown: (path) => touched.has(path) || submitted.has(stepOf(path, draft)),
      touch: (path) => setTouched((prev) => (prev.has(path) ? prev : new Set(prev).add(path))),
    }),
    [validation, touched, submitted, draft],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => save("work", storedWork(history.present)), [history.present]);
  useEffect(() => {
    if (chosenLang) save("lang", chosenLang);
  }, [chosenLang]);
  useEffect(() => save("unit", unit), [unit]);
  useEffect(() => save("step", step), [step]);
  useEffect(() => {
    performance.mark("taskpane:first-render");
  }, []);
  useEffect(() => {
    // A new step: focus its heading, so keyboard and screen-reader users start at its top.
    if (moved.current) heading.current?.focus();
    moved.current = true;
    setVisited((prev) => (prev.has(step) ? prev : new Set(prev).add(step)));
  }, [step]);
  useEffect(() => {
    // Ctrl+Z / Ctrl+Y outside a text box (a text box keeps the browser's own undo of typing).
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (!(e.ctrlKey || e.metaKey) || (el && /^(INPUT|TEXTAREA)$/.test(el.tagName))) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) history.undo();
      else if (key === "y" || (key === "z" && e.shiftKey)) history.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [history]);

  const stepProblems = (i: number): Problem[] =>
    problemsUnder(validation.problems, steps[i].prefixes, (k) => {
      const type = draft.events[k]?.type;
      return type !== undefined && steps[i].events.includes(type);
    });

  const go = (target: number) => setStep(Math.max(0, Math.min(steps.length - 1, target)));
  const next = () => {
    const problems = step < RESULTS ? stepProblems(step) : [];
    if (problems.length > 0) {
      setSubmitted((prev) => new Set(prev).add(step));
      document.querySelector<HTMLElement>(`[name="${CSS.escape(problems[0].path)}"]`)?.focus();
      return;
    }
    go(step + 1);
  };
  /** Anything that replaces typed work asks first (undo can still bring it back). */
  const confirmReplace = async (what: string): Promise<boolean> =>
    isEmpty(draft) || ask({ title: t("replace.title"), body: t("replace.body", { what }), confirm: t("replace.confirm") });
  const load = async (s: Scenario, what = s.name) => {
    if (!(await confirmReplace(what))) return;
    replace((p) => ({ draft: fromScenario(s, unit), bench: { ...p.bench, active: undefined } }));
    setTouched(new Set());
    setSubmitted(new Set());
    go(0);
  };
  const scenarioOf = useCallback((d: Draft) => validate(d).scenario, []);
  const benchActions = {
    bench,
    scenarioOf,
    setBaseline: () => replace((p) => ({ ...p, bench: { ...p.bench, baseline: { name: t("whatif.baseline"), draft: p.draft }, active: undefined } })),
    newWhatIf: () => replace((p) => ({ ...p, bench: withVariant(p.bench, p.draft, t("whatif.name", { n: p.bench.variants.length + 1 })) })),
    backToBaseline: () => replace((p) => (p.bench.baseline ? { draft: p.bench.baseline.draft, bench: { ...p.bench, active: undefined } } : p)),
    openVariant: (id: string) => replace((p) => ({ draft: p.bench.variants.find((v) => v.id === id)?.draft ?? p.draft, bench: { ...p.bench, active: id } })),
    removeVariant: (id: string) => replace((p) => ({ ...p, bench: { ...p.bench, variants: p.bench.variants.filter((v) => v.id !== id), active: p.bench.active === id ? undefined : p.bench.active } })),
    renameBaseline: (name: string) => history.set((p) => (p.bench.baseline ? { ...p, bench: { ...p.bench, baseline: { ...p.bench.baseline, name } } } : p), "rename baseline"),
    renameVariant: (id: string, name: string) =>
      history.set((p) => ({ ...p, bench: { ...p.bench, variants: p.bench.variants.map((v) => (v.id === id ? { ...v, name } : v)) } }), `rename ${id}`),
  };

  /** One click on a clause the plan could still claim: the event that claims it, on its step (or a year of figures, on this one). */
  const claim = (c: Claimable) => {
    if (c.claimWith === "financials") {
      const years = draft.financials.map((x) => Number(x.year)).filter(Number.isInteger);
      const year = years.length ? Math.min(...years) - 1 : Number(draft.from) - 1;
      change({ financials: [...draft.financials, emptyFinancial(Number.isInteger(year) ? String(year) : "")] }, "claim");
      return;
    }
    change({ events: [...draft.events, claimingEvent({ ...c, claimWith: c.claimWith }, draft.from)] }, "claim");
    go((productEventTypes as readonly string[]).includes(c.claimWith) ? 1 : 2);
  };

  /** Problems of a step once it has been left, tried, or typed in: the nav button says how many. */
  const badge = (i: number): number => {
    if (i >= RESULTS) return 0;
    const problems = stepProblems(i);
    const seen = submitted.has(i) || (visited.has(i) && i !== step) || problems.some((p) => touched.has(p.path));
    return seen ? problems.length : 0;
  };
  const current = steps[step];
  const problemsHere = step < RESULTS && submitted.has(step) ? stepProblems(step) : [];
  const blocking = step >= RESULTS ? steps.slice(0, RESULTS).map((_, i) => ({ i, n: stepProblems(i).length })).filter((x) => x.n > 0) : [];

  const removeCard = useCallback(
    async (what: string, typed: boolean, next: Partial<Draft>) => {
      if (typed && !(await ask({ title: t("removeCard.title"), body: t("removeCard.body", { what }), confirm: t("remove") }))) return;
      replace((p) => {
        const d = { ...p.draft, ...next };
        return { draft: d, bench: syncActive(p.bench, d) };
      });
    },
    [ask, replace, t],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <UnitContext.Provider value={unit}>
      <ConfirmContext.Provider value={removeCard}>
      <FormContext.Provider value={form}>
      <PacksContext.Provider value={packs}>
        <div className={styles.app} data-testid="wizard" data-mode={hostState.mode}>
          <header>
            <div className={styles.header}>
              <h1 className={styles.h1}>{t("app.title")}</h1>
              <div className={styles.tools}>
                <Button size="small" disabled={!history.canUndo} onClick={history.undo} aria-keyshortcuts="Control+Z" data-testid="undo">
                  {t("undo")}
                </Button>
                <Button size="small" disabled={!history.canRedo} onClick={history.redo} aria-keyshortcuts="Control+Y" data-testid="redo">
                  {t("redo")}
                </Button>
                <Select size="small" className={styles.unit} aria-label={t("unit.choose")} value={unit} onChange={(_, d) => setUnit(d.value as AmountUnit)} data-testid="unit">
                  {units.map((u) => (
                    <option key={u} value={u}>
                      {t(`unit.${u}`)}
                    </option>
                  ))}
                </Select>
              </div>
              <div className={styles.langs} role="group" aria-label={t("lang.switch")}>
                {langs.map((l) => (
                  <ToggleButton key={l} size="small" checked={l === lang} lang={l} onClick={() => setChosenLang(l)}>
                    {t(l === "en-US" ? "lang.en" : "lang.zh")}
                  </ToggleButton>
                ))}
              </div>
            </div>
            {hostState.mode === "connecting" && <Spinner size="tiny" label={t("host.connecting")} className={styles.banner} />}
            {hostState.mode === "preview" && (
              <MessageBar intent="info" className={styles.banner} data-testid="preview-banner">
                <MessageBarBody>
                  {t("preview.banner")} {hostState.reason === "outside-excel" ? t("preview.outsideExcel") : t("preview.noOffice")}
                </MessageBarBody>
              </MessageBar>
            )}
            {asides.map(({ key, aside }) => (
              <MessageBar key={key} intent="warning" className={styles.banner} data-testid={key === "work" ? "stored-aside" : "setting-aside"}>
                <MessageBarBody>
                  {key === "work" ? t("aside.work", { reason: asideReason(aside, t) }) : t("aside.setting", { what: t(key === "lang" ? "lang.switch" : "unit.choose"), reason: asideReason(aside, t) })}
                </MessageBarBody>
              </MessageBar>
            ))}
          </header>

          <nav className={styles.nav} aria-label={t("steps.label")}>
            <ol className={styles.stepList}>
              {steps.map((s, i) => (
                <li key={s.id}>
                  <Button size="small" appearance={i === step ? "primary" : "subtle"} aria-current={i === step ? "step" : undefined} onClick={() => go(i)} data-testid={`step-${i + 1}`}>
                    {i + 1}. {t(s.title)}
                    {badge(i) > 0 && (
                      <span className={styles.badge} aria-label={t("steps.problems", { n: badge(i) })} role="img" data-testid={`step-badge-${i + 1}`}>
                        {badge(i)}
                      </span>
                    )}
                  </Button>
                </li>
              ))}
            </ol>
          </nav>

          <main>
            <h2 className={styles.h2} ref={heading} tabIndex={-1} data-testid="step-title">
              {t("steps.counter", { n: step + 1, total: steps.length })} · {t(current.title)}
            </h2>
            <p>{t(current.help)}</p>

            {problemsHere.length > 0 && (
              <MessageBar intent="error" className={styles.problems} role="alert">
                <MessageBarBody>{t("problems.step", { n: problemsHere.length })}</MessageBarBody>
              </MessageBar>
            )}

            <Boundary what={t(current.title)} resetKeys={[step]}>
            {current.id === "enterprise" && (
              <>
                <div className={styles.example}>
                  <Select className={styles.exampleSelect} aria-label={t("example.label")} value={example} onChange={(_, d) => setExample(d.value)}>
                    <option value="">{t("example.choose")}</option>
                    {examples.map((e) => (
                      <option key={e.id} value={e.id}>
                        {t(`example.${e.id}`)}
                      </option>
                    ))}
                  </Select>
                  <Button disabled={!example} onClick={() => void load(parseScenario(exampleRaw(example as ExampleId, lang)), t(`example.${example as ExampleId}`))}>
                    {t("example.load")}
                  </Button>
                  <ImportButton onScenario={(s) => void load(s)} />
                </div>
                <EnterpriseStep draft={draft} change={change} />
                <ClaimableList draft={draft} onClaim={claim} />
              </>
            )}
            {current.id === "products" && <EventsStep draft={draft} change={change} types={productEventTypes} addLabel="event.addMilestone" empty="event.noneProducts" warnings={warnings} />}
            {current.id === "investments" && (
              <>
                <EventsStep draft={draft} change={change} types={investmentEventTypes} addLabel="event.addInvestment" empty="event.noneInvestments" warnings={warnings} />
                <AssumptionsSection draft={draft} change={change} />
              </>
            )}
            {step >= RESULTS && blocking.length > 0 && (
              <MessageBar intent="error" className={styles.problems}>
                <MessageBarBody>
                  {t("problems.results")}{" "}
                  {blocking.map(({ i, n }) => (
                    <Button
                      key={i}
                      size="small"
                      appearance="transparent"
                      onClick={() => {
                        setSubmitted((prev) => new Set(prev).add(i));
                        go(i);
                      }}
                    >
                      {t("problems.goTo", { step: t(steps[i].title), n })}
                    </Button>
                  ))}
                </MessageBarBody>
              </MessageBar>
            )}
            <Suspense fallback={<Spinner size="small" label={t("loading")} />}>
              {current.id === "results" && validation.scenario && <ResultsStep scenario={validation.scenario} draft={draft} change={change} {...benchActions} />}
              {current.id === "workbook" && <WorkbookStep scenario={validation.scenario} hostState={hostState} onLoad={(s) => void load(s)} />}
              {current.id === "workbook" && <PacksSection />}
            </Suspense>
            </Boundary>
          </main>

          <footer className={styles.footer}>
            <Button disabled={step === 0} onClick={() => go(step - 1)}>
              {t("back")}
            </Button>
            {step < steps.length - 1 && (
              <Button appearance="primary" onClick={next} data-testid="next">
                {t("next", { step: t(steps[step + 1].title) })}
              </Button>
            )}
          </footer>
          {confirmDialog}
        </div>
      </PacksContext.Provider>
      </FormContext.Provider>
      </ConfirmContext.Provider>
      </UnitContext.Provider>
    </I18nContext.Provider>
  );
}

/** Called by taskpane.ts once this chunk has loaded: the page's plain status line gives way. */
export function mount(root: HTMLElement, status: HTMLElement | null): void {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Boundary what="Subsidy forecast · 政策补贴测算">
        <App />
      </Boundary>
    </FluentProvider>,
  );
  if (status) status.hidden = true;
}

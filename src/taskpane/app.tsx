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
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { parseScenario, type Scenario } from "./engine";
import changpingDevice from "../../examples/changping-device-startup.json";
import changpingDrug from "../../examples/changping-drug-developer.json";
import shenzhenPlant from "../../examples/shenzhen-imaging-plant.json";
import { host } from "./host";
import { I18nContext, langOf, langs, translate, type I18n, type Lang, type MessageKey } from "./i18n";
import { ResultsStep } from "./results/ResultsStep";
import { AssumptionsSection } from "./wizard/AssumptionsSection";
import { EnterpriseStep } from "./wizard/EnterpriseStep";
import { EventsStep } from "./wizard/EventsStep";
import { emptyDraft, fromScenario, investmentEventTypes, problemsUnder, productEventTypes, validate, type Draft, type EventType, type Problem } from "./wizard/draft";
import { FormContext, type FormState } from "./wizard/fields";
import { WorkbookStep } from "./workbook/WorkbookStep";

/**
 * The task pane: a wizard over the engine's scenario model. Steps 1–3 build the scenario (every
 * field checked by the scenario schema as it is typed), step 4 shows the engine's forecast of
 * it, step 5 writes it into the workbook and keeps named scenarios there.
 */

const examples: readonly { id: string; raw: unknown }[] = [
  { id: "changping-device-startup", raw: changpingDevice },
  { id: "shenzhen-imaging-plant", raw: shenzhenPlant },
  { id: "changping-drug-developer", raw: changpingDrug },
];

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
  nav: { margin: `${tokens.spacingVerticalM} 0` },
  stepList: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, listStyle: "none", padding: 0, margin: 0 },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`, outline: "none" },
  footer: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalXL, paddingTop: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  banner: { margin: `${tokens.spacingVerticalS} 0` },
  example: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", margin: `${tokens.spacingVerticalS} 0` },
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

export function App() {
  const styles = useStyles();
  const hostState = useSyncExternalStore(host.subscribe, host.get);
  const [chosenLang, setChosenLang] = useState<Lang>();
  const lang = chosenLang ?? langOf(hostState.displayLanguage) ?? initialLang();
  const i18n = useMemo<I18n>(() => ({ lang, t: (key, params) => translate(lang, key, params) }), [lang]);
  const { t } = i18n;

  const [draft, setDraft] = useState<Draft>(() => emptyDraft(new Date().getFullYear()));
  const [step, setStep] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState<ReadonlySet<number>>(new Set());
  const [example, setExample] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const validation = useMemo(() => validate(draft), [draft]);
  const change = useCallback((patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch })), []);
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
  useEffect(() => {
    performance.mark("taskpane:first-render");
  }, []);
  useEffect(() => {
    // A new step: focus its heading, so keyboard and screen-reader users start at its top.
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [step]);

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
  const load = (s: Scenario) => {
    setDraft(fromScenario(s));
    setTouched(new Set());
    setSubmitted(new Set());
    go(0);
  };

  const current = steps[step];
  const problemsHere = step < RESULTS && submitted.has(step) ? stepProblems(step) : [];
  const blocking = step >= RESULTS ? steps.slice(0, RESULTS).map((_, i) => ({ i, n: stepProblems(i).length })).filter((x) => x.n > 0) : [];

  return (
    <I18nContext.Provider value={i18n}>
      <FormContext.Provider value={form}>
        <div className={styles.app} data-testid="wizard" data-mode={hostState.mode}>
          <header>
            <div className={styles.header}>
              <h1 className={styles.h1}>{t("app.title")}</h1>
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
          </header>

          <nav className={styles.nav} aria-label={t("steps.label")}>
            <ol className={styles.stepList}>
              {steps.map((s, i) => (
                <li key={s.id}>
                  <Button size="small" appearance={i === step ? "primary" : "subtle"} aria-current={i === step ? "step" : undefined} onClick={() => go(i)}>
                    {i + 1}. {t(s.title)}
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

            {current.id === "enterprise" && (
              <>
                <div className={styles.example}>
                  <Select aria-label={t("example.label")} value={example} onChange={(_, d) => setExample(d.value)}>
                    <option value="">{t("example.choose")}</option>
                    {examples.map((e) => (
                      <option key={e.id} value={e.id}>
                        {t(`example.${e.id as "changping-device-startup"}`)}
                      </option>
                    ))}
                  </Select>
                  <Button disabled={!example} onClick={() => load(parseScenario(examples.find((e) => e.id === example)!.raw))}>
                    {t("example.load")}
                  </Button>
                </div>
                <EnterpriseStep draft={draft} change={change} />
              </>
            )}
            {current.id === "products" && <EventsStep draft={draft} change={change} types={productEventTypes} addLabel="event.addMilestone" empty="event.noneProducts" />}
            {current.id === "investments" && (
              <>
                <EventsStep draft={draft} change={change} types={investmentEventTypes} addLabel="event.addInvestment" empty="event.noneInvestments" />
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
            {current.id === "results" && validation.scenario && <ResultsStep scenario={validation.scenario} />}
            {current.id === "workbook" && <WorkbookStep scenario={validation.scenario} hostState={hostState} onLoad={load} />}
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
        </div>
      </FormContext.Provider>
    </I18nContext.Provider>
  );
}

/** Called by taskpane.ts once this chunk has loaded: the page's plain status line gives way. */
export function mount(root: HTMLElement, status: HTMLElement | null): void {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
  if (status) status.hidden = true;
}

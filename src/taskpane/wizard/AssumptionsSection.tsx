import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useMemo } from "react";
import { engine, jurisdictionsOf, parseRegion } from "../engine";
import { useI18n } from "../i18n";
import { loadSettings } from "../steps-loader";
import { newKey, type Draft, type DraftAssumption } from "./draft";
import { PercentField, SelectField, TextField, useFieldRowStyles } from "./fields";

/** The accounting and tax settings load with the results' chunk: the first render needs only the form. */
const AccountingSettings = lazy(() => loadSettings().then((m) => ({ default: m.AccountingSettings })));

const useStyles = makeStyles({
  assumption: { display: "grid", gridTemplateColumns: "1fr minmax(6em, 9em) auto", columnGap: tokens.spacingHorizontalS, alignItems: "end", marginBottom: tokens.spacingVerticalS },
});

/**
 * Step 3's settings: the default chance and realisation of every event, rates assumed for the
 * clauses whose text gives no number (ruling 3: they pay nothing unless a rate is assumed, and
 * the result then says it is an assumption), issue dates the texts do not state, and the
 * accounting and tax settings the cash, profit and tax views rest on.
 */
export function AssumptionsSection({ draft, change }: { readonly draft: Draft; readonly change: (patch: Partial<Draft>) => void }) {
  const { t, lang } = useI18n();
  const rows = useFieldRowStyles();
  const styles = useStyles();
  const region = parseRegion(draft.region);
  const { unspecified, undated } = useMemo(() => {
    const { catalog } = engine();
    const reach = region && jurisdictionsOf(region);
    const here = catalog.documents.filter((d) => !reach || reach.includes(d.jurisdiction));
    return {
      unspecified: here.flatMap((d) => d.clauses.filter((c) => c.formula?.kind === "unspecified").map((c) => ({ clause: c, document: d }))),
      undated: here.filter((d) => d.validityYears !== undefined && !d.issued && !d.validFrom),
    };
  }, [region]);
  const setAssumption = (i: number, patch: Partial<DraftAssumption>) => change({ assumptions: draft.assumptions.map((a, k) => (k === i ? { ...a, ...patch } : a)) });
  return (
    <>
      <h3>{t("defaults.title")}</h3>
      <p>{t("defaults.help")}</p>
      <div className={rows.row}>
        <PercentField path="defaults.probability" label={t("field.defaultProbability")} value={draft.defaultProbability} onChange={(defaultProbability) => change({ defaultProbability })} />
        <PercentField path="defaults.realisation" label={t("field.defaultRealisation")} value={draft.defaultRealisation} onChange={(defaultRealisation) => change({ defaultRealisation })} />
      </div>

      <h3>{t("assumptions.title")}</h3>
      <p>{t("assumptions.help")}</p>
      {draft.assumptions.map((a, i) => (
        <div className={styles.assumption} key={a.key}>
          <SelectField
            path={`assumptions.${a.clause || i}.clause`}
            label={t("field.clause")}
            value={a.clause}
            placeholder={t("choose")}
            options={unspecified.map(({ clause, document }) => ({
              value: clause.id,
              label: `${lang === "zh-CN" ? document.title : document.titleEn} ${clause.article}: ${lang === "zh-CN" ? clause.summary.zh : clause.summary.en}`,
            }))}
            onChange={(clause) => setAssumption(i, { clause })}
          />
          <TextField path={`assumptions.${a.clause}`} label={t("field.rate")} value={a.rate} onChange={(rate) => setAssumption(i, { rate })} hint={t("hint.rate")} inputMode="decimal" />
          <Button appearance="subtle" aria-label={t("assumptions.remove", { n: i + 1 })} onClick={() => change({ assumptions: draft.assumptions.filter((_, k) => k !== i) })}>
            {t("remove")}
          </Button>
        </div>
      ))}
      <Button disabled={unspecified.length === 0} onClick={() => change({ assumptions: [...draft.assumptions, { key: newKey("a"), clause: "", rate: "" }] })}>
        {t("assumptions.add")}
      </Button>

      {undated.length > 0 && (
        <>
          <h3>{t("issueDates.title")}</h3>
          {undated.map((d) => (
            <TextField
              key={d.id}
              path={`issueDates.${d.id}`}
              label={t("field.issueDate", { title: lang === "zh-CN" ? d.title : d.titleEn })}
              hint={t("hint.issueDate", { years: d.validityYears ?? "" })}
              type="date"
              value={draft.issueDates[d.id] ?? ""}
              onChange={(date) => change({ issueDates: { ...draft.issueDates, [d.id]: date } })}
            />
          ))}
        </>
      )}

      <Suspense fallback={<Spinner size="small" label={t("loading")} />}>
        <AccountingSettings draft={draft} change={change} />
      </Suspense>
    </>
  );
}

import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { engine, factLabel, factsRead, listClauses, regions, type Region } from "../engine";
import { useI18n } from "../i18n";
import { clauseName, regionName } from "../results/words";
import { packRegions } from "../packs/describe";
import { usePacksInUse } from "../packs/state";
import { emptyFinancial, type Draft, type DraftFinancial } from "./draft";
import { MoneyField, SelectField, TextField, YearField, useFieldRowStyles } from "./fields";
import { useFocusAfterRender } from "./focus";
import { useRemoveCard } from "./confirm";

const useStyles = makeStyles({
  /** Year and two amounts on one line where they fit; at 350 px the amounts wrap, never clip. */
  financial: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "flex-end",
    marginBottom: tokens.spacingVerticalS,
  },
  amount: { flexGrow: 1, flexBasis: "10em", minWidth: 0 },
  remove: { marginBottom: "2px" },
});

interface Props {
  readonly draft: Draft;
  readonly change: (patch: Partial<Draft>) => void;
}

/** Step 1: who and where the enterprise is, the horizon, and its revenue and R&D by year. */
export function EnterpriseStep({ draft, change }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = useFieldRowStyles();
  const styles = useStyles();
  const focusLater = useFocusAfterRender();
  const remove = useRemoveCard();
  // The built-in names, then each pack's place (its Chinese name, as a cell writes it).
  const places = [...regions, ...packRegions(usePacksInUse().added)];
  const setFinancial = (i: number, patch: Partial<DraftFinancial>) => change({ financials: draft.financials.map((f, k) => (k === i ? { ...f, ...patch } : f)) });
  const addYear = () => {
    const years = draft.financials.map((f) => Number(f.year)).filter(Number.isInteger);
    const next = years.length ? Math.max(...years) + 1 : Number(draft.from) - 3;
    change({ financials: [...draft.financials, emptyFinancial(Number.isInteger(next) ? String(next) : "")] });
    // Keyboard users land on the new row's revenue.
    focusLater(`input[name="financials.${draft.financials.length}.revenue"]`);
  };
  return (
    <>
      <div className={rows.row}>
        <div className={rows.grow}>
          <TextField path="name" label={t("field.scenarioName")} value={draft.name} onChange={(name) => change({ name })} required hint={t("hint.scenarioName")} />
        </div>
        <div className={rows.grow}>
          <TextField path="enterprise.name" label={t("field.enterpriseName")} value={draft.enterpriseName} onChange={(enterpriseName) => change({ enterpriseName })} />
        </div>
      </div>
      <div className={rows.row}>
        <div className={rows.grow}>
          <SelectField
            path="enterprise.region"
            label={t("field.region")}
            value={draft.region}
            required
            placeholder={t("choose")}
            options={places.map((r) => ({ value: r, label: regionName(r, i18n) }))}
            onChange={(region) => change({ region })}
            hint={t("hint.region")}
          />
        </div>
        <div className={rows.grow}>
          <SelectField
            path="enterprise.sector"
            label={t("field.sector")}
            value={draft.sector}
            required
            placeholder={t("choose")}
            options={[
              { value: "device", label: t("sector.device") },
              { value: "drug", label: t("sector.drug") },
            ]}
            onChange={(sector) => change({ sector })}
          />
        </div>
        <div className={rows.grow}>
          <SelectField
            path="enterprise.sme"
            label={t("field.sme")}
            value={draft.sme}
            placeholder={t("sme.unknown")}
            options={[
              { value: "yes", label: t("yes") },
              { value: "no", label: t("no") },
            ]}
            onChange={(sme) => change({ sme: sme as Draft["sme"] })}
          />
        </div>
      </div>
      <div className={rows.row}>
        <YearField path="horizon.from" label={t("field.from")} value={draft.from} onChange={(from) => change({ from })} required />
        <YearField path="horizon.to" label={t("field.to")} value={draft.to} onChange={(to) => change({ to })} required />
      </div>

      <h3>{t("financials.title")}</h3>
      <p>{t("financials.help")}</p>
      <FiguresRead region={draft.region} places={places} />
      {draft.financials.map((f, i) => (
        <div className={styles.financial} key={f.key} role="group" aria-label={t("financials.row", { year: f.year || i + 1 })}>
          <YearField path={`financials.${i}.year`} label={t("field.year")} value={f.year} onChange={(year) => setFinancial(i, { year })} />
          <div className={styles.amount}>
            <MoneyField path={`financials.${i}.revenue`} label={t("field.revenue")} value={f.revenue} onChange={(revenue) => setFinancial(i, { revenue })} hint="" />
          </div>
          <div className={styles.amount}>
            <MoneyField path={`financials.${i}.rd`} label={t("field.rd")} value={f.rd} onChange={(rd) => setFinancial(i, { rd })} hint="" />
          </div>
          <Button
            className={styles.remove}
            appearance="subtle"
            size="small"
            aria-label={t("financials.remove", { year: f.year || i + 1 })}
            onClick={() => void remove(t("financials.row", { year: f.year || i + 1 }), f.revenue.trim() !== "" || f.rd.trim() !== "", { financials: draft.financials.filter((_, k) => k !== i) })}
          >
            {t("remove")}
          </Button>
        </div>
      ))}
      <Button onClick={addYear}>{t("financials.add")}</Button>
    </>
  );
}

/**
 * What each clause of the enterprise's places reads of these figures, from the catalog (昌平器械
 * 第三条（一）: 上一年度营业收入, 上一年度研发投入, 上上年度研发投入), not a rule of thumb.
 */
function FiguresRead({ region, places }: { readonly region: string; readonly places: readonly string[] }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  if (!places.includes(region)) return <p data-testid="figures-read">{t("financials.readsChoose")}</p>;
  const read = (["rd", "revenue"] as const).flatMap((topic) => listClauses(engine().catalog, region as Region, topic)).filter(({ clause }) => clause.formula !== undefined);
  if (read.length === 0) return <p data-testid="figures-read">{t("financials.readsNone", { region: regionName(region, i18n) })}</p>;
  return (
    <ul data-testid="figures-read" aria-label={t("financials.readsTitle")}>
      {read.map(({ clause }) => (
        <li key={clause.id}>{t("financials.reads", { clause: clauseName(clause.id, i18n), facts: factsRead(clause).map((f) => factLabel(f, lang)).join(lang === "zh-CN" ? "、" : ", ") })}</li>
      ))}
    </ul>
  );
}

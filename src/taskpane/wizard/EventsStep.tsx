import { Button, Select, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useState } from "react";
import { topics } from "../engine";
import { useI18n, type MessageKey } from "../i18n";
import { emptyEvent, type Draft, type DraftEvent, type EventType } from "./draft";
import { useFocusAfterRender } from "./focus";
import { CheckField, MoneyField, PercentField, SelectField, TextField, YearField, useFieldRowStyles } from "./fields";

const useStyles = makeStyles({
  card: {
    marginBottom: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  add: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", marginTop: tokens.spacingVerticalM },
});

interface Props {
  readonly draft: Draft;
  readonly change: (patch: Partial<Draft>) => void;
  /** The kinds of event this step edits; the others stay in the draft untouched. */
  readonly types: readonly EventType[];
  readonly addLabel: MessageKey;
  readonly empty: MessageKey;
}

/** Steps 2 and 3: the scenario's events of some kinds, one card each, in plan order. */
export function EventsStep({ draft, change, types, addLabel, empty }: Props) {
  const { t } = useI18n();
  const styles = useStyles();
  const [kind, setKind] = useState<EventType>(types[0]);
  const kindId = useId("kind");
  const focusLater = useFocusAfterRender();
  const mine = draft.events.map((e, i) => ({ e, i })).filter(({ e }) => types.includes(e.type));
  const setEvent = (i: number, patch: Partial<DraftEvent>) => change({ events: draft.events.map((e, k) => (k === i ? { ...e, ...patch } : e)) });
  const add = () => {
    const index = draft.events.length;
    change({ events: [...draft.events, emptyEvent(kind, draft.from)] });
    // Keyboard users land on the new card's first field.
    focusLater(`[name^="events.${index}."]`);
  };
  return (
    <>
      {mine.length === 0 && <p>{t(empty)}</p>}
      {mine.map(({ e, i }, n) => (
        <div key={e.key} className={styles.card} role="group" aria-labelledby={`${e.key}-title`}>
          <div className={styles.head}>
            <h3 className={styles.title} id={`${e.key}-title`}>
              {n + 1}. {t(`event.${e.type}`)}
            </h3>
            <Button appearance="subtle" aria-label={t("event.remove", { n: n + 1, kind: t(`event.${e.type}`) })} onClick={() => change({ events: draft.events.filter((_, k) => k !== i) })}>
              {t("remove")}
            </Button>
          </div>
          <EventFields event={e} index={i} set={(patch) => setEvent(i, patch)} />
        </div>
      ))}
      <div className={styles.add}>
        <label htmlFor={kindId}>{t("event.kind")}</label>
        <Select id={kindId} value={kind} onChange={(_, data) => setKind(data.value as EventType)}>
          {types.map((type) => (
            <option key={type} value={type}>
              {t(`event.${type}`)}
            </option>
          ))}
        </Select>
        <Button appearance="primary" onClick={add}>
          {t(addLabel)}
        </Button>
      </div>
    </>
  );
}

function EventFields({ event: e, index, set }: { readonly event: DraftEvent; readonly index: number; readonly set: (patch: Partial<DraftEvent>) => void }) {
  const { t } = useI18n();
  const rows = useFieldRowStyles();
  const path = (field: string) => `events.${index}.${field}`;
  const hasProduct = e.type !== "insurance" && e.type !== "facility" && e.type !== "other";
  return (
    <>
      <div className={rows.row}>
        <YearField path={path("year")} label={t("field.year")} value={e.year} onChange={(year) => set({ year })} required />
        {hasProduct && (
          <div className={rows.grow}>
            <TextField path={path("product")} label={t("field.product")} value={e.product} onChange={(product) => set({ product })} required />
          </div>
        )}
      </div>
      {e.type === "certificate" && (
        <div className={rows.row}>
          <SelectField
            path={path("class")}
            label={t("field.deviceClass")}
            value={e.deviceClass}
            required
            placeholder={t("choose")}
            options={[1, 2, 3].map((c) => ({ value: String(c), label: t(`deviceClass.${c as 1 | 2 | 3}`) }))}
            onChange={(deviceClass) => set({ deviceClass })}
          />
          <SelectField
            path={path("pathway")}
            label={t("field.pathway")}
            value={e.pathway}
            options={(["standard", "innovative", "major"] as const).map((p) => ({ value: p, label: t(`pathway.${p}`) }))}
            onChange={(pathway) => set({ pathway })}
          />
          <div className={rows.grow}>
            <MoneyField path={path("rdCost")} label={t("field.rdCost")} value={e.rdCost} onChange={(rdCost) => set({ rdCost })} required />
          </div>
          <CheckField path={path("localProduction")} label={t("field.localProduction")} checked={e.localProduction} onChange={(localProduction) => set({ localProduction })} />
        </div>
      )}
      {e.type === "fdaBreakthrough" && <MoneyField path={path("rdCost")} label={t("field.rdCost")} value={e.rdCost} onChange={(rdCost) => set({ rdCost })} required />}
      {e.type === "clinical" && (
        <div className={rows.row}>
          <YearField path={path("drugClass")} label={t("field.drugClass")} value={e.drugClass} onChange={(drugClass) => set({ drugClass })} required />
          <SelectField
            path={path("phase")}
            label={t("field.phase")}
            value={e.phase}
            required
            placeholder={t("choose")}
            options={[1, 2, 3].map((p) => ({ value: String(p), label: t(`phase.${p as 1 | 2 | 3}`) }))}
            onChange={(phase) => set({ phase })}
          />
        </div>
      )}
      {e.type === "output" && (
        <div className={rows.row}>
          <div className={rows.grow}>
            <MoneyField path={path("value")} label={t("field.output")} value={e.value} onChange={(value) => set({ value })} required />
          </div>
          <div className={rows.grow}>
            <MoneyField path={path("bestBefore")} label={t("field.bestBefore")} value={e.bestBefore} onChange={(bestBefore) => set({ bestBefore })} hint={t("hint.bestBefore")} />
          </div>
        </div>
      )}
      {e.type === "vbp" && (
        <div className={rows.row}>
          <div className={rows.grow}>
            <MoneyField path={path("bidValue")} label={t("field.bidValue")} value={e.bidValue} onChange={(bidValue) => set({ bidValue })} required />
          </div>
          <CheckField path={path("wonBefore")} label={t("field.wonBefore")} checked={e.wonBefore} onChange={(wonBefore) => set({ wonBefore })} />
        </div>
      )}
      {e.type === "firstSet" && <MoneyField path={path("sales")} label={t("field.sales")} value={e.sales} onChange={(sales) => set({ sales })} required />}
      {e.type === "insurance" && <MoneyField path={path("premium")} label={t("field.premium")} value={e.premium} onChange={(premium) => set({ premium })} required />}
      {e.type === "facility" && (
        <div className={rows.row}>
          <div className={rows.grow}>
            <MoneyField path={path("cost")} label={t("field.facilityCost")} value={e.cost} onChange={(cost) => set({ cost })} required />
          </div>
          <TextField path={path("areaM2")} label={t("field.area")} value={e.areaM2} onChange={(areaM2) => set({ areaM2 })} inputMode="decimal" after={<span aria-hidden="true">m²</span>} required />
        </div>
      )}
      {e.type === "other" && (
        <div className={rows.row}>
          <SelectField
            path={path("topic")}
            label={t("field.topic")}
            value={e.topic}
            required
            placeholder={t("choose")}
            options={topics.map((topic) => ({ value: topic, label: topic }))}
            onChange={(topic) => set({ topic })}
          />
          <div className={rows.grow}>
            <TextField path={path("facts")} label={t("field.facts")} value={e.facts} onChange={(facts) => set({ facts })} hint={t("hint.facts")} />
          </div>
        </div>
      )}
      <div className={rows.row}>
        <div className={rows.grow}>
          <TextField path={path("label")} label={t("field.label")} value={e.label} onChange={(label) => set({ label })} />
        </div>
        <PercentField path={path("probability")} label={t("field.probability")} value={e.probability} onChange={(probability) => set({ probability })} placeholder={t("placeholder.default")} />
        <PercentField path={path("realisation")} label={t("field.realisation")} value={e.realisation} onChange={(realisation) => set({ realisation })} placeholder={t("placeholder.default")} />
      </div>
    </>
  );
}

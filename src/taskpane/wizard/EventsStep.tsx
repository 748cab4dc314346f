import { Button, MessageBar, MessageBarBody, Select, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useState } from "react";
import { pathways, topics } from "../engine";
import { useI18n, type MessageKey } from "../i18n";
import { useRemoveCard } from "./confirm";
import { emptyEvent, type Draft, type DraftEvent, type EventType } from "./draft";
import { FactsField } from "./FactsField";
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
  add: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", marginTop: tokens.spacingVerticalM, maxWidth: "100%" },
  kind: { minWidth: 0, maxWidth: "100%", flexGrow: 1 },
});

interface Props {
  readonly draft: Draft;
  readonly change: (patch: Partial<Draft>) => void;
  /** The kinds of event this step edits; the others stay in the draft untouched. */
  readonly types: readonly EventType[];
  readonly addLabel: MessageKey;
  readonly empty: MessageKey;
  /** Plausibility warnings by event index (plausibility.ts). */
  readonly warnings?: ReadonlyMap<number, readonly string[]>;
}

/** Steps 2 and 3: the scenario's events of some kinds, one card each, in plan order. */
export function EventsStep({ draft, change, types, addLabel, empty, warnings }: Props) {
  const { t } = useI18n();
  const styles = useStyles();
  const [kind, setKind] = useState<EventType>(types[0]);
  const kindId = useId("kind");
  const focusLater = useFocusAfterRender();
  const remove = useRemoveCard();
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
            <Button appearance="subtle" aria-label={t("event.remove", { n: n + 1, kind: t(`event.${e.type}`) })} onClick={() => void remove(`${n + 1}. ${t(`event.${e.type}`)}`, typedIn(e), { events: draft.events.filter((_, k) => k !== i) })} data-testid="remove-event">
              {t("remove")}
            </Button>
          </div>
          {warnings?.get(i)?.length ? (
            <MessageBar intent="warning" data-testid="event-warning">
              <MessageBarBody>
                {t("warn.title")} {warnings.get(i)!.join(" ")}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <EventFields event={e} index={i} set={(patch) => setEvent(i, patch)} />
        </div>
      ))}
      <div className={styles.add}>
        <label htmlFor={kindId}>{t("event.kind")}</label>
        <Select id={kindId} className={styles.kind} value={kind} onChange={(_, data) => setKind(data.value as EventType)}>
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

/** Whether anything beyond the kind and year was typed into a card. */
const typedIn = (e: DraftEvent): boolean => {
  const blank = emptyEvent(e.type, e.year);
  return (Object.keys(e) as (keyof DraftEvent)[]).some((k) => k !== "key" && k !== "year" && e[k] !== blank[k]);
};

function EventFields({ event: e, index, set }: { readonly event: DraftEvent; readonly index: number; readonly set: (patch: Partial<DraftEvent>) => void }) {
  const { t } = useI18n();
  const rows = useFieldRowStyles();
  const path = (field: string) => `events.${index}.${field}`;
  // An other matter may name its product (a once-only or per-product rule counts by it); the rest must.
  const hasProduct = e.type !== "insurance" && e.type !== "facility";
  return (
    <>
      <div className={rows.row}>
        <YearField path={path("year")} label={t("field.year")} value={e.year} onChange={(year) => set({ year })} required />
        {hasProduct && (
          <div className={rows.grow}>
            <TextField path={path("product")} label={t("field.product")} value={e.product} onChange={(product) => set({ product })} required={e.type !== "other"} />
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
            options={pathways.map((p) => ({ value: p, label: t(`pathway.${p}`) }))}
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
            options={topics.map((topic) => ({ value: topic, label: t(`topic.${topic}`) }))}
            onChange={(topic) => set({ topic })}
          />
          <div className={rows.grow}>
            <FactsField path={path("facts")} topic={e.topic} value={e.facts} onChange={(facts) => set({ facts })} />
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

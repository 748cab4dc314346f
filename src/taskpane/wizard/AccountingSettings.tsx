import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  accountingSettings,
  assumptionText,
  Decimal,
  DEFAULT_DISCOUNT_RATE,
  DEFAULT_SUPER_DEDUCTION,
  DEFAULT_VAT_RATE,
  DEFAULT_VAT_SURCHARGES,
  defaultLives,
  engine,
  formatRate,
  jurisdictionsOf,
  parseAmountText,
  parseRegion,
  type Scenario,
  type ScenarioEvent,
} from "../engine";
import { useI18n, type I18n, type MessageKey } from "../i18n";
import { clauseName, eventTitle, policyName } from "../results/words";
import type { Draft, DraftEvent } from "./draft";

type Accounting = Scenario["accounting"];

const useStyles = makeStyles({
  group: { margin: `${tokens.spacingVerticalM} 0`, "& > h4": { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}` } },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: "flex-end" },
  keyed: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(6em, 9em) auto", columnGap: tokens.spacingHorizontalS, alignItems: "end", marginBottom: tokens.spacingVerticalS },
  wide: { minWidth: 0, flexGrow: 1, flexBasis: "14em" },
  select: { minWidth: 0, maxWidth: "100%" },
  field: { minWidth: 0, maxWidth: "100%" },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalS}` },
});

/** The settings of a scenario that sets none: the schema's own defaults (one source for them). */
const defaults = (): Accounting => accountingSettings.parse({});

/** "0.15" → "15", by moving the decimal point (no binary rounding). */
export function percent(share: string): string {
  return new Decimal(share).times(100).toFixed();
}

/** "15" → "0.15"; undefined unless a percentage from 0 to 100. */
export function shareOf(text: string): string | undefined {
  const t = text.trim().replace(/%$/, "").trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const share = new Decimal(t).dividedBy(100);
  return share.gt(1) ? undefined : share.toFixed();
}

/** A read of a typed setting: the value, `undefined` for empty (the default), `null` for text that is none. */
type Read<V> = (text: string) => V | undefined | null;

const optionalPercent: Read<string> = (text) => (text.trim() === "" ? undefined : (shareOf(text) ?? null));
const requiredPercent: Read<string> = (text) => shareOf(text) ?? null;
const whole =
  (min: number, max: number): Read<number> =>
  (text) => {
    const t = text.trim();
    if (t === "") return undefined;
    return /^\d+$/.test(t) && Number(t) >= min && Number(t) <= max ? Number(t) : null;
  };
/** Profit or loss in yuan as typed ("-5,000,000", "-500万"): the schema's plain decimal text. */
const profitOf: Read<string> = (text) => {
  const t = text.trim();
  if (t === "") return undefined;
  const negative = /^[-−－]/.test(t);
  const read = parseAmountText(negative ? t.slice(1) : t);
  if (!read.ok || read.yuan.decimalPlaces() > 2 || read.yuan.abs().gte(1e15)) return null;
  return (negative && !read.yuan.isZero() ? read.yuan.negated() : read.yuan).toFixed();
};
const readyOf: Read<string> = (text) => (text.trim() === "" ? undefined : /^(199\d|20\d\d)(-(0[1-9]|1[0-2]))?$/.test(text.trim()) ? text.trim() : null);
const yearsOf: Read<number[]> = (text) => {
  const parts = text.split(/[,，、;；\s]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  return parts.every((p) => /^(199\d|20\d\d|2100)$/.test(p)) ? [...new Set(parts.map(Number))].sort((a, b) => a - b) : null;
};

/**
 * A setting typed as text: kept as typed until it reads as a value the schema accepts, which is
 * then sent at once (so the views follow as it is typed); a value changed elsewhere (undo, a
 * scenario loaded) replaces what is typed, one sent from here does not.
 */
function SettingText<V>(props: {
  readonly label: string;
  readonly value: V | undefined;
  readonly show: (v: V) => string;
  readonly read: Read<V>;
  readonly onChange: (v: V | undefined) => void;
  readonly invalid: string;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly after?: string;
  readonly testId?: string;
}) {
  const styles = useStyles();
  const { value, show } = props;
  const [text, setText] = useState(() => (value === undefined ? "" : show(value)));
  const seen = useRef(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    if (key !== JSON.stringify(seen.current)) {
      seen.current = value;
      setText(value === undefined ? "" : show(value));
    }
    // Keyed by the value's text: `show` is a new function every render.
  }, [key]);
  const bad = props.read(text) === null;
  return (
    <Field className={styles.field} label={props.label} hint={props.hint} validationState={bad ? "error" : "none"} validationMessage={bad ? props.invalid : undefined}>
      <Input
        value={text}
        placeholder={props.placeholder}
        contentAfter={props.after}
        inputMode="decimal"
        autoComplete="off"
        data-testid={props.testId}
        onChange={(_, d) => {
          setText(d.value);
          const v = props.read(d.value);
          if (v === null) return;
          seen.current = v;
          props.onChange(v);
        }}
      />
    </Field>
  );
}

/** A choice among fixed values, the default one marked as the default. */
function Choice<V extends string | number>(props: { readonly label: string; readonly value: V; readonly options: readonly { value: V; label: string }[]; readonly onChange: (v: V) => void; readonly testId?: string; readonly hint?: string }) {
  const styles = useStyles();
  return (
    <Field className={styles.field} label={props.label} hint={props.hint}>
      <Select className={styles.select} value={String(props.value)} data-testid={props.testId} onChange={(_, d) => props.onChange(props.options.find((o) => String(o.value) === d.value)!.value)}>
        {props.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * A setting kept by key (a document, a clause, a year): one row per key, the key chosen from
 * those not yet set, its value beside it; removing a row returns the key to its default.
 */
function Keyed<V>(props: {
  readonly title?: string;
  readonly keyLabel: string;
  readonly record: Readonly<Record<string, V>>;
  readonly keys: readonly string[];
  readonly name: (key: string) => string;
  readonly fresh: V;
  readonly value: (v: V, set: (v: V) => void, key: string) => ReactNode;
  readonly onChange: (record: Record<string, V>) => void;
  readonly testId: string;
  readonly warning?: (key: string) => string | undefined;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const entries = Object.entries(props.record);
  const used = new Set(entries.map(([k]) => k));
  const all = [...new Set([...props.keys, ...used])];
  const free = all.filter((k) => !used.has(k));
  const replace = (i: number, key: string, v: V) => props.onChange(Object.fromEntries(entries.map(([k, x], j) => (j === i ? [key, v] : [k, x]))));
  return (
    <div className={styles.group} data-testid={props.testId}>
      {props.title && <h4>{props.title}</h4>}
      {entries.map(([k, v], i) => (
        <div key={k}>
          <div className={styles.keyed}>
            <Field className={styles.field} label={props.keyLabel}>
              <Select className={styles.select} value={k} onChange={(_, d) => replace(i, d.value, v)}>
                {[k, ...free].map((x) => (
                  <option key={x} value={x}>
                    {props.name(x)}
                  </option>
                ))}
              </Select>
            </Field>
            {props.value(v, (x) => replace(i, k, x), k)}
            <Button appearance="subtle" aria-label={t("settings.remove", { name: props.name(k) })} onClick={() => props.onChange(Object.fromEntries(entries.filter((_, j) => j !== i)))}>
              {t("remove")}
            </Button>
          </div>
          {props.warning?.(k) && <p className={styles.warn}>{props.warning(k)}</p>}
        </div>
      ))}
      <Button size="small" disabled={free.length === 0} onClick={() => props.onChange({ ...props.record, [free[0]]: props.fresh })}>
        {t("settings.add")}
      </Button>
    </div>
  );
}

/** A monetary clause as a reader cites it, with what it pays for (never its id). */
function clauseLabel(id: string, i18n: I18n): string {
  const c = engine().clauses.find((x) => x.clause.id === id);
  return c ? `${clauseName(id, i18n)}: ${i18n.lang === "zh-CN" ? c.clause.summary.zh : c.clause.summary.en}` : clauseName(id, i18n);
}

/** A draft event as the results name it (its kind, product and label). */
const eventName = (e: DraftEvent, i18n: I18n) => eventTitle({ type: e.type, product: e.product, label: e.label, topic: e.topic } as ScenarioEvent, "registration", 0, i18n);

/**
 * Every accounting and tax setting of the scenario (DESIGN rulings 15–17, 22–23; issue 19 item 6),
 * in the reader's language, each default shown beside its field: payment lags, recognition,
 * the asset method and lives (per kind and per event, with the ready-for-use date), the tax rate
 * and its years, when the tax is paid, profit or loss before support, the deferred tax asset, non-taxable clauses
 * (warned where the catalog reads them as rewards for costs already incurred), the super
 * deduction, VAT and the discount rate. Only values the schema accepts reach the draft, so the
 * results stay up while a field is being typed.
 */
export function AccountingSettings({ draft, change }: { readonly draft: Pick<Draft, "accounting" | "events" | "region" | "from" | "to">; readonly change: (patch: Partial<Draft>) => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useStyles();
  const a = useMemo(() => draft.accounting ?? defaults(), [draft.accounting]);
  const base = useMemo(defaults, []);
  const set = (patch: Partial<Accounting>) => change({ accounting: { ...a, ...patch } });
  const region = parseRegion(draft.region);
  const { documents, clauses, assetTopics } = useMemo(() => {
    const { catalog } = engine();
    const reach = region && jurisdictionsOf(region);
    const here = catalog.documents.filter((d) => !reach || reach.includes(d.jurisdiction));
    const paying = here.flatMap((d) => d.clauses.filter((c) => c.formula));
    return {
      documents: here.filter((d) => d.clauses.some((c) => c.formula)).map((d) => d.id),
      clauses: paying.map((c) => c.id),
      assetTopics: new Set(paying.filter((c) => catalog.accounting[c.id]?.class === "asset").map((c) => c.topic as string)),
    };
  }, [region]);
  const from = Number(draft.from) || new Date().getFullYear();
  const to = Math.max(from, Number(draft.to) || from);
  // A loss can come from the five years before the horizon (carried forward into it).
  const years = (start: number) => Array.from({ length: Math.min(to - start + 1, 40) }, (_, k) => String(start + k));
  const docName = (id: string) => policyName(id, i18n);
  const name = (id: string) => clauseLabel(id, i18n);
  const marked = (label: string, isDefault: boolean) => (isDefault ? t("settings.isDefault", { label }) : label);
  const lagOptions = (def?: number) => Array.from({ length: 11 }, (_, n) => ({ value: n, label: marked(n === 1 ? t("settings.oneYear") : t("accounts.lagYears", { n }), n === def) }));
  const lagSelect = (v: number, setV: (v: number) => void) => <Choice label={t("settings.years")} value={v} options={lagOptions()} onChange={setV} />;
  const recOptions = [
    { value: "received" as const, label: marked(t("settings.received"), true) },
    { value: "receivable" as const, label: t("settings.receivable") },
  ];
  const rec = a.recognition ?? {};
  const setRec = (patch: Partial<NonNullable<Accounting["recognition"]>>) => {
    const next = Object.fromEntries(Object.entries({ ...rec, ...patch }).filter(([, v]) => v && Object.keys(v).length > 0));
    set({ recognition: Object.keys(next).length ? next : undefined });
  };
  const optional = <K extends keyof Accounting>(k: K, v: Accounting[K] | undefined) => set({ [k]: v } as Partial<Accounting>);
  const record = <V,>(r: Record<string, V>) => (Object.keys(r).length ? r : undefined);
  const pct = (share: string) => formatRate(new Decimal(share));
  const assetEvents = draft.events.map((e, i) => ({ e, i })).filter(({ e }) => e.type === "facility" || (e.type === "other" && assetTopics.has(e.topic)));
  const setEvent = (i: number, patch: Partial<DraftEvent>) => change({ events: draft.events.map((e, k) => (k === i ? { ...e, ...patch } : e)) });
  const doubtful = (id: string) => (engine().catalog.accounting[id]?.class === "incurred" ? assumptionText({ code: "nonTaxableDoubtful", clauses: [id] }, lang) : undefined);

  return (
    <section data-testid="accounting-settings">
      <h3>{t("settings.title")}</h3>
      <p>{t("settings.help")}</p>

      <div className={styles.group}>
        <h4>{t("settings.tax")}</h4>
        <div className={styles.row}>
          <SettingText label={t("accounts.taxRate")} value={a.taxRate} show={percent} read={requiredPercent} onChange={(v) => v !== undefined && set({ taxRate: v })} invalid={t("settings.percentInvalid")} hint={t("settings.default", { value: pct(base.taxRate) })} after="%" testId="accounts-tax-rate" />
          <Choice
            label={t("settings.dta")}
            value={a.deferredTaxAsset === false ? "no" : a.deferredTaxAsset === true ? "yes" : ""}
            options={[
              { value: "", label: marked(t("settings.dtaYes"), true) },
              { value: "yes", label: t("settings.dtaYes") },
              { value: "no", label: t("settings.dtaNo") },
            ]}
            onChange={(v) => optional("deferredTaxAsset", v === "" ? undefined : v === "yes")}
            testId="settings-dta"
          />
          <Choice
            label={t("settings.taxPayment")}
            value={a.taxPayment ?? ""}
            options={[
              { value: "", label: marked(t("settings.quarterly"), true) },
              { value: "quarterly", label: t("settings.quarterly") },
              { value: "annual", label: t("settings.annual") },
            ]}
            onChange={(v) => optional("taxPayment", v === "" ? undefined : v)}
            testId="settings-tax-payment"
          />
        </div>
        <Keyed
          title={t("settings.taxRates")}
          keyLabel={t("settings.year")}
          record={a.taxRates ?? {}}
          keys={years(from)}
          name={String}
          fresh={a.taxRate}
          testId="settings-tax-rates"
          value={(v, setV, k) => <SettingText key={k} label={t("settings.rate")} value={v} show={percent} read={requiredPercent} onChange={(x) => x !== undefined && setV(x)} invalid={t("settings.percentInvalid")} after="%" />}
          onChange={(r) => optional("taxRates", record(r))}
        />
        <Keyed
          title={t("settings.profit")}
          keyLabel={t("settings.year")}
          record={a.profitBeforeSupport ?? {}}
          keys={years(from - 5)}
          name={String}
          fresh="0"
          testId="settings-profit"
          value={(v, setV, k) => <SettingText key={k} label={t("settings.profitAmount")} value={v} show={(x) => x} read={profitOf} onChange={(x) => x !== undefined && setV(x)} invalid={t("settings.amountInvalid")} />}
          onChange={(r) => optional("profitBeforeSupport", record(r))}
        />
        {Object.keys(a.profitBeforeSupport ?? {}).length === 0 && <p>{t("settings.profitNone")}</p>}
        <SettingText label={t("settings.qualifiedYears")} value={a.qualifiedYears} show={(ys) => ys.join(", ")} read={yearsOf} onChange={(v) => optional("qualifiedYears", v)} invalid={t("settings.yearListInvalid")} testId="settings-qualified-years" />
        <div className={styles.row}>
          <SettingText label={t("settings.superDeduction")} value={a.superDeduction} show={percent} read={optionalPercent} onChange={(v) => optional("superDeduction", v)} invalid={t("settings.percentInvalid")} placeholder={percent(DEFAULT_SUPER_DEDUCTION)} hint={t("settings.default", { value: pct(DEFAULT_SUPER_DEDUCTION) })} after="%" testId="settings-super-deduction" />
          <SettingText label={t("settings.discountRate")} value={a.discountRate} show={percent} read={optionalPercent} onChange={(v) => optional("discountRate", v)} invalid={t("settings.percentInvalid")} placeholder={percent(DEFAULT_DISCOUNT_RATE)} hint={t("settings.default", { value: pct(DEFAULT_DISCOUNT_RATE) })} after="%" testId="settings-discount-rate" />
        </div>
      </div>

      <div className={styles.group}>
        <h4>{t("settings.nonTaxable")}</h4>
        <p>{t("settings.nonTaxableHelp")}</p>
        <Keyed
          keyLabel={t("settings.clause")}
          record={Object.fromEntries(a.nonTaxable.map((id) => [id, true]))}
          keys={clauses}
          name={name}
          fresh={true}
          testId="settings-non-taxable"
          value={() => null}
          warning={doubtful}
          onChange={(r) => set({ nonTaxable: Object.keys(r) })}
        />
      </div>

      <div className={styles.group}>
        <h4>{t("settings.timing")}</h4>
        <Choice label={t("accounts.lag")} value={a.paymentLag.default} options={lagOptions(base.paymentLag.default)} onChange={(n) => set({ paymentLag: { ...a.paymentLag, default: n } })} testId="accounts-lag" />
        <Keyed title={t("settings.lagDocuments")} keyLabel={t("settings.document")} record={a.paymentLag.documents} keys={documents} name={docName} fresh={a.paymentLag.default} testId="settings-lag-documents" value={lagSelect} onChange={(r) => set({ paymentLag: { ...a.paymentLag, documents: r } })} />
        <Keyed title={t("settings.lagClauses")} keyLabel={t("settings.clause")} record={a.paymentLag.clauses} keys={clauses} name={name} fresh={a.paymentLag.default} testId="settings-lag-clauses" value={lagSelect} onChange={(r) => set({ paymentLag: { ...a.paymentLag, clauses: r } })} />
      </div>

      <div className={styles.group}>
        <h4>{t("settings.recognition")}</h4>
        <p>{t("settings.recognitionHelp")}</p>
        {(["documents", "clauses"] as const).map((which) => (
          <Keyed
            key={which}
            title={t(which === "documents" ? "settings.recDocuments" : "settings.recClauses")}
            keyLabel={t(which === "documents" ? "settings.document" : "settings.clause")}
            record={rec[which] ?? {}}
            keys={which === "documents" ? documents : clauses}
            name={which === "documents" ? docName : name}
            fresh={"receivable" as "received" | "receivable"}
            testId={`settings-recognition-${which}`}
            value={(v, setV) => <Choice label={t("settings.recognition")} value={v} options={recOptions} onChange={setV} />}
            onChange={(r) => setRec({ [which]: r })}
          />
        ))}
        <Keyed
          title={t("settings.approvalYears")}
          keyLabel={t("settings.clause")}
          record={rec.approvalYears ?? {}}
          keys={clauses}
          name={name}
          fresh={from}
          testId="settings-approval-years"
          value={(v, setV, k) => <Choice key={k} label={t("settings.year")} value={v} options={years(from).map((y) => ({ value: Number(y), label: y }))} onChange={setV} />}
          onChange={(r) => setRec({ approvalYears: r })}
        />
        <Keyed
          title={t("settings.costYears")}
          keyLabel={t("settings.clause")}
          record={a.costYears}
          keys={clauses.filter((id) => engine().catalog.accounting[id]?.class === "later")}
          name={name}
          fresh={2}
          testId="settings-cost-years"
          value={(v, setV, k) => <SettingText key={k} label={t("settings.years")} value={v} show={String} read={whole(1, 50)} onChange={(x) => x !== undefined && setV(x)} invalid={t("settings.wholeInvalid", { min: 1, max: 50 })} />}
          onChange={(r) => set({ costYears: r })}
        />
      </div>

      <div className={styles.group}>
        <h4>{t("settings.assets")}</h4>
        <Choice
          label={t("settings.method")}
          value={a.assetMethod}
          options={(["gross", "net"] as const).map((m) => ({ value: m, label: marked(t(`settings.${m}` as MessageKey), m === base.assetMethod) }))}
          onChange={(assetMethod) => set({ assetMethod })}
          testId="settings-asset-method"
        />
        <div className={styles.row}>
          {(["building", "equipment"] as const).map((kind) => (
            <SettingText
              key={kind}
              label={t(kind === "building" ? "settings.lifeBuilding" : "settings.lifeEquipment")}
              value={a.usefulLife[kind]}
              show={String}
              read={whole(1, 100)}
              onChange={(v) => set({ usefulLife: Object.fromEntries(Object.entries({ ...a.usefulLife, [kind]: v }).filter(([, x]) => x !== undefined)) })}
              invalid={t("settings.wholeInvalid", { min: 1, max: 100 })}
              placeholder={String(defaultLives[kind])}
              hint={t("settings.default", { value: defaultLives[kind] })}
              testId={`settings-life-${kind}`}
            />
          ))}
        </div>
        {assetEvents.map(({ e, i }) => (
          <div className={styles.row} key={e.key}>
            <SettingText label={t("settings.eventLife", { event: eventName(e, i18n) })} value={e.usefulLife || undefined} show={(x) => x} read={(x) => { const n = whole(1, 100)(x); return n === null || n === undefined ? n : String(n); }} onChange={(v) => setEvent(i, { usefulLife: v ?? "" })} invalid={t("settings.wholeInvalid", { min: 1, max: 100 })} hint={t("settings.lifeDefault")} testId={`settings-event-life-${i}`} />
            <SettingText label={t("settings.eventReady", { event: eventName(e, i18n) })} value={e.readyForUse || undefined} show={(x) => x} read={readyOf} onChange={(v) => setEvent(i, { readyForUse: v ?? "" })} invalid={t("settings.readyInvalid")} hint={t("settings.eventReadyDefault", { year: e.year })} testId={`settings-event-ready-${i}`} />
          </div>
        ))}
      </div>

      <div className={styles.group}>
        <h4>{t("settings.vat")}</h4>
        <div className={styles.row}>
          {(["rate", "surcharges"] as const).map((k) => {
            const def = k === "rate" ? DEFAULT_VAT_RATE : DEFAULT_VAT_SURCHARGES;
            return (
              <SettingText
                key={k}
                label={t(k === "rate" ? "settings.vatRate" : "settings.surcharges")}
                value={a.vat?.[k]}
                show={percent}
                read={optionalPercent}
                onChange={(v) => {
                  const vat = Object.fromEntries(Object.entries({ ...a.vat, [k]: v }).filter(([, x]) => x !== undefined));
                  optional("vat", Object.keys(vat).length ? vat : undefined);
                }}
                invalid={t("settings.percentInvalid")}
                placeholder={percent(def)}
                hint={t("settings.default", { value: pct(def) })}
                after="%"
                testId={`settings-vat-${k}`}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}

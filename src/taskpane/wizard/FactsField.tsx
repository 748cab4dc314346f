import { Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { engine, referencedFacts, type Topic } from "../engine";
import { useI18n } from "../i18n";
import { factKey } from "./checks";
import { TextField } from "./fields";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
  select: { maxWidth: "100%", minWidth: 0 },
});

/**
 * The facts of an "other catalog matter": chosen from the facts the topic's clauses read (the
 * catalog's own list, by label in the pane's language), typed as name=value, each checked as
 * it is typed (checks.ts) and listed back by its label.
 */
export function FactsField({ path, topic, value, onChange }: { readonly path: string; readonly topic: string; readonly value: string; readonly onChange: (v: string) => void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const facts = engine().catalog.facts;
  const label = (key: string) => (lang === "zh-CN" ? facts[key]?.zh : facts[key]?.en) ?? key;
  const offered = useMemo(
    () => (topic ? [...new Set(engine().clauses.filter((c) => c.clause.topic === (topic as Topic)).flatMap((c) => referencedFacts(c.clause)))].filter((k) => k in facts && k !== "sector" && k !== "sme") : []),
    [topic, facts],
  );
  const typed = value
    .split(/[;；]/)
    .map((part) => part.split(/[=＝]/))
    .filter(([k]) => k?.trim())
    .map(([k, ...v]) => ({ key: factKey(k), value: v.join("=").trim() }));
  const add = (key: string) => {
    const def = facts[key];
    const example = def.kind === "flag" ? "yes" : def.values?.length ? String(def.values[0]) : "";
    onChange(`${value.trim() ? `${value.trim().replace(/[;；]\s*$/, "")}; ` : ""}${key}=${example}`);
  };
  return (
    <>
      <TextField path={path} label={t("field.facts")} value={value} onChange={onChange} hint={t("hint.facts")} />
      {offered.length > 0 && (
        <Select className={styles.select} aria-label={t("facts.add")} value="" onChange={(_, d) => d.value && add(d.value)}>
          <option value="">{t("facts.add")}</option>
          {offered.map((k) => (
            <option key={k} value={k}>
              {label(k)}
            </option>
          ))}
        </Select>
      )}
      {typed.some((f) => f.key) && (
        <ul className={styles.list}>
          {typed
            .filter((f) => f.key)
            .map((f) => (
              <li key={f.key}>
                {t("facts.shown", { label: label(f.key!), value: /^(yes|true|是)$/i.test(f.value) ? t("yes") : /^(no|false|否)$/i.test(f.value) ? t("no") : f.value })}
              </li>
            ))}
        </ul>
      )}
    </>
  );
}

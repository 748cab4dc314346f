import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { claimable, formatCondition, type Claimable, type Scenario } from "../engine";
import { useI18n } from "../i18n";
import { useAmounts } from "../results/amounts";
import { clauseName, topicName } from "../results/words";
import { validate, type Draft } from "./draft";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: 0, listStyle: "none" },
  item: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} 0`, overflowWrap: "anywhere" },
  most: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  quote: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXXS} 0` },
});

/**
 * The profile as the engine sees it: the draft with its events when they are complete, else the
 * place, sector, size, years and figures alone (a name is not needed to know what reaches it).
 */
export function profileScenario(draft: Draft): Scenario | undefined {
  const named = { ...draft, name: draft.name.trim() || "–" };
  return validate(named).scenario ?? validate({ ...named, events: [] }).scenario;
}

/**
 * "What else could be claimed": the monetary clauses that reach the enterprise and that no event
 * or figure of the plan uses, with the most each pays as the text says it, what would qualify,
 * and one click that adds the event claiming it.
 */
export function ClaimableList({ draft, onClaim }: { readonly draft: Draft; readonly onClaim: (c: Claimable) => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useStyles();
  const amounts = useAmounts();
  const profile = useMemo(() => profileScenario(draft), [draft]);
  const items = useMemo(() => (profile ? claimable(profile) : []), [profile]);
  if (!profile) return <p data-testid="claimable">{t("claimable.needProfile")}</p>;
  return (
    <section aria-labelledby="claimable-title" data-testid="claimable">
      <h3 id="claimable-title">{t("claimable.title", { n: items.length })}</h3>
      {items.length === 0 ? (
        <p>{t("claimable.none")}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((c) => (
            <li key={c.clause} className={styles.item} data-testid="claimable-item" data-clause={c.clause}>
              <div>
                <strong>{clauseName(c.clause, i18n)}</strong> · {topicName(c.topic, i18n)}
                {c.most && (
                  <>
                    {": "}
                    <span className={styles.most} data-testid="claimable-most">
                      {t("claimable.most", { amount: amounts.money(c.most.amount) })}
                    </span>
                  </>
                )}
              </div>
              {c.most && (
                <p className={styles.quote} lang="zh-CN">
                  “{c.most.sentence}”
                </p>
              )}
              {c.conditions.length > 0 && <p className={styles.quote}>{t("claimable.qualify", { conditions: c.conditions.map((x) => formatCondition(x, lang)).join(lang === "zh-CN" ? "；" : "; ") })}</p>}
              <Button size="small" onClick={() => onClaim(c)} data-testid="claimable-add">
                {c.claimWith === "financials" ? t("claimable.addFigures") : t("claimable.add", { event: c.claimWith === "other" ? topicName(c.topic, i18n) : t(`event.${c.claimWith}`) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

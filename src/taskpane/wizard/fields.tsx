import { Checkbox, Field, Input, Select, makeStyles, mergeClasses, tokens, type InputProps } from "@fluentui/react-components";
import { createContext, useContext } from "react";
import { AMOUNT_PLAUSIBLE_MAX, formatAmountIn, parseAmountText } from "../engine";
import { useI18n } from "../i18n";
import { groupDigits, type Problem } from "./draft";
import { problemText } from "./messages";

/**
 * Form fields that show the scenario schema's message for their path beside them, in the pane's
 * language, once the field has been typed in (or the step's Next was pressed).
 */
export interface FormState {
  readonly problems: ReadonlyMap<string, Problem>;
  readonly shown: (path: string) => boolean;
  readonly touch: (path: string) => void;
}

export const FormContext = createContext<FormState>({ problems: new Map(), shown: () => false, touch: () => undefined });

function useProblem(path: string): string | undefined {
  const form = useContext(FormContext);
  const i18n = useI18n();
  const problem = form.problems.get(path);
  return problem && form.shown(path) ? problemText(problem, i18n) : undefined;
}

const useStyles = makeStyles({
  field: { minWidth: 0, maxWidth: "100%" },
  /** A select with long option labels (the pathways) shrinks with the pane instead of overflowing it. */
  select: { maxWidth: "100%", minWidth: 0 },
  /** Years and percentages: a fixed, small width that never pushes past its row. */
  narrow: { width: "8.5em", maxWidth: "100%", flexShrink: 0 },
  input: { width: "100%", minWidth: 0 },
  inner: { minWidth: 0, width: "100%" },
});

interface TextFieldProps {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  readonly required?: boolean;
  readonly placeholder?: string;
  readonly type?: InputProps["type"];
  readonly inputMode?: InputProps["inputMode"];
  readonly after?: InputProps["contentAfter"];
  readonly narrow?: boolean;
  /** A plausibility warning (shown when there is no error). */
  readonly warning?: string;
  /** The text as it is typed, said again (an amount with its separators), when typing at its end. */
  readonly asTyped?: (value: string) => string;
}

export function TextField(props: TextFieldProps) {
  const { touch } = useContext(FormContext);
  const message = useProblem(props.path);
  const styles = useStyles();
  return (
    <Field
      className={mergeClasses(styles.field, props.narrow && styles.narrow)}
      label={props.label}
      hint={props.hint}
      required={props.required}
      validationState={message ? "error" : props.warning ? "warning" : "none"}
      validationMessage={message ?? props.warning}
    >
      <Input
        className={styles.input}
        input={{ className: styles.inner }}
        name={props.path}
        value={props.value}
        type={props.type}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        contentAfter={props.after}
        autoComplete="off"
        onChange={(event, data) => {
          touch(props.path);
          // Only at the end of the text, so the caret never jumps while editing inside it.
          const atEnd = event.target.selectionStart === data.value.length;
          props.onChange(props.asTyped && atEnd ? props.asTyped(data.value) : data.value);
        }}
        onBlur={() => touch(props.path)}
      />
    </Field>
  );
}

/**
 * An amount: typed as 15000000, 15,000,000, 1,500万 or 1.5亿 (the engine's parser reads it),
 * its digits grouped as they are typed, the amount in 元 beside it while it is typed in 万 or
 * 亿, and a warning for an implausible size.
 */
export function MoneyField(props: Omit<TextFieldProps, "inputMode" | "after" | "asTyped" | "warning">) {
  const { t } = useI18n();
  const parsed = parseAmountText(props.value);
  const suffixed = /[万亿元]\s*$/.test(props.value.trim());
  const inYuan = parsed.ok && suffixed ? t("hint.inYuan", { amount: formatAmountIn(parsed.yuan, "yuan") }) : undefined;
  const warning = parsed.ok && parsed.yuan.gt(AMOUNT_PLAUSIBLE_MAX) ? t("warn.large") : undefined;
  return (
    <TextField
      {...props}
      inputMode="text"
      after={suffixed ? undefined : <span aria-hidden="true">{t("unit.yuan")}</span>}
      hint={inYuan ?? (props.hint === undefined ? t("hint.yuan") : props.hint || undefined)}
      warning={warning}
      asTyped={groupDigits}
    />
  );
}

export function YearField(props: Omit<TextFieldProps, "inputMode" | "narrow">) {
  return <TextField {...props} inputMode="numeric" narrow />;
}

export function PercentField(props: Omit<TextFieldProps, "inputMode" | "after" | "narrow">) {
  return <TextField {...props} inputMode="decimal" narrow after={<span aria-hidden="true">%</span>} />;
}

interface SelectFieldProps {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  /** Shown as the empty first choice; omitted: no empty choice. */
  readonly placeholder?: string;
  readonly required?: boolean;
  readonly hint?: string;
}

export function SelectField(props: SelectFieldProps) {
  const { touch } = useContext(FormContext);
  const message = useProblem(props.path);
  const styles = useStyles();
  return (
    <Field className={styles.field} label={props.label} hint={props.hint} required={props.required} validationState={message ? "error" : "none"} validationMessage={message}>
      <Select
        className={styles.select}
        name={props.path}
        value={props.value}
        onChange={(_, data) => {
          touch(props.path);
          props.onChange(data.value);
        }}
        onBlur={() => touch(props.path)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function CheckField(props: { readonly path: string; readonly label: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const { touch } = useContext(FormContext);
  return (
    <Checkbox
      name={props.path}
      label={props.label}
      checked={props.checked}
      onChange={(_, data) => {
        touch(props.path);
        props.onChange(data.checked === true);
      }}
    />
  );
}

export const useFieldRowStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: "flex-start" },
  grow: { flexGrow: 1, flexBasis: "12em" },
});

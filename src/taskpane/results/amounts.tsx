import { createContext, useContext } from "react";
import { formatAmountIn, formatSignedIn, type AmountUnit, type Decimal } from "../engine";
import { useI18n } from "../i18n";

/**
 * The unit every amount is shown in (元, 万元 or 亿元), chosen once in the header and kept.
 * The figures are the engine's; only the unit they are written in changes.
 */
export const UnitContext = createContext<AmountUnit>("yuan");

export interface Amounts {
  readonly unit: AmountUnit;
  /** "1,640 万元" */
  readonly money: (x: Decimal) => string;
  /** "−160 万元", "+880 万元" */
  readonly signed: (x: Decimal) => string;
  /** The number alone, for table cells under a header that names the unit. */
  readonly bare: (x: Decimal) => string;
  /** "万元" */
  readonly unitName: string;
}

export function useAmounts(): Amounts {
  const unit = useContext(UnitContext);
  const { t } = useI18n();
  const unitName = t(`unit.${unit}`);
  return {
    unit,
    unitName,
    money: (x) => `${formatAmountIn(x, unit)} ${unitName}`,
    signed: (x) => `${formatSignedIn(x, unit)} ${unitName}`,
    bare: (x) => formatAmountIn(x, unit),
  };
}

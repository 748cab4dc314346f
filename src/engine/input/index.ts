/** What enters the engine: amounts, amounts as typed, facts, the Inputs table, and money itself. */
export { AMOUNT_DIGITS, AMOUNT_LIMIT, AMOUNT_PLACES, amountProblemText, checkAmount, isAmountProblem, shown, shownIn, type AmountProblem } from "./amounts";
export { AMOUNT_PLAUSIBLE_MAX, amountUnits, formatAmountIn, formatSignedIn, parseAmountText, readAmountText, YI, type AmountText, type AmountTextProblem, type AmountUnit } from "./amount-text";
export { checkFact, factProblemText, factsFrom, isFactProblem, type FactProblem, type Facts, type FactValue, type Tri } from "./facts";
export { certificateOption, inputColumns, inputItems, scenarioFromInputs, scenarioToInputs, yuanItems, type InputCell } from "./inputs";
export { columnCode, inputColumnsZh, inputItemsZh, itemCode } from "./input-words";
export { Decimal, formatRate, formatYuan, toNumber, WAN, ZERO } from "./money";

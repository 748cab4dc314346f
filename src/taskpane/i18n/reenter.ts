/**
 * Why the values sheet was not refreshed after the formulas were entered again: the Inputs
 * sheet missing or empty, by its name (the words the pane once wrote in English in both languages).
 */
export const enUS = {
  "reenter.inputsMissing": "there is no {sheet} sheet",
  "reenter.inputsEmpty": "the {sheet} sheet is empty",
};

export const zhCN: Record<keyof typeof enUS, string> = {
  "reenter.inputsMissing": "没有“{sheet}”工作表",
  "reenter.inputsEmpty": "“{sheet}”工作表为空",
};

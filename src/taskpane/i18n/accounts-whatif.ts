/** A what-if that changes the accounting settings (issue 19), as the comparison names it. */
export const enUS = {
  "change.accounting": "Accounting settings changed",
};

export const zhCN: Record<keyof typeof enUS, string> = {
  "change.accounting": "会计设置已修改",
};

import type { Lang } from "../explain/trace";
import type { PackProblem } from "./pack";

/**
 * What pack check says, in the consultant's language: the pack, the entry and field, what is
 * wrong and what to do. Schema messages come from zod and stay as it words them, after the field.
 */
export function packProblemText(p: PackProblem, lang: Lang): string {
  const zh = lang === "zh-CN";
  const where = `${p.pack}: ${p.entry ? `${p.entry}: ` : ""}${p.field}`;
  const say = (zhText: string, enText: string) => `${where}${zh ? "：" : ": "}${zh ? zhText : enText}`;
  switch (p.code) {
    case "schema":
      return say(`不符合政策包格式（${p.message}）`, `does not fit the pack format (${p.message})`);
    case "textMissing":
      return say(`找不到政策原文文件“${p.file}”：原文须放在政策包文件夹中，UTF-8 编码`, `the policy text "${p.file}" is not there: put it in the pack's folder, as UTF-8`);
    case "awaitingApproval":
      return say(
        `取代 ${p.replaces.join("、")}（理由：${p.because}）：取代现有条文的政策包须经批准后才使用；在此之前不使用该政策包，相关数字仍按现有条文计算`,
        `replaces ${p.replaces.join(", ")} (because: ${p.because}): a pack that replaces a text is used only once approved; until then it is left out and the figures it would change stay on the text in force`,
      );
    case "hashMissing":
      return say("读取政策包的程序未给出其内容的 SHA-256：无法标明数字出自哪个版本，因此不予使用", "the program reading the pack gave no SHA-256 of its content: figures from it could not name their version, so it is not used");
    case "misquoted":
      return say(`引文“${p.quote}”不在原文中：须逐字摘自原文（空格、换行不计）`, `the quote "${p.quote}" is not in the text: quote it word for word (spaces and line breaks aside)`);
    case "labelMissing":
      return say(`“${p.fact}”缺少中文标签（zh）：用户看到的每个词都须有中文`, `"${p.fact}" has no Chinese label (zh): every word a user sees needs its Chinese`);
    case "factUnknown":
      return say(`用到的事实“${p.fact}”未定义：请在 document.facts 中定义并写明中文标签`, `reads the fact "${p.fact}", which is not defined: define it in document.facts with its Chinese label`);
    case "noExample":
      return say("有金额的条款至少要有一个算例：在 examples 中加入一个，并在其 entries 中列出此条款", "a monetary entry needs at least one worked example: add one to examples and list this entry in its entries");
    case "noAccounting":
      return say(
        "有金额的条款须写明会计分类（accounting，《企业会计准则第16号——政府补助》：与资产相关或与收益相关），并引用决定分类的原文词语",
        "a monetary entry needs its accounting class (accounting, CAS 16: asset- or income-related) with the words of its sentence that decide it",
      );
    case "exampleEntryUnknown":
      return say(`算例列出的条款“${p.id}”不在本政策包中`, `the example lists "${p.id}", which is not an entry of this pack`);
    case "duplicateId":
      return say(`编号“${p.id}”已在“${p.other}”中使用：编号在所有载入的政策包中须唯一`, `the id "${p.id}" is already used in "${p.other}": ids are unique across every pack loaded`);
    case "overlap":
      return say(
        `与“${p.other}”可能为同一事项支付（${p.matter}／${p.otherMatter}），但没有写明的叠加规则：请引用原文中“从优不重复”“就高不就低”之类的句子（document.stacking），或以 additive 写明两者叠加`,
        `can pay the same matter as "${p.other}" (${p.matter} / ${p.otherMatter}) with no stacking rule declared: quote the text's sentence (从优不重复, 就高不就低) in document.stacking, or declare with additive that the two add`,
      );
    case "unknownPlace":
      return say(`地区“${p.place}”不在地区表中：请在 places 中加入此地（上级地区、中英文名称），或改用已知地区的编号`, `"${p.place}" is not a known place: add it under places (its parent, its names), or use a known place's id`);
    case "catalog":
      return say(`与内置政策目录合并时出错：${p.message}`, `does not fit with the built-in catalog: ${p.message}`);
    case "replacesUndeclared":
      return say(
        `编号“${p.id}”与内置政策目录相同：若要取代内置条款，请在 replaces 中列出并写明理由；否则请另取编号`,
        `the id "${p.id}" is a built-in one: to replace it, list it under replaces with the reason; otherwise choose another id`,
      );
    case "replacesUnknown":
      return say(`要取代的“${p.id}”不在内置政策目录或已载入的政策包中`, `"${p.id}", which it replaces, is in neither the built-in catalog nor a pack loaded`);
    case "idPrefix":
      return say(`条款编号须以文件编号开头：“${p.document}/…”`, `an entry's id starts with its document's id: "${p.document}/…"`);
  }
}

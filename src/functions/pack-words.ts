import type { Lang } from "../engine/core";
import type { SetAside } from "../workbook/stored";

/**
 * What a SUBSIDY cell says of the policy packs its workbook carries (functions/packs.ts), per
 * language: a place from a pack that waits for approval, from one that did not pass the check,
 * or a part that could not be read. What `pack check` says of a pack is the engine's
 * (packProblemText); these words come with the rest chunk, never on the amount path.
 */

interface PackWords {
  awaitsApproval(place: string, pack: string, replaces: string): string;
  refused(place: string, pack: string, why: string): string;
  partAside(said: string, why: string): string;
  someRefused(said: string, packs: string): string;
  aside(a: SetAside): string;
  /** "pack: what is wrong", for the pane's list of problems. */
  packAside(pack: string, a: SetAside): string;
}

export const packWords: Readonly<Record<Lang, PackWords>> = {
  "en-US": {
    awaitsApproval: (place, pack, replaces) => `${place} comes from the workbook's policy pack "${pack}", which replaces ${replaces}: it is used once approved in the task pane (Policy packs)`,
    refused: (place, pack, why) => `${place} comes from the workbook's policy pack "${pack}", which did not pass the pack check and is not used: ${why}`,
    partAside: (said, why) => `${said}; the workbook's policy packs could not be read (${why}), so none of them is used`,
    someRefused: (said, packs) => `${said}; the workbook's policy packs ${packs} did not pass the pack check and are not used`,
    aside: (a) =>
      a.kind === "size"
        ? `beyond what the add-in reads (${a.bound} at ${a.at})`
        : a.kind === "syntax"
          ? `not well-formed: ${a.detail}`
          : a.kind === "newer"
            ? `written by a newer version of the add-in (format ${a.version})`
            : `not in the form this version writes (${a.at})`,
    packAside: (pack, a) => `${pack}: ${packWords["en-US"].aside(a)}`,
  },
  "zh-CN": {
    awaitsApproval: (place, pack, replaces) => `${place}来自本工作簿所带的政策包“${pack}”，该包将取代${replaces}：须在任务窗格（政策包）中批准后才会使用`,
    refused: (place, pack, why) => `${place}来自本工作簿所带的政策包“${pack}”，该包未通过政策包检查，未被使用：${why}`,
    partAside: (said, why) => `${said}；本工作簿所带的政策包无法读取（${why}），均未使用`,
    someRefused: (said, packs) => `${said}；本工作簿所带的政策包 ${packs} 未通过政策包检查，未被使用`,
    aside: (a) =>
      a.kind === "size"
        ? `超出本加载项可读取的上限（${a.at} 的 ${a.bound}）`
        : a.kind === "syntax"
          ? `格式不正确：${a.detail}`
          : a.kind === "newer"
            ? `由更新版本的加载项写入（格式 ${a.version}）`
            : `不是本版本写入的格式（${a.at}）`,
    packAside: (pack, a) => `${pack}：${packWords["zh-CN"].aside(a)}`,
  },
};

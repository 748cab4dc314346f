import type { Lang } from "./trace";

/**
 * The values of the catalog's code facts, in words. A test holds this table to the catalog:
 * every value of every code fact has its words in both languages.
 */
type Words = Readonly<Record<string, readonly [en: string, zh: string]>>;

const classes: Words = { 1: ["class I", "一类"], 2: ["class II", "二类"], 3: ["class III", "三类"] };
const drugClasses: Words = { 1: ["class 1", "1类"], 2: ["class 2", "2类"], 3: ["class 3", "3类"], 4: ["class 4", "4类"], 5: ["class 5", "5类"] };
const phases: Words = { 1: ["phase I", "Ⅰ期"], 2: ["phase II", "Ⅱ期"], 3: ["phase III", "Ⅲ期"] };

export const codeWords: Readonly<Record<string, Words>> = {
  sector: { device: ["medical devices", "医疗器械"], drug: ["drugs", "药品"] },
  deviceClass: classes,
  pathway: {
    standard: ["ordinary registration", "常规注册"],
    innovative: ["the national innovative device special review", "国家创新医疗器械特别审查程序"],
    priority: ["the national priority review", "国家优先审批程序"],
    provincial: ["the provincial or municipal innovative special review", "省级（市级）创新医疗器械特别审查程序"],
    "provincial-priority": ["the provincial or municipal priority approval", "省级（市级）优先审批程序"],
    major: ["recognition as a major class II product", "经认定的重大二类"],
  },
  drugClass: drugClasses,
  vetDrugClass: drugClasses,
  phase: phases,
  phaseCompleted: phases,
  beijingInnovationProject: {
    earlyStage: ["an early-stage innovation or start-up project", "早期创新创业项目"],
    chainChallenge: ["a challenge-based project on key components and raw materials", "产业链关键零部件、原材料揭榜攻关项目"],
  },
  beijingBody: {
    startupService: ["a start-up service organisation or incubator", "创业服务机构、孵化器等创新创业机构"],
    nationalSmeCluster: ["a national SME characteristic industrial cluster", "国家级中小企业特色产业集群"],
  },
  beijingDigitalProject: {
    dataGovernancePlatform: ["a data-governance service platform", "数据治理服务平台"],
    industryLargeModel: ["an industry large model", "行业大模型"],
    aiDiagnosis: ["an AI-assisted diagnosis promotion project", "人工智能辅助诊疗产品推广应用项目"],
    benchmarkSmartFactory: ["a benchmark smart factory", "标杆智能工厂"],
  },
  directedSupport: { national: ["in a national special", "国家级专项"], municipal: ["in a municipal special", "市级专项"] },
  specialFundsLevel: { national: ["national", "国家级"], municipal: ["municipal", "市级"] },
  digitalProjectKind: {
    digitalTransformation: ["a digital-transformation project", "数智化转型项目"],
    medicalEngineering: ["a medicine-engineering cross project", "医工交叉结合项目"],
    internetHealthcare: ["an Internet-plus healthcare project", "“互联网+医疗”项目"],
  },
  rdCentreRecognition: { national: ["recognised by a national ministry", "国家部委认定"], municipal: ["recognised by Beijing", "北京市级认定"] },
  eventRole: { host: ["hosting the event", "发起举办活动"], overseasAttendee: ["attending an overseas forum, summit or exhibition", "参与海外专业论坛、峰会、展会"] },
  shenzhenCarrier: {
    nationalKeyLab: ["a national key laboratory", "国家重点实验室"],
    nationalEngineeringResearchCentre: ["a national engineering research centre", "国家工程研究中心"],
    otherNationalCarrier: ["another national innovation carrier", "其他国家级创新载体"],
    nationalEnterpriseTechnologyCentre: ["a national enterprise technology centre", "国家企业技术中心"],
  },
  shenzhenSpecialProject: {
    frontier: ["a frontier basic-research project", "前沿领域基础研究和技术攻关项目"],
    chokepoint: ["a chokepoint-technology or major industrialisation project", "“卡脖子”技术攻关和重大产业化项目"],
  },
  shenzhenBody: {
    institution: ["an approved device-field institution", "经批准成立的医疗器械领域机构"],
    journal: ["an official journal", "正式期刊"],
    thinkTank: ["a think tank", "智库"],
    alliance: ["an industry alliance", "产业联盟"],
  },
  trialServiceRole: { lead: ["lead unit", "牵头单位"], participant: ["participating unit", "参与单位"] },
  shenzhenParkRole: { builder: ["the park's builder", "园区建设方"], tenant: ["a tenant enterprise", "入驻企业"], operator: ["the park's operator", "园区运营企业"] },
};

/** A code's words; a value the table lacks is shown as given (the catalog test forbids that case). */
export function codeText(fact: string, value: string | number, lang: Lang): string {
  const entry = Object.prototype.hasOwnProperty.call(codeWords, fact) ? codeWords[fact][String(value)] : undefined;
  return entry ? entry[lang === "zh-CN" ? 1 : 0] : String(value);
}

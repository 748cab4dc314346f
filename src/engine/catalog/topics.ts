/**
 * The topics a clause is filed under, apart from the catalog's schema so the add-in can name them
 * without bundling the schema (and full zod) it only runs at build time.
 */
export const topics = [
  "registration", // 注册证 (device registration certificate)
  "innovativeReviewEntry", // 进入创新/优先审查程序
  "fdaBreakthrough", // FDA 突破性器械
  "localProduction", // 落地生产 / 本地产业化
  "rd", // 研发投入
  "insurance", // 临床试验责任保险、产品责任保险
  "rdCentre", // 研发中心、重点实验室
  "innovation", // 原始创新、技术攻关、概念验证
  "digital", // 人工智能、数智化、大模型、智能工厂
  "majorProject", // 重大项目
  "specialFundMatching", // 国家级专项配套
  "space", // 产业空间、园区、租金
  "scaleup", // 单品种年产值首次突破
  "revenue", // 主营业务收入首次突破
  "platform", // 公共服务平台、CRO/CDMO
  "firstSet", // 首台（套）
  "vbp", // 带量采购
  "clinicalApplication", // 应用示范、上市后评价
  "overseas", // 出海、境外上市、并购
  "events", // 会议、论坛、展会
  "clinical", // 新药临床试验
  "drugRegistration", // 药品注册证书
  "mah", // 上市许可持有人 / 委托生产
  "salesPlatform", // 销售平台
  "talent", // 人才
  "finance", // 基金、信贷
  "facility", // GMP 厂房
  "clinicalService", // 临床试验服务（医疗机构）
  "institution", // 机构、期刊、联盟
  "training", // 培训
  "regulatory", // 审评审批、检验检测、通关
  "market", // 入院、采购、推广
  "environment", // 营商环境、用地
] as const;
export type Topic = (typeof topics)[number];

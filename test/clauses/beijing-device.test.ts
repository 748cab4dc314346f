import { clauseTable } from "../support/clause-table";

// 北京市促进医疗器械产业高质量发展若干措施 (京经信发〔2025〕50号), policies/003_aafdf577fe23c31b.txt
clauseTable([
  // 一、3: one-time award, 不超过200万元 per product → the ceiling, 2,000,000 (ruling 2).
  { name: "3 innovative review, class III", clause: "beijing-device/3", facts: { deviceClass: 3, pathway: "innovative" }, expected: "2000000" },
  { name: "3 innovative review, class II", clause: "beijing-device/3", facts: { deviceClass: 2, pathway: "innovative" }, expected: "2000000" },
  { name: "3 national project (揭榜挂帅)", clause: "beijing-device/3", facts: { deviceClass: 3, pathway: "standard", nationalProject: true }, expected: "2000000" },
  { name: "3 standard pathway, no national project", clause: "beijing-device/3", facts: { deviceClass: 3, pathway: "standard", nationalProject: false }, expected: "not-met" },
  { name: "3 standard pathway, national project not known", clause: "beijing-device/3", facts: { deviceClass: 3, pathway: "standard" }, expected: "unknown" },
  // 有效期至 2028 年 12 月 31 日; issued 2025-11-24.
  { name: "3 in force in 2028", clause: "beijing-device/3", year: 2028, facts: { deviceClass: 3, pathway: "innovative" }, expected: "2000000" },
  { name: "3 in force from its issue in 2025", clause: "beijing-device/3", year: 2025, facts: { deviceClass: 3, pathway: "innovative" }, expected: "2000000" },
  { name: "3 expired in 2029", clause: "beijing-device/3", year: 2029, facts: { deviceClass: 3, pathway: "innovative" }, expected: "out-of-validity" },
  { name: "3 not yet issued in 2024", clause: "beijing-device/3", year: 2024, facts: { deviceClass: 3, pathway: "innovative" }, expected: "out-of-validity" },
]);

/**
 * The status page's component ids for Claude's surfaces (docs/statuspage.md §7). Code keys on these,
 * since the page renames components while their ids stay. Imports nothing, so the E2E harness reads
 * the same ids.
 */
export const COMPONENT_IDS = {
  claudeAi: 'rwppv331jlwc',
  console: '0qbwn08sd68x',
  api: 'k8w3r06qmzrp',
  claudeCode: 'yyzkbfz2thpt',
  cowork: 'bpp5gb3hpjcl',
  government: '0scnb50nvy53',
} as const;

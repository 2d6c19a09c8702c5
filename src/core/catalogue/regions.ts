/**
 * X-Region, mandatory on every API Hub call: which of Thredd's regions serves it (Connecting to Thredd
 * guide, "Headers"). The value is the code, sent as a string.
 */
export const REGIONS = [
  { code: '0', name: 'Default' },
  { code: '1', name: 'EMEA' },
  { code: '2', name: 'APAC' },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];

export const REGION_CODES: readonly RegionCode[] = REGIONS.map((region) => region.code);

export const REGION_NAMES = Object.fromEntries(REGIONS.map((region) => [region.code, region.name])) as Readonly<Record<RegionCode, string>>;

export function isRegionCode(value: string): value is RegionCode {
  return (REGION_CODES as readonly string[]).includes(value);
}

// The area a campaign's build serves (scripts/campaign.ts injects it; null in the project's own build):
// its country, which the place form starts on, and its bounds, which a shopper's town is checked against.
// Never a place: each shopper gives their own town.
declare const __CAMPAIGN_AREA__: CampaignArea | null | undefined;

export interface CampaignArea {
  name: Partial<Record<string, string>>;
  country: string;
  bounds: { south: number; west: number; north: number; east: number };
}

export const CAMPAIGN_AREA: CampaignArea | null = typeof __CAMPAIGN_AREA__ === 'undefined' ? null : __CAMPAIGN_AREA__;

/** Whether a point lies within the area's bounds. */
export function insideArea(area: CampaignArea, point: { lat: number; lon: number }): boolean {
  const { south, west, north, east } = area.bounds;
  return point.lat >= south && point.lat <= north && point.lon >= west && point.lon <= east;
}

/** The area's name in this language, else English, else French. */
export const areaName = (area: CampaignArea, lang: string): string => area.name[lang] ?? area.name.en ?? area.name.fr ?? '';

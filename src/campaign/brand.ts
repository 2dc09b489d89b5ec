// What a campaign changes in its build, as plain values the build applies: first-run settings, the
// names and description in every language, the accent colour, the icons. Pure: no file is read here.
import { SOURCE_DEFAULTS, SETTINGS_VERSION, type SourceId } from '../shared/settings';
import type { Campaign } from './schema';

type Messages = Record<string, { message: string; description?: string; placeholders?: unknown }>;

/** The settings a new user of the campaign's build starts with: no place (each shopper gives their own town). */
/** The sources that ask library catalogues (the shopper's "libraries" choice switches them). */
const LIBRARY_SOURCES: readonly SourceId[] = ['librarybooks-uk', 'calil'];

export function campaignSettings(campaign: Campaign) {
  return {
    version: SETTINGS_VERSION,
    place: null,
    radiusKm: campaign.radiusKm,
    sources: Object.fromEntries(
      (Object.keys(SOURCE_DEFAULTS) as SourceId[]).map((id) => [
        id,
        {
          ...SOURCE_DEFAULTS[id],
          // A library catalogue comes with the campaign's choice of libraries, as in the project's build.
          enabled: campaign.sources.includes(id) || (campaign.libraries && LIBRARY_SOURCES.includes(id)),
          ...(id === 'openstreetmap' && campaign.directory ? { directoryUrl: campaign.directory } : {}),
        },
      ]),
    ),
    libraries: campaign.libraries,
    favourites: campaign.favourites.map(({ id, name }) => ({ id, name })),
  };
}

/** Hosts a campaign's build must be allowed to ask, beyond the project's: its own directory's. */
export function campaignHosts(campaign: Campaign): string[] {
  return campaign.directory ? [`${new URL(campaign.directory).origin}/*`] : [];
}

/**
 * The campaign build's Firefox settings: its own add-on id (the project's belongs to the project's AMO
 * account, and two builds with one id would replace each other), and the update_url of its signed file.
 */
export function campaignGecko(campaign: Campaign, name: string): { id: string; updateUrl?: string } {
  return { id: campaign.firefoxId ?? `local-bookshops-${name.replace(/[^\w.-]/g, '-')}@campaign`, ...(campaign.firefoxFile ? { updateUrl: campaign.firefoxFile.updates } : {}) };
}

/** The campaign's text in this language, else in English, else in French. */
export function textIn(texts: Partial<Record<string, string>>, lang: string): string {
  return texts[lang] ?? texts.en ?? texts.fr ?? '';
}

/** The extension's messages for one language, with the campaign's name and description. */
export function campaignMessages(campaign: Campaign, lang: string, messages: Messages): Messages {
  const name = textIn(campaign.name, lang);
  const shortName = campaign.shortName ? textIn(campaign.shortName, lang) : name.slice(0, 12);
  // Every message that names the extension (titles, tooltips, the welcome tab) names the campaign's build.
  const projectName = messages.extensionName?.message;
  const replaced: Messages = Object.fromEntries(
    Object.entries(messages).map(([key, entry]) => [key, projectName && entry.message.includes(projectName) ? { ...entry, message: entry.message.replaceAll(projectName, name) } : entry]),
  );
  replaced.extensionShortName = { ...replaced.extensionShortName!, message: shortName };
  replaced.extensionDescription = { ...replaced.extensionDescription!, message: textIn(campaign.description, lang) };
  return replaced;
}

/** The accent colour, after the project's own stylesheet (light theme; dark keeps a readable accent). */
export function campaignCss(campaign: Campaign): string {
  return `\n/* campaign */\n@media (prefers-color-scheme: light) { :root { --accent: ${campaign.accentColor}; } }\n`;
}

/** An SVG for the icons: the logo itself, or a PNG logo inside an SVG; `grey` for the toolbar on tabs without a book. */
export function logoSvg(logo: { type: 'svg' | 'png'; bytes: Uint8Array }, grey: boolean): string {
  const inner =
    logo.type === 'svg'
      ? `<image width="128" height="128" href="data:image/svg+xml;base64,${Buffer.from(logo.bytes).toString('base64')}"/>`
      : `<image width="128" height="128" href="data:image/png;base64,${Buffer.from(logo.bytes).toString('base64')}"/>`;
  const filter = grey ? '<filter id="g"><feColorMatrix type="saturate" values="0"/></filter>' : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">${filter}<g${grey ? ' filter="url(#g)" opacity="0.8"' : ''}>${inner}</g></svg>`;
}

/** The area the build serves, for the place form: its country to start on, its bounds, its name per language. */
export function campaignArea(campaign: Campaign) {
  return { name: campaign.area.name, country: campaign.area.country, bounds: campaign.area.bounds };
}

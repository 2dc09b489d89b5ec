/** For the few places that must hand a library HTML (Leaflet's attribution, the campaign's pages): text stays text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

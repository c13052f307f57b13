/**
 * Escaping for HTML built as strings. Every piece of text that came from a cell (partner names,
 * scope, benchmark findings, data-quality values) goes through escapeHtml before it touches the
 * markup, so `<script>alert(1)</script>` typed in a cell shows as those characters.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in element content and in a double- or single-quoted attribute value. */
export function escapeHtml(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * An image source the report may reference: an e-mail inline image (`cid:`) or an embedded PNG or
 * SVG (`data:` base64). Anything else — an http(s) address above all, which a mail client or a
 * browser would fetch — is refused (''), so the report never makes an external request.
 */
export function safeImageSrc(src: string): string {
  if (/^cid:[A-Za-z0-9._-]+$/.test(src)) return src;
  if (/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(src)) return src;
  return '';
}

/** An inline style attribute from property/value pairs (values are ours, never user text). */
export function style(css: Record<string, string | number>): string {
  return Object.entries(css)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${v}`)
    .join(';');
}

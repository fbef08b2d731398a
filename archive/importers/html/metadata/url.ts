// Parameters that say how a reader arrived, not which page it is: campaign tags, click ids, share ids.
const TRACKING_NAMES = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  'xtor',
  'ito',
  'ocid',
  'cmpid',
  'spm',
  'vero_id',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'wt.mc_id',
  'at_medium',
  'at_campaign',
  'smid',
  'smtyp',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'ns_', 'hsa_', 'at_custom', '__twitter'];

const isTracking = (name: string) => {
  const key = name.toLowerCase();
  return TRACKING_NAMES.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
};

/**
 * An article's address as it should be kept: absolute (resolved against `base`), http(s) only,
 * without a fragment and without tracking parameters. Null for anything else.
 */
export function cleanUrl(value: string | null | undefined, base?: string | null): string | null {
  if (!value?.trim()) return null;
  let url: URL;
  try {
    url = new URL(value.trim(), base ?? undefined);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  // Rewriting the query re-encodes all of it, so it is left alone when there is nothing to remove.
  const tracking = [...url.searchParams.keys()].filter(isTracking);
  for (const name of tracking) url.searchParams.delete(name);
  return url.href;
}

/** The host a page came from, without "www.", as the site's name of last resort. */
export function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

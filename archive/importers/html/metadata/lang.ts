/** "fr-FR", "fr_FR" or "FR" as "fr"; null for what is not an ISO 639-1 code. */
export function normaliseLang(value: string | null | undefined): string | null {
  const primary = value?.split(',')[0]?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2}$/.test(primary) ? primary : null;
}

/** What the page may ask of the save dialog: short strings, and a plain file ending. */
export function saveDialogRequest(
  title: unknown,
  defaultName: unknown,
  extension: unknown,
): { title: string; defaultName: string; extension: string } | null {
  if (typeof title !== 'string' || typeof defaultName !== 'string' || typeof extension !== 'string') return null;
  if (title.length > 200 || defaultName.length > 200 || !/^[a-z0-9]{1,10}$/i.test(extension)) return null;
  // A name, never a path: the dialog starts in the user's usual folder.
  const name = [...defaultName].map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? '_' : char)).join('');
  return { title, defaultName: name, extension };
}

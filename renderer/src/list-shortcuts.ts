import { useActions } from './actions.tsx';
import { focusedArticleId, moveListFocus, useShortcuts } from './keyboard.ts';

/** A list of articles (the library, search results): j/k move between them, b bookmarks and t tags the focused one. */
export function useArticleListShortcuts(): void {
  const actions = useActions();
  useShortcuts({
    j: () => moveListFocus(1),
    k: () => moveListFocus(-1),
    b: () => {
      const id = focusedArticleId();
      if (id === null) return false;
      document.querySelector<HTMLButtonElement>(`[data-row-article="${id}"] [data-action="bookmark"]`)?.click();
    },
    t: () => {
      const id = focusedArticleId();
      if (id === null) return false;
      actions.editTags(id);
    },
  });
}

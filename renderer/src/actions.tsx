import { createContext, useContext, useState, type ReactNode } from 'react';
import type { ArticleSummary } from '../../archive/api/contract.ts';
import { archive } from './api/archive.ts';
import { articleUpdated } from './app-state.ts';
import { TagEditor } from './components/TagEditor.tsx';

export interface Actions {
  /** Opens the tag editor of an article. */
  editTags: (article: ArticleSummary | number) => void;
  toggleBookmark: (article: ArticleSummary) => Promise<ArticleSummary>;
}

const ActionsContext = createContext<Actions | null>(null);

export function useActions(): Actions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions outside ActionsProvider');
  return actions;
}

/** Actions on an article that any view can start (from a list row, the reader or a shortcut). */
export function ActionsProvider({ children }: { children: ReactNode }) {
  const [tagging, setTagging] = useState<ArticleSummary | null>(null);

  const actions: Actions = {
    editTags(article) {
      if (typeof article === 'number') {
        // The tag editor needs the summary only, never the images.
        void archive.getArticle({ id: article, images: false }).then(setTagging);
      } else setTagging(article);
    },
    async toggleBookmark(article) {
      const summary = await archive.setBookmarked({ id: article.id, bookmarked: !article.bookmarked });
      articleUpdated(summary);
      return summary;
    },
  };

  return (
    <ActionsContext value={actions}>
      {children}
      {tagging && <TagEditor key={tagging.id} article={tagging} onClose={() => setTagging(null)} />}
    </ActionsContext>
  );
}

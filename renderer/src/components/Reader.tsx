import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, Highlight, HighlightColor, ReadStatus } from '../../../archive/api/contract.ts';
import { useActions } from '../actions.tsx';
import { archive } from '../api/archive.ts';
import { articleImages } from '../article-images.ts';
import { articleUpdated, changed, useCollections, useCurrent } from '../app-state.ts';
import { formatDate, isRtl, languageName, origin, readingMinutes } from '../format.ts';
import { formsFor } from '../hit-forms.ts';
import { bodyBlocks, type ArticleImage } from '../image-placement.ts';
import { useShortcuts } from '../keyboard.ts';
import { filterText } from '../query-edit.ts';
import { routeHash } from '../route.ts';
import { LINE_HEIGHT_VALUE, LINE_WIDTH_CH, useSettings } from '../settings.ts';
import {
  findHits,
  paragraphPieces,
  paragraphSpans,
  trimRange,
  type HighlightMark,
  type Paragraph,
} from '../text-ranges.ts';
import { ArticleCopies } from './ArticleCopies.tsx';
import { CollectionPicker } from './CollectionPicker.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { COLORS, HighlightDialog } from './HighlightDialog.tsx';
import { Icon } from './Icon.tsx';
import { ConfirmDialog, Modal } from './Modal.tsx';
import { MentionedDates } from './MentionedDates.tsx';
import { PublishedDate } from './PublishedDate.tsx';
import { ThemeControl, TypographyControls } from './TypographyControls.tsx';

interface ReaderProps {
  id: number;
  /** The search the article was opened from: its matches are marked. */
  query?: string;
  /** A highlight to show (from the notebook). */
  highlightId?: number;
  backLabel: string;
  onBack: () => void;
}

type Loaded = { article: Article; error?: undefined } | { article?: undefined; error: unknown };

export function Reader({ id, query, highlightId, backLabel, onBack }: ReaderProps) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const { textOnly } = useSettings();

  useEffect(() => {
    let current = true;
    archive.getArticle({ id, images: !textOnly }).then(
      (article) => current && setLoaded({ article }),
      (error: unknown) => current && setLoaded({ error }),
    );
    return () => {
      current = false;
    };
  }, [id, textOnly]);

  if (loaded?.article) {
    return (
      <ArticleView
        article={loaded.article}
        query={query}
        highlightId={highlightId}
        backLabel={backLabel}
        onBack={onBack}
      />
    );
  }
  return (
    <div className="reader-view">
      <div className="reader-toolbar">
        <div className="reader-toolbar-inner">
          <BackButton label={backLabel} onBack={onBack} />
        </div>
      </div>
      {loaded === null && (
        <p className="status" role="status">
          {t('reader.loading')}
        </p>
      )}
      {loaded?.error !== undefined && <ErrorMessage error={loaded.error} />}
    </div>
  );
}

function BackButton({ label, onBack }: { label: string; onBack: () => void }) {
  return (
    <button type="button" className="back-button" data-testid="back-button" onClick={onBack} aria-keyshortcuts="Escape">
      <Icon name="back" />
      <span className="back-label">{label}</span>
    </button>
  );
}

/** Where the reader's sticky bars end: what is above this line is hidden under them. */
function topInset(): number {
  return document.querySelector('.reader-toolbar')?.getBoundingClientRect().bottom ?? 0;
}

/** The character offset in the article's text of a point in the rendered body. */
function textOffset(body: HTMLElement, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>('p[data-start]');
  if (paragraph && body.contains(paragraph)) {
    const range = document.createRange();
    range.setStart(paragraph, 0);
    range.setEnd(node, offset);
    return Number(paragraph.dataset.start) + range.toString().length;
  }
  // An image holds no text: a selection that starts or ends on it falls on the text that follows it.
  const figure = element?.closest<HTMLElement>('figure[data-offset]');
  if (figure && body.contains(figure)) return Number(figure.dataset.offset);
  if (node === body) {
    const child = body.childNodes[offset];
    if (child instanceof HTMLElement && (child.dataset.start ?? child.dataset.offset)) {
      return Number(child.dataset.start ?? child.dataset.offset);
    }
    const last = body.lastElementChild;
    return last instanceof HTMLElement && last.dataset.end ? Number(last.dataset.end) : null;
  }
  return null;
}

/** The reading position: the offset of the text at the top of the screen. */
function currentPosition(body: HTMLElement): number {
  const inset = topInset();
  for (const element of body.querySelectorAll<HTMLElement>('p[data-start]')) {
    const rect = element.getBoundingClientRect();
    if (rect.bottom <= inset) continue;
    const start = Number(element.dataset.start);
    const end = Number(element.dataset.end);
    const fraction = Math.min(1, Math.max(0, (inset - rect.top) / rect.height));
    return Math.round(start + fraction * (end - start));
  }
  return 0;
}

function scrollToPosition(body: HTMLElement, position: number): void {
  const paragraphs = [...body.querySelectorAll<HTMLElement>('p[data-start]')];
  const element = paragraphs.find((p) => position < Number(p.dataset.end)) ?? paragraphs.at(-1);
  if (!element) return;
  const start = Number(element.dataset.start);
  const end = Number(element.dataset.end);
  const fraction = end > start ? Math.min(1, Math.max(0, (position - start) / (end - start))) : 0;
  const rect = element.getBoundingClientRect();
  window.scrollTo({ top: rect.top + window.scrollY + fraction * rect.height - topInset(), behavior: 'instant' });
}

interface Selected {
  start: number;
  end: number;
  top: number;
  left: number;
}

const SAVE_EVERY_MS = 1000;

function ArticleView({
  article: initial,
  query,
  highlightId,
  backLabel,
  onBack,
}: {
  article: Article;
  query?: string;
  highlightId?: number;
  backLabel: string;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const article = useCurrent(initial);
  const actions = useActions();
  const settings = useSettings();
  const collections = useCollections();
  const [highlights, setHighlights] = useState<Highlight[]>(initial.highlights);
  const [note, setNote] = useState(initial.note);
  const [collectionIds, setCollectionIds] = useState(initial.collectionIds);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [editing, setEditing] = useState<Highlight | null>(null);
  const [dialog, setDialog] = useState<'collections' | 'note' | 'original' | null>(null);
  const [panel, setPanel] = useState(false);
  const [hitIndex, setHitIndex] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const view = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const progress = useRef<HTMLDivElement>(null);
  const status = useRef<ReadStatus>(article.readStatus);
  status.current = article.readStatus;

  const lang = article.lang ?? undefined;
  const dir = isRtl(article.lang) ? 'rtl' : undefined;
  const paragraphs = useMemo(() => paragraphSpans(initial.text), [initial.text]);
  const blocks = useMemo(
    () => bodyBlocks(paragraphs, articleImages(initial.html, window.location.origin)),
    [paragraphs, initial.html],
  );
  const hits = useMemo(() => (query ? findHits(initial.text, formsFor(query)) : []), [initial.text, query]);
  const marks = useMemo<HighlightMark[]>(
    () => highlights.map(({ id, start, end, color, note: text }) => ({ id, start, end, color, note: text })),
    [highlights],
  );

  async function setStatus(next: ReadStatus): Promise<void> {
    const summary = await archive.setReadStatus({ id: article.id, status: next });
    articleUpdated(summary);
  }

  // Where to start: the highlight asked for, else the first match of the search, else where the
  // reader stopped last time. Then the reading position is followed and saved, at most every second.
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const target = highlightId ? element.querySelector<HTMLElement>(`[data-highlight-id="${highlightId}"]`) : null;
    if (target) {
      target.scrollIntoView({ block: 'center', behavior: 'instant' });
      target.classList.add('flash');
      target.focus({ preventScroll: true });
    } else if (hits.length > 0) {
      element.querySelector('[data-hit-index="0"]')?.scrollIntoView({ block: 'center', behavior: 'instant' });
      title.current?.focus({ preventScroll: true });
    } else {
      if (initial.position > 0) scrollToPosition(element, initial.position);
      else window.scrollTo(0, 0);
      // Moves screen readers and keyboard users to the article they opened.
      title.current?.focus({ preventScroll: true });
    }

    let saved = initial.position;
    let pending: number | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let frame = 0;
    let userScrolled = false;
    let markedRead = false;
    const flush = () => {
      timer = null;
      if (pending === null || pending === saved) return;
      saved = pending;
      void archive.setReadingPosition({ id: initial.id, position: pending });
      if (pending > 0 && status.current === 'unread') void setStatus('reading');
    };
    const update = () => {
      frame = 0;
      const scrollable = document.documentElement.scrollHeight - window.innerHeight;
      const fraction = scrollable > 0 ? Math.min(1, window.scrollY / scrollable) : 1;
      if (progress.current) {
        progress.current.style.transform = `scaleX(${fraction})`;
        progress.current.parentElement?.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
      }
      pending = currentPosition(element);
      timer ??= setTimeout(flush, SAVE_EVERY_MS);
      // Reaching the end marks the article read, once a visit, when the reader got there by scrolling.
      if (userScrolled && !markedRead && scrollable > 0 && window.scrollY >= scrollable - 4) {
        markedRead = true;
        if (status.current !== 'read') {
          void setStatus('read');
          setAnnouncement(t('reader.markedRead'));
        }
      }
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(update);
    };
    const onUser = () => {
      userScrolled = true;
    };
    update();
    pending = null;
    window.addEventListener('scroll', onScroll, { passive: true });
    for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const) {
      window.addEventListener(type, onUser, { passive: true });
    }
    return () => {
      window.removeEventListener('scroll', onScroll);
      for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const) {
        window.removeEventListener(type, onUser);
      }
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
      flush();
    };
    // Once per article shown: the position is followed from here on.
  }, []);

  // The current search match stands out from the others.
  useEffect(() => {
    const element = body.current;
    if (!element || hits.length === 0) return;
    element.querySelectorAll('.hit-current').forEach((mark) => mark.classList.remove('hit-current'));
    element.querySelectorAll(`[data-hit-index="${hitIndex}"]`).forEach((mark) => mark.classList.add('hit-current'));
  }, [hitIndex, hits, marks]);

  function goToHit(delta: 1 | -1): void {
    if (hits.length === 0) return;
    const next = (hitIndex + delta + hits.length) % hits.length;
    setHitIndex(next);
    body.current?.querySelector(`[data-hit-index="${next}"]`)?.scrollIntoView({ block: 'center' });
  }

  // The selection toolbar follows the text selected in the article.
  useEffect(() => {
    let frame = 0;
    const read = () => {
      frame = 0;
      const element = body.current;
      const container = view.current;
      const selection = document.getSelection();
      if (!element || !container || !selection || selection.isCollapsed || selection.rangeCount === 0) {
        setSelected(null);
        return;
      }
      const range = selection.getRangeAt(0);
      if (!element.contains(range.commonAncestorContainer)) {
        setSelected(null);
        return;
      }
      const start = textOffset(element, range.startContainer, range.startOffset);
      const end = textOffset(element, range.endContainer, range.endOffset);
      const trimmed = start === null || end === null ? null : trimRange(initial.text, start, end);
      if (!trimmed) {
        setSelected(null);
        return;
      }
      const rect = range.getBoundingClientRect();
      const box = container.getBoundingClientRect();
      setSelected({
        ...trimmed,
        top: rect.top - box.top,
        left: Math.min(Math.max(rect.left + rect.width / 2 - box.left, 120), box.width - 120),
      });
    };
    const onChange = () => {
      frame ||= requestAnimationFrame(read);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      cancelAnimationFrame(frame);
    };
  }, [initial.text]);

  async function highlight(color: HighlightColor, withNote: boolean): Promise<void> {
    if (!selected) return;
    const created = await archive.addHighlight({
      articleId: article.id,
      start: selected.start,
      end: selected.end,
      color,
    });
    setHighlights((list) => [...list, created]);
    document.getSelection()?.removeAllRanges();
    setSelected(null);
    setAnnouncement(t('highlights.added'));
    if (withNote) setEditing(created);
  }

  useShortcuts({
    Escape: () => {
      if (selected) {
        document.getSelection()?.removeAllRanges();
        setSelected(null);
      } else if (panel) setPanel(false);
      else onBack();
    },
    b: () => void actions.toggleBookmark(article),
    t: () => actions.editTags(article),
    h: () => {
      if (!selected) {
        setAnnouncement(t('highlights.selectFirst'));
        return;
      }
      void highlight('yellow', true);
    },
    n: () => goToHit(1),
    N: () => goToHit(-1),
  });

  const bodyContent = useMemo(() => {
    const paragraphView = (paragraph: Paragraph) => (
      <ParagraphView
        key={paragraph.start}
        paragraph={paragraph}
        highlights={marks}
        hits={hits}
        onOpen={(id) => {
          const found = highlights.find((item) => item.id === id);
          if (found && document.getSelection()?.isCollapsed !== false) setEditing(found);
        }}
      />
    );
    return blocks.map((block, index) =>
      block.kind === 'paragraph' ? (
        paragraphView(block.paragraph)
      ) : (
        <FigureView key={`figure-${index}`} image={block.image} offset={block.offset}>
          {block.caption && paragraphView(block.caption)}
        </FigureView>
      ),
    );
  }, [blocks, marks, hits, highlights]);

  const from = origin(article);
  const articleCollections = collections.filter((collection) => collectionIds.includes(collection.id));
  const typography = {
    '--reader-size': `${settings.fontSize}px`,
    '--reader-measure': `${LINE_WIDTH_CH[settings.lineWidth]}ch`,
    '--reader-leading': String(LINE_HEIGHT_VALUE[settings.lineHeight]),
  } as CSSProperties;
  const safeUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;

  return (
    <div className="reader-view" ref={view}>
      <div className="reader-toolbar" data-testid="reader-toolbar">
        <div className="reader-toolbar-inner" role="toolbar" aria-label={t('reader.toolbar')}>
          <BackButton label={backLabel} onBack={onBack} />
          <span className="toolbar-spacer" />
          {hits.length > 0 && (
            <div className="hit-nav" role="group" aria-label={t('reader.hits')} data-testid="hit-nav">
              <button
                type="button"
                className="icon-button"
                data-testid="hit-previous"
                aria-label={t('reader.previousHit')}
                title={t('reader.previousHit')}
                aria-keyshortcuts="Shift+N"
                onClick={() => goToHit(-1)}
              >
                <Icon name="up" />
              </button>
              <span className="hit-count" data-testid="hit-count" aria-live="polite">
                {t('reader.hitCount', { current: hitIndex + 1, count: hits.length })}
              </span>
              <button
                type="button"
                className="icon-button"
                data-testid="hit-next"
                aria-label={t('reader.nextHit')}
                title={t('reader.nextHit')}
                aria-keyshortcuts="N"
                onClick={() => goToHit(1)}
              >
                <Icon name="down" />
              </button>
            </div>
          )}
          <button
            type="button"
            className="icon-button"
            data-testid="reader-bookmark"
            aria-pressed={article.bookmarked}
            aria-label={t('actions.bookmark')}
            aria-keyshortcuts="B"
            title={article.bookmarked ? t('actions.unbookmark') : t('actions.bookmark')}
            onClick={() => void actions.toggleBookmark(article)}
          >
            <Icon name="bookmark" />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="reader-tags"
            aria-label={t('tags.edit')}
            title={t('tags.edit')}
            aria-keyshortcuts="T"
            onClick={() => actions.editTags(article)}
          >
            <Icon name="tag" />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="reader-collections"
            aria-label={t('collections.pick')}
            title={t('collections.pick')}
            onClick={() => setDialog('collections')}
          >
            <Icon name="folder" />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="reader-note"
            aria-label={t('note.edit')}
            title={t('note.edit')}
            onClick={() => setDialog('note')}
          >
            <Icon name="note" />
          </button>
          <label className="visually-hidden" htmlFor="reader-status">
            {t('status.label')}
          </label>
          <span className="select-wrap status-select">
            <select
              id="reader-status"
              data-testid="reader-status"
              value={article.readStatus}
              onChange={(event) => void setStatus(event.target.value as ReadStatus)}
            >
              {(['unread', 'reading', 'read'] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`status.${value}`)}
                </option>
              ))}
            </select>
            <svg className="select-chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="m6 9 6 6 6-6" />
            </svg>
          </span>
          <button
            type="button"
            className="icon-button"
            data-testid="reader-settings"
            aria-label={t('typography.open')}
            title={t('typography.open')}
            aria-expanded={panel}
            aria-controls="reader-settings-panel"
            onClick={() => setPanel(!panel)}
          >
            <Icon name="type" />
          </button>
        </div>
        <div
          className="progress"
          role="progressbar"
          aria-label={t('reader.progress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={0}
          data-testid="reading-progress"
        >
          <div className="progress-fill" ref={progress} />
        </div>
        {panel && <ReaderSettingsPanel onClose={() => setPanel(false)} />}
      </div>

      <article
        className={`reader reader-font-${settings.font}`}
        data-testid="reader"
        lang={lang}
        dir={dir}
        style={typography}
      >
        <title>{`${article.title || t('app.untitled')} – ${t('app.name')}`}</title>
        <header className="reader-header">
          <h1 className="reader-title" data-testid="reader-title" ref={title} tabIndex={-1}>
            {article.title || t('app.untitled')}
          </h1>
          <p className="reader-meta" data-testid="reader-meta" lang={i18n.language} dir={i18n.dir()}>
            {from && <span className="reader-origin">{from}</span>}
            {article.author && <span>{t('reader.by', { author: article.author })}</span>}
            <PublishedDate article={article} long />
            {article.publishedAt !== null && (
              <span data-testid="imported-date">
                {t('reader.imported', { date: formatDate(article.importedAt, i18n.language) })}
              </span>
            )}
            {article.capturedAt && (
              <span data-testid="captured-date">
                {t('reader.captured', { date: formatDate(article.capturedAt, i18n.language) })}
              </span>
            )}
            {article.lang && <span>{languageName(article.lang, i18n.language)}</span>}
            <span>{t('reader.words', { count: article.wordCount })}</span>
            <span>{t('reader.minutes', { count: readingMinutes(article.wordCount) })}</span>
          </p>
          <div className="reader-labels" lang={i18n.language} dir={i18n.dir()}>
            {article.tags.length > 0 && (
              <ul className="tag-list" aria-label={t('tags.label')} data-testid="reader-tag-list">
                {article.tags.map((tag) => (
                  <li key={tag} className="tag">
                    <a href={routeHash({ view: 'library', filter: filterText('tag', tag) })}>{tag}</a>
                  </li>
                ))}
              </ul>
            )}
            {articleCollections.length > 0 && (
              <ul className="tag-list" aria-label={t('collections.title')} data-testid="reader-collection-list">
                {articleCollections.map((collection) => (
                  <li key={collection.id} className="tag tag-collection">
                    <Icon name="folder" />
                    <a href={routeHash({ view: 'library', filter: filterText('collection', collection.name) })}>
                      {collection.name}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {safeUrl && (
              <button
                type="button"
                className="link-button"
                data-testid="open-original"
                onClick={() => {
                  // The desktop app's main process asks before opening any web page itself; asking here too would ask twice.
                  if (window.archive && safeUrl) window.open(safeUrl, '_blank', 'noopener,noreferrer');
                  else setDialog('original');
                }}
              >
                <Icon name="external" />
                {t('reader.original')}
              </button>
            )}
            <ExportMenu articleId={article.id} title={article.title} />
          </div>
          <ArticleCopies copies={article.copies} />
          <MentionedDates dates={article.mentionedDates} />
          {note && (
            <aside
              className="article-note"
              data-testid="article-note"
              lang={i18n.language}
              dir={i18n.dir()}
              aria-labelledby="article-note-title"
            >
              <h2 id="article-note-title">{t('note.title')}</h2>
              <p>{note}</p>
              <button type="button" className="link-button" onClick={() => setDialog('note')}>
                {t('note.edit')}
              </button>
            </aside>
          )}
        </header>
        <div className="reader-body" data-testid="reader-body" ref={body}>
          {bodyContent}
        </div>
        <footer className="reader-end" lang={i18n.language} dir={i18n.dir()}>
          {article.readStatus === 'read' ? (
            <p className="reader-end-status" data-testid="read-state">
              <Icon name="check" />
              {t('reader.isRead')}
            </p>
          ) : (
            <button
              type="button"
              className="button button-primary"
              data-testid="mark-read"
              onClick={() => void setStatus('read')}
            >
              <Icon name="check" />
              {t('reader.markRead')}
            </button>
          )}
          <button type="button" className="button" onClick={onBack}>
            {backLabel}
          </button>
        </footer>
      </article>

      {selected && (
        <SelectionToolbar selected={selected} onHighlight={(color, withNote) => void highlight(color, withNote)} />
      )}
      <p className="visually-hidden" role="status" data-testid="reader-announcement">
        {announcement}
      </p>

      {editing && (
        <HighlightDialog
          highlight={editing}
          lang={lang}
          dir={dir}
          onClose={() => setEditing(null)}
          onSaved={(saved) => setHighlights((list) => list.map((item) => (item.id === saved.id ? saved : item)))}
          onDeleted={(id) => setHighlights((list) => list.filter((item) => item.id !== id))}
        />
      )}
      {dialog === 'collections' && (
        <CollectionPicker
          articleId={article.id}
          title={article.title}
          collectionIds={collectionIds}
          onChange={setCollectionIds}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'note' && (
        <NoteDialog articleId={article.id} note={note} onSaved={setNote} onClose={() => setDialog(null)} />
      )}
      {dialog === 'original' && safeUrl && (
        <ConfirmDialog
          title={t('reader.originalTitle')}
          body={
            <>
              <p>{t('reader.originalBody')}</p>
              <p className="url-preview" data-testid="original-url">
                {safeUrl}
              </p>
            </>
          }
          confirm={t('reader.originalConfirm')}
          testId="confirm-original"
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            window.open(safeUrl, '_blank', 'noopener,noreferrer');
          }}
        />
      )}
    </div>
  );
}

function ParagraphView({
  paragraph,
  highlights,
  hits,
  onOpen,
}: {
  paragraph: Paragraph;
  highlights: HighlightMark[];
  hits: { start: number; end: number }[];
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const pieces = paragraphPieces(paragraph, highlights, hits);
  // Consecutive pieces of one highlight make one mark (a search match inside it splits the pieces).
  const groups: { highlight: HighlightMark | null; pieces: typeof pieces }[] = [];
  for (const piece of pieces) {
    const last = groups.at(-1);
    if (last && last.highlight !== null && last.highlight === piece.highlight) last.pieces.push(piece);
    else groups.push({ highlight: piece.highlight, pieces: [piece] });
  }
  const text = (piece: (typeof pieces)[number]): ReactNode =>
    piece.hit !== null ? (
      <mark key={piece.start} className="hit" data-hit-index={piece.hit}>
        {piece.text}
      </mark>
    ) : (
      <span key={piece.start}>{piece.text}</span>
    );
  return (
    <p data-start={paragraph.start} data-end={paragraph.end}>
      {groups.map((group) => {
        const first = group.pieces[0];
        if (!first) return null;
        if (!group.highlight) return text(first);
        const { id, color, note } = group.highlight;
        return (
          <mark
            key={first.start}
            className={`hl hl-${color}`}
            data-highlight-id={id}
            data-has-note={note ? '' : undefined}
            data-testid="highlight"
            role="button"
            tabIndex={0}
            title={note ?? t('highlights.open')}
            aria-description={note ? t('highlights.withNote', { note }) : undefined}
            onClick={() => onOpen(id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onOpen(id);
              }
            }}
          >
            {group.pieces.map(text)}
          </mark>
        );
      })}
    </p>
  );
}

/**
 * An image of the article, between its paragraphs. Its source is the archive's own (image-placement
 * checks it); a caption that is a paragraph of the text comes as `children`, with its offsets.
 */
function FigureView({ image, offset, children }: { image: ArticleImage; offset: number; children: ReactNode }) {
  const caption = children ?? (image.caption ? <span className="figure-caption-text">{image.caption}</span> : null);
  return (
    <figure className="reader-figure" data-offset={offset} data-testid="reader-figure">
      <img
        src={image.src}
        alt={image.alt}
        width={image.width}
        height={image.height}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        draggable={false}
      />
      {caption && <figcaption data-testid="reader-figure-caption">{caption}</figcaption>}
    </figure>
  );
}

function SelectionToolbar({
  selected,
  onHighlight,
}: {
  selected: Selected;
  onHighlight: (color: HighlightColor, withNote: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('highlights.toolbar')}
      data-testid="selection-toolbar"
      style={{ top: selected.top, left: selected.left }}
      // Keeps the selection: a click here would otherwise clear it before the button acts.
      onMouseDown={(event) => event.preventDefault()}
    >
      {COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch-button swatch-${color}`}
          data-testid={`highlight-${color}`}
          aria-label={t('highlights.withColor', { color: t(`colors.${color}`) })}
          title={t('highlights.withColor', { color: t(`colors.${color}`) })}
          onClick={() => onHighlight(color, false)}
        />
      ))}
      <button
        type="button"
        className="button button-small"
        data-testid="highlight-with-note"
        aria-keyshortcuts="H"
        onClick={() => onHighlight('yellow', true)}
      >
        <Icon name="note" />
        {t('highlights.addNote')}
      </button>
    </div>
  );
}

function NoteDialog({
  articleId,
  note,
  onSaved,
  onClose,
}: {
  articleId: number;
  note: string | null;
  onSaved: (note: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(note ?? '');
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal title={t('note.title')} onClose={onClose} testId="note-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const next = value.trim() ? value : null;
          archive.setArticleNote({ id: articleId, note: next }).then(
            () => {
              onSaved(next);
              changed('articles');
              onClose();
            },
            (reason: unknown) => setError(reason),
          );
        }}
      >
        <label className="visually-hidden" htmlFor="article-note-input">
          {t('note.title')}
        </label>
        <textarea
          id="article-note-input"
          className="text-input textarea"
          data-testid="note-input"
          rows={8}
          data-autofocus=""
          value={value}
          placeholder={t('note.placeholder')}
          onChange={(event) => setValue(event.target.value)}
        />
        {error !== null && <ErrorMessage error={error} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="note-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The reader's typography and theme, under the toolbar; Esc or a click elsewhere closes it. */
function ReaderSettingsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('input:checked, button')?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (
        !panel.current?.contains(target) &&
        !(target instanceof Element && target.closest('[data-testid="reader-settings"]'))
      )
        onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [onClose]);
  return (
    <div
      ref={panel}
      id="reader-settings-panel"
      className="reader-settings-panel"
      role="group"
      aria-label={t('typography.title')}
      data-testid="reader-settings-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
          document.querySelector<HTMLElement>('[data-testid="reader-settings"]')?.focus();
        }
      }}
    >
      <TypographyControls />
      <ThemeControl />
    </div>
  );
}

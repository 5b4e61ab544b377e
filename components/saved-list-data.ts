// The database side of the popup's saved list (SavedList.tsx), loaded once the list has painted
// what the popup showed last: Dexie and the library's store are not in the popup's first paint.
import { type LibraryDB, openLibraryNow } from '@/extension/library/db';

export { searchLibrary } from '@/extension/library/search';
export { recent, removeArticles, restoreArticles, setRead } from '@/extension/library/store';

let opened: LibraryDB | null = null;

/** The library database, opened on first use. */
export const library = (): LibraryDB => (opened ??= openLibraryNow());

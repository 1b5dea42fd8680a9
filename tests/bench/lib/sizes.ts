/** Data-set sizes: the full size and the --quick size used to iterate on a figure. */
import type { DatasetSize } from './dataset';

export const FULL_CACHE: DatasetSize = { conversations: 100_000, messages: 1_000_000 };
export const QUICK_CACHE: DatasetSize = { conversations: 10_000, messages: 100_000 };

export const cacheSize = (quick: boolean): DatasetSize => (quick ? QUICK_CACHE : FULL_CACHE);
export const sizeLabel = (size: DatasetSize) =>
  `${size.conversations.toLocaleString('en')} conversations / ${size.messages.toLocaleString('en')} messages`;

// The record helpers of results-store.ts that both stores call, loaded on their first call (not with rune-bench,
// which exports the stores): one set of forwarders instead of a copy in each store.
import { lazyModule } from '../core/lazy.js';
import type * as ResultsStoreModule from './results-store.js';

const records = lazyModule<typeof ResultsStoreModule>(import.meta.url, './results-store.js');

/** @internal */
export const benchmarksOf: typeof ResultsStoreModule.benchmarksOf = (...args) => records().benchmarksOf(...args);
/** @internal */
export const byStartTime: typeof ResultsStoreModule.byStartTime = (...args) => records().byStartTime(...args);
/** @internal */
export const checkBaselineName: typeof ResultsStoreModule.checkBaselineName = (...args) => {
  records().checkBaselineName(...args);
};
/** @internal */
export const keysOf: typeof ResultsStoreModule.keysOf = (...args) => records().keysOf(...args);
/** @internal */
export const parseRecord: typeof ResultsStoreModule.parseRecord = (...args) => records().parseRecord(...args);
/** @internal */
export const seriesOf: typeof ResultsStoreModule.seriesOf = (...args) => records().seriesOf(...args);
/** @internal */
export const storedResult: typeof ResultsStoreModule.storedResult = (...args) => records().storedResult(...args);
/** The `format` and `version` fields every stored record starts with. @internal */
export const recordHeader = (): { readonly format: typeof ResultsStoreModule.RECORD_FORMAT; readonly version: typeof ResultsStoreModule.RECORD_VERSION } => ({
  format: records().RECORD_FORMAT,
  version: records().RECORD_VERSION,
});

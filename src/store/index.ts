export { openImportedStore, type ImportedStore, type OpenStoreOptions, type RejectedRecord, type RemovedRecord, type StoredRead } from './importedStore';

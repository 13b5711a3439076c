export { openImportedStore, type ImportedStore, type RejectedRecord, type RemovedRecord, type StoredRead } from './importedStore';

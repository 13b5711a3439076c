export { openImportedStore, type ImportedStore, type RejectedRecord, type StoredRead } from './importedStore';
